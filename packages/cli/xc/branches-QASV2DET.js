import {
  formatRevisionList
} from "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/branches.js
import { branches } from "@retort/core/commands/branches";
function registerBranches(program, kit) {
  program.command("branches").description("list the branch points (revisions with several children)").option("-v, --verbose", "show every detail").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    const list = await branches(config, ctx.commandOptions());
    if (ctx.json)
      ctx.printJson(list);
    else
      ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose }));
  }));
}
export {
  registerBranches
};
