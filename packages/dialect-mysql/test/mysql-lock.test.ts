import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { LockTimeoutError, RetortError, type Connection } from '@retort/core'
import { mysqlDialect } from '../src/mysql-dialect.js'
import { MAX_LOCK_NAME_LENGTH, mysqlLockName } from '../src/mysql-migration-lock.js'
import {
  createTestDatabase,
  describeMysql,
  SERVER_URL,
  type TestDatabase,
} from './helpers/mysql-server.js'

const versionTable = { name: 'retort_version' }

it('lock names: database and table, hashed when longer than 64 characters', () => {
  expect(mysqlLockName('app', 'retort_version')).toBe('retort:app.retort_version')
  const long = mysqlLockName('d'.repeat(64), 'retort_version')
  expect(long).toMatch(/^retort:[0-9a-f]{57}$/)
  expect(long).toHaveLength(MAX_LOCK_NAME_LENGTH)
  expect(mysqlLockName('d'.repeat(64), 'other')).not.toBe(long)
  // 'a.b' + 'c' and 'a' + 'b.c' must not share a hashed name.
  expect(mysqlLockName(`${'x'.repeat(60)}.b`, 'c')).not.toBe(mysqlLockName('x'.repeat(60), 'b.c'))
})

describeMysql('GET_LOCK migration lock across connections', () => {
  let database: TestDatabase
  const cleanups: (() => Promise<void>)[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  afterAll(async () => {
    await database?.drop()
  })

  /** A separate run: its own dialect, driver, connection and adapter. */
  async function participant(uri = database.uri) {
    const dialect = mysqlDialect({ uri })
    const driver = dialect.createDriver()
    const connection = await driver.connect()
    const adapter = dialect.createAdapter()
    cleanups.push(async () => {
      await connection.close()
      await driver.destroy()
    })
    const id = Number(
      (await connection.execute({ sql: 'SELECT CONNECTION_ID() AS id', parameters: [] })).rows[0]?.[
        'id'
      ],
    )
    return {
      id,
      connection: connection as Connection,
      acquire: (timeoutMs: number, table: { name: string; schema?: string } = versionTable) =>
        adapter.acquireMigrationLock(connection, { versionTable: table, timeoutMs }),
      release: (table: { name: string; schema?: string } = versionTable) =>
        adapter.releaseMigrationLock(connection, { versionTable: table, timeoutMs: 0 }),
    }
  }

  it('the second connection times out, naming the holder; it gets the lock after RELEASE_LOCK', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(1000)
    const started = Date.now()
    const error = await b.acquire(300).catch((e: unknown) => e)
    const waited = Date.now() - started
    expect(error).toBeInstanceOf(LockTimeoutError)
    expect((error as LockTimeoutError).message).toContain(`'${database.name}.retort_version'`)
    expect((error as LockTimeoutError).message).toMatch(
      new RegExp(`held by connection ${a.id} \\(root@[^)]+\\)`),
    )
    expect(waited).toBeGreaterThanOrEqual(250)
    expect(waited).toBeLessThan(5000)
    await a.release()
    await b.acquire(1000)
    await b.release()
  })

  it('a waiting connection gets the lock as soon as the holder releases it', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    const waiting = b.acquire(10_000)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const released = Date.now()
    await a.release()
    await waiting
    expect(Date.now() - released).toBeLessThan(2000)
    await b.release()
  })

  it('the lock is released when the holding connection is killed', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    await expect(b.acquire(0)).rejects.toBeInstanceOf(LockTimeoutError)
    await database.admin.query(`KILL ${a.id}`)
    await b.acquire(5000)
    await b.release()
  })

  it('other version tables and other databases are other locks', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    await b.acquire(0, { name: 'other_version' })
    await b.acquire(0, { name: 'retort_version', schema: `${database.name}_elsewhere` })
    await b.release({ name: 'other_version' })
    await b.release({ name: 'retort_version', schema: `${database.name}_elsewhere` })
    await a.release()
  })

  it('the schema names the database of the lock', async () => {
    const a = await participant()
    const noDatabase = await participant(SERVER_URL)
    await a.acquire(0)
    await expect(
      noDatabase.acquire(0, { name: 'retort_version', schema: database.name }),
    ).rejects.toBeInstanceOf(LockTimeoutError)
    await a.release()
  })

  it('taking the lock twice on one adapter is refused; releasing twice is harmless', async () => {
    const a = await participant()
    await a.acquire(0)
    await expect(a.acquire(0)).rejects.toThrow(/already held by this connection/)
    await a.release()
    await a.release()
    const b = await participant()
    await b.acquire(0)
    await b.release()
  })

  it('without a database (none in the URL, no schema) the error says what to do', async () => {
    const a = await participant(SERVER_URL)
    const error = await a.acquire(0).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetortError)
    expect((error as RetortError).code).toBe('no-database')
    expect((error as Error).message).toMatch(
      /put the database in the URL .* or set versionTableSchema/,
    )
  })
})
