import type { Command } from 'commander'
import { relative } from 'node:path'
import { squash, squashStatus, printableText } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { EXIT_ERROR, UsageError } from '../usage-error.js'

interface SquashFlags {
  readonly message?: string
  readonly revId?: string
  readonly status?: boolean
}

/** `retort squash FROM:TO -m MESSAGE`, and `retort squash --status`. */
export function registerSquash(program: Command, kit: CommandKit): void {
  program
    .command('squash')
    .description(
      'write one revision that replaces the revisions FROM:TO; --status: whether their old files can be deleted',
    )
    .argument('[range]', 'FROM:TO, the oldest and the newest revision to squash')
    .option('-m, --message <message>', 'what the squash revision is')
    .option('--rev-id <id>', 'the id instead of a generated one')
    .option(
      '--status',
      'for each squash revision: which replaced files remain and whether deleting them strands a configured database',
    )
    .action(
      action<SquashFlags>(kit, async (ctx, [range], flags) => {
        const config = await ctx.loadConfig()
        if (flags.status === true) {
          if (range !== undefined)
            throw new UsageError("'squash --status' takes no range; run it without FROM:TO")
          const entries = await squashStatus(config, ctx.commandOptions())
          if (ctx.json) {
            ctx.printJson(entries)
          } else if (entries.length === 0) {
            ctx.out('no squash revision in this script directory')
          } else {
            const c = ctx.colors
            for (const entry of entries) {
              ctx.out(
                `${c.yellow(printableText(entry.squash))} replaces ${entry.replaces.length} revisions; ${entry.filesPresent.length} of their files remain`,
              )
              for (const database of entry.databases) {
                const name = database.name
                  ? `database '${printableText(database.name)}'`
                  : 'the database'
                ctx.out(
                  `  ${name}: ${database.position === 'inside' ? c.red(`inside the squash, at ${printableText(database.row ?? '')}: it needs the replaced files from there on`) : database.position === 'past' ? 'past the squash' : 'before the squash (it will run the squash revision)'}`,
                )
              }
              ctx.out(
                entry.safeToDelete
                  ? `  ${c.green('✓')} deleting the replaced files is safe for the configured databases`
                  : `  ${c.red('✗')} not safe: upgrade the databases inside the squash first`,
              )
            }
          }
          return entries.every((e) => e.safeToDelete) ? undefined : EXIT_ERROR
        }
        if (range === undefined)
          throw new UsageError(
            "squash needs the range FROM:TO (or --status); e.g. retort squash a1b2:c3d4 -m 'squash 2024'",
          )
        if (flags.message === undefined)
          throw new UsageError("squash needs a message: -m 'squash 2024'")
        const result = await squash(config, range as string, {
          ...ctx.commandOptions(),
          message: flags.message,
          revId: flags.revId,
        })
        if (ctx.json) {
          ctx.printJson({ ...result.revision, path: result.path, format: result.format })
          return undefined
        }
        ctx.out(
          `wrote ${relative(ctx.io.cwd, result.path) || result.path}: ${ctx.colors.yellow(result.revision.revision)} replaces ${result.replaces.length} revisions (${printableText(result.replaces[0]!)} .. ${printableText(result.replaces[result.replaces.length - 1]!)}); keep their files until 'retort squash --status' says every database has passed it`,
        )
        return undefined
      }),
    )
}
