import {
  migrateFlags,
  runMigrate
} from "./chunk-Q4DQTJLS.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/stamp.js
function registerStamp(program, kit) {
  migrateFlags(program.command("stamp").description("set the version table to TARGET without running any revision").argument("<target>", "the revision(s) the database is at").option("--purge", "empty the version table first (when it holds unknown ids)")).action(action(kit, async (ctx, [target], flags) => {
    await runMigrate(ctx, "stamp", target, flags);
  }));
}
export {
  registerStamp
};
