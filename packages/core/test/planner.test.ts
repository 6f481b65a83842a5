import { describe, expect, it } from 'vitest'
import { ResolutionError, RevisionError, UnknownDatabaseRevisionError } from '../src/errors.js'
import {
  planDowngrade,
  planStamp,
  planUpgrade,
  type MigrationStep,
  type Plan,
  type StampStep,
  type TargetInput,
} from '../src/graph/planner.js'
import { appliedRevisions } from '../src/graph/version-rows.js'
import { HEADS_TARGET, revisionsTarget } from '../src/graph/target.js'
import type { Revision } from '../src/revision.js'
import {
  aliceBob,
  applyRows,
  branched,
  crissCross,
  dependsAcross,
  dependsOnSibling,
  dependsWithin,
  describePlan,
  errorOf,
  linear,
  map,
  merged,
  severalBases,
  sorted,
} from './helpers/graphs.js'

interface PlanCase {
  readonly name: string
  readonly graph: readonly Revision[]
  readonly rows: readonly string[]
  readonly target: TargetInput
  readonly purge?: boolean
  /** {@link describePlan} lines, in order. */
  readonly steps: readonly string[]
  /** Rows at the end (any order). */
  readonly after: readonly string[]
}

type Planner = 'upgrade' | 'downgrade' | 'stamp'

function plan(kind: Planner, c: PlanCase): Plan<MigrationStep> | Plan<StampStep> {
  const graph = map(c.graph)
  switch (kind) {
    case 'upgrade':
      return planUpgrade(graph, c.rows, c.target)
    case 'downgrade':
      return planDowngrade(graph, c.rows, c.target)
    case 'stamp':
      return planStamp(graph, c.rows, c.target, { purge: c.purge ?? false })
  }
}

function table(kind: Planner, cases: readonly PlanCase[]) {
  it.each(cases)('$name', (c) => {
    const result = plan(kind, c)
    expect(describePlan(result)).toEqual(c.steps)
    expect(sorted(result.after)).toEqual(sorted(c.after))
    expect(result.before).toEqual(c.rows)
    // The row changes, replayed on the rows, give exactly the rows the plan announces.
    const rows = new Set(c.purge ? [] : c.rows)
    for (const step of result.steps) applyRows(rows, step.rows)
    expect(sorted(rows)).toEqual(sorted(result.after))
    expect(new Set(result.after).size).toBe(result.after.length)
  })
}

describe('planUpgrade', () => {
  table('upgrade', [
    // linear
    {
      name: 'linear: base to head',
      graph: linear(),
      rows: [],
      target: 'head',
      steps: [
        'up l1 [insert l1]',
        'up l2 [update l1->l2]',
        'up l3 [update l2->l3]',
        'up l4 [update l3->l4]',
      ],
      after: ['l4'],
    },
    {
      name: 'linear: one step by id',
      graph: linear(),
      rows: ['l2'],
      target: 'l3',
      steps: ['up l3 [update l2->l3]'],
      after: ['l3'],
    },
    {
      name: 'linear: +2 from the current row',
      graph: linear(),
      rows: ['l1'],
      target: '+2',
      steps: ['up l2 [update l1->l2]', 'up l3 [update l2->l3]'],
      after: ['l3'],
    },
    {
      name: 'linear: +1 from base is the first revision',
      graph: linear(),
      rows: [],
      target: '+1',
      steps: ['up l1 [insert l1]'],
      after: ['l1'],
    },
    {
      name: 'linear: base+1',
      graph: linear(),
      rows: [],
      target: 'base+1',
      steps: ['up l1 [insert l1]'],
      after: ['l1'],
    },
    {
      name: 'linear: a resolved target',
      graph: linear(),
      rows: ['l3'],
      target: revisionsTarget(['l4']),
      steps: ['up l4 [update l3->l4]'],
      after: ['l4'],
    },

    // already satisfied
    {
      name: 'satisfied: an applied revision',
      graph: linear(),
      rows: ['l3'],
      target: 'l2',
      steps: [],
      after: ['l3'],
    },
    {
      name: 'satisfied: the current head',
      graph: linear(),
      rows: ['l4'],
      target: 'head',
      steps: [],
      after: ['l4'],
    },
    {
      name: 'satisfied: base',
      graph: linear(),
      rows: ['l3'],
      target: 'base',
      steps: [],
      after: ['l3'],
    },
    {
      name: 'satisfied: base on an empty database',
      graph: linear(),
      rows: [],
      target: 'base',
      steps: [],
      after: [],
    },
    {
      name: 'satisfied: current',
      graph: linear(),
      rows: ['l2'],
      target: 'current',
      steps: [],
      after: ['l2'],
    },
    {
      name: 'satisfied: heads on both branches',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'heads',
      steps: [],
      after: ['f2', 'm2'],
    },
    {
      name: 'satisfied: a parent of a merge',
      graph: merged(),
      rows: ['top'],
      target: 'm1',
      steps: [],
      after: ['top'],
    },

    // branches
    {
      name: 'branch: one branch only, never the other',
      graph: branched(),
      rows: [],
      target: 'f2',
      steps: ['up root [insert root]', 'up f1 [update root->f1]', 'up f2 [update f1->f2]'],
      after: ['f2'],
    },
    {
      name: 'branch: heads moves both, the second branch INSERTs',
      graph: branched(),
      rows: [],
      target: 'heads',
      steps: [
        'up root [insert root]',
        'up f1 [update root->f1]',
        'up f2 [update f1->f2]',
        'up m1 [insert m1]',
        'up m2 [update m1->m2]',
      ],
      after: ['f2', 'm2'],
    },
    {
      name: 'branch: heads as a resolved target',
      graph: branched(),
      rows: ['f1'],
      target: HEADS_TARGET,
      steps: ['up f2 [update f1->f2]', 'up m1 [insert m1]', 'up m2 [update m1->m2]'],
      after: ['f2', 'm2'],
    },
    {
      name: 'branch: the other branch from a row on the first',
      graph: branched(),
      rows: ['f2'],
      target: 'm2',
      steps: ['up m1 [insert m1]', 'up m2 [update m1->m2]'],
      after: ['f2', 'm2'],
    },
    {
      name: 'branch: LABEL@head',
      graph: branched({ labels: true }),
      rows: ['f1'],
      target: 'main@head',
      steps: ['up m1 [insert m1]', 'up m2 [update m1->m2]'],
      after: ['f1', 'm2'],
    },
    {
      name: 'branch: LABEL@+1 moves that branch only',
      graph: branched({ labels: true }),
      rows: ['f1', 'm1'],
      target: 'feature@+1',
      steps: ['up f2 [update f1->f2]'],
      after: ['f2', 'm1'],
    },

    {
      name: 'branch: LABEL@+1 starts a branch that has no row yet',
      graph: branched({ labels: true }),
      rows: ['m2'],
      target: 'feature@+1',
      steps: ['up f1 [insert f1]'],
      after: ['m2', 'f1'],
    },

    // merges
    {
      name: 'merge: DELETE the other parent and UPDATE one',
      graph: merged(),
      rows: ['f2', 'm2'],
      target: 'head',
      steps: ['up mg [delete m2, update f2->mg]', 'up top [update mg->top]'],
      after: ['top'],
    },
    {
      name: 'merge: +1 onto a merge applies the other parent line too',
      graph: merged(),
      rows: ['f2'],
      target: '+1',
      steps: ['up m1 [insert m1]', 'up m2 [update m1->m2]', 'up mg [delete m2, update f2->mg]'],
      after: ['mg'],
    },
    {
      name: 'merge: from base to head',
      graph: merged(),
      rows: [],
      target: 'head',
      steps: [
        'up root [insert root]',
        'up f1 [update root->f1]',
        'up f2 [update f1->f2]',
        'up m1 [insert m1]',
        'up m2 [update m1->m2]',
        'up mg [delete m2, update f2->mg]',
        'up top [update mg->top]',
      ],
      after: ['top'],
    },

    // criss-cross
    {
      name: 'criss-cross: base to head',
      graph: crissCross(),
      rows: [],
      target: 'head',
      steps: [
        'up root [insert root]',
        'up a1 [update root->a1]',
        'up b1 [insert b1]',
        'up x [delete b1, update a1->x]',
        'up y [insert y]',
        'up z [delete y, update x->z]',
      ],
      after: ['z'],
    },
    {
      name: 'criss-cross: the second merge of rows already merged INSERTs',
      graph: crissCross(),
      rows: ['x'],
      target: 'y',
      steps: ['up y [insert y]'],
      after: ['x', 'y'],
    },
    {
      name: 'criss-cross: one merge from both parents',
      graph: crissCross(),
      rows: ['a1', 'b1'],
      target: 'y',
      steps: ['up y [delete a1, update b1->y]'],
      after: ['y'],
    },

    // several bases
    {
      name: 'several bases: heads inserts a row per root',
      graph: severalBases(),
      rows: [],
      target: 'heads',
      steps: [
        'up x1 [insert x1]',
        'up x2 [update x1->x2]',
        'up y1 [insert y1]',
        'up y2 [update y1->y2]',
        'up w1 [insert w1]',
      ],
      after: ['x2', 'y2', 'w1'],
    },
    {
      name: 'several bases: a merge of two roots',
      graph: severalBases({ merge: true }),
      rows: ['x2'],
      target: 'xy',
      steps: ['up y1 [insert y1]', 'up y2 [update y1->y2]', 'up xy [delete y2, update x2->xy]'],
      after: ['xy'],
    },

    // dependsOn
    {
      name: 'dependsOn: applying R (parent P, dependsOn D) leaves the row R alone',
      graph: dependsAcross(),
      rows: ['p2', 'd2'],
      target: 'r1',
      steps: ['up r1 [delete d2, update p2->r1]'],
      after: ['r1'],
    },
    {
      name: 'dependsOn: the dependency line is applied first',
      graph: dependsAcross(),
      rows: [],
      target: 'r1',
      steps: [
        'up d1 [insert d1]',
        'up d2 [update d1->d2]',
        'up p1 [insert p1]',
        'up p2 [update p1->p2]',
        'up r1 [delete d2, update p2->r1]',
      ],
      after: ['r1'],
    },
    {
      name: 'dependsOn: from the parent only',
      graph: dependsAcross(),
      rows: ['p2'],
      target: 'r2',
      steps: [
        'up d1 [insert d1]',
        'up d2 [update d1->d2]',
        'up r1 [delete d2, update p2->r1]',
        'up r2 [update r1->r2]',
      ],
      after: ['r2'],
    },
    {
      name: 'dependsOn: heads, where a head is a dependency of the other',
      graph: dependsAcross(),
      rows: ['p1'],
      target: 'heads',
      steps: [
        'up d1 [insert d1]',
        'up d2 [update d1->d2]',
        'up p2 [update p1->p2]',
        'up r1 [delete d2, update p2->r1]',
        'up r2 [update r1->r2]',
      ],
      after: ['r2'],
    },
    {
      name: 'dependsOn within one root: a dependent of an applied non-row INSERTs',
      graph: dependsWithin(),
      rows: ['x2'],
      target: 'q2',
      steps: ['up q1 [insert q1]', 'up q2 [update q1->q2]'],
      after: ['x2', 'q2'],
    },
    {
      name: 'dependsOn within one root: the dependency row is superseded',
      graph: dependsWithin(),
      rows: ['x1'],
      target: 'q1',
      steps: ['up q1 [update x1->q1]'],
      after: ['q1'],
    },
  ])

  it('steps carry the revisions of the graph, direction up', () => {
    const graph = map(linear())
    const result = planUpgrade(graph, [], 'head')
    for (const step of result.steps) {
      expect(step.kind).toBe('migration')
      expect(step.direction).toBe('up')
      expect(step.revision).toBe(graph.get(step.revision.id))
    }
  })

  it('refuses LABEL@base, which is a downgrade target', () => {
    const error = errorOf(ResolutionError, () =>
      planUpgrade(map(branched({ labels: true })), [], 'feature@base'),
    )
    expect(error.message).toContain("'feature@base'")
    expect(error.message).toContain("'feature@head'")
  })
})

describe('planDowngrade', () => {
  table('downgrade', [
    // linear
    {
      name: 'linear: head to l2',
      graph: linear(),
      rows: ['l4'],
      target: 'l2',
      steps: ['down l4 [update l4->l3]', 'down l3 [update l3->l2]'],
      after: ['l2'],
    },
    {
      name: 'linear: to base, the last one DELETEs',
      graph: linear(),
      rows: ['l4'],
      target: 'base',
      steps: [
        'down l4 [update l4->l3]',
        'down l3 [update l3->l2]',
        'down l2 [update l2->l1]',
        'down l1 [delete l1]',
      ],
      after: [],
    },
    {
      name: 'linear: -1',
      graph: linear(),
      rows: ['l2'],
      target: '-1',
      steps: ['down l2 [update l2->l1]'],
      after: ['l1'],
    },
    {
      name: 'linear: -1 from the first revision',
      graph: linear(),
      rows: ['l1'],
      target: '-1',
      steps: ['down l1 [delete l1]'],
      after: [],
    },
    {
      name: 'linear: head-3',
      graph: linear(),
      rows: ['l2'],
      target: 'head-3',
      steps: ['down l2 [update l2->l1]'],
      after: ['l1'],
    },

    // already satisfied
    {
      name: 'satisfied: to the current head',
      graph: linear(),
      rows: ['l3'],
      target: 'l3',
      steps: [],
      after: ['l3'],
    },
    {
      name: 'satisfied: base on an empty database',
      graph: linear(),
      rows: [],
      target: 'base',
      steps: [],
      after: [],
    },
    {
      name: 'satisfied: current',
      graph: branched(),
      rows: ['f2', 'm1'],
      target: 'current',
      steps: [],
      after: ['f2', 'm1'],
    },

    // branches
    {
      name: 'branch: one branch, the other stays',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'f1',
      steps: ['down f2 [update f2->f1]'],
      after: ['f1', 'm2'],
    },
    {
      name: 'branch: to the branch point; closing a branch DELETEs its row',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'root',
      steps: [
        'down m2 [update m2->m1]',
        'down m1 [delete m1]',
        'down f2 [update f2->f1]',
        'down f1 [update f1->root]',
      ],
      after: ['root'],
    },
    {
      name: 'branch: LABEL@base closes that branch only',
      graph: branched({ labels: true }),
      rows: ['f2', 'm2'],
      target: 'main@base',
      steps: ['down m2 [update m2->m1]', 'down m1 [delete m1]'],
      after: ['f2'],
    },
    {
      name: 'branch: LABEL@-1',
      graph: branched({ labels: true }),
      rows: ['f2', 'm2'],
      target: 'feature@-1',
      steps: ['down f2 [update f2->f1]'],
      after: ['f1', 'm2'],
    },
    {
      name: 'branch: base un-applies everything',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'base',
      steps: [
        'down m2 [update m2->m1]',
        'down m1 [delete m1]',
        'down f2 [update f2->f1]',
        'down f1 [update f1->root]',
        'down root [delete root]',
      ],
      after: [],
    },

    // merges
    {
      name: 'un-merge: UPDATE + INSERT re-create the parent rows',
      graph: merged(),
      rows: ['top'],
      target: 'f2',
      steps: ['down top [update top->mg]', 'down mg [update mg->f2, insert m2]'],
      after: ['f2', 'm2'],
    },
    {
      name: 'un-merge then one parent line',
      graph: merged(),
      rows: ['top'],
      target: 'm1',
      steps: [
        'down top [update top->mg]',
        'down mg [update mg->f2, insert m2]',
        'down m2 [update m2->m1]',
      ],
      after: ['f2', 'm1'],
    },
    {
      name: 'un-merge down to the root',
      graph: merged(),
      rows: ['mg'],
      target: 'root',
      steps: [
        'down mg [update mg->f2, insert m2]',
        'down m2 [update m2->m1]',
        'down m1 [delete m1]',
        'down f2 [update f2->f1]',
        'down f1 [update f1->root]',
      ],
      after: ['root'],
    },
    {
      name: 'un-merge: LABEL@base of a branch below a merge takes the merge too',
      graph: merged({ labels: true }),
      rows: ['top'],
      target: 'main@base',
      steps: [
        'down top [update top->mg]',
        'down mg [update mg->f2, insert m2]',
        'down m2 [update m2->m1]',
        'down m1 [delete m1]',
      ],
      after: ['f2'],
    },

    // criss-cross
    {
      name: 'criss-cross: to one side; the other side stays',
      graph: crissCross(),
      rows: ['z'],
      target: 'a1',
      steps: [
        'down z [update z->x, insert y]',
        'down y [delete y]',
        'down x [update x->a1, insert b1]',
      ],
      after: ['a1', 'b1'],
    },
    {
      name: 'criss-cross: to the root',
      graph: crissCross(),
      rows: ['z'],
      target: 'root',
      steps: [
        'down z [update z->x, insert y]',
        'down y [delete y]',
        'down x [update x->a1, insert b1]',
        'down b1 [delete b1]',
        'down a1 [update a1->root]',
      ],
      after: ['root'],
    },

    // several bases
    {
      name: 'several bases: to base deletes each root row',
      graph: severalBases(),
      rows: ['x2', 'y2', 'w1'],
      target: 'base',
      steps: [
        'down w1 [delete w1]',
        'down y2 [update y2->y1]',
        'down y1 [delete y1]',
        'down x2 [update x2->x1]',
        'down x1 [delete x1]',
      ],
      after: [],
    },
    {
      name: 'several bases: one line, the others stay',
      graph: severalBases(),
      rows: ['x2', 'y2'],
      target: 'x1',
      steps: ['down x2 [update x2->x1]'],
      after: ['x1', 'y2'],
    },
    {
      name: 'several bases: un-merge two roots',
      graph: severalBases({ merge: true }),
      rows: ['xy'],
      target: 'y2',
      steps: ['down xy [update xy->x2, insert y2]'],
      after: ['x2', 'y2'],
    },

    // dependsOn
    {
      name: 'dependsOn: un-applying R restores P and D',
      graph: dependsAcross(),
      rows: ['r1'],
      target: 'p2',
      steps: ['down r1 [update r1->p2, insert d2]'],
      after: ['p2', 'd2'],
    },
    {
      name: 'dependsOn: downgrading a dependency un-applies its dependents',
      graph: dependsAcross(),
      rows: ['r2'],
      target: 'd1',
      steps: [
        'down r2 [update r2->r1]',
        'down r1 [update r1->p2, insert d2]',
        'down d2 [update d2->d1]',
      ],
      after: ['p2', 'd1'],
    },
    {
      name: 'dependsOn: dependencies of a downgraded branch stay applied',
      graph: dependsAcross(),
      rows: ['r2'],
      target: 'p1',
      steps: [
        'down r2 [update r2->r1]',
        'down r1 [update r1->p2, insert d2]',
        'down p2 [update p2->p1]',
      ],
      after: ['p1', 'd2'],
    },
    {
      name: 'dependsOn: a revision that depends on X itself stays',
      graph: dependsWithin(),
      rows: ['x2', 'q2'],
      target: 'x1',
      steps: ['down x2 [delete x2]'],
      after: ['q2'],
    },
    {
      name: 'dependsOn: below X, its dependents go too',
      graph: dependsWithin(),
      rows: ['x2', 'q2'],
      target: 'base0',
      steps: [
        'down q2 [update q2->q1]',
        'down q1 [delete q1]',
        'down x2 [update x2->x1]',
        'down x1 [update x1->base0]',
      ],
      after: ['base0'],
    },
    {
      name: 'dependsOn: base',
      graph: dependsAcross(),
      rows: ['r2'],
      target: 'base',
      steps: [
        'down r2 [update r2->r1]',
        'down r1 [update r1->p2, insert d2]',
        'down p2 [update p2->p1]',
        'down p1 [delete p1]',
        'down d2 [update d2->d1]',
        'down d1 [delete d1]',
      ],
      after: [],
    },
  ])

  describe('relative downgrades stay on their branch', () => {
    table('downgrade', [
      {
        name: 'LABEL@-1 takes that branch only; the sibling keeps its row',
        graph: aliceBob(),
        rows: ['a11ce0000001', 'b0b000000001'],
        target: 'bob@-1',
        steps: ['down b0b000000001 [delete b0b000000001]'],
        after: ['a11ce0000001'],
      },
      {
        name: 'REV@-1 takes that branch only',
        graph: aliceBob(),
        rows: ['a11ce0000001', 'b0b000000001'],
        target: 'b0b000000001@-1',
        steps: ['down b0b000000001 [delete b0b000000001]'],
        after: ['a11ce0000001'],
      },
      {
        name: 'REV@-1 with a partial id',
        graph: aliceBob(),
        rows: ['a11ce0000001', 'b0b000000001'],
        target: 'a11c@-1',
        steps: ['down a11ce0000001 [delete a11ce0000001]'],
        after: ['b0b000000001'],
      },
      {
        name: 'the absolute branch point still takes every branch above it',
        graph: aliceBob(),
        rows: ['a11ce0000001', 'b0b000000001'],
        target: '0a0a',
        steps: [
          'down b0b000000001 [delete b0b000000001]',
          'down a11ce0000001 [update a11ce0000001->0a0a0a0a0a0a]',
        ],
        after: ['0a0a0a0a0a0a'],
      },
      {
        name: 'REV@-1 from the row above REV',
        graph: branched(),
        rows: ['f2', 'm2'],
        target: 'f1@-1',
        steps: ['down f2 [update f2->f1]'],
        after: ['f1', 'm2'],
      },
      {
        name: 'LABEL@-2 down to the branch point',
        graph: branched({ labels: true }),
        rows: ['f2', 'm2'],
        target: 'main@-2',
        steps: ['down m2 [update m2->m1]', 'down m1 [delete m1]'],
        after: ['f2'],
      },
      {
        name: 'REV@-1 from a root row leaves the other roots',
        graph: severalBases(),
        rows: ['x1', 'y2', 'w1'],
        target: 'x1@-1',
        steps: ['down x1 [delete x1]'],
        after: ['y2', 'w1'],
      },
      {
        name: '-2 down a line to base',
        graph: linear(),
        rows: ['l2'],
        target: '-2',
        steps: ['down l2 [update l2->l1]', 'down l1 [delete l1]'],
        after: [],
      },
      {
        name: '-1: a dependency of the removed revision stays and becomes the row',
        graph: dependsOnSibling(),
        rows: ['r'],
        target: '-1',
        steps: ['down r [update r->d]'],
        after: ['d'],
      },
      {
        name: '-1: a dependency on another root stays',
        graph: dependsAcross(),
        rows: ['r1'],
        target: '-1',
        steps: ['down r1 [update r1->p2, insert d2]'],
        after: ['p2', 'd2'],
      },
      {
        name: 'REV@-1 on a revision others depend on takes its dependents too',
        graph: dependsWithin(),
        rows: ['x2', 'q2'],
        target: 'x2@-2',
        steps: [
          'down q2 [update q2->q1]',
          'down q1 [delete q1]',
          'down x2 [update x2->x1]',
          'down x1 [update x1->base0]',
        ],
        after: ['base0'],
      },
      {
        name: '-1 from a merge row takes the merge alone',
        graph: merged(),
        rows: ['mg'],
        target: '-1',
        steps: ['down mg [update mg->f2, insert m2]'],
        after: ['f2', 'm2'],
      },
      {
        name: '-2 from above a merge ends on both parents',
        graph: merged(),
        rows: ['top'],
        target: '-2',
        steps: ['down top [update top->mg]', 'down mg [update mg->f2, insert m2]'],
        after: ['f2', 'm2'],
      },
      {
        name: 'LABEL@-3 goes down its side of the merge',
        graph: merged({ labels: true }),
        rows: ['top'],
        target: 'main@-3',
        steps: [
          'down top [update top->mg]',
          'down mg [update mg->f2, insert m2]',
          'down m2 [update m2->m1]',
        ],
        after: ['f2', 'm1'],
      },
    ])

    it.each([
      { name: 'LABEL@-1', target: 'bob@-1', steps: ['stamp [delete b0b000000001]'] },
      { name: 'REV@-1', target: 'b0b0@-1', steps: ['stamp [delete b0b000000001]'] },
    ])('stamp $name keeps the other branch, as the downgrade would', ({ target, steps }) => {
      const plan = planStamp(map(aliceBob()), ['a11ce0000001', 'b0b000000001'], target)
      expect(describePlan(plan)).toEqual(steps)
      expect(plan.after).toEqual(['a11ce0000001'])
    })

    it('stamp -1 gives the rows the downgrade leaves', () => {
      expect(planStamp(map(dependsOnSibling()), ['r'], '-1').after).toEqual(['d'])
      expect(sorted(planStamp(map(merged()), ['mg'], '-1').after)).toEqual(['f2', 'm2'])
    })
  })

  interface DowngradeError {
    readonly name: string
    readonly graph: readonly Revision[]
    readonly rows: readonly string[]
    readonly target: string
    readonly code: string
    readonly mentions: readonly string[]
  }
  const errors: DowngradeError[] = [
    {
      name: 'to a revision that is not applied',
      graph: linear(),
      rows: ['l2'],
      target: 'l3',
      code: 'not-applied',
      mentions: ["'l3'", 'not applied', "'l2'", 'upgrade'],
    },
    {
      name: 'to a revision on a branch that is not applied',
      graph: branched(),
      rows: ['f2'],
      target: 'm1',
      code: 'not-applied',
      mentions: ["'m1'", 'not applied', "'f2'"],
    },
    {
      name: 'on an empty database',
      graph: linear(),
      rows: [],
      target: 'l1',
      code: 'not-applied',
      mentions: ["'l1'", 'base'],
    },
    {
      name: 'to heads',
      graph: linear(),
      rows: ['l2'],
      target: 'heads',
      code: 'resolution',
      mentions: ["'heads'", 'base'],
    },
    {
      name: '-1 below base',
      graph: linear(),
      rows: [],
      target: '-1',
      code: 'relative-range',
      mentions: ["'-1'", 'below base'],
    },
    {
      name: '-1 with several rows',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: '-1',
      code: 'multiple-heads',
      mentions: ["'-1'", "'f2'", "'m2'", "'f2@-1'", "'m2@-1'"],
    },
    {
      name: '-2 from a merge row (which parent?)',
      graph: merged(),
      rows: ['mg'],
      target: '-2',
      code: 'relative-range',
      mentions: ["'-2'", 'ambiguous', "'mg'", 'merge point'],
    },
    {
      name: 'LABEL@-1 with no row on that branch',
      graph: aliceBob(),
      rows: ['a11ce0000001'],
      target: 'bob@-1',
      code: 'not-applied',
      mentions: ["'bob@-1'", "branch 'bob'", "'a11ce0000001'"],
    },
    {
      name: 'REV@-1 with the row below REV',
      graph: linear(),
      rows: ['l2'],
      target: 'l3@-1',
      code: 'not-applied',
      mentions: ["'l3@-1'", "at or above 'l3'", "'l2'"],
    },
    {
      name: 'REV@-N further than the line goes',
      graph: aliceBob(),
      rows: ['a11ce0000001', 'b0b000000001'],
      target: 'bob@-3',
      code: 'relative-range',
      mentions: ["'bob@-3'", 'below base', "only 2 steps down from 'b0b000000001'"],
    },
  ]
  it.each(errors)('fails $name', ({ graph, rows, target, code, mentions }) => {
    const error = errorOf(ResolutionError, () => planDowngrade(map(graph), rows, target))
    expect(error.code).toBe(code)
    for (const mention of mentions) expect(error.message).toContain(mention)
  })

  it('steps carry the revisions of the graph, direction down', () => {
    const graph = map(merged())
    for (const step of planDowngrade(graph, ['top'], 'base').steps) {
      expect(step.direction).toBe('down')
      expect(step.revision).toBe(graph.get(step.revision.id))
    }
  })
})

describe('planStamp', () => {
  table('stamp', [
    {
      name: 'from {f2, m2}, stamp f1 gives {f1, m2}',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'f1',
      steps: ['stamp [update f2->f1]'],
      after: ['f1', 'm2'],
    },
    {
      name: 'stamp base deletes all rows',
      graph: branched(),
      rows: ['f2', 'm2'],
      target: 'base',
      steps: ['stamp [delete f2, delete m2]'],
      after: [],
    },
    {
      name: 'stamp head on an empty table',
      graph: linear(),
      rows: [],
      target: 'head',
      steps: ['stamp [insert l4]'],
      after: ['l4'],
    },
    {
      name: 'stamp moves a row up',
      graph: linear(),
      rows: ['l1'],
      target: 'l3',
      steps: ['stamp [update l1->l3]'],
      after: ['l3'],
    },
    {
      name: 'stamp moves a row down',
      graph: linear(),
      rows: ['l4'],
      target: 'l2',
      steps: ['stamp [update l4->l2]'],
      after: ['l2'],
    },
    {
      name: 'stamp the current row does nothing',
      graph: linear(),
      rows: ['l2'],
      target: 'l2',
      steps: [],
      after: ['l2'],
    },
    {
      name: 'stamp base on an empty table does nothing',
      graph: linear(),
      rows: [],
      target: 'base',
      steps: [],
      after: [],
    },
    {
      name: 'stamp heads',
      graph: branched(),
      rows: [],
      target: 'heads',
      steps: ['stamp [insert f2, insert m2]'],
      after: ['f2', 'm2'],
    },
    {
      name: 'stamp a merge replaces both parent rows',
      graph: merged(),
      rows: ['f2', 'm2'],
      target: 'mg',
      steps: ['stamp [update f2->mg, delete m2]'],
      after: ['mg'],
    },
    {
      name: 'stamp a parent of the merge row',
      graph: merged(),
      rows: ['top'],
      target: 'm1',
      steps: ['stamp [update top->m1]'],
      after: ['m1'],
    },
    {
      name: 'stamp an unrelated root adds a row',
      graph: severalBases(),
      rows: ['x2'],
      target: 'y1',
      steps: ['stamp [insert y1]'],
      after: ['x2', 'y1'],
    },
    {
      name: 'stamp heads with a head another depends on',
      graph: dependsAcross(),
      rows: [],
      target: 'heads',
      steps: ['stamp [insert r2]'],
      after: ['r2'],
    },
    {
      name: 'stamp a revision replaces its dependency row too',
      graph: dependsAcross(),
      rows: ['p2', 'd2'],
      target: 'r1',
      steps: ['stamp [update p2->r1, delete d2]'],
      after: ['r1'],
    },
    {
      name: 'stamp a dependency replaces a row that depends on it',
      graph: dependsAcross(),
      rows: ['r2'],
      target: 'd1',
      steps: ['stamp [update r2->d1]'],
      after: ['d1'],
    },
    {
      name: 'purge empties the table first',
      graph: linear(),
      rows: ['l2'],
      target: 'l3',
      purge: true,
      steps: ['stamp purge [insert l3]'],
      after: ['l3'],
    },
    {
      name: 'purge gets past unknown rows',
      graph: linear(),
      rows: ['zz_newer', 'yy_newer'],
      target: 'head',
      purge: true,
      steps: ['stamp purge [insert l4]'],
      after: ['l4'],
    },
    {
      name: 'purge to base',
      graph: linear(),
      rows: ['zz_newer'],
      target: 'base',
      purge: true,
      steps: ['stamp purge []'],
      after: [],
    },
    {
      name: 'purge then heads',
      graph: branched(),
      rows: ['f1'],
      target: 'heads',
      purge: true,
      steps: ['stamp purge [insert f2, insert m2]'],
      after: ['f2', 'm2'],
    },
  ])

  it('refuses unknown rows without purge', () => {
    const error = errorOf(UnknownDatabaseRevisionError, () =>
      planStamp(map(linear()), ['zz_newer'], 'head'),
    )
    expect(error.revisions).toEqual(['zz_newer'])
    expect(error.message).toContain("'zz_newer'")
    expect(error.message).toContain('stamp --purge')
  })

  it('refuses LABEL@base', () => {
    const error = errorOf(ResolutionError, () =>
      planStamp(map(branched({ labels: true })), ['f2'], 'feature@base'),
    )
    expect(error.message).toContain("'feature@base'")
  })
})

describe('the database rows', () => {
  it.each([
    ['planUpgrade', () => planUpgrade(map(linear()), ['l2', 'zz_newer'], 'head')],
    ['planDowngrade', () => planDowngrade(map(linear()), ['zz_newer'], 'base')],
    ['appliedRevisions', () => appliedRevisions(map(linear()), ['zz_newer'])],
  ] as const)('%s: unknown rows are UnknownDatabaseRevisionError', (_name, call) => {
    const error = errorOf(UnknownDatabaseRevisionError, call)
    expect(error.revisions).toEqual(['zz_newer'])
    expect(error.code).toBe('database-newer')
  })

  it.each([
    ['planUpgrade', () => planUpgrade(map(linear()), ['l1', 'l3'], 'head')],
    ['planDowngrade', () => planDowngrade(map(linear()), ['l3', 'l1'], 'base')],
    ['appliedRevisions', () => appliedRevisions(map(dependsAcross()), ['r1', 'd2'])],
  ] as const)('%s: a row that is an ancestor of another row is a clear error', (_name, call) => {
    const error = errorOf(RevisionError, call)
    expect(error.code).toBe('inconsistent-version-table')
    expect(error.message).toMatch(/'(l1|d2)'/)
    expect(error.message).toContain('stamp')
  })

  it('appliedRevisions is the rows and all their ancestors', () => {
    expect(sorted(appliedRevisions(map(merged()), ['mg']))).toEqual([
      'f1',
      'f2',
      'm1',
      'm2',
      'mg',
      'root',
    ])
    expect(sorted(appliedRevisions(map(dependsAcross()), ['r1']))).toEqual([
      'd1',
      'd2',
      'p1',
      'p2',
      'r1',
    ])
    expect(sorted(appliedRevisions(map(branched()), []))).toEqual([])
  })

  it('the same inputs give the same plan', () => {
    const graph = map(severalBases({ merge: true }))
    expect(describePlan(planUpgrade(graph, [], 'heads'))).toEqual(
      describePlan(planUpgrade(graph, [], 'heads')),
    )
    expect(describePlan(planUpgrade(map(severalBases({ merge: true })), [], 'heads'))).toEqual(
      describePlan(planUpgrade(graph, [], 'heads')),
    )
  })
})
