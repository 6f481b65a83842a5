import type { IncompleteMigrationDetails, InFlightCheck } from '../errors.js'
import { planStamp } from '../graph/planner.js'
import { appliedRevisions } from '../graph/version-rows.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { ProgressRecord } from '../progress-record.js'

/**
 * What the errors about a revision that stopped part-way say: its file and the `stamp`
 * commands that resolve it, computed from the graph and the version rows (which still
 * describe the state before that revision, since its version-row change never ran).
 * The finishing stamp records the revision as done, the undoing one as not run; both are
 * checked by planning them, and start with `--purge` when plain stamps cannot reach the
 * rows. An unknown revision gets no commands (the message then says so generically).
 * `inFlight` is what the live schema says about a statement that was running when the
 * process stopped (see `checkInFlight`).
 *
 * @example
 * ```ts
 * const details = describeIncomplete(record, map, ['c3c3c3c3c3c3'], 'retort_version_progress')
 * details.finish // ['d4d4d4d4d4d4']
 * ```
 */
export function describeIncomplete(
  record: ProgressRecord,
  map: RevisionMap,
  rows: readonly string[],
  table: string,
  inFlight?: InFlightCheck,
): IncompleteMigrationDetails {
  const revision = map.get(record.revision)
  const base = { record, path: revision?.path, table, ...(inFlight ? { inFlight } : {}) }
  if (revision === undefined) return { ...base, finish: undefined, undo: undefined }
  try {
    const after =
      record.direction === 'up'
        ? planStamp(map, rows, revision.id).after
        : rowsWithout(map, rows, revision.id)
    return { ...base, finish: stampTargets(map, rows, after), undo: stampTargets(map, rows, rows) }
  } catch {
    // Rows the graph does not know, or a graph that changed since: no concrete advice.
    return { ...base, finish: undefined, undo: undefined }
  }
}

/** The version rows once `id` is un-applied: the maximal revisions of what stays applied. */
function rowsWithout(map: RevisionMap, rows: readonly string[], id: string): string[] {
  const applied = appliedRevisions(map, rows)
  applied.delete(id)
  const covered = new Set<string>()
  for (const a of applied)
    for (const ancestor of map.ancestors([a], { includeSelf: false })) covered.add(ancestor)
  return [...applied].filter((a) => !covered.has(a)).sort()
}

/** The `stamp` targets (in order) that take the version rows from `rows` to `wanted`. */
function stampTargets(
  map: RevisionMap,
  rows: readonly string[],
  wanted: readonly string[],
): string[] {
  if (wanted.length === 0) return []
  let current: readonly string[] = rows
  for (const id of wanted) current = planStamp(map, current, id).after
  if (sameSet(current, wanted)) return [...wanted]
  // Plain stamps keep rows they are unrelated to; a purge starts from an empty table.
  return [`--purge ${wanted[0]!}`, ...wanted.slice(1)]
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id))
}
