import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import {
  EXIT_ERROR
} from "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/bundle.js
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, generateMigrationsIndex } from "@retort/core";

// dist/render/render-bundle.js
function renderBundle(ctx, result) {
  const count = result.revisions.length;
  if (ctx.json) {
    ctx.printJson({ file: result.outFile, revisions: count, changed: result.changed });
    return;
  }
  const c = ctx.colors;
  const revisions = `${count} revision${count === 1 ? "" : "s"}`;
  if (result.written)
    ctx.out(`wrote ${c.bold(result.outFile)} (${revisions})`);
  else if (!result.changed)
    ctx.out(`${c.bold(result.outFile)} is up to date (${revisions})`);
}

// dist/commands/bundle.js
var BUNDLE_INDEX_KEY = "bundleIndex";
var DEFAULT_BUNDLE_INDEX_NAME = "migrations.generated";
function registerBundle(program, kit) {
  program.command("bundle").description("write the module that imports every revision, for bundled applications (reads no database)").argument("[revision-file]", "ignored: the path a post-write hook appends (every revision is indexed)").option("-o, --out <file>", `the index to write (default: config key ${BUNDLE_INDEX_KEY}, else ${DEFAULT_BUNDLE_INDEX_NAME}.ts in the script directory)`).option("--check", "write nothing; fail (exit 1) when the index is missing or out of date: a CI gate").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    const outFile = bundleIndexPath(config, flags.out, ctx.io.cwd);
    const existed = existsSync(outFile);
    const check = flags.check === true;
    const result = await generateMigrationsIndex({ config, outFile, write: !check });
    renderBundle(ctx, result);
    if (check && result.changed) {
      const e = ctx.errColors;
      ctx.err(`${e.red(e.bold("error:"))} the migrations index '${outFile}' is ${existed ? "out of date" : "missing"}; run 'retort bundle' to ${existed ? "update" : "write"} it`);
      return EXIT_ERROR;
    }
    return void 0;
  }));
}
function bundleIndexPath(config, out, cwd) {
  if (out !== void 0)
    return resolve(cwd, out);
  const configured = config.get(BUNDLE_INDEX_KEY);
  if (configured !== void 0) {
    if (typeof configured !== "string" || configured.trim() === "") {
      throw new ConfigError(`${config.path ?? "the config"}: '${BUNDLE_INDEX_KEY}' must be a file path (src/migrations.generated.ts), not ${JSON.stringify(configured)}`);
    }
    return resolve(config.directory ?? cwd, configured);
  }
  return join(config.scriptLocation, `${DEFAULT_BUNDLE_INDEX_NAME}.${config.revisionFormat === "js" ? "js" : "ts"}`);
}
export {
  BUNDLE_INDEX_KEY,
  DEFAULT_BUNDLE_INDEX_NAME,
  bundleIndexPath,
  registerBundle
};
