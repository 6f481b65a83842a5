import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/upgrade-all.js
import { listTargets, migrateMany } from "@retort/core/app/migrate-many";
import { printableText } from "@retort/core/env/printable-text";
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
