import {
  readYamlHeader
} from "./chunk-MCQS4ULU.js";
import {
  revisionInfo
} from "./chunk-A32KQ27Z.js";
import {
  REVISION_ID_PATTERN,
  RevisionMap,
  ScriptDirectory,
  createRevision,
  readScriptHeader
} from "./chunk-MILIBH32.js";
import {
  IrreversibleOperationError,
  reverseOperations
} from "./chunk-RMQOVVDU.js";
import {
  require_dist
} from "./chunk-M76B4A3W.js";
import {
  findControlCharacter,
  printableText
} from "./chunk-GIXIUV57.js";
import {
  REVISION_FORMATS,
  require_shell_quote
} from "./chunk-EPNWZYBP.js";
import {
  ConfigError,
  InvalidRevisionIdError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/script/header-reader.js
function readHeader(text, path) {
  if (path.endsWith(".yaml") || path.endsWith(".yml"))
    return readYamlHeader(text, path);
  return readScriptHeader(text, path, path.endsWith(".js") || path.endsWith(".cjs"));
}

// ../core/dist/commands/generate-revision-id.js
import { randomBytes } from "node:crypto";
function generateRevisionId(taken) {
  for (; ; ) {
    const id = randomBytes(6).toString("hex");
    if (taken === void 0 || !taken.has(id))
      return id;
  }
}

// ../core/dist/commands/render-operations.js
var import_yaml = __toESM(require_dist(), 1);

// ../core/dist/commands/operation-builder-call.js
function operationBuilderCall(operation) {
  const call = (positional, options = {}) => ({ method: operation.kind, positional, options: defined(options) });
  switch (operation.kind) {
    case "createTable":
      return call([
        ["name", operation.name],
        ["columns", operation.columns.map(columnSpec)]
      ], {
        schema: operation.schema,
        ifNotExists: operation.ifNotExists || void 0,
        comment: operation.comment,
        ...constraintOptions(operation.constraints)
      });
    case "dropTable":
      return call([["name", operation.name]], {
        schema: operation.schema,
        ifExists: operation.ifExists || void 0,
        definition: operation.definition && tableDefinitionInput(operation.definition)
      });
    case "renameTable":
      return call([
        ["from", operation.from],
        ["to", operation.to]
      ], { schema: operation.schema });
    case "addColumn":
      return call([
        ["table", operation.table],
        ["column", columnSpec(operation.column)]
      ], {
        schema: operation.schema,
        tableDefinition: existingInput(operation.tableDefinition)
      });
    case "dropColumn": {
      const definition = operation.definition === void 0 ? void 0 : withoutName(columnSpec(operation.definition));
      return call([
        ["table", operation.table],
        ["name", operation.name]
      ], {
        schema: operation.schema,
        definition,
        tableDefinition: existingInput(operation.tableDefinition)
      });
    }
    case "alterColumn":
      return call([
        ["table", operation.table],
        ["name", operation.name]
      ], {
        schema: operation.schema,
        ...operation.type === void 0 ? {} : typeSpec(operation.type),
        nullable: operation.nullable,
        default: operation.default,
        defaultSql: operation.defaultSql,
        newName: operation.newName,
        comment: operation.comment,
        existingType: existingType(operation.existingType),
        existingNullable: operation.existingNullable,
        existingDefault: operation.existingDefault,
        existingDefaultSql: operation.existingDefaultSql,
        existingComment: operation.existingComment,
        tableDefinition: existingInput(operation.tableDefinition)
      });
    case "createUniqueConstraint":
    case "createPrimaryKey":
      return call([
        ["name", operation.name],
        ["table", operation.table],
        ["columns", operation.columns]
      ], { schema: operation.schema, tableDefinition: existingInput(operation.tableDefinition) });
    case "createForeignKey":
      return call([
        ["name", operation.name],
        ["table", operation.table],
        ["referencedTable", operation.references.table],
        ["columns", operation.columns],
        ["referencedColumns", operation.references.columns]
      ], {
        schema: operation.schema,
        referencedSchema: operation.references.schema,
        onDelete: operation.references.onDelete,
        onUpdate: operation.references.onUpdate,
        deferrable: operation.deferrable,
        initially: operation.initially,
        tableDefinition: existingInput(operation.tableDefinition)
      });
    case "createCheckConstraint":
      return call([
        ["name", operation.name],
        ["table", operation.table],
        ["expression", operation.expression]
      ], { schema: operation.schema, tableDefinition: existingInput(operation.tableDefinition) });
    case "dropConstraint": {
      const d = operation.definition;
      const definition = d === void 0 ? void 0 : defined({
        columns: d.kind === "check" ? void 0 : d.columns,
        references: d.kind === "foreignKey" ? defined({ ...d.references }) : void 0,
        deferrable: d.kind === "foreignKey" ? d.deferrable : void 0,
        initially: d.kind === "foreignKey" ? d.initially : void 0,
        expression: d.kind === "check" ? d.expression : void 0
      });
      return call([
        ["name", operation.name],
        ["table", operation.table]
      ], {
        schema: operation.schema,
        type: operation.type,
        definition,
        tableDefinition: existingInput(operation.tableDefinition)
      });
    }
    case "createTableComment":
      return call([
        ["table", operation.table],
        ["comment", operation.comment]
      ], {
        schema: operation.schema,
        existingComment: operation.existingComment
      });
    case "dropTableComment":
      return call([["table", operation.table]], {
        schema: operation.schema,
        existingComment: operation.existingComment
      });
    case "createIndex":
      return call([
        ["name", operation.name],
        ["table", operation.table],
        ["columns", operation.columns]
      ], {
        schema: operation.schema,
        unique: operation.unique || void 0,
        where: operation.where,
        ifNotExists: operation.ifNotExists || void 0
      });
    case "dropIndex":
      return call([["name", operation.name]], {
        table: operation.table,
        schema: operation.schema,
        ifExists: operation.ifExists || void 0,
        definition: operation.definition === void 0 ? void 0 : defined({
          columns: operation.definition.columns,
          unique: operation.definition.unique || void 0,
          where: operation.definition.where
        })
      });
    case "execute":
      return call([
        ["sql", operation.sql],
        ["parameters", operation.parameters]
      ], {
        reverse: operation.reverseStatement && { ...operation.reverseStatement }
      });
    case "bulkInsert":
      return call([
        ["table", operation.table],
        [
          "rows",
          operation.rows.map((row) => Object.fromEntries(operation.columns.map((column, i) => [column, row[i] ?? null])))
        ]
      ], { schema: operation.schema });
    default: {
      const _never = operation;
      throw new Error(`unknown operation kind '${_never.kind}'`);
    }
  }
}
function columnSpec(column) {
  return defined({
    ...column,
    nullable: column.nullable === !column.primaryKey ? void 0 : column.nullable,
    primaryKey: column.primaryKey || void 0,
    autoincrement: column.autoincrement || void 0,
    unique: column.unique || void 0,
    references: column.references && defined({ ...column.references })
  });
}
function withoutName(spec) {
  const { name: _name, ...rest } = spec;
  return rest;
}
function typeSpec(spec) {
  return defined({ ...spec });
}
function existingType(spec) {
  if (spec === void 0)
    return void 0;
  return Object.keys(spec).length === 1 ? spec.type : typeSpec(spec);
}
function tableDefinitionInput(definition) {
  return defined({
    columns: definition.columns.map(columnSpec),
    comment: definition.comment,
    ...constraintOptions(definition.constraints)
  });
}
function existingInput(definition) {
  if (definition === void 0)
    return void 0;
  return defined({
    ...tableDefinitionInput(definition),
    indexes: definition.indexes.map((index) => defined({
      name: index.name,
      columns: index.columns,
      unique: index.unique || void 0,
      where: index.where
    }))
  });
}
function constraintOptions(constraints) {
  const named = (name, columns) => name === void 0 ? columns : { name, columns };
  const unique = [];
  const foreignKeys = [];
  const checks = [];
  let primaryKey;
  for (const constraint of constraints) {
    switch (constraint.kind) {
      case "primaryKey":
        primaryKey = named(constraint.name, constraint.columns);
        break;
      case "unique":
        unique.push(named(constraint.name, constraint.columns));
        break;
      case "foreignKey":
        foreignKeys.push(defined({
          name: constraint.name,
          columns: constraint.columns,
          references: defined({ ...constraint.references }),
          deferrable: constraint.deferrable,
          initially: constraint.initially
        }));
        break;
      case "check":
        checks.push(constraint.name === void 0 ? constraint.expression : { name: constraint.name, expression: constraint.expression });
        break;
      default: {
        const _never = constraint;
        throw new Error(`unknown constraint kind '${_never.kind}'`);
      }
    }
  }
  return defined({
    primaryKey,
    unique: unique.length > 0 ? unique : void 0,
    foreignKeys: foreignKeys.length > 0 ? foreignKeys : void 0,
    checks: checks.length > 0 ? checks : void 0
  });
}
function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== void 0));
}

// ../core/dist/commands/render-operations.js
function renderOperationsScript(operations) {
  const lines = [];
  for (const operation of operations) {
    const call = operationBuilderCall(operation);
    const args = call.positional.map(([, value]) => value);
    if (Object.keys(call.options).length > 0)
      args.push(call.options);
    const inline = `op.${call.method}(${args.map((arg) => jsLiteral(arg, "", false)).join(", ")})`;
    if (inline.length <= MAX_WIDTH) {
      lines.push(inline);
      continue;
    }
    lines.push(`op.${call.method}(${args.map((arg) => jsLiteral(arg, "", true)).join(", ")})`);
  }
  return lines.flatMap((line) => line.split("\n"));
}
function renderOperationsYaml(operations) {
  const items = operations.map((operation) => {
    const call = operationBuilderCall(operation);
    return { [call.method]: { ...Object.fromEntries(call.positional), ...call.options } };
  });
  for (const item of items)
    checkYamlValue(item);
  const document = (0, import_yaml.parseDocument)((0, import_yaml.stringify)(items, { lineWidth: 0 }));
  const leaf = (node) => (0, import_yaml.isMap)(node) ? node.items.every((pair) => !(0, import_yaml.isMap)(pair.value) && !(0, import_yaml.isSeq)(pair.value)) : (0, import_yaml.isSeq)(node) && node.items.every((item) => !(0, import_yaml.isMap)(item) && !(0, import_yaml.isSeq)(item));
  (0, import_yaml.visit)(document, {
    Map(_key, node) {
      const column = node.has("name") && node.has("type");
      if (leaf(node) || column && node.items.every((pair) => !(0, import_yaml.isMap)(pair.value) || leaf(pair.value))) {
        node.flow = true;
      }
    },
    Seq(_key, node) {
      if (leaf(node))
        node.flow = true;
    }
  });
  return document.toString({ lineWidth: 0 });
}
var MAX_WIDTH = 98;
function checkYamlValue(value) {
  if (typeof value === "bigint" || value instanceof Date || value instanceof Uint8Array) {
    throw new TypeError(`a ${value instanceof Date ? "Date" : typeof value === "bigint" ? "bigint" : "binary"} value cannot be written to a YAML revision; use --format ts`);
  }
  if (Array.isArray(value))
    value.forEach(checkYamlValue);
  else if (typeof value === "object" && value !== null)
    Object.values(value).forEach(checkYamlValue);
}
function jsLiteral(value, indent, multiline) {
  if (value === null)
    return "null";
  if (value === void 0)
    return "undefined";
  if (typeof value === "string")
    return jsString(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (typeof value === "bigint")
    return `${value}n`;
  if (value instanceof Date)
    return `new Date(${jsString(value.toISOString())})`;
  if (value instanceof Uint8Array) {
    return `Uint8Array.from([${Array.from(value).join(", ")}])`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const inline2 = `[${value.map((item) => jsLiteral(item, inner, false)).join(", ")}]`;
    if (!multiline || indent.length + inline2.length <= MAX_WIDTH || value.length === 0)
      return inline2;
    return `[
${value.map((item) => `${inner}${jsLiteral(item, inner, true)},`).join("\n")}
${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0)
    return "{}";
  const inline = `{ ${entries.map(([key, item]) => `${jsKey(key)}: ${jsLiteral(item, inner, false)}`).join(", ")} }`;
  if (!multiline || indent.length + inline.length <= MAX_WIDTH)
    return inline;
  return `{
${entries.map(([key, item]) => `${inner}${jsKey(key)}: ${jsLiteral(item, inner, true)},`).join("\n")}
${indent}}`;
}
function jsKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : jsString(key);
}
function jsString(text) {
  if (text.includes("'") && !/["\\\r\n\u2028\u2029]/.test(text))
    return `"${text}"`;
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\r/g, "\\r").replace(/\n/g, "\\n").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}'`;
}

// ../core/dist/commands/render-revision-file.js
function renderRevisionFile(header, format, options = {}) {
  return format === "yaml" ? renderYaml(header, options) : renderScript(header, format === "ts", options);
}
function renderScript(header, typed, options) {
  const lines = [];
  if (typed)
    lines.push("import type { Operations } from '@retort/core'", "");
  lines.push("/**", ` * ${commentText(header.message || "(no message)")}`);
  if (options.created !== void 0)
    lines.push(" *", ` * Created: ${options.created}`);
  lines.push(" */");
  lines.push(`export const revision = ${jsString2(header.revision)}`);
  lines.push(`export const downRevision = ${jsIds(header.downRevisions, true)}`);
  if (header.branchLabels.length > 0)
    lines.push(`export const branchLabels = ${jsIds(header.branchLabels, false)}`);
  if (header.dependsOn.length > 0)
    lines.push(`export const dependsOn = ${jsIds(header.dependsOn, false)}`);
  lines.push(`export const message = ${jsString2(header.message)}`, "");
  const param = typed ? "op: Operations" : "op";
  const doc = typed ? [] : ["/** @param {import('@retort/core').Operations} op */"];
  const body = scriptBody(options);
  lines.push(...doc, `export async function upgrade(${param}) {`, ...body.upgrade, "}", "");
  lines.push(...doc, `export async function downgrade(${param}) {`, ...body.downgrade, "}", "");
  return lines.join("\n");
}
function scriptBody(options) {
  const operations = options.operations ?? [];
  const notes = (options.notes ?? []).map((note) => `// ${commentText(note)}`);
  if (operations.length === 0 && notes.length === 0)
    return { upgrade: [], downgrade: [] };
  const indent = (line) => line === "" ? line : `  ${line}`;
  const upgrade = [...notes, ...renderOperationsScript(operations)].map(indent);
  let downgrade;
  try {
    downgrade = renderOperationsScript(reverseOperations(operations));
  } catch (error) {
    if (!(error instanceof IrreversibleOperationError))
      throw error;
    downgrade = [
      `// Not written: upgrade operation ${(error.index ?? 0) + 1} cannot be reversed automatically (${commentText(error.message)}).`,
      `throw new Error(${jsString2("this revision cannot be downgraded automatically; write its downgrade() first")})`
    ];
  }
  return { upgrade, downgrade: downgrade.map(indent) };
}
function renderYaml(header, options) {
  const lines = [];
  lines.push(`# ${commentText(header.message || "(no message)")}`);
  if (options.created !== void 0)
    lines.push(`# Created: ${options.created}`);
  lines.push(`revision: ${yamlId(header.revision)}`);
  lines.push(`downRevision: ${yamlIds(header.downRevisions, true)}`);
  if (header.branchLabels.length > 0)
    lines.push(`branchLabels: ${yamlIds(header.branchLabels, false)}`);
  if (header.dependsOn.length > 0)
    lines.push(`dependsOn: ${yamlIds(header.dependsOn, false)}`);
  lines.push(`message: ${JSON.stringify(header.message)}`);
  for (const note of options.notes ?? [])
    lines.push(`# ${commentText(note)}`);
  const operations = options.operations ?? [];
  if (operations.length === 0)
    lines.push("upgrade: []");
  else {
    try {
      reverseOperations(operations);
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError))
        throw error;
      throw new IrreversibleOperationError(error.operationKind, `${error.message}; a YAML revision derives its downgrade, so write this one with --format ts`, error.index);
    }
    const items = renderOperationsYaml(operations).trimEnd().split("\n");
    lines.push("upgrade:", ...items.map((line) => `  ${line}`));
  }
  lines.push("# downgrade: omitted, derived by reversing each upgrade operation", "");
  return lines.join("\n");
}
function yamlId(id) {
  return /^[0-9]/.test(id) || YAML_WORDS.test(id) || !/^[A-Za-z0-9_]+$/.test(id) ? `'${id.replace(/'/g, "''")}'` : id;
}
var YAML_WORDS = /^(y|n|yes|no|on|off|true|false|null|nan|inf)$/i;
function yamlIds(ids, single) {
  if (ids.length === 0)
    return single ? "null" : "[]";
  if (single && ids.length === 1)
    return yamlId(ids[0]);
  return `[${ids.map(yamlId).join(", ")}]`;
}
function jsIds(ids, single) {
  if (ids.length === 0)
    return single ? "null" : "[]";
  if (single && ids.length === 1)
    return jsString2(ids[0]);
  return `[${ids.map(jsString2).join(", ")}]`;
}
function jsString2(text) {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\r/g, "\\r").replace(/\n/g, "\\n").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}'`;
}
function commentText(text) {
  return text.replace(/\s+/g, " ").replace(/\*\//g, "*\\/").trim();
}

// ../core/dist/commands/revision-file-name.js
var SLUG_MAX_LENGTH = 40;
var FILE_TEMPLATE_TOKENS = Object.freeze([
  "rev",
  "slug",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "epoch"
]);
function revisionFileName(template, values) {
  const parts = dateParts(values.date, values.timezone);
  const name = template.replace(/\{([^{}]*)\}/g, (whole, token) => {
    switch (token) {
      case "rev":
        return values.rev;
      case "slug":
        return slugify(values.message);
      case "epoch":
        return String(Math.floor(values.date.getTime() / 1e3));
      case "year":
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second":
        return parts[token];
      default:
        throw new RetortError("file-template", `fileTemplate '${template}' uses the unknown token '${whole}'; use ${FILE_TEMPLATE_TOKENS.map((t) => `{${t}}`).join(" ")}`);
    }
  });
  const clean = name.replace(/_+$/, "");
  if (clean === "" || /[/\\]/.test(clean) || clean.startsWith(".") || clean.startsWith("_")) {
    throw new RetortError("file-template", `fileTemplate '${template}' gives the file name '${clean}', which is not a plain file name that a script directory lists (no '/', not starting with '.' or '_'); change fileTemplate`);
  }
  return clean;
}
function slugify(message) {
  const words = message.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}_${word}`;
    if (next.length > SLUG_MAX_LENGTH) {
      if (slug === "")
        slug = word.slice(0, SLUG_MAX_LENGTH);
      break;
    }
    slug = next;
  }
  return slug;
}
function dateParts(date, timezone) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit"
  });
  const out = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const part of format.formatToParts(date)) {
    if (part.type in out)
      out[part.type] = part.value;
  }
  return out;
}
function formatRevisionDate(date, timezone) {
  const p = dateParts(date, timezone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

// ../core/dist/commands/write-revision.js
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

// ../core/dist/commands/run-post-write-hooks.js
var import_shell_quote = __toESM(require_shell_quote(), 1);
import { spawn } from "node:child_process";
async function runPostWriteHooks(hooks, path, cwd) {
  const runs = [];
  for (const hook of hooks) {
    const args = hook.args.some((arg) => arg.includes("{path}")) ? hook.args.map((arg) => arg.replaceAll("{path}", path)) : [...hook.args, path];
    const display = (0, import_shell_quote.quote)([hook.command, ...args]);
    const { code, signal, stderr, error } = await run(hook.command, args, cwd);
    if (error !== void 0 || code !== 0) {
      const said = firstLine(stderr) ? `: ${firstLine(stderr)}` : "";
      const reason = error !== void 0 ? error.code === "ENOENT" ? `command '${hook.command}' not found` : error.message : code === null ? `killed by ${signal ?? "a signal"}${said}` : `exit code ${code}${said}`;
      throw new RetortError("post-write-hook", `post-write hook '${display}' failed (${reason}); the file '${path}' was written: fix it or the hook in postWriteHooks`);
    }
    runs.push({ command: display, exitCode: 0 });
  }
  return runs;
}
function run(command, args, cwd) {
  return new Promise((resolve2) => {
    let stderr = "";
    let settled = false;
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 4096)
        stderr += chunk;
    });
    child.on("error", (error) => {
      if (settled)
        return;
      settled = true;
      resolve2({ code: null, signal: null, stderr, error });
    });
    child.on("close", (code, signal) => {
      if (settled)
        return;
      settled = true;
      resolve2({ code, signal, stderr, error: void 0 });
    });
  });
}
function firstLine(text) {
  return text.split(/\r?\n/).find((line) => line.trim() !== "")?.trim() ?? "";
}

// ../core/dist/commands/write-revision.js
async function writeRevision(config, loaded, header, options) {
  const directory = scriptDirectoryOf(loaded);
  const { map } = loaded;
  const id = options.revId ?? generateRevisionId(map);
  if (!REVISION_ID_PATTERN.test(id))
    throw new InvalidRevisionIdError(id, void 0);
  if (map.has(id)) {
    throw new RetortError("revision-exists", `revision '${id}' already exists in '${map.get(id).path ?? "the graph"}'; choose another --rev-id or leave it out to generate one`);
  }
  const format = options.format ?? config.revisionFormat;
  if (!REVISION_FORMATS.includes(format)) {
    throw new ConfigError(`revision format '${String(format)}' is not one of ${REVISION_FORMATS.join(", ")}`);
  }
  const full = { revision: id, ...header };
  const location = chooseLocation(directory, map, full, options.versionPath);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const name = revisionFileName(config.fileTemplate, {
    rev: id,
    message: full.message,
    date: now,
    timezone: config.timezone
  });
  const path = join(location, `${name}${extensionOf(format, location)}`);
  if (existsSync(path)) {
    throw new RetortError("revision-file-exists", `the file '${path}' already exists; change the message, the id or fileTemplate`);
  }
  const text = renderRevisionFile(full, format, {
    created: formatRevisionDate(now, config.timezone),
    operations: options.operations,
    notes: options.notes
  });
  const revision = createRevision(readHeader(text, path), path);
  const next = new RevisionMap([...loaded.source.revisions, revision]);
  writeFileSync(path, text, { flag: "wx" });
  const hooks = await runPostWriteHooks(config.postWriteHooks, path, config.directory ?? directory.scriptLocation);
  return { revision: revisionInfo(next, next.get(id)), path, format, hooks };
}
function checkAuthoredText(options) {
  checkNoControlCharacters("message", options.message);
  for (const label of options.branchLabels ?? [])
    checkNoControlCharacters("branch label", label);
  checkNoControlCharacters("--rev-id", options.revId);
}
function checkNoControlCharacters(what, text) {
  if (text === void 0)
    return;
  const found = findControlCharacter(text);
  if (found === void 0)
    return;
  throw new RetortError("control-character", `${what} '${printableText(text)}' contains the control character ${printableText(found)}; write it on one line without control characters`);
}
function scriptDirectoryOf(loaded) {
  if (!(loaded.source instanceof ScriptDirectory)) {
    throw new ConfigError("revisions passed as modules cannot be edited; run this command on the script directory (scriptLocation)");
  }
  return loaded.source;
}
function chooseLocation(directory, map, header, versionPath) {
  const locations = directory.versionLocations;
  if (versionPath !== void 0) {
    const wanted = resolve(versionPath);
    if (!locations.includes(wanted)) {
      throw new ConfigError(`version path '${versionPath}' is not a version location of '${directory.scriptLocation}'; use one of ${locations.map((l) => `'${l}'`).join(", ")} or add it to versionLocations`);
    }
    return wanted;
  }
  if (locations.length === 1)
    return locations[0];
  for (const parent of header.downRevisions) {
    const path = map.get(parent)?.path;
    if (path !== void 0 && locations.includes(dirname(path)))
      return dirname(path);
  }
  throw new ConfigError(`the script directory has ${locations.length} version locations (${locations.map((l) => `'${relative(directory.scriptLocation, l) || "."}'`).join(", ")}); choose one with --version-path`);
}
function extensionOf(format, location) {
  if (format === "ts")
    return ".ts";
  if (format === "yaml")
    return ".yaml";
  for (let dir = location; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, "utf8")).type === "module" ? ".js" : ".mjs";
      } catch {
        return ".mjs";
      }
    }
    if (dirname(dir) === dir || dir.endsWith(`${sep}node_modules`))
      return ".mjs";
  }
}

export {
  readHeader,
  generateRevisionId,
  renderOperationsScript,
  renderOperationsYaml,
  yamlId,
  yamlIds,
  jsIds,
  jsString2 as jsString,
  commentText,
  revisionFileName,
  formatRevisionDate,
  writeRevision,
  checkAuthoredText,
  checkNoControlCharacters,
  scriptDirectoryOf
};
