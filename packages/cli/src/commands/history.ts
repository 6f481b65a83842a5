import type { Command } from 'commander'
import { history, ledger } from '@retort/core/cli'
import { formatLedgers } from '../render/format-ledger.js'
import { action, type CommandHandler, type CommandKit } from '../command-kit.js'
import { formatRevisionList } from '../render/format-revision.js'

export interface HistoryFlags {
  readonly rev?: string
  readonly indicateCurrent?: boolean
  readonly verbose?: boolean
  readonly ledger?: boolean
}

/** `retort history`: revisions newest first. */
export function registerHistory(program: Command, kit: CommandKit): void {
  program
    .command('history')
    .description('list revisions, newest first')
    .option('-r, --rev <range>', 'a range LOWER:UPPER (base:head, ae10:, -3:current)')
    .option('-i, --indicate-current', 'read the database and mark the revisions it is at')
    .option('-v, --verbose', 'show every detail')
    .option('--ledger', 'show what ran when on the database, from its ledger')
    .action(action(kit, historyAction))
}

/** The body of `retort history`, for commander and for the quick command line alike. */
export const historyAction: CommandHandler<HistoryFlags> = async (ctx, _args, flags) => {
  const config = await ctx.loadConfig()
  if (flags.ledger === true) {
    const ledgers = await ledger(config, ctx.commandOptions())
    if (ctx.json) ctx.printJson(ledgers)
    else ctx.out(...formatLedgers(ledgers, ctx.colors))
    return
  }
  const list = await history(config, {
    ...ctx.commandOptions(),
    range: flags.rev,
    indicateCurrent: flags.indicateCurrent === true,
  })
  if (ctx.json) ctx.printJson(list)
  else ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose, history: true }))
}
