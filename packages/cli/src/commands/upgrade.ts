import type { Command } from 'commander'
import { action, type CommandHandler, type CommandKit } from '../command-kit.js'
import { migrateFlags, runMigrate, type MigrateFlags } from '../migrate-command.js'
import type { UpgradeAllFlags } from '../upgrade-all.js'
import { UsageError } from '../usage-error.js'

/** `retort upgrade [TARGET]`: apply revisions up to TARGET (default `heads`). */
export function registerUpgrade(program: Command, kit: CommandKit): void {
  migrateFlags(
    program
      .command('upgrade')
      .description('apply revisions up to TARGET (heads, head, an id, +N, LABEL@head ...)')
      .argument('[target]', 'where to go', 'heads'),
  )
    .option(
      '--all',
      "every database the env module's targets (or the config's databases:) lists, each to TARGET",
    )
    .option('--concurrency <n>', 'with --all: databases upgraded at the same time (default 4)')
    .option('--fail-fast', 'with --all: start no other database after the first failure')
    .action(action(kit, upgradeAction))
}

/** The flags of `retort upgrade`. */
export type UpgradeFlags = MigrateFlags & UpgradeAllFlags & { readonly all?: boolean }

/** The body of `retort upgrade`, for commander and for the quick command line alike. */
export const upgradeAction: CommandHandler<UpgradeFlags> = async (ctx, [target], flags) => {
  if (flags.all !== true) {
    if (flags.concurrency !== undefined || flags.failFast === true) {
      throw new UsageError('--concurrency and --fail-fast go with --all')
    }
    await runMigrate(ctx, 'upgrade', target as string, flags)
    return
  }
  if (flags.sql === true) {
    throw new UsageError('--all runs on the databases; it has no --sql form')
  }
  const { runUpgradeAll } = await import('../upgrade-all.js')
  return runUpgradeAll(ctx, target as string, flags)
}
