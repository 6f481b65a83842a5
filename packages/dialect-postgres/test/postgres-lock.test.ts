import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { LockTimeoutError, type Connection } from '@retort/core'
import { postgresDialect } from '../src/postgres-dialect.js'
import { postgresLockKey } from '../src/postgres-migration-lock.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
  waitUntil,
} from './helpers/postgres-server.js'

const versionTable = { name: 'retort_version' }

it('lock keys: a signed 64-bit integer per database, schema and table', () => {
  const key = postgresLockKey('app', 'public', 'retort_version')
  expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n))
  expect(BigInt(key)).toBeLessThan(2n ** 63n)
  expect(postgresLockKey('app', 'public', 'retort_version')).toBe(key)
  expect(postgresLockKey('app2', 'public', 'retort_version')).not.toBe(key)
  expect(postgresLockKey('app', 'tenant', 'retort_version')).not.toBe(key)
  expect(postgresLockKey('app', 'public', 'other')).not.toBe(key)
  // Names are kept apart: 'a.b' + 'c' and 'a' + 'b.c' are different keys.
  expect(postgresLockKey('a', 'b\0c', 'd')).not.toBe(postgresLockKey('a\0b', 'c', 'd'))
})

describePostgres('advisory migration lock across sessions', () => {
  let database: TestDatabase
  let other: TestDatabase
  const cleanups: (() => Promise<void>)[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    other = await createTestDatabase()
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    await database.expectNoOtherSessions()
    await other.expectNoOtherSessions()
  })

  afterAll(async () => {
    await database?.drop()
    await other?.drop()
  })

  /** A separate run: its own dialect, driver, connection and adapter. */
  async function participant(url = database.url, applicationName = 'retort') {
    const dialect = postgresDialect({ connectionString: url, applicationName })
    const driver = dialect.createDriver()
    const connection = await driver.connect()
    const adapter = dialect.createAdapter()
    cleanups.push(async () => {
      await connection.close()
      await driver.destroy()
    })
    const pid = Number(
      (await connection.execute({ sql: 'SELECT pg_backend_pid() AS pid', parameters: [] }))
        .rows[0]?.['pid'],
    )
    return {
      pid,
      connection: connection as Connection,
      acquire: (timeoutMs: number, table: { name: string; schema?: string } = versionTable) =>
        adapter.acquireMigrationLock(connection, { versionTable: table, timeoutMs }),
      release: (table: { name: string; schema?: string } = versionTable) =>
        adapter.releaseMigrationLock(connection, { versionTable: table, timeoutMs: 0 }),
    }
  }

  it('the second session times out with an error naming the holder; it gets the lock after the release', async () => {
    const a = await participant(database.url, 'billing-worker')
    const b = await participant()
    await a.acquire(1000)
    const error = await b.acquire(300).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockTimeoutError)
    const message = (error as LockTimeoutError).message
    expect(message).toContain(`'${database.name}.public.retort_version'`)
    const [{ user }] = (await database.query('SELECT current_user AS user')) as [{ user: string }]
    expect(message).toContain(
      `held by pid ${a.pid} (application_name 'billing-worker', user '${user}'`,
    )
    expect(message).toMatch(/within 300 ms/)
    // A zero timeout does not wait at all, and still names the holder.
    await expect(b.acquire(0)).rejects.toThrow(`held by pid ${a.pid}`)
    await a.release()
    await b.acquire(1000)
    await b.release()
  })

  it('a waiting session gets the lock when the holder releases it', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    const events: string[] = []
    const waiting = b.acquire(60_000).then(() => events.push('b acquired'))
    // The server shows b waiting for the advisory lock a holds.
    await Promise.race([
      waitUntil(
        async () =>
          (
            await database.query(
              "SELECT 1 FROM pg_locks WHERE pid = $1 AND locktype = 'advisory' AND NOT granted",
              [b.pid],
            )
          ).length === 1,
      ),
      waiting.then(() => {
        throw new Error('b took the lock while a held it')
      }),
    ])
    events.push('a releases')
    await a.release()
    await waiting
    expect(events).toEqual(['a releases', 'b acquired'])
    // The wait's transaction is over: the session is usable and holds the lock.
    await expect(a.acquire(0)).rejects.toBeInstanceOf(LockTimeoutError)
    await b.release()
  })

  it('the lock goes with the session that held it (a crash, pg_terminate_backend)', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    await expect(b.acquire(0)).rejects.toBeInstanceOf(LockTimeoutError)
    // The test's own session a, ended as a crash would end it.
    await database.query('SELECT pg_terminate_backend($1)', [a.pid])
    await b.acquire(30_000)
    await b.release()
  })

  it('other version tables, schemas and databases are other locks', async () => {
    const a = await participant()
    const b = await participant()
    const c = await participant(other.url)
    await a.acquire(0)
    await b.acquire(0, { name: 'other_version' })
    await b.acquire(0, { name: 'retort_version', schema: 'tenant_a' })
    await c.acquire(0)
    await b.release({ name: 'other_version' })
    await b.release({ name: 'retort_version', schema: 'tenant_a' })
    await c.release()
    await a.release()
  })

  it("the dialect's schema scopes the lock like versionTableSchema", async () => {
    const inTenant = postgresDialect({ connectionString: database.url, schema: 'tenant_a' })
    const driver = inTenant.createDriver()
    const connection = await driver.connect()
    cleanups.push(async () => {
      await connection.close()
      await driver.destroy()
    })
    const adapter = inTenant.createAdapter()
    const b = await participant()
    await adapter.acquireMigrationLock(connection, { versionTable, timeoutMs: 0 })
    // Taking the lock created the missing schema.
    expect(
      await database.query("SELECT 1 AS found FROM pg_namespace WHERE nspname = 'tenant_a'"),
    ).toEqual([{ found: 1 }])
    await expect(
      b.acquire(0, { name: 'retort_version', schema: 'tenant_a' }),
    ).rejects.toBeInstanceOf(LockTimeoutError)
    await b.acquire(0)
    await b.release()
    await adapter.releaseMigrationLock(connection, { versionTable, timeoutMs: 0 })
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
})
