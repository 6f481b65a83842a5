import { planUpgrade, type Plan } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { InsideSquashError, type Squashes } from '../graph/squashes.js'
import type { AppliedRevision } from './migration-action.js'
import type { VersionTable } from './version-table.js'

/**
 * Brings version rows that name replaced revisions onto the graph, before a write plans:
 * a row at a squash's last replaced revision is updated to the squash revision (they are
 * the same state); a row inside a squash is finished first when `upgrade` is true (the
 * remaining replaced revisions run from their files with `migrate`, on the graph as it was
 * before the squash, then the row moves to the squash), else refused. Returns the rows the
 * graph plans from and the steps run.
 *
 * @example
 * ```ts
 * const { rows, applied } = await passSquashes(squashes, before, map, table, true, (legacy, plan) => runner.migrate(plan))
 * ```
 */
export async function passSquashes(
  squashes: Squashes,
  before: readonly string[],
  map: RevisionMap,
  table: VersionTable,
  upgrade: boolean,
  migrate: (legacy: RevisionMap, plan: Plan) => Promise<readonly AppliedRevision[]>,
  database?: string,
): Promise<{ rows: readonly string[]; applied: readonly AppliedRevision[] }> {
  if (squashes.isEmpty || !before.some((row) => squashes.placeOf(row) !== undefined)) {
    return { rows: before, applied: [] }
  }
  const applied: AppliedRevision[] = []
  for (const row of before) {
    const place = squashes.placeOf(row)
    if (place === undefined) continue
    const ids = squashes.squashes.get(place.squash)!
    const last = ids[ids.length - 1]!
    if (!place.last) {
      if (!upgrade) {
        const { missing } = squashes.remaining(row)
        if (missing.length > 0) throw new InsideSquashError(row, place.squash, missing, database)
        throw new InsideSquashError(row, place.squash, [], database)
      }
      const legacy = squashes.legacyMap(row, map, database)
      applied.push(...(await migrate(legacy, planUpgrade(legacy, [row], last))))
    }
    await table.apply([{ op: 'update', from: last, to: place.squash }])
  }
  // Every replaced row is now at its squash revision.
  const rows: string[] = []
  for (const row of before) {
    const id = squashes.placeOf(row)?.squash ?? row
    if (!rows.includes(id)) rows.push(id)
  }
  return { rows, applied }
}
