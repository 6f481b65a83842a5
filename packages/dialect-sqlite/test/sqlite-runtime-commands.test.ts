// Every command of the API on real SQLite files, once through the command functions and
// once through the Migrator class: both must give the same results.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  branches,
  Config,
  current,
  downgrade,
  ensureVersion,
  heads,
  history,
  Migrator,
  MultipleHeadsError,
  RelativeRangeError,
  RetortError,
  show,
  stamp,
  upgrade,
  type CurrentResult,
  type MigrateResult,
  type RevisionInfo,
} from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import {
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

// a -> b -> c, and b -> d: two heads (c, d), one branch point (b).
const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  { id: 'cccc03', down: 'bbbb02' },
  { id: 'dddd04', down: 'bbbb02' },
]

/** The API surface under test, implemented by the functions and by Migrator. */
interface Api {
  upgrade(target: string): Promise<MigrateResult>
  downgrade(target: string): Promise<MigrateResult>
  stamp(target: string, purge?: boolean): Promise<MigrateResult>
  current(checkHeads?: boolean): Promise<CurrentResult>
  ensureVersion(): Promise<void>
  heads(): Promise<RevisionInfo[]>
  history(options?: { range?: string; indicateCurrent?: boolean }): Promise<RevisionInfo[]>
  show(identifier: string): Promise<RevisionInfo[]>
  branches(): Promise<RevisionInfo[]>
}

function functionsApi(scriptLocation: string, filename: string): Api {
  const config = new Config({ scriptLocation })
  const options = { dialect: sqliteDialect({ filename }) }
  return {
    upgrade: (target) => upgrade(config, target, options),
    downgrade: (target) => downgrade(config, target, options),
    stamp: (target, purge) => stamp(config, target, { ...options, purge }),
    current: (checkHeads) => current(config, { ...options, checkHeads }),
    ensureVersion: () => ensureVersion(config, options),
    heads: () => heads(config, options),
    history: (extra = {}) => history(config, { ...options, ...extra }),
    show: (identifier) => show(config, identifier, options),
    branches: () => branches(config, options),
  }
}

function migratorApi(scriptLocation: string, filename: string): Api {
  const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
  return {
    upgrade: (target) => migrator.upgrade(target),
    downgrade: (target) => migrator.downgrade(target),
    stamp: (target, purge) => migrator.stamp(target, { purge }),
    current: (checkHeads) => migrator.current({ checkHeads }),
    ensureVersion: () => migrator.ensureVersion(),
    heads: () => migrator.heads(),
    history: (extra = {}) => migrator.history(extra),
    show: (identifier) => migrator.show(identifier),
    branches: () => migrator.branches(),
  }
}

const ids = (revisions: readonly { revision: string }[]) => revisions.map((r) => r.revision)
const sorted = (values: readonly string[]) => [...values].sort()
const userTables = (filename: string) => tables(filename).filter((name) => name.startsWith('t_'))

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

describe.each([
  ['the command functions', functionsApi],
  ['Migrator', migratorApi],
])('every command through %s', (_name, makeApi) => {
  let dir: string
  let scriptLocation: string
  let filename: string
  let api: Api

  beforeEach(() => {
    dir = dirs.make()
    scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
    filename = path.join(dir, 'app.db')
    api = makeApi(scriptLocation, filename)
  })

  it('heads, branches, show and history read the graph only', async () => {
    expect(sorted(ids(await api.heads()))).toEqual(['cccc03', 'dddd04'])
    expect(ids(await api.branches())).toEqual(['bbbb02'])

    const [shown, ...rest] = await api.show('cccc')
    expect(rest).toEqual([])
    expect(shown).toMatchObject({
      revision: 'cccc03',
      downRevisions: ['bbbb02'],
      message: 'revision cccc03',
      isHead: true,
      isBase: false,
      isMergePoint: false,
      isBranchPoint: false,
    })
    expect(shown!.path).toMatch(/02_cccc03\.yaml$/)
    expect(sorted(ids(await api.show('heads')))).toEqual(['cccc03', 'dddd04'])

    const all = ids(await api.history())
    expect(all).toHaveLength(4)
    expect(all[all.length - 1]).toBe('aaaa01')
    expect(all.indexOf('bbbb02')).toBeGreaterThan(
      Math.max(all.indexOf('cccc03'), all.indexOf('dddd04')),
    )
    expect(ids(await api.history({ range: 'aaaa01:cccc03' }))).toEqual([
      'cccc03',
      'bbbb02',
      'aaaa01',
    ])

    // None of them touched the database.
    expect(tables(filename)).toEqual([])
  })

  it('upgrade, current, downgrade: results match the database', async () => {
    expect(await api.current()).toMatchObject({ heads: [], revisions: [] })
    expect(versionRows(filename)).toBeUndefined()

    const first = await api.upgrade('cccc03')
    expect(first.applied.map((a) => [a.revision, a.direction])).toEqual([
      ['aaaa01', 'up'],
      ['bbbb02', 'up'],
      ['cccc03', 'up'],
    ])
    for (const step of first.applied) expect(typeof step.ms).toBe('number')
    expect(first.heads).toEqual(['cccc03'])
    expect(versionRows(filename)).toEqual(['cccc03'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02', 't_cccc03'])

    const error = await api.current(true).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetortError)
    expect((error as RetortError).code).toBe('not-at-head')
    expect((error as Error).message).toContain("'dddd04'")

    const second = await api.upgrade('heads')
    expect(second.applied.map((a) => a.revision)).toEqual(['dddd04'])
    expect(sorted(second.heads)).toEqual(['cccc03', 'dddd04'])
    expect(versionRows(filename)).toEqual(['cccc03', 'dddd04'])
    const now = await api.current(true)
    expect(sorted(now.heads)).toEqual(['cccc03', 'dddd04'])
    expect(sorted(ids(now.revisions))).toEqual(['cccc03', 'dddd04'])

    expect((await api.upgrade('heads')).applied).toEqual([])

    const marked = await api.history({ indicateCurrent: true })
    expect(
      marked
        .filter((r) => r.isCurrent)
        .map((r) => r.revision)
        .sort(),
    ).toEqual(['cccc03', 'dddd04'])

    const down = await api.downgrade('bbbb02')
    expect(sorted(down.applied.map((a) => a.revision))).toEqual(['cccc03', 'dddd04'])
    expect(down.applied.every((a) => a.direction === 'down')).toBe(true)
    expect(down.heads).toEqual(['bbbb02'])
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02'])

    expect((await api.downgrade('base')).heads).toEqual([])
    expect(versionRows(filename)).toEqual([])
    expect(userTables(filename)).toEqual([])
  })

  it('relative targets move from the database; head is ambiguous with two heads', async () => {
    expect((await api.upgrade('+1')).heads).toEqual(['aaaa01'])
    expect((await api.upgrade('+1')).heads).toEqual(['bbbb02'])
    await expect(api.upgrade('+1')).rejects.toThrow(RelativeRangeError)
    const error = await api.upgrade('head').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MultipleHeadsError)
    expect((error as Error).message).toContain("'cccc03', 'dddd04'")
    expect((await api.upgrade('cccc03')).heads).toEqual(['cccc03'])
    expect((await api.downgrade('-1')).heads).toEqual(['bbbb02'])
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02'])
  })

  it('stamp sets rows without running anything; --purge clears unknown ids', async () => {
    const tagged = await api.stamp('heads')
    expect(tagged.applied).toEqual([])
    expect(sorted(tagged.heads)).toEqual(['cccc03', 'dddd04'])
    expect(versionRows(filename)).toEqual(['cccc03', 'dddd04'])
    expect(userTables(filename)).toEqual([])

    expect((await api.stamp('aaaa01')).heads).toEqual(['aaaa01'])
    expect(versionRows(filename)).toEqual(['aaaa01'])

    const db = new Database(filename)
    db.prepare('INSERT INTO retort_version (version_num) VALUES (?)').run('ffff99')
    db.close()
    await expect(api.stamp('cccc03')).rejects.toThrow(/ffff99/)

    expect((await api.stamp('cccc03', true)).heads).toEqual(['cccc03'])
    expect(versionRows(filename)).toEqual(['cccc03'])

    expect((await api.stamp('base')).heads).toEqual([])
    expect(versionRows(filename)).toEqual([])
  })

  it('ensureVersion creates the empty version table and runs nothing', async () => {
    await api.ensureVersion()
    expect(tables(filename)).toContain('retort_version')
    expect(userTables(filename)).toEqual([])
    expect(versionRows(filename)).toEqual([])
    await api.ensureVersion()
    expect(versionRows(filename)).toEqual([])
  })
})

describe('Migrator reads the revisions once', () => {
  it('keeps them while calls succeed, and reads again after an error or in a new Migrator', async () => {
    const dir = dirs.make()
    const scriptLocation = writeScript(path.join(dir, 'migrations'), specs.slice(0, 3))
    const filename = path.join(dir, 'app.db')
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    expect(ids(await migrator.heads())).toEqual(['cccc03'])

    // A file added while the application runs is not seen by this Migrator ...
    writeScript(path.join(dir, 'migrations'), specs)
    expect(ids(await migrator.heads())).toEqual(['cccc03'])
    expect((await migrator.upgrade('heads')).heads).toEqual(['cccc03'])
    // ... but by a new one.
    const fresh = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    expect(sorted(ids(await fresh.heads()))).toEqual(['cccc03', 'dddd04'])

    // After an error (here: 'head' with two heads, for the new Migrator's view) the next
    // call reads the directory again.
    await expect(fresh.upgrade('head')).rejects.toBeInstanceOf(MultipleHeadsError)
    const broken = path.join(scriptLocation, 'versions', '99_broken.yaml')
    fs.writeFileSync(broken, 'revision: [unclosed\n')
    await expect(fresh.heads()).rejects.toThrow(/99_broken\.yaml/)
    fs.rmSync(broken)
    expect(sorted(ids(await fresh.heads()))).toEqual(['cccc03', 'dddd04'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02', 't_cccc03'])
  })
})
