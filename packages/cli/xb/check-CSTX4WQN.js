import {
  databaseConfigured
} from "./chunk-4SAQGND2.js";
import {
  collect
} from "./chunk-QKC2THZX.js";
import {
  compareDeclaredSchemas,
  declaredSchemaConfigured,
  diffSchemas,
  ignorePatterns,
  readSchemaSnapshot,
  replaySchema
} from "./chunk-D6DKSQ6F.js";
import {
  RETORT_VERSION,
  appendLedger,
  appliedByOf,
  ledgerTableFor,
  ledgerTableOf,
  progressTableFor,
  readLedger,
  runOnline,
  runSettings,
  verifyLedger,
  visitDatabases
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  InsideSquashError,
  revisionsTarget
} from "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import {
  describeOperation
} from "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import {
  EXIT_ERROR
} from "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import {
  withoutIgnored
} from "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/check.js
import { relative } from "node:path";

// ../core/dist/schema/schema-drift.js
async function compareLiveSchema(dialect, loaded, options) {
  const name = options.versionTable.name;
  const exclude = [
    name,
    progressTableFor({ name }).name,
    (options.ledgerTable ?? ledgerTableFor({ name })).name
  ];
  const live = await readSchemaSnapshot(dialect, { schema: options.schema, exclude });
  const replayed = options.heads.length === 0 ? { snapshot: { tables: [] } } : await replaySchema(dialect, loaded, {
    target: revisionsTarget(options.heads),
    versionTable: name,
    cache: options.cache
  });
  const ignore = options.ignore ?? [];
  const diff = diffSchemas(withoutIgnored(replayed.snapshot, ignore), withoutIgnored(live, ignore));
  return [
    ...diff.operations.map(describeDrift),
    ...diff.notes.map((message) => Object.freeze({
      change: "differs",
      object: Object.freeze({ type: "schema" }),
      message
    }))
  ];
}
function describeDrift(operation) {
  const [change, object, message] = findingOf(operation);
  return Object.freeze({
    change,
    object: Object.freeze(object),
    message,
    operation: describeOperation(operation)
  });
}
var EXTRA = "is in the database but no revision";
var MISSING = "is made by the revisions but missing from the database";
function findingOf(operation) {
  switch (operation.kind) {
    case "createTable":
      return [
        "extra",
        { type: "table", name: operation.name },
        `table '${operation.name}' ${EXTRA} creates it`
      ];
    case "dropTable":
      return [
        "missing",
        { type: "table", name: operation.name },
        `table '${operation.name}' ${MISSING}`
      ];
    case "renameTable":
      return [
        "differs",
        { type: "table", name: operation.from },
        `table '${operation.from}' is '${operation.to}' in the database`
      ];
    case "addColumn":
      return [
        "extra",
        { type: "column", table: operation.table, name: operation.column.name },
        `column '${operation.table}.${operation.column.name}' ${EXTRA} adds it`
      ];
    case "dropColumn":
      return [
        "missing",
        { type: "column", table: operation.table, name: operation.name },
        `column '${operation.table}.${operation.name}' ${MISSING}`
      ];
    case "alterColumn": {
      const changes = [];
      if (operation.newName !== void 0)
        changes.push(`renamed to '${operation.newName}'`);
      if (operation.type !== void 0)
        changes.push("its type differs");
      if (operation.nullable !== void 0) {
        changes.push(operation.nullable ? "nullable in the database" : "NOT NULL in the database");
      }
      if ("default" in operation || "defaultSql" in operation)
        changes.push("its default differs");
      if ("comment" in operation)
        changes.push("its comment differs");
      return [
        "differs",
        { type: "column", table: operation.table, name: operation.name },
        `column '${operation.table}.${operation.name}' differs from the revisions: ${changes.join("; ")}`
      ];
    }
    case "createIndex":
      return [
        "extra",
        { type: "index", table: operation.table, name: operation.name },
        `index '${operation.name}' on '${operation.table}' ${EXTRA} creates it`
      ];
    case "dropIndex":
      return [
        "missing",
        { type: "index", table: operation.table, name: operation.name },
        `index '${operation.name}'${operation.table === void 0 ? "" : ` on '${operation.table}'`} ${MISSING}`
      ];
    case "createUniqueConstraint":
      return [
        "extra",
        { type: "unique", table: operation.table, name: operation.name || void 0 },
        `unique constraint on '${operation.table}' (${operation.columns.join(", ")}) ${EXTRA} creates it`
      ];
    case "createForeignKey":
      return [
        "extra",
        { type: "foreignKey", table: operation.table, name: operation.name || void 0 },
        `foreign key '${operation.table}' (${operation.columns.join(", ")}) -> '${operation.references.table}' ${EXTRA} creates it`
      ];
    case "createCheckConstraint":
      return [
        "extra",
        { type: "check", table: operation.table, name: operation.name || void 0 },
        `check constraint on '${operation.table}' (${operation.expression}) ${EXTRA} creates it`
      ];
    case "createPrimaryKey":
      return [
        "extra",
        { type: "primaryKey", table: operation.table, name: operation.name || void 0 },
        `primary key of '${operation.table}' (${operation.columns.join(", ")}) ${EXTRA} creates it`
      ];
    case "dropConstraint": {
      const type = operation.type === "foreignKey" || operation.type === "unique" || operation.type === "check" || operation.type === "primaryKey" ? operation.type : "constraint";
      const what = {
        foreignKey: "foreign key",
        unique: "unique constraint",
        check: "check constraint",
        primaryKey: "primary key"
      }[type];
      return [
        "missing",
        { type, table: operation.table, name: operation.name },
        `${what ?? "constraint"} '${operation.name}' on '${operation.table}' ${MISSING}`
      ];
    }
    case "createTableComment":
    case "dropTableComment":
      return [
        "differs",
        { type: "comment", table: operation.table },
        `the comment of table '${operation.table}' differs from the revisions`
      ];
    case "execute":
    case "bulkInsert":
      return ["differs", { type: "schema" }, describeOperation(operation)];
    default: {
      const _never = operation;
      return ["differs", { type: "schema" }, describeOperation(_never)];
    }
  }
}

// ../core/dist/commands/check.js
async function check(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const { map, source } = loaded;
  const problems = [];
  const allowChanged = new Set(options.allowChanged ?? []);
  for (const id of allowChanged) {
    if (!map.has(id)) {
      const near = nearestName(id, map.topologicalOrder);
      throw new ConfigError(`--allow-changed '${id}' is not a revision of this script directory${near === void 0 ? "" : `; did you mean '${near}'?`}`);
    }
  }
  for (const revision of source.revisions) {
    try {
      await source.load(revision);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ kind: "body", revision: revision.id, message: reason });
    }
  }
  const heads = map.effectiveHeads;
  if (heads.length > 1) {
    problems.push({
      kind: "heads",
      message: `the revision graph has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(", ")}); merge them with 'retort merge -m "merge" heads'`
    });
  }
  const databases = [];
  const bodiesLoad = !problems.some((p) => p.kind === "body");
  if (options.database ?? databaseConfigured(config, loaded, options)) {
    await visitDatabases(config, loaded, options, false, async (dialect, runOptions) => {
      const settings = runSettings(config, runOptions, options);
      const read = await runOnline(dialect, source, map, { kind: "current" }, settings, runOptions.name);
      const squashes = loaded.squashes;
      const database = squashes === void 0 || squashes.isEmpty ? read : { ...read, heads: squashes.normalizeRows(read.heads) };
      const inside = database.heads.filter((id) => squashes?.placeOf(id) !== void 0);
      for (const row of inside) {
        const { squash, missing } = squashes.remaining(row);
        problems.push({
          kind: "inside-squash",
          database: database.name,
          revision: row,
          message: new InsideSquashError(row, squash, missing, database.name).message
        });
      }
      const unknown = database.heads.filter((id) => !map.has(id) && !inside.includes(id));
      const applied = map.ancestors(database.heads.filter((id) => map.has(id)));
      const pending = map.topologicalOrder.filter((id) => !applied.has(id));
      const where = database.name === void 0 ? "the database" : `the database '${database.name}'`;
      if (unknown.length > 0) {
        problems.push({
          kind: "unknown-rows",
          database: database.name,
          message: `${where} is at ${unknown.map((u) => `'${u}'`).join(", ")}, unknown to this script directory; update the revisions, or 'stamp --purge' if the ids are wrong`
        });
      } else if (pending.length > 0 && inside.length === 0) {
        problems.push({
          kind: "pending",
          database: database.name,
          message: `${where} has ${pending.length} pending revision${pending.length === 1 ? "" : "s"} (${pending.slice(0, 5).map((p) => `'${p}'`).join(", ")}${pending.length > 5 ? ", ..." : ""}); run 'retort upgrade heads'`
        });
      }
      const ledgerTable = ledgerTableOf(runOptions.name === void 0 ? config : config.forDatabase(runOptions.name), settings.versionTable);
      const ledger = verifyLedger(await readLedger(dialect, ledgerTable), map, source, database.heads, squashes?.replaced);
      const accepted = ledger.changed.filter((c) => allowChanged.has(c.revision));
      if (accepted.length > 0) {
        const appliedBy = appliedByOf(config);
        await appendLedger(dialect, ledgerTable, accepted.map((c) => ({
          revision: c.revision,
          direction: "up",
          checksum: c.current,
          outcome: "accepted",
          ranAt: (/* @__PURE__ */ new Date()).toISOString(),
          durationMs: 0,
          retortVersion: RETORT_VERSION,
          appliedBy,
          note: `edit accepted by check --allow-changed (was ${c.recorded})`
        })));
      }
      for (const c of ledger.changed) {
        if (allowChanged.has(c.revision))
          continue;
        problems.push({
          kind: "changed",
          database: database.name,
          revision: c.revision,
          checksum: { recorded: c.recorded, current: c.current },
          message: `revision '${c.revision}' was changed after it ran on ${where} (checksum ${c.recorded} when it ran, ${c.current} now); restore the file, or accept the edit with 'retort check --allow-changed ${c.revision}'`
        });
      }
      for (const id of ledger.missing) {
        problems.push({
          kind: "missing-file",
          database: database.name,
          revision: id,
          message: `revision '${id}' is applied on ${where} (says the ledger '${ledgerTable.name}') but its file is missing; restore it from version control`
        });
      }
      databases.push({
        name: database.name,
        heads: database.heads,
        pending,
        accepted: accepted.map((c) => c.revision)
      });
      if ((options.drift ?? true) && bodiesLoad && unknown.length === 0 && inside.length === 0 && database.incomplete === void 0) {
        const target = runOptions.name === void 0 ? config : config.forDatabase(runOptions.name);
        const cache = options.cache === false ? false : { near: config.directory, ...options.cache ?? {} };
        const drift = await compareLiveSchema(dialect, loaded, {
          heads: database.heads,
          versionTable: settings.versionTable,
          ledgerTable,
          schema: runOptions.schema,
          ignore: ignorePatterns(target),
          cache
        });
        for (const finding of drift) {
          problems.push({
            kind: "drift",
            database: database.name,
            object: finding.object,
            change: finding.change,
            message: finding.message
          });
        }
      }
    });
  }
  const schemas = [];
  if ((options.schema ?? declaredSchemaConfigured(config, options)) && bodiesLoad) {
    for (const comparison of await compareDeclaredSchemas(config, options, loaded)) {
      for (const difference of comparison.differences) {
        problems.push({
          kind: "schema",
          database: comparison.database,
          message: difference.message
        });
      }
      schemas.push(comparison);
    }
  }
  return { ok: problems.length === 0, revisions: map.size, heads, problems, databases, schemas };
}

// dist/commands/check.js
function registerCheck(program, kit) {
  program.command("check").description("check that every revision loads, there is one head, the database (if configured) has nothing pending and no schema drift, and the revisions make the declared schema (if configured)").option("--no-database", "do not read the database").option("--no-schema", "do not compare the declared schema with the revisions").option("--no-drift", "do not compare the live schema with the schema the applied revisions produce").option("--allow-changed <rev>", "accept a known edit of an applied revision: record its new checksum in the ledger (repeatable)", collect, []).option("--no-cache", "replay the revisions even when a cached schema exists").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    const result = await check(config, {
      ...ctx.commandOptions(),
      ...flags.database ? {} : { database: false },
      ...flags.schema ? {} : { schema: false },
      ...flags.drift ? {} : { drift: false },
      ...flags.allowChanged.length > 0 ? { allowChanged: flags.allowChanged } : {},
      ...flags.cache ? {} : { cache: false }
    });
    if (ctx.json) {
      ctx.printJson(JSON.parse(JSON.stringify(result, (_key, value) => typeof value === "bigint" ? value.toString() : value)));
    } else {
      const c = ctx.colors;
      for (const problem of result.problems)
        ctx.out(`${c.red("\u2717")} ${problem.revision ? `${c.yellow(printableText(problem.revision))}: ` : ""}${problem.kind === "schema" || problem.kind === "drift" ? `${problem.kind}${problem.database ? ` (${printableText(problem.database)})` : ""}: ` : ""}${printableText(problem.message)}`);
      for (const database of result.databases)
        for (const id of database.accepted)
          ctx.out(`${c.green("\u2713")} accepted the edit of ${c.yellow(printableText(id))}${database.name ? ` on ${printableText(database.name)}` : ""}: its new checksum is recorded in the ledger`);
      if (result.ok) {
        const databases = result.databases.length === 0 ? "no database read" : `${result.databases.length === 1 ? "the database is" : "every database is"} at the head`;
        const schemas = result.schemas.map((s) => `; the revisions make the declared schema${s.schemaPath ? ` '${relative(ctx.io.cwd, s.schemaPath) || s.schemaPath}'` : ""}${s.database ? ` (${s.database})` : ""}`);
        ctx.out(`${c.green("\u2713")} ${result.revisions} revisions load, one head (${result.heads.join(", ") || "base"}); ${databases}${schemas.join("")}`);
      }
    }
    if (!result.ok) {
      const schema = result.problems.some((p) => p.kind === "schema");
      const drift = result.problems.some((p) => p.kind === "drift");
      const changed = result.problems.some((p) => p.kind === "changed");
      ctx.err(`${ctx.errColors.red(ctx.errColors.bold("error:"))} check found ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; ${schema ? `the declared schema changed without a revision: write one with 'retort revision --autogenerate -m "..."'` : changed ? "an applied revision was edited: restore it, or accept the edit with 'retort check --allow-changed REV'" : drift ? "the database was changed outside the revisions: undo the change, or write a revision that makes it and 'retort stamp' it" : "fix them and run 'retort check' again"}`);
      return EXIT_ERROR;
    }
    return void 0;
  }));
}
export {
  registerCheck
};
