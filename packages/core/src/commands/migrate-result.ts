import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { AppliedRevision, MigrationAction, RunResult } from '../runtime/migration-action.js'
import type { CommandOptions } from './command-options.js'
import { loadRevisions } from './load-revisions.js'
import { runAction, type OfflineStart } from './run-action.js'

/**
 * What `upgrade`, `downgrade` and `stamp` return (the `--json` shape, plus the per-database
 * results when the env module migrated several databases).
 *
 * @example
 * ```ts
 * const { applied, heads } = await upgrade(config, 'heads')
 * ```
 */
export interface MigrateResult {
  readonly applied: readonly AppliedRevision[]
  /** The version rows after the run (of the last database, when there were several). */
  readonly heads: readonly string[]
  /** Offline (`sql: true`) runs: the SQL script. */
  readonly sql?: string | undefined
  /** One entry per database the env module migrated. */
  readonly databases: readonly RunResult[]
}

/** Options of `upgrade`, `downgrade` and `stamp`. */
export interface MigrateOptions extends CommandOptions {
  /**
   * Offline: produce the SQL script instead of running it. The target may then be a range
   * `FROM:TO`, where FROM is the revision the database is assumed to be at.
   */
  readonly sql?: boolean | undefined
}

/** Runs a migrating action through the env and merges the per-database results. */
export async function migrate(
  config: Config,
  target: string,
  options: MigrateOptions,
  makeAction: (target: string) => MigrationAction,
): Promise<MigrateResult> {
  const loaded = await loadRevisions(config, options)
  let offline: OfflineStart | undefined
  let to = target
  if (options.sql) {
    const split = splitRange(loaded.map, target, makeAction(target).kind)
    offline = { rows: split.from }
    to = split.to
  }
  const databases = await runAction(config, loaded, makeAction(to), options, offline)
  return {
    applied: databases.flatMap((d) => d.applied),
    heads: databases[databases.length - 1]?.heads ?? [],
    ...(options.sql ? { sql: databases.map((d) => d.sql ?? '').join('\n') } : {}),
    databases,
  }
}

function splitRange(
  map: RevisionMap,
  target: string,
  kind: MigrationAction['kind'],
): { from: string[]; to: string } {
  const colon = target.indexOf(':')
  if (colon < 0) {
    if (kind === 'downgrade') {
      throw new RetortError(
        'offline-range',
        `an offline downgrade needs a range FROM:TO (e.g. 'head:base'), not '${target}': without a database the starting revision must be named`,
      )
    }
    return { from: [], to: target }
  }
  const fromText = target.slice(0, colon).trim()
  const to = target.slice(colon + 1).trim() || 'heads'
  if (fromText === '' || fromText === 'base') return { from: [], to }
  const from = map.resolve(fromText)
  switch (from.kind) {
    case 'base':
      return { from: [], to }
    case 'heads':
      return { from: [...map.heads], to }
    case 'revisions':
      return { from: [...from.ids], to }
  }
}
