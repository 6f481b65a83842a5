import {
  show
} from "./chunk-YKYZLK5X.js";
import {
  formatRevisionVerbose
} from "./chunk-YJ6AAUP6.js";
import "./chunk-A32KQ27Z.js";
import "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
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

// dist/commands/show.js
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
