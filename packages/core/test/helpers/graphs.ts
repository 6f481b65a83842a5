import { expect } from 'vitest'
import { RevisionMap } from '../../src/graph/revision-map.js'
import type { MigrationStep, Plan, StampStep } from '../../src/graph/planner.js'
import type { RowChange } from '../../src/graph/version-rows.js'
import { createRevision, type Revision } from '../../src/revision.js'

/**
 * Shared in-memory revision graphs for the graph and planner tests. Every fixture is a list
 * of revisions (so a test can add or break one) and `map(fixture)` builds the graph.
 * Pictures read bottom (base) to top; `a <- b` means b's downRevision is a.
 */

/** Extra header fields of a fixture revision. */
export interface RevOptions {
  readonly dependsOn?: string | readonly string[]
  readonly labels?: string | readonly string[]
  readonly path?: string
  readonly message?: string
}

/** One revision: `rev('b2', 'a1')`, `rev('mg', ['f2', 'm2'])`, `rev('r1', 'p2', { dependsOn: 'd2' })`. */
export function rev(
  id: string,
  down: string | readonly string[] | null = null,
  options: RevOptions = {},
): Revision {
  return createRevision(
    {
      revision: id,
      downRevision: down,
      dependsOn: options.dependsOn ?? null,
      branchLabels: options.labels ?? null,
      message: options.message ?? `revision ${id}`,
    },
    options.path,
  )
}

/** Builds the graph of a fixture. */
export function map(revisions: readonly Revision[]): RevisionMap {
  return new RevisionMap(revisions)
}

/** `l1 <- l2 <- ... <- lN` (one base, one head). */
export function linear(n = 4, prefix = 'l'): Revision[] {
  return Array.from({ length: n }, (_, i) =>
    rev(`${prefix}${i + 1}`, i === 0 ? null : `${prefix}${i}`),
  )
}

/**
 * Two branches from one root:
 * ```
 * f1 <- f2        (feature)
 * /
 * root
 * \
 * m1 <- m2        (main)
 * ```
 * With `labels`, f1 carries `feature` and m1 carries `main`.
 */
export function branched(options: { labels?: boolean } = {}): Revision[] {
  const labels = options.labels ?? false
  return [
    rev('root'),
    rev('f1', 'root', labels ? { labels: 'feature' } : {}),
    rev('f2', 'f1'),
    rev('m1', 'root', labels ? { labels: 'main' } : {}),
    rev('m2', 'm1'),
  ]
}

/** {@link branched} closed by a merge `mg` of f2 and m2, and `top` above it. */
export function merged(options: { labels?: boolean } = {}): Revision[] {
  return [...branched(options), rev('mg', ['f2', 'm2']), rev('top', 'mg')]
}

/**
 * Criss-cross merges: a1 and b1 are both branch points, x and y both merge them, z merges x
 * and y.
 * ```
 *      z
 *     / \
 *    x   y
 *    |\ /|
 *    | X |
 *    |/ \|
 *   a1   b1
 *     \ /
 *     root
 * ```
 */
export function crissCross(): Revision[] {
  return [
    rev('root'),
    rev('a1', 'root'),
    rev('b1', 'root'),
    rev('x', ['a1', 'b1']),
    rev('y', ['b1', 'a1']),
    rev('z', ['x', 'y']),
  ]
}

/**
 * Several bases: two independent lines `x1 <- x2` and `y1 <- y2`, and a third root `w1`.
 * With `merge`, `xy` merges x2 and y2.
 */
export function severalBases(options: { merge?: boolean } = {}): Revision[] {
  const revisions = [rev('x1'), rev('x2', 'x1'), rev('y1'), rev('y2', 'y1'), rev('w1')]
  return options.merge ? [...revisions, rev('xy', ['x2', 'y2'])] : revisions
}

/**
 * `dependsOn` across branches: two roots, and r1 on the p line depends on d2 of the d line.
 * ```
 * p1 <- p2 <- r1 <- r2
 *             :
 * d1 <- d2 ...'        (r1 dependsOn d2)
 * ```
 * d2 stays a head (heads: r2, d2; resolving dependencies leaves r2). `dependsOn` replaces
 * what r1 names (a prefix, a label ...); with `labels`, p1 carries `pline` and d1 `dline`.
 */
export function dependsAcross(options: { dependsOn?: string; labels?: boolean } = {}): Revision[] {
  const labels = options.labels ?? false
  return [
    rev('p1', null, labels ? { labels: 'pline' } : {}),
    rev('p2', 'p1'),
    rev('d1', null, labels ? { labels: 'dline' } : {}),
    rev('d2', 'd1'),
    rev('r1', 'p2', { dependsOn: options.dependsOn ?? 'd2' }),
    rev('r2', 'r1'),
  ]
}

/**
 * Revision P with two dependents inside one root, to test "a revision that depends on X
 * itself stays":
 * ```
 * base0 <- x1 <- x2
 *     \
 *      q1 (dependsOn x1) <- q2
 * ```
 */
export function dependsWithin(): Revision[] {
  return [
    rev('base0'),
    rev('x1', 'base0'),
    rev('x2', 'x1'),
    rev('q1', 'base0', { dependsOn: 'x1' }),
    rev('q2', 'q1'),
  ]
}

/**
 * Two developers' branches off one trunk (full-length ids), bob's labelled `bob`:
 * ```
 * a11ce0000001   b0b000000001[bob]
 *             \ /
 *         0a0a0a0a0a0a
 * ```
 */
export function aliceBob(): Revision[] {
  return [
    rev('0a0a0a0a0a0a'),
    rev('a11ce0000001', '0a0a0a0a0a0a'),
    rev('b0b000000001', '0a0a0a0a0a0a', { labels: 'bob' }),
  ]
}

/**
 * R with parent P and `dependsOn` D, where D is another child of P:
 * ```
 *   d   r      (r dependsOn d)
 *    \ /
 *     p
 * ```
 */
export function dependsOnSibling(): Revision[] {
  return [rev('p'), rev('d', 'p'), rev('r', 'p', { dependsOn: 'd' })]
}

/**
 * Labelled branches for branch-label membership:
 * ```
 *           f1 <- f2[feature] <- f3
 *          /
 * b1 <- b2
 *          \
 *           m1[main] <- m2
 *
 * s1 <- s2[solo] <- s3                (no branch point: back to the root)
 *
 * u1 ,
 *     >- um <- z1 <- z2[zed] <- z3    (a merge below stops the walk)
 * v1 '
 * ```
 */
export function labelled(): Revision[] {
  return [
    rev('b1'),
    rev('b2', 'b1'),
    rev('f1', 'b2'),
    rev('f2', 'f1', { labels: 'feature' }),
    rev('f3', 'f2'),
    rev('m1', 'b2', { labels: 'main' }),
    rev('m2', 'm1'),
    rev('s1'),
    rev('s2', 's1', { labels: 'solo' }),
    rev('s3', 's2'),
    rev('u1'),
    rev('v1'),
    rev('um', ['u1', 'v1']),
    rev('z1', 'um'),
    rev('z2', 'z1', { labels: 'zed' }),
    rev('z3', 'z2'),
  ]
}

/** Long ids sharing prefixes, for prefix resolution. */
export function prefixed(): Revision[] {
  return [
    rev('abcd1111aaaa'),
    rev('abcd2222bbbb', 'abcd1111aaaa'),
    rev('abce3333cccc', 'abcd2222bbbb'),
    rev('ffff4444dddd', 'abce3333cccc'),
  ]
}

/** One compact line per step: `up f1 [update root->f1]`, `down mg [update mg->f2, insert m2]`. */
export function describeStep(step: MigrationStep | StampStep): string {
  const rows = step.rows.map(describeRow).join(', ')
  if (step.kind === 'stamp') return `stamp${step.purge ? ' purge' : ''} [${rows}]`
  return `${step.direction} ${step.revision.id} [${rows}]`
}

export function describeRow(row: RowChange): string {
  switch (row.op) {
    case 'insert':
      return `insert ${row.revision}`
    case 'update':
      return `update ${row.from}->${row.to}`
    case 'delete':
      return `delete ${row.revision}`
  }
}

/** The plan's steps as {@link describeStep} lines. */
export function describePlan(plan: Plan<MigrationStep> | Plan<StampStep>): string[] {
  return (plan.steps as readonly (MigrationStep | StampStep)[]).map(describeStep)
}

/**
 * Applies row changes to a row set the way the version table would, failing the test when a
 * change could not match exactly one row (insert of a present id, update or delete of a
 * missing one).
 */
export function applyRows(rows: Set<string>, changes: readonly RowChange[]): void {
  for (const change of changes) {
    switch (change.op) {
      case 'insert':
        expect(
          rows.has(change.revision),
          `insert of '${change.revision}' which is already a row`,
        ).toBe(false)
        rows.add(change.revision)
        break
      case 'update':
        expect(rows.has(change.from), `update from '${change.from}' which is not a row`).toBe(true)
        expect(rows.has(change.to), `update to '${change.to}' which is already a row`).toBe(false)
        rows.delete(change.from)
        rows.add(change.to)
        break
      case 'delete':
        expect(rows.has(change.revision), `delete of '${change.revision}' which is not a row`).toBe(
          true,
        )
        rows.delete(change.revision)
        break
    }
  }
}

/** Runs `call`, expecting it to throw an instance of `type` whose message is one line. */
export function errorOf<E extends Error>(
  type: abstract new (...args: never[]) => E,
  call: () => unknown,
): E {
  let thrown: unknown
  try {
    call()
  } catch (error) {
    thrown = error
  }
  if (thrown === undefined) throw new Error(`expected ${type.name} but nothing was thrown`)
  expect(thrown).toBeInstanceOf(type)
  const error = thrown as E
  expect(error.message, 'an error message is one line').not.toMatch(/[\r\n]/)
  expect(error.message.length).toBeGreaterThan(0)
  return error
}

/** Sorted copy, to compare row sets regardless of order. */
export function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort()
}
