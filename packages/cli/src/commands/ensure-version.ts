import type { Command } from 'commander'
import { ensureVersion } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'

/** `retort ensure-version`: create the version table. */
export function registerEnsureVersion(program: Command, kit: CommandKit): void {
  program
    .command('ensure-version')
    .description('create the version table if it does not exist, and nothing else')
    .action(
      action(kit, async (ctx) => {
        const config = await ctx.loadConfig()
        await ensureVersion(config, ctx.commandOptions())
        if (ctx.json) ctx.printJson({ versionTable: config.versionTable.name })
        else ctx.out(`version table '${config.versionTable.name}' is ready`)
      }),
    )
}
