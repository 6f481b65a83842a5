import type { Command } from 'commander'
import { merge, type RevisionFormat } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { collect, formatOption } from '../options.js'
import { renderWrittenRevision } from '../render/render-written-revision.js'

interface MergeFlags {
  readonly message?: string
  readonly branchLabel: string[]
  readonly revId?: string
  readonly format?: RevisionFormat
}

/** `retort merge REVS...`: a merge revision of several revisions (`heads`: every head). */
export function registerMerge(program: Command, kit: CommandKit): void {
  program
    .command('merge')
    .description("create a merge revision of REVS ('heads' merges every head)")
    .argument('<revs...>', 'the revisions to merge')
    .option('-m, --message <message>', 'what the merge is')
    .option('--branch-label <label>', 'a branch label for the merge (repeatable)', collect, [])
    .option('--rev-id <id>', 'the id instead of a generated one')
    .addOption(formatOption())
    .action(
      action<MergeFlags>(kit, async (ctx, [revs], flags) => {
        const config = await ctx.loadConfig()
        const result = await merge(config, revs as string[], {
          ...ctx.commandOptions(),
          message: flags.message,
          branchLabels: flags.branchLabel,
          revId: flags.revId,
          format: flags.format,
        })
        renderWrittenRevision(ctx, result)
      }),
    )
}
