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
import "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import "./chunk-XC2ICKFH.js";
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
