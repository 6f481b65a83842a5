import {
  formatRevisionList
} from "./chunk-YJ6AAUP6.js";
import {
  revisionInfo
} from "./chunk-A32KQ27Z.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
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

// ../core/dist/commands/branches.js
async function branches(config, options = {}) {
  const { map } = await loadRevisions(config, options);
  return map.branchPoints.map((id) => revisionInfo(map, map.get(id)));
}

// dist/commands/branches.js
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
