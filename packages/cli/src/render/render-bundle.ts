import type { GenerateMigrationsIndexResult } from '@retort/core/cli'
import type { CliContext } from '../cli-context.js'

/**
 * Prints what `retort bundle` did: `{ file, revisions, changed }` with `--json`, else one
 * line saying the index was written or is up to date. A stale index under `--check` prints
 * nothing here: the command reports it as an error.
 *
 * @example
 * ```ts
 * renderBundle(ctx, await generateMigrationsIndex({ config, outFile }))
 * ```
 */
export function renderBundle(ctx: CliContext, result: GenerateMigrationsIndexResult): void {
  const count = result.revisions.length
  if (ctx.json) {
    ctx.printJson({ file: result.outFile, revisions: count, changed: result.changed })
    return
  }
  const c = ctx.colors
  const revisions = `${count} revision${count === 1 ? '' : 's'}`
  if (result.written) ctx.out(`wrote ${c.bold(result.outFile)} (${revisions})`)
  else if (!result.changed) ctx.out(`${c.bold(result.outFile)} is up to date (${revisions})`)
}
