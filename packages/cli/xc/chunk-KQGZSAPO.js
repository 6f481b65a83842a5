import {
  formatRevision
} from "./chunk-NLWCIG5I.js";

// dist/render/render-written-revision.js
import { printableText } from "@retort/core/env/printable-text";
function renderWrittenRevision(ctx, result) {
  if (ctx.json) {
    ctx.printJson({
      ...result.revision,
      format: result.format,
      hooks: result.hooks.map((h) => h.command)
    });
    return;
  }
  ctx.out(`created ${ctx.colors.bold(printableText(result.path))}`, `  ${formatRevision(result.revision, ctx.colors)}`);
  for (const hook of result.hooks)
    ctx.out(`  ran ${ctx.colors.dim(hook.command)}`);
}

export {
  renderWrittenRevision
};
