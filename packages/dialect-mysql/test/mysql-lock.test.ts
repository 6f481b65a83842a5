import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import {
  LockTimeoutError,
  RetortError,
  type CompiledStatement,
  type Connection,
} from '@retort/core'
import { mysqlDialect } from '../src/mysql-dialect.js'
import { MAX_LOCK_NAME_LENGTH, mysqlLockName } from '../src/mysql-migration-lock.js'
import {
  createTestDatabase,
  describeMysql,
  SERVER_URL,
  SERVER_USER,
  type TestDatabase,
  waitUntil,
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
    await database.expectNoOtherSessions()
  })

  afterAll(async () => {
    await database?.drop()
  })

  /**
   * A separate run: its own dialect, driver, connection and adapter. `statements` are the
   * statements the adapter ran on its connection.
   */
  async function participant(uri = database.uri) {
    const dialect = mysqlDialect({ uri })
    const driver = dialect.createDriver()
    const opened = await driver.connect()
    const adapter = dialect.createAdapter()
    cleanups.push(async () => {
      await opened.close()
      await driver.destroy()
    })
    const statements: CompiledStatement[] = []
    const connection: Connection = {
      execute: (statement) => (statements.push(statement), opened.execute(statement)),
      begin: () => opened.begin(),
      commit: () => opened.commit(),
      rollback: () => opened.rollback(),
      close: () => opened.close(),
    }
    const id = Number(
      (await opened.execute({ sql: 'SELECT CONNECTION_ID() AS id', parameters: [] })).rows[0]?.[
        'id'
      ],
    )
    return {
      id,
      statements,
      connection,
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
    const error = await b.acquire(300).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockTimeoutError)
    expect((error as LockTimeoutError).message).toContain(`'${database.name}.retort_version'`)
    expect((error as LockTimeoutError).message).toContain('within 300 ms')
    expect((error as LockTimeoutError).message).toMatch(
      new RegExp(`held by connection ${a.id} \\(${SERVER_USER}@[^)]+\\)`),
    )
    // The wait happened in the server, for the fraction of a second asked (not rounded to 0).
    expect(
      b.statements.filter((s) => /GET_LOCK/.test(s.sql)).map((s) => s.parameters.at(-1)),
    ).toEqual([0.3])
    await a.release()
    await b.acquire(1000)
    await b.release()
  })

  it('a waiting connection gets the lock when the holder releases it, not before', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    const events: string[] = []
    const waiting = b.acquire(60_000).then(() => events.push('b acquired'))
    // The server shows b waiting for the lock a holds.
    await Promise.race([
      waitUntil(
        async () =>
          (
            (
              await database.admin.query(
                "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND STATE = 'User lock'",
                [b.id],
              )
            )[0] as unknown[]
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
    await b.release()
  })

  it('the lock is released when the holding connection is killed', async () => {
    const a = await participant()
    const b = await participant()
    await a.acquire(0)
    await expect(b.acquire(0)).rejects.toBeInstanceOf(LockTimeoutError)
    // The test's own session a, ended as a crash would end it.
    await database.admin.query(`KILL ${a.id}`)
    await b.acquire(30_000)
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
