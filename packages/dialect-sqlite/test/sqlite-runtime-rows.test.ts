// Multi-head version rows on a real SQLite file: through branches, a merge and its
// un-merge, dependsOn, and stamp. After every run the rows must be the maximal applied set
// (SEMANTICS.md "Version table"), computed here from the tables that exist.
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Migrator, type MigrateResult } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import {
  appliedBySchema,
  expectedRows,
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

//   a - b - c1 - c2 (feat) -.
//        \                   m
//         `- d1 - d2 -------'
//   x (other) - y            (y dependsOn b)
//   a - p - r                (r dependsOn dd)
//   dd
const specs: RevisionSpec[] = [
  { id: 'a000', down: null },
  { id: 'b000', down: 'a000' },
  { id: 'c100', down: 'b000' },
  { id: 'c200', down: 'c100', labels: ['feat'] },
  { id: 'd100', down: 'b000' },
  { id: 'd200', down: 'd100' },
  { id: 'm000', down: ['c200', 'd200'] },
  { id: 'x000', down: null, labels: ['other'] },
  { id: 'y000', down: 'x000', dependsOn: ['b000'] },
  { id: 'dd00', down: null },
  { id: 'p000', down: 'a000' },
  { id: 'r000', down: 'p000', dependsOn: ['dd00'] },
]

const dirs = tempDirs()
let filename: string
let migrator: Migrator

beforeEach(() => {
  const dir = dirs.make()
  const scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
  filename = path.join(dir, 'rows.db')
  migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
})
afterEach(() => dirs.cleanup())

/** Runs, then checks rows = result heads = the maximal set of what the schema shows applied. */
async function step(run: Promise<MigrateResult>, rows: string[]): Promise<MigrateResult> {
  const result = await run
  const applied = appliedBySchema(filename, specs)
  expect(versionRows(filename)).toEqual(expectedRows(specs, applied))
  expect(versionRows(filename)).toEqual([...rows].sort())
  expect([...result.heads].sort()).toEqual([...rows].sort())
  expect([...(await migrator.current()).heads].sort()).toEqual([...rows].sort())
  return result
}

describe('version rows on SQLite', () => {
  it('follow branches, a merge, an un-merge and dependsOn', async () => {
    const first = await step(migrator.upgrade('c200'), ['c200'])
    expect(first.applied.map((a) => a.revision)).toEqual(['a000', 'b000', 'c100', 'c200'])

    // A second branch from b: a new row.
    await step(migrator.upgrade('d100'), ['c200', 'd100'])

    // y needs x (new root) and b (applied, no row): y alone gets a row.
    const third = await step(migrator.upgrade('y000'), ['c200', 'd100', 'y000'])
    expect(third.applied.map((a) => a.revision)).toEqual(['x000', 'y000'])

    // The merge replaces the rows of both its parents.
    const merged = await step(migrator.upgrade('m000'), ['m000', 'y000'])
    expect(merged.applied.map((a) => a.revision)).toEqual(['d200', 'm000'])

    // Un-merge: the parents' rows come back.
    const unmerged = await step(migrator.downgrade('d200'), ['c200', 'd200', 'y000'])
    expect(unmerged.applied.map((a) => [a.revision, a.direction])).toEqual([['m000', 'down']])

    // Un-applying y brings back x; b has other applied children, so no row for it.
    await step(migrator.downgrade('x000'), ['c200', 'd200', 'x000'])

    // r (parent p, dependsOn dd): the rows hold r alone, not r and dd.
    const withR = await step(migrator.upgrade('r000'), ['c200', 'd200', 'r000', 'x000'])
    expect(withR.applied.map((a) => a.revision)).toEqual(['dd00', 'p000', 'r000'])

    // Un-applying r restores rows p and dd.
    await step(migrator.downgrade('p000'), ['c200', 'd200', 'dd00', 'p000', 'x000'])

    // The un-applied branch of `other` goes down to nothing: its row is deleted.
    await step(migrator.downgrade('other@base'), ['c200', 'd200', 'dd00', 'p000'])

    await step(migrator.downgrade('base'), [])
    expect(tables(filename).filter((t) => t.startsWith('t_'))).toEqual([])

    const all = await step(migrator.upgrade('heads'), ['m000', 'r000', 'y000'])
    expect(all.applied).toHaveLength(specs.length)
  })

  it('stamp replaces related rows and keeps unrelated ones', async () => {
    const stamps = async (target: string, rows: string[]) => {
      const result = await migrator.stamp(target)
      expect(result.applied).toEqual([])
      expect(versionRows(filename)).toEqual([...rows].sort())
      expect([...result.heads].sort()).toEqual([...rows].sort())
    }
    await stamps(
      'heads',
      expectedRows(
        specs,
        specs.map((s) => s.id),
      ),
    )
    await stamps('base', [])
    await stamps('c200', ['c200'])
    await stamps('d200', ['c200', 'd200'])
    // From rows {c2, d2}, stamping c1 gives {c1, d2}: only the related row moves.
    await stamps('c100', ['c100', 'd200'])
    await stamps('m000', ['m000'])
    await stamps('y000', ['m000', 'y000'])
    // y depends on b: it is related to b, as m is.
    await stamps('b000', ['b000'])
    await stamps('r000', ['b000', 'r000'])
    // Nothing ran.
    expect(tables(filename).filter((t) => t.startsWith('t_'))).toEqual([])
  })
})
