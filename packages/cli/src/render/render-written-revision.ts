import { printableText, type RevisionResult } from '@retort/core/cli'
import type { CliContext } from '../cli-context.js'
import { formatRevision } from './format-revision.js'

/**
 * Prints a revision file that `revision` or `merge` wrote: its revision object with `--json`
 * (plus `hooks`), else the path and the revision line.
 *
 * @example
 * ```ts
 * renderWrittenRevision(ctx, await revision(config, options))
 * ```
 */
export function renderWrittenRevision(ctx: CliContext, result: RevisionResult): void {
  if (ctx.json) {
    ctx.printJson({
      ...result.revision,
      format: result.format,
      hooks: result.hooks.map((h) => h.command),
    })
    return
  }
  ctx.out(
    `created ${ctx.colors.bold(printableText(result.path))}`,
    `  ${formatRevision(result.revision, ctx.colors)}`,
  )
  for (const hook of result.hooks) ctx.out(`  ran ${ctx.colors.dim(hook.command)}`)
}
