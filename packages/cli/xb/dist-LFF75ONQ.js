import {
  describeOperation
} from "./chunk-2VBFUHI2.js";
import {
  AdapterBase,
  DEFAULT_STRING_LENGTH,
  SQLITE_SQL,
  closingParen,
  columnTypeSql,
  isKeyword,
  portableTypeTable,
  replacePlaceholders,
  splitTopLevel,
  sqlTokens
} from "./chunk-6IGKFJOS.js";
import {
  sqlComment
} from "./chunk-55XL33YF.js";
import {
  ConfigError,
  LockTimeoutError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../dialect-sqlite/dist/sqlite-dialect.js
import Database4 from "better-sqlite3";

// ../dialect-sqlite/dist/sqlite-driver.js
import Database from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

// ../dialect-sqlite/dist/rebuild/sqlite-rebuild-error.js
var SqliteRebuildError = class extends RetortError {
  table;
  constructor(table, message, options) {
    super("sqlite-rebuild", message, options);
    this.table = table;
  }
};
var SqliteForeignKeyError = class extends RetortError {
  violations;
  during;
  constructor(violations, during) {
    const first = violations[0];
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
    super("sqlite-foreign-key", first === void 0 ? `foreign key check failed ${during}` : `foreign key check failed ${during}: row ${String(first.rowid)} of table '${first.table}' references table '${first.parent}', which has no matching row${more}; fix or delete those rows (op.execute), or change the migration`);
    this.violations = violations;
    this.during = during;
  }
};

// ../dialect-sqlite/dist/rebuild/sqlite-rebuild-step.js
function isRebuildStatement(statement) {
  const rebuild2 = statement.rebuild;
  return typeof rebuild2 === "object" && rebuild2 !== null && "operation" in rebuild2;
}

// ../dialect-sqlite/dist/rebuild/sqlite-sql-tokens.js
var SqlSyntaxError = class extends RetortError {
  constructor(message) {
    super("sqlite-sql-syntax", message);
  }
};
function tokenizeSql(sql) {
  const tokens = sqlTokens(sql, SQLITE_SQL);
  const open2 = tokens.find((token) => !token.closed);
  if (open2 !== void 0) {
    throw new SqlSyntaxError(`unterminated ${open2.kind === "string" || open2.kind === "blob" ? "string" : "quoted name"} in: ${open2.text.slice(0, 40)}`);
  }
  return tokens;
}
function identifierValue(token) {
  const t = token.text;
  if (token.kind === "identifier" || token.kind === "string") {
    if (t.startsWith("["))
      return t.slice(1, -1);
    const quote = t[0];
    return t.slice(1, -1).replaceAll(quote + quote, quote);
  }
  return t;
}
function isName(token) {
  return token !== void 0 && (token.kind === "word" || token.kind === "identifier");
}
function isObjectName(token) {
  return token !== void 0 && (token.kind === "word" || token.kind === "identifier" || token.kind === "string");
}
function closingParen2(tokens, open2) {
  const end = closingParen(tokens, open2);
  if (end === void 0)
    throw new SqlSyntaxError("unbalanced parentheses");
  return end;
}
function mentions(tokens, column) {
  const wanted = column.toLowerCase();
  return tokens.some((t) => isName(t) && identifierValue(t).toLowerCase() === wanted);
}
function renameInSql(sql, from, to) {
  const wanted = from.toLowerCase();
  let out = "";
  let last = 0;
  for (const token of tokenizeSql(sql)) {
    if (isName(token) && identifierValue(token).toLowerCase() === wanted) {
      out += `${sql.slice(last, token.start)}"${to.replaceAll('"', '""')}"`;
      last = token.end;
    }
  }
  return out + sql.slice(last);
}

// ../dialect-sqlite/dist/sqlite-introspector.js
var SqliteIntrospector = class {
  /**
   * The tables of a database, sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection) // ['account', 'retort_version']
   * ```
   */
  async listTables(connection, schema) {
    const result = await connection.execute({
      sql: `SELECT name FROM ${master(schema)} WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
      parameters: []
    });
    return result.rows.map((row) => String(row["name"]));
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
    const schema = table.schema ?? "main";
    const found = await connection.execute({
      sql: `SELECT name, sql FROM ${master(table.schema)} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
      parameters: [table.name]
    });
    const name = found.rows[0]?.["name"];
    if (typeof name !== "string")
      return void 0;
    const columnRows = (await connection.execute({
      sql: 'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?, ?) ORDER BY cid',
      parameters: [name, schema]
    })).rows;
    const keyCount = columnRows.filter((row) => Number(row["pk"]) > 0).length;
    const columns = columnRows.map((row) => {
      const type = String(row["type"] ?? "");
      const primaryKey = Number(row["pk"]) > 0;
      const rowid = primaryKey && keyCount === 1 && type.toUpperCase() === "INTEGER";
      return Object.freeze({
        name: String(row["name"]),
        type,
        nullable: !rowid && Number(row["notnull"]) === 0,
        defaultSql: row["dflt_value"] === null ? null : String(row["dflt_value"]),
        primaryKey
      });
    });
    const indexRows = (await connection.execute({
      sql: 'SELECT name, "unique", origin FROM pragma_index_list(?, ?) ORDER BY name',
      parameters: [name, schema]
    })).rows;
    const indexes = [];
    for (const row of indexRows) {
      if (row["origin"] === "pk")
        continue;
      const indexName = String(row["name"]);
      const parts = (await connection.execute({
        sql: "SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno",
        parameters: [indexName, schema]
      })).rows;
      indexes.push(Object.freeze({
        name: indexName,
        // An expression in an index has no column name.
        columns: Object.freeze(parts.map((part) => part["name"] === null ? "(expression)" : String(part["name"]))),
        unique: Number(row["unique"]) === 1,
        ...row["origin"] === "u" ? { constraint: true } : {}
      }));
    }
    return Object.freeze({
      name,
      ...table.schema === void 0 ? {} : { schema: table.schema },
      columns: Object.freeze(columns),
      indexes: Object.freeze(indexes),
      foreignKeys: await readForeignKeys(connection, name, schema),
      ...checksOf(found.rows[0]?.["sql"])
    });
  }
  /**
   * What a table rebuild starts from: the table's name as stored and its `CREATE TABLE`, the
   * indexes and triggers dropping it drops (`CREATE` statements in creation order), and the
   * views and other triggers of its database, which may use its columns. `undefined` when
   * there is no such table.
   *
   * @example
   * ```ts
   * const source = await introspector.getTableSource(connection, { name: 'parent' })
   * source?.sql // 'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)'
   * ```
   */
  async getTableSource(connection, table) {
    const found = (await connection.execute({
      sql: `SELECT name, sql FROM ${master(table.schema)} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
      parameters: [table.name]
    })).rows[0];
    if (found === void 0)
      return void 0;
    const name = String(found["name"]);
    const objects = (await connection.execute({
      sql: `SELECT type, name, tbl_name, sql FROM ${master(table.schema)} WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY rowid`,
      parameters: []
    })).rows.map((row) => ({
      type: String(row["type"]),
      own: String(row["tbl_name"]).toLowerCase() === name.toLowerCase(),
      object: Object.freeze({ name: String(row["name"]), sql: String(row["sql"]) })
    }));
    const of = (type, own) => Object.freeze(objects.filter((o) => o.type === type && o.own === own).map((o) => o.object));
    return Object.freeze({
      table: name,
      ...table.schema === void 0 ? {} : { schema: table.schema },
      sql: String(found["sql"]),
      indexes: of("index", true),
      triggers: of("trigger", true),
      dependents: Object.freeze([...of("view", false), ...of("trigger", false)])
    });
  }
  /**
   * Whether a table, index, view or trigger of that name (in any letter case) exists.
   *
   * @example
   * ```ts
   * await introspector.hasObject(connection, { name: 'parent__retort_new' }) // false
   * ```
   */
  async hasObject(connection, object) {
    const result = await connection.execute({
      sql: `SELECT 1 AS found FROM ${master(object.schema)} WHERE name = ? COLLATE NOCASE`,
      parameters: [object.name]
    });
    return result.rows.length > 0;
  }
  /**
   * Whether the table has at least one row.
   *
   * @example
   * ```ts
   * await introspector.hasRows(connection, { name: 'parent' }) // true
   * ```
   */
  async hasRows(connection, table) {
    const result = await connection.execute({
      sql: `SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS found`,
      parameters: []
    });
    return Number(result.rows[0]?.["found"]) === 1;
  }
  /**
   * The tables whose foreign keys reference `table`.
   *
   * @example
   * ```ts
   * await introspector.referencingTables(connection, { name: 'parent' }) // ['child']
   * ```
   */
  async referencingTables(connection, table) {
    const result = await connection.execute({
      sql: `SELECT DISTINCT m.name AS name FROM ${master(table.schema)} AS m, pragma_foreign_key_list(m.name, ?) AS f WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE`,
      parameters: [table.schema ?? "main", table.name]
    });
    return result.rows.map((row) => String(row["name"]));
  }
  /**
   * The rows `PRAGMA foreign_key_check` reports for the tables that have foreign keys (all
   * of them, or the given ones) of a database (`main` by default). A table whose foreign key
   * does not match a key of its parent ("foreign key mismatch") is in `mismatches` with
   * SQLite's message: SQLite itself refuses writes to it.
   *
   * @example
   * ```ts
   * (await introspector.foreignKeyViolations(connection)).violations // [{ table: 'child', rowid: 3, parent: 'parent' }]
   * ```
   */
  async foreignKeyViolations(connection, schema, tables) {
    const names = tables ?? (await connection.execute({
      // A foreign key can only be declared with REFERENCES in the table's SQL, so this
      // text filter finds a superset of the tables with foreign keys without calling
      // pragma_foreign_key_list once per table (which made every commit O(tables)).
      sql: `SELECT m.name AS name FROM ${master(schema)} AS m WHERE m.type = 'table' AND m.sql LIKE '%REFERENCES%'`,
      parameters: []
    })).rows.map((row) => String(row["name"]));
    const violations = [];
    const mismatches = /* @__PURE__ */ new Map();
    for (const table of names) {
      try {
        const rows = (await connection.execute({
          sql: 'SELECT "table", rowid, parent FROM pragma_foreign_key_check(?, ?)',
          parameters: [table, schema ?? "main"]
        })).rows;
        for (const row of rows) {
          violations.push({
            table: String(row["table"]),
            rowid: row["rowid"],
            parent: String(row["parent"])
          });
        }
      } catch (error) {
        if (!(error instanceof Error) || !/foreign key mismatch/.test(error.message))
          throw error;
        mismatches.set(table, error.message);
      }
    }
    return { violations, mismatches };
  }
};
function checksOf(sql) {
  const checks = typeof sql === "string" ? readSqliteChecks(sql) : void 0;
  return checks === void 0 ? {} : { checks };
}
function quoted(table) {
  const name = `"${table.name.replaceAll('"', '""')}"`;
  return table.schema === void 0 ? name : `"${table.schema.replaceAll('"', '""')}".${name}`;
}
function master(schema) {
  return schema === void 0 ? "sqlite_master" : `"${schema.replaceAll('"', '""')}".sqlite_master`;
}
async function readForeignKeys(connection, table, schema) {
  const rows = (await connection.execute({
    sql: 'SELECT id, seq, "table" AS ref_table, "from" AS from_column, "to" AS to_column, on_update, on_delete FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq',
    parameters: [table, schema]
  })).rows;
  const byId = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const id = Number(row["id"]);
    byId.set(id, [...byId.get(id) ?? [], row]);
  }
  const ids = [...byId.keys()].sort((a, b) => b - a);
  return Object.freeze(ids.map((id) => {
    const parts = byId.get(id);
    const first = parts[0];
    return Object.freeze({
      columns: Object.freeze(parts.map((part) => String(part["from_column"]))),
      references: Object.freeze({
        table: String(first["ref_table"]),
        // A REFERENCES clause without columns means the parent's primary key.
        columns: Object.freeze(parts.map((part) => part["to_column"] === null ? "" : String(part["to_column"])))
      }),
      ...action("onDelete", first["on_delete"]),
      ...action("onUpdate", first["on_update"])
    });
  }));
}
function action(key2, value) {
  const text = typeof value === "string" ? value.toUpperCase() : "NO ACTION";
  if (text === "NO ACTION" || text === "")
    return {};
  return { [key2]: text };
}
function readSqliteChecks(createTableSql) {
  let tokens;
  try {
    tokens = tokenizeSql(createTableSql);
  } catch {
    return void 0;
  }
  const open2 = tokens.findIndex((t) => t.kind === "punct" && t.text === "(");
  if (open2 < 0)
    return Object.freeze([]);
  let end;
  try {
    end = closingParen2(tokens, open2);
  } catch {
    return void 0;
  }
  const checks = [];
  for (const [from, to] of splitTopLevel(tokens, open2 + 1, end - 1)) {
    let depth = 0;
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (token.kind === "punct" && token.text === "(")
        depth += 1;
      else if (token.kind === "punct" && token.text === ")")
        depth -= 1;
      else if (depth === 0 && isKeyword(token, "CHECK")) {
        const paren = tokens[i + 1];
        if (paren === void 0 || paren.text !== "(")
          continue;
        const close = closingParen2(tokens, i + 1) - 1;
        const expression = createTableSql.slice(paren.end, tokens[close].start).trim();
        const named = i - 2 >= from && isKeyword(tokens[i - 2], "CONSTRAINT") && isName(tokens[i - 1]);
        checks.push(Object.freeze({
          ...named ? { name: identifierValue(tokens[i - 1]) } : {},
          expression
        }));
        i = close;
      }
    }
  }
  return Object.freeze(checks);
}

// ../dialect-sqlite/dist/sqlite-literal.js
var SqliteValueError = class extends RetortError {
  constructor(message) {
    super("sqlite-value", message);
  }
};
function renderLiteral(value) {
  if (value === null)
    return "NULL";
  switch (typeof value) {
    case "string":
      if (value.includes("\0")) {
        throw new SqliteValueError(`cannot write a string containing a NUL character as a SQLite literal (${preview(value)}); bind it as a parameter instead`);
      }
      return `'${value.replaceAll("'", "''")}'`;
    case "number":
      if (!Number.isFinite(value)) {
        throw new SqliteValueError(`cannot write ${value} as a SQLite literal; use a finite number or NULL`);
      }
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "1" : "0";
    case "object":
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          throw new SqliteValueError("cannot write an invalid Date as a SQLite literal");
        }
        return `'${value.toISOString()}'`;
      }
      if (value instanceof Uint8Array)
        return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}'`;
      break;
    default:
      break;
  }
  throw new SqliteValueError(`cannot write ${describe(value)} as a SQLite literal; use a string, number, bigint, boolean, null, Date or Buffer`);
}
function toSqliteValue(value) {
  if (value === null || value === void 0)
    return null;
  switch (typeof value) {
    case "string":
    case "bigint":
      return value;
    case "number":
      if (Number.isNaN(value)) {
        throw new SqliteValueError("cannot bind NaN: SQLite would store NULL; pass null explicitly");
      }
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "object": {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
          throw new SqliteValueError("cannot bind an invalid Date");
        return value.toISOString();
      }
      if (Buffer.isBuffer(value))
        return value;
      if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      const prototype = Object.getPrototypeOf(value);
      if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
        return JSON.stringify(value);
      }
      break;
    }
    default:
      break;
  }
  throw new SqliteValueError(`cannot bind ${describe(value)} as a SQLite value; use a string, number, bigint, boolean, null, Date, Buffer or a JSON object`);
}
function describe(value) {
  if (typeof value === "object" && value !== null) {
    return `a ${value.constructor?.name ?? "object"}`;
  }
  return `a ${typeof value}`;
}
function preview(value) {
  const shown = value.replaceAll("\0", "\\0");
  return `'${shown.length > 30 ? `${shown.slice(0, 27)}...` : shown}'`;
}
function inlineStatement(statement) {
  const { sql, parameters } = statement;
  let next = 0;
  let highest = 0;
  const text = replacePlaceholders(sql, SQLITE_SQL, (placeholder) => {
    const index = placeholder.number === void 0 ? next : placeholder.number - 1;
    if (index < 0 || index >= parameters.length) {
      throw new SqliteValueError(`statement has placeholder '${placeholder.text}' but only ${parameters.length} parameters: ${sql.slice(0, 60)}`);
    }
    next = index + 1;
    highest = Math.max(highest, next);
    return renderLiteral(parameters[index]);
  }, { script: true });
  if (highest !== parameters.length) {
    throw new SqliteValueError(`statement uses ${highest} of ${parameters.length} parameters: ${sql.slice(0, 60)}`);
  }
  return text;
}
var SqliteCompileError = class extends RetortError {
  constructor(message) {
    super("sqlite-compile", message);
  }
};
function quoteIdentifier(name) {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0")) {
    throw new SqliteCompileError(`'${String(name)}' is not a valid SQLite identifier; use a non-empty name without NUL`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}
function qualifiedName(name, schema) {
  return schema === void 0 || schema === "" ? quoteIdentifier(name) : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

// ../dialect-sqlite/dist/sqlite-column-type.js
var SQLITE_TYPES = portableTypeTable({
  float: "REAL",
  time: "TIME",
  datetime: "DATETIME",
  timestamp: "TIMESTAMP",
  json: "TEXT",
  uuid: "VARCHAR(36)"
});
function sqliteColumnType(column) {
  return columnTypeSql(column, SQLITE_TYPES);
}
var REFERENTIAL_ACTIONS = ["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"];
function renderColumn(column, inlineKey) {
  let sql = `${quoteIdentifier(column.name)} `;
  if (column.autoincrement) {
    if (!column.primaryKey || !inlineKey) {
      throw new SqliteCompileError(`column '${column.name}': SQLite allows autoincrement only on a single INTEGER PRIMARY KEY column; add primaryKey: true`);
    }
    sql += "INTEGER PRIMARY KEY AUTOINCREMENT";
  } else {
    sql += sqliteColumnType(column);
    if (column.primaryKey && inlineKey)
      sql += " PRIMARY KEY";
  }
  if (!column.nullable)
    sql += " NOT NULL";
  if (column.unique)
    sql += " UNIQUE";
  sql += renderDefault(column.default, column.defaultSql);
  if (column.references !== void 0) {
    const r = column.references;
    sql += ` REFERENCES ${quoteIdentifier(r.table)} (${quoteIdentifier(r.column)})`;
    sql += actions(r.onDelete, r.onUpdate);
  }
  return sql;
}
function renderDefault(value, sql) {
  if (value !== void 0)
    return ` DEFAULT ${renderLiteral(value)}`;
  if (sql !== void 0)
    return ` DEFAULT (${sql})`;
  return "";
}
function renderConstraint(constraint) {
  const name = constraint.name === void 0 ? "" : `CONSTRAINT ${quoteIdentifier(constraint.name)} `;
  const list = (columns) => columns.map((c) => quoteIdentifier(c)).join(", ");
  switch (constraint.kind) {
    case "primaryKey":
      return `${name}PRIMARY KEY (${list(constraint.columns)})`;
    case "unique":
      return `${name}UNIQUE (${list(constraint.columns)})`;
    case "foreignKey": {
      const r = constraint.references;
      const deferrable = constraint.deferrable === void 0 ? "" : constraint.deferrable ? " DEFERRABLE" : " NOT DEFERRABLE";
      const initially = constraint.initially === void 0 ? "" : ` INITIALLY ${initiallyKeyword(constraint.initially)}`;
      return `${name}FOREIGN KEY (${list(constraint.columns)}) REFERENCES ${quoteIdentifier(r.table)} (${list(r.columns)})${actions(r.onDelete, r.onUpdate)}${deferrable}${initially}`;
    }
    case "check":
      return `${name}CHECK (${constraint.expression})`;
    default: {
      const _never = constraint;
      throw new SqliteCompileError(`unknown constraint kind '${_never.kind}'`);
    }
  }
}
function renderCreateTable(name, schema, columns, constraints, ifNotExists) {
  const keyColumns = columns.filter((column) => column.primaryKey);
  const inlineKey = keyColumns.length === 1;
  if (keyColumns.length > 1 && keyColumns.some((column) => column.autoincrement)) {
    throw new SqliteCompileError(`table '${name}': SQLite allows autoincrement only on a single INTEGER PRIMARY KEY column`);
  }
  const parts = columns.map((column) => renderColumn(column, inlineKey));
  if (keyColumns.length > 1) {
    parts.push(`PRIMARY KEY (${keyColumns.map((c) => quoteIdentifier(c.name)).join(", ")})`);
  }
  for (const constraint of constraints)
    parts.push(renderConstraint(constraint));
  return `CREATE TABLE ${ifNotExists ? "IF NOT EXISTS " : ""}${qualifiedName(name, schema)} (${parts.join(", ")})`;
}
function renderCreateIndex(index) {
  const columns = index.columns.map((c) => typeof c === "string" ? quoteIdentifier(c) : `(${c.expression})`).join(", ");
  const where = index.where === void 0 ? "" : ` WHERE ${index.where}`;
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${index.ifNotExists ? "IF NOT EXISTS " : ""}${qualifiedName(index.name, index.schema)} ON ${quoteIdentifier(index.table)} (${columns})${where}`;
}
function actions(onDelete, onUpdate) {
  return `${onDelete === void 0 ? "" : ` ON DELETE ${action2(onDelete)}`}${onUpdate === void 0 ? "" : ` ON UPDATE ${action2(onUpdate)}`}`;
}
function action2(value) {
  const known = REFERENTIAL_ACTIONS.find((a) => a === value);
  if (known === void 0) {
    throw new SqliteCompileError(`'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(", ")}`);
  }
  return known;
}
function initiallyKeyword(value) {
  if (value !== "DEFERRED" && value !== "IMMEDIATE") {
    throw new SqliteCompileError(`'${value}' is not DEFERRED or IMMEDIATE`);
  }
  return value;
}

// ../dialect-sqlite/dist/rebuild/sqlite-table-sql.js
var TABLE_CONSTRAINT_WORDS = /* @__PURE__ */ new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);
var CLAUSE_WORDS = /* @__PURE__ */ new Set([
  "CONSTRAINT",
  "PRIMARY",
  "NOT",
  "NULL",
  "UNIQUE",
  "CHECK",
  "DEFAULT",
  "COLLATE",
  "REFERENCES",
  "GENERATED",
  "AS"
]);
function parseCreateTable(sql) {
  const tokens = tokenizeSql(sql);
  let i = 0;
  const expect = (word) => {
    if (!isKeyword(tokens[i], word)) {
      throw new SqlSyntaxError(`expected ${word} at '${tokens[i]?.text ?? "the end"}'`);
    }
    i++;
  };
  expect("CREATE");
  if (isKeyword(tokens[i], "TEMP") || isKeyword(tokens[i], "TEMPORARY"))
    i++;
  expect("TABLE");
  if (isKeyword(tokens[i], "IF")) {
    i++;
    expect("NOT");
    expect("EXISTS");
  }
  let nameToken = tokens[i];
  if (tokens[i + 1]?.text === ".") {
    i += 2;
    nameToken = tokens[i];
  }
  if (!isObjectName(nameToken)) {
    throw new SqlSyntaxError("expected the table name");
  }
  i++;
  if (tokens[i]?.text !== "(") {
    throw new SqlSyntaxError("expected '(' and a column list (CREATE TABLE ... AS is not supported)");
  }
  const close = closingParen2(tokens, i);
  const table = {
    name: identifierValue(nameToken),
    columns: [],
    constraints: [],
    options: sql.slice(tokens[close - 1].end).trim().replace(/;$/, "").trim()
  };
  for (const [from, to] of splitTopLevel(tokens, i + 1, close - 1)) {
    const first = tokens[from];
    if (table.constraints.length > 0 || first.kind === "word" && TABLE_CONSTRAINT_WORDS.has(first.text.toUpperCase())) {
      table.constraints.push(parseTableConstraint(sql, tokens, from, to));
    } else {
      table.columns.push(parseColumn(sql, tokens, from, to));
    }
  }
  if (table.columns.length === 0)
    throw new SqlSyntaxError("the table has no columns");
  return table;
}
function parseColumnDefinition(text) {
  const tokens = tokenizeSql(text);
  return parseColumn(text, tokens, 0, tokens.length);
}
function parseConstraintDefinition(text) {
  const tokens = tokenizeSql(text);
  return parseTableConstraint(text, tokens, 0, tokens.length);
}
function renderColumnSql(column) {
  if (column.text !== void 0)
    return column.text;
  const type = column.type === "" ? "" : ` ${column.type}`;
  return `${column.nameText}${type}${column.clauses.map((clause2) => ` ${clause2.text}`).join("")}`;
}
function renderTableSql(table, qualifiedName2) {
  const items = [
    ...table.columns.map(renderColumnSql),
    ...table.constraints.map((constraint) => constraint.text)
  ];
  return `CREATE TABLE ${qualifiedName2} (${items.join(", ")})${table.options === "" ? "" : ` ${table.options}`}`;
}
function usesColumn(part, column) {
  return mentions(part.tokens, column);
}
function indexUsesColumn(sql, column) {
  const tokens = tokenizeSql(sql);
  const on = tokens.findIndex((t) => isKeyword(t, "ON"));
  return on !== -1 && mentions(tokens.slice(on + 2), column);
}
function qualifyCreateStatement(sql, schema) {
  if (schema === void 0 || schema === "")
    return sql;
  const tokens = tokenizeSql(sql);
  let i = 1;
  while (["UNIQUE", "TEMP", "TEMPORARY", "INDEX", "TRIGGER", "IF", "NOT", "EXISTS"].some((w) => isKeyword(tokens[i], w))) {
    i++;
  }
  const name = tokens[i];
  if (name === void 0 || tokens[i + 1]?.text === ".")
    return sql;
  return `${sql.slice(0, name.start)}"${schema.replaceAll('"', '""')}".${sql.slice(name.start)}`;
}
function parseColumn(sql, tokens, from, to) {
  const nameToken = tokens[from];
  if (!isObjectName(nameToken)) {
    throw new SqlSyntaxError(`expected a column name at '${tokens[from]?.text ?? "the end"}'`);
  }
  const name = identifierValue(nameToken);
  let i = from + 1;
  let depth = 0;
  for (; i < to; i++) {
    const t = tokens[i];
    if (t.text === "(")
      depth++;
    else if (t.text === ")")
      depth--;
    else if (depth === 0 && t.kind === "word" && CLAUSE_WORDS.has(t.text.toUpperCase()))
      break;
  }
  const type = i > from + 1 ? sql.slice(tokens[from + 1].start, tokens[i - 1].end) : "";
  const clauses = [];
  while (i < to) {
    const start = i;
    let clauseName;
    if (isKeyword(tokens[i], "CONSTRAINT")) {
      const n = tokens[i + 1];
      if (!isObjectName(n)) {
        throw new SqlSyntaxError(`column '${name}': expected a constraint name`);
      }
      clauseName = identifierValue(n);
      i += 2;
    }
    const [kind, end] = columnClause(tokens, i, to, name);
    i = end;
    clauses.push({
      kind,
      name: clauseName,
      text: sql.slice(tokens[start].start, tokens[end - 1].end),
      tokens: tokens.slice(start, end)
    });
  }
  return {
    name,
    nameText: nameToken.text,
    type,
    clauses,
    text: sql.slice(nameToken.start, tokens[to - 1].end),
    source: name
  };
}
function columnClause(tokens, i, to, column) {
  const word = (tokens[i]?.kind === "word" ? tokens[i]?.text.toUpperCase() : void 0) ?? "";
  const conflict = (j) => isKeyword(tokens[j], "ON") && isKeyword(tokens[j + 1], "CONFLICT") ? j + 3 : j;
  const parens = (j) => {
    if (tokens[j]?.text !== "(")
      throw new SqlSyntaxError(`expected '(' after ${word}`);
    return closingParen2(tokens, j);
  };
  switch (word) {
    case "PRIMARY": {
      if (!isKeyword(tokens[i + 1], "KEY"))
        throw new SqlSyntaxError("expected PRIMARY KEY");
      let j = i + 2;
      if (isKeyword(tokens[j], "ASC") || isKeyword(tokens[j], "DESC"))
        j++;
      j = conflict(j);
      if (isKeyword(tokens[j], "AUTOINCREMENT"))
        j++;
      return ["primaryKey", j];
    }
    case "NOT":
      if (!isKeyword(tokens[i + 1], "NULL"))
        throw new SqlSyntaxError("expected NOT NULL");
      return ["notNull", conflict(i + 2)];
    case "NULL":
      return ["null", conflict(i + 1)];
    case "UNIQUE":
      return ["unique", conflict(i + 1)];
    case "CHECK":
      return ["check", parens(i + 1)];
    case "DEFAULT": {
      const next = tokens[i + 1];
      if (next === void 0)
        throw new SqlSyntaxError("expected a value after DEFAULT");
      if (next.text === "(")
        return ["default", closingParen2(tokens, i + 1)];
      if (next.kind === "operator" && (next.text === "-" || next.text === "+")) {
        return ["default", i + 3];
      }
      return ["default", i + 2];
    }
    case "COLLATE":
      return ["collate", i + 2];
    case "REFERENCES":
      return ["references", foreignKeyClause(tokens, i + 1)];
    case "GENERATED":
      if (!isKeyword(tokens[i + 1], "ALWAYS") || !isKeyword(tokens[i + 2], "AS")) {
        throw new SqlSyntaxError("expected GENERATED ALWAYS AS");
      }
      return ["generated", storage(tokens, parens(i + 3))];
    case "AS":
      return ["generated", storage(tokens, parens(i + 1))];
    default:
      throw new SqlSyntaxError(`column '${column}': cannot read '${tokens[i]?.text ?? "the end"}' (${to - i} tokens left)`);
  }
}
function storage(tokens, j) {
  return isKeyword(tokens[j], "STORED") || isKeyword(tokens[j], "VIRTUAL") ? j + 1 : j;
}
function foreignKeyClause(tokens, i) {
  let j = i + 1;
  if (tokens[j]?.text === "(")
    j = closingParen2(tokens, j);
  for (; ; ) {
    if (isKeyword(tokens[j], "ON") && !isKeyword(tokens[j + 1], "CONFLICT")) {
      j += 2;
      j += isKeyword(tokens[j], "SET") || isKeyword(tokens[j], "NO") ? 2 : 1;
    } else if (isKeyword(tokens[j], "MATCH")) {
      j += 2;
    } else if (isKeyword(tokens[j], "DEFERRABLE") || isKeyword(tokens[j], "NOT") && isKeyword(tokens[j + 1], "DEFERRABLE")) {
      j += isKeyword(tokens[j], "NOT") ? 2 : 1;
      if (isKeyword(tokens[j], "INITIALLY"))
        j += 2;
    } else {
      return j;
    }
  }
}
function parseTableConstraint(sql, tokens, from, to) {
  let i = from;
  let name;
  if (isKeyword(tokens[i], "CONSTRAINT")) {
    const n = tokens[i + 1];
    if (!isObjectName(n)) {
      throw new SqlSyntaxError("expected a constraint name");
    }
    name = identifierValue(n);
    i += 2;
  }
  const word = tokens[i]?.text.toUpperCase();
  const columnsAt = (j) => {
    if (tokens[j]?.text !== "(")
      throw new SqlSyntaxError(`expected '(' after ${word ?? ""}`);
    const close = closingParen2(tokens, j);
    return splitTopLevel(tokens, j + 1, close - 1).flatMap(([a]) => {
      const t = tokens[a];
      return isName(t) && tokens[a + 1]?.text !== "(" ? [identifierValue(t)] : [];
    });
  };
  let kind;
  let columns = [];
  if (word === "PRIMARY" && isKeyword(tokens[i + 1], "KEY")) {
    kind = "primaryKey";
    columns = columnsAt(i + 2);
  } else if (word === "UNIQUE") {
    kind = "unique";
    columns = columnsAt(i + 1);
  } else if (word === "CHECK") {
    kind = "check";
  } else if (word === "FOREIGN" && isKeyword(tokens[i + 1], "KEY")) {
    kind = "foreignKey";
    columns = columnsAt(i + 2);
  } else {
    throw new SqlSyntaxError(`cannot read the table constraint at '${tokens[i]?.text ?? ""}'`);
  }
  return {
    kind,
    name,
    columns,
    text: sql.slice(tokens[from].start, tokens[to - 1].end),
    tokens: tokens.slice(from, to)
  };
}

// ../dialect-sqlite/dist/rebuild/sqlite-rebuild-plan.js
function planTableChange(step, source, facts = {}) {
  const { native, nativeWhen, operation } = step;
  if (native !== void 0) {
    if (nativeWhen === "emptyTable" && facts.hasRows === false)
      return { kind: "native", sql: native };
    if (nativeWhen === "columnUnused" && operation.kind === "dropColumn" && nativeDropColumnWorks(source, operation.name)) {
      return { kind: "native", sql: native };
    }
  }
  const plan = planRebuild(source, operation);
  return plan.changed ? { kind: "rebuild", plan } : { kind: "unchanged" };
}
var REBUILD_SUFFIX = "__retort_new";
function planRebuild(source, operation) {
  const fail = (message) => {
    throw new SqliteRebuildError(source.table, `${describeOperation(operation)} on SQLite (a table rebuild): ${message}`);
  };
  let table;
  try {
    table = parseCreateTable(source.sql);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError))
      throw error;
    return fail(`cannot read the definition of table '${source.table}' (${error.message}); change the table with op.execute instead`);
  }
  const original = renderTableSql(parseCreateTable(source.sql), '"t"');
  const droppedIndexes = applyOperation(table, source, operation, fail);
  const temporaryName = `${source.table}${REBUILD_SUFFIX}`;
  const q = (name) => qualifiedName(name, source.schema);
  const pairs = table.columns.filter((c) => c.source !== void 0 && !c.clauses.some((k) => k.kind === "generated")).map((c) => [quoteIdentifier(c.name), quoteIdentifier(c.source)]);
  const rowidTable = (t) => !/\bWITHOUT\s+ROWID\b/i.test(t.options);
  const oldTable = parseCreateTable(source.sql);
  const reserved = [...oldTable.columns, ...table.columns].some((c) => ["rowid", "oid", "_rowid_"].includes(c.name.toLowerCase()));
  if (rowidTable(oldTable) && rowidTable(table) && !reserved) {
    const alias = rowidAlias(table);
    if (alias === void 0)
      pairs.unshift(["rowid", "rowid"]);
    else if (alias.source === void 0)
      pairs.unshift([quoteIdentifier(alias.name), "rowid"]);
  }
  if (pairs.length === 0)
    fail(`table '${source.table}' would keep no column to copy`);
  const recreate = [
    ...source.indexes.filter((index) => !droppedIndexes.includes(index.name)).map((index) => qualifyCreateStatement(index.sql, source.schema)),
    ...source.triggers.map((trigger) => qualifyCreateStatement(trigger.sql, source.schema))
  ];
  return {
    changed: renderTableSql(table, '"t"') !== original || droppedIndexes.length > 0,
    temporaryName,
    create: renderTableSql(table, q(temporaryName)),
    copy: `INSERT INTO ${q(temporaryName)} (${pairs.map(([to]) => to).join(", ")}) SELECT ${pairs.map(([, from]) => from).join(", ")} FROM ${q(source.table)}`,
    drop: `DROP TABLE ${q(source.table)}`,
    rename: `ALTER TABLE ${q(temporaryName)} RENAME TO ${quoteIdentifier(source.table)}`,
    recreate,
    droppedIndexes,
    autoincrement: table.columns.some((c) => c.clauses.some((k) => k.kind === "primaryKey" && k.tokens.some((t) => isKeyword(t, "AUTOINCREMENT"))))
  };
}
function nativeDropColumnWorks(source, column) {
  const table = parseCreateTable(source.sql);
  const target = findColumn(table, column);
  if (target === void 0)
    return true;
  if (target.clauses.some((c) => c.kind === "primaryKey" || c.kind === "unique" || c.kind === "references")) {
    return false;
  }
  const used = [...source.triggers, ...source.dependents].some((object) => {
    try {
      return mentions(tokenizeSql(object.sql), target.name);
    } catch (error) {
      if (error instanceof SqlSyntaxError)
        return true;
      throw error;
    }
  });
  if (used)
    return false;
  if (table.constraints.some((c) => usesColumn(c, target.name)))
    return false;
  if (source.indexes.some((index) => indexUsesColumn(index.sql, target.name)))
    return false;
  return !table.columns.some((c) => c !== target && c.clauses.some((clause2) => usesColumn(clause2, target.name)));
}
function applyOperation(table, source, operation, fail) {
  const t = `'${source.table}'`;
  const column = (name) => findColumn(table, name) ?? fail(`table ${t} has no column '${name}'`);
  const checkColumns = (names) => names.forEach((name) => column(name));
  const checkNameFree = (name) => {
    const lower = name.toLowerCase();
    const taken = table.constraints.some((c) => c.name?.toLowerCase() === lower) || table.columns.some((c) => c.clauses.some((k) => k.name?.toLowerCase() === lower));
    if (taken)
      fail(`table ${t} already has a constraint named '${name}'; pick another name`);
  };
  const addConstraint = (text) => table.constraints.push(parseConstraintDefinition(text));
  switch (operation.kind) {
    case "addColumn": {
      const definition = operation.column;
      if (findColumn(table, definition.name) !== void 0) {
        fail(`table ${t} already has a column '${definition.name}'`);
      }
      if (definition.primaryKey && hasPrimaryKey(table)) {
        fail(`table ${t} already has a primary key; drop it first with op.dropConstraint(name, ${t}, { type: 'primaryKey' })`);
      }
      const text = renderColumn(definition, true);
      table.columns.push({ ...parseColumnDefinition(text), source: void 0 });
      return [];
    }
    case "dropColumn": {
      const target = column(operation.name);
      if (table.columns.length === 1) {
        fail(`'${target.name}' is the only column of table ${t}; drop the table instead`);
      }
      for (const other of table.columns) {
        if (other === target)
          continue;
        if (other.clauses.some((c) => c.kind === "generated" && usesColumn(c, target.name))) {
          fail(`generated column '${other.name}' is computed from '${target.name}'; drop or change it first`);
        }
        const kept = other.clauses.filter((c) => !(c.kind === "check" && usesColumn(c, target.name)));
        if (kept.length !== other.clauses.length)
          setClauses(other, kept);
      }
      table.columns = table.columns.filter((c) => c !== target);
      table.constraints = table.constraints.filter((c) => !usesColumn(c, target.name));
      return source.indexes.filter((index) => indexUsesColumn(index.sql, target.name)).map((index) => index.name);
    }
    case "alterColumn": {
      const target = column(operation.newName ?? operation.name);
      let clauses = [...target.clauses];
      if (operation.type !== void 0) {
        const type = sqliteColumnType(operation.type);
        if (type.toUpperCase() !== target.type.toUpperCase()) {
          target.type = type;
          target.text = void 0;
        }
      }
      if (operation.nullable === false && !clauses.some((c) => c.kind === "notNull")) {
        clauses = [...clauses.filter((c) => c.kind !== "null"), clause("notNull", "NOT NULL")];
      }
      if (operation.nullable === true) {
        if (isKeyColumn(table, target)) {
          fail(`column '${target.name}' is part of the primary key of ${t} and cannot allow NULL; drop the primary key first`);
        }
        clauses = clauses.filter((c) => c.kind !== "notNull");
      }
      if (operation.default !== void 0 || operation.defaultSql !== void 0) {
        clauses = clauses.filter((c) => c.kind !== "default");
        const rendered = renderDefault(operation.default === null ? void 0 : operation.default, operation.defaultSql).trim();
        if (rendered !== "")
          clauses.push(clause("default", rendered));
      }
      if (clauses.map((c) => c.text).join() !== target.clauses.map((c) => c.text).join()) {
        setClauses(target, clauses);
      }
      return [];
    }
    case "createUniqueConstraint":
      checkColumns(operation.columns);
      checkNameFree(operation.name);
      addConstraint(renderConstraint({ kind: "unique", name: operation.name, columns: operation.columns }));
      return [];
    case "createCheckConstraint":
      checkNameFree(operation.name);
      addConstraint(renderConstraint({ kind: "check", name: operation.name, expression: operation.expression }));
      return [];
    case "createForeignKey":
      checkColumns(operation.columns);
      checkNameFree(operation.name);
      addConstraint(renderConstraint({
        kind: "foreignKey",
        name: operation.name,
        columns: operation.columns,
        references: operation.references,
        deferrable: operation.deferrable,
        initially: operation.initially
      }));
      return [];
    case "createPrimaryKey": {
      if (hasPrimaryKey(table)) {
        fail(`table ${t} already has a primary key; drop it first with op.dropConstraint(name, ${t}, { type: 'primaryKey' })`);
      }
      checkNameFree(operation.name);
      for (const name of operation.columns) {
        const target = column(name);
        if (!target.clauses.some((c) => c.kind === "notNull")) {
          setClauses(target, [
            ...target.clauses.filter((c) => c.kind !== "null"),
            clause("notNull", "NOT NULL")
          ]);
        }
      }
      addConstraint(renderConstraint({ kind: "primaryKey", name: operation.name, columns: operation.columns }));
      return [];
    }
    case "dropConstraint": {
      const lower = operation.name.toLowerCase();
      const wrongType = (kind) => fail(`constraint '${operation.name}' of ${t} is a ${kind} constraint, not ${operation.type ?? ""}; correct the type`);
      const index = table.constraints.findIndex((c) => c.name?.toLowerCase() === lower);
      if (index !== -1) {
        const found = table.constraints[index];
        if (operation.type !== void 0 && found?.kind !== operation.type)
          wrongType(found?.kind ?? "");
        table.constraints.splice(index, 1);
        return [];
      }
      for (const target of table.columns) {
        const named = target.clauses.find((c) => c.name?.toLowerCase() === lower);
        if (named === void 0)
          continue;
        const kind = CLAUSE_CONSTRAINT_TYPES[named.kind];
        if (operation.type !== void 0 && kind !== operation.type)
          wrongType(kind ?? named.kind);
        setClauses(target, target.clauses.filter((c) => c !== named));
        return [];
      }
      if (operation.type === "primaryKey") {
        const key2 = table.constraints.findIndex((c) => c.kind === "primaryKey");
        if (key2 !== -1) {
          table.constraints.splice(key2, 1);
          return [];
        }
        const target = table.columns.find((c) => c.clauses.some((k) => k.kind === "primaryKey"));
        if (target === void 0)
          fail(`table ${t} has no primary key`);
        setClauses(target, target.clauses.filter((k) => k.kind !== "primaryKey"));
        return [];
      }
      const names = [
        ...table.constraints.flatMap((c) => c.name === void 0 ? [] : [c.name]),
        ...table.columns.flatMap((c) => c.clauses.flatMap((k) => k.name === void 0 ? [] : [k.name]))
      ];
      const index2 = source.indexes.find((i) => i.name.toLowerCase() === lower);
      return fail(`table ${t} has no constraint named '${operation.name}' (${names.length === 0 ? "it has no named constraints" : `its named constraints: ${names.join(", ")}`}); SQLite knows a constraint by name only when it was created with CONSTRAINT "name"${index2 === void 0 ? "" : `; '${index2.name}' is an index: use op.dropIndex`}`);
    }
    default:
      return fail("this operation is not run as a table rebuild");
  }
}
var CLAUSE_CONSTRAINT_TYPES = {
  primaryKey: "primaryKey",
  unique: "unique",
  check: "check",
  references: "foreignKey"
};
function clause(kind, text) {
  return { kind, text, tokens: tokenizeSql(text) };
}
function setClauses(column, clauses) {
  column.clauses = clauses;
  column.text = void 0;
}
function findColumn(table, name) {
  const lower = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === lower);
}
function hasPrimaryKey(table) {
  return table.constraints.some((c) => c.kind === "primaryKey") || table.columns.some((c) => c.clauses.some((k) => k.kind === "primaryKey"));
}
function isKeyColumn(table, column) {
  return column.clauses.some((k) => k.kind === "primaryKey") || table.constraints.some((c) => c.kind === "primaryKey" && c.columns.some((n) => n.toLowerCase() === column.name.toLowerCase()));
}
function rowidAlias(table) {
  const integer = (c) => c !== void 0 && c.type.trim().toUpperCase() === "INTEGER";
  const inline = table.columns.find((c) => c.clauses.some((k) => k.kind === "primaryKey" && !k.tokens.some((t) => isKeyword(t, "DESC"))));
  if (inline !== void 0)
    return integer(inline) ? inline : void 0;
  const key2 = table.constraints.find((c) => c.kind === "primaryKey");
  if (key2 === void 0 || key2.columns.length !== 1)
    return void 0;
  const column = findColumn(table, key2.columns[0]);
  return integer(column) ? column : void 0;
}

// ../dialect-sqlite/dist/rebuild/sqlite-table-rebuilder.js
async function runRebuildStep(connection, database, step, introspector = new SqliteIntrospector()) {
  const inTransaction = database.inTransaction;
  const foreignKeys = Number(database.pragma("foreign_keys", { simple: true })) === 1;
  const switchForeignKeys = foreignKeys && !inTransaction;
  if (switchForeignKeys)
    database.pragma("foreign_keys = OFF");
  try {
    database.exec("SAVEPOINT retort_rebuild");
    try {
      await applyStep(connection, database, step, introspector, foreignKeys && !switchForeignKeys);
      database.exec("RELEASE retort_rebuild");
    } catch (error) {
      if (database.inTransaction) {
        database.exec("ROLLBACK TO retort_rebuild");
        database.exec("RELEASE retort_rebuild");
      }
      throw error;
    }
  } finally {
    if (switchForeignKeys)
      database.pragma("foreign_keys = ON");
  }
}
async function applyStep(connection, database, step, introspector, foreignKeysOn) {
  const { operation, schema } = step;
  const what = describeOperation(operation);
  const fail = (message, cause) => {
    throw new SqliteRebuildError(step.table, `${what} on SQLite (a table rebuild): ${message}`, {
      cause
    });
  };
  const source = await introspector.getTableSource(connection, { name: step.table, schema });
  if (source === void 0)
    return fail(`table '${step.table}' does not exist`);
  const table = source.table;
  if (/^\s*CREATE\s+VIRTUAL\b/i.test(source.sql)) {
    return fail(`'${table}' is a virtual table, which cannot be altered`);
  }
  const hasRows = step.nativeWhen === "emptyTable" ? await introspector.hasRows(connection, { name: table, schema }) : void 0;
  const change = planTableChange(step, source, { hasRows });
  const run = (sql, explain, renamed = "") => {
    try {
      database.exec(sql);
    } catch (error) {
      if (!isSqliteError(error))
        throw error;
      const message = renamed === "" ? error.message : error.message.replaceAll(renamed, table);
      fail(explain(message), error);
    }
  };
  if (change.kind === "unchanged")
    return;
  if (change.kind === "native") {
    run(change.sql, (m) => `SQLite refused \`${change.sql}\` (${m})`);
    return;
  }
  const { plan } = change;
  if (await introspector.hasObject(connection, { name: plan.temporaryName, schema })) {
    fail(`a table named '${plan.temporaryName}' is in the way (left by an interrupted rebuild?); drop it first`);
  }
  const referencing = await introspector.referencingTables(connection, { name: table, schema });
  if (foreignKeysOn && referencing.length > 0) {
    fail(`table '${table}' is referenced by ${referencing.map((n) => `'${n}'`).join(", ")}, and this transaction runs with PRAGMA foreign_keys ON, under which dropping the old table runs their ON DELETE actions (SQLite cannot switch foreign keys off inside a transaction); start the transaction with SqliteConnection.begin(), which switches them off for the migration and checks them before COMMIT, or set PRAGMA foreign_keys = OFF before BEGIN`);
  }
  const checked = [.../* @__PURE__ */ new Set([table, ...referencing])];
  const before = await introspector.foreignKeyViolations(connection, schema, checked);
  const schemaBefore = schemaProblem(database, schema, table);
  const sequence = await introspector.hasObject(connection, { name: "sqlite_sequence", schema }) ? readSequence(database, schema, table) : void 0;
  const temporary = plan.temporaryName;
  run(plan.create, (m) => `the new definition of '${table}' is not valid (${m}); change the operation`, temporary);
  run(plan.copy, (m) => `copying the rows of '${table}' into its new definition failed (${m}); fix those rows first (e.g. op.execute('UPDATE ...')) or change the operation`, temporary);
  run(plan.drop, (m) => `dropping the old table failed (${m})`, temporary);
  const legacy = database.pragma("legacy_alter_table", { simple: true });
  database.pragma("legacy_alter_table = ON");
  try {
    run(plan.rename, (m) => `renaming the new table to '${table}' failed (${m})`, temporary);
  } finally {
    database.pragma(`legacy_alter_table = ${Number(legacy) === 1 ? "ON" : "OFF"}`);
  }
  for (const sql of plan.recreate) {
    run(sql, (m) => `recreating \`${sql.replace(/\s+/g, " ").slice(0, 60)}\` failed (${m}); drop or change it before this operation`, temporary);
  }
  if (plan.autoincrement && sequence !== void 0)
    writeSequence(database, schema, table, sequence);
  const schemaAfter = schemaProblem(database, schema, table);
  if (schemaAfter !== void 0 && schemaAfter !== schemaBefore) {
    fail(`${schemaAfter}; drop or change that view or trigger before this operation`);
  }
  const after = await introspector.foreignKeyViolations(connection, schema, checked);
  for (const [name, problem] of after.mismatches) {
    if (before.mismatches.get(name) !== problem) {
      fail(`afterwards the foreign key of '${name}' no longer matches a PRIMARY KEY or UNIQUE key (${problem}); keep the referenced columns unique, or change that foreign key first`);
    }
  }
  const known = new Set(before.violations.map(key));
  const added = after.violations.filter((violation) => !known.has(key(violation)));
  if (added.length > 0) {
    throw new SqliteForeignKeyError(added, `after rebuilding table '${table}' for ${what}`);
  }
}
function schemaProblem(database, schema, table) {
  const legacy = database.pragma("legacy_alter_table", { simple: true });
  database.pragma("legacy_alter_table = OFF");
  database.exec("SAVEPOINT retort_check");
  try {
    database.exec(`ALTER TABLE ${qualifiedName(table, schema)} RENAME TO ${quoteIdentifier(`${table}${REBUILD_SUFFIX}_check`)}`);
    return void 0;
  } catch (error) {
    if (!isSqliteError(error))
      throw error;
    return error.message;
  } finally {
    database.exec("ROLLBACK TO retort_check");
    database.exec("RELEASE retort_check");
    database.pragma(`legacy_alter_table = ${Number(legacy) === 1 ? "ON" : "OFF"}`);
  }
}
function readSequence(database, schema, table) {
  const row = database.prepare(`SELECT seq FROM ${qualifiedName("sqlite_sequence", schema)} WHERE name = ? COLLATE NOCASE`).safeIntegers(true).get(table);
  return row?.seq;
}
function writeSequence(database, schema, table, seq) {
  const sequence = qualifiedName("sqlite_sequence", schema);
  const updated = database.prepare(`UPDATE ${sequence} SET seq = max(seq, ?) WHERE name = ? COLLATE NOCASE`).run(seq, table);
  if (updated.changes === 0) {
    database.prepare(`INSERT INTO ${sequence} (name, seq) VALUES (?, ?)`).run(table, seq);
  }
}
function key(violation) {
  return `${violation.table}\0${String(violation.rowid)}\0${violation.parent}`;
}
function isSqliteError(error) {
  return error instanceof Error && typeof error.code === "string" && String(error.code).startsWith("SQLITE_");
}

// ../dialect-sqlite/dist/rebuild/sqlite-rebuild-script.js
function rebuildScript(step) {
  const { operation, table, schema } = step;
  const current = "tableDefinition" in operation ? operation.tableDefinition : void 0;
  if (current === void 0) {
    if (step.native !== void 0)
      return [step.native];
    throw new SqliteCompileError(`${describeOperation(operation)} needs a table rebuild on SQLite, and offline (--sql) the table cannot be read; pass the table as it is before the change in the operation's tableDefinition option ({ columns: [...], indexes: [...] }), or run it online`);
  }
  const definition = operation.kind === "alterColumn" && operation.newName !== void 0 ? renameColumn(current, operation.name, operation.newName) : current;
  const source = {
    table,
    schema,
    sql: renderCreateTable(table, void 0, definition.columns, definition.constraints, false),
    indexes: definition.indexes.map((index) => ({
      name: index.name,
      sql: renderCreateIndex({ ...index, table, schema, ifNotExists: false })
    })),
    triggers: [],
    dependents: []
  };
  const change = planTableChange(step, source, { hasRows: void 0 });
  if (change.kind === "native")
    return [change.sql];
  if (change.kind === "unchanged") {
    return [`${sqlComment(`${describeOperation(operation)}: table "${table}" is unchanged`)}
`];
  }
  const { plan } = change;
  return [
    `${sqlComment(`table rebuild of ${qualifiedName(table, schema)} for ${describeOperation(operation)}: with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated`)}
${plan.create}`,
    plan.copy,
    plan.drop,
    // Keeps views (and triggers of other tables) as written: they find the new table by name.
    "PRAGMA legacy_alter_table = ON",
    plan.rename,
    "PRAGMA legacy_alter_table = OFF",
    ...plan.recreate
  ];
}
function renameColumn(definition, from, to) {
  const same = (name) => name.toLowerCase() === from.toLowerCase();
  const rename = (name) => same(name) ? to : name;
  const sql = (text) => renameInSql(text, from, to);
  const renameConstraint = (constraint) => constraint.kind === "check" ? { ...constraint, expression: sql(constraint.expression) } : { ...constraint, columns: constraint.columns.map(rename) };
  return {
    ...definition,
    columns: definition.columns.map((column) => same(column.name) ? { ...column, name: to } : column),
    constraints: definition.constraints.map(renameConstraint),
    indexes: definition.indexes.map((index) => ({
      ...index,
      columns: index.columns.map((c) => typeof c === "string" ? rename(c) : { expression: sql(c.expression) }),
      ...index.where === void 0 ? {} : { where: sql(index.where) }
    }))
  };
}

// ../dialect-sqlite/dist/sqlite-compiler.js
var MAX_PARAMETERS = 32766;
var MAX_ROWS_PER_INSERT = 500;
var FOREIGN_KEY_CHECK_TABLE = "retort_foreign_key_check";
var FOREIGN_KEY_CHECK_FAILED = "a foreign key has no parent row (PRAGMA foreign_key_check lists them); the open transaction is rolled back";
var SqliteCompiler = class {
  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new SqliteCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'ALTER TABLE "a" RENAME TO "b"', parameters: [] }]
   * ```
   */
  compile(operation) {
    switch (operation.kind) {
      case "createTable":
        return [
          keysKept(renderCreateTable(operation.name, operation.schema, operation.columns, operation.constraints, operation.ifNotExists))
        ];
      case "dropTable":
        return [
          ddl(`DROP TABLE ${operation.ifExists ? "IF EXISTS " : ""}${qualifiedName(operation.name, operation.schema)}`)
        ];
      case "renameTable":
        return [
          ddl(`ALTER TABLE ${qualifiedName(operation.from, operation.schema)} RENAME TO ${quoteIdentifier(operation.to)}`)
        ];
      case "addColumn": {
        const { column } = operation;
        if (column.primaryKey || column.unique)
          return [rebuild(operation.table, operation)];
        const native = `ALTER TABLE ${qualifiedName(operation.table, operation.schema)} ADD COLUMN ${renderColumn(column, false)}`;
        const refusedIfRows = !column.nullable && column.default == null && column.defaultSql === void 0 || column.defaultSql !== void 0;
        return [
          refusedIfRows ? rebuild(operation.table, operation, native, "emptyTable") : ddl(native)
        ];
      }
      case "dropColumn":
        return [
          rebuild(operation.table, operation, `ALTER TABLE ${qualifiedName(operation.table, operation.schema)} DROP COLUMN ${quoteIdentifier(operation.name)}`, "columnUnused")
        ];
      case "alterColumn": {
        const statements = [];
        if (operation.newName !== void 0) {
          statements.push(ddl(`ALTER TABLE ${qualifiedName(operation.table, operation.schema)} RENAME COLUMN ${quoteIdentifier(operation.name)} TO ${quoteIdentifier(operation.newName)}`));
        }
        if (operation.type !== void 0 || operation.nullable !== void 0 || operation.default !== void 0 || operation.defaultSql !== void 0) {
          statements.push(rebuild(operation.table, operation));
        }
        return statements;
      }
      case "createIndex":
        return [keysKept(renderCreateIndex(operation))];
      case "dropIndex":
        return [
          keysKept(`DROP INDEX ${operation.ifExists ? "IF EXISTS " : ""}${qualifiedName(operation.name, operation.schema)}`)
        ];
      case "createUniqueConstraint":
      case "createForeignKey":
      case "createCheckConstraint":
      case "createPrimaryKey":
      case "dropConstraint":
        return [rebuild(operation.table, operation)];
      case "createTableComment":
      case "dropTableComment":
        return [];
      case "execute":
        return [{ sql: operation.sql, parameters: operation.parameters.map(toSqliteValue) }];
      case "bulkInsert":
        return this.#bulkInsert(operation.table, operation.schema, operation.columns, operation.rows);
      default: {
        const _never = operation;
        throw new SqliteCompileError(`unknown operation kind '${_never.kind}'`);
      }
    }
  }
  /**
   * `"name"` with `"` doubled. Rejects empty names and NUL characters.
   *
   * @example
   * ```ts
   * new SqliteCompiler().quoteIdentifier('my "table"') // '"my ""table"""'
   * ```
   */
  quoteIdentifier(name) {
    return quoteIdentifier(name);
  }
  /**
   * The statement with its parameters written in as literals, for offline SQL scripts. A
   * table rebuild ({@link SqliteRebuildStatement}) is written out as its statements,
   * separated by `;` and newlines, from the operation's `tableDefinition`; without one it
   * throws a {@link SqliteCompileError} saying to pass it (or gives the native statement,
   * when there is one to try).
   *
   * @example
   * ```ts
   * new SqliteCompiler().inline({ sql: 'DELETE FROM "t" WHERE "id" = ?', parameters: [1] })
   * // 'DELETE FROM "t" WHERE "id" = 1'
   * ```
   */
  inline(statement) {
    if (isRebuildStatement(statement))
      return rebuildScript(statement.rebuild).join(";\n");
    return inlineStatement(statement);
  }
  /**
   * What an offline script does around its statements, as `SqliteConnection` does online:
   * `PRAGMA foreign_keys = OFF` at the top (SQLite ignores the pragma inside a transaction,
   * and a table rebuild with foreign keys on would run the ON DELETE actions of the tables
   * that reference the rebuilt one), a check before COMMIT when a statement of the
   * transaction may have broken a foreign key, and `PRAGMA foreign_keys = ON` at the end. A
   * script cannot read the setting it started with, so it ends with foreign keys on (the
   * setting of better-sqlite3 and of Retort's online runs).
   *
   * The check inserts the rows of `pragma_foreign_key_check` (of `main`, as online, and of
   * the attached databases of the tables rebuilt) into a temporary table whose every insert
   * fails, with `INSERT OR ROLLBACK`: one violation
   * fails the statement (`CHECK constraint failed: a foreign key has no parent row ...`) and
   * rolls the transaction back, so the COMMIT after it has nothing to commit even in a
   * `sqlite3` session that goes on after errors.
   *
   * @example
   * ```ts
   * new SqliteCompiler().scriptFrame().start // [{ sql: 'PRAGMA foreign_keys = OFF', parameters: [] }]
   * ```
   */
  scriptFrame() {
    return Object.freeze({
      notes: [
        "run it so that it stops at the first error: sqlite3 -bail DATABASE < SCRIPT",
        "foreign keys are off while it runs (SQLite cannot switch them inside a transaction, and with them on a table rebuild runs ON DELETE actions), checked before COMMIT (a violation rolls back), and on at the end"
      ],
      start: [ddl("PRAGMA foreign_keys = OFF")],
      check: (statements) => statements.every(keepsForeignKeys) ? [] : foreignKeyCheck(statements),
      end: [ddl("PRAGMA foreign_keys = ON")]
    });
  }
  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table.
   *
   * @example
   * ```ts
   * new SqliteCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table, idLength) {
    if (!Number.isSafeInteger(idLength) || idLength < 1) {
      throw new SqliteCompileError(`version id length must be a positive integer (got ${idLength})`);
    }
    return [
      keysKept(`CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} ("version_num" VARCHAR(${idLength}) NOT NULL, CONSTRAINT ${this.quoteIdentifier(`${table.name}_pkc`)} PRIMARY KEY ("version_num"))`)
    ];
  }
  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new SqliteCompiler().selectVersions({ name: 'retort_version' })
   * ```
   */
  selectVersions(table) {
    return keysKept(`SELECT "version_num" FROM ${this.#qualified(table)} ORDER BY "version_num"`);
  }
  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new SqliteCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table, revision) {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} ("version_num") VALUES (?)`,
      keepsForeignKeys: true,
      parameters: [revision]
    };
  }
  /**
   * Moves a version row from one revision to another.
   *
   * @example
   * ```ts
   * new SqliteCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table, from, to) {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET "version_num" = ? WHERE "version_num" = ?`,
      keepsForeignKeys: true,
      parameters: [to, from]
    };
  }
  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new SqliteCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table, revision) {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE "version_num" = ?`,
      keepsForeignKeys: true,
      parameters: [revision]
    };
  }
  #qualified(table) {
    return qualifiedName(table.name, table.schema);
  }
  #bulkInsert(table, schema, columns, rows) {
    if (rows.length === 0)
      return [];
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = `INSERT INTO ${qualifiedName(table, schema)} (${columns.map((c) => this.quoteIdentifier(c)).join(", ")}) VALUES `;
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const statements = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      statements.push({
        sql: head + chunk.map(() => tuple).join(", "),
        parameters: chunk.flatMap((row) => row.map(toSqliteValue))
      });
    }
    return statements;
  }
};
function foreignKeyCheck(statements) {
  const schemas = /* @__PURE__ */ new Set(["main"]);
  for (const statement of statements) {
    if (isRebuildStatement(statement))
      schemas.add(statement.rebuild.schema ?? "main");
  }
  const rows = [...schemas].map((schema) => `SELECT "table" FROM pragma_foreign_key_check(NULL, ${renderLiteral(schema)})`).join(" UNION ALL ");
  const table = quoteIdentifier(FOREIGN_KEY_CHECK_TABLE);
  return [
    ddl(`CREATE TEMP TABLE ${table} ("violation" TEXT, CONSTRAINT ${quoteIdentifier(FOREIGN_KEY_CHECK_FAILED)} CHECK (0))`),
    ddl(`INSERT OR ROLLBACK INTO temp.${table} ("violation") ${rows}`),
    ddl(`DROP TABLE temp.${table}`)
  ];
}
function ddl(sql) {
  return { sql, parameters: [] };
}
function keysKept(sql) {
  return { sql, parameters: [], keepsForeignKeys: true };
}
function rebuild(table, operation, native, nativeWhen) {
  const schema = "schema" in operation ? operation.schema : void 0;
  return Object.freeze({
    // An executor that does not know the marker runs the native statement, or fails on an
    // empty statement: it never silently skips the change.
    sql: native ?? sqlComment(`table rebuild of ${qualifiedName(table, schema)}: ${describeOperation(operation)}`),
    parameters: [],
    rebuild: Object.freeze({
      table,
      ...schema === void 0 ? {} : { schema },
      operation,
      ...native === void 0 ? {} : { native, nativeWhen }
    })
  });
}
function keepsForeignKeys(statement) {
  return statement.keepsForeignKeys === true;
}

// ../dialect-sqlite/dist/sqlite-driver.js
var SqliteDriver = class {
  #open;
  #connections = /* @__PURE__ */ new Set();
  constructor(open2) {
    this.#open = open2;
  }
  /**
   * Opens a connection.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect() {
    const connection = new SqliteConnection(this.#open(), () => this.#connections.delete(connection));
    this.#connections.add(connection);
    return connection;
  }
  /**
   * Closes the connections this driver opened that are still open (never the
   * application's handle).
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy() {
    for (const connection of [...this.#connections])
      await connection.close();
  }
};
var SqliteConnection = class {
  #handle;
  #onClose;
  /** `foreign_keys` was ON and is switched off for the open transaction. */
  #foreignKeysSuspended = false;
  /** A statement of the open transaction may have broken a foreign key: check before COMMIT. */
  #foreignKeysAtRisk = false;
  /** Reads the tables a rebuild changes and the foreign keys checked before COMMIT. */
  #introspector = new SqliteIntrospector();
  constructor(handle, onClose = () => {
  }) {
    this.#handle = handle;
    this.#onClose = onClose;
  }
  /**
   * The better-sqlite3 handle (for the adapter and introspector of this dialect). A file
   * that does not exist yet is created here: whoever needs the handle itself (the
   * migration lock, a rebuild) is about to write.
   */
  get database() {
    return this.#created().database;
  }
  /**
   * Waiting for another connection's write lock (`SQLITE_BUSY`) lasts `timeoutMs` from now
   * on, when this is Retort's own handle without a busy timeout of its own: the adapter
   * calls it once it holds the migration lock, so a second application migrating another
   * version table of the same file waits for the first one's transaction as long as it
   * would wait for a lock.
   *
   * @example
   * ```ts
   * connection.useLockTimeout(60_000)
   * ```
   */
  useLockTimeout(timeoutMs) {
    const handle = this.#created();
    if (handle.followsLockTimeout !== true || !handle.database.open)
      return;
    handle.database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(timeoutMs))}`);
  }
  /** The handle, once the file exists (creating it if it was not there). */
  #created() {
    const pending = this.#handle.pending;
    if (pending === void 0 || !this.#handle.database.open)
      return this.#handle;
    const database = pending.create();
    this.#handle.database.close();
    this.#handle = {
      database,
      owned: true,
      ...this.#handle.followsLockTimeout ? { followsLockTimeout: true } : {}
    };
    return this.#handle;
  }
  /**
   * Runs one statement. A parameterless text of several statements (raw SQL from
   * `op.execute`) runs through `exec()`.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM "t" WHERE "id" = ?', parameters: [1] })
   * ```
   */
  async execute(statement) {
    if (isRebuildStatement(statement)) {
      this.#foreignKeysAtRisk = true;
      try {
        await runRebuildStep(this, this.database, statement.rebuild, this.#introspector);
      } catch (error) {
        throw explainSqliteFileError(error, this.#handle.database.name);
      }
      return { rows: [], rowCount: 0 };
    }
    return this.#explained(() => this.#execute(statement));
  }
  #execute(statement) {
    if (!keepsForeignKeys(statement))
      this.#foreignKeysAtRisk = true;
    if (this.#handle.pending?.exists() === true)
      this.#created();
    let database = this.#handle.database;
    const parameters = statement.parameters.map(toSqliteValue);
    let prepared;
    try {
      prepared = database.prepare(statement.sql);
      if (this.#handle.pending !== void 0 && !(prepared.reader && prepared.readonly)) {
        database = this.database;
        prepared = database.prepare(statement.sql);
      }
    } catch (error) {
      if (parameters.length === 0 && isMultiStatement(error)) {
        this.database.exec(statement.sql);
        return { rows: [], rowCount: 0 };
      }
      throw error;
    }
    if (prepared.reader) {
      const rows = prepared.all(...parameters);
      return { rows, rowCount: prepared.readonly ? 0 : rows.length };
    }
    const result = prepared.run(...parameters);
    return { rows: [], rowCount: result.changes };
  }
  /**
   * `BEGIN IMMEDIATE`: takes the write lock now, so a concurrent writer is waited for
   * (busy timeout) here rather than failing half-way through a migration. With
   * `foreign_keys` ON, switches it off first (see the class notes).
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin() {
    this.#explained(() => this.#begin());
  }
  #begin() {
    const database = this.database;
    const suspend = !database.inTransaction && Number(database.pragma("foreign_keys", { simple: true })) === 1;
    if (suspend)
      database.pragma("foreign_keys = OFF");
    try {
      database.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (suspend)
        database.pragma("foreign_keys = ON");
      throw error;
    }
    this.#foreignKeysSuspended = suspend;
    this.#foreignKeysAtRisk = false;
  }
  /**
   * `COMMIT`. When `begin()` switched foreign keys off, `PRAGMA foreign_key_check` runs
   * first: a violation rolls back and throws {@link SqliteForeignKeyError}, naming the
   * table, the rowid and the parent table.
   *
   * @example
   * ```ts
   * await connection.commit()
   * ```
   */
  async commit() {
    const database = this.#handle.database;
    if (this.#foreignKeysSuspended && this.#foreignKeysAtRisk && database.inTransaction) {
      const { violations } = await this.#introspector.foreignKeyViolations(this);
      if (violations.length > 0) {
        database.exec("ROLLBACK");
        this.#resumeForeignKeys();
        throw new SqliteForeignKeyError(violations, "before committing the migration");
      }
    }
    database.exec("COMMIT");
    this.#foreignKeysAtRisk = false;
    this.#resumeForeignKeys();
  }
  /**
   * `ROLLBACK`, when a transaction is open (SQLite may already have rolled back after
   * some errors).
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback() {
    if (this.#handle.database.inTransaction)
      this.#handle.database.exec("ROLLBACK");
    this.#foreignKeysAtRisk = false;
    this.#resumeForeignKeys();
  }
  /** Runs `work`; "file is not a database" becomes an error naming the file. */
  #explained(work) {
    try {
      return work();
    } catch (error) {
      throw explainSqliteFileError(error, this.#handle.database.name);
    }
  }
  #resumeForeignKeys() {
    if (!this.#foreignKeysSuspended || this.#handle.database.inTransaction)
      return;
    this.#foreignKeysSuspended = false;
    if (this.#handle.database.open)
      this.#handle.database.pragma("foreign_keys = ON");
  }
  /**
   * Closes the handle if Retort opened it; the application's own handle stays open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close() {
    if (this.#handle.owned && this.#handle.database.open)
      this.#handle.database.close();
    this.#onClose();
  }
};
function isMultiStatement(error) {
  return error instanceof RangeError && /more than one statement/.test(error.message);
}
function openSqliteFile(filename, options) {
  let exists = true;
  try {
    if (statSync(filename).isDirectory()) {
      throw new RetortError("sqlite-path", `the SQLite database path '${filename}' is a directory; give the path of a database file, e.g. '${join(filename, "app.db")}'`);
    }
  } catch (error) {
    if (error instanceof RetortError)
      throw error;
    const code = error?.code;
    if (code !== "ENOENT" && code !== "ENOTDIR")
      throw error;
    exists = false;
  }
  if (exists)
    return { database: open(filename, options), owned: true, ...follows(options) };
  return {
    database: new Database(":memory:"),
    owned: true,
    ...follows(options),
    pending: {
      exists: () => existsSync(filename),
      create: () => {
        const directory = dirname(filename);
        let isDirectory = false;
        try {
          isDirectory = statSync(directory).isDirectory();
        } catch {
          isDirectory = false;
        }
        if (!isDirectory) {
          throw new RetortError("sqlite-path", `cannot create the SQLite database '${filename}': the directory '${directory}' does not exist; create it, or correct the path`);
        }
        return open(filename, options);
      }
    }
  };
}
function follows(options) {
  return options.followsLockTimeout ? { followsLockTimeout: true } : {};
}
function open(filename, options) {
  try {
    return new Database(filename, { timeout: options.timeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RetortError("sqlite-path", `cannot open the SQLite database '${filename}' (${reason}); check the path and that this process may read and write it`, { cause: error });
  }
}
function explainSqliteFileError(error, filename) {
  if (error?.code !== "SQLITE_NOTADB")
    return error;
  return new RetortError("sqlite-not-a-database", `'${filename}' is not a SQLite database (${error.message}); check the path, or move that file away so that a new database can be created there`, { cause: error });
}

// ../dialect-sqlite/dist/sqlite-migration-lock.js
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Database2 from "better-sqlite3";
var SQLITE_LOCK_SUFFIX = ".retort-lock";
function sqliteLockPath(databaseFile2, versionTable) {
  const safe = /^[A-Za-z0-9_.-]+$/.test(versionTable) ? versionTable : `${versionTable.replace(/[^A-Za-z0-9_.-]/g, "_")}-${createHash("sha256").update(versionTable).digest("hex").slice(0, 8)}`;
  return `${databaseFile2}-${safe}${SQLITE_LOCK_SUFFIX}`;
}
var SqliteMigrationLock = class {
  #held = /* @__PURE__ */ new Map();
  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that.
   *
   * @example
   * ```ts
   * await lock.acquire(db, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(database, options) {
    const file = databaseFile(database, options.versionTable.schema);
    if (file === void 0)
      return;
    const path = sqliteLockPath(file, options.versionTable.name);
    if (this.#held.has(path)) {
      throw new RetortError("lock-held", `the migration lock '${path}' is already held by this adapter; release it before taking it again`);
    }
    let lock;
    try {
      lock = new Database2(path, { timeout: 0 });
    } catch (error) {
      throw new RetortError("lock-file", `cannot open the migration lock file '${path}' (${error.message}); the directory of the database must be writable`, { cause: error });
    }
    const deadline = Date.now() + Math.max(0, options.timeoutMs);
    let pause = 10;
    for (; ; ) {
      try {
        initialise(lock);
        lock.exec("BEGIN EXCLUSIVE");
        this.#held.set(path, lock);
        return;
      } catch (error) {
        if (!isBusy(error)) {
          lock.close();
          throw error;
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        lock.close();
        throw new LockTimeoutError(`${file} (${options.versionTable.name})`, options.timeoutMs);
      }
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, 200);
    }
  }
  /**
   * Releases the lock if this object holds it.
   *
   * @example
   * ```ts
   * await lock.release(db, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async release(database, options) {
    const file = databaseFile(database, options.versionTable.schema);
    if (file === void 0)
      return;
    const path = sqliteLockPath(file, options.versionTable.name);
    const lock = this.#held.get(path);
    if (lock === void 0)
      return;
    this.#held.delete(path);
    try {
      if (lock.inTransaction)
        lock.exec("ROLLBACK");
    } finally {
      lock.close();
    }
  }
};
function databaseFile(database, schema) {
  if (database.memory)
    return void 0;
  const row = database.prepare("SELECT file FROM pragma_database_list WHERE name = ?").get(schema ?? "main");
  if (row === void 0) {
    throw new RetortError("unknown-schema", `'${schema}' is not an attached database of this SQLite connection; attach it or drop versionTableSchema`);
  }
  return row.file === null || row.file === "" ? void 0 : row.file;
}
function initialise(lock) {
  if (lock.pragma("page_count", { simple: true }) === 0) {
    lock.exec("CREATE TABLE IF NOT EXISTS retort_lock (note TEXT)");
  }
}
function isBusy(error) {
  const code = error?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

// ../dialect-sqlite/dist/sqlite-adapter.js
var SqliteAdapter = class extends AdapterBase {
  #lock = new SqliteMigrationLock();
  get supportsTransactionalDdl() {
    return true;
  }
  /**
   * Whether the table exists in `sqlite_master` (of the attached database `schema`).
   * SQLite table names are case-insensitive, and so is this.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version' })
   * ```
   */
  async hasTable(connection, table) {
    const master2 = table.schema ? `"${table.schema.replaceAll('"', '""')}".sqlite_master` : "sqlite_master";
    const result = await connection.execute({
      sql: `SELECT 1 AS found FROM ${master2} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
      parameters: [table.name]
    });
    return result.rows.length > 0;
  }
  /**
   * Takes the cross-process lock for this database file and version table; throws
   * `LockTimeoutError` after `timeoutMs`. A no-op for in-memory databases. Then Retort's own
   * connection waits up to `timeoutMs` for another connection's write lock too (see
   * `SqliteConnection.useLockTimeout`).
   *
   * @example
   * ```ts
   * await adapter.acquireMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  async acquireMigrationLock(connection, options) {
    const database = databaseOf(connection);
    try {
      await this.#lock.acquire(database, options);
    } catch (error) {
      throw explainSqliteFileError(error, database.name);
    }
    if (connection instanceof SqliteConnection)
      connection.useLockTimeout(options.timeoutMs);
  }
  /**
   * Releases the lock taken by {@link SqliteAdapter.acquireMigrationLock}.
   *
   * @example
   * ```ts
   * await adapter.releaseMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  async releaseMigrationLock(connection, options) {
    await this.#lock.release(databaseOf(connection), options);
  }
};
function databaseOf(connection) {
  const database = connection.database;
  if (typeof database !== "object" || database === null || typeof database.prepare !== "function") {
    throw new RetortError("wrong-connection", "the SQLite adapter needs a connection from the SQLite driver; pass the connections of the same dialect");
  }
  return database;
}

// ../dialect-sqlite/dist/files/sqlite-database-files.js
import Database3 from "better-sqlite3";
var SqliteDatabaseFiles = class {
  filename;
  /** The application's handle, when the dialect wraps one (backups read through it). */
  #handle;
  /** The dialect of a handle (passed in: the dialect module imports this one). */
  #dialectOf;
  constructor(filename, handle, dialectOf) {
    this.filename = filename;
    this.#handle = handle;
    this.#dialectOf = dialectOf;
  }
  /**
   * A new private in-memory database.
   *
   * @example
   * ```ts
   * const memory = files.memory()
   * ```
   */
  memory() {
    const database = new Database3(":memory:");
    return {
      dialect: this.#dialectOf(database),
      serialize: () => database.serialize(),
      dispose: () => {
        if (database.open)
          database.close();
      }
    };
  }
  /**
   * An online backup into `destination`.
   *
   * @example
   * ```ts
   * await files.backup('/backups/app.db.1')
   * ```
   */
  async backup(destination) {
    const filename = this.#file("back up");
    if (this.#handle !== void 0 && this.#handle.open) {
      await this.#handle.backup(destination);
      return;
    }
    const source = new Database3(filename, { readonly: true, fileMustExist: true });
    try {
      await source.backup(destination);
    } finally {
      source.close();
    }
  }
  /**
   * Copies the backup `source` over this dialect's database.
   *
   * @example
   * ```ts
   * await files.restore('/backups/app.db.1')
   * ```
   */
  async restore(source) {
    const filename = this.#file("restore");
    const backup = new Database3(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(filename);
    } finally {
      backup.close();
    }
  }
  #file(what) {
    if (this.filename === void 0) {
      throw new Error(`cannot ${what} an in-memory SQLite database; use a database file`);
    }
    return this.filename;
  }
};

// ../dialect-sqlite/dist/sqlite-dialect.js
var DEFAULT_SQLITE_TIMEOUT_MS = 5e3;
function sqliteDialect(config) {
  return new SqliteDialect(config);
}
var SqliteDialect = class _SqliteDialect {
  name = "sqlite";
  description;
  /** In-memory databases, online backup and restore of this dialect's file (see `DatabaseFiles`). */
  files;
  #open;
  constructor(config) {
    if (typeof config !== "object" || config === null) {
      throw new ConfigError("sqliteDialect needs { filename } or { database }");
    }
    if ("database" in config && config.database !== void 0) {
      const database = config.database;
      if (typeof database.prepare !== "function") {
        throw new ConfigError("sqliteDialect: database must be a better-sqlite3 Database");
      }
      this.description = `${database.name} (application handle)`;
      this.files = new SqliteDatabaseFiles(database.memory ? void 0 : database.name, database, (handle) => new _SqliteDialect({ database: handle }));
      this.#open = () => {
        if (!database.open) {
          throw new ConfigError(`the SQLite database '${database.name}' handed to sqliteDialect is closed; pass an open handle`);
        }
        return { database, owned: false };
      };
      return;
    }
    const { filename, timeoutMs: explicitTimeout } = config;
    const timeoutMs = explicitTimeout ?? DEFAULT_SQLITE_TIMEOUT_MS;
    if (typeof filename !== "string") {
      throw new ConfigError("sqliteDialect needs { filename: string } or { database }");
    }
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 0) {
      throw new ConfigError(`sqliteDialect: timeoutMs must be a non-negative integer (got ${String(timeoutMs)})`);
    }
    this.description = filename === "" ? ":memory:" : filename;
    this.files = new SqliteDatabaseFiles(filename === "" || filename === ":memory:" ? void 0 : filename, void 0, (handle) => new _SqliteDialect({ database: handle }));
    if (filename === ":memory:" || filename === "") {
      let shared;
      this.#open = () => {
        shared ??= new Database4(":memory:");
        return { database: shared, owned: false };
      };
    } else {
      const options = { timeoutMs, followsLockTimeout: explicitTimeout === void 0 };
      this.#open = () => openSqliteFile(filename, options);
    }
  }
  /**
   * A new driver (connections).
   *
   * @example
   * ```ts
   * const driver = sqliteDialect({ filename: 'app.db' }).createDriver()
   * ```
   */
  createDriver() {
    return new SqliteDriver(this.#open);
  }
  /**
   * A new compiler (pure).
   *
   * @example
   * ```ts
   * const compiler = sqliteDialect({ filename: 'app.db' }).createCompiler()
   * ```
   */
  createCompiler() {
    return new SqliteCompiler();
  }
  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = sqliteDialect({ filename: 'app.db' }).createAdapter()
   * ```
   */
  createAdapter() {
    return new SqliteAdapter();
  }
  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = sqliteDialect({ filename: 'app.db' }).createIntrospector()
   * ```
   */
  createIntrospector() {
    return new SqliteIntrospector();
  }
  /**
   * An empty private in-memory database, closed (and so gone) by `dispose()`: what
   * `revision --autogenerate` and `check` upgrade and compare. Every connection of the
   * scratch dialect shares the one handle, so they all see the same database. This
   * dialect's own database is never opened.
   *
   * @example
   * ```ts
   * const scratch = await sqliteDialect({ filename: 'app.db' }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch() {
    const database = new Database4(":memory:");
    return {
      dialect: new _SqliteDialect({ database }),
      async dispose() {
        if (database.open)
          database.close();
      }
    };
  }
};
export {
  DEFAULT_SQLITE_TIMEOUT_MS,
  DEFAULT_STRING_LENGTH,
  REBUILD_SUFFIX,
  SQLITE_LOCK_SUFFIX,
  SqliteAdapter,
  SqliteCompileError,
  SqliteCompiler,
  SqliteConnection,
  SqliteDatabaseFiles,
  SqliteDialect,
  SqliteDriver,
  SqliteForeignKeyError,
  SqliteIntrospector,
  SqliteMigrationLock,
  SqliteRebuildError,
  SqliteValueError,
  databaseOf,
  explainSqliteFileError,
  inlineStatement,
  isRebuildStatement,
  keepsForeignKeys,
  nativeDropColumnWorks,
  openSqliteFile,
  planRebuild,
  planTableChange,
  rebuildScript,
  renderLiteral,
  runRebuildStep,
  sqliteColumnType,
  sqliteDialect,
  sqliteLockPath,
  toSqliteValue
};
