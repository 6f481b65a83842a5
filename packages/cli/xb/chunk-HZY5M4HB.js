import {
  makeOperation
} from "./chunk-RMQOVVDU.js";
import {
  didYouMean
} from "./chunk-VGZQQMLJ.js";
import {
  RetortError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/operations/operation-error.js
var OperationError = class extends RetortError {
  path;
  atKey;
  constructor(message, options = {}) {
    super(options.code ?? "invalid-operation", message);
    this.path = Object.freeze([...options.path ?? []]);
    this.atKey = options.atKey ?? false;
  }
};

// ../core/dist/operations/argument-checks.js
function nested(parent, label, path) {
  return { label: `${parent.label}: ${label}`, base: [...parent.base, ...path] };
}
function checkName(subject2, value, path) {
  if (typeof value !== "string" || value.length === 0) {
    fail(subject2, path, `must be a non-empty string (got ${show(value)})`);
  }
  if (value.includes("\0"))
    fail(subject2, path, `must not contain a NUL character`);
  return value;
}
function checkOptionalName(subject2, value, path) {
  return value === void 0 ? void 0 : checkName(subject2, value, path);
}
function checkBoolean(subject2, value, path) {
  if (value === void 0)
    return void 0;
  if (typeof value !== "boolean")
    fail(subject2, path, `must be true or false (got ${show(value)})`);
  return value;
}
function checkString(subject2, value, path, allowEmpty = false) {
  if (value === void 0)
    return void 0;
  if (typeof value !== "string" || !allowEmpty && value.trim().length === 0) {
    fail(subject2, path, `must be a non-empty string (got ${show(value)})`);
  }
  return value;
}
function checkCount(subject2, value, path, allowZero = false) {
  if (value === void 0)
    return void 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    fail(subject2, path, `must be a ${allowZero ? "non-negative" : "positive"} integer (got ${show(value)})`);
  }
  return value;
}
function checkNameList(subject2, value, path) {
  if (!Array.isArray(value) || value.length === 0) {
    fail(subject2, path, `must be a non-empty list of names (got ${show(value)})`);
  }
  const names = value.map((item, index) => checkName(subject2, item, [...path, index]));
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== void 0)
    fail(subject2, path, `names '${duplicate}' twice`);
  return Object.freeze(names);
}
function checkOptions(subject2, value, path, allowed) {
  if (value === void 0 || value === null)
    return {};
  if (!isPlainObject(value)) {
    fail(subject2, path, `must be an object (got ${show(value)})`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail(subject2, [...path, key], `unknown option '${key}'${didYouMean(key, allowed)}; expected one of ${allowed.join(", ")}`, true);
    }
  }
  return value;
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
function fail(subject2, path, detail, atKey = false) {
  const where = path.length === 0 || atKey ? "" : `${describePath(path)} `;
  throw new OperationError(`${subject2.label}: ${where}${detail}`, {
    path: [...subject2.base, ...path],
    atKey
  });
}
function describePath(path) {
  return path.map((segment, index) => typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`).join("");
}
function show(value) {
  if (value === void 0)
    return "nothing";
  if (typeof value === "string")
    return `'${value.length > 40 ? `${value.slice(0, 37)}...` : value}'`;
  if (typeof value === "bigint")
    return `${value}n`;
  if (Array.isArray(value))
    return "a list";
  if (value instanceof Date)
    return "a Date";
  if (typeof value === "object" && value !== null)
    return "an object";
  if (typeof value === "function")
    return "a function";
  return String(value);
}
function compact(record) {
  const out = {};
  for (const key in record) {
    const value = record[key];
    if (value !== void 0)
      out[key] = value;
  }
  return Object.freeze(out);
}

// ../core/dist/operations/column.js
var COLUMN_TYPES = Object.freeze([
  "integer",
  "bigint",
  "smallint",
  "string",
  "text",
  "boolean",
  "float",
  "double",
  "decimal",
  "date",
  "time",
  "datetime",
  "timestamp",
  "json",
  "uuid",
  "binary"
]);
var REFERENTIAL_ACTIONS = Object.freeze([
  "CASCADE",
  "SET NULL",
  "SET DEFAULT",
  "RESTRICT",
  "NO ACTION"
]);
var COLUMN_OPTION_KEYS = Object.freeze([
  "length",
  "precision",
  "scale",
  "withTimezone",
  "nullable",
  "primaryKey",
  "autoincrement",
  "unique",
  "default",
  "defaultSql",
  "references",
  "comment"
]);
var LENGTH_TYPES = ["string", "binary"];
var PRECISION_TYPES = ["decimal", "float", "time", "datetime", "timestamp"];
var ZONED_TYPES = ["time", "datetime", "timestamp"];
var INTEGER_TYPES = ["integer", "bigint", "smallint"];
function createColumn(name, type, options) {
  return buildColumn({ label: `op.column(${show(name)})`, base: [] }, name, type, options);
}
function normalizeColumn(spec, within = { label: "column", base: [] }, path = []) {
  if (!isPlainObject(spec)) {
    fail(within, path, `must be a column: op.column(name, type, options) or { name, type, ... } (got ${show(spec)})`);
  }
  const { name, type, ...options } = spec;
  const at = nested(within, `column ${show(name)}`, path);
  for (const key of Object.keys(options)) {
    if (!COLUMN_OPTION_KEYS.includes(key)) {
      fail(at, [key], `unknown column key '${key}'${didYouMean(key, ["name", "type", ...COLUMN_OPTION_KEYS])}; expected name, type or one of ${COLUMN_OPTION_KEYS.join(", ")}`, true);
    }
  }
  return buildColumn(at, name, type, options);
}
var COLUMN_TYPE_OPTION_KEYS = Object.freeze([
  "length",
  "precision",
  "scale",
  "withTimezone"
]);
function checkColumnTypeSpec(at, type, o, paths = (key) => [key]) {
  const p = paths;
  const checkedType = checkType(at, type, p("type"));
  const typeName = typeof checkedType === "string" ? checkedType : void 0;
  const length = checkCount(at, o["length"], p("length"));
  if (length !== void 0 && typeName !== void 0 && !LENGTH_TYPES.includes(typeName)) {
    fail(at, p("length"), `applies to string and binary columns, not ${typeName}`);
  }
  const precision = checkCount(at, o["precision"], p("precision"), true);
  if (precision !== void 0 && typeName !== void 0 && !PRECISION_TYPES.includes(typeName)) {
    fail(at, p("precision"), `applies to ${PRECISION_TYPES.join(", ")} columns, not ${typeName}`);
  }
  const scale = checkCount(at, o["scale"], p("scale"), true);
  if (scale !== void 0) {
    if (typeName !== void 0 && typeName !== "decimal") {
      fail(at, p("scale"), `applies to decimal columns, not ${typeName}`);
    }
    if (precision === void 0)
      fail(at, p("scale"), "needs a precision as well");
    if (scale > precision) {
      fail(at, p("scale"), `(${scale}) cannot exceed the precision (${precision})`);
    }
  }
  const withTimezone = checkBoolean(at, o["withTimezone"], p("withTimezone"));
  if (withTimezone && typeName !== void 0 && !ZONED_TYPES.includes(typeName)) {
    fail(at, p("withTimezone"), `applies to ${ZONED_TYPES.join(", ")} columns, not ${typeName}`);
  }
  return compact({ type: checkedType, length, precision, scale, withTimezone });
}
function buildColumn(at, name, type, options) {
  const checkedName = checkName(at, name, ["name"]);
  const o = checkOptions(at, options, [], COLUMN_OPTION_KEYS);
  const p = (key) => [key];
  const typeSpec = checkColumnTypeSpec(at, type, o);
  const typeName = typeof typeSpec.type === "string" ? typeSpec.type : void 0;
  const primaryKey = checkBoolean(at, o["primaryKey"], p("primaryKey")) ?? false;
  const nullable = checkBoolean(at, o["nullable"], p("nullable"));
  if (primaryKey && nullable === true) {
    fail(at, p("nullable"), "cannot be true for a primary key column");
  }
  const autoincrement = checkBoolean(at, o["autoincrement"], p("autoincrement")) ?? false;
  if (autoincrement && typeName !== void 0 && !INTEGER_TYPES.includes(typeName)) {
    fail(at, p("autoincrement"), `applies to integer, bigint and smallint columns, not ${typeName}`);
  }
  const unique = checkBoolean(at, o["unique"], p("unique")) ?? false;
  const defaultValue = checkDefault(at, o["default"], p("default"));
  const defaultSql = checkString(at, o["defaultSql"], p("defaultSql"));
  if (defaultSql !== void 0 && "default" in o && o["default"] !== void 0) {
    fail(at, p("defaultSql"), "cannot be combined with 'default'; give one of them");
  }
  const references = checkReference(at, o["references"], p("references"));
  const comment = checkString(at, o["comment"], p("comment"), true);
  return compact({
    name: checkedName,
    type: typeSpec.type,
    length: typeSpec.length,
    precision: typeSpec.precision,
    scale: typeSpec.scale,
    withTimezone: typeSpec.withTimezone,
    nullable: nullable ?? !primaryKey,
    primaryKey,
    autoincrement,
    unique,
    default: defaultValue,
    defaultSql,
    references,
    comment
  });
}
function checkType(subject2, type, path) {
  if (typeof type === "string") {
    if (COLUMN_TYPES.includes(type))
      return type;
    fail(subject2, path, `has unknown type '${type}'${didYouMean(type, COLUMN_TYPES)}; use one of ${COLUMN_TYPES.join(", ")}, or { raw: 'DIALECT TYPE' }`);
  }
  if (isPlainObject(type) && Object.keys(type).length === 1 && typeof type["raw"] === "string") {
    const raw = type["raw"].trim();
    if (raw.length === 0)
      fail(subject2, [...path, "raw"], "must be a non-empty type");
    return Object.freeze({ raw });
  }
  return fail(subject2, path, `must be a type name (${COLUMN_TYPES.join(", ")}) or { raw: 'DIALECT TYPE' } (got ${show(type)})`);
}
function checkDefault(subject2, value, path) {
  if (value === void 0 || value === null || typeof value === "string" || typeof value === "bigint" || typeof value === "boolean" || value instanceof Uint8Array) {
    return value;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      fail(subject2, path, `must be a finite number (got ${value})`);
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      fail(subject2, path, "is an invalid Date");
    return value;
  }
  return fail(subject2, path, `must be a string, number, bigint, boolean, null, Date or Buffer (got ${show(value)}); use defaultSql for an expression`);
}
function checkReferentialAction(subject2, value, path) {
  if (value === void 0)
    return void 0;
  const canonical = typeof value === "string" ? value.trim().replace(/\s+/g, " ").toUpperCase() : void 0;
  const action = REFERENTIAL_ACTIONS.find((a) => a === canonical);
  if (action === void 0) {
    fail(subject2, path, `must be one of ${REFERENTIAL_ACTIONS.join(", ")} (got ${show(value)})`);
  }
  return action;
}
function checkReference(subject2, value, path) {
  if (value === void 0)
    return void 0;
  const o = checkOptions(subject2, value, path, [
    "table",
    "column",
    "schema",
    "onDelete",
    "onUpdate"
  ]);
  return compact({
    table: checkName(subject2, o["table"], [...path, "table"]),
    column: checkName(subject2, o["column"], [...path, "column"]),
    schema: checkOptionalName(subject2, o["schema"], [...path, "schema"]),
    onDelete: checkReferentialAction(subject2, o["onDelete"], [...path, "onDelete"]),
    onUpdate: checkReferentialAction(subject2, o["onUpdate"], [...path, "onUpdate"])
  });
}

// ../core/dist/operations/table-constraint.js
var TABLE_CONSTRAINT_KEYS = Object.freeze([
  "primaryKey",
  "unique",
  "foreignKeys",
  "checks"
]);
function normalizeTableConstraints(at, options, columnNames) {
  const constraints = [];
  const known = (columns, path) => {
    columns.forEach((column, index) => {
      if (!columnNames.includes(column)) {
        fail(at, [...path, index], `names '${column}', which is not a column of this table`);
      }
    });
  };
  const columnsOption = (value, path) => {
    if (Array.isArray(value)) {
      const columns2 = checkNameList(at, value, path);
      known(columns2, path);
      return { columns: columns2, name: void 0 };
    }
    const o = checkOptions(at, value, path, ["name", "columns"]);
    const columns = checkNameList(at, o["columns"], [...path, "columns"]);
    known(columns, [...path, "columns"]);
    return { columns, name: checkOptionalName(at, o["name"], [...path, "name"]) };
  };
  if (options.primaryKey !== void 0) {
    const { columns, name } = columnsOption(options.primaryKey, ["primaryKey"]);
    constraints.push(compact({ kind: "primaryKey", name, columns }));
  }
  list(at, options.unique, "unique").forEach((value, index) => {
    const { columns, name } = columnsOption(value, ["unique", index]);
    constraints.push(compact({ kind: "unique", name, columns }));
  });
  list(at, options.foreignKeys, "foreignKeys").forEach((value, index) => {
    const path = ["foreignKeys", index];
    const o = checkOptions(at, value, path, FOREIGN_KEY_KEYS);
    const fk = checkForeignKey(at, o, path);
    known(fk.columns, [...path, "columns"]);
    constraints.push(fk);
  });
  list(at, options.checks, "checks").forEach((value, index) => {
    const path = ["checks", index];
    if (typeof value === "string") {
      const expression2 = checkString(at, value, path) ?? "";
      constraints.push(compact({ kind: "check", name: void 0, expression: expression2 }));
      return;
    }
    const o = checkOptions(at, value, path, ["name", "expression"]);
    const expression = checkString(at, o["expression"], [...path, "expression"]);
    if (expression === void 0)
      fail(at, [...path, "expression"], "is required");
    const name = checkOptionalName(at, o["name"], [...path, "name"]);
    constraints.push(compact({ kind: "check", name, expression }));
  });
  return Object.freeze(constraints);
}
var FOREIGN_KEY_KEYS = Object.freeze([
  "name",
  "columns",
  "references",
  "deferrable",
  "initially"
]);
var FOREIGN_KEY_REFERENCE_KEYS = Object.freeze([
  "table",
  "schema",
  "columns",
  "onDelete",
  "onUpdate"
]);
function checkForeignKey(at, o, path) {
  const columns = checkNameList(at, o["columns"], [...path, "columns"]);
  const refPath = [...path, "references"];
  if (o["references"] === void 0)
    fail(at, refPath, "is required: { table, columns }");
  const r = checkOptions(at, o["references"], refPath, FOREIGN_KEY_REFERENCE_KEYS);
  const references = checkForeignKeyReference(at, r, refPath, columns.length);
  const name = checkOptionalName(at, o["name"], [...path, "name"]);
  const { deferrable, initially } = checkDeferrable(at, o["deferrable"], o["initially"], path);
  return compact({ kind: "foreignKey", name, columns, references, deferrable, initially });
}
function checkForeignKeyReference(at, r, refPath, columnCount) {
  const refColumns = checkNameList(at, r["columns"], [...refPath, "columns"]);
  if (refColumns.length !== columnCount) {
    fail(at, [...refPath, "columns"], `has ${refColumns.length} columns but columns has ${columnCount}`);
  }
  return compact({
    table: checkName(at, r["table"], [...refPath, "table"]),
    schema: checkOptionalName(at, r["schema"], [...refPath, "schema"]),
    columns: refColumns,
    onDelete: checkReferentialAction(at, r["onDelete"], [...refPath, "onDelete"]),
    onUpdate: checkReferentialAction(at, r["onUpdate"], [...refPath, "onUpdate"])
  });
}
function checkDeferrable(at, deferrable, initially, path) {
  const checkedDeferrable = checkBoolean(at, deferrable, [...path, "deferrable"]);
  let checkedInitially;
  if (initially !== void 0) {
    const upper = typeof initially === "string" ? initially.trim().toUpperCase() : void 0;
    if (upper !== "DEFERRED" && upper !== "IMMEDIATE") {
      fail(at, [...path, "initially"], `must be DEFERRED or IMMEDIATE (got ${show(initially)})`);
    }
    checkedInitially = upper;
    if (upper === "DEFERRED" && checkedDeferrable !== true) {
      fail(at, [...path, "initially"], "DEFERRED needs deferrable: true as well");
    }
  }
  return { deferrable: checkedDeferrable, initially: checkedInitially };
}
function list(at, value, key) {
  if (value === void 0)
    return [];
  if (!Array.isArray(value))
    fail(at, [key], `must be a list (got ${show(value)})`);
  return value;
}

// ../core/dist/operations/table-definition-input.js
function checkTableDefinition(at, columnsPath, input) {
  const columns = input["columns"];
  if (!Array.isArray(columns) || columns.length === 0) {
    fail(at, columnsPath, `must be a non-empty list of columns (got ${show(columns)}); add op.column(name, type)`);
  }
  const definitions = columns.map((column, index) => normalizeColumn(column, at, [...columnsPath, index]));
  const names = definitions.map((column) => column.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== void 0)
    fail(at, columnsPath, `has column '${duplicate}' twice`);
  const base = columnsPath.slice(0, -1);
  const constraints = normalizeTableConstraints({ label: at.label, base: [...at.base, ...base] }, input, names);
  if (constraints.some((constraint) => constraint.kind === "primaryKey") && definitions.some((column) => column.primaryKey)) {
    fail(at, [...base, "primaryKey"], "cannot be combined with primaryKey on a column; use one of them");
  }
  return compact({
    columns: Object.freeze(definitions),
    constraints,
    comment: checkString(at, input["comment"], [...base, "comment"], true)
  });
}
function checkTableDefinitionInput(at, value, path) {
  if (Array.isArray(value))
    return checkTableDefinition(at, path, { columns: value });
  const o = checkOptions(at, value, path, ["columns", "comment", ...TABLE_CONSTRAINT_KEYS]);
  return checkTableDefinition(at, [...path, "columns"], o);
}
function checkExistingTableDefinition(at, value, path) {
  if (value === void 0)
    return void 0;
  if (Array.isArray(value)) {
    return compact({
      ...checkTableDefinition(at, path, { columns: value }),
      indexes: Object.freeze([])
    });
  }
  const o = checkOptions(at, value, path, [
    "columns",
    "comment",
    "indexes",
    ...TABLE_CONSTRAINT_KEYS
  ]);
  const table = checkTableDefinition(at, [...path, "columns"], o);
  const indexes = o["indexes"] ?? [];
  if (!Array.isArray(indexes)) {
    fail(at, [...path, "indexes"], `must be a list of { name, columns } (got ${show(indexes)})`);
  }
  const named = indexes.map((index, i) => {
    const p = [...path, "indexes", i];
    const d = checkOptions(at, index, p, ["name", "columns", "unique", "where"]);
    return compact({
      name: checkName(at, d["name"], [...p, "name"]),
      ...checkIndexDefinition(at, d, p)
    });
  });
  return compact({ ...table, indexes: Object.freeze(named) });
}
function checkIndexDefinition(at, d, path) {
  return compact({
    columns: checkIndexColumns(at, d["columns"], [...path, "columns"]),
    unique: checkBoolean(at, d["unique"], [...path, "unique"]) ?? false,
    where: checkString(at, d["where"], [...path, "where"])
  });
}
function checkIndexColumns(at, value, path) {
  if (!Array.isArray(value) || value.length === 0) {
    fail(at, path, `must be a non-empty list of names (got ${show(value)}); an entry may also be { expression: 'SQL' }`);
  }
  const entries = value.map((item, index) => {
    if (isPlainObject(item)) {
      const o = checkOptions(at, item, [...path, index], ["expression"]);
      const expression = checkString(at, o["expression"], [...path, index, "expression"]);
      if (expression === void 0)
        fail(at, [...path, index, "expression"], "is required");
      return Object.freeze({ expression });
    }
    return checkName(at, item, [...path, index]);
  });
  const names = entries.filter((entry) => typeof entry === "string");
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== void 0)
    fail(at, path, `names '${duplicate}' twice`);
  return Object.freeze(entries);
}

// ../core/dist/operations/operations.js
var OPTION_KEYS = {
  createTable: ["ifNotExists", "schema", "comment", ...TABLE_CONSTRAINT_KEYS],
  dropTable: ["ifExists", "schema", "definition"],
  renameTable: ["schema"],
  addColumn: ["schema", "tableDefinition"],
  dropColumn: ["schema", "definition", "tableDefinition"],
  alterColumn: [
    "type",
    ...COLUMN_TYPE_OPTION_KEYS,
    "nullable",
    "default",
    "defaultSql",
    "newName",
    "comment",
    "existingType",
    "existingNullable",
    "existingDefault",
    "existingDefaultSql",
    "existingComment",
    "schema",
    "tableDefinition"
  ],
  createIndex: ["unique", "where", "ifNotExists", "schema"],
  dropIndex: ["table", "schema", "ifExists", "definition"],
  createUniqueConstraint: ["schema", "tableDefinition"],
  createForeignKey: [
    "onDelete",
    "onUpdate",
    "deferrable",
    "initially",
    "schema",
    "referencedSchema",
    "tableDefinition"
  ],
  createCheckConstraint: ["schema", "tableDefinition"],
  createPrimaryKey: ["schema", "tableDefinition"],
  dropConstraint: ["type", "schema", "definition", "tableDefinition"],
  createTableComment: ["existingComment", "schema"],
  dropTableComment: ["existingComment", "schema"],
  execute: ["reverse"],
  bulkInsert: ["schema"]
};
var CONSTRAINT_TYPES = ["primaryKey", "unique", "foreignKey", "check"];
var Operations = class {
  #context;
  #pending = [];
  constructor(context) {
    this.#context = context;
  }
  /** The dialect name: `'sqlite'`, `'postgresql'`, `'mysql'` ... */
  get dialect() {
    return this.#context.dialect;
  }
  /** `true` when compiling an offline SQL script (`--sql`): `query()` is unavailable. */
  get offline() {
    return this.#context.offline;
  }
  /**
   * Builds a column definition (queues nothing).
   *
   * @example
   * ```ts
   * op.column('price', 'decimal', { precision: 10, scale: 2, default: 0 })
   * ```
   */
  column(name, type, options) {
    return createColumn(name, type, options);
  }
  /**
   * Queues `CREATE TABLE`.
   *
   * @example
   * ```ts
   * op.createTable('child', [
   *   op.column('id', 'integer', { primaryKey: true }),
   *   op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
   * ], { ifNotExists: true })
   * ```
   */
  createTable(name, columns, options) {
    const at = subject(`createTable(${show(name)})`);
    const checkedName = checkName(at, name, ["name"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.createTable);
    const definition = checkTableDefinition(at, ["columns"], { ...o, columns });
    return this.#queue({
      kind: "createTable",
      name: checkedName,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: definition.columns,
      constraints: definition.constraints,
      ifNotExists: checkBoolean(at, o["ifNotExists"], ["ifNotExists"]) ?? false,
      comment: definition.comment
    });
  }
  /**
   * Queues `DROP TABLE`. Pass `definition` (the columns) to make it reversible.
   *
   * @example
   * ```ts
   * op.dropTable('account', { definition: [op.column('id', 'integer', { primaryKey: true })] })
   * ```
   */
  dropTable(name, options) {
    const at = subject(`dropTable(${show(name)})`);
    const checkedName = checkName(at, name, ["name"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.dropTable);
    const definition = o["definition"];
    return this.#queue({
      kind: "dropTable",
      name: checkedName,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      ifExists: checkBoolean(at, o["ifExists"], ["ifExists"]) ?? false,
      definition: definition === void 0 ? void 0 : checkTableDefinitionInput(at, definition, ["definition"])
    });
  }
  /**
   * Queues `ALTER TABLE from RENAME TO to`.
   *
   * @example
   * ```ts
   * op.renameTable('account', 'user_account')
   * ```
   */
  renameTable(from, to, options) {
    const at = subject(`renameTable(${show(from)}, ${show(to)})`);
    const o = checkOptions(at, options, [], OPTION_KEYS.renameTable);
    const checkedFrom = checkName(at, from, ["from"]);
    const checkedTo = checkName(at, to, ["to"]);
    if (checkedFrom === checkedTo)
      fail(at, ["to"], `is the same as from`);
    return this.#queue({
      kind: "renameTable",
      from: checkedFrom,
      to: checkedTo,
      schema: checkOptionalName(at, o["schema"], ["schema"])
    });
  }
  /**
   * Queues `ALTER TABLE ... ADD COLUMN`. On SQLite, a column it cannot add natively (a
   * primary key, `unique`, NOT NULL without a default) is added by a table rebuild.
   *
   * @example
   * ```ts
   * op.addColumn('child', op.column('note', 'text'))
   * ```
   */
  addColumn(table, column, options) {
    const at = subject(`addColumn(${show(table)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.addColumn);
    if (column === void 0)
      fail(at, ["column"], "is required: op.column(name, type, options)");
    return this.#queue({
      kind: "addColumn",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      column: normalizeColumn(column, at, ["column"]),
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues `ALTER TABLE ... DROP COLUMN`. Pass `definition` to make it reversible. On
   * SQLite, a column its native DROP COLUMN refuses (a key, indexed, in a constraint) is
   * dropped by a table rebuild, with the indexes and table constraints that use it.
   *
   * @example
   * ```ts
   * op.dropColumn('child', 'note', { definition: { type: 'text' } })
   * ```
   */
  dropColumn(table, name, options) {
    const at = subject(`dropColumn(${show(table)}, ${show(name)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedName = checkName(at, name, ["name"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.dropColumn);
    let definition;
    if (o["definition"] !== void 0) {
      if (!isPlainObject(o["definition"])) {
        fail(at, ["definition"], `must be { type, ... } (got ${show(o["definition"])})`);
      }
      const spec = { name: checkedName, ...o["definition"] };
      if (spec.name !== checkedName) {
        fail(at, ["definition", "name"], `'${spec.name}' differs from the dropped column '${checkedName}'`);
      }
      definition = normalizeColumn(spec, at, ["definition"]);
    }
    return this.#queue({
      kind: "dropColumn",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      name: checkedName,
      definition,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues a change of a column: type, nullability, default, name, comment. Keys left out
   * are not changed; `default: null` removes the default. Give the `existing*` hints of
   * what changes to make it reversible (MySQL also needs `existingType`, `existingNullable`,
   * `existingDefault` and `existingComment` of what does not change). On SQLite a rename
   * alone is `RENAME COLUMN`, a comment is ignored, anything else is a table rebuild.
   *
   * @example
   * ```ts
   * op.alterColumn('parent', 'name', { nullable: false, existingNullable: true })
   * op.alterColumn('parent', 'name', { type: 'string', length: 80, newName: 'title' })
   * ```
   */
  alterColumn(table, name, options) {
    const at = subject(`alterColumn(${show(table)}, ${show(name)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedName = checkName(at, name, ["name"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.alterColumn);
    let type;
    if (o["type"] !== void 0) {
      type = checkColumnTypeSpec(at, o["type"], o);
    } else {
      const orphan = COLUMN_TYPE_OPTION_KEYS.find((key) => o[key] !== void 0);
      if (orphan !== void 0)
        fail(at, [orphan], "needs type as well (give the whole new type)");
    }
    const defaultValue = checkDefault(at, o["default"], ["default"]);
    const defaultSql = checkString(at, o["defaultSql"], ["defaultSql"]);
    if (defaultSql !== void 0 && defaultValue !== void 0) {
      fail(at, ["defaultSql"], "cannot be combined with 'default'; give one of them");
    }
    const existingDefault = checkDefault(at, o["existingDefault"], ["existingDefault"]);
    const existingDefaultSql = checkString(at, o["existingDefaultSql"], ["existingDefaultSql"]);
    if (existingDefaultSql !== void 0 && existingDefault !== void 0) {
      fail(at, ["existingDefaultSql"], "cannot be combined with 'existingDefault'; give one of them");
    }
    const newName = checkOptionalName(at, o["newName"], ["newName"]);
    if (newName === checkedName)
      fail(at, ["newName"], "is the same as the current name");
    const nullable = checkBoolean(at, o["nullable"], ["nullable"]);
    const comment = checkComment(at, o["comment"], ["comment"]);
    if (type === void 0 && nullable === void 0 && defaultValue === void 0 && defaultSql === void 0 && newName === void 0 && comment === void 0) {
      fail(at, [], "changes nothing; give type, nullable, default, defaultSql, newName or comment");
    }
    return this.#queue({
      kind: "alterColumn",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      name: checkedName,
      type,
      nullable,
      default: defaultValue,
      defaultSql,
      newName,
      comment,
      existingType: existingType(at, o["existingType"]),
      existingNullable: checkBoolean(at, o["existingNullable"], ["existingNullable"]),
      existingDefault,
      existingDefaultSql,
      existingComment: checkComment(at, o["existingComment"], ["existingComment"]),
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues `CREATE [UNIQUE] INDEX`. An entry of `columns` is a column name or
   * `{ expression: 'lower(email)' }`; expressions and `where` (a partial index) are raw SQL
   * written by the migration author, spliced as is.
   *
   * @example
   * ```ts
   * op.createIndex('ix_child_parent', 'child', ['parent_id'], { where: 'parent_id > 0' })
   * op.createIndex('ux_email', 'account', [{ expression: 'lower(email)' }], { unique: true })
   * ```
   */
  createIndex(name, table, columns, options) {
    const at = subject(`createIndex(${show(name)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedColumns = checkIndexColumns(at, columns, ["columns"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.createIndex);
    return this.#queue({
      kind: "createIndex",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: checkedColumns,
      unique: checkBoolean(at, o["unique"], ["unique"]) ?? false,
      where: checkString(at, o["where"], ["where"]),
      ifNotExists: checkBoolean(at, o["ifNotExists"], ["ifNotExists"]) ?? false
    });
  }
  /**
   * Queues `DROP INDEX`. Pass `table` and `definition` to make it reversible.
   *
   * @example
   * ```ts
   * op.dropIndex('ix_child_parent', { table: 'child', definition: { columns: ['parent_id'] } })
   * ```
   */
  dropIndex(name, options) {
    const at = subject(`dropIndex(${show(name)})`);
    const checkedName = checkName(at, name, ["name"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.dropIndex);
    const table = checkOptionalName(at, o["table"], ["table"]);
    let definition;
    if (o["definition"] !== void 0) {
      const d = checkOptions(at, o["definition"], ["definition"], ["columns", "unique", "where"]);
      if (table === void 0)
        fail(at, ["table"], "is required with a definition");
      definition = checkIndexDefinition(at, d, ["definition"]);
    }
    return this.#queue({
      kind: "dropIndex",
      name: checkedName,
      table,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      ifExists: checkBoolean(at, o["ifExists"], ["ifExists"]) ?? false,
      definition
    });
  }
  /**
   * Queues a named UNIQUE constraint on `columns` (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createUniqueConstraint('uq_article_slug', 'article', ['tenant', 'slug'])
   * ```
   */
  createUniqueConstraint(name, table, columns, options) {
    const at = subject(`createUniqueConstraint(${show(name)}, ${show(table)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedColumns = checkNameList(at, columns, ["columns"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.createUniqueConstraint);
    return this.#queue({
      kind: "createUniqueConstraint",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: checkedColumns,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues a named FOREIGN KEY from `columns` of `table` to `referencedColumns` of
   * `referencedTable` (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
   *   onDelete: 'CASCADE',
   *   deferrable: true,
   *   initially: 'DEFERRED',
   * })
   * ```
   */
  createForeignKey(name, table, referencedTable, columns, referencedColumns, options) {
    const at = subject(`createForeignKey(${show(name)}, ${show(table)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedColumns = checkNameList(at, columns, ["columns"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.createForeignKey);
    const checkedReferencedColumns = checkNameList(at, referencedColumns, ["referencedColumns"]);
    if (checkedReferencedColumns.length !== checkedColumns.length) {
      fail(at, ["referencedColumns"], `has ${checkedReferencedColumns.length} columns but columns has ${checkedColumns.length}`);
    }
    const references = compact({
      table: checkName(at, referencedTable, ["referencedTable"]),
      schema: checkOptionalName(at, o["referencedSchema"], ["referencedSchema"]),
      columns: checkedReferencedColumns,
      onDelete: checkReferentialAction(at, o["onDelete"], ["onDelete"]),
      onUpdate: checkReferentialAction(at, o["onUpdate"], ["onUpdate"])
    });
    const { deferrable, initially } = checkDeferrable(at, o["deferrable"], o["initially"], []);
    return this.#queue({
      kind: "createForeignKey",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: checkedColumns,
      references,
      deferrable,
      initially,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues a named CHECK constraint; `expression` is raw SQL written by the migration
   * author (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createCheckConstraint('ck_item_price', 'item', 'price >= 0')
   * ```
   */
  createCheckConstraint(name, table, expression, options) {
    const at = subject(`createCheckConstraint(${show(name)}, ${show(table)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedExpression = checkString(at, expression, ["expression"]);
    if (checkedExpression === void 0)
      fail(at, ["expression"], "is required");
    const o = checkOptions(at, options, [], OPTION_KEYS.createCheckConstraint);
    return this.#queue({
      kind: "createCheckConstraint",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      expression: checkedExpression,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues a PRIMARY KEY on `columns` of a table that has none (SQLite: a table rebuild,
   * which also makes the key columns NOT NULL).
   *
   * @example
   * ```ts
   * op.createPrimaryKey('pk_line', 'line', ['order_id', 'n'])
   * ```
   */
  createPrimaryKey(name, table, columns, options) {
    const at = subject(`createPrimaryKey(${show(name)}, ${show(table)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedColumns = checkNameList(at, columns, ["columns"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.createPrimaryKey);
    return this.#queue({
      kind: "createPrimaryKey",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: checkedColumns,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues dropping a named constraint. Pass `type` (MySQL needs it) and `definition` to
   * make it reversible (SQLite: a table rebuild; with `type: 'primaryKey'` it drops the
   * table's primary key whatever its name).
   *
   * @example
   * ```ts
   * op.dropConstraint('ck_item_price', 'item', { type: 'check', definition: { expression: 'price >= 0' } })
   * ```
   */
  dropConstraint(name, table, options) {
    const at = subject(`dropConstraint(${show(name)}, ${show(table)})`);
    const checkedName = checkName(at, name, ["name"]);
    const checkedTable = checkName(at, table, ["table"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.dropConstraint);
    const type = o["type"];
    if (type !== void 0 && !CONSTRAINT_TYPES.includes(type)) {
      fail(at, ["type"], `must be one of ${CONSTRAINT_TYPES.join(", ")} (got ${show(type)})`);
    }
    let definition;
    if (o["definition"] !== void 0) {
      if (type === void 0)
        fail(at, ["type"], "is required with a definition");
      definition = constraintDefinition(at, type, checkedName, o["definition"], [
        "definition"
      ]);
    }
    return this.#queue({
      kind: "dropConstraint",
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      type,
      definition,
      tableDefinition: checkExistingTableDefinition(at, o["tableDefinition"], ["tableDefinition"])
    });
  }
  /**
   * Queues setting a table's comment (SQLite has no comments: compiles to nothing). Pass
   * `existingComment` (`null` when there was none) to make it reversible.
   *
   * @example
   * ```ts
   * op.createTableComment('account', 'people who log in', { existingComment: null })
   * ```
   */
  createTableComment(table, comment, options) {
    const at = subject(`createTableComment(${show(table)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const checkedComment = checkString(at, comment, ["comment"], true);
    if (checkedComment === void 0) {
      fail(at, ["comment"], "is required; use dropTableComment to remove a comment");
    }
    const o = checkOptions(at, options, [], OPTION_KEYS.createTableComment);
    return this.#queue({
      kind: "createTableComment",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      comment: checkedComment,
      existingComment: checkComment(at, o["existingComment"], ["existingComment"])
    });
  }
  /**
   * Queues removing a table's comment (SQLite: nothing). Pass `existingComment` to make it
   * reversible.
   *
   * @example
   * ```ts
   * op.dropTableComment('account', { existingComment: 'people who log in' })
   * ```
   */
  dropTableComment(table, options) {
    const at = subject(`dropTableComment(${show(table)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.dropTableComment);
    return this.#queue({
      kind: "dropTableComment",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      existingComment: checkString(at, o["existingComment"], ["existingComment"], true)
    });
  }
  /**
   * Queues raw SQL with bound `?` parameters. Irreversible unless `reverse` SQL is given.
   * The second argument may be the options when there are no parameters.
   *
   * @example
   * ```ts
   * op.execute('UPDATE parent SET name = ? WHERE id = ?', ['b', 1], {
   *   reverse: { sql: 'UPDATE parent SET name = ? WHERE id = ?', parameters: ['a', 1] },
   * })
   * ```
   */
  execute(sql, parameters, options) {
    const at = subject(`execute(${show(sql)})`);
    if (isPlainObject(parameters) && options === void 0) {
      return this.execute(sql, [], parameters);
    }
    const statement = sqlStatement(at, [], sql, parameters, "sql", "parameters");
    const o = checkOptions(at, options, [], OPTION_KEYS.execute);
    const reverse = o["reverse"];
    let reverseStatement;
    if (typeof reverse === "string") {
      reverseStatement = sqlStatement(at, ["reverse"], reverse, void 0, "", "parameters");
    } else if (reverse !== void 0) {
      const r = checkOptions(at, reverse, ["reverse"], ["sql", "parameters"]);
      reverseStatement = sqlStatement(at, ["reverse"], r["sql"], r["parameters"], "sql", "parameters");
    }
    return this.#queue({
      kind: "execute",
      sql: statement.sql,
      parameters: statement.parameters,
      reverseStatement
    });
  }
  /**
   * Queues an `INSERT` of literal rows (values bound, never spliced). Rows may have
   * different keys: the columns are the union in first-seen order, a missing value is `null`.
   *
   * @example
   * ```ts
   * op.bulkInsert('parent', [{ id: 1, name: 'a' }, { id: 2 }])
   * ```
   */
  bulkInsert(table, rows, options) {
    const at = subject(`bulkInsert(${show(table)})`);
    const checkedTable = checkName(at, table, ["table"]);
    const o = checkOptions(at, options, [], OPTION_KEYS.bulkInsert);
    if (!Array.isArray(rows))
      fail(at, ["rows"], `must be a list of objects (got ${show(rows)})`);
    const columns = [];
    rows.forEach((row, index) => {
      if (!isPlainObject(row))
        fail(at, ["rows", index], `must be an object (got ${show(row)})`);
      for (const key of Object.keys(row)) {
        if (!columns.includes(key))
          columns.push(checkName(at, key, ["rows", index, key]));
      }
    });
    if (rows.length > 0 && columns.length === 0)
      fail(at, ["rows"], "has rows without any column");
    return this.#queue({
      kind: "bulkInsert",
      table: checkedTable,
      schema: checkOptionalName(at, o["schema"], ["schema"]),
      columns: Object.freeze(columns),
      rows: Object.freeze(rows.map((row) => Object.freeze(columns.map((column) => row[column] ?? null))))
    });
  }
  /**
   * Queues an operation built elsewhere (a reversed operation, a YAML revision's list).
   *
   * @example
   * ```ts
   * op.enqueue(op.renameTable('a', 'b').reverse())
   * ```
   */
  enqueue(operation) {
    if (!isPlainObject(operation) || typeof operation.kind !== "string") {
      throw new OperationError(`enqueue: expects an operation (got ${show(operation)})`);
    }
    this.#pending.push(operation);
    return operation;
  }
  /**
   * Runs the queued operations, then `sql` with bound `parameters`, and returns its rows.
   * Online only: in offline `--sql` mode there is no database to read.
   *
   * @example
   * ```ts
   * const rows = await op.query('SELECT id FROM parent WHERE name = ?', ['a'])
   * ```
   */
  async query(sql, parameters = []) {
    const at = subject(`query(${show(sql)})`);
    const statement = sqlStatement(at, [], sql, parameters, "sql", "parameters");
    const run = this.#context.query;
    if (this.#context.offline || run === void 0) {
      throw new OperationError(this.#context.offline ? "op.query() needs a database connection; it cannot run in offline --sql mode" : "op.query() needs a database connection; this Operations object was created without one", { code: "query-unavailable" });
    }
    return run(this.takePending(), statement.sql, statement.parameters);
  }
  /**
   * Returns the queued operations and empties the queue (the runtime calls it after
   * `upgrade(op)` resolves).
   *
   * @example
   * ```ts
   * const operations = op.takePending()
   * ```
   */
  takePending() {
    const pending = this.#pending;
    this.#pending = [];
    return pending;
  }
  #queue(data) {
    const operation = makeOperation(data);
    this.#pending.push(operation);
    return operation;
  }
};
function subject(label) {
  return { label, base: [] };
}
function sqlStatement(at, path, sql, parameters, sqlKey, parametersKey) {
  const checked = checkString(at, sql, sqlKey === "" ? path : [...path, sqlKey]);
  if (checked === void 0)
    fail(at, sqlKey === "" ? path : [...path, sqlKey], "is required");
  if (parameters !== void 0 && !Array.isArray(parameters)) {
    fail(at, [...path, parametersKey], `must be a list of values (got ${show(parameters)})`);
  }
  return Object.freeze({ sql: checked, parameters: Object.freeze([...parameters ?? []]) });
}
function checkComment(at, value, path) {
  if (value === null)
    return null;
  return checkString(at, value, path, true);
}
function existingType(at, value) {
  if (value === void 0)
    return void 0;
  if (isPlainObject(value) && "type" in value) {
    const o = checkOptions(at, value, ["existingType"], ["type", ...COLUMN_TYPE_OPTION_KEYS]);
    return checkColumnTypeSpec(at, o["type"], o, (key) => key === "type" ? ["existingType", "type"] : ["existingType", key]);
  }
  return checkColumnTypeSpec(at, value, {}, () => ["existingType"]);
}
function constraintDefinition(at, type, name, value, path) {
  switch (type) {
    case "primaryKey":
    case "unique": {
      const d = checkOptions(at, value, path, ["columns"]);
      const columns = checkNameList(at, d["columns"], [...path, "columns"]);
      return Object.freeze({ kind: type, name, columns });
    }
    case "check": {
      const d = checkOptions(at, value, path, ["expression"]);
      const expression = checkString(at, d["expression"], [...path, "expression"]);
      if (expression === void 0)
        fail(at, [...path, "expression"], "is required");
      return Object.freeze({ kind: "check", name, expression });
    }
    case "foreignKey": {
      const d = checkOptions(at, value, path, FOREIGN_KEY_KEYS.filter((key) => key !== "name"));
      return checkForeignKey(at, { ...d, name }, path);
    }
  }
}

export {
  OperationError,
  checkName,
  checkOptions,
  isPlainObject,
  fail,
  describePath,
  show,
  compact,
  createColumn,
  TABLE_CONSTRAINT_KEYS,
  checkTableDefinition,
  checkIndexDefinition,
  Operations
};
