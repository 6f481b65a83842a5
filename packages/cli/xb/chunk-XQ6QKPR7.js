import {
  formatRevision
} from "./chunk-YJ6AAUP6.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";

// dist/render/render-written-revision.js
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
