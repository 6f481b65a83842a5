import { ResolutionError } from '../errors.js'
import type { Revision } from '../revision.js'
import type { ResolveOptions, RevisionMap } from './revision-map.js'
import type { Target } from './target.js'
import {
  AppliedState,
  checkKnownRows,
  describeRows,
  stampRowChanges,
  type RowChange,
} from './version-rows.js'

/** Run one revision's upgrade or downgrade, then apply its version-row changes. */
export interface MigrationStep {
  readonly kind: 'migration'
  readonly revision: Revision
  readonly direction: 'up' | 'down'
  readonly rows: readonly RowChange[]
}

/** Change version rows without running anything (`stamp`). */
export interface StampStep {
  readonly kind: 'stamp'
  /** Empty the table first (`stamp --purge`). */
  readonly purge: boolean
  readonly rows: readonly RowChange[]
}

/** The ordered steps from the database's rows to a target, and the rows at the end. */
export interface Plan<S extends MigrationStep | StampStep = MigrationStep> {
  readonly steps: readonly S[]
  readonly before: readonly string[]
  readonly after: readonly string[]
}

/** A target given as an identifier string or already resolved. */
export type TargetInput = string | Target

/**
 * Plans an upgrade: every ancestor of the target (through `downRevision` and `dependsOn`)
 * that is not applied yet, parents first, each step with its version-row changes. `heads`
 * moves every branch; an already satisfied target gives an empty plan.
 *
 * @example
 * ```ts
 * const plan = planUpgrade(map, ['a1'], 'head')
 * plan.steps.map((s) => s.revision.id) // ['b2', 'c3']
 * ```
 */
export function planUpgrade(
  map: RevisionMap,
  current: readonly string[],
  target: TargetInput,
): Plan {
  const state = new AppliedState(map, current)
  const resolved = resolveTarget(map, target, current)
  let wanted: readonly string[]
  switch (resolved.kind) {
    case 'base':
      if (resolved.branch !== undefined) {
        throw new ResolutionError(
          `${resolved.branch}@base`,
          `'${resolved.branch}@base' is a downgrade target; to upgrade the branch use '${resolved.branch}@head'`,
        )
      }
      wanted = []
      break
    case 'heads':
      wanted = map.heads
      break
    case 'revisions':
      wanted = resolved.ids
      break
  }
  const needed = [...map.ancestors(wanted)].filter((id) => !state.applied.has(id))
  needed.sort((a, b) => map.position(a) - map.position(b))
  const steps = needed.map((id) => migrationStep(map, id, 'up', state.apply(id)))
  return { steps, before: [...current], after: state.rowList() }
}

/**
 * Plans a downgrade to the target: un-applies the target's applied descendants through
 * `downRevision` (the target stays), and every applied revision that descends from or
 * depends on one of those, children and dependents first. `base` un-applies everything,
 * `LABEL@base` the whole branch. A relative downgrade from the rows (`-N`, `REV@-N`,
 * `LABEL@-N`) un-applies only the revisions it passed over and what descends from or depends
 * on them: the other branches keep their rows, and what a removed revision depends on stays.
 * A downgrade to a current head is an empty plan.
 *
 * @example
 * ```ts
 * planDowngrade(map, ['c3'], 'a1').steps.map((s) => s.revision.id) // ['c3', 'b2']
 * planDowngrade(map, ['a11ce', 'b0b0'], 'b0b0@-1').after // ['a11ce']
 * ```
 */
export function planDowngrade(
  map: RevisionMap,
  current: readonly string[],
  target: TargetInput,
): Plan {
  const state = new AppliedState(map, current)
  const resolved = resolveTarget(map, target, current)
  if (resolved.kind === 'heads') {
    throw new ResolutionError(
      'heads',
      `'heads' is an upgrade target; a downgrade needs a revision, 'base' or 'LABEL@base'`,
    )
  }
  const steps = removedBy(map, state, resolved, current).map((id) =>
    migrationStep(map, id, 'down', state.unapply(id)),
  )
  return { steps, before: [...current], after: state.rowList() }
}

/**
 * The applied revisions a downgrade to `target` un-applies, children and dependents first:
 * every applied revision that is, descends from or depends on one the downgrade takes back.
 * Those are the revisions a relative move passed over; what is above a revision target
 * through `downRevision` (the target itself stays); everything for `base`; the branch's
 * members for `LABEL@base`.
 */
function removedBy(
  map: RevisionMap,
  state: AppliedState,
  target: Target & { kind: 'base' | 'revisions' },
  current: readonly string[],
): string[] {
  let start: Iterable<string>
  if (target.passedOver !== undefined) {
    start = target.passedOver
  } else if (target.kind === 'base') {
    start = target.branch === undefined ? state.applied : map.branchMembers(target.branch)
  } else {
    const above = new Set<string>()
    for (const id of target.ids) {
      if (!state.applied.has(id)) {
        throw new ResolutionError(
          id,
          `cannot downgrade to '${id}': it is not applied (the database is at ${describeRows(current)}); to move forward use upgrade`,
          'not-applied',
        )
      }
      for (const child of map.descendants([id], { downOnly: true, includeSelf: false }))
        above.add(child)
    }
    start = above
  }
  const appliedStart = [...start].filter((id) => state.applied.has(id))
  const removed =
    appliedStart.length === 0
      ? []
      : [...map.descendants(appliedStart)].filter((id) => state.applied.has(id))
  return removed.sort((a, b) => map.position(b) - map.position(a))
}

/**
 * Plans a stamp: the rows related to the target (its ancestors or descendants,
 * dependencies included) are replaced by the target without running anything; rows on
 * unrelated branches stay. `heads` leaves the graph's heads (those no other revision depends
 * on), `base` deletes every row; `purge` empties the table first (the way out when it holds
 * ids this application does not know). A relative move down from the rows (`-N`, `REV@-N`,
 * `LABEL@-N`) gives the rows the same downgrade would leave.
 *
 * @example
 * ```ts
 * planStamp(map, ['f2', 'm2'], 'f1').after // ['m2', 'f1']
 * ```
 */
export function planStamp(
  map: RevisionMap,
  current: readonly string[],
  target: TargetInput,
  options: { purge?: boolean } = {},
): Plan<StampStep> {
  const purge = options.purge ?? false
  const before = purge ? [] : current
  if (!purge) checkKnownRows(map, current)
  const resolved = resolveTarget(map, target, before)
  if (resolved.kind !== 'heads' && resolved.passedOver !== undefined) {
    // What the downgrade would un-apply, taken off the rows without running it.
    const state = new AppliedState(map, before)
    for (const id of removedBy(map, state, resolved, before)) state.unapply(id)
    return stampPlan(current, state.rowList(), purge)
  }
  let targets: string[]
  switch (resolved.kind) {
    case 'base':
      if (resolved.branch !== undefined) {
        throw new ResolutionError(
          `${resolved.branch}@base`,
          `stamp cannot take '${resolved.branch}@base'; stamp a revision (the branch point below the branch), 'heads' or 'base'`,
        )
      }
      // No revision at all: every row goes.
      return stampPlan(current, [], purge)
    case 'heads':
      targets = [...map.heads]
      break
    case 'revisions':
      targets = [...resolved.ids]
      break
  }
  // Only the maximal targets: stamping a head that another target depends on would replace it.
  const covered = new Set<string>()
  for (const id of targets)
    for (const a of map.ancestors([id], { includeSelf: false })) covered.add(a)
  targets = targets.filter((id) => !covered.has(id))
  let rows = [...before]
  for (const id of targets) {
    const ancestors = map.ancestors([id])
    rows = rows.filter((row) => !ancestors.has(row) && !map.ancestors([row]).has(id))
    rows.push(id)
  }
  return stampPlan(current, rows, purge)
}

/** A stamp from `current` to `after`: one step, none when nothing changes. */
function stampPlan(
  current: readonly string[],
  after: readonly string[],
  purge: boolean,
): Plan<StampStep> {
  const rows = stampRowChanges(purge ? [] : current, after)
  const steps: StampStep[] = rows.length === 0 && !purge ? [] : [{ kind: 'stamp', purge, rows }]
  return { steps, before: [...current], after: [...after] }
}

function migrationStep(
  map: RevisionMap,
  id: string,
  direction: 'up' | 'down',
  rows: readonly RowChange[],
): MigrationStep {
  return { kind: 'migration', revision: map.get(id)!, direction, rows }
}

function resolveTarget(map: RevisionMap, target: TargetInput, current: readonly string[]): Target {
  if (typeof target !== 'string') return target
  const options: ResolveOptions = { current }
  return map.resolve(target, options)
}
