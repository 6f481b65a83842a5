// How the connection runs statements: DDL through exec (no prepared statement left to the
// GC), repeated statements prepared once per handle; results as a fresh prepare gives them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { SQLITE_HANDLE, type SqliteConnection } from '../src/sqlite-driver.js'

let dir: string
let file: string
let connection: SqliteConnection
let close: () => Promise<void>

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-statements-'))
  file = path.join(dir, 'app.db')
  const driver = sqliteDialect({ filename: file }).createDriver()
  connection = (await driver.connect()) as SqliteConnection
  close = () => driver.destroy()
})

afterEach(async () => {
  await close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const run = (sql: string, ...parameters: unknown[]) => connection.execute({ sql, parameters })
const handle = (): Database.Database => connection[SQLITE_HANDLE]()

describe('SqliteConnection statements', () => {
  it('runs DDL without preparing it, creating the file when it does not exist yet', async () => {
    expect(fs.existsSync(file)).toBe(false)
    expect(await run('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')).toEqual({
      rows: [],
      rowCount: 0,
    })
    expect(fs.existsSync(file)).toBe(true)
    const prepare = vi.spyOn(handle(), 'prepare')
    await run('  create index t_name on t (name)')
    await run('ALTER TABLE t ADD COLUMN note TEXT')
    await run('DROP INDEX t_name')
    expect(prepare).not.toHaveBeenCalled()
    const { rows } = await run("SELECT name FROM pragma_table_info('t') ORDER BY cid")
    expect(rows).toEqual([{ name: 'id' }, { name: 'name' }, { name: 'note' }])
  })

  it('a DDL error names the problem as before', async () => {
    await run('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    await expect(run('CREATE TABLE t (id INTEGER PRIMARY KEY)')).rejects.toThrow(/already exists/)
  })

  it('prepares a repeated statement once and gives each run its own result', async () => {
    await run('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')
    const prepare = vi.spyOn(handle(), 'prepare')
    for (let i = 1; i <= 5; i++) {
      expect(await run('INSERT INTO t (id, name) VALUES (?, ?)', i, `n${i}`)).toEqual({
        rows: [],
        rowCount: 1,
      })
    }
    expect((await run('SELECT count(*) AS n FROM t WHERE id > ?', 2)).rows).toEqual([{ n: 3 }])
    expect((await run('SELECT count(*) AS n FROM t WHERE id > ?', 4)).rows).toEqual([{ n: 1 }])
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
      'INSERT INTO t (id, name) VALUES (?, ?)',
      'SELECT count(*) AS n FROM t WHERE id > ?',
    ])
  })

  it('a statement prepared before a schema change still runs after it', async () => {
    await run('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    await run('INSERT INTO t (id) VALUES (?)', 1)
    await run('ALTER TABLE t ADD COLUMN name TEXT')
    await run('INSERT INTO t (id) VALUES (?)', 2)
    expect((await run('SELECT id, name FROM t ORDER BY id')).rows).toEqual([
      { id: 1, name: null },
      { id: 2, name: null },
    ])
  })
})
