import type { Command } from 'commander'
import { action, type CommandKit } from '../command-kit.js'
import { migrateFlags, runMigrate, type MigrateFlags } from '../migrate-command.js'

/** `retort upgrade [TARGET]`: apply revisions up to TARGET (default `heads`). */
export function registerUpgrade(program: Command, kit: CommandKit): void {
  migrateFlags(
    program
      .command('upgrade')
      .description('apply revisions up to TARGET (heads, head, an id, +N, LABEL@head ...)')
      .argument('[target]', 'where to go', 'heads'),
  ).action(
    action<MigrateFlags>(kit, async (ctx, [target], flags) => {
      await runMigrate(ctx, 'upgrade', target as string, flags)
    }),
  )
}
