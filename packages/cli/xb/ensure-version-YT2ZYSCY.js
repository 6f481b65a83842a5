import {
  runAction
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

// ../core/dist/commands/ensure-version.js
async function ensureVersion(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  await runAction(config, loaded, { kind: "ensureVersion" }, options);
}

// dist/commands/ensure-version.js
function registerEnsureVersion(program, kit) {
  program.command("ensure-version").description("create the version table if it does not exist, and nothing else").action(action(kit, async (ctx) => {
    const config = await ctx.loadConfig();
    await ensureVersion(config, ctx.commandOptions());
    if (ctx.json)
      ctx.printJson({ versionTable: config.versionTable.name });
    else
      ctx.out(`version table '${config.versionTable.name}' is ready`);
  }));
}
export {
  registerEnsureVersion
};
