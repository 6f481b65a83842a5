import type { Command } from 'commander'
import { history } from '@retort/core/commands/history'
import { action, type CommandKit } from '../command-kit.js'
import { formatRevisionList } from '../render/format-revision.js'

interface HistoryFlags {
  readonly rev?: string
  readonly indicateCurrent?: boolean
  readonly verbose?: boolean
}

/** `retort history`: revisions newest first. */
export function registerHistory(program: Command, kit: CommandKit): void {
  program
    .command('history')
    .description('list revisions, newest first')
    .option('-r, --rev <range>', 'a range LOWER:UPPER (base:head, ae10:, -3:current)')
    .option('-i, --indicate-current', 'read the database and mark the revisions it is at')
    .option('-v, --verbose', 'show every detail')
    .action(
      action<HistoryFlags>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const list = await history(config, {
          ...ctx.commandOptions(),
          range: flags.rev,
          indicateCurrent: flags.indicateCurrent === true,
        })
        if (ctx.json) ctx.printJson(list)
        else
          ctx.out(
            ...formatRevisionList(list, ctx.colors, { verbose: flags.verbose, history: true }),
          )
      }),
    )
}
