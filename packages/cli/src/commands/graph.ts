import { Option, type Command } from 'commander'
import type { GraphFormat } from '@retort/core'
import { graph, GRAPH_FORMATS } from '@retort/core/commands/graph'
import { action, type CommandKit } from '../command-kit.js'

/** `retort graph`: the revision graph as Mermaid or DOT text. */
export function registerGraph(program: Command, kit: CommandKit): void {
  program
    .command('graph')
    .description(
      'print the revision graph as Mermaid or Graphviz DOT (current revisions marked when a database is configured)',
    )
    .addOption(
      new Option('--format <format>', 'mermaid or dot')
        .choices([...GRAPH_FORMATS])
        .default('mermaid'),
    )
    .option('--no-current', 'do not read the database')
    .action(
      action<{ format: GraphFormat; current: boolean }>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const result = await graph(config, {
          ...ctx.commandOptions(),
          format: flags.format,
          ...(flags.current ? {} : { indicateCurrent: false }),
        })
        if (ctx.json) ctx.printJson(result)
        else ctx.io.stdout.write(result.text)
      }),
    )
}
