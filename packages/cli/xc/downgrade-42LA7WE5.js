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

// dist/commands/downgrade.js
function registerDowngrade(program, kit) {
  migrateFlags(program.command("downgrade").description("un-apply revisions down to TARGET (base, an id, -1, LABEL@base ...); --sql needs FROM:TO").argument("<target>", "where to go")).action(action(kit, async (ctx, [target], flags) => {
    await runMigrate(ctx, "downgrade", target, flags);
  }));
}
export {
  registerDowngrade
};
