import {
  migrateFlags,
  runMigrate
} from "./chunk-6LD52ZDJ.js";
import "./chunk-P3DCI5L3.js";
import "./chunk-RIM6BJKO.js";
import "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import "./chunk-XC2ICKFH.js";
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
    const { runUpgradeAll } = await import("./upgrade-all-POVNQUXZ.js");
    return runUpgradeAll(ctx, target, flags);
  }));
}
export {
  registerUpgrade
};
