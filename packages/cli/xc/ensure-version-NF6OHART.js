import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/ensure-version.js
import { ensureVersion } from "@retort/core/commands/ensure-version";
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
