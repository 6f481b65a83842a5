import { describe, expect, it } from 'vitest'
import { squashRange } from '../src/commands/squash.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import { Squashes, stated } from '../src/graph/squashes.js'
import { createRevision } from '../src/revision.js'

// a -> b -> m, a -> c -> m (a diamond), m -> d -> e
const diamond = () =>
  new RevisionMap([
    createRevision({ revision: 'a', downRevision: null }),
    createRevision({ revision: 'b', downRevision: 'a' }),
    createRevision({ revision: 'c', downRevision: 'a' }),
    createRevision({ revision: 'm', downRevision: ['b', 'c'] }),
    createRevision({ revision: 'd', downRevision: 'm' }),
    createRevision({ revision: 'e', downRevision: 'd' }),
  ])

describe('squashRange', () => {
  it('takes a linear range and a closed sub-graph with one entry and one exit', () => {
    expect(squashRange(diamond(), 'm', 'e')).toEqual(['m', 'd', 'e'])
    expect(squashRange(diamond(), 'a', 'm')).toEqual(['a', 'b', 'c', 'm'])
  })

  it('refuses other ranges, saying why', () => {
    expect(() => squashRange(diamond(), 'a', 'b')).toThrow(
      "cannot squash 'a:b': 'a' has the child 'c' outside the range, so the range has more than one exit",
    )
    expect(() => squashRange(diamond(), 'b', 'd')).toThrow(
      "cannot squash 'b:d': 'm' has the parent 'c' outside the range, so the range has more than one entry",
    )
    expect(() => squashRange(diamond(), 'b', 'c')).toThrow("'b' is not an ancestor of 'c'")
    expect(() => squashRange(diamond(), 'd', 'd')).toThrow('the range has one revision')
    const labelled = new RevisionMap([
      createRevision({ revision: 'a', downRevision: null }),
      createRevision({ revision: 'b', downRevision: 'a', branchLabels: ['billing'] }),
    ])
    expect(() => squashRange(labelled, 'a', 'b')).toThrow("'b' has the branch label 'billing'")
  })
})

describe('Squashes.split', () => {
  const revisions = [
    createRevision({ revision: 'a', downRevision: null }),
    createRevision({ revision: 'b', downRevision: 'a' }),
    createRevision({ revision: 'c', downRevision: 'b' }),
    createRevision({ revision: 's', downRevision: null, replaces: ['a', 'b', 'c'] }),
    createRevision({ revision: 'd', downRevision: 'c' }),
  ]

  it('builds the graph without the replaced revisions; a child of the last one is a child of the squash', () => {
    const { revisions: kept, squashes } = Squashes.split(revisions)
    const map = new RevisionMap(kept)
    expect(map.topologicalOrder).toEqual(['s', 'd'])
    expect(map.get('d')!.downRevisions).toEqual(['s'])
    expect(stated(map.get('d')!).downRevisions).toEqual(['c'])
    expect(squashes.placeOf('b')).toEqual({ squash: 's', index: 1, last: false })
    expect(squashes.normalizeRows(['c'])).toEqual(['s'])
    expect(squashes.normalizeRows(['b'])).toEqual(['b'])
    expect(squashes.remaining('a')).toEqual({ squash: 's', ids: ['b', 'c'], missing: [] })
    // The graph before the squash, to finish the range from 'a'.
    expect(squashes.legacyMap('a', map).topologicalOrder).toEqual(['a', 'b', 'c'])
  })

  it('names the replaced files a database inside the squash still needs', () => {
    const withoutC = revisions.filter((r) => r.id !== 'c')
    const { revisions: kept, squashes } = Squashes.split(withoutC)
    const map = new RevisionMap(kept)
    expect(squashes.remaining('a').missing).toEqual(['c'])
    expect(() => squashes.legacyMap('a', map)).toThrow(
      "the database is at 'a', inside the squash revision 's'; finishing it needs the replaced revision file 'c', which is missing",
    )
  })

  it('refuses a revision replaced by two squashes', () => {
    expect(() =>
      Squashes.split([
        ...revisions,
        createRevision({ revision: 't', downRevision: null, replaces: ['c', 'd'] }),
      ]),
    ).toThrow("revision 'c' is replaced by two squash revisions ('s' and 't')")
  })
})
