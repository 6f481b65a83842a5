import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LockTimeoutError, type Connection } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { sqliteLockPath } from '../src/sqlite-migration-lock.js'
import { bundleForSuite } from '../../core/test/helpers/bundle-sources.js'

const child = fileURLToPath(new URL('./fixtures/lock-child.mjs', import.meta.url))
const versionTable = { name: 'retort_version' }

let dir: string
let filename: string
const cleanups: (() => Promise<void> | void)[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-'))
  filename = path.join(dir, 'app.db')
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** An adapter with its own connection to the file (as a separate migration run would have). */
async function participant(file = filename) {
  const dialect = sqliteDialect({ filename: file })
  const driver = dialect.createDriver()
  const connection = await driver.connect()
  const adapter = dialect.createAdapter()
  cleanups.push(() => driver.destroy())
  return {
    connection,
    acquire: (timeoutMs: number, table = versionTable) =>
      adapter.acquireMigrationLock(connection, { versionTable: table, timeoutMs }),
    release: (table = versionTable) =>
      adapter.releaseMigrationLock(connection, { versionTable: table, timeoutMs: 0 }),
  }
}

// What the child processes import: core and this dialect, bundled from the sources.
const bundle = bundleForSuite('sqlite')

/** Runs the child script; `next()` resolves with its next JSON line after `{ ready }`. */
function spawnChild(timeoutMs: number, mode: 'try' | 'wait' | 'hold', table = versionTable.name) {
  const args = [child, bundle(), filename, table, String(timeoutMs), mode]
  const process_ = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  cleanups.push(() => {
    if (process_.exitCode === null && process_.signalCode === null) process_.kill('SIGKILL')
  })
  let stderr = ''
  process_.stderr?.on('data', (chunk) => (stderr += String(chunk)))
  const queue: Record<string, unknown>[] = []
  const waiters: ((line: Record<string, unknown> | Error) => void)[] = []
  createInterface({ input: process_.stdout! }).on('line', (line) => {
    const value = JSON.parse(line) as Record<string, unknown>
    const waiter = waiters.shift()
    if (waiter) waiter(value)
    else queue.push(value)
  })
  process_.once('exit', (code) => {
    for (const waiter of waiters.splice(0)) waiter(new Error(`child exited (${code}): ${stderr}`))
  })
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const queued = queue.shift()
      if (queued !== undefined) return resolve(queued)
      if (process_.exitCode !== null) return reject(new Error(`child exited: ${stderr}`))
      waiters.push((line) => (line instanceof Error ? reject(line) : resolve(line)))
    })
  const ready = next().then((line) => expect(line).toEqual({ ready: true }))
  return { process: process_, ready, next: async () => (await ready, next()) }
}

function exited(process_: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (process_.exitCode !== null || process_.signalCode !== null) resolve()
    else process_.once('exit', () => resolve())
  })
}

describe('SQLite migration lock in one process', () => {
  it('makes a second taker wait, then time out with LockTimeoutError', async () => {
    const first = await participant()
    const second = await participant()
    await first.acquire(1000)
    const error = await second.acquire(150).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockTimeoutError)
    expect((error as Error).message).toBe(
      `could not take the migration lock on '${filename} (retort_version)' within 150 ms; another migration is running: wait for it or raise lockTimeout`,
    )
    await first.release()
    await second.acquire(0)
    await second.release()
  })

  it('lets a waiter in when the holder releases, not before', async () => {
    const first = await participant()
    const second = await participant()
    await first.acquire(0)
    // Without time to wait, a taker fails at its first attempt.
    await expect(second.acquire(0)).rejects.toBeInstanceOf(LockTimeoutError)
    const events: string[] = []
    // With time, it keeps trying: its first attempt (made before acquire returns) finds
    // the lock taken, and a later one gets it once released.
    const waiting = second.acquire(60_000).then(() => events.push('second acquired'))
    events.push('first releases')
    await first.release()
    await waiting
    expect(events).toEqual(['first releases', 'second acquired'])
    await second.release()
  })

  it("does not block the database's own reads and writes", async () => {
    const holder = await participant()
    const other = await participant()
    await holder.acquire(0)
    await holder.connection.execute({ sql: 'CREATE TABLE t (a)', parameters: [] })
    await other.connection.execute({ sql: 'INSERT INTO t VALUES (1)', parameters: [] })
    expect(
      (await holder.connection.execute({ sql: 'SELECT a FROM t', parameters: [] })).rows,
    ).toEqual([{ a: 1 }])
    await holder.release()
  })

  it('locks per version table: two tables in one file do not block each other', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0, { name: 'retort_version' })
    await b.acquire(0, { name: 'tenant_version' })
    await expect(
      b.acquire(0, { name: 'retort_version' }).catch((e: unknown) => e),
    ).resolves.toBeInstanceOf(LockTimeoutError)
    await a.release({ name: 'retort_version' })
    await b.release({ name: 'tenant_version' })
    expect(fs.readdirSync(dir).sort()).toEqual([
      'app.db',
      'app.db-retort_version.retort-lock',
      'app.db-tenant_version.retort-lock',
    ])
  })

  it('names the sidecar after the file and the table, safely', () => {
    expect(sqliteLockPath('/data/app.db', 'retort_version')).toBe(
      '/data/app.db-retort_version.retort-lock',
    )
    const odd = sqliteLockPath('/data/app.db', '../x/y')
    expect(path.dirname(odd)).toBe('/data')
    expect(odd).toMatch(/^\/data\/app\.db-\.\._x_y-[0-9a-f]{8}\.retort-lock$/)
    expect(sqliteLockPath('/d/a.db', 'a/b')).not.toBe(sqliteLockPath('/d/a.db', 'a_b'))
  })

  it('needs no lock (and no file) for an in-memory database', async () => {
    const dialect = sqliteDialect({ filename: ':memory:' })
    const connection: Connection = await dialect.createDriver().connect()
    const adapter = dialect.createAdapter()
    await adapter.acquireMigrationLock(connection, { versionTable, timeoutMs: 0 })
    await adapter.acquireMigrationLock(connection, { versionTable, timeoutMs: 0 })
    await adapter.releaseMigrationLock(connection, { versionTable, timeoutMs: 0 })
  })

  it("works with the application's own handle", async () => {
    const database = new Database(filename)
    cleanups.push(() => void database.close())
    const dialect = sqliteDialect({ database })
    const connection = await dialect.createDriver().connect()
    const adapter = dialect.createAdapter()
    await adapter.acquireMigrationLock(connection, { versionTable, timeoutMs: 0 })
    const other = await participant()
    await expect(other.acquire(50).catch((e: unknown) => e)).resolves.toBeInstanceOf(
      LockTimeoutError,
    )
    await adapter.releaseMigrationLock(connection, { versionTable, timeoutMs: 0 })
    await other.acquire(0)
    await other.release()
  })

  it('refuses to take the same lock twice through one adapter', async () => {
    const one = await participant()
    await one.acquire(0)
    await expect(one.acquire(0)).rejects.toThrow('is already held by this adapter')
    await one.release()
    await one.release() // releasing what is not held is a no-op
  })
})

describe('SQLite migration lock across processes', () => {
  it('a child times out while this process holds the lock, and gets it after release', async () => {
    const holder = await participant()
    await holder.acquire(0)
    const blocked = spawnChild(300, 'try')
    expect(await blocked.next()).toMatchObject({ error: 'LockTimeoutError', code: 'lock-timeout' })
    await holder.release()
    const free = spawnChild(300, 'try')
    expect(await free.next()).toEqual({ acquired: true })
    await exited(free.process)
    expect(free.process.exitCode).toBe(0)
  })

  it('a child waiting longer gets the lock when this process releases it', async () => {
    const holder = await participant()
    await holder.acquire(0)
    const waiting = spawnChild(60_000, 'wait')
    // Its request found the lock taken and waits.
    expect(await waiting.next()).toEqual({ waiting: true })
    expect(waiting.process.exitCode).toBe(null)
    await holder.release()
    expect(await waiting.next()).toEqual({ acquired: true })
  })

  it('kill -9 of the holder releases the lock', async () => {
    const holder = spawnChild(0, 'hold')
    expect(await holder.next()).toEqual({ locked: true })
    const me = await participant()
    await expect(me.acquire(100).catch((e: unknown) => e)).resolves.toBeInstanceOf(LockTimeoutError)
    holder.process.kill('SIGKILL')
    await exited(holder.process)
    await me.acquire(30_000)
    await me.release()
  })

  it('a child locking another version table is not blocked', async () => {
    const holder = await participant()
    await holder.acquire(0)
    const other = spawnChild(0, 'try', 'tenant_version')
    expect(await other.next()).toEqual({ acquired: true })
    await holder.release()
  })
})
