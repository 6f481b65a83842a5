import "./chunk-7ZRNCE2K.js";
import "./chunk-P3DCI5L3.js";
import "./chunk-A32KQ27Z.js";
import {
  backupPolicy,
  dialectForConnection,
  dialectForUrl,
  loadEnvModule,
  runSettings,
  runWithBackup
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import {
  silentLogger
} from "./chunk-JK4IOFY3.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  RetortError,
  UnknownDatabaseRevisionError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/app/upgrade-unless-newer.js
var ON_NEWER_DATABASE = Object.freeze(["error", "ignore"]);
function checkOnNewerDatabase(value) {
  if (!ON_NEWER_DATABASE.includes(value)) {
    throw new ConfigError(`onNewerDatabase must be 'error' or 'ignore', not ${JSON.stringify(value) ?? String(value)}`);
  }
}

// ../core/dist/app/migrate-many.js
var DEFAULT_CONCURRENCY = 4;
async function migrateMany(config, targets, options = {}) {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ConfigError(`concurrency must be a whole number of databases (1 or more), not ${String(concurrency)}`);
  }
  const onNewerDatabase = options.onNewerDatabase ?? "error";
  checkOnNewerDatabase(onNewerDatabase);
  checkTargets(targets);
  const loaded = await loadRevisions(config, options);
  const dialects = [];
  for (const target of targets)
    dialects.push(await dialectOf(target, config));
  const started = performance.now();
  const outcomes = new Array(targets.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < targets.length) {
      const index = next++;
      const target = targets[index];
      options.onProgress?.({
        type: "database-start",
        name: target.name,
        done,
        total: targets.length
      });
      const outcome = await migrateOne(config, loaded, target, dialects[index], options, onNewerDatabase);
      outcomes[index] = outcome;
      done += 1;
      if (!outcome.ok) {
        failed += 1;
        if (options.failFast)
          stop = true;
      }
      options.onProgress?.({ type: "database-done", outcome, done, failed, total: targets.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  const databases = outcomes.filter((o) => o !== void 0);
  return Object.freeze({
    databases: Object.freeze(databases),
    total: targets.length,
    succeeded: databases.filter((o) => o.ok).length,
    failed: Object.freeze(databases.filter((o) => !o.ok).map((o) => o.name)),
    notStarted: Object.freeze(targets.filter((_, i) => outcomes[i] === void 0).map((t) => t.name)),
    ms: Math.round((performance.now() - started) * 1e3) / 1e3
  });
}
async function migrateOne(config, loaded, target, dialect, options, onNewerDatabase) {
  const started = performance.now();
  const runOptions = { ...target, name: target.entry };
  const base = { name: target.name, description: dialect.description };
  let before = [];
  let heads = [];
  const applied = [];
  const onEvent = options.onEvent;
  const settings = runSettings(config, runOptions, {
    ...options,
    onEvent: (event) => {
      if (event.type === "step-start") {
        options.onProgress?.({
          type: "revision-start",
          name: target.name,
          revision: event.revision
        });
      }
      if (event.type === "step-done") {
        applied.push({
          revision: event.revision,
          direction: event.direction,
          message: event.message,
          ms: event.ms
        });
      }
      onEvent?.(event);
    }
  });
  const ms = () => Math.round((performance.now() - started) * 1e3) / 1e3;
  try {
    const result = await runWithBackup(dialect, loaded.source, loaded.map, { kind: "upgrade", target: options.target ?? "heads" }, settings, target.entry, backupPolicy(config, runOptions));
    before = result.before;
    heads = result.heads;
    return Object.freeze({ ...base, ok: true, applied: result.applied, before, heads, ms: ms() });
  } catch (error) {
    if (onNewerDatabase === "ignore" && error instanceof UnknownDatabaseRevisionError) {
      return Object.freeze({
        ...base,
        ok: true,
        applied: [],
        before,
        heads,
        newerDatabase: error.revisions,
        ms: ms()
      });
    }
    ;
    (options.logger ?? silentLogger).debug(`'${target.name}' failed: ${describe(error).message}`);
    return Object.freeze({
      ...base,
      ok: false,
      applied,
      before,
      heads,
      error: describe(error),
      ms: ms()
    });
  }
}
function describe(error) {
  if (error instanceof RetortError) {
    return { type: error.name, code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: error instanceof Error ? error.name : "Error", code: "error", message };
}
function checkTargets(targets) {
  if (!Array.isArray(targets)) {
    throw new ConfigError("migrateMany needs a list of targets: [{ name, dialect }, ...]");
  }
  const seen = /* @__PURE__ */ new Set();
  for (const [index, target] of targets.entries()) {
    if (typeof target !== "object" || target === null || typeof target.name !== "string" || target.name === "") {
      throw new ConfigError(`target ${index} has no name; give each target { name, dialect }`);
    }
    if (seen.has(target.name)) {
      throw new ConfigError(`two targets are named '${target.name}'; give each database its own name`);
    }
    seen.add(target.name);
  }
}
async function dialectOf(target, config) {
  const { dialect, connection } = target;
  if (dialect !== void 0 && connection !== void 0) {
    throw new ConfigError(`target '${target.name}' has both a dialect and a connection; pass one of them`);
  }
  if (dialect !== void 0)
    return dialect;
  if (connection !== void 0 && connection !== null) {
    return dialectForConnection(connection, {
      baseDir: config.directory,
      where: ` (target '${target.name}')`
    });
  }
  throw new ConfigError(`target '${target.name}' has no dialect or connection; pass { name, dialect }`);
}
async function listTargets(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  if (loaded.envPath !== void 0) {
    const env = await loadEnvModule(loaded.envPath);
    if (env.targets !== void 0) {
      const listed = await env.targets({
        config,
        xArgs: Object.freeze({ ...options.xArgs ?? {} }),
        logger: options.logger ?? silentLogger
      });
      if (!Array.isArray(listed)) {
        throw new ConfigError(`the targets function of '${loaded.envPath}' must return a list of { name, dialect }`);
      }
      return [...listed];
    }
  }
  const targets = [];
  for (const name of config.databaseNames) {
    const entry = config.forDatabase(name);
    const url = entry.url;
    if (url === void 0)
      continue;
    const context = { baseDir: config.directory, setting: entry.describeKey("url") };
    const resolve = options.resolveDialect;
    const dialect = resolve ? await resolve(url, context) : await dialectForUrl(url, context);
    targets.push({ name, entry: name, dialect });
  }
  if (targets.length === 0) {
    throw new ConfigError(`there are no databases to run over: list them under 'databases:' in the config (each with a url), or export them from the env module: defineEnv(run, { targets: (ctx) => [{ name, dialect }] })`);
  }
  return targets;
}

// dist/upgrade-all.js
async function runUpgradeAll(ctx, target, flags) {
  const concurrency = flags.concurrency === void 0 ? void 0 : Number(flags.concurrency);
  if (concurrency !== void 0 && (!Number.isSafeInteger(concurrency) || concurrency < 1)) {
    throw new UsageError(`--concurrency expects a whole number of databases (1 or more), not '${flags.concurrency}'`);
  }
  const config = await ctx.loadConfig();
  const common = ctx.commandOptions();
  const logger = common.logger;
  const options = ctx.debug || logger === void 0 ? common : { ...common, logger: { ...logger, info: () => {
  } } };
  const targets = await listTargets(config, options);
  const line = progressLine(ctx);
  let result;
  try {
    result = await migrateMany(config, targets, {
      ...options,
      target,
      concurrency,
      failFast: flags.failFast === true,
      onProgress: (event) => {
        if (event.type === "database-done" && ctx.json) {
          ctx.io.stdout.write(`${JSON.stringify(outcomeJson(event.outcome))}
`);
        }
        line.update(event);
      }
    });
  } finally {
    line.finish();
  }
  const summary = {
    total: result.total,
    succeeded: result.succeeded,
    failed: result.failed,
    notStarted: result.notStarted,
    ms: result.ms
  };
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify({ summary })}
`);
  } else {
    for (const outcome of result.databases) {
      if (!outcome.ok)
        ctx.err(`${printableText(outcome.name)}: ${printableText(outcome.error?.message ?? "failed")}`);
    }
    const applied = result.databases.reduce((n, o) => n + o.applied.length, 0);
    const skipped = result.notStarted.length > 0 ? `, ${result.notStarted.length} not started (--fail-fast)` : "";
    ctx.out(`${result.succeeded} of ${result.total} database${result.total === 1 ? "" : "s"} upgraded (${applied} revision${applied === 1 ? "" : "s"} applied) in ${(result.ms / 1e3).toFixed(1)} s${result.failed.length > 0 ? `, ${result.failed.length} failed` : ""}${skipped}`);
  }
  if (result.failed.length === 0)
    return 0;
  ctx.err(`error: ${result.failed.length} database${result.failed.length === 1 ? "" : "s"} failed: ${result.failed.map((n) => `'${printableText(n)}'`).join(", ")}; see the messages above${ctx.json ? ' (the objects with "ok": false)' : ""}, fix them and run 'retort upgrade --all' again`);
  return 1;
}
function outcomeJson(outcome) {
  return {
    database: outcome.name,
    description: outcome.description,
    ok: outcome.ok,
    applied: outcome.applied,
    before: outcome.before,
    heads: outcome.heads,
    ...outcome.newerDatabase ? { newerDatabase: outcome.newerDatabase } : {},
    ...outcome.error ? { error: outcome.error } : {},
    ms: outcome.ms
  };
}
function progressLine(ctx) {
  if (!ctx.interactive)
    return { update() {
    }, finish() {
    } };
  let done = 0;
  let total = 0;
  let failed = 0;
  let current = "";
  let drawn = false;
  const draw = () => {
    const text = `[${done}/${total}]${failed > 0 ? ` ${failed} failed` : ""}${current ? ` \xB7 ${current}` : ""}`;
    const width = Math.max(20, ctx.io.stderr.columns ?? 80) - 1;
    ctx.io.stderr.write(`\r\x1B[2K${printableText(text).slice(0, width)}`);
    drawn = true;
  };
  return {
    update(event) {
      if (event.type === "database-start")
        total = event.total;
      if (event.type === "revision-start")
        current = `${event.name}: ${event.revision}`;
      if (event.type === "database-done") {
        done = event.done;
        failed = event.failed;
        total = event.total;
      }
      draw();
    },
    finish() {
      if (drawn)
        ctx.io.stderr.write("\r\x1B[2K");
    }
  };
}
export {
  runUpgradeAll
};
