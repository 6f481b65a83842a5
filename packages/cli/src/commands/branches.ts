import type { Command } from 'commander'
import { branches } from '@retort/core/cli'
import { action, type CommandHandler, type CommandKit } from '../command-kit.js'
import { formatRevisionList } from '../render/format-revision.js'

/** The flags of `retort branches`. */
export interface BranchesFlags {
  readonly verbose?: boolean
}

/** `retort branches`: the branch points of the graph. */
export function registerBranches(program: Command, kit: CommandKit): void {
  program
    .command('branches')
    .description('list the branch points (revisions with several children)')
    .option('-v, --verbose', 'show every detail')
    .action(action(kit, branchesAction))
}

/** The body of `retort branches`, for commander and for the quick command line alike. */
export const branchesAction: CommandHandler<BranchesFlags> = async (ctx, _args, flags) => {
  const config = await ctx.loadConfig()
  const list = await branches(config, ctx.commandOptions())
  if (ctx.json) ctx.printJson(list)
  else ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose }))
}
