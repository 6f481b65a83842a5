// Migrator.status() and onNewerDatabase on real SQLite files: each state of DatabaseState
// produced by an actual database, and an ignored newer database left exactly as it was.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Migrator, UnknownDatabaseRevisionError } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { bundleSources } from './helpers/bundle-sources.js'
import {
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

// a -> b -> c
const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  { id: 'cccc03', down: 'bbbb02' },
]

function setup(revisions: readonly RevisionSpec[] = specs) {
  const dir = dirs.make('retort-status-')
  const scriptLocation = writeScript(path.join(dir, 'migrations'), revisions)
  const filename = path.join(dir, 'app.db')
  const migrator = (options: { onNewerDatabase?: 'error' | 'ignore' } = {}) =>
    new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }), ...options })
  return { dir, filename, migrator }
}

function setRows(filename: string, rows: readonly string[]): void {
  const db = new Database(filename)
  db.exec('DELETE FROM retort_version')
  for (const row of rows) db.prepare('INSERT INTO retort_version (version_num) VALUES (?)').run(row)
  db.close()
}

describe('Migrator.status()', () => {
  it('is empty for a new file, and creates nothing', async () => {
    const { filename, migrator } = setup()
    const status = await migrator().status()
    expect(status.state).toBe('empty')
    expect(status.rows).toEqual([])
    expect(status.heads).toEqual(['cccc03'])
    expect(status.pending).toEqual(['aaaa01', 'bbbb02', 'cccc03'])
    expect(fs.existsSync(filename)).toBe(false)
  })

  it('is behind with the pending revisions in order, then current after upgrade', async () => {
    const { migrator } = setup()
    await migrator().upgrade('aaaa01')
    const behind = await migrator().status()
    expect(behind.state).toBe('behind')
    expect(behind.rows).toEqual(['aaaa01'])
    expect(behind.pending).toEqual(['bbbb02', 'cccc03'])
    await migrator().upgrade()
    const current = await migrator().status()
    expect(current.state).toBe('current')
    expect(current.pending).toEqual([])
    expect(current.unknown).toEqual([])
  })

  it('is ahead when every row is unknown, and diverged for a mix of known and unknown', async () => {
    const { filename, migrator } = setup()
    await migrator().upgrade()
    setRows(filename, ['ffff99'])
    const ahead = await migrator().status()
    expect(ahead.state).toBe('ahead')
    expect(ahead.unknown).toEqual(['ffff99'])
    setRows(filename, ['cccc03', 'ffff99'])
    const diverged = await migrator().status()
    expect(diverged.state).toBe('diverged')
    expect(diverged.unknown).toEqual(['ffff99'])
  })

  it('is diverged when known rows contradict each other (one descends from another)', async () => {
    const { filename, migrator } = setup()
    await migrator().upgrade()
    setRows(filename, ['aaaa01', 'cccc03'])
    const status = await migrator().status()
    expect(status.state).toBe('diverged')
    expect(status.unknown).toEqual([])
    expect(status.pending).toEqual([])
  })

  it('is incomplete with the partial record after a non-transactional revision failed part-way', async () => {
    const broken: RevisionSpec[] = [
      ...specs.slice(0, 2),
      {
        id: 'cccc03',
        down: 'bbbb02',
        transaction: false,
        upgrade: [
          '  - createTable: { name: t_c1, columns: [{ name: id, type: integer, primaryKey: true }] }',
          '  - execute: "INSERT INTO no_such_table VALUES (1)"',
        ],
        downgrade: ['  - dropTable: { name: t_c1 }'],
      },
    ]
    const { migrator } = setup(broken)
    await expect(migrator().upgrade()).rejects.toThrow(/cccc03/)
    const status = await migrator().status()
    expect(status.state).toBe('incomplete')
    expect(status.incomplete?.record.revision).toBe('cccc03')
    expect(status.rows).toEqual(['bbbb02'])
    expect(status.pending).toEqual(['cccc03'])
  })
})

describe('upgrade with onNewerDatabase', () => {
  it("'error' (the default) throws UnknownDatabaseRevisionError", async () => {
    const { filename, migrator } = setup()
    await migrator().upgrade('aaaa01')
    setRows(filename, ['ffff99'])
    await expect(migrator().upgrade()).rejects.toBeInstanceOf(UnknownDatabaseRevisionError)
  })

  it("'ignore' leaves a newer database as it was and says so in the result", async () => {
    const { filename, migrator } = setup()
    await migrator().upgrade('aaaa01')
    setRows(filename, ['ffff99'])
    const before = tables(filename)
    const result = await migrator({ onNewerDatabase: 'ignore' }).upgrade()
    expect(result.applied).toEqual([])
    expect(result.newerDatabase).toEqual(['ffff99'])
    expect(result.heads).toEqual(['ffff99'])
    expect(tables(filename)).toEqual(before)
    expect(versionRows(filename)).toEqual(['ffff99'])
    // Per call, overriding the constructor's choice.
    await expect(
      migrator({ onNewerDatabase: 'ignore' }).upgrade('heads', { onNewerDatabase: 'error' }),
    ).rejects.toBeInstanceOf(UnknownDatabaseRevisionError)
  })

  it("'ignore' still upgrades a database this application knows", async () => {
    const { filename, migrator } = setup()
    const result = await migrator({ onNewerDatabase: 'ignore' }).upgrade()
    expect(result.newerDatabase).toBeUndefined()
    expect(versionRows(filename)).toEqual(['cccc03'])
  })

  it('rejects an unknown onNewerDatabase value before anything runs', () => {
    const { migrator } = setup()
    expect(() => migrator({ onNewerDatabase: 'skip' as 'ignore' })).toThrow(
      /onNewerDatabase must be 'error' or 'ignore'/,
    )
  })
})

describe("onNewerDatabase: 'ignore' with several databases", () => {
  // An env module migrating two files, the first of which is newer than the application:
  // the first is read and left alone, the second is still upgraded.
  let bundleUrl: string
  beforeAll(async () => {
    bundleUrl = pathToFileURL(await bundleSources(dirs.make('retort-bundle-'))).href
  })

  it('leaves the newer one as it was and still upgrades the next', async () => {
    const { dir } = setup()
    const scriptLocation = path.join(dir, 'migrations')
    const newer = path.join(dir, 'newer.db')
    const known = path.join(dir, 'known.db')
    await new Migrator({ scriptLocation, dialect: sqliteDialect({ filename: newer }) }).upgrade(
      'aaaa01',
    )
    setRows(newer, ['ffff99'])
    const before = tables(newer)
    fs.writeFileSync(
      path.join(scriptLocation, 'env.mjs'),
      `import { defineEnv, sqliteDialect } from '${bundleUrl}'
export default defineEnv(async (ctx) => {
  await ctx.runMigrations({ dialect: sqliteDialect({ filename: ${JSON.stringify(newer)} }) })
  await ctx.runMigrations({ dialect: sqliteDialect({ filename: ${JSON.stringify(known)} }) })
})
`,
    )
    const result = await new Migrator({ scriptLocation, onNewerDatabase: 'ignore' }).upgrade()
    expect(result.newerDatabase).toEqual(['ffff99'])
    expect(result.databases.map((d) => [d.newerDatabase, d.heads])).toEqual([
      [['ffff99'], ['ffff99']],
      [undefined, ['cccc03']],
    ])
    expect(result.applied.map((a) => a.revision)).toEqual(['aaaa01', 'bbbb02', 'cccc03'])
    expect(tables(newer)).toEqual(before)
    expect(versionRows(newer)).toEqual(['ffff99'])
    expect(versionRows(known)).toEqual(['cccc03'])
    // 'error' stops at the newer database, before the next one runs.
    fs.rmSync(known)
    await expect(new Migrator({ scriptLocation }).upgrade()).rejects.toBeInstanceOf(
      UnknownDatabaseRevisionError,
    )
    expect(fs.existsSync(known)).toBe(false)
  })
})
