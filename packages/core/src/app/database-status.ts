import type { Config } from '../config/config.js'
import type { IncompleteMigrationDetails, UnreadableProgressDetails } from '../errors.js'
import { RevisionError } from '../errors.js'
import { planUpgrade } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RunResult } from '../runtime/migration-action.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { runAction } from '../session/run-action.js'

/**
 * Where a database stands against the revisions an application ships (see
 * {@link classifyDatabase} for the exact rules):
 * - `empty`: no version rows (no version table, or an empty one);
 * - `behind`: every row is known and `upgrade heads` has revisions to apply;
 * - `current`: the rows are exactly the graph's heads;
 * - `ahead`: every row is unknown to this application (a newer one migrated it);
 * - `diverged`: known and unknown rows together, or known rows that contradict each other
 *   (one descends from another);
 * - `incomplete`: a revision stopped part-way outside a transaction (or its progress record
 *   cannot be read); `stamp` resolves it.
 */
export type DatabaseState = 'empty' | 'behind' | 'current' | 'ahead' | 'diverged' | 'incomplete'

/** Every {@link DatabaseState}. */
export const DATABASE_STATES: readonly DatabaseState[] = Object.freeze([
  'empty',
  'behind',
  'current',
  'ahead',
  'diverged',
  'incomplete',
])

/**
 * What {@link status} returns for one database.
 *
 * @example
 * ```ts
 * const { state, pending } = await migrator.status()
 * if (state === 'behind') console.log(`${pending.length} revisions to apply`)
 * ```
 */
export interface StatusResult {
  readonly state: DatabaseState
  /** The `databases:` entry, when the env named one. */
  readonly name?: string | undefined
  /** The version rows, as the database holds them. */
  readonly rows: readonly string[]
  /** The heads of this application's revision graph. */
  readonly heads: readonly string[]
  /** The revisions `upgrade heads` would apply, in order (empty when it cannot plan). */
  readonly pending: readonly string[]
  /** Version rows this application does not know (written by a newer version). */
  readonly unknown: readonly string[]
  /** The record of a revision that stopped part-way (state `incomplete`). */
  readonly incomplete?: IncompleteMigrationDetails | undefined
  /** A progress record that cannot be read (state `incomplete`). */
  readonly unreadableProgress?: UnreadableProgressDetails | undefined
  /** With several databases (an env module that migrates several): one result each. */
  readonly databases: readonly StatusResult[]
}

/**
 * The state of a database from what a read of it found: pure, no connection. Precedence:
 * a progress record makes it `incomplete`; then no rows is `empty`; unknown rows are `ahead`
 * when all rows are unknown and `diverged` when some are known; known rows that the planner
 * rejects (one row descends from another) are `diverged`; rows equal to the heads (as
 * `current --check-heads` compares them, dependencies resolved) are `current`; else
 * `behind` with the pending revisions.
 *
 * @example
 * ```ts
 * classifyDatabase(map, { name: undefined, applied: [], before: ['a1'], heads: ['a1'] }).state // 'behind'
 * ```
 */
export function classifyDatabase(
  map: RevisionMap,
  read: RunResult,
): Omit<StatusResult, 'databases'> {
  const rows = read.heads
  const heads = map.effectiveHeads
  const unknown = rows.filter((id) => !map.has(id))
  const base = {
    ...(read.name === undefined ? {} : { name: read.name }),
    rows,
    heads,
    unknown,
    ...(read.incomplete ? { incomplete: read.incomplete } : {}),
    ...(read.unreadableProgress ? { unreadableProgress: read.unreadableProgress } : {}),
  }
  let pending: readonly string[] = []
  let consistent = unknown.length === 0
  if (consistent) {
    try {
      pending = planUpgrade(map, rows, 'heads').steps.map((step) => step.revision.id)
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error
      consistent = false
    }
  }
  const state: DatabaseState =
    read.incomplete !== undefined || read.unreadableProgress !== undefined
      ? 'incomplete'
      : rows.length === 0
        ? 'empty'
        : unknown.length === rows.length
          ? 'ahead'
          : !consistent
            ? 'diverged'
            : sameSet(rows, heads) || pending.length === 0
              ? 'current'
              : 'behind'
  return { state, ...base, pending }
}

/**
 * Reads where each database chosen for the command stands (see {@link DatabaseState}), so an
 * application can decide before it opens a database: upgrade it, open it read-only, or ask
 * the user to update. Never creates the version table and never takes the migration lock.
 * With several databases the top-level fields are those of the last one.
 *
 * @example
 * ```ts
 * const { state } = await status(config, { dialect: sqliteDialect({ filename }) })
 * if (state === 'ahead') openReadOnly(filename)
 * ```
 */
export async function status(config: Config, options: CommandOptions = {}): Promise<StatusResult> {
  const loaded = await loadRevisions(config, options)
  const reads = await runAction(config, loaded, { kind: 'current' }, options)
  const databases = reads.map((read) =>
    Object.freeze({ ...classifyDatabase(loaded.map, read), databases: [] }),
  )
  const last = databases[databases.length - 1]!
  return Object.freeze({ ...last, databases: Object.freeze(databases) })
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id))
}
