import type { Command } from 'commander'
import { action, type CommandKit } from '../command-kit.js'
import { migrateFlags, runMigrate, type MigrateFlags } from '../migrate-command.js'

/** `retort downgrade TARGET`: un-apply revisions down to TARGET. */
export function registerDowngrade(program: Command, kit: CommandKit): void {
  migrateFlags(
    program
      .command('downgrade')
      .description(
        'un-apply revisions down to TARGET (base, an id, -1, LABEL@base ...); --sql needs FROM:TO',
      )
      .argument('<target>', 'where to go'),
  ).action(
    action<MigrateFlags>(kit, async (ctx, [target], flags) => {
      await runMigrate(ctx, 'downgrade', target as string, flags)
    }),
  )
}
