import { resolve } from 'node:path'
import type { Command } from 'commander'
import { createDatabase } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'

/** `retort create PATH`: a new SQLite database file already at the heads. */
export function registerCreate(program: Command, kit: CommandKit): void {
  program
    .command('create')
    .description(
      'create a new SQLite database file already at the heads (from a template, without replaying the history)',
    )
    .argument('<path>', 'the new database file (never overwritten)')
    .option(
      '--template-cache <dir>',
      'keep the template in this directory between runs (default: the config key templateCache)',
    )
    .action(
      action<{ templateCache?: string }>(kit, async (ctx, [path], flags) => {
        const config = await ctx.loadConfig()
        const result = await createDatabase(config, resolve(ctx.io.cwd, path as string), {
          ...ctx.commandOptions(),
          templateCache:
            flags.templateCache === undefined
              ? config.templateCache
              : resolve(ctx.io.cwd, flags.templateCache),
        })
        if (ctx.json) ctx.printJson(result)
        else
          ctx.out(
            `created '${result.path}' at ${result.heads.join(', ')} (${result.template === 'built' ? 'template built' : `template from ${result.template}`})`,
          )
      }),
    )
}
