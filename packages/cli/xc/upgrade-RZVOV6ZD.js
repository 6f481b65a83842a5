import {
  migrateFlags,
  runMigrate
} from "./chunk-Q4DQTJLS.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/upgrade.js
function registerUpgrade(program, kit) {
  migrateFlags(program.command("upgrade").description("apply revisions up to TARGET (heads, head, an id, +N, LABEL@head ...)").argument("[target]", "where to go", "heads")).option("--all", "every database the env module's targets (or the config's databases:) lists, each to TARGET").option("--concurrency <n>", "with --all: databases upgraded at the same time (default 4)").option("--fail-fast", "with --all: start no other database after the first failure").action(action(kit, async (ctx, [target], flags) => {
    if (flags.all !== true) {
      if (flags.concurrency !== void 0 || flags.failFast === true) {
        throw new UsageError("--concurrency and --fail-fast go with --all");
      }
      await runMigrate(ctx, "upgrade", target, flags);
      return;
    }
    if (flags.sql === true) {
      throw new UsageError("--all runs on the databases; it has no --sql form");
    }
    const { runUpgradeAll } = await import("./upgrade-all-HH5OPZOV.js");
    return runUpgradeAll(ctx, target, flags);
  }));
}
export {
  registerUpgrade
};
