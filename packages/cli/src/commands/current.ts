import type { Command } from 'commander'
import {
  current,
  printableText,
  type IncompleteMigrationDetails,
  type UnreadableProgressDetails,
} from '@retort/core/cli'
import { IncompleteMigrationError, UnreadableProgressError } from '@retort/core/errors'
import { action, type CommandHandler, type CommandKit } from '../command-kit.js'
import { formatRevision, formatRevisionVerbose } from '../render/format-revision.js'

export interface CurrentFlags {
  readonly checkHeads?: boolean
  readonly verbose?: boolean
}

/** `retort current`: the revisions the database is at. */
export function registerCurrent(program: Command, kit: CommandKit): void {
  program
    .command('current')
    .description('show the revisions the database is at (never creates the version table)')
    .option('--check-heads', 'fail (exit 1) unless the database is at every head: a deploy gate')
    .option('-v, --verbose', 'show every detail')
    .action(action(kit, currentAction))
}

/** The body of `retort current`, for commander and for the quick command line alike. */
export const currentAction: CommandHandler<CurrentFlags> = async (ctx, _args, flags) => {
  const config = await ctx.loadConfig()
  const result = await current(config, {
    ...ctx.commandOptions(),
    checkHeads: flags.checkHeads === true,
  })
  if (ctx.json) {
    ctx.printJson({
      heads: result.heads,
      ...(result.incomplete ? { incomplete: incompleteJson(result.incomplete) } : {}),
      ...(result.unreadableProgress
        ? { unreadableProgress: unreadableJson(result.unreadableProgress) }
        : {}),
      ...(result.databases.length > 1
        ? {
            databases: result.databases.map((d) => ({
              name: d.name ?? null,
              heads: d.heads,
              ...(d.incomplete ? { incomplete: incompleteJson(d.incomplete) } : {}),
              ...(d.unreadableProgress
                ? { unreadableProgress: unreadableJson(d.unreadableProgress) }
                : {}),
            })),
          }
        : {}),
    })
    return
  }
  for (const database of result.databases) {
    const known = new Map(database.revisions.map((info) => [info.revision, info]))
    const prefix =
      result.databases.length > 1 && database.name !== undefined
        ? `${ctx.colors.bold(printableText(database.name))}: `
        : ''
    if (database.heads.length === 0)
      ctx.out(`${prefix}${ctx.colors.dim('base (no revision applied)')}`)
    for (const id of database.heads) {
      const found = known.get(id)
      const squash = database.insideSquash?.find((entry) => entry.revision === id)?.squash
      if (found === undefined && squash !== undefined)
        ctx.out(
          `${prefix}${ctx.colors.yellow(printableText(id))} (inside the squash revision ${printableText(squash)}: 'retort upgrade' runs the rest of the replaced revisions)`,
        )
      else if (found === undefined)
        ctx.out(`${prefix}${ctx.colors.red(printableText(id))} (unknown to this script directory)`)
      else if (flags.verbose) ctx.out(...formatRevisionVerbose(found, ctx.colors))
      else ctx.out(`${prefix}${formatRevision(found, ctx.colors)}`)
    }
    // A revision that stopped part-way: what was applied, and the stamp that resolves it.
    if (database.incomplete !== undefined) {
      ctx.out(
        `${prefix}${ctx.colors.red('incomplete:')} ${printableText(new IncompleteMigrationError(database.incomplete).message)}`,
      )
    }
    if (database.unreadableProgress !== undefined) {
      ctx.out(
        `${prefix}${ctx.colors.red('unreadable:')} ${new UnreadableProgressError(database.unreadableProgress).message}`,
      )
    }
  }
}

/** The `incomplete` member of `current --json`: the progress record and its file. */
function incompleteJson(details: IncompleteMigrationDetails): Record<string, unknown> {
  const { record } = details
  return {
    revision: record.revision,
    direction: record.direction,
    path: details.path ?? null,
    statementsDone: record.statementsDone,
    statementCount: record.statementCount,
    statement: record.statement,
    state: record.state,
    error: record.error,
    recordedAt: record.recordedAt,
    ...(details.inFlight
      ? {
          inFlight: {
            object: details.inFlight.object,
            exists: details.inFlight.exists,
            completed: details.inFlight.completed,
          },
        }
      : {}),
    message: new IncompleteMigrationError(details).message,
  }
}

/** The `unreadableProgress` member of `current --json`. */
function unreadableJson(details: UnreadableProgressDetails): Record<string, unknown> {
  return {
    table: details.table,
    revision: details.revision ?? null,
    problem: details.problem,
    message: new UnreadableProgressError(details).message,
  }
}
