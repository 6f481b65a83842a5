import {
  collect,
  formatOption
} from "./chunk-TW4BW5PR.js";
import {
  renderWrittenRevision
} from "./chunk-KQGZSAPO.js";
import "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/merge.js
import { merge } from "@retort/core/commands/merge";
function registerMerge(program, kit) {
  program.command("merge").description("create a merge revision of REVS ('heads' merges every head)").argument("<revs...>", "the revisions to merge").option("-m, --message <message>", "what the merge is").option("--branch-label <label>", "a branch label for the merge (repeatable)", collect, []).option("--rev-id <id>", "the id instead of a generated one").addOption(formatOption()).action(action(kit, async (ctx, [revs], flags) => {
    const config = await ctx.loadConfig();
    const result = await merge(config, revs, {
      ...ctx.commandOptions(),
      message: flags.message,
      branchLabels: flags.branchLabel,
      revId: flags.revId,
      format: flags.format
    });
    renderWrittenRevision(ctx, result);
  }));
}
export {
  registerMerge
};
