import type { Command } from 'commander'
import { printableText, rebase } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { UsageError } from '../usage-error.js'
import { formatRevision } from '../render/format-revision.js'

/** `retort rebase REV --onto TARGET`: move an unapplied revision onto another parent. */
export function registerRebase(program: Command, kit: CommandKit): void {
  program
    .command('rebase')
    .description(
      "rewrite REV's downRevision to TARGET (REV must not be applied in the configured database)",
    )
    .argument('<rev>', 'the revision to move')
    .option('--onto <target>', 'the new parent (an id, head, LABEL@head, base)')
    .option('--no-database', 'do not read the database (you know REV is applied nowhere)')
    .action(
      action<{ onto?: string; database: boolean }>(kit, async (ctx, [rev], flags) => {
        if (flags.onto === undefined)
          throw new UsageError("rebase needs --onto TARGET (e.g. 'retort rebase ae10 --onto head')")
        const config = await ctx.loadConfig()
        const result = await rebase(config, rev as string, flags.onto, {
          ...ctx.commandOptions(),
          ...(flags.database ? {} : { checkDatabase: false }),
        })
        if (ctx.json) {
          ctx.printJson({
            ...result.revision,
            previousDownRevisions: result.previousDownRevisions,
            databaseChecked: result.databaseChecked,
          })
          return
        }
        const before = result.previousDownRevisions.join(', ') || '<base>'
        const after = result.revision.downRevisions.join(', ') || '<base>'
        ctx.out(
          `rebased ${formatRevision(result.revision, ctx.colors)}`,
          `  parent ${printableText(before)} -> ${printableText(after)}`,
          `  ${printableText(result.path)}`,
        )
        if (!result.databaseChecked)
          ctx.err('note: no database was read to check that the revision is not applied')
      }),
    )
}
