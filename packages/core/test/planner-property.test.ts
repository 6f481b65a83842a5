import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ResolutionError } from '../src/errors.js'
import {
  planDowngrade,
  planStamp,
  planUpgrade,
  type MigrationStep,
  type Plan,
  type StampStep,
} from '../src/graph/planner.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import type { Target } from '../src/graph/target.js'
import type { Revision } from '../src/revision.js'
import { applyRows, rev, sorted } from './helpers/graphs.js'

/**
 * Property tests on random DAGs. The expected answers come from {@link Oracle}, which walks
 * the generated spec directly and never asks the RevisionMap.
 */

interface NodeSpec {
  readonly parents: readonly number[]
  /** Index of an earlier revision this one depends on, or null. */
  readonly dependency: number | null
  /** Write the dependency as its branch label when it has one. */
  readonly dependencyByLabel: boolean
  readonly labelled: boolean
}

interface GraphSpec {
  readonly nodes: readonly NodeSpec[]
  /** The order in which the revisions are handed to the RevisionMap. */
  readonly order: readonly number[]
}

const idOf = (index: number) => `n${index}`
const labelOf = (index: number) => `L${index}`

const nodeArb = (index: number): fc.Arbitrary<NodeSpec> =>
  index === 0
    ? fc.record({
        parents: fc.constant([]),
        dependency: fc.constant(null),
        dependencyByLabel: fc.constant(false),
        labelled: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
      })
    : fc
        .record({
          // Mostly lines, some new roots and merges.
          parents: fc.oneof(
            { arbitrary: fc.constant<number[]>([]), weight: 1 },
            { arbitrary: fc.nat(index - 1).map((parent) => [parent]), weight: 6 },
            {
              arbitrary: fc.uniqueArray(fc.nat(index - 1), { minLength: 1, maxLength: 2 }),
              weight: 3,
            },
          ),
          dependency: fc
            .tuple(fc.integer({ min: 0, max: 3 }), fc.nat(index - 1))
            .map(([k, d]) => (k === 0 ? d : null)),
          dependencyByLabel: fc.boolean(),
          labelled: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
        })
        .map((node) => ({
          ...node,
          // A dependency is an extra edge: never one of the parents.
          dependency:
            node.dependency !== null && node.parents.includes(node.dependency)
              ? null
              : node.dependency,
        }))

const graphArb: fc.Arbitrary<GraphSpec> = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const indices = Array.from({ length: n }, (_, i) => i)
  return fc.record({
    nodes: fc.tuple(...indices.map(nodeArb)),
    order: fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
  })
})

function revisionsOf(spec: GraphSpec): Revision[] {
  return spec.order.map((index) => {
    const node = spec.nodes[index]!
    const dependency = node.dependency
    const dependsOn =
      dependency === null
        ? []
        : [
            node.dependencyByLabel && spec.nodes[dependency]!.labelled
              ? labelOf(dependency)
              : idOf(dependency),
          ]
    return rev(idOf(index), node.parents.map(idOf), {
      dependsOn,
      labels: node.labelled ? labelOf(index) : [],
    })
  })
}

/** Ancestry computed from the spec alone. */
class Oracle {
  readonly ids: readonly string[]
  readonly parents = new Map<string, readonly string[]>()
  readonly requirements = new Map<string, readonly string[]>()
  readonly children = new Map<string, string[]>()

  constructor(spec: GraphSpec) {
    this.ids = spec.nodes.map((_, i) => idOf(i))
    for (const id of this.ids) this.children.set(id, [])
    spec.nodes.forEach((node, i) => {
      const parents = node.parents.map(idOf)
      this.parents.set(idOf(i), parents)
      this.requirements.set(
        idOf(i),
        node.dependency === null ? parents : [...parents, idOf(node.dependency)],
      )
      for (const parent of parents) this.children.get(parent)!.push(idOf(i))
    })
  }

  /** The ids and everything they need, through parents and dependencies. */
  ancestors(ids: Iterable<string>): Set<string> {
    const seen = new Set<string>()
    const stack = [...ids]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (seen.has(id)) continue
      seen.add(id)
      stack.push(...this.requirements.get(id)!)
    }
    return seen
  }

  /** The ids and everything that descends from them through children only. */
  downDescendants(ids: Iterable<string>): Set<string> {
    const seen = new Set<string>()
    const stack = [...ids]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (seen.has(id)) continue
      seen.add(id)
      stack.push(...this.children.get(id)!)
    }
    return seen
  }

  /** Elements of `set` that nothing else in `set` needs (directly or transitively). */
  maximal(set: ReadonlySet<string>): Set<string> {
    const below = new Set<string>()
    for (const id of set) for (const a of this.ancestors(this.requirements.get(id)!)) below.add(a)
    return new Set([...set].filter((id) => !below.has(id)))
  }

  get heads(): string[] {
    return this.ids.filter((id) => this.children.get(id)!.length === 0)
  }

  /** A consistent version table: the maximal elements of the closure of some revisions. */
  rowsFor(picks: readonly number[]): string[] {
    if (this.ids.length === 0) return []
    return [...this.maximal(this.ancestors(picks.map((p) => this.ids[p % this.ids.length]!)))]
  }
}

/** A target identifier built from random numbers once the graph is known. */
interface TargetSpec {
  readonly form: number
  readonly pick: number
  readonly steps: number
}

const targetArb: fc.Arbitrary<TargetSpec> = fc.record({
  // Forms 10-12 name an applied revision, 13-14 a step on a branch, 15 any revision.
  form: fc.nat(15),
  pick: fc.nat(),
  steps: fc.integer({ min: 1, max: 3 }),
})

function targetText(
  spec: GraphSpec,
  target: TargetSpec,
  applied: ReadonlySet<string> = new Set(),
): string {
  const id = idOf(target.pick % spec.nodes.length)
  const appliedIds = sorted(applied)
  const labels = spec.nodes.flatMap((node, i) => (node.labelled ? [labelOf(i)] : []))
  const label = labels.length === 0 ? undefined : labels[target.pick % labels.length]
  switch (target.form) {
    case 0:
      return 'heads'
    case 1:
      return 'base'
    case 2:
      return 'head'
    case 3:
      return `+${target.steps}`
    case 4:
      return `-${target.steps}`
    case 5:
      return `${id}+${target.steps}`
    case 6:
      return `${id}-${target.steps}`
    case 7:
      return `base+${target.steps}`
    case 8:
      return label === undefined ? `head-${target.steps}` : `${label}@head`
    case 9:
      return label === undefined ? 'current' : `${label}@base`
    case 10:
    case 11:
    case 12:
      return appliedIds.length === 0 ? id : appliedIds[target.pick % appliedIds.length]!
    case 13:
      return label === undefined ? id : `${label}@+${target.steps}`
    case 14:
      return label === undefined ? id : `${label}@-${target.steps}`
    default:
      return id
  }
}

type Kind = 'upgrade' | 'downgrade' | 'stamp'
interface OperationSpec {
  readonly kind: Kind
  readonly target: TargetSpec
  readonly purge: boolean
}

const operationArb: fc.Arbitrary<OperationSpec> = fc.record({
  kind: fc.constantFrom<Kind>('upgrade', 'downgrade', 'downgrade', 'stamp'),
  target: targetArb,
  purge: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
})

function run(
  map: RevisionMap,
  rows: readonly string[],
  operation: OperationSpec,
  text: string,
): Plan<MigrationStep> | Plan<StampStep> {
  switch (operation.kind) {
    case 'upgrade':
      return planUpgrade(map, rows, text)
    case 'downgrade':
      return planDowngrade(map, rows, text)
    case 'stamp':
      return planStamp(map, rows, text, { purge: operation.purge })
  }
}

/** Runs a planner, or returns undefined when the identifier legitimately does not resolve here. */
function attempt<T>(call: () => T): T | undefined {
  try {
    return call()
  } catch (error) {
    if (error instanceof ResolutionError) return undefined
    throw error
  }
}

/** The ids an upgrade to a resolved target must reach. */
function wantedBy(oracle: Oracle, target: Target): string[] {
  switch (target.kind) {
    case 'base':
      return []
    case 'heads':
      return oracle.heads
    case 'revisions':
      return [...target.ids]
  }
}

/**
 * Replays a migration plan on the applied set and the rows, asserting at every step that the
 * order is valid; returns the applied set at the end.
 */
function replayMigrations(
  oracle: Oracle,
  rows: readonly string[],
  plan: Plan<MigrationStep>,
): Set<string> {
  const applied = oracle.ancestors(rows)
  const table = new Set(rows)
  for (const step of plan.steps) {
    const id = step.revision.id
    if (step.direction === 'up') {
      expect(applied.has(id), `'${id}' applied twice`).toBe(false)
      for (const required of oracle.requirements.get(id)!) {
        expect(applied.has(required), `'${id}' applied before its requirement '${required}'`).toBe(
          true,
        )
      }
      applied.add(id)
    } else {
      expect(applied.has(id), `'${id}' un-applied but not applied`).toBe(true)
      applied.delete(id)
      for (const other of applied) {
        expect(
          oracle.requirements.get(other)!.includes(id),
          `'${id}' un-applied while '${other}' needs it`,
        ).toBe(false)
      }
    }
    applyRows(table, step.rows)
    // After every step the rows are exactly the maximal applied revisions.
    expect(sorted(table)).toEqual(sorted(oracle.maximal(applied)))
  }
  expect(sorted(table)).toEqual(sorted(plan.after))
  return applied
}

const RUNS = { numRuns: 200 }

describe('planner properties on random DAGs', () => {
  it('random graphs build, and the order/heads/bases agree with the spec', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const oracle = new Oracle(spec)
        const map = new RevisionMap(revisionsOf(spec))
        const order = map.topologicalOrder
        expect(sorted(order)).toEqual(sorted(oracle.ids))
        for (const id of order) {
          for (const required of oracle.requirements.get(id)!)
            expect(map.position(required)).toBeLessThan(map.position(id))
        }
        expect(new RevisionMap(revisionsOf(spec)).topologicalOrder).toEqual(order)
        expect(sorted(map.heads)).toEqual(sorted(oracle.heads))
        expect(sorted(map.bases)).toEqual(
          sorted(oracle.ids.filter((id) => oracle.parents.get(id)!.length === 0)),
        )
        const history = map.history().map((r) => r.id)
        for (const [index, id] of history.entries()) {
          for (const required of oracle.requirements.get(id)!)
            expect(history.indexOf(required)).toBeGreaterThan(index)
        }
        for (const id of oracle.ids)
          expect(sorted(map.ancestors([id]))).toEqual(sorted(oracle.ancestors([id])))
      }),
      RUNS,
    )
  })

  it('single steps: <rev>-1 is the only parent, <rev>+1 the only child, <rev>+0 itself', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const oracle = new Oracle(spec)
        const map = new RevisionMap(revisionsOf(spec))
        for (const id of oracle.ids) {
          expect(map.resolve(`${id}+0`)).toEqual({ kind: 'revisions', ids: [id] })
          const parents = oracle.parents.get(id)!
          if (parents.length === 0) expect(map.resolve(`${id}-1`)).toEqual({ kind: 'base' })
          if (parents.length === 1)
            expect(map.resolve(`${id}-1`)).toEqual({ kind: 'revisions', ids: parents })
          const children = oracle.children.get(id)!
          if (children.length === 1)
            expect(map.resolve(`${id}+1`)).toEqual({ kind: 'revisions', ids: children })
          if (children.length === 0) expect(() => map.resolve(`${id}+1`)).toThrow(/only 0 steps up/)
        }
      }),
      RUNS,
    )
  })

  it('(a, d) an upgrade applies exactly the missing ancestors of the target, in a valid order', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.array(fc.nat(), { maxLength: 3 }),
        targetArb,
        (spec, picks, targetSpec) => {
          const oracle = new Oracle(spec)
          const map = new RevisionMap(revisionsOf(spec))
          const rows = oracle.rowsFor(picks)
          const text = targetText(spec, targetSpec, oracle.ancestors(rows))
          const target = attempt(() => map.resolve(text, { current: rows }))
          if (target === undefined || (target.kind === 'base' && target.branch !== undefined))
            return
          const plan = planUpgrade(map, rows, target)
          const before = oracle.ancestors(rows)
          const expected = [...oracle.ancestors(wantedBy(oracle, target))].filter(
            (id) => !before.has(id),
          )
          expect(sorted(plan.steps.map((s) => s.revision.id))).toEqual(sorted(expected))
          expect(plan.steps.every((s) => s.direction === 'up')).toBe(true)
          const applied = replayMigrations(oracle, rows, plan)
          expect(sorted(applied)).toEqual(sorted(new Set([...before, ...expected])))
        },
      ),
      RUNS,
    )
  })

  it('(a) a downgrade un-applies exactly the applied revisions above the target, in a valid order', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.array(fc.nat(), { maxLength: 3 }),
        targetArb,
        (spec, picks, targetSpec) => {
          const oracle = new Oracle(spec)
          const map = new RevisionMap(revisionsOf(spec))
          const rows = oracle.rowsFor(picks)
          const text = targetText(spec, targetSpec, oracle.ancestors(rows))
          const plan = attempt(() => planDowngrade(map, rows, text))
          if (plan === undefined) return
          const target = map.resolve(text, { current: rows })
          const before = oracle.ancestors(rows)
          expect(plan.steps.every((s) => s.direction === 'down')).toBe(true)
          const applied = replayMigrations(oracle, rows, plan)
          if (target.kind !== 'heads' && target.passedOver !== undefined) {
            // A move down from the rows takes what it passed over and what needs one of those.
            const passed = target.passedOver
            const expected = [...before].filter((id) =>
              [...oracle.ancestors([id])].some((a) => passed.includes(a)),
            )
            expect(sorted(plan.steps.map((s) => s.revision.id))).toEqual(sorted(expected))
          } else if (target.kind === 'revisions') {
            // The target stays, and everything removed was above it or needed something above it.
            for (const id of target.ids) expect(applied.has(id)).toBe(true)
            const above = [...oracle.downDescendants(target.ids)].filter(
              (id) => !target.ids.includes(id),
            )
            const expected = [...before].filter((id) =>
              [...oracle.ancestors([id])].some((a) => above.includes(a)),
            )
            expect(sorted(plan.steps.map((s) => s.revision.id))).toEqual(sorted(expected))
          } else if (target.kind === 'base' && target.branch === undefined) {
            expect(applied.size).toBe(0)
            expect(plan.after).toEqual([])
          }
        },
      ),
      RUNS,
    )
  })

  it('(b) base -> heads -> base returns to no rows and nothing applied', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const oracle = new Oracle(spec)
        const map = new RevisionMap(revisionsOf(spec))
        const up = planUpgrade(map, [], 'heads')
        expect(sorted(up.steps.map((s) => s.revision.id))).toEqual(sorted(oracle.ids))
        const applied = replayMigrations(oracle, [], up)
        expect(applied.size).toBe(oracle.ids.length)
        expect(sorted(up.after)).toEqual(sorted(oracle.maximal(new Set(oracle.ids))))
        const down = planDowngrade(map, up.after, 'base')
        expect(sorted(down.steps.map((s) => s.revision.id))).toEqual(sorted(oracle.ids))
        expect(replayMigrations(oracle, up.after, down).size).toBe(0)
        expect(down.after).toEqual([])
        // Symmetry: the downgrade runs the revisions in exactly the reverse order.
        expect(down.steps.map((s) => s.revision.id)).toEqual(
          up.steps.map((s) => s.revision.id).reverse(),
        )
      }),
      RUNS,
    )
  })

  it('(c) after any sequence of plans, the replayed rows are plan.after and are the maximal applied revisions', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.array(fc.nat(), { maxLength: 2 }),
        fc.array(operationArb, { minLength: 1, maxLength: 8 }),
        (spec, picks, operations) => {
          const oracle = new Oracle(spec)
          const map = new RevisionMap(revisionsOf(spec))
          let rows = oracle.rowsFor(picks)
          let applied = oracle.ancestors(rows)
          for (const operation of operations) {
            const text = targetText(spec, operation.target, applied)
            const plan = attempt(() => run(map, rows, operation, text))
            if (plan === undefined) continue
            expect(plan.before).toEqual(rows)
            expect(new Set(plan.after).size).toBe(plan.after.length)
            if (operation.kind === 'stamp') {
              const table = new Set(operation.purge ? [] : rows)
              for (const step of plan.steps as readonly StampStep[]) {
                expect(step.kind).toBe('stamp')
                expect(step.purge).toBe(operation.purge)
                applyRows(table, step.rows)
              }
              expect(sorted(table)).toEqual(sorted(plan.after))
              applied = oracle.ancestors(plan.after)
            } else {
              applied = replayMigrations(oracle, rows, plan as Plan<MigrationStep>)
            }
            expect(sorted(plan.after)).toEqual(sorted(oracle.maximal(applied)))
            expect(sorted(oracle.ancestors(plan.after))).toEqual(sorted(applied))
            rows = [...plan.after]
          }
        },
      ),
      RUNS,
    )
  })

  it('(c) a stamp keeps rows unrelated to its target and ends at the target', () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat(), { maxLength: 3 }), fc.nat(), (spec, picks, pick) => {
        const oracle = new Oracle(spec)
        const map = new RevisionMap(revisionsOf(spec))
        const rows = oracle.rowsFor(picks)
        const target = oracle.ids[pick % oracle.ids.length]!
        const plan = planStamp(map, rows, target)
        expect(plan.after).toContain(target)
        const related = new Set([...oracle.ancestors([target])])
        for (const row of rows) {
          const isRelated = related.has(row) || oracle.ancestors([row]).has(target)
          expect(plan.after.includes(row)).toBe(!isRelated || row === target)
        }
        expect(sorted(plan.after)).toEqual(sorted(oracle.maximal(oracle.ancestors(plan.after))))
      }),
      RUNS,
    )
  })

  it('(e) plans are deterministic', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.array(fc.nat(), { maxLength: 3 }),
        operationArb,
        (spec, picks, operation) => {
          const oracle = new Oracle(spec)
          const rows = oracle.rowsFor(picks)
          const text = targetText(spec, operation.target, oracle.ancestors(rows))
          const first = attempt(() =>
            run(new RevisionMap(revisionsOf(spec)), rows, operation, text),
          )
          const map = new RevisionMap(revisionsOf(spec))
          const second = attempt(() => run(map, rows, operation, text))
          const third = attempt(() => run(map, rows, operation, text))
          expect(second).toEqual(first)
          expect(third).toEqual(first)
        },
      ),
      RUNS,
    )
  })
})
