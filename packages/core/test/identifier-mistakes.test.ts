import { describe, expect, it } from 'vitest'
import { ResolutionError } from '../src/errors.js'
import { parseIdentifier } from '../src/graph/identifier.js'
import { errorOf, labelled, map } from './helpers/graphs.js'

/**
 * Spellings that look like identifiers but cannot be one: each is refused when parsed, as
 * one line that quotes what was written and says what to write instead.
 */
describe('identifier mistakes', () => {
  it.each([
    [
      'b1:m2',
      'range-not-allowed',
      "'b1:m2' is a range, not a revision: only offline SQL (--sql) and 'history -r' take FROM:TO; name a single target such as 'm2'",
    ],
    [
      ' b1: ',
      'range-not-allowed',
      "'b1:' is a range, not a revision: only offline SQL (--sql) and 'history -r' take FROM:TO; name a single target such as 'heads'",
    ],
    [
      'heads+1',
      'relative-from-heads',
      "'heads+1' cannot move: 'heads' stands for every head at once; write 'REV@+1' or 'LABEL@+1' to move along one branch, or '+1' when the database is at a single revision",
    ],
    [
      'heads-2',
      'relative-from-heads',
      "'heads-2' cannot move: 'heads' stands for every head at once; write 'REV@-2' or 'LABEL@-2' to move along one branch, or '-2' when the database is at a single revision",
    ],
    [
      'feature@heads-1',
      'relative-from-heads',
      "'feature@heads-1' cannot move: 'heads' stands for every head at once; write 'REV@-1' or 'LABEL@-1' to move along one branch, or '-1' when the database is at a single revision",
    ],
    [
      'feature@heads',
      'branch-heads',
      "'feature@heads' names one branch, which has a single head: write 'feature@head'",
    ],
  ])('%s', (text, code, message) => {
    const error = errorOf(ResolutionError, () => parseIdentifier(text))
    expect(error.code).toBe(code)
    expect(error.identifier).toBe(text.trim())
    expect(error.message).toBe(message)
    // The same error when a graph resolves it, whatever the database's state.
    const graph = map(labelled())
    expect(errorOf(ResolutionError, () => graph.resolve(text, { current: ['m2'] })).message).toBe(
      message,
    )
  })

  it('leaves what it always took alone', () => {
    const graph = map(labelled())
    expect(graph.resolve('feature@head')).toEqual({ kind: 'revisions', ids: ['f3'] })
    expect(graph.resolve('heads')).toEqual({ kind: 'heads' })
    expect(graph.resolve('main@+1', { current: ['b2'] })).toEqual({
      kind: 'revisions',
      ids: ['m1'],
    })
    expect(graph.resolveRange('b1:m2').upper).toEqual({ kind: 'revisions', ids: ['m2'] })
  })
})
