import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/create.js
import { resolve } from "node:path";
import { createDatabase } from "@retort/core/app/create-database";
function registerCreate(program, kit) {
  program.command("create").description("create a new SQLite database file already at the heads (from a template, without replaying the history)").argument("<path>", "the new database file (never overwritten)").option("--template-cache <dir>", "keep the template in this directory between runs (default: the config key templateCache)").action(action(kit, async (ctx, [path], flags) => {
    const config = await ctx.loadConfig();
    const result = await createDatabase(config, resolve(ctx.io.cwd, path), {
      ...ctx.commandOptions(),
      templateCache: flags.templateCache === void 0 ? config.templateCache : resolve(ctx.io.cwd, flags.templateCache)
    });
    if (ctx.json)
      ctx.printJson(result);
    else
      ctx.out(`created '${result.path}' at ${result.heads.join(", ")} (${result.template === "built" ? "template built" : `template from ${result.template}`})`);
  }));
}
export {
  registerCreate
};
