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
  newer: 'error' | 'ignore' = 'error',
): Promise<MigrateResult> {
  const loaded = await loadRevisions(config, options)
  let offline: OfflineStart | undefined
  let to = target
  if (options.sql) {
    const split = splitRange(loaded.map, target, makeAction(target).kind)
    offline = { rows: split.from }
    to = split.to
  }
  const databases = await runAction(config, loaded, makeAction(to), options, offline, newer)
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
  const from = startRows(map, fromText)
  checkRangeDirection(map, kind, target, from, to)
  return { from, to }
}

function startRows(map: RevisionMap, fromText: string): string[] {
  if (fromText === '' || fromText === 'base') return []
  const from = map.resolve(fromText)
  switch (from.kind) {
    case 'base':
      return []
    case 'heads':
      return [...map.heads]
    case 'revisions':
      return [...from.ids]
  }
}

/**
 * One rule for both directions of an offline range FROM:TO: it must go the way of its
 * command. An upgrade refuses a TO that is below FROM (already applied there, and not FROM
 * itself), a downgrade a TO that is not below FROM (not applied there): either would be the
 * other command's range. TO is read relative to FROM, as the planner reads it.
 */
function checkRangeDirection(
  map: RevisionMap,
  kind: MigrationAction['kind'],
  range: string,
  from: readonly string[],
  to: string,
): void {
  if (kind !== 'upgrade' && kind !== 'downgrade') return
  const target = map.resolve(to, { current: from })
  const applied = map.ancestors(from)
  let wrong: string | undefined
  if (kind === 'upgrade') {
    if (target.kind === 'base' && target.branch === undefined && from.length > 0) wrong = 'base'
    if (target.kind === 'revisions')
      wrong = target.ids.find((id) => applied.has(id) && !from.includes(id))
  } else if (target.kind === 'revisions') {
    wrong = target.ids.find((id) => !applied.has(id))
  }
  if (wrong === undefined) return
  const fromEnd = range.slice(0, range.indexOf(':')).trim() || 'base'
  const fromRows = from.length === 0 ? 'base' : from.map((id) => `'${id}'`).join(', ')
  const [article, way, other] =
    kind === 'upgrade' ? ['an', 'up', 'downgrade'] : ['a', 'down', 'upgrade']
  throw new RetortError(
    'offline-range',
    `the ${kind} range '${range}' runs the wrong way: '${wrong}' is ${kind === 'upgrade' ? '' : 'not '}below ${fromRows}; ${article} ${kind} range FROM:TO goes ${way} from FROM to TO, so write '${wrong}:${fromEnd}', or use '${other} --sql ${range}'`,
  )
}
