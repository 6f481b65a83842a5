// Retort's own handle keeps `foreign_keys` off from one transaction to the next (a run of
// steps switches it once), but never runs a statement outside a transaction with it off.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SqliteCompiler, keepsForeignKeys } from '../src/sqlite-compiler.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { SQLITE_HANDLE, type SqliteConnection } from '../src/sqlite-driver.js'

let dir: string
let connection: SqliteConnection
let close: () => Promise<void>

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-fk-between-'))
  const driver = sqliteDialect({ filename: path.join(dir, 'app.db') }).createDriver()
  connection = (await driver.connect()) as SqliteConnection
  close = () => driver.destroy()
})

afterEach(async () => {
  await close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const run = (sql: string, ...parameters: unknown[]) => connection.execute({ sql, parameters })

/** The handle as this package's own code takes it: not handed out. */
const handle = (): Database.Database => connection[SQLITE_HANDLE]()

async function transaction(...statements: string[]): Promise<void> {
  await connection.begin()
  for (const sql of statements) await run(sql)
  await connection.commit()
}

describe("foreign keys between Retort's own transactions", () => {
  it('switches the pragma once for a run of transactions, not around each', async () => {
    await run('CREATE TABLE parent (id INTEGER PRIMARY KEY)')
    const pragma = vi.spyOn(handle(), 'pragma')
    await transaction('CREATE TABLE a (id INTEGER PRIMARY KEY)')
    await transaction('CREATE TABLE b (id INTEGER PRIMARY KEY)')
    await transaction('CREATE TABLE c (id INTEGER PRIMARY KEY)')
    // The first BEGIN reads the setting and switches it off; the next ones find it off.
    expect(pragma.mock.calls.map(([source]) => source)).toEqual([
      'foreign_keys',
      'foreign_keys = OFF',
    ])
    pragma.mockRestore()
  })

  it('switches them back on before a statement runs outside a transaction', async () => {
    await run('CREATE TABLE parent (id INTEGER PRIMARY KEY)')
    await run(
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))',
    )
    await transaction('INSERT INTO parent VALUES (1)')
    expect(handle().pragma('foreign_keys', { simple: true })).toBe(0)
    await expect(run('INSERT INTO child VALUES (1, 99)')).rejects.toThrow(
      /FOREIGN KEY constraint failed/,
    )
    expect(handle().pragma('foreign_keys', { simple: true })).toBe(1)
    // The next transaction switches them off again, and checks before COMMIT.
    await connection.begin()
    await run('INSERT INTO child VALUES (2, 98)')
    await expect(connection.commit()).rejects.toThrow(/foreign key/i)
    expect(handle().pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('switches them back on after each transaction once the handle is handed out', async () => {
    const db = connection.database
    await transaction('CREATE TABLE a (id INTEGER PRIMARY KEY)')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('switches them back on when the handle is handed out between two transactions', async () => {
    await transaction('CREATE TABLE a (id INTEGER PRIMARY KEY)')
    expect(handle().pragma('foreign_keys', { simple: true })).toBe(0)
    expect(connection.database.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it("an application's handle has them back on right after COMMIT", async () => {
    const { default: Sqlite } = await import('better-sqlite3')
    const db = new Sqlite(path.join(dir, 'app-handle.db'))
    try {
      const app = (await sqliteDialect({ database: db })
        .createDriver()
        .connect()) as SqliteConnection
      await app.begin()
      await app.execute({ sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY)', parameters: [] })
      await app.commit()
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      await app.close()
    } finally {
      db.close()
    }
  })
})

describe('a row of a table Retort keeps', () => {
  it('is one bound INSERT that needs no foreign-key check', () => {
    const statement = new SqliteCompiler().insertOwnRow(
      { name: 'retort_version_ledger', schema: 'aux' },
      { revision: 'a1', duration_ms: 3, note: null },
    )
    expect(statement).toEqual({
      sql: 'INSERT INTO "aux"."retort_version_ledger" ("revision", "duration_ms", "note") VALUES (?, ?, ?)',
      parameters: ['a1', 3, null],
      keepsForeignKeys: true,
    })
    expect(keepsForeignKeys(statement)).toBe(true)
  })

  it('commits without a foreign-key check', async () => {
    await run('CREATE TABLE ledger (id INTEGER PRIMARY KEY, revision TEXT)')
    const prepare = vi.spyOn(handle(), 'prepare')
    await connection.begin()
    await connection.execute(
      new SqliteCompiler().insertOwnRow({ name: 'ledger' }, { revision: 'a1' }),
    )
    await connection.commit()
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
      'INSERT INTO "ledger" ("revision") VALUES (?)',
    ])
    prepare.mockRestore()
  })
})
