import {
  formatRevisionVerbose
} from "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/show.js
import { show } from "@retort/core/commands/show";
function registerShow(program, kit) {
  program.command("show").description("show the revision(s) REV resolves to, with their file").argument("<rev>", "an id, a prefix, head, heads, LABEL@head, head-1 ...").action(action(kit, async (ctx, [rev]) => {
    const config = await ctx.loadConfig();
    const list = await show(config, rev, ctx.commandOptions());
    if (ctx.json)
      ctx.printJson(list);
    else if (list.length === 0)
      ctx.err(`'${String(rev)}' is base: no revision`);
    else
      ctx.out(...list.flatMap((info) => formatRevisionVerbose(info, ctx.colors)));
  }));
}
export {
  registerShow
};
