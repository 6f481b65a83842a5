import type { Command } from 'commander'
import { heads } from '@retort/core/cli'
import { action, type CommandHandler, type CommandKit } from '../command-kit.js'
import { formatRevisionList } from '../render/format-revision.js'

export interface HeadsFlags {
  readonly resolveDependencies?: boolean
  readonly check?: boolean
  readonly verbose?: boolean
}

/** `retort heads`: the heads of the revision graph. */
export function registerHeads(program: Command, kit: CommandKit): void {
  program
    .command('heads')
    .description('list the heads of the revision graph (reads no database)')
    .option('--resolve-dependencies', 'leave out heads that another head depends on')
    .option('--check', 'fail (exit 1) when there is more than one head: a CI gate')
    .option('-v, --verbose', 'show every detail')
    .action(action(kit, headsAction))
}

/** The body of `retort heads`, for commander and for the quick command line alike. */
export const headsAction: CommandHandler<HeadsFlags> = async (ctx, _args, flags) => {
  const config = await ctx.loadConfig()
  const list = await heads(config, {
    ...ctx.commandOptions(),
    resolveDependencies: flags.resolveDependencies === true,
    check: flags.check === true,
  })
  if (ctx.json) ctx.printJson(list)
  else ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose }))
}
