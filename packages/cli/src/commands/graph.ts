import { Option, type Command } from 'commander'
import { graph, graphFormats, maskSecrets, printableText, type GraphFormat } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'

/**
 * Beyond this many revisions an ASCII drawing in a terminal is followed by a note on how to
 * get a picture one can zoom and search (it is drawn anyway).
 */
export const ASCII_GRAPH_HINT_REVISIONS = 100

/** The choices of `--format`, read when this command is registered. */
const GRAPH_FORMATS = await graphFormats()

/** `retort graph`: the revision graph as ASCII, Mermaid, DOT, SVG or HTML. */
export function registerGraph(program: Command, kit: CommandKit): void {
  program
    .command('graph')
    .description(
      'draw the revision graph: ASCII in a terminal, or Mermaid, Graphviz DOT, SVG or a self-contained HTML page (current revisions marked when a database is configured)',
    )
    .addOption(
      new Option(
        '--format <format>',
        'ascii, mermaid, dot, svg or html (default: ascii when stdout is a terminal, else mermaid)',
      ).choices([...GRAPH_FORMATS]),
    )
    .option('--no-current', 'do not read the database')
    .action(
      action<{ format?: GraphFormat; current: boolean }>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const terminal = ctx.io.stdout.isTTY === true
        const format = flags.format ?? (terminal && !ctx.json ? 'ascii' : 'mermaid')
        const result = await graph(config, {
          ...ctx.commandOptions(),
          format,
          ...(flags.current ? {} : { indicateCurrent: false }),
        })
        if (result.currentError !== undefined) {
          const reason = maskSecrets(printableText(result.currentError), ctx.secrets())
          ctx.err(
            `warning: the database could not be read, so no revision is marked current (${reason}); pass --no-current not to read it`,
          )
        }
        if (ctx.json) {
          ctx.printJson(result)
          return
        }
        // SVG and HTML escape every control character themselves; the text formats hold
        // messages, which must not act on a terminal.
        const text =
          format === 'svg' || format === 'html'
            ? result.text
            : result.text.split('\n').map(printableText).join('\n')
        ctx.io.stdout.write(text)
        if (format === 'ascii' && terminal && tooLarge(result.revisions, text, ctx.io.stdout)) {
          ctx.err(
            `note: ${result.revisions} revisions; for a picture you can zoom and search, write 'retort graph --format svg > graph.svg' or '--format html > graph.html'`,
          )
        }
      }),
    )
}

/** Many revisions, or branch lines taking more than half of the terminal's width. */
function tooLarge(revisions: number, text: string, stdout: { readonly columns?: number }): boolean {
  if (revisions > ASCII_GRAPH_HINT_REVISIONS) return true
  const columns = stdout.columns
  if (columns === undefined) return false
  return text
    .split('\n')
    .some((line) => /^[|*/\\X ]*/.exec(line)![0].trimEnd().length > columns / 2)
}
