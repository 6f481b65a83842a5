import type { Command } from 'commander'
import { show } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { formatRevisionVerbose } from '../render/format-revision.js'

/** `retort show REV`: one revision (or several for `heads`) in full. */
export function registerShow(program: Command, kit: CommandKit): void {
  program
    .command('show')
    .description('show the revision(s) REV resolves to, with their file')
    .argument('<rev>', 'an id, a prefix, head, heads, LABEL@head, head-1 ...')
    .action(
      action(kit, async (ctx, [rev]) => {
        const config = await ctx.loadConfig()
        const list = await show(config, rev as string, ctx.commandOptions())
        if (ctx.json) ctx.printJson(list)
        else if (list.length === 0) ctx.err(`'${String(rev)}' is base: no revision`)
        else ctx.out(...list.flatMap((info) => formatRevisionVerbose(info, ctx.colors)))
      }),
    )
}
