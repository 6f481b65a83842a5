import type { Command } from 'commander'
import {
  downgrade,
  stamp,
  upgrade,
  type MigrateOptions,
  type MigrateResult,
  type MigrationEvent,
} from '@retort/core/cli'
import type { CliContext } from './cli-context.js'
import type { Progress } from './render/progress.js'
import { renderMigrate } from './render/render-migrate.js'

/** The flags of `upgrade`, `downgrade` and `stamp`. */
export interface MigrateFlags {
  readonly sql?: boolean | undefined
  readonly tag?: string | undefined
  readonly purge?: boolean | undefined
}

/** Adds the flags `upgrade`, `downgrade` and `stamp` share. */
export function migrateFlags(command: Command): Command {
  return command
    .option('--sql', 'print the SQL instead of running it (offline); TARGET may be a range FROM:TO')
    .option('--tag <tag>', 'an arbitrary tag for the env module (ctx.xArgs.tag)')
}

/**
 * Runs `upgrade`, `downgrade` or `stamp` with progress on a terminal, then renders the result.
 *
 * @example
 * ```ts
 * await runMigrate(ctx, 'upgrade', 'head', flags)
 * ```
 */
export async function runMigrate(
  ctx: CliContext,
  verb: 'upgrade' | 'downgrade' | 'stamp',
  target: string,
  flags: MigrateFlags,
): Promise<void> {
  const config = await ctx.loadConfig()
  const base = ctx.commandOptions(flags.tag === undefined ? {} : { tag: flags.tag })
  // The revisions are read once, by the command itself: its events and result carry the
  // messages that progress shows.
  // The progress line (and the width tables it measures with) is loaded only on a terminal.
  const progress: Progress = ctx.interactive
    ? (await import('./render/progress.js')).createProgress(ctx)
    : { onEvent: undefined, finish() {} }
  const options: MigrateOptions = {
    ...base,
    sql: flags.sql === true,
    onEvent: both(base.onEvent, progress.onEvent),
  }
  let result: MigrateResult
  try {
    result =
      verb === 'upgrade'
        ? await upgrade(config, target, options)
        : verb === 'downgrade'
          ? await downgrade(config, target, options)
          : await stamp(config, target, { ...options, purge: flags.purge === true })
  } finally {
    progress.finish()
  }
  renderMigrate(ctx, verb, result)
}

/** One listener that calls each given listener in turn. */
function both(
  first: ((event: MigrationEvent) => void) | undefined,
  second: ((event: MigrationEvent) => void) | undefined,
): ((event: MigrationEvent) => void) | undefined {
  if (first === undefined || second === undefined) return first ?? second
  return (event) => {
    first(event)
    second(event)
  }
}
