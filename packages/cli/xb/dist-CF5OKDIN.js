import {
  parseServerUrl
} from "./chunk-MO6UAS4U.js";
import {
  AdapterBase,
  DEFAULT_STRING_LENGTH,
  MYSQL_SQL,
  closingParen,
  columnTypeSql,
  portableTypeTable,
  replacePlaceholders,
  sqlTokens
} from "./chunk-6IGKFJOS.js";
import "./chunk-55XL33YF.js";
import {
  maskSecrets,
  maskUrl,
  urlSecrets
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  LockTimeoutError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../dialect-mysql/dist/mysql-dialect.js
import mysql from "mysql2/promise";
import { randomBytes } from "node:crypto";

// ../dialect-mysql/dist/mysql-literal.js
var MysqlValueError = class extends RetortError {
  constructor(message) {
    super("mysql-value", message);
  }
};
var MODE_DEPENDENT = /[\\\0\x1a]/;
function renderLiteral(value) {
  if (value === null)
    return "NULL";
  switch (typeof value) {
    case "string":
      if (MODE_DEPENDENT.test(value)) {
        return `CONVERT(X'${hex(Buffer.from(value, "utf8"))}' USING utf8mb4)`;
      }
      return `'${value.replaceAll("'", "''")}'`;
    case "number":
      if (!Number.isFinite(value)) {
        throw new MysqlValueError(`cannot write ${value} as a MySQL literal; use a finite number or NULL`);
      }
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "object":
      if (value instanceof Date)
        return `'${formatUtcDateTime(value)}'`;
      if (value instanceof Uint8Array)
        return `X'${hex(value)}'`;
      break;
    default:
      break;
  }
  throw new MysqlValueError(`cannot write ${describe(value)} as a MySQL literal; use a string, number, bigint, boolean, null, Date or Buffer`);
}
function isLiteralExpression(literal) {
  return literal.startsWith("CONVERT(");
}
function renderCommentLiteral(text2) {
  if (typeof text2 !== "string") {
    throw new MysqlValueError(`a comment must be a string (got ${describe(text2)})`);
  }
  if (text2.includes("\0")) {
    throw new MysqlValueError("a MySQL comment cannot contain a NUL character; remove it");
  }
  return `'${text2.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}
function toMysqlValue(value) {
  if (value === null || value === void 0)
    return null;
  switch (typeof value) {
    case "string":
    case "bigint":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) {
        throw new MysqlValueError(`cannot bind ${value}: MySQL has no such number; pass null or a finite number`);
      }
      return value;
    case "object": {
      if (value instanceof Date)
        return formatUtcDateTime(value);
      if (Buffer.isBuffer(value))
        return value;
      if (value instanceof Uint8Array) {
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
      const prototype = Object.getPrototypeOf(value);
      if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
        return JSON.stringify(value);
      }
      break;
    }
    default:
      break;
  }
  throw new MysqlValueError(`cannot bind ${describe(value)} as a MySQL value; use a string, number, bigint, boolean, null, Date, Buffer or a JSON object`);
}
function formatUtcDateTime(date) {
  if (Number.isNaN(date.getTime())) {
    throw new MysqlValueError("cannot write an invalid Date as a MySQL value");
  }
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new MysqlValueError(`cannot write the year ${year} as a MySQL DATETIME; MySQL supports 1000 to 9999`);
  }
  return date.toISOString().replace("T", " ").replace("Z", "");
}
function hex(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex").toUpperCase();
}
function describe(value) {
  if (typeof value === "object" && value !== null) {
    return `a ${value.constructor?.name ?? "object"}`;
  }
  return `a ${typeof value}`;
}
function inlineStatement(statement) {
  const { sql, parameters } = statement;
  let next = 0;
  const text2 = replacePlaceholders(sql, MYSQL_SQL, () => {
    if (next >= parameters.length) {
      throw new MysqlValueError(`statement has more '?' placeholders than its ${parameters.length} parameters: ${sql.slice(0, 60)}`);
    }
    const literal = renderLiteral(toMysqlValue(parameters[next]));
    next++;
    return literal;
  }, { script: true });
  if (next !== parameters.length) {
    throw new MysqlValueError(`statement uses ${next} of ${parameters.length} parameters: ${sql.slice(0, 60)}`);
  }
  return text2;
}

// ../dialect-mysql/dist/mysql-introspector.js
var NUMERIC_TYPES = /* @__PURE__ */ new Set([
  "tinyint",
  "smallint",
  "mediumint",
  "int",
  "integer",
  "bigint",
  "decimal",
  "numeric",
  "float",
  "double",
  "real",
  "bit",
  "year"
]);
var MysqlIntrospector = class {
  /**
   * The base tables of a database (default: the connection's), sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection) // ['account', 'retort_version']
   * ```
   */
  async listTables(connection, schema) {
    const { rows } = await connection.execute({
      sql: "SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE'",
      parameters: [schema === void 0 || schema === "" ? null : schema]
    });
    return rows.map((row) => text(row["table_name"])).sort(byCodePoint);
  }
  /**
   * One table's columns and indexes, or `undefined` when there is no such table.
   *
   * @example
   * ```ts
   * const info = await introspector.getTable(connection, { name: 'account' })
   * info?.columns.map((c) => c.name)
   * ```
   */
  async getTable(connection, table) {
    const found = await findMysqlTable(connection, table);
    if (found === void 0)
      return void 0;
    const mariadb = /mariadb/i.test(text((await connection.execute({ sql: "SELECT VERSION() AS v", parameters: [] })).rows[0]?.["v"]));
    const columnRows = (await connection.execute({
      sql: "SELECT COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type, DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, COLUMN_KEY AS column_key, EXTRA AS extra, COLUMN_COMMENT AS column_comment, TABLE_NAME AS table_name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
      parameters: [found.schema, found.name]
    })).rows.filter((row) => text(row["table_name"]) === found.name);
    const columns = columnRows.map((row) => Object.freeze({
      name: text(row["column_name"]),
      type: text(row["column_type"]),
      nullable: text(row["is_nullable"]) === "YES",
      defaultSql: defaultSql(row, mariadb),
      primaryKey: text(row["column_key"]) === "PRI",
      autoincrement: /auto_increment/i.test(text(row["extra"])),
      // MySQL has no NULL comment: an empty one is none.
      comment: text(row["column_comment"]) === "" ? null : text(row["column_comment"])
    }));
    const indexRows = (await connection.execute({
      sql: "SELECT INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, TABLE_NAME AS table_name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
      parameters: [found.schema, found.name]
    })).rows.filter((row) => text(row["table_name"]) === found.name);
    const byName = /* @__PURE__ */ new Map();
    for (const row of indexRows) {
      const name = text(row["index_name"]);
      if (name === "PRIMARY")
        continue;
      const entry = byName.get(name) ?? { columns: [], unique: Number(row["non_unique"]) === 0 };
      entry.columns.push(row["column_name"] === null ? "(expression)" : text(row["column_name"]));
      byName.set(name, entry);
    }
    const foreignKeys = await readForeignKeys(connection, found.schema, found.name);
    const indexes = [...byName.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([name, entry]) => Object.freeze({
      name,
      columns: Object.freeze(entry.columns),
      unique: entry.unique,
      ...backsForeignKey(name, entry, foreignKeys) ? { constraint: true } : {}
    }));
    const comment = (await connection.execute({
      sql: "SELECT TABLE_COMMENT AS table_comment, TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
      parameters: [found.schema, found.name]
    })).rows.find((row) => text(row["table_name"]) === found.name)?.["table_comment"];
    const checks = await readChecks(connection, found.schema, found.name, mariadb);
    return Object.freeze({
      name: found.name,
      ...table.schema === void 0 ? {} : { schema: found.schema },
      columns: Object.freeze(columns),
      indexes: Object.freeze(indexes),
      foreignKeys,
      ...checks === void 0 ? {} : { checks },
      // MySQL has no NULL comment: an empty one is none.
      comment: text(comment) === "" ? null : text(comment)
    });
  }
};
async function readForeignKeys(connection, schema, table) {
  const rows = (await connection.execute({
    sql: "SELECT k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column, r.DELETE_RULE AS delete_rule, r.UPDATE_RULE AS update_rule, k.TABLE_NAME AS table_name FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
    parameters: [schema, table]
  })).rows.filter((row) => text(row["table_name"]) === table);
  const byName = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const name = text(row["constraint_name"]);
    byName.set(name, [...byName.get(name) ?? [], row]);
  }
  return Object.freeze([...byName.entries()].map(([name, parts]) => {
    const first = parts[0];
    const refSchema = text(first["ref_schema"]);
    return Object.freeze({
      name,
      columns: Object.freeze(parts.map((part) => text(part["column_name"]))),
      references: Object.freeze({
        table: text(first["ref_table"]),
        ...refSchema === schema ? {} : { schema: refSchema },
        columns: Object.freeze(parts.map((part) => text(part["ref_column"])))
      }),
      ...referentialAction("onDelete", first["delete_rule"]),
      ...referentialAction("onUpdate", first["update_rule"])
    });
  }));
}
async function readChecks(connection, schema, table, mariadb) {
  let rows;
  try {
    rows = (await connection.execute({
      sql: mariadb ? "SELECT cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, cc.LEVEL AS level, tc.TABLE_NAME AS table_name FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.TABLE_NAME = tc.TABLE_NAME AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY cc.CONSTRAINT_NAME" : "SELECT cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, tc.TABLE_NAME AS table_name FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY cc.CONSTRAINT_NAME",
      parameters: [schema, table]
    })).rows;
  } catch {
    return void 0;
  }
  return Object.freeze(rows.filter((row) => text(row["table_name"]) === table).filter((row) => {
    const name = text(row["constraint_name"]);
    const clause = text(row["check_clause"]).replace(/\s+/g, "");
    return !(text(row["level"]) === "Column" && clause.toLowerCase() === `json_valid(\`${name.replaceAll("`", "``")}\`)`.toLowerCase());
  }).map((row) => Object.freeze({
    name: text(row["constraint_name"]),
    expression: text(row["check_clause"])
  })));
}
function referentialAction(key, value) {
  const rule = text(value).toUpperCase();
  if (rule === "CASCADE" || rule === "SET NULL" || rule === "SET DEFAULT")
    return { [key]: rule };
  return {};
}
function backsForeignKey(name, index, foreignKeys) {
  if (index.unique)
    return false;
  return foreignKeys.some((key) => key.columns.join(",") === index.columns.join(",") && (key.name === name || key.columns[0] === name));
}
function defaultSql(row, mariadb) {
  const value = row["column_default"];
  if (value === null || value === void 0)
    return null;
  const sql = text(value);
  if (mariadb)
    return sql.toUpperCase() === "NULL" ? null : sql;
  if (/DEFAULT_GENERATED/i.test(text(row["extra"])))
    return sql;
  if (NUMERIC_TYPES.has(text(row["data_type"]).toLowerCase()))
    return sql;
  return renderLiteral(sql);
}
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
async function findMysqlTable(connection, table) {
  const schema = table.schema === "" ? void 0 : table.schema;
  const { rows } = await connection.execute({
    sql: "SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, DATABASE() AS current_schema, @@lower_case_table_names AS folding FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
    parameters: [schema ?? null, table.name]
  });
  for (const row of rows) {
    const wanted = schema ?? text(row["current_schema"]);
    const same = Number(row["folding"]) === 0 ? exact : folded;
    if (same(text(row["table_schema"]), wanted) && same(text(row["table_name"]), table.name)) {
      return { schema: text(row["table_schema"]), name: text(row["table_name"]) };
    }
  }
  return void 0;
}
function text(value) {
  if (Buffer.isBuffer(value))
    return value.toString("utf8");
  return value === null || value === void 0 ? "" : String(value);
}
function exact(a, b) {
  return a === b;
}
function folded(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}

// ../dialect-mysql/dist/mysql-migration-lock.js
import { createHash } from "node:crypto";
var MYSQL_LOCK_PREFIX = "retort:";
var MAX_LOCK_NAME_LENGTH = 64;
function mysqlLockName(database, table) {
  const plain = `${MYSQL_LOCK_PREFIX}${database}.${table}`;
  if (Array.from(plain).length <= MAX_LOCK_NAME_LENGTH)
    return plain;
  const hash = createHash("sha256").update(`${database}\0${table}`).digest("hex");
  return `${MYSQL_LOCK_PREFIX}${hash.slice(0, MAX_LOCK_NAME_LENGTH - MYSQL_LOCK_PREFIX.length)}`;
}
var MysqlMigrationLock = class {
  #held = /* @__PURE__ */ new Map();
  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that.
   *
   * @example
   * ```ts
   * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(connection, options) {
    const database = await databaseOf(connection, options);
    const name = mysqlLockName(database, options.versionTable.name);
    const held = this.#held.get(connection) ?? /* @__PURE__ */ new Set();
    if (held.has(name)) {
      throw new RetortError("lock-held", `the migration lock '${name}' is already held by this connection; release it before taking it again`);
    }
    const seconds = Math.max(0, options.timeoutMs) / 1e3;
    const { rows } = await connection.execute({
      sql: "SELECT GET_LOCK(?, ?) AS locked",
      parameters: [name, seconds]
    });
    const locked = rows[0]?.["locked"];
    if (locked === null || locked === void 0) {
      throw new RetortError("lock-failed", `the server could not take the migration lock '${name}' (GET_LOCK returned NULL: the session was killed or ran out of memory); run the command again`);
    }
    if (Number(locked) !== 1) {
      throw new LockTimeoutError(`${database}.${options.versionTable.name}`, options.timeoutMs, await holderOf(connection, name));
    }
    held.add(name);
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
    const database = await databaseOf(connection, options);
    const name = mysqlLockName(database, options.versionTable.name);
    if (!held.delete(name))
      return;
    if (held.size === 0)
      this.#held.delete(connection);
    await connection.execute({ sql: "SELECT RELEASE_LOCK(?) AS released", parameters: [name] });
  }
};
async function databaseOf(connection, options) {
  const schema = options.versionTable.schema;
  if (schema !== void 0 && schema !== "")
    return schema;
  const { rows } = await connection.execute({ sql: "SELECT DATABASE() AS name", parameters: [] });
  const name = rows[0]?.["name"];
  if (name === null || name === void 0) {
    throw new RetortError("no-database", `the MySQL connection has no database selected, so the version table '${options.versionTable.name}' has no home; put the database in the URL (mysql://user@host/DATABASE) or set versionTableSchema`);
  }
  return text(name);
}
async function holderOf(connection, name) {
  try {
    const { rows } = await connection.execute({
      sql: "SELECT IS_USED_LOCK(?) AS holder",
      parameters: [name]
    });
    const holder = rows[0]?.["holder"];
    if (holder === null || holder === void 0)
      return void 0;
    const id = text(holder);
    const process = await connection.execute({
      sql: "SELECT USER AS user, HOST AS host FROM information_schema.PROCESSLIST WHERE ID = ?",
      parameters: [id]
    });
    const row = process.rows[0];
    return row === void 0 ? `connection ${id}` : `connection ${id} (${text(row["user"])}@${text(row["host"])})`;
  } catch {
    return void 0;
  }
}

// ../dialect-mysql/dist/mysql-adapter.js
var MysqlAdapter = class extends AdapterBase {
  #lock = new MysqlMigrationLock();
  get supportsTransactionalDdl() {
    return false;
  }
  /**
   * Whether the table exists, read from `information_schema.TABLES` with bound names; the
   * schema defaults to the connection's database.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version', schema: 'app' })
   * ```
   */
  async hasTable(connection, table) {
    return await findMysqlTable(connection, table) !== void 0;
  }
  /**
   * Takes the cross-process lock of this database and version table; throws
   * `LockTimeoutError` after `timeoutMs`, naming the connection that holds it.
   *
   * @example
   * ```ts
   * await adapter.acquireMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  async acquireMigrationLock(connection, options) {
    await this.#lock.acquire(connection, options);
  }
  /**
   * Releases the lock taken by {@link MysqlAdapter.acquireMigrationLock}.
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

// ../dialect-mysql/dist/mysql-compiler.js
import { createHash as createHash2 } from "node:crypto";

// ../dialect-mysql/dist/mysql-column-type.js
var DEFAULT_DECIMAL = Object.freeze({ precision: 65, scale: 30 });
var MAX_INDEXED_CHARACTERS = 768;
var MAX_INDEXED_BYTES = 3072;
var MYSQL_TYPES = portableTypeTable({
  integer: "INT",
  // MySQL's BOOLEAN is TINYINT(1): 1/0, and so is what it reads back.
  boolean: "BOOLEAN",
  decimal: (spec) => spec.precision === void 0 ? `DECIMAL(${DEFAULT_DECIMAL.precision}, ${DEFAULT_DECIMAL.scale})` : `DECIMAL(${spec.precision}, ${spec.scale ?? 0})`,
  // MariaDB: an alias of LONGTEXT with a JSON_VALID check.
  json: "JSON",
  binary: (spec) => spec.length === void 0 ? "BLOB" : `VARBINARY(${spec.length})`
});
function mysqlColumnType(column) {
  return columnTypeSql(column, MYSQL_TYPES);
}
function isBlobType(column) {
  const type = column.type;
  if (typeof type !== "string")
    return /^\s*(tiny|medium|long)?(text|blob)\b|^\s*json\b/i.test(type.raw);
  return type === "text" || type === "json" || type === "binary" && column.length === void 0;
}
function needsKeyPrefix(column) {
  if (isBlobType(column))
    return true;
  if (column.type === "string") {
    return (column.length ?? DEFAULT_STRING_LENGTH) > MAX_INDEXED_CHARACTERS;
  }
  if (column.type === "binary")
    return (column.length ?? 0) > MAX_INDEXED_BYTES;
  return false;
}

// ../dialect-mysql/dist/restate/mysql-restate-statement.js
function isRestateStatement(statement) {
  const restate = statement.restate;
  return typeof restate === "object" && restate !== null && "change" in restate;
}

// ../dialect-mysql/dist/mysql-compiler.js
var DEFAULT_MYSQL_ENGINE = "InnoDB";
var DEFAULT_MYSQL_CHARSET = "utf8mb4";
var DEFAULT_INDEX_PREFIX_LENGTH = 191;
var MAX_IDENTIFIER_LENGTH = 64;
var MAX_PARAMETERS = 65535;
var MAX_ROWS_PER_INSERT = 500;
var REFERENTIAL_ACTIONS = ["CASCADE", "SET NULL", "RESTRICT", "NO ACTION"];
var BARE_DEFAULT = /^\s*(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)\b/i;
var OPTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
var MysqlCompileError = class extends RetortError {
  constructor(message) {
    super("mysql-compile", message);
  }
};
var MysqlCompiler = class {
  #engine;
  #charset;
  #collation;
  #prefixLength;
  #flavor;
  #server;
  constructor(options = {}) {
    this.#engine = optionName("engine", options.engine ?? DEFAULT_MYSQL_ENGINE);
    this.#charset = optionName("charset", options.charset ?? DEFAULT_MYSQL_CHARSET);
    this.#collation = options.collation === void 0 ? void 0 : optionName("collation", options.collation);
    const prefix = options.indexPrefixLength;
    if (prefix !== void 0 && prefix !== null && (!Number.isSafeInteger(prefix) || prefix < 1)) {
      throw new MysqlCompileError(`indexPrefixLength must be a positive integer or null (got ${String(prefix)})`);
    }
    this.#prefixLength = prefix === void 0 ? DEFAULT_INDEX_PREFIX_LENGTH : prefix;
    if (options.flavor !== void 0 && options.flavor !== "mysql" && options.flavor !== "mariadb") {
      throw new MysqlCompileError(`flavor must be 'mysql' or 'mariadb' (got ${String(options.flavor)})`);
    }
    this.#server = typeof options.serverVersion === "string" ? parseMysqlServerVersion(options.serverVersion) : void 0;
    this.#flavor = options.flavor ?? this.#server?.flavor;
  }
  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new MysqlCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'RENAME TABLE `a` TO `b`', parameters: [] }]
   * ```
   */
  compile(operation) {
    switch (operation.kind) {
      case "createTable":
        return [ddl(this.#createTable(operation))];
      case "dropTable":
        return [
          ddl(`DROP TABLE ${operation.ifExists ? "IF EXISTS " : ""}${this.#table(operation.name, operation.schema)}`)
        ];
      case "renameTable":
        return [
          ddl(`RENAME TABLE ${this.#table(operation.from, operation.schema)} TO ${this.#table(operation.to, operation.schema)}`)
        ];
      case "addColumn": {
        const { column } = operation;
        const parts = [`ADD COLUMN ${this.#column(column, inlineKeys(column, this.#prefixLength))}`];
        parts.push(...this.#separateKeys([column], column.primaryKey ? [column] : []).map((k) => `ADD ${k}`));
        if (column.references !== void 0) {
          parts.push(`ADD ${this.#columnForeignKey(operation.schema, operation.table, column)}`);
        }
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ${parts.join(", ")}`)
        ];
      }
      case "dropColumn": {
        const keys = /* @__PURE__ */ new Set();
        const existing = operation.tableDefinition?.columns.find((c) => c.name === operation.name);
        if (operation.definition?.references !== void 0 || existing?.references !== void 0) {
          keys.add(foreignKeyName(operation.table, operation.name));
        }
        for (const constraint of operation.tableDefinition?.constraints ?? []) {
          if (constraint.kind === "foreignKey" && constraint.name !== void 0 && constraint.columns.includes(operation.name)) {
            keys.add(constraint.name);
          }
        }
        const parts = [...keys].map((key) => `DROP FOREIGN KEY ${this.quoteIdentifier(key)}`);
        parts.push(`DROP COLUMN ${this.quoteIdentifier(operation.name)}`);
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ${parts.join(", ")}`)
        ];
      }
      case "alterColumn":
        return this.#alterColumn(operation);
      case "createIndex": {
        if (operation.where !== void 0) {
          throw new MysqlCompileError(`MySQL has no partial indexes: index '${operation.name}' on '${operation.table}' cannot have where '${operation.where}'; drop the where, or index a generated column that is NULL outside the predicate (op.execute)`);
        }
        if (operation.ifNotExists)
          this.#mariadbOnly(`CREATE INDEX IF NOT EXISTS ('${operation.name}')`);
        const parts = operation.columns.map((column) => this.#indexPart(column, operation.name, operation.table));
        return [
          ddl(`CREATE ${operation.unique ? "UNIQUE " : ""}INDEX ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${this.quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)} (${parts.join(", ")})`)
        ];
      }
      case "dropIndex": {
        if (operation.table === void 0) {
          throw new MysqlCompileError(`MySQL drops an index from its table: dropIndex('${operation.name}') needs the table, e.g. op.dropIndex('${operation.name}', { table: 'TABLE' })`);
        }
        if (operation.ifExists)
          this.#mariadbOnly(`DROP INDEX IF EXISTS ('${operation.name}')`);
        return [
          ddl(`DROP INDEX ${operation.ifExists ? "IF EXISTS " : ""}${this.quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)}`)
        ];
      }
      case "createUniqueConstraint":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} UNIQUE (${this.#keyParts(operation.columns, operation.tableDefinition?.columns)})`)
        ];
      case "createForeignKey":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD ${this.#foreignKey(operation.schema, operation.name, operation.columns, operation.references, operation.deferrable, operation.initially)}`)
        ];
      case "createCheckConstraint":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} CHECK (${operation.expression})`)
        ];
      case "createPrimaryKey":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} PRIMARY KEY (${this.#keyParts(operation.columns, operation.tableDefinition?.columns)})`)
        ];
      case "dropConstraint": {
        const type = operation.type ?? operation.definition?.kind;
        const table = this.#table(operation.table, operation.schema);
        const name = this.quoteIdentifier(operation.name);
        switch (type) {
          case "primaryKey":
            return [ddl(`ALTER TABLE ${table} DROP PRIMARY KEY`)];
          case "unique":
            return [ddl(`ALTER TABLE ${table} DROP INDEX ${name}`)];
          case "foreignKey":
            return [ddl(`ALTER TABLE ${table} DROP FOREIGN KEY ${name}`)];
          case "check":
            return [ddl(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`)];
          case void 0:
            throw new MysqlCompileError(`MySQL drops each kind of constraint differently: dropConstraint('${operation.name}', '${operation.table}') needs its type, e.g. { type: 'foreignKey' } (or 'unique', 'check', 'primaryKey')`);
          default: {
            const _never = type;
            throw new MysqlCompileError(`unknown constraint type '${String(_never)}'`);
          }
        }
      }
      case "createTableComment":
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} COMMENT = ${renderCommentLiteral(operation.comment)}`)
        ];
      case "dropTableComment":
        return [ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} COMMENT = ''`)];
      case "execute":
        return [{ sql: operation.sql, parameters: operation.parameters.map(toMysqlValue) }];
      case "bulkInsert":
        return this.#bulkInsert(operation.table, operation.schema, operation.columns, operation.rows);
      default: {
        const _never = operation;
        throw new MysqlCompileError(`unknown operation kind '${_never.kind}'`);
      }
    }
  }
  /**
   * `` `name` `` with `` ` `` doubled. Rejects empty names and NUL characters.
   *
   * @example
   * ```ts
   * new MysqlCompiler().quoteIdentifier('my `table`') // '`my ``table```'
   * ```
   */
  quoteIdentifier(name) {
    if (typeof name !== "string" || name.length === 0 || name.includes("\0")) {
      throw new MysqlCompileError(`'${String(name)}' is not a valid MySQL identifier; use a non-empty name without NUL`);
    }
    return `\`${name.replaceAll("`", "``")}\``;
  }
  /**
   * The statement with its parameters written in as literals, for offline SQL scripts. A
   * column restatement ({@link MysqlRestateStatement}) is written from the operation's
   * `existing*` hints; when one is missing it throws a {@link MysqlCompileError} naming it.
   *
   * @example
   * ```ts
   * new MysqlCompiler().inline({ sql: 'DELETE FROM `t` WHERE `id` = ?', parameters: [1] })
   * // 'DELETE FROM `t` WHERE `id` = 1'
   * ```
   */
  inline(statement) {
    if (isRestateStatement(statement)) {
      const { offline } = statement.restate;
      if ("missing" in offline)
        throw new MysqlCompileError(offline.missing);
      return offline.sql;
    }
    return inlineStatement(statement);
  }
  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table. `version_num` is utf8mb4 with a
   * binary collation, so ids that differ only in letter case are different rows; 255 × 4
   * bytes fits InnoDB's 3072-byte key limit.
   *
   * @example
   * ```ts
   * new MysqlCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table, idLength) {
    if (!Number.isSafeInteger(idLength) || idLength < 1 || idLength > 768) {
      throw new MysqlCompileError(`version id length must be an integer from 1 to 768 (InnoDB's key limit in utf8mb4; got ${idLength})`);
    }
    return [
      ddl(`CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} (\`version_num\` VARCHAR(${idLength}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (\`version_num\`))${this.#tableOptions(void 0)}`)
    ];
  }
  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new MysqlCompiler().selectVersions({ name: 'retort_version', schema: 'app' })
   * ```
   */
  selectVersions(table) {
    return ddl(`SELECT \`version_num\` FROM ${this.#qualified(table)} ORDER BY \`version_num\``);
  }
  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new MysqlCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table, revision) {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} (\`version_num\`) VALUES (?)`,
      parameters: [revision]
    };
  }
  /**
   * Moves a version row from one revision to another. Its affected-row count is the
   * number of rows matched (mysql2 connects with `FOUND_ROWS`) and, since `from` differs
   * from `to`, also the number changed.
   *
   * @example
   * ```ts
   * new MysqlCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table, from, to) {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET \`version_num\` = ? WHERE \`version_num\` = ?`,
      parameters: [to, from]
    };
  }
  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new MysqlCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table, revision) {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE \`version_num\` = ?`,
      parameters: [revision]
    };
  }
  #qualified(table) {
    return this.#table(table.name, table.schema);
  }
  #table(name, schema) {
    return schema === void 0 || schema === "" ? this.quoteIdentifier(name) : `${this.quoteIdentifier(schema)}.${this.quoteIdentifier(name)}`;
  }
  #tableOptions(comment) {
    let options = ` ENGINE=${this.#engine} DEFAULT CHARSET=${this.#charset}`;
    if (this.#collation !== void 0)
      options += ` COLLATE=${this.#collation}`;
    if (comment !== void 0)
      options += ` COMMENT=${renderCommentLiteral(comment)}`;
    return options;
  }
  #createTable(operation) {
    const { columns } = operation;
    const keyColumns = columns.filter((column) => column.primaryKey);
    const parts = columns.map((column) => this.#column(column, {
      primaryKey: keyColumns.length === 1 && inlineKeys(column, this.#prefixLength).primaryKey,
      unique: inlineKeys(column, this.#prefixLength).unique
    }));
    parts.push(...this.#separateKeys(columns, keyColumns));
    for (const constraint of operation.constraints) {
      parts.push(this.#constraint(constraint, columns, operation.schema));
    }
    for (const column of columns) {
      if (column.references !== void 0) {
        parts.push(this.#columnForeignKey(operation.schema, operation.name, column));
      }
    }
    return `CREATE TABLE ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${this.#table(operation.name, operation.schema)} (${parts.join(", ")})${this.#tableOptions(operation.comment)}`;
  }
  /**
   * The keys that cannot be written on the column itself: a primary key over several
   * columns, and keys over columns that need a prefix length.
   */
  #separateKeys(columns, keyColumns) {
    const keys = [];
    const inlineKey = keyColumns.length === 1 && inlineKeys(keyColumns[0], this.#prefixLength).primaryKey;
    if (keyColumns.length > 0 && !inlineKey) {
      keys.push(`PRIMARY KEY (${this.#keyParts(keyColumns.map((c) => c.name), columns)})`);
    }
    for (const column of columns) {
      if (column.unique && !inlineKeys(column, this.#prefixLength).unique) {
        keys.push(`UNIQUE (${this.#keyParts([column.name], columns)})`);
      }
    }
    return keys;
  }
  /** `` `a`, `b`(191) ``: key parts, with a prefix length where the column's type needs one. */
  #keyParts(names, columns) {
    return names.map((name) => {
      const column = columns?.find((c) => c.name === name);
      const prefix = column !== void 0 && this.#prefixLength !== null && needsKeyPrefix(column) ? `(${this.#prefixLength})` : "";
      return `${this.quoteIdentifier(name)}${prefix}`;
    }).join(", ");
  }
  /**
   * One key part. An expression part (a functional key part) exists only in MySQL 8.0.13+:
   * MariaDB answers it with a bare syntax error, so it is refused here unless the server is
   * known to be such a MySQL, with what to write instead (index a generated column).
   */
  #indexPart(column, index, table) {
    if (typeof column === "string")
      return this.quoteIdentifier(column);
    const instead = `index a generated column instead: op.execute('ALTER TABLE \`${table}\` ADD COLUMN \`...\` <type> AS (${column.expression}) STORED') then op.createIndex('${index}', '${table}', ['...'])`;
    if (this.#flavor === "mariadb") {
      throw new MysqlCompileError(`MariaDB has no functional index parts: index '${index}' on '${table}' cannot index the expression (${column.expression}); ${instead}`);
    }
    if (this.#flavor === void 0) {
      throw new MysqlCompileError(`index '${index}' on '${table}' indexes the expression (${column.expression}), which only MySQL 8.0.13+ can do (MariaDB cannot), and the server is not known here: if it is MySQL 8.0.13+, pass { flavor: 'mysql' } to mysqlDialect; otherwise ${instead}`);
    }
    if (this.#server !== void 0 && this.#server.flavor === "mysql" && !atLeast(this.#server, 8, 0, 13)) {
      throw new MysqlCompileError(`MySQL ${this.#server.text} has no functional index parts (they came in 8.0.13): index '${index}' on '${table}' cannot index the expression (${column.expression}); ${instead}`);
    }
    return `(${column.expression})`;
  }
  #column(column, keys = {
    primaryKey: false,
    unique: false
  }) {
    let sql = `${this.quoteIdentifier(column.name)} ${mysqlColumnType(column)}`;
    sql += column.nullable ? " NULL" : " NOT NULL";
    sql += this.#default(column, column.default, column.defaultSql);
    if (column.autoincrement)
      sql += " AUTO_INCREMENT";
    if (keys.unique)
      sql += " UNIQUE";
    if (keys.primaryKey)
      sql += " PRIMARY KEY";
    if (column.comment !== void 0)
      sql += ` COMMENT ${renderCommentLiteral(column.comment)}`;
    return sql;
  }
  /**
   * ` DEFAULT ...`: a literal as {@link defaultLiteral} writes it. A `defaultSql` is written as an expression in parentheses, except `CURRENT_TIMESTAMP`
   * and its synonyms, which MySQL wants bare (and which may be followed by `ON UPDATE ...`).
   */
  #default(column, value, defaultSql2) {
    if (value !== void 0)
      return ` DEFAULT ${defaultLiteral(column, value)}`;
    if (defaultSql2 !== void 0) {
      return ` DEFAULT ${BARE_DEFAULT.test(defaultSql2) ? defaultSql2.trim() : `(${defaultSql2})`}`;
    }
    return "";
  }
  #constraint(constraint, columns, schema) {
    const name = constraint.name === void 0 ? "" : `CONSTRAINT ${this.quoteIdentifier(constraint.name)} `;
    switch (constraint.kind) {
      case "primaryKey":
        return `${name}PRIMARY KEY (${this.#keyParts(constraint.columns, columns)})`;
      case "unique":
        return `${name}UNIQUE (${this.#keyParts(constraint.columns, columns)})`;
      case "foreignKey":
        return this.#foreignKey(schema, constraint.name, constraint.columns, constraint.references, constraint.deferrable, constraint.initially);
      case "check":
        return `${name}CHECK (${constraint.expression})`;
      default: {
        const _never = constraint;
        throw new MysqlCompileError(`unknown constraint kind '${_never.kind}'`);
      }
    }
  }
  /**
   * A column-level `references` as a table-level key: MySQL parses an inline
   * `REFERENCES` and ignores it. The key is named `<table>_<column>_fkey` (PostgreSQL's
   * default name), so that dropping the column can drop the key first.
   */
  #columnForeignKey(schema, table, column) {
    const r = column.references;
    return this.#foreignKey(schema, foreignKeyName(table, column.name), [column.name], {
      table: r.table,
      schema: r.schema,
      columns: [r.column],
      onDelete: r.onDelete,
      onUpdate: r.onUpdate
    });
  }
  /**
   * `FOREIGN KEY ... REFERENCES`; a referenced table without a schema is in the schema of
   * the table that has the key (written out, so it never depends on the connection's database).
   */
  #foreignKey(schema, name, columns, references, deferrable, initially) {
    if (deferrable === true || initially !== void 0) {
      throw new MysqlCompileError(`MySQL checks foreign keys immediately and has no DEFERRABLE constraints: remove deferrable/initially from foreign key ${name === void 0 ? `(${columns.join(", ")})` : `'${name}'`}`);
    }
    const list = (names) => names.map((c) => this.quoteIdentifier(c)).join(", ");
    const prefix = name === void 0 ? "" : `CONSTRAINT ${this.quoteIdentifier(name)} `;
    const onDelete = references.onDelete === void 0 ? "" : ` ON DELETE ${action(references.onDelete)}`;
    const onUpdate = references.onUpdate === void 0 ? "" : ` ON UPDATE ${action(references.onUpdate)}`;
    return `${prefix}FOREIGN KEY (${list(columns)}) REFERENCES ${this.#table(references.table, references.schema ?? schema)} (${list(references.columns)})${onDelete}${onUpdate}`;
  }
  /**
   * MySQL has no `ALTER COLUMN ... SET NOT NULL` or `... TYPE`: a change of type,
   * nullability or comment restates the whole column (`MODIFY`/`CHANGE COLUMN`), which
   * resets everything not restated. So it compiles to a {@link MysqlRestateStatement}: run
   * online, the connection reads the live column and restates it with the change; in an
   * offline script it is written from the `existing*` hints (else `tableDefinition`), and
   * a hint that is missing is an error naming it. A change of default alone, or a rename
   * alone, is `ALTER COLUMN ... SET/DROP DEFAULT` / `RENAME COLUMN`, which keep the rest.
   */
  #alterColumn(operation) {
    const table = this.#table(operation.table, operation.schema);
    const name = this.quoteIdentifier(operation.name);
    const newName = operation.newName !== void 0 && operation.newName !== operation.name ? operation.newName : void 0;
    const restates = operation.type !== void 0 || operation.nullable !== void 0 || operation.comment !== void 0;
    const changesDefault = operation.default !== void 0 || operation.defaultSql !== void 0;
    const existing = operation.tableDefinition?.columns.find((c) => c.name === operation.name);
    const hinted = operation.existingType ?? existing;
    const typed = (spec) => spec === void 0 ? void 0 : {
      name: operation.name,
      ...spec,
      nullable: true,
      primaryKey: false,
      autoincrement: false,
      unique: false
    };
    if (!restates) {
      const parts = [];
      if (changesDefault) {
        if (operation.default === null) {
          parts.push(`ALTER COLUMN ${name} DROP DEFAULT`);
        } else {
          const value = operation.default !== void 0 ? defaultLiteral(existing ?? typed(hinted), operation.default) : `(${operation.defaultSql})`;
          parts.push(`ALTER COLUMN ${name} SET DEFAULT ${value}`);
        }
      }
      if (newName !== void 0)
        parts.push(`RENAME COLUMN ${name} TO ${this.quoteIdentifier(newName)}`);
      return parts.length === 0 ? [] : [ddl(`ALTER TABLE ${table} ${parts.join(", ")}`)];
    }
    const where2 = `alterColumn('${operation.table}', '${operation.name}')`;
    const newType = operation.type === void 0 ? void 0 : typed(operation.type);
    const defaultColumn = newType ?? existing ?? typed(hinted);
    const change = {
      ...newName === void 0 ? {} : { quotedName: this.quoteIdentifier(newName) },
      ...newType === void 0 ? {} : { type: mysqlColumnType(newType) },
      ...operation.nullable === void 0 ? {} : { nullable: operation.nullable },
      ...operation.default === null ? { default: null } : changesDefault ? {
        default: this.#default(defaultColumn, operation.default, operation.defaultSql).trim()
      } : {},
      ...operation.comment === void 0 ? {} : {
        comment: operation.comment === null ? null : `COMMENT ${renderCommentLiteral(operation.comment)}`
      }
    };
    const restatement = {
      table,
      column: operation.name,
      operation: where2,
      change,
      offline: this.#restatedFromHints(operation, table, name, newName, existing, where2)
    };
    const described = commentSafe(`ALTER TABLE ${table} ${newName === void 0 ? "MODIFY" : "CHANGE"} COLUMN ${name}`);
    const statement = {
      sql: `/* ${described}: restated from the live column when it runs */`,
      parameters: [],
      restate: restatement
    };
    return [statement];
  }
  /**
   * The `MODIFY`/`CHANGE COLUMN` of an offline script, written from the operation and its
   * `existing*` hints (else `tableDefinition`): every attribute it restates must be known,
   * or the script would silently reset it. Attributes that have no hint (character set,
   * collation, generated expression) are kept only by an online run.
   */
  #restatedFromHints(operation, table, name, newName, existing, where2) {
    const missing = [];
    const typeSpec = operation.type ?? operation.existingType ?? existing;
    if (typeSpec === void 0)
      missing.push("existingType (or type)");
    const nullable = operation.nullable ?? operation.existingNullable ?? existing?.nullable;
    if (nullable === void 0)
      missing.push("existingNullable (or nullable)");
    let value;
    let defaultSql2;
    if (operation.default !== void 0) {
      value = operation.default === null ? void 0 : operation.default;
    } else if (operation.defaultSql !== void 0) {
      defaultSql2 = operation.defaultSql;
    } else if (operation.existingDefault !== void 0 || operation.existingDefaultSql !== void 0) {
      value = operation.existingDefault === null ? void 0 : operation.existingDefault;
      defaultSql2 = operation.existingDefaultSql;
    } else if (existing !== void 0) {
      value = existing.default ?? void 0;
      defaultSql2 = existing.defaultSql;
    } else {
      missing.push("existingDefault (null when it has none) or existingDefaultSql");
    }
    let comment;
    if (operation.comment !== void 0)
      comment = operation.comment;
    else if (operation.existingComment !== void 0)
      comment = operation.existingComment;
    else if (existing !== void 0)
      comment = existing.comment ?? null;
    else
      missing.push("existingComment (null when it has none)");
    if (typeSpec === void 0 || nullable === void 0 || missing.length > 0) {
      return {
        missing: `MySQL restates the whole column to change it, and an offline script cannot read the live column: ${where2} needs ${missing.join(", ")}; pass them (or tableDefinition), or run the migration online, where the live column is read`
      };
    }
    const column = {
      name: newName ?? operation.name,
      type: typeSpec.type,
      ...typeSpec.length === void 0 ? {} : { length: typeSpec.length },
      ...typeSpec.precision === void 0 ? {} : { precision: typeSpec.precision },
      ...typeSpec.scale === void 0 ? {} : { scale: typeSpec.scale },
      nullable,
      primaryKey: false,
      // A primary key stays a key (MODIFY does not touch indexes), but AUTO_INCREMENT is a
      // column attribute: only the table definition says it is there.
      autoincrement: existing?.autoincrement ?? false,
      unique: false,
      ...value === void 0 ? {} : { default: value },
      ...defaultSql2 === void 0 ? {} : { defaultSql: defaultSql2 },
      ...comment === void 0 || comment === null ? {} : { comment }
    };
    const clause = newName === void 0 ? `MODIFY COLUMN ${this.#column(column)}` : `CHANGE COLUMN ${name} ${this.#column(column)}`;
    return { sql: `ALTER TABLE ${table} ${clause}` };
  }
  #mariadbOnly(what) {
    if (this.#flavor === "mysql") {
      throw new MysqlCompileError(`MySQL has no ${what.replace(/ \(.*$/, "")}: ${what} is MariaDB syntax; drop the option, or use flavor 'mariadb' if the server is MariaDB`);
    }
  }
  #bulkInsert(table, schema, columns, rows) {
    if (rows.length === 0)
      return [];
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = `INSERT INTO ${this.#table(table, schema)} (${columns.map((c) => this.quoteIdentifier(c)).join(", ")}) VALUES `;
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const statements = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      statements.push({
        sql: head + chunk.map(() => tuple).join(", "),
        parameters: chunk.flatMap((row) => row.map(toMysqlValue))
      });
    }
    return statements;
  }
};
function foreignKeyName(table, column) {
  return fitIdentifier(`${table}_${column}_fkey`);
}
function fitIdentifier(name) {
  const characters = Array.from(name);
  if (characters.length <= MAX_IDENTIFIER_LENGTH)
    return name;
  const hash = createHash2("sha256").update(name).digest("hex").slice(0, 10);
  return `${characters.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1).join("")}_${hash}`;
}
function inlineKeys(column, prefixLength) {
  const inline = prefixLength === null || !needsKeyPrefix(column);
  return { primaryKey: column.primaryKey && inline, unique: column.unique && inline };
}
function defaultLiteral(column, value) {
  let literal;
  if (value instanceof Date && column?.type === "date") {
    literal = `'${formatUtcDateTime(value).slice(0, 10)}'`;
  } else if (value instanceof Date && column?.type === "time") {
    literal = `'${formatUtcDateTime(value).slice(11)}'`;
  } else {
    literal = renderLiteral(value);
  }
  const expression = isLiteralExpression(literal) || column !== void 0 && isBlobType(column) && value !== null;
  return expression ? `(${literal})` : literal;
}
function commentSafe(text2) {
  return text2.replaceAll("*/", "* /");
}
function ddl(sql) {
  return { sql, parameters: [] };
}
function optionName(option, value) {
  if (typeof value !== "string" || !OPTION_NAME.test(value)) {
    throw new MysqlCompileError(`${option} must be a plain name like 'InnoDB' or 'utf8mb4_unicode_ci' (got '${String(value)}')`);
  }
  return value;
}
function action(value) {
  const known = REFERENTIAL_ACTIONS.find((a) => a === value);
  if (known === void 0) {
    throw new MysqlCompileError(value === "SET DEFAULT" ? `InnoDB rejects foreign keys with SET DEFAULT; use one of ${REFERENTIAL_ACTIONS.join(", ")}` : `'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(", ")}`);
  }
  return known;
}
function parseMysqlServerVersion(text2) {
  const mariadb = /mariadb/i.test(text2);
  const numbers = (mariadb ? text2.replace(/^5\.5\.5-/, "") : text2).match(/^(\d+)\.(\d+)\.(\d+)/);
  if (numbers === null)
    return void 0;
  return Object.freeze({
    flavor: mariadb ? "mariadb" : "mysql",
    version: Object.freeze([Number(numbers[1]), Number(numbers[2]), Number(numbers[3])]),
    text: text2
  });
}
function atLeast(server, major, minor, patch) {
  const [a, b, c] = server.version;
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

// ../dialect-mysql/dist/restate/mysql-column-definition.js
var RANK = {
  type: 0,
  charset: 1,
  collate: 2,
  generated: 3,
  nullability: 4,
  visibility: 5,
  default: 6,
  onUpdate: 7,
  autoIncrement: 8,
  comment: 9,
  check: 10
};
var CHARACTER_TYPE = /^\s*(?:national\s+)?(?:char|varchar|character|nchar|nvarchar|tinytext|text|mediumtext|longtext|enum|set)\b/i;
function parseMysqlColumnDefinition(sql, options = {}) {
  const tokens = tokenize(sql, options);
  const first = tokens[0];
  if (first === void 0 || first.kind !== "quoted") {
    throw new Error(`not a column definition: ${sql.slice(0, 60)}`);
  }
  const clauses = [];
  let i = 1;
  const slice = (from, to) => sql.slice(tokens[from].start, tokens[to - 1].end);
  const word = (at) => {
    const token = tokens[at];
    return token?.kind === "word" ? token.text.toUpperCase() : void 0;
  };
  const typeStart = i;
  if (tokens[i] === void 0)
    throw new Error(`column definition without a type: ${sql}`);
  i += 1;
  if (tokens[i]?.kind === "group")
    i += 1;
  while (word(i) === "UNSIGNED" || word(i) === "SIGNED" || word(i) === "ZEROFILL")
    i += 1;
  clauses.push({ kind: "type", sql: slice(typeStart, i) });
  while (i < tokens.length) {
    const start = i;
    const keyword = word(i);
    let kind = "other";
    if (keyword === "CHARACTER" && word(i + 1) === "SET") {
      kind = "charset";
      i += 3;
    } else if (keyword === "CHARSET") {
      kind = "charset";
      i += 2;
    } else if (keyword === "COLLATE") {
      kind = "collate";
      i += 2;
    } else if (keyword === "GENERATED" || keyword === "AS") {
      kind = "generated";
      while (i < tokens.length && tokens[i].kind !== "group")
        i += 1;
      i += 1;
      const storage = word(i);
      if (storage === "VIRTUAL" || storage === "STORED" || storage === "PERSISTENT")
        i += 1;
    } else if (keyword === "NOT" && word(i + 1) === "NULL") {
      kind = "nullability";
      i += 2;
    } else if (keyword === "NULL") {
      kind = "nullability";
      i += 1;
    } else if (keyword === "INVISIBLE" || keyword === "VISIBLE") {
      kind = "visibility";
      i += 1;
    } else if (keyword === "DEFAULT") {
      kind = "default";
      i = skipValue(tokens, i + 1);
    } else if (keyword === "ON" && word(i + 1) === "UPDATE") {
      kind = "onUpdate";
      i = skipValue(tokens, i + 2);
    } else if (keyword === "AUTO_INCREMENT") {
      kind = "autoIncrement";
      i += 1;
    } else if (keyword === "COMMENT") {
      kind = "comment";
      i += 2;
    } else if (keyword === "CONSTRAINT" || keyword === "CHECK") {
      kind = "check";
      while (i < tokens.length && tokens[i].kind !== "group")
        i += 1;
      i += 1;
    } else if (tokens[i].kind === "word") {
      i += 1;
      if (tokens[i]?.text === "=")
        i += 1;
      const value = word(i);
      if (i < tokens.length && (value === void 0 || !isKnownKeyword(value)))
        i += 1;
    } else {
      i += 1;
    }
    i = Math.min(i, tokens.length);
    clauses.push({ kind, sql: slice(start, i) });
  }
  return Object.freeze({
    quotedName: first.text,
    name: unquote(first.text),
    clauses: Object.freeze(clauses)
  });
}
function restateMysqlColumn(column, change) {
  let clauses = [...column.clauses];
  const set = (kind, sql) => {
    const at = clauses.findIndex((c) => c.kind === kind);
    if (sql === null) {
      if (at !== -1)
        clauses.splice(at, 1);
      return;
    }
    if (at !== -1) {
      clauses[at] = { kind, sql };
      return;
    }
    let position = 0;
    let rank = -1;
    for (const [index, clause] of clauses.entries()) {
      if (clause.kind !== "other")
        rank = RANK[clause.kind];
      if (rank <= RANK[kind])
        position = index + 1;
    }
    clauses.splice(position, 0, { kind, sql });
  };
  if (change.type !== void 0) {
    set("type", change.type);
    if (!CHARACTER_TYPE.test(change.type) || /\b(CHARACTER\s+SET|CHARSET|COLLATE)\b/i.test(change.type)) {
      clauses = clauses.filter((c) => c.kind !== "charset" && c.kind !== "collate");
    }
  }
  if (change.nullable !== void 0)
    set("nullability", change.nullable ? "NULL" : "NOT NULL");
  if (change.default !== void 0)
    set("default", change.default);
  if (change.comment !== void 0)
    set("comment", change.comment);
  const notNull = clauses.some((c) => c.kind === "nullability" && /^NOT\b/i.test(c.sql));
  if (notNull) {
    clauses = clauses.filter((c) => !(c.kind === "default" && /^DEFAULT\s+NULL$/i.test(c.sql)));
  }
  return [change.quotedName ?? column.quotedName, ...clauses.map((c) => c.sql)].join(" ");
}
function findMysqlColumnDefinition(createTable, column, options = {}) {
  const tokens = tokenize(createTable, options);
  const body = tokens.find((token) => token.kind === "group");
  if (body === void 0)
    return void 0;
  const inner = createTable.slice(body.start + 1, body.end - 1);
  const offset = body.start + 1;
  const parts = [];
  let from = 0;
  for (const token of tokenize(inner, options)) {
    if (token.text === ",") {
      parts.push(createTable.slice(offset + from, offset + token.start));
      from = token.end;
    }
  }
  parts.push(createTable.slice(offset + from, offset + inner.length));
  const wanted = column.toLowerCase();
  for (const part of parts) {
    const [first] = tokenize(part, options);
    if (first?.kind === "quoted" && unquote(first.text).toLowerCase() === wanted) {
      return part.trim();
    }
  }
  return void 0;
}
function isKnownKeyword(word) {
  return [
    "CHARACTER",
    "CHARSET",
    "COLLATE",
    "GENERATED",
    "AS",
    "NOT",
    "NULL",
    "INVISIBLE",
    "VISIBLE",
    "DEFAULT",
    "ON",
    "AUTO_INCREMENT",
    "COMMENT",
    "CONSTRAINT",
    "CHECK"
  ].includes(word);
}
function skipValue(tokens, from) {
  let i = from;
  if (tokens[i]?.kind === "symbol" && (tokens[i].text === "-" || tokens[i].text === "+"))
    i += 1;
  const token = tokens[i];
  if (token === void 0)
    return i;
  i += 1;
  if (token.kind === "word") {
    const next = tokens[i];
    if (next !== void 0 && next.start === token.end && (next.kind === "group" || next.kind === "string")) {
      i += 1;
    } else if (next?.text === "." && tokens[i + 1]?.kind === "word") {
      i += 2;
    }
  }
  return i;
}
function unquote(quoted) {
  const q = quoted[0];
  return quoted.slice(1, -1).replaceAll(`${q}${q}`, q);
}
function tokenize(sql, options) {
  const lexicon = options.noBackslashEscapes === true ? { ...MYSQL_SQL, backslashEscapes: false } : MYSQL_SQL;
  const scanned = sqlTokens(sql, lexicon, { comments: true });
  const tokens = [];
  for (let k = 0; k < scanned.length; k++) {
    const token = scanned[k];
    const { start, text: text2 } = token;
    if (token.kind === "punct" && text2 === "(") {
      const close = closingParen(scanned, k) ?? scanned.length;
      const end = scanned[close - 1].end;
      tokens.push({ kind: "group", text: sql.slice(start, end), start, end });
      k = close - 1;
      continue;
    }
    const kind = token.kind === "word" || token.kind === "number" ? "word" : token.kind === "identifier" || token.kind === "string" && text2.startsWith('"') ? "quoted" : token.kind === "string" || token.kind === "blob" ? "string" : token.kind === "comment" ? "comment" : "symbol";
    tokens.push({ kind, text: text2, start, end: token.end });
  }
  return tokens;
}

// ../dialect-mysql/dist/restate/mysql-column-restater.js
async function restateColumn(run, restatement) {
  const { table, column, change, operation } = restatement;
  const [mode] = (await run("SELECT @@SESSION.sql_mode AS sql_mode")).rows;
  const noBackslashEscapes = /NO_BACKSLASH_ESCAPES/i.test(String(mode?.["sql_mode"] ?? ""));
  const [shown] = (await run(`SHOW CREATE TABLE ${table}`)).rows;
  const createTable = shown?.["Create Table"];
  if (typeof createTable !== "string") {
    throw new RetortError("mysql-not-a-table", `${operation}: ${table} is not a base table (SHOW CREATE TABLE gave no table definition); alter the table itself`);
  }
  const definition = findMysqlColumnDefinition(createTable, column, { noBackslashEscapes });
  if (definition === void 0) {
    throw new RetortError("mysql-no-column", `${operation}: table ${table} has no column '${column}'; check the column name`);
  }
  const live = parseMysqlColumnDefinition(definition, { noBackslashEscapes });
  const restated = restateMysqlColumn(live, change);
  const sql = change.quotedName === void 0 ? `ALTER TABLE ${table} MODIFY COLUMN ${restated}` : `ALTER TABLE ${table} CHANGE COLUMN ${live.quotedName} ${restated}`;
  await run(sql);
  return sql;
}

// ../dialect-mysql/dist/mysql-driver.js
var ER_TOO_LONG_KEY = 1071;
var ER_BLOB_KEY_WITHOUT_LENGTH = 1170;
var ER_UNSUPPORTED_PS = 1295;
var MysqlDriver = class {
  #source;
  #description;
  #redact;
  #server;
  #pool;
  constructor(source, description, redact = (text2) => text2, server) {
    this.#source = source;
    this.#description = description;
    this.#redact = redact;
    this.#server = server;
  }
  /** The first connection asks the server's `VERSION()` for the note, if there is one. */
  async #noteServer(connection) {
    if (this.#server === void 0 || this.#server.version !== void 0)
      return connection;
    try {
      const { rows } = await connection.execute({ sql: "SELECT VERSION() AS v", parameters: [] });
      if (typeof rows[0]?.["v"] === "string")
        this.#server.version = rows[0]["v"];
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }
  /**
   * A connection for one run.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect() {
    const source = this.#source;
    if (source.kind === "connection") {
      return this.#noteServer(new MysqlConnection(source.connection, () => {
      }));
    }
    this.#pool ??= source.pool();
    let pooled;
    try {
      pooled = await this.#pool.getConnection();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RetortError("connection", `cannot connect to '${this.#description}': ${this.#redact(reason)}; check that the server runs and the URL's host, port, user, password and database`, { cause: error });
    }
    return this.#noteServer(new MysqlConnection(pooled, () => pooled.release()));
  }
  /**
   * Ends the pool this driver created; an application's pool or connection stays open.
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy() {
    const pool = this.#pool;
    this.#pool = void 0;
    if (pool !== void 0 && this.#source.kind === "pool" && this.#source.owned)
      await pool.end();
  }
};
var MysqlConnection = class {
  #session;
  #onClose;
  #closed = false;
  constructor(session, onClose) {
    this.#session = session;
    this.#onClose = onClose;
  }
  /** The mysql2 session (for code of this dialect that needs more than `execute`). */
  get session() {
    return this.#session;
  }
  /**
   * Runs one statement.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM `t` WHERE `id` = ?', parameters: [1] })
   * ```
   */
  async execute(statement) {
    this.#checkOpen();
    if (isRestateStatement(statement)) {
      await restateColumn((sql) => this.execute({ sql, parameters: [] }), statement.restate);
      return { rows: [], rowCount: 0 };
    }
    const values = statement.parameters.map(toMysqlValue);
    try {
      const [result] = values.length === 0 ? await this.#session.query(statement.sql) : await this.#session.execute(statement.sql, values);
      return toExecuteResult(result);
    } catch (error) {
      if (errno(error) === ER_UNSUPPORTED_PS && values.length > 0) {
        const [result] = await this.#session.query(inlineStatement(statement));
        return toExecuteResult(result);
      }
      throw explain(error);
    }
  }
  /**
   * `START TRANSACTION`. DDL commits implicitly in MySQL/MariaDB, whatever is open.
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin() {
    this.#checkOpen();
    await this.#session.beginTransaction();
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
    this.#checkOpen();
    await this.#session.commit();
  }
  /**
   * `ROLLBACK` (of the data changes since the last implicit commit).
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback() {
    this.#checkOpen();
    await this.#session.rollback();
  }
  /**
   * Gives a pooled connection back to its pool; an application's own connection stays
   * open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close() {
    if (this.#closed)
      return;
    this.#closed = true;
    this.#onClose();
  }
  #checkOpen() {
    if (this.#closed) {
      throw new RetortError("connection-closed", "this MySQL connection was closed; connect again");
    }
  }
};
function toExecuteResult(result) {
  if (Array.isArray(result)) {
    const first = result.find((item) => Array.isArray(item));
    const rows = first ?? result.filter((item) => !isHeader(item));
    return { rows: rows.map((row) => ({ ...row })), rowCount: 0 };
  }
  if (isHeader(result))
    return { rows: [], rowCount: Number(result.affectedRows) };
  return { rows: [], rowCount: 0 };
}
function isHeader(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "affectedRows" in value;
}
function errno(error) {
  return error?.errno;
}
function explain(error) {
  const number = errno(error);
  if (!(error instanceof Error) || number !== ER_BLOB_KEY_WITHOUT_LENGTH && number !== ER_TOO_LONG_KEY) {
    return error;
  }
  const advice = "MySQL indexes TEXT/BLOB columns and long strings only with a prefix length; index a `string` column of at most 768 characters, or create this index with op.execute('CREATE INDEX `ix` ON `t` (`col`(191))') and a reverse";
  const explained = new Error(`${error.message}; ${advice}`, { cause: error });
  for (const key of ["code", "errno", "sqlState", "sqlMessage"]) {
    if (key in error)
      Object.assign(explained, { [key]: error[key] });
  }
  return explained;
}

// ../dialect-mysql/dist/mysql-dialect.js
function mysqlDialect(config, options) {
  return new MysqlDialect(config, options);
}
var MysqlDialect = class _MysqlDialect {
  name = "mysql";
  description;
  #source;
  #redact;
  #options;
  #dialectOptions;
  /** The URI this dialect was made from (`mysql://...`), when it was. */
  #uri;
  /** The server's `VERSION()`, noted by the first connection. */
  #server = { version: void 0 };
  constructor(config, options = {}) {
    this.#dialectOptions = options;
    this.#uri = void 0;
    if (typeof config !== "object" || config === null) {
      throw new ConfigError("mysqlDialect needs { uri }, { pool } or { connection }");
    }
    this.#redact = (text2) => text2;
    if ("uri" in config && config.uri !== void 0) {
      const parsed = parseMysqlUri(config.uri);
      this.#uri = config.uri.trim();
      this.description = parsed.description;
      const secrets = urlSecrets(config.uri);
      this.#redact = (text2) => maskSecrets(text2, secrets);
      this.#source = {
        kind: "pool",
        owned: true,
        pool: () => mysql.createPool({ uri: parsed.uri, timezone: "Z", supportBigNumbers: true })
      };
      this.#options = checkOptions(parsed.mariadb && options.flavor === void 0 ? { ...options, flavor: "mariadb" } : options);
      return;
    }
    this.#options = checkOptions(options);
    if ("pool" in config && config.pool !== void 0) {
      const pool = promisePool(config.pool);
      this.description = `${where(pool.pool?.config)} (application pool)`;
      this.#source = { kind: "pool", owned: false, pool: () => pool };
      return;
    }
    if ("connection" in config && config.connection !== void 0) {
      const connection = promiseConnection(config.connection);
      this.description = `${where(connection.config ?? connection.connection?.config)} (application connection)`;
      this.#source = { kind: "connection", connection };
      return;
    }
    throw new ConfigError("mysqlDialect needs { uri }, { pool } or { connection }");
  }
  /**
   * A new driver (connections); ends the pool it created in `destroy()`.
   *
   * @example
   * ```ts
   * const driver = mysqlDialect({ uri }).createDriver()
   * ```
   */
  createDriver() {
    return new MysqlDriver(this.#source, this.description, this.#redact, this.#server);
  }
  /**
   * A new compiler (pure). Once a driver of this dialect has connected, the compiler knows
   * the server's version (`serverVersion`), so what depends on it (MySQL-only or
   * MariaDB-only syntax, functional index parts) is decided before anything runs.
   *
   * @example
   * ```ts
   * const compiler = mysqlDialect({ uri }).createCompiler()
   * ```
   */
  createCompiler() {
    const version = this.#server.version;
    return new MysqlCompiler(version === void 0 ? this.#options : { ...this.#options, serverVersion: version });
  }
  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = mysqlDialect({ uri }).createAdapter()
   * ```
   */
  createAdapter() {
    return new MysqlAdapter();
  }
  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = mysqlDialect({ uri }).createIntrospector()
   * ```
   */
  createIntrospector() {
    return new MysqlIntrospector();
  }
  /**
   * A new, empty database `<database>_retort_autogen_<random>` on the same server (what
   * `revision --autogenerate` upgrades and compares with this one); `dispose()` drops it.
   * Needs a dialect made from a URI (the user must be allowed to create databases).
   *
   * @example
   * ```ts
   * const scratch = await mysqlDialect({ uri }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch() {
    const uri = this.#uri;
    if (uri === void 0) {
      throw new ConfigError("a scratch database needs a MySQL dialect made from a URI (mysqlDialect({ uri })), not an application pool or connection");
    }
    const url = new URL(uri.replace(/^mariadb:/i, "mysql:"));
    const current = decodeURIComponent(url.pathname.replace(/^\//, ""));
    const suffix = `_retort_autogen_${randomBytes(6).toString("hex")}`;
    const name = `${(current || "retort").slice(0, 64 - suffix.length)}${suffix}`;
    const scheme = /^\s*mariadb:/i.test(uri) ? "mariadb:" : "mysql:";
    url.pathname = `/${encodeURIComponent(name)}`;
    const scratchUri = `${scheme}${url.toString().slice("mysql:".length)}`;
    const quoted = this.createCompiler().quoteIdentifier(name);
    const [settings] = await this.#run("SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()");
    const word = (value) => typeof value === "string" && /^[A-Za-z0-9_]+$/.test(value) ? value : void 0;
    const charset = word(settings?.["charset"]);
    const collation = word(settings?.["collation"]);
    await this.#run(`CREATE DATABASE ${quoted}${charset ? ` CHARACTER SET ${charset}` : ""}${collation ? ` COLLATE ${collation}` : ""}`);
    return {
      dialect: new _MysqlDialect({ uri: scratchUri }, this.#dialectOptions),
      dispose: async () => {
        await this.#run(`DROP DATABASE IF EXISTS ${quoted}`);
      }
    };
  }
  async #run(sql) {
    const driver = this.createDriver();
    try {
      const connection = await driver.connect();
      try {
        return (await connection.execute({ sql, parameters: [] })).rows;
      } finally {
        await connection.close();
      }
    } finally {
      await driver.destroy();
    }
  }
};
function checkOptions(options) {
  try {
    new MysqlCompiler(options);
  } catch (error) {
    throw new ConfigError(`mysqlDialect: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error
    });
  }
  return options;
}
function promisePool(pool) {
  const candidate = pool;
  const promised = typeof candidate.promise === "function" ? candidate.promise() : pool;
  if (typeof promised?.getConnection !== "function") {
    throw new ConfigError("mysqlDialect: pool must be a mysql2 pool (mysql.createPool(...))");
  }
  return promised;
}
function promiseConnection(connection) {
  const candidate = connection;
  const promised = typeof candidate.promise === "function" ? candidate.promise() : connection;
  if (typeof promised?.execute !== "function" || typeof promised.query !== "function" || typeof promised.beginTransaction !== "function") {
    throw new ConfigError("mysqlDialect: connection must be a mysql2 connection (await mysql.createConnection(...))");
  }
  return promised;
}
function where(config) {
  const c = config?.connectionConfig ?? config;
  if (c === void 0 || c === null)
    return "mysql";
  const user = typeof c["user"] === "string" && c["user"] !== "" ? `${c["user"]}@` : "";
  const host = typeof c["socketPath"] === "string" && c["socketPath"] !== "" ? String(c["socketPath"]) : `${String(c["host"] ?? "localhost")}${c["port"] === void 0 ? "" : `:${String(c["port"])}`}`;
  const database = typeof c["database"] === "string" && c["database"] !== "" ? `/${c["database"]}` : "";
  return `mysql://${user}${host}${database}`;
}
function parseMysqlUri(uri) {
  if (typeof uri !== "string") {
    throw new ConfigError(`mysqlDialect: uri must be a string (got ${uri === null ? "null" : typeof uri})`);
  }
  const match = /^\s*(mysql|mariadb):\/\/(.*)$/is.exec(uri);
  if (match === null) {
    throw new ConfigError(`mysqlDialect: '${maskUrl(uri)}' is not a MySQL URI; write it as mysql://user:password@host:3306/database (or mariadb://...)`);
  }
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  const { password, description } = parseServerUrl(`${scheme}://${rest}`, "mysqlDialect");
  return Object.freeze({
    uri: `mysql://${rest.trim()}`,
    mariadb: scheme === "mariadb",
    description,
    password
  });
}
export {
  DEFAULT_DECIMAL,
  DEFAULT_INDEX_PREFIX_LENGTH,
  DEFAULT_MYSQL_CHARSET,
  DEFAULT_MYSQL_ENGINE,
  DEFAULT_STRING_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_INDEXED_BYTES,
  MAX_INDEXED_CHARACTERS,
  MAX_LOCK_NAME_LENGTH,
  MYSQL_LOCK_PREFIX,
  MysqlAdapter,
  MysqlCompileError,
  MysqlCompiler,
  MysqlConnection,
  MysqlDialect,
  MysqlDriver,
  MysqlIntrospector,
  MysqlMigrationLock,
  MysqlValueError,
  findMysqlColumnDefinition,
  findMysqlTable,
  fitIdentifier,
  foreignKeyName,
  formatUtcDateTime,
  inlineStatement,
  isBlobType,
  isLiteralExpression,
  isRestateStatement,
  mysqlColumnType,
  mysqlDialect,
  mysqlLockName,
  needsKeyPrefix,
  parseMysqlColumnDefinition,
  parseMysqlServerVersion,
  parseMysqlUri,
  renderCommentLiteral,
  renderLiteral,
  restateColumn,
  restateMysqlColumn,
  toMysqlValue
};
