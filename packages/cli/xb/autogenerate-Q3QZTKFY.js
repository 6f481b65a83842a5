import {
  compareDeclaredSchema,
  declaredSchemaConfigured,
  diffSchemas,
  readSchemaSnapshot
} from "./chunk-D6DKSQ6F.js";
import {
  revision
} from "./chunk-GNFO5M2V.js";
import "./chunk-BSF6W4EY.js";
import "./chunk-MCQS4ULU.js";
import "./chunk-A32KQ27Z.js";
import {
  ledgerTableFor,
  progressTableFor,
  runOnline,
  runSettings,
  visitDatabases
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-M76B4A3W.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  silentLogger
} from "./chunk-JK4IOFY3.js";
import "./chunk-GIXIUV57.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  IncompleteMigrationError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/commands/autogenerate.js
async function compareDatabaseWithRevisions(config, options = {}, loaded) {
  const revisions = loaded ?? await loadRevisions(config, options);
  let diff;
  await visitDatabases(config, revisions, options, false, async (dialect, runOptions) => {
    if (diff !== void 0) {
      throw new ConfigError("autogenerate compares one database, but the env module migrates several; select one with '-n NAME' (or an -x argument your env module reads)");
    }
    diff = await compareOne(config, revisions, options, dialect, runOptions);
  });
  return diff;
}
async function autogenerate(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const declared = declaredSchemaConfigured(config, options);
  if (!declared && (options.renames ?? []).length > 0) {
    throw new ConfigError("rename hints apply to a comparison with a declared schema; set 'schema' in the config to the schema file");
  }
  const diff = declared ? (await compareDeclaredSchema(config, options, loaded)).diff : await compareDatabaseWithRevisions(config, options, loaded);
  if (diff.operations.length === 0 && diff.notes.length === 0) {
    throw new RetortError("nothing-to-autogenerate", declared ? "the declared schema matches the revisions; nothing to autogenerate" : "the database matches the revisions; nothing to autogenerate");
  }
  const result = await revision(config, {
    ...options,
    // The revisions read above: the directory is read once per command.
    revisions: loaded,
    operations: diff.operations,
    notes: diff.notes
  });
  return { ...result, diff };
}
async function compareOne(config, loaded, options, dialect, runOptions) {
  const settings = runSettings(config, runOptions, options);
  const versionTable = settings.versionTable;
  const exclude = [
    versionTable.name,
    progressTableFor(versionTable).name,
    (settings.ledger?.table ?? ledgerTableFor(versionTable)).name
  ];
  const state = await runOnline(dialect, loaded.source, loaded.map, { kind: "current" }, settings);
  if (state.incomplete !== void 0)
    throw new IncompleteMigrationError(state.incomplete);
  const heads = loaded.map.effectiveHeads;
  const at = new Set(state.heads);
  if (state.heads.length !== heads.length || heads.some((id) => !at.has(id))) {
    throw new RetortError("not-at-head", `the database is at ${list(state.heads)} but the head${heads.length === 1 ? " is" : "s are"} ${list(heads)}; run 'retort upgrade heads' first`);
  }
  if (dialect.createScratch === void 0) {
    throw new ConfigError(`the ${dialect.name} dialect cannot make a scratch database (it has no createScratch()), so --autogenerate cannot compare; write the revision by hand`);
  }
  const target = await readSchemaSnapshot(dialect, { schema: runOptions.schema, exclude });
  const scratch = await dialect.createScratch();
  try {
    await runOnline(scratch.dialect, loaded.source, loaded.map, { kind: "upgrade", target: "heads" }, {
      ...settings,
      versionTable: { name: versionTable.name, schema: scratch.schema },
      // The scratch database is an implementation detail: its upgrade is not reported.
      logger: silentLogger,
      onEvent: void 0,
      ledger: void 0
    });
    const source = await readSchemaSnapshot(scratch.dialect, { schema: scratch.schema, exclude });
    return diffSchemas(source, target);
  } finally {
    await scratch.dispose();
  }
}
function list(ids) {
  return ids.length === 0 ? "base" : ids.map((id) => `'${id}'`).join(", ");
}
export {
  autogenerate,
  compareDatabaseWithRevisions
};
