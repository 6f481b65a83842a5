import {
  dialectForUrl,
  ledgerTableFor,
  planUpgrade,
  progressTableFor,
  runOnline,
  runSettings,
  visitDatabases
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  RevisionMap,
  createRevision,
  revisionFileChecksum
} from "./chunk-MILIBH32.js";
import {
  OperationError,
  Operations,
  TABLE_CONSTRAINT_KEYS,
  checkIndexDefinition,
  checkName,
  checkOptions,
  checkTableDefinition,
  compact,
  createColumn,
  describePath,
  fail,
  isPlainObject,
  show
} from "./chunk-HZY5M4HB.js";
import {
  makeOperation
} from "./chunk-RMQOVVDU.js";
import {
  describeOperation
} from "./chunk-2VBFUHI2.js";
import {
  silentLogger
} from "./chunk-JK4IOFY3.js";
import {
  withoutIgnored
} from "./chunk-EPNWZYBP.js";
import {
  DEFAULT_LOCK_TIMEOUT,
  DEFAULT_TRANSACTION_MODE,
  DEFAULT_VERSION_TABLE
} from "./chunk-PKVIK35M.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  ConfigError,
  RetortError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/commands/diff-schemas.js
function diffSchemas(source, target) {
  const op = new Operations({ dialect: "autogenerate", offline: true });
  const notes = [];
  const before = new Map(source.tables.map((table) => [table.name, table]));
  const after = new Map(target.tables.map((table) => [table.name, table]));
  const created = orderByReferences(target.tables.filter((table) => !before.has(table.name)));
  for (const table of created) {
    op.createTable(table.name, columnsOf(table, notes), {
      ...constraintsOf(table),
      ...typeof table.comment === "string" ? { comment: table.comment } : {}
    });
    for (const index of plainIndexes(table, notes))
      createIndex(op, table.name, index);
  }
  for (const table of target.tables) {
    const old = before.get(table.name);
    if (old !== void 0)
      diffTable(op, old, table, notes);
  }
  const dropped = orderByReferences(source.tables.filter((table) => !after.has(table.name))).reverse();
  for (const table of dropped) {
    op.dropTable(table.name, {
      definition: {
        columns: columnsOf(table, []),
        ...constraintsOf(table),
        ...typeof table.comment === "string" ? { comment: table.comment } : {}
      }
    });
  }
  return Object.freeze({ operations: Object.freeze(op.takePending()), notes: Object.freeze(notes) });
}
function diffTable(op, old, table, notes) {
  const name = table.name;
  const oldColumns = new Map(old.columns.map((c) => [c.name, c]));
  const newColumns = new Map(table.columns.map((c) => [c.name, c]));
  const droppedColumns = old.columns.filter((c) => !newColumns.has(c.name));
  const addedColumns = table.columns.filter((c) => !oldColumns.has(c.name));
  const droppedNames = new Set(droppedColumns.map((c) => c.name));
  const addedNames = new Set(addedColumns.map((c) => c.name));
  const ownedBy = (columns, names) => columns.length === 1 && names.has(columns[0]);
  const primaryKey = (t) => t.columns.filter((c) => c.primaryKey).map((c) => c.name).join(",");
  if (primaryKey(old) !== primaryKey(table)) {
    notes.push(`the primary key of '${name}' changed from (${primaryKey(old)}) to (${primaryKey(table)}); not written, change it by hand`);
  }
  const oldIndexes = new Map(plainIndexes(old, []).map((i) => [i.name, i]));
  const newIndexes = new Map(plainIndexes(table, []).map((i) => [i.name, i]));
  const oldExpressions = expressionIndexes(old);
  const newExpressions = expressionIndexes(table);
  for (const index of newExpressions) {
    if (!oldExpressions.some((o) => sameIndex(o, index) && o.name === index.name)) {
      notes.push(`index '${index.name}' of '${name}' has expressions; not written, create it by hand`);
    }
  }
  for (const index of oldExpressions) {
    if (!newExpressions.some((n) => n.name === index.name)) {
      notes.push(`index '${index.name}' of '${name}' (with expressions) was dropped; not written, drop it by hand`);
    }
  }
  const droppedIndexes = [...oldIndexes.values()].filter((i) => !sameIndex(i, newIndexes.get(i.name)));
  const createdIndexes = [...newIndexes.values()].filter((i) => !sameIndex(i, oldIndexes.get(i.name)));
  const uniqueKey = (i) => i.columns.join(",");
  const oldUniques = uniqueConstraints(old);
  const newUniques = uniqueConstraints(table);
  const droppedUniques = oldUniques.filter((u) => !newUniques.some((n) => uniqueKey(n) === uniqueKey(u)) && !ownedBy(u.columns, droppedNames));
  const addedUniques = newUniques.filter((u) => !oldUniques.some((o) => uniqueKey(o) === uniqueKey(u)) && !ownedBy(u.columns, addedNames));
  const oldKeys = old.foreignKeys ?? [];
  const newKeys = table.foreignKeys ?? [];
  const droppedKeys = oldKeys.filter((k) => !newKeys.some((n) => sameForeignKey(n, k)) && !ownedBy(k.columns, droppedNames));
  const addedKeys = newKeys.filter((k) => !oldKeys.some((o) => sameForeignKey(o, k)) && !ownedBy(k.columns, addedNames));
  const oldChecks = old.checks;
  const newChecks = table.checks;
  const droppedChecks = oldChecks === void 0 || newChecks === void 0 ? [] : oldChecks.filter((c) => !newChecks.some((n) => sameCheck(n, c)));
  const addedChecks = oldChecks === void 0 || newChecks === void 0 ? [] : newChecks.filter((c) => !oldChecks.some((o) => sameCheck(o, c)));
  for (const key of droppedKeys) {
    if (key.name === void 0) {
      notes.push(`the foreign key of '${name}' (${key.columns.join(", ")}) -> '${key.references.table}' was dropped; not written, as the database keeps no name for it: rebuild the table by hand`);
      continue;
    }
    const { name: _name, ...definition } = foreignKeyDefinition(key);
    op.dropConstraint(key.name, name, { type: "foreignKey", definition });
  }
  for (const check of droppedChecks) {
    if (check.name === void 0) {
      notes.push(`the check constraint of '${name}' (${check.expression}) was dropped; not written, as the database keeps no name for it: rebuild the table by hand`);
      continue;
    }
    op.dropConstraint(check.name, name, {
      type: "check",
      definition: { expression: check.expression }
    });
  }
  for (const unique of droppedUniques) {
    if (generatedName(unique.name)) {
      notes.push(`the unique constraint on '${name}' (${unique.columns.join(", ")}) was dropped; not written, as the database keeps no name for it: rebuild the table by hand`);
      continue;
    }
    op.dropConstraint(unique.name, name, {
      type: "unique",
      definition: { columns: unique.columns }
    });
  }
  for (const index of droppedIndexes) {
    op.dropIndex(index.name, {
      table: name,
      definition: {
        columns: index.columns,
        unique: index.unique,
        ...index.where ? { where: index.where } : {}
      }
    });
  }
  for (const column of droppedColumns) {
    const { name: _name, ...definition } = columnDefinition(old, column);
    op.dropColumn(name, column.name, { definition });
  }
  for (const column of addedColumns) {
    op.addColumn(name, columnDefinition(table, column));
  }
  for (const column of table.columns) {
    const was = oldColumns.get(column.name);
    if (was !== void 0)
      alterColumn(op, name, was, column, notes);
  }
  for (const index of createdIndexes)
    createIndex(op, name, index);
  for (const unique of addedUniques) {
    const constraintName = generatedName(unique.name) ? `uq_${name}_${unique.columns.join("_")}` : unique.name;
    op.createUniqueConstraint(constraintName, name, unique.columns);
  }
  addedChecks.forEach((check, i) => {
    op.createCheckConstraint(check.name ?? `ck_${name}_${(old.checks?.length ?? 0) + i + 1}`, name, check.expression);
  });
  for (const key of addedKeys) {
    op.createForeignKey(key.name ?? `fk_${name}_${key.columns.join("_")}`, name, key.references.table, key.columns, key.references.columns, { onDelete: key.onDelete, onUpdate: key.onUpdate });
  }
  if (old.comment !== void 0 && table.comment !== void 0 && old.comment !== table.comment) {
    if (table.comment === null) {
      op.dropTableComment(name, old.comment === null ? {} : { existingComment: old.comment });
    } else {
      op.createTableComment(name, table.comment, { existingComment: old.comment });
    }
  }
}
function alterColumn(op, table, was, column, notes) {
  if ((was.autoincrement ?? false) !== (column.autoincrement ?? false)) {
    notes.push(`column '${table}.${column.name}' ${column.autoincrement === true ? "became" : "is no longer"} an autoincrement (serial or identity) column; not written, change it by hand`);
  }
  const typeChanged = normalType(was.type) !== normalType(column.type);
  const nullableChanged = was.nullable !== column.nullable;
  const defaultChanged = (was.defaultSql ?? "").trim() !== (column.defaultSql ?? "").trim();
  const commentChanged = was.comment !== void 0 && column.comment !== void 0 && was.comment !== column.comment;
  if (!typeChanged && !nullableChanged && !defaultChanged && !commentChanged)
    return;
  op.alterColumn(table, column.name, {
    ...typeChanged ? rawType(column) : {},
    ...nullableChanged ? { nullable: column.nullable } : {},
    ...defaultChanged ? column.defaultSql === null ? { default: null } : { defaultSql: column.defaultSql } : {},
    ...commentChanged ? { comment: column.comment ?? null } : {},
    existingType: rawType(was),
    existingNullable: was.nullable,
    ...was.defaultSql === null ? { existingDefault: null } : { existingDefaultSql: was.defaultSql },
    ...was.comment === void 0 ? {} : { existingComment: was.comment }
  });
}
function createIndex(op, table, index) {
  op.createIndex(index.name, table, index.columns, {
    unique: index.unique,
    ...index.where ? { where: index.where } : {}
  });
}
function columnsOf(table, notes) {
  const op = new Operations({ dialect: "autogenerate", offline: true });
  const keyColumns = table.columns.filter((c) => c.primaryKey);
  return table.columns.map((column) => {
    if (column.type.trim() === "") {
      notes.push(`column '${table.name}.${column.name}' has no declared type; written as BLOB`);
    }
    return op.column(column.name, rawType(column).type, {
      ...columnOptions(column, keyColumns.length === 1 && column.primaryKey)
    });
  });
}
function columnDefinition(table, column) {
  const op = new Operations({ dialect: "autogenerate", offline: true });
  const key = (table.foreignKeys ?? []).find((k) => k.columns.length === 1 && k.columns[0] === column.name);
  const unique = uniqueConstraints(table).some((u) => u.columns.length === 1 && u.columns[0] === column.name);
  return op.column(column.name, rawType(column).type, {
    ...columnOptions(column, false),
    ...unique ? { unique: true } : {},
    ...key === void 0 ? {} : {
      references: {
        table: key.references.table,
        column: key.references.columns[0],
        ...key.onDelete ? { onDelete: key.onDelete } : {},
        ...key.onUpdate ? { onUpdate: key.onUpdate } : {}
      }
    }
  });
}
function columnOptions(column, primaryKey) {
  return {
    ...primaryKey ? { primaryKey: true } : { nullable: column.nullable },
    ...column.autoincrement === true ? { autoincrement: true } : {},
    ...column.defaultSql === null ? {} : { defaultSql: column.defaultSql },
    ...typeof column.comment === "string" ? { comment: column.comment } : {}
  };
}
function constraintsOf(table) {
  const keyColumns = table.columns.filter((c) => c.primaryKey).map((c) => c.name);
  const uniques = uniqueConstraints(table);
  const keys = table.foreignKeys ?? [];
  return {
    ...keyColumns.length > 1 ? { primaryKey: keyColumns } : {},
    ...uniques.length > 0 ? {
      unique: uniques.map((u) => generatedName(u.name) ? u.columns : { name: u.name, columns: u.columns })
    } : {},
    ...keys.length > 0 ? { foreignKeys: keys.map(foreignKeyDefinition) } : {},
    ...(table.checks ?? []).length > 0 ? {
      checks: table.checks.map((c) => c.name === void 0 ? c.expression : { name: c.name, expression: c.expression })
    } : {}
  };
}
function foreignKeyDefinition(key) {
  return {
    ...key.name === void 0 || generatedName(key.name) ? {} : { name: key.name },
    columns: key.columns,
    references: {
      table: key.references.table,
      columns: key.references.columns,
      ...key.onDelete ? { onDelete: key.onDelete } : {},
      ...key.onUpdate ? { onUpdate: key.onUpdate } : {}
    }
  };
}
function plainIndexes(table, notes) {
  for (const index of expressionIndexes(table)) {
    notes.push(`index '${index.name}' of '${table.name}' has expressions; not written, create it by hand`);
  }
  return table.indexes.filter((index) => index.constraint !== true && !hasExpression(index));
}
function expressionIndexes(table) {
  return table.indexes.filter((index) => index.constraint !== true && hasExpression(index));
}
function hasExpression(index) {
  return index.columns.some((column) => column.startsWith("("));
}
function uniqueConstraints(table) {
  return table.indexes.filter((index) => index.constraint === true && index.unique);
}
function sameIndex(a, b) {
  return b !== void 0 && a.unique === b.unique && a.columns.join(",") === b.columns.join(",") && (a.where ?? "") === (b.where ?? "");
}
function sameCheck(a, b) {
  return checkText(a.expression) === checkText(b.expression);
}
function checkText(expression) {
  let text = expression.replace(/\s+/g, " ").trim();
  while (text.startsWith("(") && text.endsWith(")") && balanced(text.slice(1, -1))) {
    text = text.slice(1, -1).trim();
  }
  return text;
}
function balanced(text) {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(")
      depth += 1;
    else if (ch === ")" && --depth < 0)
      return false;
  }
  return depth === 0;
}
function sameForeignKey(a, b) {
  return a.columns.join(",") === b.columns.join(",") && a.references.table === b.references.table && a.references.columns.join(",") === b.references.columns.join(",") && (a.onDelete ?? "") === (b.onDelete ?? "") && (a.onUpdate ?? "") === (b.onUpdate ?? "");
}
function generatedName(name) {
  return name.startsWith("sqlite_autoindex_") || /_ibfk_\d+$/.test(name);
}
function normalType(type) {
  return type.replace(/\s+/g, " ").trim().toUpperCase();
}
function rawType(column) {
  return { type: { raw: column.type.trim() === "" ? "BLOB" : column.type.trim() } };
}
function orderByReferences(tables) {
  const names = new Set(tables.map((t) => t.name));
  const done = /* @__PURE__ */ new Set();
  const ordered = [];
  const visiting = /* @__PURE__ */ new Set();
  const visit = (table) => {
    if (done.has(table.name) || visiting.has(table.name))
      return;
    visiting.add(table.name);
    for (const key of table.foreignKeys ?? []) {
      const parent = tables.find((t) => t.name === key.references.table);
      if (parent !== void 0 && names.has(parent.name) && parent.name !== table.name)
        visit(parent);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

// ../core/dist/commands/schema-snapshot.js
async function readSchemaSnapshot(dialect, options = {}) {
  const driver = dialect.createDriver();
  try {
    const connection = await driver.connect();
    try {
      return await readTables(dialect, connection, options);
    } finally {
      await connection.close();
    }
  } finally {
    await driver.destroy();
  }
}
async function readTables(dialect, connection, options) {
  const introspector = dialect.createIntrospector();
  const excluded = new Set((options.exclude ?? []).map((name) => name.toLowerCase()));
  const names = (await introspector.listTables(connection, options.schema)).filter((name) => !excluded.has(name.toLowerCase()));
  const tables = [];
  for (const name of [...names].sort()) {
    const table = await introspector.getTable(connection, { name, schema: options.schema });
    if (table !== void 0)
      tables.push(table);
  }
  const primaryKeys = new Map(tables.map((t) => [t.name, t.columns.filter((c) => c.primaryKey).map((c) => c.name)]));
  return Object.freeze({
    tables: Object.freeze(tables.map((table) => {
      if (!(table.foreignKeys ?? []).some((fk) => fk.references.columns.includes("")))
        return table;
      return Object.freeze({
        ...table,
        foreignKeys: Object.freeze((table.foreignKeys ?? []).map((fk) => fk.references.columns.includes("") ? {
          ...fk,
          references: {
            ...fk.references,
            columns: primaryKeys.get(fk.references.table) ?? []
          }
        } : fk))
      });
    }))
  });
}

// ../core/dist/schema/declared-schema-config.js
import { isAbsolute, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function declaredSchemaPath(config) {
  const value = config.get("schema");
  if (value === void 0)
    return void 0;
  if (value instanceof URL)
    return fileURLToPath(value);
  if (isAbsolute(value))
    return normalize(value);
  const directory = config.directory;
  if (directory === void 0) {
    throw new ConfigError(`config key 'schema' is the relative path '${value}' and there is no config file to resolve it against; pass an absolute path or a file URL`);
  }
  return resolve(directory, value);
}
function ignorePatterns(config) {
  return config.get("ignore") ?? [];
}

// ../core/dist/schema/describe-schema-difference.js
function describeSchemaDifference(operation) {
  return Object.freeze({ message: sentence(operation), operation: describeOperation(operation) });
}
function sentence(operation) {
  switch (operation.kind) {
    case "createTable":
      return `table '${operation.name}' is declared but no revision creates it`;
    case "dropTable":
      return `table '${operation.name}' is made by the revisions but not declared`;
    case "renameTable":
      return `table '${operation.from}' is renamed to '${operation.to}'`;
    case "addColumn":
      return `column '${operation.table}.${operation.column.name}' is declared but no revision adds it`;
    case "dropColumn":
      return `column '${operation.table}.${operation.name}' is made by the revisions but not declared`;
    case "alterColumn": {
      const changes = [];
      if (operation.newName !== void 0)
        changes.push(`renamed to '${operation.newName}'`);
      if (operation.type !== void 0) {
        changes.push(`type ${typeText(operation.existingType)} in the revisions, ${typeText(operation.type)} declared`);
      }
      if (operation.nullable !== void 0) {
        changes.push(operation.nullable ? "declared nullable" : "declared NOT NULL");
      }
      if ("default" in operation || "defaultSql" in operation) {
        const before = operation.existingDefaultSql ?? literal(operation.existingDefault) ?? "no default";
        const after = operation.defaultSql ?? literal(operation.default) ?? "no default";
        changes.push(`default ${before} in the revisions, ${after} declared`);
      }
      if ("comment" in operation)
        changes.push("its comment differs");
      return `column '${operation.table}.${operation.name}' differs: ${changes.join("; ")}`;
    }
    case "createIndex":
      return `index '${operation.name}' on '${operation.table}' is declared but no revision creates it`;
    case "dropIndex":
      return `index '${operation.name}'${operation.table === void 0 ? "" : ` on '${operation.table}'`} is made by the revisions but not declared`;
    case "createUniqueConstraint":
      return `unique constraint on '${operation.table}' (${operation.columns.join(", ")}) is declared but no revision creates it`;
    case "createForeignKey":
      return `foreign key '${operation.table}' (${operation.columns.join(", ")}) -> '${operation.references.table}' (${operation.references.columns.join(", ")}) is declared but no revision creates it`;
    case "createCheckConstraint":
      return `check constraint on '${operation.table}' (${operation.expression}) is declared but no revision creates it`;
    case "createPrimaryKey":
      return `primary key of '${operation.table}' (${operation.columns.join(", ")}) is declared but no revision creates it`;
    case "dropConstraint": {
      const what = operation.type === "foreignKey" ? "foreign key" : operation.type === "unique" ? "unique constraint" : operation.type === "check" ? "check constraint" : operation.type === "primaryKey" ? "primary key" : "constraint";
      return `${what} '${operation.name}' on '${operation.table}' is made by the revisions but not declared`;
    }
    case "createTableComment":
    case "dropTableComment":
      return `the comment of table '${operation.table}' differs`;
    case "execute":
    case "bulkInsert":
      return describeOperation(operation);
    default: {
      const _never = operation;
      return describeOperation(_never);
    }
  }
}
function typeText(spec) {
  if (spec === void 0)
    return "unknown";
  const name = typeof spec.type === "string" ? spec.type : spec.type.raw;
  const size = spec.length !== void 0 ? `(${spec.length})` : spec.precision !== void 0 ? `(${spec.precision}${spec.scale === void 0 ? "" : `, ${spec.scale}`})` : "";
  return `'${name}${size}${spec.withTimezone ? " with time zone" : ""}'`;
}
function literal(value) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value === "string")
    return `'${value}'`;
  return String(value);
}

// ../core/dist/schema/load-declared-schema.js
import { readFileSync, statSync } from "node:fs";
import { extname, isAbsolute as isAbsolute2 } from "node:path";
import { fileURLToPath as fileURLToPath2, pathToFileURL } from "node:url";

// ../core/dist/schema/define-schema.js
var DECLARED_TABLE_KEYS = Object.freeze([
  "columns",
  "indexes",
  "comment",
  ...TABLE_CONSTRAINT_KEYS
]);
var DECLARED_INDEX_KEYS = Object.freeze(["name", "columns", "unique", "where"]);
function defineSchema(input) {
  const at = { label: "defineSchema", base: [] };
  if (isDeclaredSchema(input))
    return input;
  const top = checkOptions(at, input, [], ["tables"]);
  const tablesInput = top["tables"];
  if (!isPlainObject(tablesInput)) {
    fail(at, ["tables"], `must be a map of table names to { columns, indexes, ... } (got ${show(tablesInput)})`);
  }
  const tables = Object.entries(tablesInput).map(([name, value]) => checkTable(at, name, value, ["tables", name]));
  checkAcrossTables(at, tables);
  return Object.freeze({ kind: "declaredSchema", tables: Object.freeze(tables) });
}
function isDeclaredSchema(value) {
  return typeof value === "object" && value !== null && value.kind === "declaredSchema" && Array.isArray(value.tables) && Object.isFrozen(value);
}
function checkTable(parent, name, value, path) {
  const at = { label: `${parent.label}: table '${name}'`, base: [...parent.base, ...path] };
  checkName(parent, name, path);
  if (!isPlainObject(value)) {
    fail(at, [], `must be { columns, indexes, ... } (got ${show(value)})`);
  }
  for (const key of Object.keys(value)) {
    if (!DECLARED_TABLE_KEYS.includes(key)) {
      const near = nearestName(key, DECLARED_TABLE_KEYS);
      fail(at, [key], `unknown key '${key}'; ${near === void 0 ? `expected one of ${DECLARED_TABLE_KEYS.join(", ")}` : `did you mean '${near}'?`}`, true);
    }
  }
  const definition = checkTableDefinition(at, ["columns"], value);
  const columnNames = new Set(definition.columns.map((c) => c.name));
  const indexesInput = value["indexes"] ?? [];
  if (!Array.isArray(indexesInput)) {
    fail(at, ["indexes"], `must be a list of index(name, columns, options) (got ${show(indexesInput)})`);
  }
  const indexes = indexesInput.map((item, i) => {
    const p = ["indexes", i];
    const o = checkOptions(at, item, p, DECLARED_INDEX_KEYS);
    const index = {
      name: checkName(at, o["name"], [...p, "name"]),
      ...checkIndexDefinition(at, o, p)
    };
    index.columns.forEach((entry, k) => {
      if (typeof entry === "string" && !columnNames.has(entry)) {
        fail(at, [...p, "columns", k], `names '${entry}', which is not a column of this table`);
      }
    });
    return Object.freeze(index);
  });
  return Object.freeze({
    name,
    columns: definition.columns,
    constraints: definition.constraints,
    indexes: Object.freeze(indexes),
    ...definition.comment === void 0 ? {} : { comment: definition.comment }
  });
}
function checkAcrossTables(at, tables) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const indexOwner = /* @__PURE__ */ new Map();
  for (const table of tables) {
    table.indexes.forEach((index, i) => {
      const owner = indexOwner.get(index.name);
      if (owner !== void 0) {
        fail(at, ["tables", table.name, "indexes", i, "name"], `table '${table.name}': index name '${index.name}' is already used by table '${owner}'; index names are unique in a schema`);
      }
      indexOwner.set(index.name, table.name);
    });
    const references = [
      ...table.columns.flatMap((column, i) => column.references === void 0 ? [] : [
        {
          path: ["tables", table.name, "columns", i, "references"],
          table: column.references.table,
          columns: [column.references.column]
        }
      ]),
      ...table.constraints.flatMap((constraint, i) => constraint.kind === "foreignKey" ? [
        {
          path: ["tables", table.name, "foreignKeys", i, "references"],
          table: constraint.references.table,
          columns: constraint.references.columns
        }
      ] : [])
    ];
    for (const reference of references) {
      const target = byName.get(reference.table);
      if (target === void 0) {
        fail(at, reference.path, `table '${table.name}': references the table '${reference.table}', which is not declared; declare it too (list it in the config's 'ignore' if Retort should not manage it)`);
      }
      for (const column of reference.columns) {
        if (!target.columns.some((c) => c.name === column)) {
          fail(at, reference.path, `table '${table.name}': references '${reference.table}.${column}', which is not a column of the declared table '${reference.table}'`);
        }
      }
    }
  }
}

// ../core/dist/schema/import-typescript-file.js
async function importTypeScriptFile(path) {
  const { TypeScriptLoader } = await import("./typescript-loader-ZNYBL6AV.js");
  return new TypeScriptLoader().import(path);
}

// ../core/dist/schema/schema-file-error.js
var SchemaFileError = class extends RetortError {
  path;
  line;
  constructor(path, line, detail) {
    super("schema-file", `${path}${line === void 0 ? "" : `:${line}`}: ${detail}`);
    this.path = path;
    this.line = line;
  }
};

// ../core/dist/schema/load-declared-schema.js
var SCHEMA_FILE_EXTENSIONS = Object.freeze([
  ".ts",
  ".mts",
  ".js",
  ".mjs",
  ".yaml",
  ".yml"
]);
async function loadDeclaredSchema(path) {
  const file = path instanceof URL || path.startsWith("file:") ? fileURLToPath2(path) : path;
  if (!isAbsolute2(file)) {
    throw new SchemaFileError(file, void 0, "is a relative path; pass an absolute path or a file URL");
  }
  const extension = extname(file).toLowerCase();
  if (!SCHEMA_FILE_EXTENSIONS.includes(extension)) {
    throw new SchemaFileError(file, void 0, `has the extension '${extension}'; a declared schema is a ${SCHEMA_FILE_EXTENSIONS.join(", ")} file`);
  }
  try {
    if (!statSync(file).isFile())
      throw new Error("not a file");
  } catch {
    throw new SchemaFileError(file, void 0, "does not exist; create it, or correct 'schema' in the config");
  }
  if (extension === ".yaml" || extension === ".yml")
    return loadYaml(file);
  let namespace;
  try {
    namespace = extension === ".ts" || extension === ".mts" ? await importTypeScriptFile(file) : await import(
      /* webpackIgnore: true */
      /* @vite-ignore */
      pathToFileURL(file).href
    );
  } catch (error) {
    if (error instanceof OperationError)
      throw inFile(file, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaFileError(file, void 0, `failed to import: ${reason.replace(/\s+/g, " ").trim()}; fix the error in this file`);
  }
  const exports = namespace;
  const value = exports["default"] ?? exports["schema"];
  if (value === void 0) {
    throw new SchemaFileError(file, void 0, "exports no schema; write `export default defineSchema({ tables: { ... } })`");
  }
  if (isDeclaredSchema(value))
    return value;
  try {
    return defineSchema(value);
  } catch (error) {
    if (error instanceof OperationError)
      throw inFile(file, error);
    throw error;
  }
}
async function loadYaml(file) {
  const yaml = await import("./dist-SNFYPLIA.js");
  const { YamlLocator } = await import("./yaml-locator-5XXZKTSW.js");
  const text = readFileSync(file, "utf8");
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter });
  const first = document.errors[0];
  if (first !== void 0) {
    throw new SchemaFileError(file, first.linePos?.[0].line, first.message.split("\n")[0] ?? "invalid YAML");
  }
  const top = document.toJS();
  if (typeof top !== "object" || top === null || Array.isArray(top)) {
    throw new SchemaFileError(file, 1, `must be a map with a 'tables:' key (got ${show(top)})`);
  }
  try {
    return defineSchema(top);
  } catch (error) {
    if (!(error instanceof OperationError))
      throw error;
    const locator = new YamlLocator(document, lineCounter);
    throw new SchemaFileError(file, locator.line(error.path, error.atKey), error.message);
  }
}
function inFile(file, error) {
  const where = error.path.length > 0 ? ` (at ${describePath(error.path)})` : "";
  return new SchemaFileError(file, void 0, `${error.message}${where}`);
}

// ../core/dist/schema/declared-schema-operations.js
function declaredSchemaOperations(schema, options = {}) {
  const after = options.foreignKeysAfterTables ?? true;
  const op = new Operations({ dialect: "declared", offline: true });
  const created = /* @__PURE__ */ new Set();
  const later = [];
  for (const table of orderByReferences2(schema.tables)) {
    const pending = (name) => after && name !== table.name && !created.has(name);
    const columns = table.columns.map((column) => {
      if (column.references === void 0 || !pending(column.references.table))
        return column;
      const { references, ...rest } = column;
      later.push(() => op.createForeignKey(`fk_${table.name}_${column.name}`, table.name, references.table, [column.name], [references.column], { onDelete: references.onDelete, onUpdate: references.onUpdate }));
      return rest;
    });
    const constraints = table.constraints.filter((constraint) => {
      if (constraint.kind !== "foreignKey" || !pending(constraint.references.table))
        return true;
      later.push(() => addForeignKey(op, table.name, constraint));
      return false;
    });
    op.createTable(table.name, columns, {
      ...tableConstraintOptions(namedChecks(table.name, constraints)),
      ...table.comment === void 0 ? {} : { comment: table.comment }
    });
    created.add(table.name);
  }
  for (const add of later)
    add();
  for (const table of schema.tables) {
    for (const index of table.indexes) {
      op.createIndex(index.name, table.name, index.columns, {
        unique: index.unique,
        ...index.where === void 0 ? {} : { where: index.where }
      });
    }
  }
  return op.takePending();
}
function tableConstraintOptions(constraints) {
  const named = (c) => c.name === void 0 ? {} : { name: c.name };
  const primaryKey = constraints.find((c) => c.kind === "primaryKey");
  const unique = constraints.filter((c) => c.kind === "unique");
  const foreignKeys = constraints.filter((c) => c.kind === "foreignKey");
  const checks = constraints.filter((c) => c.kind === "check");
  return {
    ...primaryKey === void 0 ? {} : { primaryKey: { ...named(primaryKey), columns: primaryKey.columns } },
    ...unique.length === 0 ? {} : { unique: unique.map((c) => ({ ...named(c), columns: c.columns })) },
    ...foreignKeys.length === 0 ? {} : {
      foreignKeys: foreignKeys.map((c) => ({
        ...named(c),
        columns: c.columns,
        references: c.references,
        ...c.deferrable === void 0 ? {} : { deferrable: c.deferrable },
        ...c.initially === void 0 ? {} : { initially: c.initially }
      }))
    },
    ...checks.length === 0 ? {} : { checks: checks.map((c) => ({ ...named(c), expression: c.expression })) }
  };
}
function declaredCheckName(table, index, check) {
  return check.name ?? `ck_${table.slice(0, 48)}_${index + 1}`;
}
function namedChecks(table, constraints) {
  let index = 0;
  return constraints.map((constraint) => constraint.kind === "check" ? { ...constraint, name: declaredCheckName(table, index++, constraint) } : constraint);
}
function addForeignKey(op, table, key) {
  op.createForeignKey(key.name ?? `fk_${table}_${key.columns.join("_")}`, table, key.references.table, key.columns, key.references.columns, {
    onDelete: key.references.onDelete,
    onUpdate: key.references.onUpdate,
    ...key.deferrable === void 0 ? {} : { deferrable: key.deferrable },
    ...key.initially === void 0 ? {} : { initially: key.initially }
  });
}
function orderByReferences2(tables) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const ordered = [];
  const visit = (table) => {
    if (done.has(table.name) || visiting.has(table.name))
      return;
    visiting.add(table.name);
    const referenced = [
      ...table.columns.flatMap((c) => c.references ? [c.references.table] : []),
      ...table.constraints.flatMap((c) => c.kind === "foreignKey" ? [c.references.table] : [])
    ];
    for (const name of referenced) {
      const parent = byName.get(name);
      if (parent !== void 0 && parent !== table)
        visit(parent);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

// ../core/dist/schema/schema-cache.js
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync as readFileSync2, renameSync, rmSync, statSync as statSync2, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
var SCHEMA_CACHE_FORMAT = "retort-schema-3";
function defaultSchemaCacheDirectory(near) {
  for (let dir = near; dir !== void 0; ) {
    if (isDirectory(join(dir, "node_modules")))
      return join(dir, "node_modules", ".cache", "retort", "schemas");
    const parent = dirname(dir);
    dir = parent === dir ? void 0 : parent;
  }
  return join(tmpdir(), `retort-${userName()}`, "schemas");
}
function schemaCacheKey(parts) {
  return createHash("sha256").update(JSON.stringify([SCHEMA_CACHE_FORMAT, ...parts]), "utf8").digest("hex");
}
var SchemaCache = class _SchemaCache {
  /** The directory, or `undefined` when caching is off. */
  directory;
  constructor(directory) {
    this.directory = directory;
  }
  /**
   * The cache chosen by `options` (see {@link SchemaCacheOptions}).
   *
   * @example
   * ```ts
   * SchemaCache.open({ directory: false }).directory // undefined
   * ```
   */
  static open(options = {}) {
    if (options.directory === false)
      return new _SchemaCache(void 0);
    return new _SchemaCache(options.directory ?? defaultSchemaCacheDirectory(options.near));
  }
  /**
   * The snapshot stored under `key`, or `undefined`.
   *
   * @example
   * ```ts
   * const hit = cache.read(key)
   * ```
   */
  read(key) {
    if (this.directory === void 0 || !ownDirectory(this.directory))
      return void 0;
    try {
      const entry = JSON.parse(readFileSync2(this.#path(key), "utf8"));
      const snapshot = entry["snapshot"];
      if (entry["format"] !== SCHEMA_CACHE_FORMAT || entry["key"] !== key || typeof snapshot !== "object" || snapshot === null || !Array.isArray(snapshot.tables)) {
        return void 0;
      }
      return deepFreeze(snapshot);
    } catch {
      return void 0;
    }
  }
  /**
   * Stores `snapshot` under `key`; returns whether it was stored.
   *
   * @example
   * ```ts
   * cache.write(key, snapshot)
   * ```
   */
  write(key, snapshot) {
    if (this.directory === void 0)
      return false;
    const path = this.#path(key);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(this.directory, { recursive: true, mode: 448 });
      if (!ownDirectory(this.directory))
        return false;
      writeFileSync(temporary, `${JSON.stringify({ format: SCHEMA_CACHE_FORMAT, key, snapshot })}
`, { flag: "wx", mode: 384 });
      renameSync(temporary, path);
      return true;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
      }
      return false;
    }
  }
  #path(key) {
    if (!/^[0-9a-f]{64}$/.test(key))
      throw new TypeError(`not a schema cache key: '${key}'`);
    return join(this.directory, `${key}.json`);
  }
};
function isDirectory(path) {
  try {
    return statSync2(path).isDirectory();
  } catch {
    return false;
  }
}
function ownDirectory(path) {
  if (typeof process.getuid !== "function")
    return true;
  try {
    return statSync2(path).uid === process.getuid();
  } catch {
    return false;
  }
}
function userName() {
  try {
    return userInfo().username.replace(/[^A-Za-z0-9_.-]/g, "_") || "user";
  } catch {
    return typeof process.getuid === "function" ? String(process.getuid()) : "user";
  }
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value))
      deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

// ../core/dist/schema/scratch-database.js
async function openScratchDatabase(from, options = {}) {
  const dialect = await scratchDialect(from, options);
  if (typeof dialect.createScratch !== "function") {
    throw new ConfigError(`the ${dialect.name} dialect cannot make a scratch database (it has no createScratch()); use a dialect package that can, or compare against a database you upgrade yourself`);
  }
  const scratch = await dialect.createScratch();
  let disposed;
  return Object.freeze({
    dialect: scratch.dialect,
    ...scratch.schema === void 0 ? {} : { schema: scratch.schema },
    dispose: () => disposed ??= scratch.dispose()
  });
}
async function scratchDialect(from, options = {}) {
  if (typeof from !== "string")
    return from;
  return options.resolveDialect?.(from) ?? dialectForUrl(from, {
    baseDir: options.baseDir,
    projectDir: options.projectDir,
    packages: options.dialectPackages,
    setting: "the scratch database URL"
  });
}

// ../core/dist/schema/replay-schema.js
async function replayRevisions(scratch, revisions, options = {}) {
  return runOnline(scratch.dialect, revisions.source, revisions.map, { kind: "upgrade", target: options.target ?? "heads" }, {
    versionTable: {
      name: options.versionTable ?? DEFAULT_VERSION_TABLE,
      schema: scratch.schema
    },
    transactionMode: options.transactionMode ?? DEFAULT_TRANSACTION_MODE,
    lockTimeoutMs: DEFAULT_LOCK_TIMEOUT,
    logger: options.logger ?? silentLogger,
    onEvent: options.onEvent
  });
}
async function readScratchSchema(scratch, options = {}) {
  const name = options.versionTable ?? DEFAULT_VERSION_TABLE;
  return readSchemaSnapshot(scratch.dialect, {
    schema: scratch.schema,
    exclude: [name, progressTableFor({ name }).name, ledgerTableFor({ name }).name]
  });
}
async function replaySchema(from, revisions, options = {}) {
  const target = options.target ?? "heads";
  const ids = planUpgrade(revisions.map, [], target).steps.map((step) => step.revision.id);
  const cache = options.cache === false ? void 0 : SchemaCache.open(options.cache);
  const dialect = await scratchDialect(from, options);
  const key = replayCacheKey(dialect, revisions, ids, options.versionTable ?? DEFAULT_VERSION_TABLE);
  const hit = key === void 0 ? void 0 : cache?.read(key);
  if (hit !== void 0) {
    return Object.freeze({ snapshot: hit, revisions: Object.freeze(ids), key, cached: true });
  }
  const scratch = await openScratchDatabase(dialect);
  let snapshot;
  try {
    await replayRevisions(scratch, revisions, { ...options, target });
    snapshot = await readScratchSchema(scratch, options);
  } finally {
    await scratch.dispose();
  }
  if (key !== void 0)
    cache?.write(key, snapshot);
  return Object.freeze({ snapshot, revisions: Object.freeze(ids), key, cached: false });
}
function replayCacheKey(dialect, revisions, ids, versionTable) {
  const parts = ["replay", dialect.name, dialect.description, versionTable];
  for (const id of ids) {
    const path = revisions.map.get(id)?.path;
    if (path === void 0)
      return void 0;
    try {
      parts.push(`${id}=${revisionFileChecksum(path)}`);
    } catch {
      return void 0;
    }
  }
  return schemaCacheKey(parts);
}

// ../core/dist/schema/materialize-declared-schema.js
async function materializeDeclaredSchema(from, schema, options = {}) {
  const dialect = await scratchDialect(from, options);
  const key = schemaCacheKey([
    "declared",
    dialect.name,
    dialect.description,
    JSON.stringify(schema, jsonValue)
  ]);
  const cache = options.cache === false ? void 0 : SchemaCache.open(options.cache);
  const hit = cache?.read(key);
  if (hit !== void 0)
    return Object.freeze({ snapshot: hit, key, cached: true });
  const operations = declaredSchemaOperations(schema, {
    foreignKeysAfterTables: dialect.name !== "sqlite"
  });
  const revision = createRevision({ revision: "declared_schema", message: "declared schema" });
  const source = {
    revisions: [revision],
    load: async () => ({
      upgrade(op) {
        for (const operation of operations)
          op.enqueue(operation);
      }
    })
  };
  const scratch = await openScratchDatabase(dialect);
  let snapshot;
  try {
    const loaded = { source, map: new RevisionMap(source.revisions), envPath: void 0 };
    await replayRevisions(scratch, loaded, { versionTable: DEFAULT_VERSION_TABLE });
    snapshot = await readScratchSchema(scratch, { versionTable: DEFAULT_VERSION_TABLE });
  } finally {
    await scratch.dispose();
  }
  cache?.write(key, snapshot);
  return Object.freeze({ snapshot, key, cached: false });
}
function jsonValue(_key, value) {
  if (typeof value === "bigint")
    return { bigint: value.toString() };
  if (value instanceof Uint8Array)
    return { bytes: Buffer.from(value).toString("hex") };
  return value;
}

// ../core/dist/schema/prefer-declared-spelling.js
function preferDeclaredSpelling(operations, schema) {
  const tables = new Map(schema.tables.map((t) => [t.name, t]));
  const declaredColumn = (table, name) => tables.get(table)?.columns.find((c) => c.name === name);
  const checks = new Map(schema.tables.flatMap((table) => table.constraints.filter((c) => c.kind === "check").map((c, i) => [`${table.name}\0${declaredCheckName(table.name, i, c)}`, c.expression])));
  const declaredCheck = (table, name) => name === void 0 ? void 0 : checks.get(`${table}\0${name}`);
  return operations.map((operation) => {
    switch (operation.kind) {
      case "createTable": {
        const table = tables.get(operation.name);
        if (table === void 0)
          return operation;
        return makeOperation({
          ...operation,
          columns: Object.freeze(operation.columns.map((c) => respell(c, declaredColumn(operation.name, c.name)))),
          constraints: Object.freeze(operation.constraints.map((c) => c.kind === "check" ? Object.freeze({
            ...c,
            expression: declaredCheck(operation.name, c.name) ?? c.expression
          }) : c)),
          comment: table.comment
        });
      }
      case "createCheckConstraint":
        return makeOperation({
          ...operation,
          expression: declaredCheck(operation.table, operation.name) ?? operation.expression
        });
      case "addColumn":
        return makeOperation({
          ...operation,
          column: respell(operation.column, declaredColumn(operation.table, operation.column.name))
        });
      case "alterColumn": {
        const declared = declaredColumn(operation.table, operation.newName ?? operation.name);
        if (declared === void 0)
          return operation;
        const typeChanged = operation.type !== void 0;
        const defaultChanged = "default" in operation || "defaultSql" in operation;
        return makeOperation({
          ...operation,
          ...typeChanged ? {
            type: compact({
              type: declared.type,
              length: declared.length,
              precision: declared.precision,
              scale: declared.scale,
              withTimezone: declared.withTimezone
            })
          } : {},
          ...defaultChanged ? declared.defaultSql !== void 0 ? { default: void 0, defaultSql: declared.defaultSql } : { default: declared.default ?? null, defaultSql: void 0 } : {},
          ..."comment" in operation ? { comment: declared.comment ?? null } : {}
        });
      }
      default:
        return operation;
    }
  });
}
function respell(column, declared) {
  if (declared === void 0)
    return column;
  return createColumn(column.name, declared.type, {
    length: declared.length,
    precision: declared.precision,
    scale: declared.scale,
    withTimezone: declared.withTimezone,
    // A primary key column is never nullable; createColumn refuses to be told otherwise.
    nullable: column.primaryKey ? void 0 : declared.nullable,
    primaryKey: column.primaryKey,
    autoincrement: declared.autoincrement,
    unique: column.unique,
    default: declared.default,
    defaultSql: declared.defaultSql,
    references: column.references,
    comment: declared.comment
  });
}

// ../core/dist/schema/rename-hints.js
var RenameHintError = class extends RetortError {
  constructor(message) {
    super("rename-hint", message);
  }
};
function parseRenameHint(text) {
  const bad = (why) => {
    throw new RenameHintError(`--rename '${text}' ${why}; write OLD:NEW for a table or TABLE.OLD:NEW for a column`);
  };
  const parts = text.split(":");
  if (parts.length !== 2)
    bad('needs exactly one ":"');
  const [left, right] = parts.map((p) => p.trim());
  const leftNames = left.split(".");
  const rightNames = right.split(".");
  if ([...leftNames, ...rightNames].some((name) => name === ""))
    bad("has an empty name");
  if (leftNames.length === 1) {
    if (rightNames.length !== 1)
      bad("renames a table to a column");
    if (left === right)
      bad("renames a table to itself");
    return Object.freeze({ kind: "table", from: left, to: right });
  }
  if (leftNames.length !== 2)
    bad("has more than TABLE.COLUMN on the left");
  const [table, from] = leftNames;
  let to = right;
  if (rightNames.length === 2) {
    if (rightNames[0] !== table)
      bad(`moves a column to another table ('${rightNames[0]}')`);
    to = rightNames[1];
  } else if (rightNames.length > 2)
    bad("has more than TABLE.COLUMN on the right");
  if (from === to)
    bad("renames a column to itself");
  return Object.freeze({ kind: "column", table, from, to });
}
function applyRenameHints(source, target, hints) {
  const op = new Operations({ dialect: "autogenerate", offline: true });
  let tables = [...source.tables];
  const targetTables = new Map(target.tables.map((t) => [t.name, t]));
  const renamedTables = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const hint of hints.filter((h) => h.kind === "table")) {
    if (seen.has(hint.from) || renamedTables.has(hint.from))
      fail2(hint, `'${hint.from}' is renamed twice`);
    seen.add(hint.from);
    if (!tables.some((t) => t.name === hint.from))
      fail2(hint, `the revisions make no table '${hint.from}'`);
    if (targetTables.has(hint.from))
      fail2(hint, `'${hint.from}' is still declared, so it is not renamed`);
    if (!targetTables.has(hint.to))
      fail2(hint, `no table '${hint.to}' is declared`);
    if (tables.some((t) => t.name === hint.to))
      fail2(hint, `the revisions already make a table '${hint.to}'`);
    op.renameTable(hint.from, hint.to);
    renamedTables.set(hint.from, hint.to);
    tables = tables.map((table) => renameTable(table, hint.from, hint.to));
  }
  const renamedColumns = /* @__PURE__ */ new Set();
  for (const hint of hints) {
    if (hint.kind !== "column")
      continue;
    const tableName = renamedTables.get(hint.table) ?? hint.table;
    const table = tables.find((t) => t.name === tableName);
    const declared = targetTables.get(tableName);
    if (table === void 0 || declared === void 0) {
      fail2(hint, `no table '${hint.table}' is both made by the revisions and declared`);
    }
    const key = `${tableName}.${hint.from}`;
    if (renamedColumns.has(key))
      fail2(hint, `'${key}' is renamed twice`);
    renamedColumns.add(key);
    if (!table.columns.some((c) => c.name === hint.from))
      fail2(hint, `the revisions make no column '${tableName}.${hint.from}'`);
    if (declared.columns.some((c) => c.name === hint.from))
      fail2(hint, `'${tableName}.${hint.from}' is still declared, so it is not renamed`);
    if (!declared.columns.some((c) => c.name === hint.to))
      fail2(hint, `no column '${tableName}.${hint.to}' is declared`);
    if (table.columns.some((c) => c.name === hint.to))
      fail2(hint, `the revisions already make a column '${tableName}.${hint.to}'`);
    op.alterColumn(tableName, hint.from, { newName: hint.to });
    tables = tables.map((t) => renameColumn(t, tableName, hint.from, hint.to));
  }
  return Object.freeze({
    source: Object.freeze({ tables: Object.freeze(tables) }),
    operations: Object.freeze(op.takePending())
  });
}
function fail2(hint, why) {
  const text = hint.kind === "table" ? `${hint.from}:${hint.to}` : `${hint.table}.${hint.from}:${hint.to}`;
  throw new RenameHintError(`--rename '${text}': ${why}`);
}
function renameTable(table, from, to) {
  const foreignKeys = table.foreignKeys?.map((key) => key.references.table === from ? { ...key, references: { ...key.references, table: to } } : key);
  return Object.freeze({
    ...table,
    ...table.name === from ? { name: to } : {},
    ...foreignKeys === void 0 ? {} : { foreignKeys }
  });
}
function renameColumn(table, owner, from, to) {
  const swap = (name) => name === from ? to : name;
  const foreignKeys = table.foreignKeys?.map((key) => ({
    ...key,
    ...table.name === owner ? { columns: key.columns.map(swap) } : {},
    references: key.references.table === owner ? { ...key.references, columns: key.references.columns.map(swap) } : key.references
  }));
  if (table.name !== owner) {
    return foreignKeys === void 0 ? table : Object.freeze({ ...table, foreignKeys });
  }
  return Object.freeze({
    ...table,
    columns: table.columns.map((c) => c.name === from ? { ...c, name: to } : c),
    indexes: table.indexes.map((i) => ({ ...i, columns: i.columns.map(swap) })),
    ...foreignKeys === void 0 ? {} : { foreignKeys }
  });
}

// ../core/dist/schema/compare-declared-schema.js
function declaredSchemaConfigured(config, options = {}) {
  return options.declaredSchema !== void 0 || declaredSchemaPath(config) !== void 0;
}
async function compareDeclaredSchemas(config, options = {}, loaded) {
  const revisions = loaded ?? await loadRevisions(config, options);
  const hints = (options.renames ?? []).map((hint) => typeof hint === "string" ? parseRenameHint(hint) : hint);
  const comparisons = [];
  await visitDatabases(config, revisions, options, false, async (dialect, runOptions) => {
    const target = runOptions.name === void 0 ? config : config.forDatabase(runOptions.name);
    const schemaPath = options.declaredSchema === void 0 ? declaredSchemaPath(target) : void 0;
    if (options.declaredSchema === void 0 && schemaPath === void 0)
      return;
    const schema = options.declaredSchema ?? await loadDeclaredSchema(schemaPath);
    const cache = options.cache === false ? false : { near: config.directory, ...options.cache ?? {} };
    const versionTable = runSettings(target, runOptions, options).versionTable.name;
    const replayed = await replaySchema(dialect, revisions, { versionTable, cache });
    const declared = await materializeDeclaredSchema(dialect, schema, { cache });
    const ignore = ignorePatterns(target);
    const source = withoutIgnored(replayed.snapshot, ignore);
    const wanted = withoutIgnored(declared.snapshot, ignore);
    const renamed = applyRenameHints(source, wanted, hints);
    const diff = diffSchemas(renamed.source, wanted);
    const differences = [
      ...renamed.operations.map(describeSchemaDifference),
      ...diff.operations.map(describeSchemaDifference),
      ...diff.notes.map((message) => Object.freeze({ message }))
    ];
    comparisons.push(Object.freeze({
      schemaPath,
      database: runOptions.name,
      dialect: dialect.name,
      diff: Object.freeze({
        operations: Object.freeze(preferDeclaredSpelling([...renamed.operations, ...diff.operations], schema)),
        notes: diff.notes
      }),
      differences: Object.freeze(differences),
      cached: Object.freeze({ revisions: replayed.cached, declared: declared.cached })
    }));
  });
  return comparisons;
}
async function compareDeclaredSchema(config, options = {}, loaded) {
  const comparisons = await compareDeclaredSchemas(config, options, loaded);
  if (comparisons.length !== 1) {
    throw new ConfigError(comparisons.length === 0 ? `no declared schema: set 'schema' in ${config.path ?? "the config"} to the schema file (schema: src/db/schema.ts)` : `the env module migrates ${comparisons.length} databases with a declared schema; select one with '-n NAME' (or an -x argument your env module reads)`);
  }
  return comparisons[0];
}

export {
  diffSchemas,
  sameCheck,
  generatedName,
  readSchemaSnapshot,
  declaredSchemaPath,
  ignorePatterns,
  loadDeclaredSchema,
  openScratchDatabase,
  scratchDialect,
  readScratchSchema,
  replaySchema,
  declaredSchemaConfigured,
  compareDeclaredSchemas,
  compareDeclaredSchema
};
