import { RevisionError, UnknownDatabaseRevisionError } from '../errors.js'
import type { RevisionMap } from './revision-map.js'

/**
 * The version rows of a database and how they change: a row per head the database is at,
 * what is applied below them, and the row changes that applying or un-applying one
 * revision, or stamping new rows, make. The planner chooses which revisions run; this
 * module alone says what that does to the version table.
 */

/** One change to the version table. */
export type RowChange =
  | { readonly op: 'insert'; readonly revision: string }
  | { readonly op: 'update'; readonly from: string; readonly to: string }
  | { readonly op: 'delete'; readonly revision: string }

/**
 * The revisions applied to a database: the version rows and all their ancestors. Checks that
 * every row is known and that the rows are maximal (no row is an ancestor of another).
 *
 * @example
 * ```ts
 * appliedRevisions(map, ['c3']) // Set { 'c3', 'b2', 'a1' }
 * ```
 */
export function appliedRevisions(map: RevisionMap, current: readonly string[]): Set<string> {
  checkKnownRows(map, current)
  const applied = map.ancestors(current)
  if (current.length > 1) {
    const below = map.ancestors(current, { includeSelf: false })
    const redundant = current.filter((id) => below.has(id))
    if (redundant.length > 0) {
      throw new RevisionError(
        'inconsistent-version-table',
        `the version table holds ${describeRows(redundant)} together with a revision that descends from it; fix it with 'retort stamp REV' (or 'stamp --purge REV')`,
      )
    }
  }
  return applied
}

/**
 * Every row is a revision of the map; else {@link UnknownDatabaseRevisionError} (the
 * database was migrated by a newer version of the application).
 *
 * @example
 * ```ts
 * checkKnownRows(map, ['c3'])
 * ```
 */
export function checkKnownRows(map: RevisionMap, current: readonly string[]): void {
  const unknown = current.filter((id) => !map.has(id))
  if (unknown.length > 0) throw new UnknownDatabaseRevisionError(unknown)
}

/**
 * The row changes that turn the rows `before` into `after` without running anything (a
 * stamp): a removed row is updated to an added one where it can be, the rest deleted or
 * inserted.
 *
 * @example
 * ```ts
 * stampRowChanges(['f2', 'm2'], ['mg']) // [{ op: 'update', from: 'f2', to: 'mg' }, { op: 'delete', revision: 'm2' }]
 * ```
 */
export function stampRowChanges(before: readonly string[], after: readonly string[]): RowChange[] {
  const removed = before.filter((id) => !after.includes(id))
  const added = after.filter((id) => !before.includes(id))
  const rows: RowChange[] = []
  const pairs = Math.min(removed.length, added.length)
  for (let i = 0; i < pairs; i++) rows.push({ op: 'update', from: removed[i]!, to: added[i]! })
  for (const id of removed.slice(pairs)) rows.push({ op: 'delete', revision: id })
  for (const id of added.slice(pairs)) rows.push({ op: 'insert', revision: id })
  return rows
}

/**
 * The applied set and version rows while a plan is simulated step by step: `apply` and
 * `unapply` give the row changes of one revision and move the state on.
 *
 * @example
 * ```ts
 * const state = new AppliedState(map, ['a1'])
 * state.apply('b2') // [{ op: 'update', from: 'a1', to: 'b2' }]
 * state.rowList() // ['b2']
 * ```
 */
export class AppliedState {
  readonly applied: Set<string>
  readonly #rows: Set<string>
  readonly #map: RevisionMap

  constructor(map: RevisionMap, current: readonly string[]) {
    this.#map = map
    this.applied = appliedRevisions(map, current)
    this.#rows = new Set(current)
  }

  rowList(): string[] {
    return [...this.#rows]
  }

  /** Applies `id` (all its requirements are applied): the rows it supersedes make way for it. */
  apply(id: string): RowChange[] {
    const superseded = unique(this.#map.requirements(id)).filter((r) => this.#rows.has(r))
    // Array literals, not push: a plan of 10,000 steps keeps every step's rows to the end of
    // the run, and an array grown by push reserves room for 17 items.
    const rows: RowChange[] =
      superseded.length === 0
        ? [{ op: 'insert', revision: id }]
        : superseded.length === 1
          ? [{ op: 'update', from: superseded[0]!, to: id }]
          : [
              ...superseded.slice(1).map((other): RowChange => ({ op: 'delete', revision: other })),
              { op: 'update', from: superseded[0]!, to: id },
            ]
    for (const r of superseded) this.#rows.delete(r)
    this.#rows.add(id)
    this.applied.add(id)
    return rows
  }

  /** Un-applies `id` (a current row): its requirements that nothing else applied needs come back. */
  unapply(id: string): RowChange[] {
    this.applied.delete(id)
    this.#rows.delete(id)
    const restored = unique(this.#map.requirements(id)).filter(
      (r) =>
        !this.#map.children(r).some((c) => this.applied.has(c)) &&
        !this.#map.dependents(r).some((d) => this.applied.has(d)),
    )
    const rows: RowChange[] =
      restored.length === 0
        ? [{ op: 'delete', revision: id }]
        : restored.length === 1
          ? [{ op: 'update', from: id, to: restored[0]! }]
          : [
              { op: 'update', from: id, to: restored[0]! },
              ...restored.slice(1).map((other): RowChange => ({ op: 'insert', revision: other })),
            ]
    for (const r of restored) this.#rows.add(r)
    return rows
  }
}

/** `'a1', 'b2'`, or `base` for no rows. */
export function describeRows(rows: readonly string[]): string {
  return rows.length === 0 ? 'base' : rows.map((r) => `'${r}'`).join(', ')
}

function unique(ids: readonly string[]): string[] {
  return ids.length < 2 ? [...ids] : [...new Set(ids)]
}
