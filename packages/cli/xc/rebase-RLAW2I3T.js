import {
  formatRevision
} from "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/rebase.js
import { printableText } from "@retort/core/env/printable-text";
import { rebase } from "@retort/core/commands/rebase";
function registerRebase(program, kit) {
  program.command("rebase").description("rewrite REV's downRevision to TARGET (REV must not be applied in the configured database)").argument("<rev>", "the revision to move").option("--onto <target>", "the new parent (an id, head, LABEL@head, base)").option("--no-database", "do not read the database (you know REV is applied nowhere)").action(action(kit, async (ctx, [rev], flags) => {
    if (flags.onto === void 0)
      throw new UsageError("rebase needs --onto TARGET (e.g. 'retort rebase ae10 --onto head')");
    const config = await ctx.loadConfig();
    const result = await rebase(config, rev, flags.onto, {
      ...ctx.commandOptions(),
      ...flags.database ? {} : { checkDatabase: false }
    });
    if (ctx.json) {
      ctx.printJson({
        ...result.revision,
        previousDownRevisions: result.previousDownRevisions,
        databaseChecked: result.databaseChecked
      });
      return;
    }
    const before = result.previousDownRevisions.join(", ") || "<base>";
    const after = result.revision.downRevisions.join(", ") || "<base>";
    ctx.out(`rebased ${formatRevision(result.revision, ctx.colors)}`, `  parent ${printableText(before)} -> ${printableText(after)}`, `  ${printableText(result.path)}`);
    if (!result.databaseChecked)
      ctx.err("note: no database was read to check that the revision is not applied");
  }));
}
export {
  registerRebase
};
