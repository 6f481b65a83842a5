import {
  compareDeclaredSchemas,
  declaredSchemaPath,
  generatedName,
  ignorePatterns,
  loadDeclaredSchema,
  openScratchDatabase,
  readScratchSchema,
  replaySchema,
  sameCheck,
  scratchDialect
} from "./chunk-D6DKSQ6F.js";
import {
  dialectForUrl,
  loadStepBodies,
  projectDirectory,
  runOnline
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  relativeDownTarget,
  revisionsTarget
} from "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  CLI_DIALECT_PACKAGES,
  action,
  loadConfig
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import {
  EXIT_ERROR,
  UsageError
} from "./chunk-5ET7NFFB.js";
import {
  silentLogger
} from "./chunk-JK4IOFY3.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";
import {
  Config
} from "./chunk-CHEN7WAF.js";
import {
  withoutIgnored
} from "./chunk-EPNWZYBP.js";
import {
  DEFAULT_LOCK_TIMEOUT,
  DEFAULT_TRANSACTION_MODE
} from "./chunk-PKVIK35M.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  maskSecrets,
  maskUrl,
  urlSecrets
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  MigrationError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/test.js
import { relative as relative2 } from "node:path";

// ../core/dist/testing/harness-error.js
var HARNESS_CHECKS = Object.freeze([
  "bodies",
  "single-head",
  "stairway",
  "schema"
]);

// ../core/dist/testing/harness-options.js
import { isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
var DEFAULT_HARNESS_URL = "sqlite://";
var HARNESS_OPTION_KEYS = [
  "config",
  "scriptLocation",
  "migrations",
  "revisions",
  "url",
  "dialect",
  "versionTable",
  "resolveDialect",
  "onProgress"
];
async function prepareHarness(options, extraKeys = []) {
  const known = [...HARNESS_OPTION_KEYS, ...extraKeys];
  for (const key of Object.keys(options)) {
    if (known.includes(key))
      continue;
    const near = nearestName(key, known);
    throw new ConfigError(`unknown test harness option '${key}'${near === void 0 ? "" : ` (did you mean '${near}'?)`}; known options: ${known.join(", ")}`);
  }
  const sources = ["config", "scriptLocation", "migrations", "revisions"].filter((key) => options[key] !== void 0);
  if (sources.length === 0) {
    throw new ConfigError(`the test harness needs the revisions: pass config (the path of retort.yaml), scriptLocation, migrations or revisions`);
  }
  if (options.url !== void 0 && options.dialect !== void 0) {
    throw new ConfigError(`the test harness was given both url and dialect; pass one of them`);
  }
  if (options.url !== void 0 && (typeof options.url !== "string" || options.url === "")) {
    throw new ConfigError(`the test harness option url must be a database URL string`);
  }
  const config = await harnessConfig(options);
  const loaded = await loadRevisions(config, {
    ...options.migrations === void 0 ? {} : { migrations: options.migrations },
    ...options.revisions === void 0 ? {} : { revisions: options.revisions }
  });
  const url = options.url ?? DEFAULT_HARNESS_URL;
  return {
    config,
    loaded,
    from: options.dialect ?? url,
    // A SQLite scratch database is always a private in-memory one, whatever file is named.
    where: options.dialect !== void 0 ? options.dialect.name === "sqlite" ? "sqlite (in memory)" : options.dialect.description : url.startsWith("sqlite:") ? "sqlite (in memory)" : maskUrl(url),
    versionTable: options.versionTable ?? config.versionTable.name,
    // The scratch database's dialect package: the project's (next to the config, else the
    // script directory), else core's; see `importDialectPackage`.
    resolveDialect: options.resolveDialect ?? ((from) => dialectForUrl(from, {
      baseDir: config.directory,
      projectDir: projectDirectory(config),
      setting: "the scratch database URL"
    })),
    onProgress: options.onProgress ?? (() => {
    })
  };
}
async function harnessConfig(options) {
  const { config } = options;
  if (config instanceof Config)
    return config;
  if (config !== void 0) {
    const path = typeof config === "string" ? config : fileURLToPath(config);
    if (!isAbsolute(path)) {
      throw new ConfigError(`the test harness option config '${path}' is relative; pass an absolute path or a URL (new URL('../retort.yaml', import.meta.url))`);
    }
    return loadConfig({ file: path, cwd: "/" });
  }
  if (options.scriptLocation !== void 0) {
    return new Config({ scriptLocation: options.scriptLocation });
  }
  return new Config({});
}

// ../core/dist/testing/bodies-load.js
async function bodiesLoadOf(prepared) {
  const { map, source } = prepared.loaded;
  const order = map.topologicalOrder;
  const findings = [];
  let index = 0;
  for (const id of order) {
    const revision = map.get(id);
    const found = [];
    try {
      await loadStepBodies(source, [step(revision, "up"), step(revision, "down")]);
    } catch (error) {
      found.push(bodyFinding(revision, error));
    }
    findings.push(...found);
    index += 1;
    prepared.onProgress({ check: "bodies", revision, index, total: order.length, findings: found });
  }
  return Object.freeze({
    check: "bodies",
    ok: findings.length === 0,
    summary: findings.length === 0 ? `${order.length} revision${order.length === 1 ? "" : "s"} load` : `${findings.length} of ${order.length} revisions do not load`,
    findings: Object.freeze(findings),
    revisions: order.length
  });
}
function step(revision, direction) {
  return { kind: "migration", revision, direction, rows: [] };
}
function bodyFinding(revision, error) {
  const where = revision.path ?? `revision '${revision.id}'`;
  let why;
  if (error instanceof MigrationError) {
    why = error.cause instanceof Error ? error.cause.message : String(error.cause);
  } else {
    why = error instanceof Error ? error.message : String(error);
  }
  why = why.replace(/\s+/g, " ").trim();
  return Object.freeze({
    check: "bodies",
    message: why.includes(where) ? why : `${where}: ${why}`,
    revision: revision.id,
    ...revision.path === void 0 ? {} : { path: revision.path }
  });
}

// ../core/dist/testing/compare-snapshots.js
function compareSnapshots(before, after) {
  const changes = [];
  const old = new Map(before.tables.map((t) => [t.name, t]));
  const now = new Map(after.tables.map((t) => [t.name, t]));
  const names = [.../* @__PURE__ */ new Set([...old.keys(), ...now.keys()])].sort();
  for (const name of names) {
    const a = old.get(name);
    const b = now.get(name);
    if (a === void 0 || b === void 0) {
      changes.push(change("table", name, void 0, a === void 0 ? "added" : "removed", `table '${name}'`));
      continue;
    }
    compareTables(a, b, changes);
  }
  return changes;
}
function change(kind, name, table, what, description, aspects = []) {
  return Object.freeze({
    kind,
    name,
    ...table === void 0 ? {} : { table },
    change: what,
    description,
    aspects: Object.freeze([...aspects])
  });
}
function compareTables(a, b, changes) {
  const table = a.name;
  const oldColumns = new Map(a.columns.map((c) => [c.name, c]));
  const newColumns = new Map(b.columns.map((c) => [c.name, c]));
  for (const column of a.columns) {
    const other = newColumns.get(column.name);
    const description = `column '${table}.${column.name}'`;
    if (other === void 0) {
      changes.push(change("column", `${table}.${column.name}`, table, "removed", description));
      continue;
    }
    const aspects = columnAspects(column, other);
    if (aspects.length > 0) {
      changes.push(change("column", `${table}.${column.name}`, table, "changed", description, aspects));
    }
  }
  for (const column of b.columns) {
    if (!oldColumns.has(column.name)) {
      changes.push(change("column", `${table}.${column.name}`, table, "added", `column '${table}.${column.name}'`));
    }
  }
  const primaryKey = (t) => t.columns.filter((c) => c.primaryKey).map((c) => c.name);
  const oldKey = primaryKey(a).join(", ");
  const newKey = primaryKey(b).join(", ");
  if (oldKey !== newKey) {
    const what = oldKey === "" ? "added" : newKey === "" ? "removed" : "changed";
    changes.push(change("primary key", `${table} (${oldKey || newKey})`, table, what, `the primary key of '${table}'`, what === "changed" ? [{ aspect: "columns", before: `(${oldKey})`, after: `(${newKey})` }] : []));
  }
  const plain = (t) => t.indexes.filter((i) => i.constraint !== true);
  matchBy(plain(a), plain(b), (i) => i.name, (i) => `index '${i.name}' on '${table}'`, (i) => i.name, indexAspects, "index", table, changes);
  const uniques = (t) => t.indexes.filter((i) => i.constraint === true && i.unique);
  const uniqueKey = (i) => `${i.columns.join(",")}|${generatedName(i.name) ? "" : i.name}|${i.unique}`;
  matchBy(uniques(a), uniques(b), uniqueKey, (i) => generatedName(i.name) ? `unique constraint on '${table}' (${i.columns.join(", ")})` : `unique constraint '${i.name}' on '${table}' (${i.columns.join(", ")})`, (i) => i.name, () => [], "unique constraint", table, changes);
  matchBy(a.foreignKeys ?? [], b.foreignKeys ?? [], foreignKeyKey, (k) => `foreign key ${k.name === void 0 || generatedName(k.name) ? "" : `'${k.name}' `}'${table}' (${k.columns.join(", ")}) -> '${k.references.table}' (${k.references.columns.join(", ")})`, (k) => k.name ?? `${table} (${k.columns.join(", ")}) -> ${k.references.table} (${k.references.columns.join(", ")})`, () => [], "foreign key", table, changes);
  if (a.checks !== void 0 && b.checks !== void 0) {
    const describe = (c) => `check constraint ${c.name === void 0 ? "" : `'${c.name}' `}on '${table}' (${c.expression})`;
    for (const check of a.checks) {
      if (!b.checks.some((other) => sameCheck(other, check)))
        changes.push(change("check constraint", check.name ?? check.expression, table, "removed", describe(check)));
    }
    for (const check of b.checks) {
      if (!a.checks.some((other) => sameCheck(other, check)))
        changes.push(change("check constraint", check.name ?? check.expression, table, "added", describe(check)));
    }
  }
  if (a.comment !== void 0 && b.comment !== void 0 && a.comment !== b.comment) {
    changes.push(change("table comment", table, table, "changed", `the comment of table '${table}'`, [
      { aspect: "comment", before: shown(a.comment), after: shown(b.comment) }
    ]));
  }
}
function matchBy(before, after, key, describe, name, aspects, kind, table, changes) {
  const oldKeys = new Map(before.map((i) => [key(i), i]));
  const newKeys = new Map(after.map((i) => [key(i), i]));
  for (const item of before) {
    const other = newKeys.get(key(item));
    if (other !== void 0) {
      const differ = aspects(item, other);
      if (differ.length > 0)
        changes.push(change(kind, name(item), table, "changed", describe(item), differ));
      continue;
    }
    changes.push(change(kind, name(item), table, "removed", describe(item)));
  }
  for (const item of after) {
    if (!oldKeys.has(key(item)))
      changes.push(change(kind, name(item), table, "added", describe(item)));
  }
}
function foreignKeyKey(key) {
  const name = key.name === void 0 || generatedName(key.name) ? "" : key.name;
  return [
    name,
    key.columns.join(","),
    key.references.table,
    key.references.columns.join(","),
    key.onDelete ?? "",
    key.onUpdate ?? ""
  ].join("|");
}
function columnAspects(a, b) {
  const aspects = [];
  if (typeText(a.type) !== typeText(b.type))
    aspects.push({ aspect: "type", before: a.type || "(none)", after: b.type || "(none)" });
  if (a.nullable !== b.nullable) {
    const word = (nullable) => nullable ? "nullable" : "NOT NULL";
    aspects.push({ aspect: "nullability", before: word(a.nullable), after: word(b.nullable) });
  }
  if ((a.defaultSql ?? "").trim() !== (b.defaultSql ?? "").trim()) {
    aspects.push({
      aspect: "default",
      before: a.defaultSql?.trim() || "none",
      after: b.defaultSql?.trim() || "none"
    });
  }
  if ((a.autoincrement ?? false) !== (b.autoincrement ?? false)) {
    const word = (on) => on === true ? "autoincrement" : "not autoincrement";
    aspects.push({
      aspect: "autoincrement",
      before: word(a.autoincrement),
      after: word(b.autoincrement)
    });
  }
  if (a.comment !== void 0 && b.comment !== void 0 && a.comment !== b.comment) {
    aspects.push({ aspect: "comment", before: shown(a.comment), after: shown(b.comment) });
  }
  return aspects;
}
function indexAspects(a, b) {
  const aspects = [];
  if (a.columns.join(",") !== b.columns.join(","))
    aspects.push({
      aspect: "columns",
      before: `(${a.columns.join(", ")})`,
      after: `(${b.columns.join(", ")})`
    });
  if (a.unique !== b.unique) {
    const word = (unique) => unique ? "unique" : "not unique";
    aspects.push({ aspect: "uniqueness", before: word(a.unique), after: word(b.unique) });
  }
  if ((a.where ?? "") !== (b.where ?? ""))
    aspects.push({ aspect: "predicate", before: a.where || "none", after: b.where || "none" });
  return aspects;
}
function typeText(type) {
  return type.replace(/\s+/g, " ").trim().toUpperCase();
}
function shown(comment) {
  return comment === null ? "none" : `'${comment}'`;
}

// ../core/dist/testing/run-migration-tests.js
import { existsSync } from "node:fs";

// ../core/dist/testing/schema-matches.js
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute as isAbsolute2, relative, resolve } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// ../core/dist/testing/schema-snapshot-file.js
var SCHEMA_SNAPSHOT_FORMAT = "retort-schema-snapshot/1";
function snapshotFileName(dialect) {
  return `retort-schema.${dialect.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
}
function formatSchemaSnapshotFile(file) {
  const document = {
    format: SCHEMA_SNAPSHOT_FORMAT,
    dialect: file.dialect,
    heads: [...file.heads].sort(),
    tables: [...file.snapshot.tables].sort((a, b) => compareText(a.name, b.name)).map(normalTable)
  };
  return `${formatJson(document, "", 0)}
`;
}
function parseSchemaSnapshotFile(text, path) {
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`schema snapshot file '${path}' is not JSON (${error.message}); rewrite it with 'retort test --update'`);
  }
  const bad = (what) => new ConfigError(`schema snapshot file '${path}': ${what}; rewrite it with 'retort test --update'`);
  if (typeof document !== "object" || document === null || Array.isArray(document))
    throw bad("expected an object");
  const d = document;
  if (d["format"] !== SCHEMA_SNAPSHOT_FORMAT)
    throw bad(`'format' is ${JSON.stringify(d["format"])}, expected '${SCHEMA_SNAPSHOT_FORMAT}'`);
  if (typeof d["dialect"] !== "string")
    throw bad("'dialect' must be a string");
  const heads = d["heads"];
  if (!Array.isArray(heads) || heads.some((h) => typeof h !== "string"))
    throw bad("'heads' must be a list of revision ids");
  const tables = d["tables"];
  if (!Array.isArray(tables))
    throw bad("'tables' must be a list");
  tables.forEach((table, i) => {
    const t = table;
    if (typeof t !== "object" || t === null || typeof t["name"] !== "string" || !Array.isArray(t["columns"]) || !Array.isArray(t["indexes"])) {
      throw bad(`table ${i + 1} must have a name, columns and indexes`);
    }
  });
  return Object.freeze({
    dialect: d["dialect"],
    heads: Object.freeze([...heads]),
    snapshot: Object.freeze({ tables: Object.freeze(tables) })
  });
}
function normalTable(table) {
  return omitUndefined({
    name: table.name,
    columns: table.columns.map(normalColumn),
    indexes: [...table.indexes].sort((a, b) => compareText(a.name, b.name)).map(normalIndex),
    foreignKeys: table.foreignKeys === void 0 ? void 0 : table.foreignKeys.map(normalForeignKey).sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b))),
    checks: table.checks === void 0 ? void 0 : table.checks.map((c) => omitUndefined({ name: c.name, expression: c.expression })).sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b))),
    comment: table.comment
  });
}
function normalColumn(column) {
  return omitUndefined({
    name: column.name,
    type: column.type,
    nullable: column.nullable,
    defaultSql: column.defaultSql,
    primaryKey: column.primaryKey,
    autoincrement: column.autoincrement,
    comment: column.comment
  });
}
function normalIndex(index) {
  return omitUndefined({
    name: index.name,
    columns: [...index.columns],
    unique: index.unique,
    constraint: index.constraint,
    where: index.where
  });
}
function normalForeignKey(key) {
  return omitUndefined({
    name: key.name,
    columns: [...key.columns],
    // The referenced schema is left out: on PostgreSQL it is the scratch schema's random name.
    references: { table: key.references.table, columns: [...key.references.columns] },
    onDelete: key.onDelete,
    onUpdate: key.onUpdate
  });
}
function omitUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var LINE_WIDTH = 100;
function formatJson(value, indent, keyWidth) {
  const flat = flatJson(value);
  if (typeof value !== "object" || value === null)
    return flat;
  if (indent.length + keyWidth + flat.length <= LINE_WIDTH || isRecord(value, 2))
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0)
      return "[]";
    return `[
${value.map((item) => `${inner}${formatJson(item, inner, 0)}`).join(",\n")}
${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0)
    return "{}";
  return `{
${entries.map(([key, item]) => {
    const label = `${JSON.stringify(key)}: `;
    return `${inner}${label}${formatJson(item, inner, label.length)}`;
  }).join(",\n")}
${indent}}`;
}
function isRecord(value, depth) {
  if (typeof value !== "object" || value === null || Array.isArray(value) || depth === 0)
    return false;
  return Object.values(value).every((v) => typeof v !== "object" || v === null || (Array.isArray(v) ? v.every((x) => typeof x !== "object" || x === null) : isRecord(v, depth - 1)));
}
function flatJson(value) {
  if (Array.isArray(value))
    return `[${value.map(flatJson).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0)
      return "{}";
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flatJson(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

// ../core/dist/testing/schema-matches.js
async function schemaMatchesOf(expected, prepared) {
  const dialect = await scratchDialect(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect
  });
  const result = typeof expected === "object" && "snapshotFile" in expected ? await againstSnapshot(expected.snapshotFile, expected.update === true, prepared, dialect) : await againstDeclared(expected, prepared, dialect);
  prepared.onProgress({ check: "schema", index: 1, total: 1, findings: result.findings });
  return result;
}
function defaultSnapshotFile(prepared, dialect) {
  const directory = prepared.config.directory ?? dirname(prepared.config.scriptLocation);
  return resolve(directory, snapshotFileName(dialect));
}
async function againstSnapshot(file, update, prepared, dialect) {
  const path = snapshotPath(file, prepared);
  const shown2 = shownPath(path, prepared);
  const replayed = await replaySchema(dialect, prepared.loaded, {
    versionTable: prepared.versionTable,
    cache: false
  });
  const actual = withoutIgnored(replayed.snapshot, ignorePatterns(prepared.config));
  const heads = prepared.loaded.map.heads;
  const base = { check: "schema", dialect: dialect.name, snapshotFile: path };
  if (update) {
    const text2 = formatSchemaSnapshotFile({ dialect: dialect.name, heads, snapshot: actual });
    const old = readText(path);
    if (old !== text2) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text2);
    }
    return Object.freeze({
      ...base,
      ok: true,
      findings: Object.freeze([]),
      updated: old !== text2,
      summary: `${old === void 0 ? "wrote" : old === text2 ? "kept" : "rewrote"} the snapshot '${shown2}' (${actual.tables.length} table${actual.tables.length === 1 ? "" : "s"}, ${dialect.name})`
    });
  }
  const text = readText(path);
  if (text === void 0) {
    return failed(base, `snapshot '${shown2}' does not exist`, [
      `the schema snapshot file '${shown2}' does not exist; write it with 'retort test --update' (schemaMatches with update: true) and commit it`
    ]);
  }
  const expected = parseSchemaSnapshotFile(text, path);
  if (expected.dialect !== dialect.name) {
    return failed(base, `snapshot '${shown2}' is of another dialect`, [
      `the schema snapshot file '${shown2}' was written on ${expected.dialect}, and this run uses ${dialect.name}; keep one file per dialect (retort-schema.${dialect.name}.json) and write it with 'retort test --update'`
    ]);
  }
  const changes = compareSnapshots(expected.snapshot, actual);
  const findings = changes.map((change2) => snapshotFinding(change2, shown2));
  return Object.freeze({
    ...base,
    ok: findings.length === 0,
    findings: Object.freeze(findings),
    summary: findings.length === 0 ? `the revisions make the schema of '${shown2}' on ${prepared.where}` : `the revisions do not make the schema of '${shown2}' on ${prepared.where}; if the change is intended, rewrite it with 'retort test --update' and review the diff`
  });
}
async function againstDeclared(expected, prepared, dialect) {
  let declaredSchema;
  let schemaFile;
  if (expected === "declared") {
    schemaFile = declaredSchemaPath(prepared.config);
    if (schemaFile === void 0) {
      throw new ConfigError(`no declared schema: set 'schema' in ${prepared.config.path ?? "the config"} to the schema file (schema: src/db/schema.ts), or compare with a snapshot file`);
    }
  } else if (typeof expected.declaredSchema === "string" || expected.declaredSchema instanceof URL) {
    schemaFile = snapshotPath(expected.declaredSchema, prepared);
    declaredSchema = await loadDeclaredSchema(schemaFile);
  } else {
    declaredSchema = expected.declaredSchema;
  }
  const comparisons = await compareDeclaredSchemas(prepared.config, {
    dialect,
    revisions: prepared.loaded,
    cache: false,
    ...declaredSchema === void 0 ? {} : { declaredSchema }
  }, prepared.loaded);
  const findings = comparisons.flatMap((comparison) => comparison.differences.map((difference) => Object.freeze({ check: "schema", message: difference.message })));
  const shown2 = schemaFile === void 0 ? "the declared schema" : `'${shownPath(schemaFile, prepared)}'`;
  return Object.freeze({
    check: "schema",
    dialect: dialect.name,
    ...schemaFile === void 0 ? {} : { declaredSchema: schemaFile },
    ok: findings.length === 0,
    findings: Object.freeze(findings),
    summary: findings.length === 0 ? `the revisions make the declared schema ${shown2} on ${prepared.where}: autogenerate finds nothing to do` : `the revisions do not make the declared schema ${shown2} on ${prepared.where}; write the missing revision with 'retort revision --autogenerate -m "..."'`
  });
}
function failed(base, summary, messages) {
  return Object.freeze({
    ...base,
    ok: false,
    summary,
    findings: Object.freeze(messages.map((message) => Object.freeze({ check: "schema", message })))
  });
}
function snapshotFinding(change2, shown2) {
  const message = change2.change === "added" ? `the revisions make ${change2.description}, which the snapshot '${shown2}' does not have` : change2.change === "removed" ? `${change2.description} is in the snapshot '${shown2}' but the revisions do not make it` : `${change2.description} differs from the snapshot '${shown2}': ${change2.aspects.map((a) => `${a.aspect} ${a.before} in the snapshot, ${a.after} made by the revisions`).join("; ")}`;
  return Object.freeze({
    check: "schema",
    message,
    object: Object.freeze({
      kind: change2.kind,
      name: change2.name,
      ...change2.table === void 0 ? {} : { table: change2.table }
    })
  });
}
function snapshotPath(file, prepared) {
  const path = file instanceof URL ? fileURLToPath2(file) : file;
  if (isAbsolute2(path))
    return path;
  const directory = prepared.config.directory;
  if (directory === void 0) {
    throw new ConfigError(`the file '${path}' is relative and there is no config file to resolve it against; pass an absolute path or a URL`);
  }
  return resolve(directory, path);
}
function shownPath(path, prepared) {
  const directory = prepared.config.directory;
  if (directory === void 0)
    return path;
  const rel = relative(directory, path);
  return rel === "" || rel.startsWith("..") || isAbsolute2(rel) ? path : rel;
}
function readText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT")
      return void 0;
    throw error;
  }
}

// ../core/dist/testing/single-head.js
function singleHeadOf(prepared) {
  const { map } = prepared.loaded;
  const heads = map.effectiveHeads;
  const described = heads.map((id) => {
    const message = map.get(id)?.message ?? "";
    return `'${id}'${message === "" ? "" : ` (${message})`}`;
  });
  const ok = heads.length <= 1;
  prepared.onProgress({ check: "single-head", index: 1, total: 1, findings: [] });
  return Object.freeze({
    check: "single-head",
    ok,
    summary: heads.length === 0 ? "no revisions" : ok ? `one head (${heads[0]})` : `${heads.length} heads`,
    findings: ok ? Object.freeze([]) : Object.freeze([
      Object.freeze({
        check: "single-head",
        message: `the revision graph has ${heads.length} heads: ${described.join(", ")}; merge them with 'retort merge -m "merge" heads'`
      })
    ]),
    heads: Object.freeze([...heads])
  });
}

// ../core/dist/testing/stairway.js
async function stairwayOf(prepared) {
  const { loaded, versionTable } = prepared;
  const order = loaded.map.topologicalOrder;
  const findings = [];
  const scratch = await openScratchDatabase(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect
  });
  let stepped = 0;
  let stoppedAt;
  try {
    const runOptions = {
      versionTable: { name: versionTable, schema: scratch.schema },
      transactionMode: DEFAULT_TRANSACTION_MODE,
      lockTimeoutMs: DEFAULT_LOCK_TIMEOUT,
      logger: silentLogger
    };
    const run = (action2) => runOnline(scratch.dialect, loaded.source, loaded.map, action2, runOptions);
    const read = () => readScratchSchema(scratch, { versionTable });
    let before = await read();
    for (const id of order) {
      const revision = loaded.map.get(id);
      const found = [];
      const step2 = await stepRevision(revision, before, run, read, found);
      findings.push(...found);
      stepped += 1;
      prepared.onProgress({
        check: "stairway",
        revision,
        index: stepped,
        total: order.length,
        findings: found
      });
      if (step2 === void 0) {
        stoppedAt = id;
        break;
      }
      before = step2;
    }
  } finally {
    await scratch.dispose();
  }
  const where = `on ${prepared.where}`;
  const summary = stoppedAt === void 0 ? `${order.length} revision${order.length === 1 ? "" : "s"} up, down and up again ${where}` : stepped === order.length ? `${order.length} revision${order.length === 1 ? "" : "s"} stepped ${where}; the last one failed` : `stopped at ${stoppedAt} after ${stepped} of ${order.length} revisions ${where}; the other ${order.length - stepped} were not stepped`;
  return Object.freeze({
    check: "stairway",
    ok: findings.length === 0,
    summary,
    findings: Object.freeze(findings),
    dialect: scratch.dialect.name,
    revisions: stepped
  });
}
async function stepRevision(revision, before, run, read, found) {
  const up = { kind: "upgrade", target: revisionsTarget([revision.id]) };
  const down = {
    kind: "downgrade",
    target: relativeDownTarget(revision.downRevisions, [revision.id])
  };
  const failed2 = (operation, error) => found.push(finding(revision, operation, `${operationText(operation, revision)} failed: ${reason(error)}`));
  try {
    await run(up);
  } catch (error) {
    failed2("upgrade", error);
    return void 0;
  }
  const after = await read();
  try {
    await run(down);
  } catch (error) {
    failed2("downgrade", error);
    return void 0;
  }
  const downgraded = await read();
  for (const change2 of compareSnapshots(before, downgraded)) {
    found.push(finding(revision, "downgrade", `${operationText("downgrade", revision)} ${downgradeWords(change2)}${implicitIndexHint(change2, after)}`, change2));
  }
  try {
    await run(up);
  } catch (error) {
    if (found.length === 0)
      failed2("upgrade again", error);
    else
      found.push(finding(revision, "upgrade again", `${operationText("upgrade again", revision)} failed, as the downgrade left the schema different: ${reason(error)}`));
    return void 0;
  }
  const again = await read();
  for (const change2 of compareSnapshots(after, again)) {
    found.push(finding(revision, "upgrade again", `${operationText("upgrade again", revision)} ${againWords(change2)}`, change2));
  }
  return again;
}
function finding(revision, operation, message, change2) {
  return Object.freeze({
    check: "stairway",
    message,
    revision: revision.id,
    ...revision.path === void 0 ? {} : { path: revision.path },
    operation,
    ...change2 === void 0 ? {} : {
      object: Object.freeze({
        kind: change2.kind,
        name: change2.name,
        ...change2.table === void 0 ? {} : { table: change2.table }
      })
    }
  });
}
function operationText(operation, revision) {
  const name = `${revision.id}${revision.message === "" ? "" : ` ('${revision.message}')`}`;
  return operation === "upgrade again" ? `upgrade of ${name} after its downgrade` : `${operation} of ${name}`;
}
function downgradeWords(change2) {
  switch (change2.change) {
    case "added":
      return `leaves ${change2.description}`;
    case "removed":
      return `removes ${change2.description}, which was there before the upgrade`;
    case "changed":
      return `leaves ${change2.description} changed: ${aspectsText(change2, "before the upgrade", "after the downgrade")}`;
  }
}
function implicitIndexHint(change2, upgraded) {
  if (change2.kind !== "index" || change2.change !== "added")
    return "";
  const table = upgraded.tables.find((t) => t.name === change2.table);
  const index = table?.indexes.find((i) => i.name === change2.name);
  if (index === void 0 || index.constraint !== true || index.unique)
    return "";
  return ` (the database made it for a foreign key and keeps it when the key is dropped: create an index on (${index.columns.join(", ")}) before the key and drop it after the key)`;
}
function againWords(change2) {
  switch (change2.change) {
    case "added":
      return `makes ${change2.description}, which the first upgrade did not`;
    case "removed":
      return `does not make ${change2.description}, which the first upgrade made`;
    case "changed":
      return `makes ${change2.description} differently: ${aspectsText(change2, "the first time", "the second time")}`;
  }
}
function aspectsText(change2, before, after) {
  return change2.aspects.map((a) => `${a.aspect} ${a.before} ${before}, ${a.after} ${after}`).join("; ");
}
function reason(error) {
  const oneLine = (text) => text.replace(/\s+/g, " ").trim();
  if (error instanceof MigrationError) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return `${oneLine(cause)}${error.statement === void 0 ? "" : ` (at \`${oneLine(error.statement)}\`)`}`;
  }
  return oneLine(error instanceof Error ? error.message : String(error));
}

// ../core/dist/testing/run-migration-tests.js
async function runMigrationTests(options) {
  const { only, expected, snapshotFile, update, onResult, ...harness } = options;
  const selected = selectedChecks(only);
  if (expected !== void 0 && (snapshotFile !== void 0 || update === true)) {
    throw new ConfigError(`the test harness was given both expected and snapshotFile/update; pass one of them`);
  }
  const prepared = await prepareHarness(harness, [
    "only",
    "expected",
    "snapshotFile",
    "update",
    "onResult"
  ]);
  const results = [];
  const checks = {
    push(result) {
      results.push(result);
      onResult?.(result);
    }
  };
  const skip = (check, why) => checks.push(Object.freeze({ check, ok: true, skipped: why, summary: `skipped: ${why}`, findings: [] }));
  let bodiesFailed = false;
  for (const check of HARNESS_CHECKS) {
    if (!selected.includes(check))
      continue;
    switch (check) {
      case "bodies": {
        const result = await bodiesLoadOf(prepared);
        bodiesFailed = !result.ok;
        checks.push(result);
        break;
      }
      case "single-head":
        checks.push(singleHeadOf(prepared));
        break;
      case "stairway":
        if (bodiesFailed)
          skip(check, "a revision body does not load (see bodies)");
        else
          checks.push(await stairwayOf(prepared));
        break;
      case "schema": {
        if (bodiesFailed) {
          skip(check, "a revision body does not load (see bodies)");
          break;
        }
        const chosen = expected === void 0 ? await defaultExpected(prepared, snapshotFile, update === true, only !== void 0) : { expected };
        if ("skip" in chosen)
          skip(check, chosen.skip);
        else
          checks.push(await schemaMatchesOf(chosen.expected, prepared));
        break;
      }
      default:
        check;
    }
  }
  return Object.freeze({
    ok: results.every((c) => c.ok),
    where: prepared.where,
    checks: Object.freeze(results)
  });
}
function selectedChecks(only) {
  if (only === void 0)
    return HARNESS_CHECKS;
  if (only.length === 0) {
    throw new ConfigError(`the list of checks to run is empty; name some of ${HARNESS_CHECKS.join(", ")}`);
  }
  for (const name of only) {
    if (HARNESS_CHECKS.includes(name))
      continue;
    const near = nearestName(name, HARNESS_CHECKS);
    throw new ConfigError(`unknown check '${name}'${near === void 0 ? "" : ` (did you mean '${near}'?)`}; the checks are ${HARNESS_CHECKS.join(", ")}`);
  }
  return HARNESS_CHECKS.filter((check) => only.includes(check));
}
async function defaultExpected(prepared, snapshotFile, update, named) {
  if (snapshotFile !== void 0)
    return { expected: { snapshotFile, update } };
  const dialect = await scratchDialect(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect
  });
  const file = defaultSnapshotFile(prepared, dialect.name);
  if (update || existsSync(file))
    return { expected: { snapshotFile: file, update } };
  if (declaredSchemaPath(prepared.config) !== void 0)
    return { expected: "declared" };
  if (named)
    return { expected: { snapshotFile: file, update: false } };
  return {
    skip: `no declared schema ('schema:' in the config) and no snapshot file ${snapshotFileName(dialect.name)} next to it; write one with 'retort test --update'`
  };
}

// dist/commands/test.js
function registerTest(program, kit) {
  program.command("test").description("test the revisions on a scratch database: every body loads, one head, each revision up, down and up again leaves the same schema, and the revisions make the expected schema").option("--url <url>", "the kind of database to test on (a scratch schema or database is made there and dropped); default: SQLite in memory").option("--only <checks>", `run only these checks, comma-separated (${HARNESS_CHECKS.join(", ")})`).option("--snapshot <file>", "the schema snapshot file to compare with (default: retort-schema.<dialect>.json next to the config)").option("--update", "rewrite the schema snapshot file from the revisions instead of comparing").action(action(kit, async (ctx, _args, flags) => {
    const only = flags.only === void 0 ? void 0 : parseOnly(flags.only);
    const config = await ctx.loadConfig();
    const secrets = flags.url === void 0 ? [] : urlSecrets(flags.url);
    const mask = (text) => maskSecrets(text, secrets);
    const progress = new ProgressPrinter(ctx, mask);
    const report = await runMigrationTests({
      config,
      ...flags.url === void 0 ? {} : { url: flags.url },
      ...only === void 0 ? {} : { only },
      ...flags.snapshot === void 0 ? {} : { snapshotFile: flags.snapshot },
      ...flags.update ? { update: true } : {},
      // The one rule for dialect packages (the project's, else the CLI's own).
      resolveDialect: (url) => dialectForUrl(url, {
        baseDir: config.directory,
        packages: CLI_DIALECT_PACKAGES,
        setting: "--url"
      }),
      onProgress: ctx.json ? void 0 : (event) => progress.event(event),
      onResult: ctx.json ? void 0 : (result) => progress.result(result)
    }).catch((error) => {
      if (error instanceof Error) {
        error.message = mask(error.message);
        if (error.stack !== void 0)
          error.stack = mask(error.stack);
      }
      throw error;
    });
    if (ctx.json) {
      ctx.printJson(JSON.parse(mask(JSON.stringify(report))));
    } else {
      const failed2 = report.checks.filter((c) => !c.ok);
      if (report.ok) {
        const ran = report.checks.filter((c) => c.skipped === void 0);
        ctx.out(`${ctx.colors.green("\u2713")} ${ran.length} check${ran.length === 1 ? "" : "s"} passed on ${mask(printableText(report.where))}: ${ran.map((c) => c.check).join(", ") || "none"}`);
      } else {
        const problems = failed2.reduce((n, c) => n + c.findings.length, 0);
        ctx.err(`${ctx.errColors.red(ctx.errColors.bold("error:"))} retort test found ${problems} problem${problems === 1 ? "" : "s"} (${failed2.map((c) => c.check).join(", ")}) on ${mask(printableText(report.where))}; fix the revisions and run 'retort test' again`);
      }
    }
    return report.ok ? void 0 : EXIT_ERROR;
  }));
}
function parseOnly(value) {
  const names = value.split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (names.length === 0) {
    throw new UsageError(`--only needs at least one check: ${HARNESS_CHECKS.join(", ")}`);
  }
  for (const name of names) {
    if (HARNESS_CHECKS.includes(name))
      continue;
    const near = nearestName(name, HARNESS_CHECKS);
    throw new UsageError(`--only: unknown check '${name}'${near === void 0 ? "" : ` (did you mean '${near}'?)`}; the checks are ${HARNESS_CHECKS.join(", ")}`);
  }
  return names;
}
var ProgressPrinter = class {
  #ctx;
  #mask;
  #stairwayStarted = false;
  constructor(ctx, mask) {
    this.#ctx = ctx;
    this.#mask = mask;
  }
  #line(text) {
    this.#ctx.out(this.#mask(text));
  }
  event(event) {
    if (event.check !== "stairway" || event.revision === void 0)
      return;
    const c = this.#ctx.colors;
    if (!this.#stairwayStarted) {
      this.#stairwayStarted = true;
      this.#line(`stairway: each revision up, down and up again`);
    }
    const width = String(event.total).length;
    const mark = event.findings.length === 0 ? c.green("\u2713") : c.red("\u2717");
    const message = event.revision.message === "" ? "" : ` ${printableText(event.revision.message)}`;
    this.#line(`  ${mark} ${String(event.index).padStart(width)}/${event.total} ${c.yellow(printableText(event.revision.id))}${message}`);
    for (const finding2 of event.findings)
      this.#line(`      ${printableText(finding2.message)}`);
  }
  result(check) {
    const c = this.#ctx.colors;
    const mark = check.skipped !== void 0 ? c.dim("-") : check.ok ? c.green("\u2713") : c.red("\u2717");
    this.#line(`${mark} ${check.check}: ${printableText(this.#summary(check))}`);
    if (check.check !== "stairway" || !this.#stairwayStarted) {
      for (const finding2 of check.findings)
        this.#line(`    ${printableText(finding2.message)}`);
    }
  }
  #summary(check) {
    if (check.updated === void 0 || check.snapshotFile === void 0)
      return check.summary;
    const shown2 = relative2(this.#ctx.io.cwd, check.snapshotFile) || check.snapshotFile;
    return `${check.summary}${check.updated ? `; review it with 'git diff ${shown2}'` : ""}`;
  }
};
export {
  registerTest
};
