import { describe, expect, it } from 'vitest'
import {
  AmbiguousRevisionError,
  MultipleHeadsError,
  RelativeRangeError,
  ResolutionError,
} from '../src/errors.js'
import { parseIdentifier, type Identifier } from '../src/graph/identifier.js'
import type { ResolveOptions, RevisionMap } from '../src/graph/revision-map.js'
import {
  BASE_TARGET,
  HEADS_TARGET,
  relativeDownTarget,
  revisionsTarget,
  type Target,
} from '../src/graph/target.js'
import type { Revision } from '../src/revision.js'
import {
  branched,
  crissCross,
  dependsAcross,
  errorOf,
  labelled,
  linear,
  map,
  merged,
  prefixed,
  rev,
  severalBases,
} from './helpers/graphs.js'

describe('parseIdentifier', () => {
  const cases: [string, Identifier][] = [
    ['heads', { kind: 'heads', text: 'heads' }],
    ['head', { kind: 'head', text: 'head' }],
    ['base', { kind: 'base', text: 'base' }],
    ['current', { kind: 'current', text: 'current' }],
    ['ae10', { kind: 'revision', ref: 'ae10', text: 'ae10' }],
    ['  3f1c2a9b7d10 ', { kind: 'revision', ref: '3f1c2a9b7d10', text: '3f1c2a9b7d10' }],
    ['feature', { kind: 'revision', ref: 'feature', text: 'feature' }],
    ['feature@head', { kind: 'head', branch: 'feature', text: 'feature@head' }],
    ['ae10@head', { kind: 'head', branch: 'ae10', text: 'ae10@head' }],
    ['feature@base', { kind: 'base', branch: 'feature', text: 'feature@base' }],
    ['feature@ae10', { kind: 'onBranch', branch: 'feature', ref: 'ae10', text: 'feature@ae10' }],
    ['+2', { kind: 'relative', branch: undefined, point: '', steps: 2, text: '+2' }],
    ['-1', { kind: 'relative', branch: undefined, point: '', steps: -1, text: '-1' }],
    ['ae10+3', { kind: 'relative', branch: undefined, point: 'ae10', steps: 3, text: 'ae10+3' }],
    ['ae10-1', { kind: 'relative', branch: undefined, point: 'ae10', steps: -1, text: 'ae10-1' }],
    ['head-2', { kind: 'relative', branch: undefined, point: 'head', steps: -2, text: 'head-2' }],
    ['base+1', { kind: 'relative', branch: undefined, point: 'base', steps: 1, text: 'base+1' }],
    [
      'current+1',
      { kind: 'relative', branch: undefined, point: 'current', steps: 1, text: 'current+1' },
    ],
    [
      'feature@+1',
      { kind: 'relative', branch: 'feature', point: '', steps: 1, text: 'feature@+1' },
    ],
    [
      'feature@-2',
      { kind: 'relative', branch: 'feature', point: '', steps: -2, text: 'feature@-2' },
    ],
    [
      'feature@head-1',
      { kind: 'relative', branch: 'feature', point: 'head', steps: -1, text: 'feature@head-1' },
    ],
    [
      'feature@ae10+12',
      { kind: 'relative', branch: 'feature', point: 'ae10', steps: 12, text: 'feature@ae10+12' },
    ],
  ]
  it.each(cases)('%s', (text, expected) => {
    expect(parseIdentifier(text)).toEqual(expected)
  })
})

interface Ok {
  readonly id: string
  readonly current?: readonly string[]
  readonly expected: Target
}

interface Err {
  readonly id: string
  readonly current?: readonly string[]
  readonly type: abstract new (...args: never[]) => ResolutionError
  readonly code?: string
  /** Substrings of the one-line message. */
  readonly mentions: readonly string[]
}

const to = (...ids: string[]): Target => revisionsTarget(ids)
/** A move down from the rows: where it ends (base when empty) and the revisions passed over. */
const down = (ids: string[], passedOver: string[]): Target => relativeDownTarget(ids, passedOver)

function resolveAll(revisions: readonly Revision[], ok: readonly Ok[], errors: readonly Err[]) {
  const graph: RevisionMap = map(revisions)
  const options = (current: readonly string[] | undefined): ResolveOptions =>
    current === undefined ? {} : { current }
  if (ok.length > 0) {
    it.each(
      ok.map((c) => ({ ...c, at: c.current === undefined ? '' : `at [${c.current.join(', ')}]` })),
    )('$id $at', ({ id, current, expected }) => {
      expect(graph.resolve(id, options(current))).toEqual(expected)
    })
  }
  if (errors.length > 0) {
    it.each(
      errors.map((c) => ({
        ...c,
        at: c.current === undefined ? '' : `at [${c.current.join(', ')}]`,
      })),
    )('$id $at fails', ({ id, current, type, code, mentions }) => {
      const error = errorOf(type, () => graph.resolve(id, options(current)))
      if (code !== undefined) expect(error.code).toBe(code)
      expect(
        mentions.length,
        'each error case names what its message must mention',
      ).toBeGreaterThan(0)
      // Errors about the identifier as a whole quote it as written.
      if (
        error instanceof RelativeRangeError ||
        error instanceof MultipleHeadsError ||
        error instanceof AmbiguousRevisionError
      ) {
        expect(error.message).toContain(`'${id.trim()}'`)
        expect(error.identifier).toBe(id.trim())
      }
      for (const mention of mentions) expect(error.message).toContain(mention)
    })
  }
}

describe('RevisionMap.resolve', () => {
  describe('full ids and prefixes', () => {
    resolveAll(
      prefixed(),
      [
        { id: 'abcd1111aaaa', expected: to('abcd1111aaaa') },
        { id: 'ffff', expected: to('ffff4444dddd') },
        { id: 'abce3', expected: to('abce3333cccc') },
        { id: 'abcd2', expected: to('abcd2222bbbb') },
        { id: ' ffff4444 ', expected: to('ffff4444dddd') },
      ],
      [
        {
          id: 'abcd',
          type: AmbiguousRevisionError,
          code: 'ambiguous-revision',
          mentions: ["'abcd'", "'abcd1111aaaa'", "'abcd2222bbbb'", 'more characters'],
        },
        {
          id: 'abc',
          type: ResolutionError,
          code: 'unknown-revision',
          mentions: ["'abc'", 'at least 4'],
        },
        {
          id: 'ff',
          type: ResolutionError,
          code: 'unknown-revision',
          mentions: ["'ff'", 'at least 4'],
        },
        {
          id: 'zzzz',
          type: ResolutionError,
          code: 'unknown-revision',
          mentions: ["'zzzz'", 'retort history'],
        },
        {
          id: 'abcd1111aaaaX',
          type: ResolutionError,
          code: 'unknown-revision',
          mentions: ["'abcd1111aaaaX'"],
        },
      ],
    )

    it('the ambiguity error carries the candidates', () => {
      const error = errorOf(AmbiguousRevisionError, () => map(prefixed()).resolve('abcd'))
      expect(error.candidates).toEqual(['abcd1111aaaa', 'abcd2222bbbb'])
    })

    it('an id shorter than four characters still matches exactly', () => {
      expect(map(linear()).resolve('l2')).toEqual(to('l2'))
    })
  })

  describe('LABEL@+N when another branch merges into the labelled one', () => {
    // root -> a1 (alice), root -> p1 [payments] -> p2, merge e1 of a1 and p2. The label
    // covers p1, p2 and the merge e1; alice's row a1 reaches the branch only through the merge.
    resolveAll(
      [
        rev('root'),
        rev('a1', 'root'),
        rev('p1', 'root', { labels: ['payments'] }),
        rev('p2', 'p1'),
        rev('e1', ['a1', 'p2']),
      ],
      [
        { id: 'payments@+1', current: ['a1'], expected: to('p1') },
        { id: 'payments@+2', current: ['a1'], expected: to('p2') },
        { id: 'payments@+3', current: ['a1'], expected: to('e1') },
        { id: 'payments@+1', current: ['root'], expected: to('p1') },
        { id: 'payments@+1', current: ['p1', 'a1'], expected: to('p2') },
        { id: 'payments@+1', current: ['p2', 'a1'], expected: to('e1') },
      ],
      [],
    )
  })

  describe('keywords, labels and @ forms on branches', () => {
    resolveAll(
      branched({ labels: true }),
      [
        { id: 'heads', expected: HEADS_TARGET },
        { id: 'base', expected: BASE_TARGET },
        { id: 'feature', expected: to('f1') },
        { id: 'main', expected: to('m1') },
        { id: 'feature@head', expected: to('f2') },
        { id: 'main@head', expected: to('m2') },
        { id: 'feature@base', expected: { kind: 'base', branch: 'feature' } },
        { id: 'feature@f2', expected: to('f2') },
        { id: 'feature@f1', expected: to('f1') },
        { id: 'main@m2', expected: to('m2') },
        { id: 'f1@head', expected: to('f2') },
        { id: 'm2@head', expected: to('m2') },
        { id: 'feature@head-1', expected: to('f1') },
        { id: 'main@head-2', expected: to('root') },
        { id: 'current', current: ['f2', 'm1'], expected: to('f2', 'm1') },
        { id: 'current', current: [], expected: BASE_TARGET },
        { id: 'feature@+1', current: ['root'], expected: to('f1') },
        { id: 'main@+2', current: ['root'], expected: to('m2') },
        { id: 'feature@+1', current: ['f1', 'm2'], expected: to('f2') },
        { id: 'feature@-1', current: ['f2', 'm2'], expected: down(['f1'], ['f2']) },
        { id: 'main@-2', current: ['f2', 'm2'], expected: down(['root'], ['m2', 'm1']) },
        { id: 'main@+1', current: ['f2', 'm1'], expected: to('m2') },
        { id: 'feature@+1', current: ['m2'], expected: to('f1') },
        { id: 'feature@+2', current: ['m2'], expected: to('f2') },
        { id: 'feature@root+1', expected: to('f1') },
        { id: 'main@root+1', expected: to('m1') },
        { id: '+1', current: ['f1'], expected: to('f2') },
        { id: '-1', current: ['f1'], expected: down(['root'], ['f1']) },
        { id: '-2', current: ['f1'], expected: down([], ['f1', 'root']) },
        { id: 'current-1', current: ['m2'], expected: down(['m1'], ['m2']) },
        // REV@-N starts from the row at or above REV, whichever branch REV is on.
        { id: 'f1@-1', current: ['f2', 'm2'], expected: down(['f1'], ['f2']) },
        { id: 'f2@-2', current: ['f2', 'm2'], expected: down(['root'], ['f2', 'f1']) },
        { id: 'm1@-1', current: ['f2', 'm1'], expected: down(['root'], ['m1']) },
        { id: 'feature@-2', current: ['f2', 'm2'], expected: down(['root'], ['f2', 'f1']) },
      ],
      [
        {
          id: 'head',
          type: MultipleHeadsError,
          code: 'multiple-heads',
          mentions: ["'head'", "'f2'", "'m2'", "'heads'", "'LABEL@head'", 'merge'],
        },
        {
          id: 'head-1',
          type: MultipleHeadsError,
          code: 'multiple-heads',
          mentions: ["'head-1'", "'f2'", "'m2'"],
        },
        {
          id: 'root@head',
          type: MultipleHeadsError,
          code: 'multiple-heads',
          mentions: ["'root@head'", "'root'", "'f2'", "'m2'"],
        },
        {
          id: 'feature@m1',
          type: ResolutionError,
          mentions: ["'m1'", "'feature'", 'not on branch'],
        },
        { id: 'main@f2', type: ResolutionError, mentions: ["'f2'", "'main'", 'not on branch'] },
        {
          id: 'nolabel@base',
          type: ResolutionError,
          code: 'unknown-branch-label',
          mentions: ["'nolabel'", "'feature'", "'main'"],
        },
        {
          id: 'nolabel@f1',
          type: ResolutionError,
          code: 'unknown-branch-label',
          mentions: ["'nolabel'"],
        },
        {
          id: 'nolabel@head',
          type: ResolutionError,
          code: 'unknown-branch-label',
          mentions: ['branch label or revision', "'nolabel'", "'feature'"],
        },
        {
          id: 'nolabel@+1',
          current: ['root'],
          type: ResolutionError,
          code: 'unknown-branch-label',
          mentions: ['branch label or revision', "'nolabel'"],
        },
        {
          id: 'current',
          type: ResolutionError,
          code: 'needs-database',
          mentions: ["'current'", 'database'],
        },
        { id: '+1', type: ResolutionError, code: 'needs-database', mentions: ["'+1'", 'database'] },
        {
          id: 'current',
          current: ['gone'],
          type: ResolutionError,
          code: 'unknown-revision',
          mentions: ["'gone'"],
        },
        {
          id: '+1',
          current: ['f1', 'm1'],
          type: ResolutionError,
          code: 'multiple-heads',
          mentions: ["'+1'", "'f1'", "'m1'", 'LABEL@+1'],
        },
        {
          id: '-1',
          current: ['f2', 'm2'],
          type: ResolutionError,
          code: 'multiple-heads',
          mentions: ["'-1'", "'f2'", "'m2'", "'f2@-1'", "'m2@-1'", 'LABEL@-1'],
        },
        {
          id: 'root@-1',
          current: ['f2', 'm2'],
          type: ResolutionError,
          code: 'multiple-heads',
          mentions: ["'root@-1'", "at or above 'root'", "'f2@-1'", "'m2@-1'"],
        },
        {
          id: 'feature@-1',
          current: ['m2'],
          type: ResolutionError,
          code: 'not-applied',
          mentions: ["'feature@-1'", "branch 'feature'", "'m2'"],
        },
        {
          id: 'f2@-1',
          current: ['f1', 'm2'],
          type: ResolutionError,
          code: 'not-applied',
          mentions: ["'f2@-1'", "at or above 'f2'", "'f1'", "'m2'"],
        },
        {
          id: 'feature@-4',
          current: ['f2', 'm2'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'feature@-4'", 'below base', "only 3 steps down from 'f2'"],
        },
        {
          id: '+1',
          current: ['root'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'+1'", 'ambiguous', 'branch point', "'root'", "'f1'", "'m1'"],
        },
        {
          id: 'root+1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'root+1'", 'ambiguous', 'branch point', "'f1'", "'m1'"],
        },
        {
          id: 'base+2',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'base+2'", 'ambiguous', 'branch point'],
        },
        {
          id: 'feature@+3',
          current: ['root'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'feature@+3'", 'only 2 steps up', "'root'", "head 'f2'"],
        },
      ],
    )
  })

  describe('relative steps on a line', () => {
    resolveAll(
      linear(),
      [
        { id: 'head', expected: to('l4') },
        { id: 'l4@head', expected: to('l4') },
        { id: 'l1@head', expected: to('l4') },
        { id: 'base+1', expected: to('l1') },
        { id: 'base+4', expected: to('l4') },
        { id: 'base+0', expected: BASE_TARGET },
        { id: 'head-1', expected: to('l3') },
        { id: 'head-3', expected: to('l1') },
        { id: 'head-4', expected: BASE_TARGET },
        { id: 'l1+2', expected: to('l3') },
        { id: 'l2+0', expected: to('l2') },
        { id: 'l4-2', expected: to('l2') },
        { id: 'l1-1', expected: BASE_TARGET },
        { id: '+1', current: [], expected: to('l1') },
        { id: '+2', current: [], expected: to('l2') },
        { id: '+1', current: ['l2'], expected: to('l3') },
        { id: '-1', current: ['l2'], expected: down(['l1'], ['l2']) },
        { id: '-2', current: ['l2'], expected: down([], ['l2', 'l1']) },
        { id: '+2', current: ['l2'], expected: to('l4') },
      ],
      [
        {
          id: 'base+5',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['only 4 steps up from base', "head 'l4'"],
        },
        {
          id: 'l3+2',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['only 1 step up', "'l3'", "head 'l4'"],
        },
        {
          id: 'l4+1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['only 0 steps up', "'l4'"],
        },
        {
          id: '+3',
          current: ['l2'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['only 2 steps up', "'l2'"],
        },
        {
          id: 'l2-3',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['below base', 'only 2 steps down', "'l2'"],
        },
        {
          id: 'head-5',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['below base', 'only 4 steps down', "'l4'"],
        },
        {
          id: '-1',
          current: [],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['below base', 'only 0 steps down'],
        },
        {
          id: '-3',
          current: ['l1'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['below base', 'only 1 step down'],
        },
        {
          id: 'base-1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['below base'],
        },
      ],
    )
  })

  describe('relative steps through merges', () => {
    resolveAll(
      merged(),
      [
        { id: 'head', expected: to('top') },
        { id: 'head-1', expected: to('mg') },
        { id: 'f2+1', expected: to('mg') },
        { id: 'm1+2', expected: to('mg') },
        { id: '+1', current: ['f2'], expected: to('mg') },
        { id: '+2', current: ['m2'], expected: to('top') },
        { id: 'f1@head', expected: to('top') },
        { id: 'root@head', expected: to('top') },
        // The last revision a move down from the rows passes over may be a merge: un-applying
        // it restores both parents, so that is where the move ends.
        { id: '-1', current: ['mg'], expected: down(['f2', 'm2'], ['mg']) },
        { id: '-2', current: ['top'], expected: down(['f2', 'm2'], ['top', 'mg']) },
      ],
      [
        {
          id: 'head-2',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['ambiguous', 'merge point', "'mg'", "'f2'", "'m2'"],
        },
        {
          id: 'mg-1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['merge point', "'mg'"],
        },
        {
          id: '-2',
          current: ['mg'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'-2'", 'ambiguous', 'merge point', "'mg'", "'f2'", "'m2'"],
        },
        {
          id: '-3',
          current: ['top'],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'-3'", 'ambiguous', 'merge point', "'mg'"],
        },
      ],
    )

    describe('criss-cross', () => {
      resolveAll(
        crissCross(),
        [
          { id: 'head', expected: to('z') },
          { id: 'a1@head', expected: to('z') },
        ],
        [
          {
            id: 'a1+1',
            type: RelativeRangeError,
            code: 'relative-range',
            mentions: ['branch point', "'x'", "'y'"],
          },
          {
            id: 'z-1',
            type: RelativeRangeError,
            code: 'relative-range',
            mentions: ['merge point', "'x'", "'y'"],
          },
        ],
      )
    })
  })

  describe('several bases', () => {
    resolveAll(
      severalBases(),
      [
        { id: 'x1+1', expected: to('x2') },
        { id: 'x1@head', expected: to('x2') },
        { id: 'w1@head', expected: to('w1') },
        { id: 'w1-1', expected: BASE_TARGET },
      ],
      [
        {
          id: 'base+1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['several roots', "'x1'", "'y1'", "'w1'"],
        },
        {
          id: '+1',
          current: [],
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['several roots'],
        },
        {
          id: 'head',
          type: MultipleHeadsError,
          code: 'multiple-heads',
          mentions: ["'x2'", "'y2'", "'w1'"],
        },
      ],
    )
  })

  describe('labels on a deeper graph', () => {
    resolveAll(
      labelled(),
      [
        { id: 'feature', expected: to('f2') },
        { id: 'feature@head', expected: to('f3') },
        { id: 'feature@head-1', expected: to('f2') },
        { id: 'feature@f1', expected: to('f1') },
        { id: 'zed@head', expected: to('z3') },
        { id: 'zed@z1', expected: to('z1') },
        { id: 'solo@s1', expected: to('s1') },
        { id: 'feature@+1', current: ['b2'], expected: to('f1') },
        { id: 'main@+1', current: ['b2', 's2'], expected: to('m1') },
        { id: 'feature@+1', current: ['m2', 's3'], expected: to('f1') },
        { id: 'feature@+2', current: ['f1', 'm2', 's3'], expected: to('f3') },
        { id: 'feature@-1', current: ['f3', 'm2'], expected: down(['f2'], ['f3']) },
        { id: 'zed@-1', current: ['z1'], expected: down(['um'], ['z1']) },
        { id: 'zed@-2', current: ['z1'], expected: down(['u1', 'v1'], ['z1', 'um']) },
      ],
      [
        { id: 'feature@b2', type: ResolutionError, mentions: ["'b2'", 'not on branch'] },
        { id: 'zed@um', type: ResolutionError, mentions: ["'um'", 'not on branch'] },
        {
          id: 'zed@+1',
          current: ['u1', 'v1'],
          type: ResolutionError,
          code: 'multiple-heads',
          mentions: ["'zed@+1'", "'u1'", "'v1'"],
        },
        {
          id: 'zed@-3',
          current: ['z1'],
          type: RelativeRangeError,
          mentions: ["'zed@-3'", 'merge point', "'um'"],
        },
        {
          id: 'solo@b2+1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ["'solo@b2+1'", 'branch point', "'b2'", "'f1'", "'m1'"],
        },
      ],
    )
  })

  describe('a label whose revision has several heads above it', () => {
    resolveAll(
      [rev('a1', null, { labels: 'trunk' }), rev('b1', 'a1'), rev('c1', 'a1')],
      [{ id: 'trunk', expected: to('a1') }],
      [
        {
          id: 'trunk@head',
          type: MultipleHeadsError,
          code: 'multiple-heads',
          mentions: ["branch 'trunk'", "'b1'", "'c1'"],
        },
      ],
    )
  })

  describe('dependsOn does not make a relative step', () => {
    resolveAll(
      dependsAcross(),
      [
        { id: 'd2+0', expected: to('d2') },
        { id: 'p2+1', expected: to('r1') },
        { id: 'r1-1', expected: to('p2') },
        { id: 'd2@head', expected: to('d2') },
      ],
      [
        {
          id: 'd2+1',
          type: RelativeRangeError,
          code: 'relative-range',
          mentions: ['only 0 steps up', "'d2'"],
        },
      ],
    )
  })

  describe('an empty graph', () => {
    resolveAll(
      [],
      [
        { id: 'heads', expected: HEADS_TARGET },
        { id: 'base', expected: BASE_TARGET },
      ],
      [{ id: 'head', type: ResolutionError, code: 'no-revisions', mentions: ['empty'] }],
    )
  })

  it('the MultipleHeadsError lists every head', () => {
    const error = errorOf(MultipleHeadsError, () => map(severalBases()).resolve('head'))
    expect(error.heads).toEqual(['x2', 'y2', 'w1'])
  })

  it('a label that looks like a relative step resolves as the label', () => {
    const graph = map([rev('a1'), rev('b1', 'a1', { labels: 'release-2' }), rev('c1', 'b1')])
    expect(graph.resolve('release-2')).toEqual(to('b1'))
    expect(graph.resolve('release-2@head')).toEqual(to('c1'))
    expect(graph.resolve('release-2@+1', { current: ['b1'] })).toEqual(to('c1'))
  })
})

describe('RevisionMap.resolveRange', () => {
  const graph = map(merged())
  it.each([
    ['f1:mg', { lower: to('f1'), upper: to('mg') }],
    ['f1:', { lower: to('f1') }],
    [':mg', { upper: to('mg') }],
    ['base:heads', { lower: BASE_TARGET, upper: HEADS_TARGET }],
    [' f1 : head ', { lower: to('f1'), upper: to('top') }],
    [':', {}],
  ] as const)('%s', (range, expected) => {
    expect(graph.resolveRange(range)).toEqual(expected)
  })

  it('needs a colon', () => {
    const error = errorOf(ResolutionError, () => graph.resolveRange('f1'))
    expect(error.message).toContain("'f1' is not a range")
    expect(error.message).toContain('LOWER:UPPER')
  })

  it('reports the side that does not resolve', () => {
    const error = errorOf(ResolutionError, () => graph.resolveRange('f1:nope'))
    expect(error.message).toContain("'nope'")
  })

  it('resolves relative sides against the current rows', () => {
    expect(graph.resolveRange('-1:', { current: ['f2'] })).toEqual({
      lower: down(['f1'], ['f2']),
    })
  })
})
