// Where the database file is: a read never creates it, a write does, and a path that
// cannot be a database (a directory, another kind of file, a missing directory) is an
// error naming the path and what to do.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RetortError } from '../../core/src/errors.js'
import { Migrator } from '../../core/src/migrator.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import type { SqliteConnection } from '../src/sqlite-driver.js'
import { tempDirs, versionRows, writeScript } from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

function project(): { scriptLocation: string; dir: string } {
  const dir = dirs.make()
  return {
    dir,
    scriptLocation: writeScript(path.join(dir, 'migrations'), [{ id: 'aaaa01', down: null }]),
  }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  )

describe('a SQLite path that does not exist', () => {
  it('reads report base and create nothing; the first write creates the file', async () => {
    const { dir, scriptLocation } = project()
    const filename = path.join(dir, 'app.db')
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    expect(await migrator.current()).toMatchObject({ heads: [] })
    expect(await migrator.history({ indicateCurrent: true })).toHaveLength(1)
    expect(fs.readdirSync(dir)).toEqual(['migrations'])
    await migrator.upgrade('head')
    expect(versionRows(filename)).toEqual(['aaaa01'])
  })

  it('in a directory that does not exist either: base for reads, a clear error for writes', async () => {
    const { dir, scriptLocation } = project()
    const filename = path.join(dir, 'missing', 'app.db')
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    expect((await migrator.current()).heads).toEqual([])
    const error = await failure(migrator.upgrade('head'))
    expect(error).toBeInstanceOf(RetortError)
    expect(error?.message).toBe(
      `cannot create the SQLite database '${filename}': the directory '${path.join(dir, 'missing')}' does not exist; create it, or correct the path`,
    )
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false)
  })

  it('a connection opened before another one created the file sees that file', async () => {
    const { dir } = project()
    const filename = path.join(dir, 'app.db')
    const dialect = sqliteDialect({ filename })
    const driver = dialect.createDriver()
    const early = (await driver.connect()) as SqliteConnection
    const writer = (await driver.connect()) as SqliteConnection
    await writer.execute({ sql: 'CREATE TABLE t (a)', parameters: [] })
    await writer.execute({ sql: 'INSERT INTO t VALUES (1)', parameters: [] })
    expect((await early.execute({ sql: 'SELECT a FROM t', parameters: [] })).rows).toEqual([
      { a: 1 },
    ])
    await driver.destroy()
  })
})

describe('a SQLite path that cannot be a database', () => {
  it('a directory', async () => {
    const { dir, scriptLocation } = project()
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename: dir }) })
    const error = await failure(migrator.current())
    expect(error).toBeInstanceOf(RetortError)
    expect(error?.message).toBe(
      `the SQLite database path '${dir}' is a directory; give the path of a database file, e.g. '${path.join(dir, 'app.db')}'`,
    )
  })

  it('a file that is not a SQLite database, for reads and writes alike', async () => {
    const { dir, scriptLocation } = project()
    const filename = path.join(dir, 'notes.txt')
    fs.writeFileSync(filename, 'these are my notes, not a database\n'.repeat(40))
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    for (const run of [() => migrator.current(), () => migrator.upgrade('head')]) {
      const error = await failure(run())
      expect(error).toBeInstanceOf(RetortError)
      expect(error?.message).toBe(
        `'${filename}' is not a SQLite database (file is not a database); check the path, or move that file away so that a new database can be created there`,
      )
    }
    expect(fs.readFileSync(filename, 'utf8')).toMatch(/^these are my notes/)
  })
})

describe('the busy timeout of Retort’s connections', () => {
  it('follows the lock timeout once the lock is taken, unless timeoutMs was given', async () => {
    const { dir } = project()
    const filename = path.join(dir, 'app.db')
    const busyTimeout = async (dialect: ReturnType<typeof sqliteDialect>) => {
      const driver = dialect.createDriver()
      const connection = (await driver.connect()) as SqliteConnection
      const adapter = dialect.createAdapter()
      const lock = { versionTable: { name: 'retort_version' }, timeoutMs: 43_210 }
      const before = connection.database.pragma('busy_timeout', { simple: true })
      await adapter.acquireMigrationLock(connection, lock)
      const after = connection.database.pragma('busy_timeout', { simple: true })
      await adapter.releaseMigrationLock(connection, lock)
      await driver.destroy()
      return [before, after]
    }
    expect(await busyTimeout(sqliteDialect({ filename }))).toEqual([5000, 43_210])
    expect(await busyTimeout(sqliteDialect({ filename, timeoutMs: 1234 }))).toEqual([1234, 1234])
  })
})
