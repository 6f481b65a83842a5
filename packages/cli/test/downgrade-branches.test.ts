import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

interface SqliteHandle {
  prepare(sql: string): { all(): { name: string }[] }
  close(): void
}
// better-sqlite3 as the dialect package resolves it (the CLI package does not depend on it).
const Database = createRequire(
  fileURLToPath(new URL('../../dialect-sqlite/package.json', import.meta.url)),
)('better-sqlite3') as new (filename: string, options?: { readonly: boolean }) => SqliteHandle

/** The tables of a SQLite file, the version table and its companions left out. */
function tablesOf(filename: string): string[] {
  const db = new Database(filename, { readonly: true })
  try {
    return db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'retort_%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name)
  } finally {
    db.close()
  }
}

interface MigrateJson {
  applied: { revision: string; direction: string }[]
  heads: string[]
}

/**
 * The revisions an offline script runs, in order, from its `-- Running upgrade P -> REV` and
 * `-- Running downgrade REV -> P` comments.
 */
function scriptRevisions(sql: string): string[] {
  const comments = sql.matchAll(/^-- Running (upgrade|downgrade) (\w+) -> ([\w, ]+?)(?::| \(|$)/gm)
  return [...comments].map(([, direction, left, right]) =>
    direction === 'upgrade' ? right! : left!,
  )
}

const TRUNK = '0a0a0a0a0a0a'
const ALICE = 'a11ce0000001'
const BOB = 'b0b000000001'
const MERGE = 'ee0000000001'

// Two developers branch off one trunk; downgrading one branch must leave the other's tables
// and row alone (issue 16). Every test works on its own SQLite file.
describe('downgrades take exactly what was asked', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  const url = (name: string) => ['-x', `url=sqlite:///${name}.db`]
  const file = (name: string) => join(dir, `${name}.db`)
  const rows = async (name: string) =>
    (await retortJson<{ heads: string[] }>(dir, ['current', ...url(name)])).heads.sort()

  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    fillRevision((await newRevision(dir, ['-m', 'trunk', '--rev-id', TRUNK])).path, 'trunk')
    fillRevision((await newRevision(dir, ['-m', 'alice', '--rev-id', ALICE])).path, 'alice')
    const bob = await newRevision(dir, [
      '-m',
      'bob',
      '--rev-id',
      BOB,
      '--head',
      TRUNK,
      '--splice',
      '--branch-label',
      'bobfeat',
    ])
    fillRevision(bob.path, 'bob')
  })
  afterAll(() => project.cleanup())

  it.each([
    ['bobfeat@-1', 'label'],
    [`${BOB}@-1`, 'revision'],
  ])('downgrade %s (a %s on the branch) keeps alice', async (target, kind) => {
    const name = `branch-${kind}`
    await ok(dir, ['upgrade', 'heads', ...url(name)])
    expect(tablesOf(file(name))).toEqual(['alice', 'bob', 'trunk'])

    // Offline, from the same rows: the script runs what the online downgrade runs.
    const script = (
      await retortJson<{ sql: string }>(dir, [
        'downgrade',
        '--sql',
        `heads:${target}`,
        ...url(name),
      ])
    ).sql
    const result = await retortJson<MigrateJson>(dir, ['downgrade', target, ...url(name)])
    expect(result.applied.map((a) => [a.revision, a.direction])).toEqual([[BOB, 'down']])
    expect(scriptRevisions(script)).toEqual([BOB])
    expect(result.heads).toEqual([ALICE])
    expect(await rows(name)).toEqual([ALICE])
    expect(tablesOf(file(name))).toEqual(['alice', 'trunk'])
  })

  it('the text output names bob alone', async () => {
    await ok(dir, ['upgrade', 'heads', ...url('text')])
    const run = await retort(dir, ['downgrade', 'bobfeat@-1', ...url('text')])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`Running downgrade ${BOB} -> ${TRUNK}`)
    expect(run.stderr + run.stdout).not.toContain(`Running downgrade ${ALICE}`)
  })

  it('-1 with two rows is a one-line error naming both and suggesting ROW@-1', async () => {
    await ok(dir, ['upgrade', 'heads', ...url('two-rows')])
    const run = await retort(dir, ['downgrade', '-1', ...url('two-rows')])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    for (const text of [`'${ALICE}'`, `'${BOB}'`, `'${ALICE}@-1'`, `'${BOB}@-1'`])
      expect(run.stderr).toContain(text)
    // Nothing ran.
    expect(await rows('two-rows')).toEqual([ALICE, BOB])
    expect(tablesOf(file('two-rows'))).toEqual(['alice', 'bob', 'trunk'])
  })

  describe('a merge row', () => {
    beforeAll(async () => {
      const merge = await retortJson<{ path: string }>(dir, [
        'merge',
        '-m',
        'merge alice and bob',
        '--rev-id',
        MERGE,
        'heads',
      ])
      fillRevision(merge.path, 'merged')
    })

    it('-1 un-applies the merge alone; both parents become the rows', async () => {
      await ok(dir, ['upgrade', 'heads', ...url('merge')])
      expect(await rows('merge')).toEqual([MERGE])
      const script = (
        await retortJson<{ sql: string }>(dir, [
          'downgrade',
          '--sql',
          `${MERGE}:-1`,
          ...url('merge'),
        ])
      ).sql
      const result = await retortJson<MigrateJson>(dir, ['downgrade', '-1', ...url('merge')])
      expect(result.applied.map((a) => a.revision)).toEqual([MERGE])
      expect(scriptRevisions(script)).toEqual([MERGE])
      expect(await rows('merge')).toEqual([ALICE, BOB])
      expect(tablesOf(file('merge'))).toEqual(['alice', 'bob', 'trunk'])
    })
  })
})

// R has parent P and dependsOn D, D another child of P: `downgrade -1` from R takes R alone.
describe('a dependency of a downgraded revision stays applied', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  const P = 'dddd00000001'
  const D = 'dddd00000002'
  const R = 'dddd00000003'
  const url = ['-x', 'url=sqlite:///deps.db']

  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    fillRevision((await newRevision(dir, ['-m', 'p', '--rev-id', P])).path, 'p_table')
    fillRevision((await newRevision(dir, ['-m', 'd', '--rev-id', D])).path, 'd_table')
    const r = await newRevision(dir, [
      '-m',
      'r',
      '--rev-id',
      R,
      '--head',
      P,
      '--splice',
      '--depends-on',
      D,
    ])
    fillRevision(r.path, 'r_table')
  })
  afterAll(() => project.cleanup())

  it('downgrade -1 from [R] un-applies R alone and leaves rows [D]', async () => {
    const up = await retortJson<MigrateJson>(dir, ['upgrade', R, ...url])
    expect(up.applied.map((a) => a.revision)).toEqual([P, D, R])
    expect(up.heads).toEqual([R])
    const script = (
      await retortJson<{ sql: string }>(dir, ['downgrade', '--sql', `${R}:-1`, ...url])
    ).sql
    const result = await retortJson<MigrateJson>(dir, ['downgrade', '-1', ...url])
    expect(result.applied.map((a) => a.revision)).toEqual([R])
    expect(scriptRevisions(script)).toEqual([R])
    expect((await retortJson<{ heads: string[] }>(dir, ['current', ...url])).heads).toEqual([D])
    expect(tablesOf(join(dir, 'deps.db'))).toEqual(['d_table', 'p_table'])
  })
})
