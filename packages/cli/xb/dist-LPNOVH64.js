import {
  parseServerUrl
} from "./chunk-MO6UAS4U.js";
import {
  AdapterBase,
  DEFAULT_STRING_LENGTH,
  POSTGRES_SQL,
  columnTypeSql,
  findPlaceholders,
  portableTypeTable,
  replacePlaceholders
} from "./chunk-6IGKFJOS.js";
import "./chunk-55XL33YF.js";
import {
  maskSecrets,
  maskUrl
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  LockTimeoutError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../dialect-postgres/dist/postgres-dialect.js
import { randomBytes } from "node:crypto";

// ../dialect-postgres/dist/postgres-literal.js
import { createHash } from "node:crypto";
var PostgresValueError = class extends RetortError {
  constructor(message) {
    super("postgres-value", message);
  }
};
function toPostgresValue(value) {
  if (value === void 0 || value === null)
    return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "symbol":
    case "function":
      throw new PostgresValueError(`cannot bind a ${typeof value} as a PostgreSQL value`);
    default:
      break;
  }
  if (value instanceof Date)
    return isoUtc(value);
  if (Buffer.isBuffer(value))
    return value;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value))
    return arrayText(value);
  return JSON.stringify(value);
}
function renderLiteral(value) {
  const prepared = toPostgresValue(value);
  if (prepared === null)
    return "NULL";
  if (typeof prepared === "boolean")
    return prepared ? "TRUE" : "FALSE";
  if (typeof prepared === "number") {
    return Number.isFinite(prepared) ? String(prepared) : `'${String(prepared)}'`;
  }
  if (Buffer.isBuffer(prepared))
    return `decode('${prepared.toString("hex")}', 'hex')`;
  return quoteString(String(prepared));
}
function quoteString(text) {
  if (text.includes("\0")) {
    throw new PostgresValueError("PostgreSQL text cannot hold the NUL character (\\0); remove it or store the value as binary");
  }
  const quoted = text.replaceAll("'", "''");
  return text.includes("\\") ? `E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}
function isoUtc(value) {
  if (Number.isNaN(value.getTime()))
    throw new PostgresValueError("cannot bind an invalid Date");
  return value.toISOString();
}
function arrayText(values) {
  const items = values.map((item) => {
    if (item === null || item === void 0)
      return "NULL";
    if (Array.isArray(item))
      return arrayText(item);
    const prepared = toPostgresValue(item);
    const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString("hex")}` : String(prepared);
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}
function numberPlaceholders(statement) {
  const { sql, parameters } = statement;
  if (parameters.length === 0)
    return statement;
  let highest = 0;
  for (const placeholder of findPlaceholders(sql, POSTGRES_SQL)) {
    highest = Math.max(highest, placeholder.number ?? 0);
  }
  if (highest > 0) {
    if (highest > parameters.length) {
      throw new PostgresValueError(`statement uses $${highest} but has only ${parameters.length} parameters: ${sql.slice(0, 80)}`);
    }
    return statement;
  }
  let next = 0;
  const text = replacePlaceholders(sql, POSTGRES_SQL, () => {
    next++;
    return `$${next}`;
  });
  if (next !== parameters.length) {
    throw new PostgresValueError(`statement has ${next} placeholders for ${parameters.length} parameters: ${sql.slice(0, 80)}; write one ? (or $n) per value`);
  }
  return { sql: text, parameters };
}
function inlineStatement(statement) {
  const numbered = numberPlaceholders(statement);
  const values = numbered.parameters.map(toPostgresValue);
  return replacePlaceholders(numbered.sql, POSTGRES_SQL, (placeholder) => values.length === 0 || placeholder.number === void 0 ? placeholder.text : renderLiteral(values[placeholder.number - 1]), { script: true });
}
var MAX_IDENTIFIER_BYTES = 63;
function quoteIdentifier(name) {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0")) {
    throw new RetortError("postgres-identifier", `'${String(name)}' is not a valid PostgreSQL identifier; use a non-empty name without NUL`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}
function fitIdentifier(name) {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES)
    return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 10);
  let head = "";
  for (const character of name) {
    if (Buffer.byteLength(head + character) > MAX_IDENTIFIER_BYTES - hash.length - 1)
      break;
    head += character;
  }
  return `${head}_${hash}`;
}
function foreignKeyName(table, column) {
  return fitIdentifier(`${table}_${column}_fkey`);
}

// ../dialect-postgres/dist/postgres-migration-lock.js
import { createHash as createHash2 } from "node:crypto";
var LOCK_NOT_AVAILABLE = "55P03";
function postgresLockKey(database, schema, table) {
  const digest = createHash2("sha256").update(JSON.stringify(["retort", database, schema, table])).digest();
  return digest.readBigInt64BE(0).toString();
}
var PostgresMigrationLock = class {
  #defaultSchema;
  #held = /* @__PURE__ */ new Map();
  /** `defaultSchema`: the dialect's `schema`, used when the version table names none. */
  constructor(defaultSchema) {
    this.#defaultSchema = defaultSchema;
  }
  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that. Call it outside a transaction.
   *
   * @example
   * ```ts
   * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(connection, options) {
    const { key, target } = await this.#key(connection, options);
    const held = this.#held.get(connection) ?? /* @__PURE__ */ new Set();
    if (held.has(key)) {
      throw new RetortError("lock-held", `the migration lock on '${target}' is already held by this connection; release it before taking it again`);
    }
    const { rows } = await connection.execute({
      sql: "SELECT pg_try_advisory_lock($1::bigint) AS locked",
      parameters: [key]
    });
    if (rows[0]?.["locked"] !== true) {
      const timeoutMs = Math.floor(options.timeoutMs);
      if (!(timeoutMs > 0)) {
        throw new LockTimeoutError(target, options.timeoutMs, await holderOf(connection, key));
      }
      await waitFor(connection, key, timeoutMs, async () => {
        throw new LockTimeoutError(target, options.timeoutMs, await holderOf(connection, key));
      });
    }
    held.add(key);
    this.#held.set(connection, held);
  }
  /**
   * Releases the lock if this object took it on this connection. A lock already gone
   * (the session ended) is not an error.
   *
   * @example
   * ```ts
   * await lock.release(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async release(connection, options) {
    const held = this.#held.get(connection);
    if (held === void 0 || held.size === 0)
      return;
    const { key } = await this.#key(connection, options);
    if (!held.delete(key))
      return;
    if (held.size === 0)
      this.#held.delete(connection);
    await connection.execute({
      sql: "SELECT pg_advisory_unlock($1::bigint) AS released",
      parameters: [key]
    });
  }
  async #key(connection, options) {
    const { rows } = await connection.execute({
      sql: "SELECT current_database() AS database, current_schema() AS schema",
      parameters: []
    });
    const database = String(rows[0]?.["database"] ?? "");
    const given = options.versionTable.schema;
    const schema = given !== void 0 && given !== "" ? given : this.#defaultSchema ?? rows[0]?.["schema"] ?? "public";
    const table = options.versionTable.name;
    return {
      key: postgresLockKey(database, schema, table),
      target: `${database}.${schema}.${table}`
    };
  }
};
async function waitFor(connection, key, timeoutMs, onTimeout) {
  await connection.begin();
  try {
    await connection.execute({
      sql: "SELECT set_config('lock_timeout', $1, true)",
      parameters: [`${timeoutMs}ms`]
    });
    await connection.execute({ sql: "SELECT pg_advisory_lock($1::bigint)", parameters: [key] });
  } catch (error) {
    await connection.rollback();
    if (error?.code === LOCK_NOT_AVAILABLE)
      await onTimeout();
    throw error;
  }
  await connection.commit();
}
async function holderOf(connection, key) {
  const value = BigInt.asUintN(64, BigInt(key));
  const classid = (value >> 32n).toString();
  const objid = (value & 0xffffffffn).toString();
  try {
    const { rows } = await connection.execute({
      sql: "SELECT l.pid, a.application_name, a.usename, host(a.client_addr) AS client_addr FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1 LIMIT 1",
      parameters: [classid, objid]
    });
    const row = rows[0];
    if (row === void 0)
      return void 0;
    const details = [
      row["application_name"] ? `application_name '${String(row["application_name"])}'` : "",
      row["usename"] ? `user '${String(row["usename"])}'` : "",
      row["client_addr"] ? `client ${String(row["client_addr"])}` : ""
    ].filter((part) => part !== "");
    return `pid ${String(row["pid"])}${details.length === 0 ? "" : ` (${details.join(", ")})`}`;
  } catch {
    return void 0;
  }
}

// ../dialect-postgres/dist/postgres-adapter.js
var PostgresAdapter = class extends AdapterBase {
  #lock;
  #schema;
  /** `schema`: the dialect's `schema` option (the run's `search_path`). */
  constructor(schema) {
    super();
    this.#schema = schema;
    this.#lock = new PostgresMigrationLock(schema);
  }
  get supportsTransactionalDdl() {
    return true;
  }
  /**
   * Whether the table exists in its schema (default: the session's `current_schema()`),
   * read from `pg_class` with bound names; never creates anything.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version', schema: 'tenant_a' })
   * ```
   */
  async hasTable(connection, table) {
    const { rows } = await connection.execute({
      sql: "SELECT 1 AS found FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema()) AND c.relkind IN ('r', 'p')",
      parameters: [
        table.name,
        table.schema === void 0 || table.schema === "" ? null : table.schema
      ]
    });
    return rows.length > 0;
  }
  /**
   * Takes the cross-process lock of this database, schema and version table; throws
   * `LockTimeoutError` after `timeoutMs`, naming the session that holds it. Then creates
   * the schemas the run writes to when they are missing.
   *
   * @example
   * ```ts
   * await adapter.acquireMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  async acquireMigrationLock(connection, options) {
    await this.#lock.acquire(connection, options);
    try {
      for (const schema of /* @__PURE__ */ new Set([options.versionTable.schema, this.#schema])) {
        if (schema !== void 0 && schema !== "")
          await ensureSchema(connection, schema);
      }
    } catch (error) {
      await this.#lock.release(connection, options);
      throw error;
    }
  }
  /**
   * Releases the lock taken by {@link PostgresAdapter.acquireMigrationLock}.
   *
   * @example
   * ```ts
   * await adapter.releaseMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  async releaseMigrationLock(connection, options) {
    await this.#lock.release(connection, options);
  }
};
async function ensureSchema(connection, schema) {
  const { rows } = await connection.execute({
    sql: "SELECT 1 AS found FROM pg_namespace WHERE nspname = $1",
    parameters: [schema]
  });
  if (rows.length > 0)
    return;
  await connection.execute({
    sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`,
    parameters: []
  });
}

// ../dialect-postgres/dist/postgres-column-type.js
var fraction = (spec) => spec.precision === void 0 ? "" : `(${spec.precision})`;
var zone = (spec) => spec.withTimezone === true ? " WITH TIME ZONE" : "";
var POSTGRES_TYPES = portableTypeTable({
  // FLOAT(p): 1-24 is REAL, 25-53 DOUBLE PRECISION.
  float: (spec) => spec.precision === void 0 ? "REAL" : `FLOAT${fraction(spec)}`,
  double: "DOUBLE PRECISION",
  time: (spec) => `TIME${fraction(spec)}${zone(spec)}`,
  datetime: (spec) => `TIMESTAMP${fraction(spec)}${zone(spec)}`,
  timestamp: (spec) => `TIMESTAMP${fraction(spec)}${zone(spec)}`,
  json: "JSONB",
  uuid: "UUID",
  // PostgreSQL has one binary type; a length is not enforced.
  binary: "BYTEA"
});
function postgresColumnType(column) {
  return columnTypeSql(column, POSTGRES_TYPES);
}
function needsUsingCast(spec) {
  const type = spec.type;
  if (typeof type !== "string") {
    return !/^\s*(character|char|varchar|nchar|national|bit|varbit|text)\b/i.test(type.raw);
  }
  return type !== "string" && type !== "text";
}

// ../dialect-postgres/dist/postgres-compiler.js
var MAX_PARAMETERS = 65535;
var MAX_ROWS_PER_INSERT = 1e3;
var PostgresCompileError = class extends RetortError {
  constructor(message) {
    super("postgres-compile", message);
  }
};
var PostgresCompiler = class {
  #schema;
  constructor(options = {}) {
    this.#schema = options.schema === "" ? void 0 : options.schema;
  }
  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new PostgresCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'ALTER TABLE "a" RENAME TO "b"', parameters: [] }]
   * ```
   */
  compile(operation) {
    switch (operation.kind) {
      case "createTable":
        return this.#createTable(operation);
      case "dropTable":
        return [
          ddl(`DROP TABLE ${operation.ifExists ? "IF EXISTS " : ""}${this.#table(operation.name, operation.schema)}`)
        ];
      case "renameTable":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.from, operation.schema)} RENAME TO ${quoteIdentifier(operation.to)}`)
        ];
      case "addColumn": {
        const table = this.#table(operation.table, operation.schema);
        const statements = [
          ddl(`ALTER TABLE ${table} ADD COLUMN ${this.#column(operation.column, operation.table, operation.schema, true)}`)
        ];
        if (operation.column.comment !== void 0) {
          statements.push(this.#columnComment(table, operation.column.name, operation.column.comment));
        }
        return statements;
      }
      case "dropColumn":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} DROP COLUMN ${quoteIdentifier(operation.name)}`)
        ];
      case "alterColumn":
        return this.#alterColumn(operation);
      case "createIndex": {
        const parts = operation.columns.map((column) => indexPart(column));
        const where2 = operation.where === void 0 ? "" : ` WHERE ${operation.where}`;
        return [
          ddl(`CREATE ${operation.unique ? "UNIQUE " : ""}INDEX ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)} (${parts.join(", ")})${where2}`)
        ];
      }
      case "dropIndex":
        return [
          ddl(`DROP INDEX ${operation.ifExists ? "IF EXISTS " : ""}${this.#table(operation.name, operation.schema)}`)
        ];
      case "createUniqueConstraint":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} UNIQUE (${list(operation.columns)})`)
        ];
      case "createForeignKey":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD ${this.#foreignKey(operation.schema, operation.name, operation.columns, operation.references, operation.deferrable, operation.initially)}`)
        ];
      case "createCheckConstraint":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} CHECK (${operation.expression})`)
        ];
      case "createPrimaryKey":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} PRIMARY KEY (${list(operation.columns)})`)
        ];
      case "dropConstraint":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} DROP CONSTRAINT ${quoteIdentifier(operation.name)}`)
        ];
      case "createTableComment":
        return [
          ddl(`COMMENT ON TABLE ${this.#table(operation.table, operation.schema)} IS ${quoteString(operation.comment)}`)
        ];
      case "dropTableComment":
        return [ddl(`COMMENT ON TABLE ${this.#table(operation.table, operation.schema)} IS NULL`)];
      case "execute":
        return [
          numberPlaceholders({
            sql: operation.sql,
            parameters: operation.parameters.map(toPostgresValue)
          })
        ];
      case "bulkInsert":
        return this.#bulkInsert(operation.table, operation.schema, operation.columns, operation.rows);
      default: {
        const _never = operation;
        throw new PostgresCompileError(`unknown operation kind '${_never.kind}'`);
      }
    }
  }
  /**
   * `"name"` with `"` doubled. Rejects empty names and NUL characters.
   *
   * @example
   * ```ts
   * new PostgresCompiler().quoteIdentifier('select') // '"select"'
   * ```
   */
  quoteIdentifier(name) {
    return quoteIdentifier(name);
  }
  /**
   * The statement with its parameters written in as literals, for offline SQL scripts.
   *
   * @example
   * ```ts
   * new PostgresCompiler().inline({ sql: 'DELETE FROM "t" WHERE "id" = $1', parameters: [1] })
   * // 'DELETE FROM "t" WHERE "id" = 1'
   * ```
   */
  inline(statement) {
    return inlineStatement(statement);
  }
  /**
   * What an offline script does before its statements, as an online run does on its
   * session: each schema it writes to (the version table's, the dialect's `schema`) is
   * created when missing, by a `DO` block that looks first (`CREATE SCHEMA IF NOT EXISTS`
   * needs the CREATE privilege even when the schema exists), and `search_path` is set to
   * the dialect's `schema` alone.
   *
   * @example
   * ```ts
   * new PostgresCompiler({ schema: 'tenant_a' }).scriptFrame({ name: 'retort_version' }).start
   * // [{ sql: 'DO $retort$ BEGIN IF NOT EXISTS ... $retort$', parameters: [] }, { sql: 'SET search_path TO "tenant_a"', parameters: [] }]
   * ```
   */
  scriptFrame(versionTable) {
    const schemas = [.../* @__PURE__ */ new Set([versionTable.schema, this.#schema])].filter((schema) => schema !== void 0 && schema !== "");
    const start = schemas.map((schema) => ddl(dollarQuoted("DO", `BEGIN IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${quoteString(schema)}) THEN CREATE SCHEMA ${quoteIdentifier(schema)}; END IF; END`)));
    if (this.#schema !== void 0) {
      start.push(ddl(`SET search_path TO ${quoteIdentifier(this.#schema)}`));
    }
    return Object.freeze({
      notes: ["run it so that it stops at the first error: psql -v ON_ERROR_STOP=1 -f SCRIPT"],
      start,
      check: () => [],
      end: []
    });
  }
  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table, its primary key named
   * `<table>_pkc`. A `schema` must exist (online runs create a missing one under the
   * migration lock, offline scripts at their top: see {@link PostgresCompiler.scriptFrame}).
   *
   * @example
   * ```ts
   * new PostgresCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table, idLength) {
    if (!Number.isSafeInteger(idLength) || idLength < 1 || idLength > 10485760) {
      throw new PostgresCompileError(`version id length must be an integer from 1 to 10485760 (got ${idLength})`);
    }
    return [
      ddl(`CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} ("version_num" VARCHAR(${idLength}) NOT NULL, CONSTRAINT ${quoteIdentifier(fitIdentifier(`${table.name}_pkc`))} PRIMARY KEY ("version_num"))`)
    ];
  }
  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new PostgresCompiler().selectVersions({ name: 'retort_version', schema: 'tenant_a' })
   * ```
   */
  selectVersions(table) {
    return ddl(`SELECT "version_num" FROM ${this.#qualified(table)} ORDER BY "version_num"`);
  }
  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new PostgresCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table, revision) {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} ("version_num") VALUES ($1)`,
      parameters: [revision]
    };
  }
  /**
   * Moves a version row from one revision to another.
   *
   * @example
   * ```ts
   * new PostgresCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table, from, to) {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET "version_num" = $1 WHERE "version_num" = $2`,
      parameters: [to, from]
    };
  }
  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new PostgresCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table, revision) {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE "version_num" = $1`,
      parameters: [revision]
    };
  }
  #qualified(table) {
    return this.#table(table.name, table.schema);
  }
  #table(name, schema) {
    return schema === void 0 || schema === "" ? quoteIdentifier(name) : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
  }
  #createTable(operation) {
    const { columns } = operation;
    const keyColumns = columns.filter((column) => column.primaryKey);
    const parts = columns.map((column) => this.#column(column, operation.name, operation.schema, keyColumns.length === 1));
    if (keyColumns.length > 1)
      parts.push(`PRIMARY KEY (${list(keyColumns.map((c) => c.name))})`);
    for (const constraint of operation.constraints) {
      parts.push(this.#constraint(constraint, operation.schema));
    }
    const table = this.#table(operation.name, operation.schema);
    const statements = [
      ddl(`CREATE TABLE ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${table} (${parts.join(", ")})`)
    ];
    if (operation.comment !== void 0) {
      statements.push(ddl(`COMMENT ON TABLE ${table} IS ${quoteString(operation.comment)}`));
    }
    for (const column of columns) {
      if (column.comment !== void 0) {
        statements.push(this.#columnComment(table, column.name, column.comment));
      }
    }
    return statements;
  }
  #columnComment(table, column, comment) {
    return ddl(`COMMENT ON COLUMN ${table}.${quoteIdentifier(column)} IS ${comment === null ? "NULL" : quoteString(comment)}`);
  }
  /** A column definition; the primary key is inline when it is the table's only key column. */
  #column(column, table, schema, inlinePrimaryKey) {
    let sql = `${quoteIdentifier(column.name)} ${postgresColumnType(column)}`;
    if (column.autoincrement)
      sql += " GENERATED BY DEFAULT AS IDENTITY";
    if (!column.nullable)
      sql += " NOT NULL";
    if (column.default !== void 0)
      sql += ` DEFAULT ${defaultLiteral(column, column.default)}`;
    else if (column.defaultSql !== void 0)
      sql += ` DEFAULT ${column.defaultSql}`;
    if (column.unique)
      sql += " UNIQUE";
    if (column.primaryKey && inlinePrimaryKey)
      sql += " PRIMARY KEY";
    const r = column.references;
    if (r !== void 0) {
      sql += ` CONSTRAINT ${quoteIdentifier(foreignKeyName(table, column.name))} REFERENCES ${this.#table(r.table, r.schema ?? schema)} (${quoteIdentifier(r.column)})${actions(r.onDelete, r.onUpdate)}`;
    }
    return sql;
  }
  #constraint(constraint, schema) {
    const name = constraint.name === void 0 ? "" : `CONSTRAINT ${quoteIdentifier(constraint.name)} `;
    switch (constraint.kind) {
      case "primaryKey":
        return `${name}PRIMARY KEY (${list(constraint.columns)})`;
      case "unique":
        return `${name}UNIQUE (${list(constraint.columns)})`;
      case "foreignKey":
        return this.#foreignKey(schema, constraint.name, constraint.columns, constraint.references, constraint.deferrable, constraint.initially);
      case "check":
        return `${name}CHECK (${constraint.expression})`;
      default: {
        const _never = constraint;
        throw new PostgresCompileError(`unknown constraint kind '${_never.kind}'`);
      }
    }
  }
  /**
   * `FOREIGN KEY ... REFERENCES`; a referenced table without a schema is in the schema of
   * the table that has the key.
   */
  #foreignKey(schema, name, columns, references, deferrable, initially) {
    const prefix = name === void 0 ? "" : `CONSTRAINT ${quoteIdentifier(name)} `;
    let sql = `${prefix}FOREIGN KEY (${list(columns)}) REFERENCES ${this.#table(references.table, references.schema ?? schema)} (${list(references.columns)})${actions(references.onDelete, references.onUpdate)}`;
    if (deferrable !== void 0)
      sql += deferrable ? " DEFERRABLE" : " NOT DEFERRABLE";
    if (initially !== void 0)
      sql += ` INITIALLY ${checkInitially(initially)}`;
    return sql;
  }
  /**
   * Native `ALTER COLUMN`: type (with `USING "col"::type` where the cast may need to be
   * explicit), nullability and default in one `ALTER TABLE`, then the rename, then the
   * comment (on the new name). Nothing that is not asked for changes, so no `existing*`
   * hints are needed.
   */
  #alterColumn(operation) {
    const table = this.#table(operation.table, operation.schema);
    const name = quoteIdentifier(operation.name);
    const clauses = [];
    if (operation.type !== void 0) {
      const type = postgresColumnType(operation.type);
      const using = needsUsingCast(operation.type) ? ` USING ${name}::${type}` : "";
      clauses.push(`ALTER COLUMN ${name} TYPE ${type}${using}`);
    }
    if (operation.nullable !== void 0) {
      clauses.push(`ALTER COLUMN ${name} ${operation.nullable ? "DROP" : "SET"} NOT NULL`);
    }
    if (operation.default === null) {
      clauses.push(`ALTER COLUMN ${name} DROP DEFAULT`);
    } else if (operation.default !== void 0) {
      const typed = operation.type ?? operation.existingType ?? operation.tableDefinition?.columns.find((c) => c.name === operation.name);
      clauses.push(`ALTER COLUMN ${name} SET DEFAULT ${defaultLiteral(typed, operation.default)}`);
    } else if (operation.defaultSql !== void 0) {
      clauses.push(`ALTER COLUMN ${name} SET DEFAULT ${operation.defaultSql}`);
    }
    const statements = [];
    if (clauses.length > 0)
      statements.push(ddl(`ALTER TABLE ${table} ${clauses.join(", ")}`));
    const newName = operation.newName !== void 0 && operation.newName !== operation.name ? operation.newName : void 0;
    if (newName !== void 0) {
      statements.push(ddl(`ALTER TABLE ${table} RENAME COLUMN ${name} TO ${quoteIdentifier(newName)}`));
    }
    if (operation.comment !== void 0) {
      statements.push(this.#columnComment(table, newName ?? operation.name, operation.comment));
    }
    return statements;
  }
  #bulkInsert(table, schema, columns, rows) {
    if (rows.length === 0)
      return [];
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = `INSERT INTO ${this.#table(table, schema)} (${list(columns)}) VALUES `;
    const statements = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      let n = 0;
      const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(", ")})`);
      statements.push({
        sql: head + tuples.join(", "),
        parameters: chunk.flatMap((row) => row.map(toPostgresValue))
      });
    }
    return statements;
  }
};
function list(names) {
  return names.map((name) => quoteIdentifier(name)).join(", ");
}
function indexPart(column) {
  return typeof column === "string" ? quoteIdentifier(column) : `(${column.expression})`;
}
var REFERENTIAL_ACTIONS = [
  "CASCADE",
  "SET NULL",
  "SET DEFAULT",
  "RESTRICT",
  "NO ACTION"
];
function actions(onDelete, onUpdate) {
  const check = (value) => {
    if (!REFERENTIAL_ACTIONS.includes(value)) {
      throw new PostgresCompileError(`'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(", ")}`);
    }
    return value;
  };
  return `${onDelete === void 0 ? "" : ` ON DELETE ${check(onDelete)}`}${onUpdate === void 0 ? "" : ` ON UPDATE ${check(onUpdate)}`}`;
}
function checkInitially(value) {
  if (value !== "DEFERRED" && value !== "IMMEDIATE") {
    throw new PostgresCompileError(`initially must be DEFERRED or IMMEDIATE (got '${value}')`);
  }
  return value;
}
function defaultLiteral(column, value) {
  if (value instanceof Date && column?.type === "date") {
    return `'${toPostgresValue(value)}'`.replace(/T.*'$/, "'");
  }
  if (value instanceof Date && column?.type === "time") {
    return `'${toPostgresValue(value).slice(11, 23)}'`;
  }
  return renderLiteral(value);
}
function ddl(sql) {
  return { sql, parameters: [] };
}
function dollarQuoted(keyword, body) {
  let tag = "$retort$";
  for (let n = 1; body.includes(tag); n++)
    tag = `$retort${n}$`;
  return `${keyword} ${tag} ${body} ${tag}`;
}

// ../dialect-postgres/dist/postgres-driver.js
import pg from "pg";
var DUPLICATE_TABLE = "42P07";
var PostgresDriver = class {
  #source;
  #description;
  #redact;
  #settings;
  #open = /* @__PURE__ */ new Set();
  constructor(source, description, redact = (text) => text, settings = {}) {
    this.#source = source;
    this.#description = description;
    this.#redact = redact;
    this.#settings = settings;
  }
  /**
   * A connection for one run; sets `search_path` when the dialect has a `schema`.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect() {
    const source = this.#source;
    let session;
    let finish;
    try {
      switch (source.kind) {
        case "connectionString": {
          const client = new pg.Client({
            connectionString: source.connectionString,
            ...this.#settings.applicationName === void 0 ? {} : { application_name: this.#settings.applicationName }
          });
          client.on("error", () => {
          });
          await client.connect();
          session = client;
          finish = async () => {
            await client.end().catch(() => {
            });
          };
          break;
        }
        case "pool": {
          const client = await source.pool.connect();
          session = client;
          finish = async (broken) => client.release(broken);
          break;
        }
        case "client":
          session = source.client;
          finish = async () => {
          };
          break;
      }
    } catch (error) {
      throw this.#connectError(error);
    }
    const connection = new PostgresConnection(session, source.kind !== "connectionString", finish);
    this.#open.add(connection);
    connection.onClose(() => this.#open.delete(connection));
    if (this.#settings.schema !== void 0) {
      try {
        await connection.setSearchPath(quoteIdentifier(this.#settings.schema));
      } catch (error) {
        await connection.close();
        throw error;
      }
    }
    return connection;
  }
  /**
   * Closes what this driver opened and is still open; an application's pool or client
   * stays open.
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy() {
    for (const connection of [...this.#open])
      await connection.close();
  }
  #connectError(error) {
    const reason = error instanceof Error ? error.message : String(error);
    const wrapped = new RetortError("connection", `cannot connect to '${this.#description}': ${this.#redact(reason)}; check that the server runs and the URL's host, port, user, password and database`);
    const code = error?.code;
    if (typeof code === "string")
      Object.assign(wrapped, { sqlState: code });
    return wrapped;
  }
};
var PostgresConnection = class {
  #session;
  #borrowed;
  #finish;
  #closeListeners = [];
  #onError = (error) => {
    this.#broken = error;
  };
  #broken;
  #restoreSearchPath;
  #closed = false;
  constructor(session, borrowed, finish) {
    this.#session = session;
    this.#borrowed = borrowed;
    this.#finish = finish;
    if (borrowed)
      session.on("error", this.#onError);
  }
  /** The pg session (for code of this dialect that needs more than `execute`). */
  get session() {
    return this.#session;
  }
  /**
   * Runs one statement.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM "t" WHERE "id" = $1', parameters: [1] })
   * ```
   */
  async execute(statement) {
    this.#checkOpen();
    const numbered = numberPlaceholders(statement);
    const values = numbered.parameters.map(toPostgresValue);
    try {
      const result = values.length === 0 ? await this.#session.query(numbered.sql) : await this.#session.query({ text: numbered.sql, values });
      const last = Array.isArray(result) ? result.at(-1) : result;
      return {
        rows: (last?.rows ?? []).map((row) => ({ ...row })),
        rowCount: last?.rowCount ?? 0
      };
    } catch (error) {
      throw await this.#explain(error);
    }
  }
  /**
   * `BEGIN`. PostgreSQL's DDL is transactional: everything up to `COMMIT` or `ROLLBACK`
   * happens together or not at all.
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin() {
    await this.execute({ sql: "BEGIN", parameters: [] });
  }
  /**
   * `COMMIT`.
   *
   * @example
   * ```ts
   * await connection.commit()
   * ```
   */
  async commit() {
    await this.execute({ sql: "COMMIT", parameters: [] });
  }
  /**
   * `ROLLBACK`.
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback() {
    await this.execute({ sql: "ROLLBACK", parameters: [] });
  }
  /**
   * Sets `search_path` for the session (bound, never spliced). On an application's
   * session, the previous value is restored by {@link PostgresConnection.close}.
   *
   * @example
   * ```ts
   * await connection.setSearchPath('"tenant_a"')
   * ```
   */
  async setSearchPath(value) {
    if (this.#borrowed && this.#restoreSearchPath === void 0) {
      const { rows } = await this.execute({
        sql: "SELECT current_setting('search_path') AS path",
        parameters: []
      });
      this.#restoreSearchPath = String(rows[0]?.["path"] ?? "");
    }
    await this.execute({
      sql: "SELECT set_config('search_path', $1, false)",
      parameters: [value]
    });
  }
  /**
   * Ends a session Retort opened; gives a pooled one back (its `search_path` restored); an
   * application's own client stays open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close() {
    if (this.#closed)
      return;
    let broken = this.#broken !== void 0;
    if (this.#restoreSearchPath !== void 0 && !broken) {
      try {
        await this.execute({
          sql: "SELECT set_config('search_path', $1, false)",
          parameters: [this.#restoreSearchPath]
        });
      } catch {
        broken = true;
      }
    }
    this.#closed = true;
    if (this.#borrowed)
      this.#session.removeListener("error", this.#onError);
    for (const listener of this.#closeListeners.splice(0))
      listener();
    await this.#finish(broken);
  }
  /** Called once when the connection closes (the driver forgets it). */
  onClose(listener) {
    this.#closeListeners.push(listener);
  }
  #checkOpen() {
    if (this.#closed) {
      throw new RetortError("connection-closed", "this PostgreSQL connection was closed; connect again");
    }
  }
  /**
   * A `CREATE INDEX CONCURRENTLY` that failed leaves an INVALID index behind; the next run
   * then fails with `relation ... already exists`. Say so, and what to do.
   */
  async #explain(error) {
    const code = error?.code;
    if (!(error instanceof Error) || code !== DUPLICATE_TABLE)
      return error;
    const name = /relation "((?:[^"]|"")*)" already exists/.exec(error.message)?.[1];
    if (name === void 0)
      return error;
    try {
      const { rows } = await this.#session.query({
        text: "SELECT n.nspname AS schema FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND NOT i.indisvalid AND pg_table_is_visible(i.indrelid)",
        values: [name]
      });
      if (rows.length === 0)
        return error;
      const explained = new Error(`${error.message}: the index "${name}" is INVALID, left behind by a CREATE INDEX CONCURRENTLY that failed; drop it (DROP INDEX CONCURRENTLY "${name}") and run the migration again`, { cause: error });
      Object.assign(explained, { code });
      return explained;
    } catch {
      return error;
    }
  }
};

// ../dialect-postgres/dist/postgres-introspector.js
var CONSTRAINT_KINDS = {
  p: "primaryKey",
  u: "unique",
  f: "foreignKey",
  c: "check",
  x: "exclusion"
};
var PostgresIntrospector = class {
  /**
   * The tables (ordinary and partitioned) of a schema (default: `current_schema()`),
   * sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection, 'tenant_a') // ['account', 'retort_version']
   * ```
   */
  async listTables(connection, schema) {
    const { rows } = await connection.execute({
      sql: "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition",
      parameters: [schema === void 0 || schema === "" ? null : schema]
    });
    return rows.map((row) => String(row["name"])).sort(byCodePoint);
  }
  /**
   * One table's columns, indexes and constraints, or `undefined` when there is no such table.
   *
   * @example
   * ```ts
   * const info = await introspector.getTable(connection, { name: 'account', schema: 'public' })
   * info?.columns.map((c) => c.name)
   * ```
   */
  async getTable(connection, table) {
    const found = (await connection.execute({
      sql: "SELECT c.oid::text AS oid, n.nspname AS schema, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema()) AND c.relkind IN ('r', 'p')",
      parameters: [
        table.name,
        table.schema === void 0 || table.schema === "" ? null : table.schema
      ]
    })).rows[0];
    if (found === void 0)
      return void 0;
    const oid = String(found["oid"]);
    const columnRows = (await connection.execute({
      sql: "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default_sql, a.attidentity <> '' AS identity, (pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%' AND EXISTS (SELECT 1 FROM pg_depend own JOIN pg_depend used ON used.refclassid = 'pg_class'::regclass AND used.refobjid = own.objid AND used.classid = 'pg_attrdef'::regclass AND used.objid = d.oid WHERE own.classid = 'pg_class'::regclass AND own.refclassid = 'pg_class'::regclass AND own.refobjid = a.attrelid AND own.refobjsubid = a.attnum AND own.deptype = 'a')) AS serial, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary_key, col_description(a.attrelid, a.attnum) AS comment FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
      parameters: [oid]
    })).rows;
    const columns = columnRows.map((row) => Object.freeze({
      name: String(row["name"]),
      type: String(row["type"]),
      nullable: row["nullable"] === true,
      defaultSql: row["default_sql"] === null || row["serial"] === true ? null : String(row["default_sql"]),
      primaryKey: row["primary_key"] === true,
      autoincrement: row["identity"] === true || row["serial"] === true,
      comment: row["comment"] === null ? null : String(row["comment"])
    }));
    const indexRows = (await connection.execute({
      sql: "SELECT ic.relname AS name, i.indisunique AS is_unique, pg_get_expr(i.indpred, i.indrelid, true) AS predicate, ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN '(' || pg_get_indexdef(i.indexrelid, k, true) || ')' ELSE (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS columns FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = $1::oid AND NOT i.indisprimary",
      parameters: [oid]
    })).rows;
    const indexes = indexRows.map((row) => Object.freeze({
      name: String(row["name"]),
      columns: Object.freeze(row["columns"].map(String)),
      unique: row["is_unique"] === true,
      ...row["predicate"] === null ? {} : { where: String(row["predicate"]) }
    })).sort((a, b) => byCodePoint(a.name, b.name));
    const constraintRows = (await connection.execute({
      sql: "SELECT con.conname AS name, con.contype::text AS type, pg_get_constraintdef(con.oid, true) AS definition, con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred, ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns, fn.nspname AS ref_schema, fc.relname AS ref_table, ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS ref_columns FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace WHERE con.conrelid = $1::oid",
      parameters: [oid]
    })).rows;
    const constraints = [];
    for (const row of constraintRows) {
      const kind = CONSTRAINT_KINDS[String(row["type"])];
      if (kind === void 0)
        continue;
      constraints.push(Object.freeze({
        name: String(row["name"]),
        kind,
        columns: Object.freeze(row["columns"].map(String)),
        definition: String(row["definition"]),
        ...kind === "foreignKey" ? {
          references: Object.freeze({
            schema: String(row["ref_schema"]),
            table: String(row["ref_table"]),
            columns: Object.freeze(row["ref_columns"].map(String))
          })
        } : {},
        deferrable: row["deferrable"] === true,
        initiallyDeferred: row["deferred"] === true,
        ...kind === "foreignKey" ? actions2(row["on_delete"], row["on_update"]) : {}
      }));
    }
    constraints.sort((a, b) => byCodePoint(a.name, b.name));
    const schema = String(found["schema"]);
    const uniqueNames = new Set(constraints.filter((c) => c.kind === "unique").map((c) => c.name));
    return Object.freeze({
      name: table.name,
      schema,
      columns: Object.freeze(columns),
      // The index behind a UNIQUE constraint has the constraint's name.
      indexes: Object.freeze(indexes.map((index) => uniqueNames.has(index.name) ? Object.freeze({ ...index, constraint: true }) : index)),
      constraints: Object.freeze(constraints),
      foreignKeys: Object.freeze(constraints.filter((c) => c.kind === "foreignKey" && c.references !== void 0).map((c) => Object.freeze({
        name: c.name,
        columns: c.columns,
        references: Object.freeze({
          table: c.references.table,
          ...c.references.schema === schema ? {} : { schema: c.references.schema },
          columns: c.references.columns
        }),
        ...c.onDelete === void 0 ? {} : { onDelete: c.onDelete },
        ...c.onUpdate === void 0 ? {} : { onUpdate: c.onUpdate }
      }))),
      checks: Object.freeze(constraints.filter((c) => c.kind === "check").map((c) => Object.freeze({ name: c.name, expression: c.definition.replace(/^CHECK\s*/i, "") }))),
      comment: found["comment"] === null ? null : String(found["comment"])
    });
  }
};
var ACTIONS = {
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
  r: "RESTRICT"
};
function actions2(onDelete, onUpdate) {
  const del = ACTIONS[String(onDelete)];
  const upd = ACTIONS[String(onUpdate)];
  return {
    ...del === void 0 ? {} : { onDelete: del },
    ...upd === void 0 ? {} : { onUpdate: upd }
  };
}
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ../dialect-postgres/dist/postgres-dialect.js
var DEFAULT_APPLICATION_NAME = "retort";
function postgresDialect(config) {
  return new PostgresDialect(config);
}
var PostgresDialect = class _PostgresDialect {
  name = "postgresql";
  description;
  #source;
  #redact;
  #schema;
  #applicationName;
  #config;
  constructor(config) {
    if (typeof config !== "object" || config === null) {
      throw new ConfigError("postgresDialect needs { connectionString }, { pool } or { client }");
    }
    this.#config = config;
    this.#schema = checkSchema(config.schema);
    this.#applicationName = config.applicationName ?? DEFAULT_APPLICATION_NAME;
    const suffix = this.#schema === void 0 ? "" : ` (schema ${this.#schema})`;
    if ("connectionString" in config && config.connectionString !== void 0) {
      const parsed = parsePostgresConnectionString(config.connectionString);
      const secrets = [parsed.password, encodeURIComponent(parsed.password)].filter((s) => s !== "");
      this.#redact = (text) => secrets.reduce((out, secret) => scrubPassword(out, secret), scrubPassword(text, ""));
      this.description = `${parsed.description}${suffix}`;
      this.#source = { kind: "connectionString", connectionString: parsed.connectionString };
      return;
    }
    this.#redact = (text) => scrubPassword(text, "");
    if ("pool" in config && config.pool !== void 0) {
      const pool = config.pool;
      if (typeof pool.connect !== "function" || typeof pool.query !== "function") {
        throw new ConfigError("postgresDialect: pool must be a pg Pool (new pg.Pool(...))");
      }
      this.description = `${where(config.pool.options)} (application pool)${suffix}`;
      this.#source = { kind: "pool", pool: config.pool };
      return;
    }
    if ("client" in config && config.client !== void 0) {
      const client = config.client;
      if (typeof client.query !== "function" || typeof client.on !== "function") {
        throw new ConfigError("postgresDialect: client must be a connected pg Client");
      }
      this.description = `${where(config.client)} (application client)${suffix}`;
      this.#source = { kind: "client", client: config.client };
      return;
    }
    throw new ConfigError("postgresDialect needs { connectionString }, { pool } or { client }");
  }
  /**
   * A new driver (sessions); ends the sessions it opened in `destroy()`.
   *
   * @example
   * ```ts
   * const driver = postgresDialect({ connectionString }).createDriver()
   * ```
   */
  createDriver() {
    return new PostgresDriver(this.#source, this.description, this.#redact, {
      schema: this.#schema,
      applicationName: this.#applicationName
    });
  }
  /**
   * A new compiler (pure).
   *
   * @example
   * ```ts
   * const compiler = postgresDialect({ connectionString }).createCompiler()
   * ```
   */
  createCompiler() {
    return new PostgresCompiler({ schema: this.#schema });
  }
  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = postgresDialect({ connectionString }).createAdapter()
   * ```
   */
  createAdapter() {
    return new PostgresAdapter(this.#schema);
  }
  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = postgresDialect({ connectionString }).createIntrospector()
   * ```
   */
  createIntrospector() {
    return new PostgresIntrospector();
  }
  /**
   * A new, empty schema `retort_autogen_<random>` in the same database, reached the same way
   * (what `revision --autogenerate` upgrades and compares with this one). It is created by
   * the first write into it; `dispose()` drops it with everything in it.
   *
   * @example
   * ```ts
   * const scratch = await postgresDialect({ connectionString }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch() {
    const schema = `retort_autogen_${randomBytes(6).toString("hex")}`;
    const dialect = new _PostgresDialect({ ...this.#config, schema });
    return {
      dialect,
      schema,
      async dispose() {
        const driver = dialect.createDriver();
        try {
          const connection = await driver.connect();
          try {
            const name = dialect.createCompiler().quoteIdentifier(schema);
            await connection.execute({
              sql: `DROP SCHEMA IF EXISTS ${name} CASCADE`,
              parameters: []
            });
          } finally {
            await connection.close();
          }
        } finally {
          await driver.destroy();
        }
      }
    };
  }
};
function checkSchema(schema) {
  if (schema === void 0)
    return void 0;
  if (typeof schema !== "string" || schema === "" || schema.includes("\0")) {
    throw new ConfigError(`postgresDialect: schema must be a non-empty name without NUL (got ${JSON.stringify(schema) ?? String(schema)})`);
  }
  return schema;
}
function where(config) {
  const c = config;
  if (c === void 0 || c === null)
    return "postgresql";
  if (typeof c["connectionString"] === "string" && c["host"] === void 0) {
    try {
      return parsePostgresConnectionString(c["connectionString"]).description;
    } catch {
      return "postgresql";
    }
  }
  const text = (key) => typeof c[key] === "string" && c[key] !== "" ? c[key] : void 0;
  const user = text("user") === void 0 ? "" : `${text("user")}@`;
  const host = text("host") ?? "localhost";
  const port = c["port"] === void 0 || c["port"] === null ? "" : `:${String(c["port"])}`;
  const database = text("database") === void 0 ? "" : `/${text("database")}`;
  return `postgresql://${user}${host}${port}${database}`;
}
function parsePostgresConnectionString(connectionString) {
  if (typeof connectionString !== "string") {
    throw new ConfigError(`postgresDialect: connectionString must be a string (got ${connectionString === null ? "null" : typeof connectionString})`);
  }
  const trimmed = connectionString.trim();
  const match = /^(postgres|postgresql):\/\//i.exec(trimmed);
  if (match === null) {
    throw new ConfigError(`postgresDialect: '${maskUrl(trimmed)}' is not a PostgreSQL URL; write it as postgresql://user:password@host:5432/database`);
  }
  const parsed = parseServerUrl(trimmed, "postgresDialect");
  const password = parsed.password !== "" ? parsed.password : parsed.url.searchParams.get("password") ?? "";
  return Object.freeze({ connectionString: trimmed, description: parsed.description, password });
}
function scrubPassword(text, password) {
  return maskSecrets(text, [password]);
}
export {
  DEFAULT_APPLICATION_NAME,
  DEFAULT_STRING_LENGTH,
  MAX_IDENTIFIER_BYTES,
  MAX_PARAMETERS,
  MAX_ROWS_PER_INSERT,
  PostgresAdapter,
  PostgresCompileError,
  PostgresCompiler,
  PostgresConnection,
  PostgresDialect,
  PostgresDriver,
  PostgresIntrospector,
  PostgresMigrationLock,
  PostgresValueError,
  fitIdentifier,
  foreignKeyName,
  inlineStatement,
  needsUsingCast,
  numberPlaceholders,
  parsePostgresConnectionString,
  postgresColumnType,
  postgresDialect,
  postgresLockKey,
  quoteIdentifier,
  quoteString,
  renderLiteral,
  scrubPassword,
  toPostgresValue
};
