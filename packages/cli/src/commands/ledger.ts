import type { Command } from 'commander'
import { ledger, printableText } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { formatLedgers } from '../render/format-ledger.js'

/** `retort ledger`: what ran when, from the ledger; `--adopt` records what is applied. */
export function registerLedger(program: Command, kit: CommandKit): void {
  program
    .command('ledger')
    .description(
      'show the ledger (one row per step run); --adopt records the checksums of what is applied',
    )
    .option(
      '--adopt',
      'record the checksum of every applied revision the ledger has no row for (databases migrated before the ledger)',
    )
    .action(
      action<{ adopt?: boolean }>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const ledgers = await ledger(config, {
          ...ctx.commandOptions(),
          adopt: flags.adopt === true,
        })
        if (ctx.json) {
          ctx.printJson(ledgers)
          return
        }
        if (flags.adopt === true) {
          for (const database of ledgers)
            ctx.out(
              database.adopted.length === 0
                ? `nothing to adopt in ${printableText(database.table)}: every applied revision is in the ledger`
                : `adopted ${database.adopted.length} revision${database.adopted.length === 1 ? '' : 's'} into ${printableText(database.table)}: ${database.adopted.map(printableText).join(', ')}`,
            )
        }
        ctx.out(...formatLedgers(ledgers, ctx.colors))
      }),
    )
}
