import { describe, expect, it } from 'vitest'
import {
  CycleDetectedError,
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  InvalidRevisionIdError,
  MissingRevisionError,
  ResolutionError,
  RevisionError,
} from '../src/errors.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import type { Revision } from '../src/revision.js'
import {
  branched,
  crissCross,
  dependsAcross,
  dependsWithin,
  errorOf,
  labelled,
  linear,
  map,
  merged,
  rev,
  severalBases,
  sorted,
} from './helpers/graphs.js'

const ids = (revisions: readonly Revision[]) => revisions.map((r) => r.id)

describe('RevisionMap validation', () => {
  interface InvalidCase {
    readonly name: string
    readonly revisions: readonly Revision[]
    readonly type: abstract new (...args: never[]) => RevisionError
    readonly code: string
    /** Substrings the one-line message must contain, in this order. */
    readonly mentions: readonly string[]
  }

  const cases: InvalidCase[] = [
    {
      name: 'duplicate id (both paths named)',
      revisions: [
        rev('a1', null, { path: 'versions/a1_init.ts' }),
        rev('a1', null, { path: 'versions/a1_copy.yaml' }),
      ],
      type: DuplicateRevisionError,
      code: 'duplicate-revision',
      mentions: ["'a1'", "'versions/a1_init.ts'", "'versions/a1_copy.yaml'", 'new id'],
    },
    {
      name: 'duplicate id without files',
      revisions: [rev('a1'), rev('b2', 'a1'), rev('a1')],
      type: DuplicateRevisionError,
      code: 'duplicate-revision',
      mentions: ["'a1'", 'declared twice'],
    },
    {
      name: 'missing parent',
      revisions: [rev('a1'), rev('b2', 'zz99', { path: 'versions/b2.ts' })],
      type: MissingRevisionError,
      code: 'missing-revision',
      mentions: ["'b2'", "'versions/b2.ts'", 'downRevision', "'zz99'"],
    },
    {
      name: 'missing parent of a merge',
      revisions: [rev('a1'), rev('mg', ['a1', 'gone'], { path: 'v/mg.ts' })],
      type: MissingRevisionError,
      code: 'missing-revision',
      mentions: ["'mg'", "'v/mg.ts'", "'gone'"],
    },
    {
      name: 'missing dependency',
      revisions: [rev('a1'), rev('b2', 'a1', { dependsOn: 'nope1234', path: 'versions/b2.ts' })],
      type: MissingRevisionError,
      code: 'missing-revision',
      mentions: ["'b2'", "'versions/b2.ts'", 'dependsOn', "'nope1234'"],
    },
    {
      name: 'unknown branch label in dependsOn',
      revisions: [
        rev('a1', null, { labels: 'core' }),
        rev('b2', 'a1', { dependsOn: 'billing', path: 'v/b2.ts' }),
      ],
      type: MissingRevisionError,
      code: 'missing-revision',
      mentions: ["'b2'", "'v/b2.ts'", 'dependsOn', "'billing'"],
    },
    {
      name: 'ambiguous prefix in dependsOn',
      revisions: [
        rev('abcd0001'),
        rev('abcd0002'),
        rev('x1', 'abcd0001', { dependsOn: 'abcd', path: 'v/x1.ts' }),
      ],
      type: RevisionError,
      code: 'ambiguous-revision',
      mentions: ["'x1'", "'v/x1.ts'", "'abcd'", "'abcd0001'", "'abcd0002'", 'full id'],
    },
    {
      name: 'cycle through downRevision (no head at all)',
      revisions: [
        rev('a1', 'c3', { path: 'v/a1.ts' }),
        rev('b2', 'a1', { path: 'v/b2.ts' }),
        rev('c3', 'b2', { path: 'v/c3.ts' }),
      ],
      type: CycleDetectedError,
      code: 'cycle',
      mentions: ['cycle', "'v/"],
    },
    {
      name: 'cycle reachable from a head',
      revisions: [
        rev('r0'),
        rev('a1', ['r0', 'c3']),
        rev('b2', 'a1'),
        rev('c3', 'b2'),
        rev('top', 'c3'),
      ],
      type: CycleDetectedError,
      code: 'cycle',
      mentions: ['cycle'],
    },
    {
      name: 'cycle not reachable from any head',
      revisions: [rev('r0'), rev('h1', 'r0'), rev('a1', 'b2'), rev('b2', 'a1')],
      type: CycleDetectedError,
      code: 'cycle',
      mentions: ['cycle'],
    },
    {
      name: 'self loop',
      revisions: [rev('r0'), rev('a1', 'a1', { path: 'v/a1.ts' })],
      type: CycleDetectedError,
      code: 'cycle',
      mentions: ["'a1' -> 'a1'", "'v/a1.ts'"],
    },
    {
      name: 'cycle through dependsOn',
      revisions: [rev('a1', null, { dependsOn: 'b2' }), rev('b2', 'a1')],
      type: CycleDetectedError,
      code: 'cycle',
      mentions: ['cycle'],
    },
    {
      name: 'illegal id characters',
      revisions: [rev('ab-cd', null, { path: 'versions/ab-cd.ts' })],
      type: InvalidRevisionIdError,
      code: 'invalid-revision-id',
      mentions: ["'ab-cd'", "'versions/ab-cd.ts'", 'letters, digits'],
    },
    {
      name: 'id with a space',
      revisions: [rev('a1'), rev('b 2', 'a1')],
      type: InvalidRevisionIdError,
      code: 'invalid-revision-id',
      mentions: ["'b 2'"],
    },
    {
      name: 'empty id',
      revisions: [rev('', null, { path: 'v/empty.ts' })],
      type: InvalidRevisionIdError,
      code: 'invalid-revision-id',
      mentions: ["''", "'v/empty.ts'"],
    },
    {
      name: 'duplicate branch label',
      revisions: [
        rev('a1', null, { labels: 'core' }),
        rev('b2', 'a1', { labels: 'core', path: 'v/b2.ts' }),
      ],
      type: DuplicateBranchLabelError,
      code: 'duplicate-branch-label',
      mentions: ["'core'", "'a1'", "'b2'", "'v/b2.ts'", 'unique'],
    },
    {
      name: 'branch label equal to a revision id',
      revisions: [rev('a1'), rev('b2', 'a1', { labels: 'a1', path: 'v/b2.ts' })],
      type: DuplicateBranchLabelError,
      code: 'duplicate-branch-label',
      mentions: ["'a1'", "'b2'", "'v/b2.ts'", 'differ from revision ids'],
    },
    {
      name: 'invalid branch label',
      revisions: [rev('a1', null, { labels: 'my label', path: 'v/a1.ts' })],
      type: RevisionError,
      code: 'invalid-branch-label',
      mentions: ["'my label'", "'a1'", "'v/a1.ts'"],
    },
  ]

  it.each(cases)('$name', ({ revisions, type, code, mentions }) => {
    const error = errorOf(type, () => new RevisionMap(revisions))
    expect(error).toBeInstanceOf(RevisionError)
    expect((error as RevisionError).code).toBe(code)
    let from = 0
    for (const mention of mentions) {
      const at = error.message.indexOf(mention, from)
      expect(at, `'${error.message}' should mention ${mention}`).toBeGreaterThanOrEqual(0)
      from = at
    }
  })

  it('a cycle error lists every revision of the cycle, closing it', () => {
    const error = errorOf(CycleDetectedError, () =>
      map([rev('r0'), rev('h1', 'r0'), rev('a1', 'c3'), rev('b2', 'a1'), rev('c3', 'b2')]),
    )
    expect(sorted(error.cycle)).toEqual(['a1', 'b2', 'c3'])
    const chain = error.message.match(/'(\w+)'( -> '\w+')+/)?.[0]
    expect(chain).toBeDefined()
    const listed = [...chain!.matchAll(/'(\w+)'/g)].map((m) => m[1])
    expect(listed).toHaveLength(4)
    expect(listed[0]).toBe(listed[3])
    expect(sorted(listed.slice(0, 3) as string[])).toEqual(['a1', 'b2', 'c3'])
  })

  it('a label equal to a revision id names only the revision that declares the label', () => {
    const error = errorOf(DuplicateBranchLabelError, () =>
      map([rev('a1'), rev('b2', 'a1', { labels: 'a1' })]),
    )
    expect(error.revisions).toEqual(['b2'])
    expect(error.message).toMatch(/^branch label 'a1' is declared by 'b2';/)
  })

  it('a label declared twice names both revisions', () => {
    const error = errorOf(DuplicateBranchLabelError, () =>
      map([rev('a1', null, { labels: 'core' }), rev('b2', 'a1', { labels: 'core' })]),
    )
    expect(error.revisions).toEqual(['a1', 'b2'])
  })

  it('a self loop is a cycle of one', () => {
    const error = errorOf(CycleDetectedError, () => map([rev('a1', 'a1')]))
    expect(error.cycle).toEqual(['a1'])
  })

  it('the error on a duplicate id carries both paths', () => {
    const error = errorOf(DuplicateRevisionError, () =>
      map([rev('a1', null, { path: 'one.ts' }), rev('a1', null, { path: 'two.ts' })]),
    )
    expect(error.revision).toBe('a1')
    expect(error.paths).toEqual(['one.ts', 'two.ts'])
  })

  it('accepts a dependsOn written as a unique prefix or a branch label', () => {
    const byPrefix = map([rev('abcd0001'), rev('efgh0002', null, { dependsOn: 'abcd' })])
    expect(byPrefix.dependencies('efgh0002')).toEqual(['abcd0001'])
    const byLabel = map(dependsAcross({ dependsOn: 'dline', labels: true }))
    expect(byLabel.dependencies('r1')).toEqual(['d1'])
    expect(byLabel.dependents('d1')).toEqual(['r1'])
  })

  it('accepts an empty graph', () => {
    const empty = map([])
    expect(empty.size).toBe(0)
    expect(empty.heads).toEqual([])
    expect(empty.bases).toEqual([])
    expect(empty.topologicalOrder).toEqual([])
    expect(empty.history()).toEqual([])
  })
})

describe('RevisionMap queries', () => {
  interface ShapeCase {
    readonly name: string
    readonly revisions: readonly Revision[]
    readonly heads: readonly string[]
    readonly effectiveHeads: readonly string[]
    readonly bases: readonly string[]
    readonly branchPoints: readonly string[]
    readonly mergePoints: readonly string[]
  }

  const shapes: ShapeCase[] = [
    {
      name: 'linear',
      revisions: linear(),
      heads: ['l4'],
      effectiveHeads: ['l4'],
      bases: ['l1'],
      branchPoints: [],
      mergePoints: [],
    },
    {
      name: 'branched',
      revisions: branched(),
      heads: ['f2', 'm2'],
      effectiveHeads: ['f2', 'm2'],
      bases: ['root'],
      branchPoints: ['root'],
      mergePoints: [],
    },
    {
      name: 'merged',
      revisions: merged(),
      heads: ['top'],
      effectiveHeads: ['top'],
      bases: ['root'],
      branchPoints: ['root'],
      mergePoints: ['mg'],
    },
    {
      name: 'criss-cross',
      revisions: crissCross(),
      heads: ['z'],
      effectiveHeads: ['z'],
      bases: ['root'],
      branchPoints: ['root', 'a1', 'b1'],
      mergePoints: ['x', 'y', 'z'],
    },
    {
      name: 'several bases',
      revisions: severalBases(),
      heads: ['x2', 'y2', 'w1'],
      effectiveHeads: ['x2', 'y2', 'w1'],
      bases: ['x1', 'y1', 'w1'],
      branchPoints: [],
      mergePoints: [],
    },
    {
      name: 'several bases merged',
      revisions: severalBases({ merge: true }),
      heads: ['w1', 'xy'],
      effectiveHeads: ['w1', 'xy'],
      bases: ['x1', 'y1', 'w1'],
      branchPoints: [],
      mergePoints: ['xy'],
    },
    {
      name: 'dependsOn across branches: a depended-on head is still a head',
      revisions: dependsAcross(),
      heads: ['d2', 'r2'],
      effectiveHeads: ['r2'],
      bases: ['p1', 'd1'],
      branchPoints: [],
      mergePoints: [],
    },
    {
      name: 'dependsOn within one root: a dependency is not a branch point',
      revisions: dependsWithin(),
      heads: ['x2', 'q2'],
      effectiveHeads: ['x2', 'q2'],
      bases: ['base0'],
      branchPoints: ['base0'],
      mergePoints: [],
    },
  ]

  it.each(shapes)('$name: heads, bases, branch and merge points', (shape) => {
    const graph = map(shape.revisions)
    expect(graph.heads).toEqual(shape.heads)
    expect(graph.effectiveHeads).toEqual(shape.effectiveHeads)
    expect(graph.bases).toEqual(shape.bases)
    expect(sorted(graph.branchPoints)).toEqual(sorted(shape.branchPoints))
    expect(sorted(graph.mergePoints)).toEqual(sorted(shape.mergePoints))
    for (const id of ids(shape.revisions)) {
      expect(graph.isHead(id)).toBe(shape.heads.includes(id))
      expect(graph.isBase(id)).toBe(shape.bases.includes(id))
      expect(graph.isBranchPoint(id)).toBe(shape.branchPoints.includes(id))
      expect(graph.isMergePoint(id)).toBe(shape.mergePoints.includes(id))
    }
  })

  it('a head another head depends on is hidden only by effectiveHeads', () => {
    const graph = map([rev('a1'), rev('b1'), rev('b2', 'b1', { dependsOn: 'a1' })])
    expect(graph.heads).toEqual(['a1', 'b2'])
    expect(graph.effectiveHeads).toEqual(['b2'])
    expect(graph.isHead('a1')).toBe(true)
    expect(graph.children('a1')).toEqual([])
    expect(graph.dependents('a1')).toEqual(['b2'])
  })

  it('parents, children, dependencies, dependents, requirements', () => {
    const graph = map(dependsAcross())
    expect(graph.parents('r1')).toEqual(['p2'])
    expect(graph.dependencies('r1')).toEqual(['d2'])
    expect(graph.requirements('r1')).toEqual(['p2', 'd2'])
    expect(graph.children('p2')).toEqual(['r1'])
    expect(graph.children('d2')).toEqual([])
    expect(graph.dependents('d2')).toEqual(['r1'])
    expect(graph.requirements('p1')).toEqual([])
    const merge = map(merged())
    expect(merge.parents('mg')).toEqual(['f2', 'm2'])
    expect(merge.children('root')).toEqual(['f1', 'm1'])
  })

  it('unknown ids are a ResolutionError naming the id', () => {
    const graph = map(linear())
    for (const call of [
      () => graph.children('nope'),
      () => graph.parents('nope'),
      () => graph.ancestors(['nope']),
      () => graph.descendants(['nope']),
      () => graph.position('nope'),
    ]) {
      const error = errorOf(ResolutionError, call)
      expect(error.message).toContain("'nope'")
      expect(error.code).toBe('unknown-revision')
    }
  })

  describe('ancestors and descendants', () => {
    const graph = map(dependsAcross())
    const cases = [
      { call: () => graph.ancestors(['r1']), expected: ['d1', 'd2', 'p1', 'p2', 'r1'] },
      {
        call: () => graph.ancestors(['r1'], { includeSelf: false }),
        expected: ['d1', 'd2', 'p1', 'p2'],
      },
      { call: () => graph.ancestors(['p2', 'd1']), expected: ['d1', 'p1', 'p2'] },
      { call: () => graph.ancestors([]), expected: [] },
      { call: () => graph.descendants(['d1']), expected: ['d1', 'd2', 'r1', 'r2'] },
      { call: () => graph.descendants(['d1'], { downOnly: true }), expected: ['d1', 'd2'] },
      { call: () => graph.descendants(['d2'], { includeSelf: false }), expected: ['r1', 'r2'] },
      {
        call: () => graph.descendants(['p1'], { includeSelf: false, downOnly: true }),
        expected: ['p2', 'r1', 'r2'],
      },
    ]
    it.each(cases.map((c, i) => ({ ...c, i })))('case $i', ({ call, expected }) => {
      expect(sorted(call())).toEqual(expected)
    })

    it('criss-cross: ancestors through both merges, no duplicates', () => {
      const cc = map(crissCross())
      expect(sorted(cc.ancestors(['z']))).toEqual(['a1', 'b1', 'root', 'x', 'y', 'z'])
      expect(sorted(cc.ancestors(['x'], { includeSelf: false }))).toEqual(['a1', 'b1', 'root'])
      expect(sorted(cc.descendants(['a1']))).toEqual(['a1', 'x', 'y', 'z'])
    })
  })

  describe('branch labels', () => {
    const graph = map(labelled())
    const membership = [
      {
        label: 'feature',
        members: ['f1', 'f2', 'f3'],
        why: 'labelled, descendant, ancestor back to the branch point b2',
      },
      { label: 'main', members: ['m1', 'm2'], why: 'labelled right above the branch point' },
      {
        label: 'solo',
        members: ['s1', 's2', 's3'],
        why: 'no branch point below: back to the root',
      },
      {
        label: 'zed',
        members: ['z1', 'z2', 'z3'],
        why: 'a merge below stops the walk (um excluded)',
      },
    ]
    it.each(membership)('$label: $why', ({ label, members }) => {
      expect(sorted(graph.branchMembers(label))).toEqual(members)
      expect(graph.branchLabels.get(label)).toBe(
        members.find((m) => graph.get(m)!.branchLabels.includes(label)),
      )
      for (const id of graph.topologicalOrder) {
        expect(graph.branchLabelsOf(id).includes(label)).toBe(members.includes(id))
      }
    })

    it('the branch point and the merge below belong to no label', () => {
      expect(graph.branchLabelsOf('b2')).toEqual([])
      expect(graph.branchLabelsOf('b1')).toEqual([])
      expect(graph.branchLabelsOf('um')).toEqual([])
      expect(graph.branchLabelsOf('u1')).toEqual([])
    })

    it('a label on a merge point covers the merge and above only', () => {
      const m = map(
        [...merged(), rev('nx', 'top')].map((r) =>
          r.id === 'mg' ? rev('mg', ['f2', 'm2'], { labels: 'joined' }) : r,
        ),
      )
      expect(sorted(m.branchMembers('joined'))).toEqual(['mg', 'nx', 'top'])
    })

    it('descendants of a labelled revision include both sides of a later branch point', () => {
      const m = map([rev('a1', null, { labels: 'trunk' }), rev('b1', 'a1'), rev('c1', 'a1')])
      expect(sorted(m.branchMembers('trunk'))).toEqual(['a1', 'b1', 'c1'])
    })

    it('several labels on one revision, and the label map', () => {
      const m = map([rev('a1', null, { labels: ['one', 'two'] }), rev('b1', 'a1')])
      expect([...m.branchLabels]).toEqual([
        ['one', 'a1'],
        ['two', 'a1'],
      ])
      expect(m.branchLabelsOf('b1')).toEqual(['one', 'two'])
    })

    it('an unknown label is a ResolutionError listing the known ones', () => {
      const error = errorOf(ResolutionError, () => graph.branchMembers('nolabel'))
      expect(error.code).toBe('unknown-branch-label')
      expect(error.message).toContain("'nolabel'")
      expect(error.message).toContain("'feature'")
      const bare = errorOf(ResolutionError, () => map(linear()).branchMembers('x'))
      expect(bare.message).toContain('no branch labels')
    })
  })

  describe('topological order', () => {
    const fixtures = {
      linear: linear(),
      branched: branched(),
      merged: merged(),
      crissCross: crissCross(),
      severalBases: severalBases({ merge: true }),
      dependsAcross: dependsAcross(),
      dependsWithin: dependsWithin(),
      labelled: labelled(),
    }

    it.each(Object.entries(fixtures))(
      '%s: parents and dependencies before children, every id once',
      (_name, revisions) => {
        const graph = map(revisions)
        const order = graph.topologicalOrder
        expect(sorted(order)).toEqual(sorted(ids(revisions)))
        order.forEach((id, index) => {
          expect(graph.position(id)).toBe(index)
          for (const required of graph.requirements(id))
            expect(graph.position(required)).toBeLessThan(index)
        })
      },
    )

    it.each(Object.entries(fixtures))(
      '%s: the same input gives the same order',
      (_name, revisions) => {
        expect(map(revisions).topologicalOrder).toEqual(map(revisions).topologicalOrder)
        expect(map([...revisions]).topologicalOrder).toEqual(map(revisions).topologicalOrder)
      },
    )

    it('keeps each line of work together, in declared order', () => {
      expect(map(merged()).topologicalOrder).toEqual(['root', 'f1', 'f2', 'm1', 'm2', 'mg', 'top'])
      expect(map(dependsAcross()).topologicalOrder).toEqual(['d1', 'd2', 'p1', 'p2', 'r1', 'r2'])
    })
  })

  describe('history', () => {
    it.each([
      ['linear', linear()],
      ['merged', merged()],
      ['crissCross', crissCross()],
      ['dependsAcross', dependsAcross()],
      ['labelled', labelled()],
    ] as const)(
      '%s: newest first, children and dependents before what they need',
      (_name, revisions) => {
        const graph = map(revisions)
        const history = ids(graph.history())
        expect(sorted(history)).toEqual(sorted(ids(revisions)))
        history.forEach((id, index) => {
          for (const required of graph.requirements(id))
            expect(history.indexOf(required)).toBeGreaterThan(index)
        })
      },
    )

    it('linear, exactly', () => {
      expect(ids(map(linear()).history())).toEqual(['l4', 'l3', 'l2', 'l1'])
    })

    const graph = map(merged())
    const ranges = [
      { range: 'f1:mg', expected: ['mg', 'f2', 'f1'] },
      { range: 'root:f2', expected: ['f2', 'f1', 'root'] },
      { range: 'm2:', expected: ['top', 'mg', 'm2'] },
      { range: ':m1', expected: ['m1', 'root'] },
      { range: 'base:heads', expected: ['top', 'mg', 'm2', 'm1', 'f2', 'f1', 'root'] },
      { range: 'base:head', expected: ['top', 'mg', 'm2', 'm1', 'f2', 'f1', 'root'] },
      { range: 'f2:m2', expected: [] },
      { range: 'top:root', expected: [] },
      { range: 'mg:mg', expected: ['mg'] },
      { range: ':', expected: ['top', 'mg', 'm2', 'm1', 'f2', 'f1', 'root'] },
    ]
    it.each(ranges)('range $range', ({ range, expected }) => {
      expect(ids(graph.history(graph.resolveRange(range)))).toEqual(expected)
    })

    it('a range that goes through a dependency', () => {
      const dep = map(dependsAcross())
      expect(ids(dep.history(dep.resolveRange('d2:r2')))).toEqual(['r2', 'r1', 'd2'])
      expect(ids(dep.history(dep.resolveRange(':r1')))).toEqual(['r1', 'p2', 'p1', 'd2', 'd1'])
    })

    it('a branch base as lower bound', () => {
      const lab = map(labelled())
      expect(ids(lab.history(lab.resolveRange('feature@base:feature@head')))).toEqual([
        'f3',
        'f2',
        'f1',
      ])
    })
  })
})
