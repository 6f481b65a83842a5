import {
  formatRevisionList
} from "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/heads.js
import { heads } from "@retort/core/commands/heads";
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
