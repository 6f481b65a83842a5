import type { Command } from 'commander'
import { action, type CommandKit } from '../command-kit.js'
import { migrateFlags, runMigrate, type MigrateFlags } from '../migrate-command.js'

/** `retort stamp TARGET`: set the version rows without running revisions. */
export function registerStamp(program: Command, kit: CommandKit): void {
  migrateFlags(
    program
      .command('stamp')
      .description('set the version table to TARGET without running any revision')
      .argument('<target>', 'the revision(s) the database is at')
      .option('--purge', 'empty the version table first (when it holds unknown ids)'),
  ).action(
    action<MigrateFlags>(kit, async (ctx, [target], flags) => {
      await runMigrate(ctx, 'stamp', target as string, flags)
    }),
  )
}
