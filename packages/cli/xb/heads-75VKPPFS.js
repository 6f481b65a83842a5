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
import {
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/commands/heads.js
async function heads(config, options = {}) {
  const { map } = await loadRevisions(config, options);
  const ids = options.resolveDependencies ? map.effectiveHeads : map.heads;
  if (options.check && ids.length > 1) {
    throw new RetortError("multiple-heads", `the revision graph has ${ids.length} heads (${ids.map((id) => `'${id}'`).join(", ")}); merge them with 'retort merge -m "merge" heads'`);
  }
  return ids.map((id) => revisionInfo(map, map.get(id)));
}

// dist/commands/heads.js
function registerHeads(program, kit) {
  program.command("heads").description("list the heads of the revision graph (reads no database)").option("--resolve-dependencies", "leave out heads that another head depends on").option("--check", "fail (exit 1) when there is more than one head: a CI gate").option("-v, --verbose", "show every detail").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    const list = await heads(config, {
      ...ctx.commandOptions(),
      resolveDependencies: flags.resolveDependencies === true,
      check: flags.check === true
    });
    if (ctx.json)
      ctx.printJson(list);
    else
      ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose }));
  }));
}
export {
  registerHeads
};
