import { inspect } from 'node:util'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, dialectForUrl, Migrator, type Operations } from '@retort/core'
import {
  parsePostgresConnectionString,
  postgresDialect,
  scrubPassword,
} from '../src/postgres-dialect.js'
import {
  createTestDatabase,
  describedUrl,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const SECRET = 'S3cr3t-hunter2'

/** Everything a user could see of an error: message, stack, and util.inspect (cause and properties). */
const shown = (error: unknown) =>
  `${String((error as Error)?.message)}\n${String((error as Error)?.stack)}\n${inspect(error, { depth: 5 })}`

describe('connection strings and descriptions', () => {
  it('accepts postgres:// and postgresql://; the description never shows the password', () => {
    const dialect = postgresDialect({
      connectionString: `postgresql://app:${SECRET}@db.internal:5433/app?sslmode=require`,
    })
    expect(dialect.name).toBe('postgresql')
    expect(dialect.description).toBe('postgresql://app:***@db.internal:5433/app')
    expect(postgresDialect({ connectionString: 'POSTGRES://app@db/app' }).description).toBe(
      'postgres://app@db/app',
    )
    expect(
      postgresDialect({ connectionString: 'postgres://db/app', schema: 'tenant_a' }).description,
    ).toBe('postgres://db/app (schema tenant_a)')
    const encoded = parsePostgresConnectionString(
      `postgres://u:${encodeURIComponent('p@ss/w#rd')}@h/d`,
    )
    expect(encoded.password).toBe('p@ss/w#rd')
    expect(encoded.description).toBe('postgres://u:***@h/d')
    expect(parsePostgresConnectionString(`postgres://u@h/d?password=${SECRET}`).description).toBe(
      'postgres://u@h/d',
    )
  })

  it('bad connection strings and options are ConfigErrors that never show the password', () => {
    for (const connectionString of [
      `mysql://u:${SECRET}@h/d`,
      `postgres://u:${SECRET}@h:99999/d`,
      `u:${SECRET}@h/d`,
    ]) {
      const error = (() => {
        try {
          postgresDialect({ connectionString })
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(ConfigError)
      expect(shown(error)).not.toContain(SECRET)
    }
    expect(() => postgresDialect({} as never)).toThrow(
      /needs \{ connectionString \}, \{ pool \} or \{ client \}/,
    )
    expect(() => postgresDialect({ pool: {} as never })).toThrow(/pool must be a pg Pool/)
    expect(() => postgresDialect({ client: {} as never })).toThrow(
      /client must be a connected pg Client/,
    )
    expect(() => postgresDialect({ connectionString: 'postgres://h/d', schema: '' })).toThrow(
      ConfigError,
    )
  })

  it('scrubPassword', () => {
    expect(scrubPassword(`x ${SECRET} y`, SECRET)).toBe('x *** y')
    expect(scrubPassword(`at postgres://u:${SECRET}@h/d`, '')).toBe('at postgres://u:***@h/d')
  })

  it("core's dialectForUrl picks this dialect for both schemes", async () => {
    const importer = async () => import('../src/index.js')
    for (const url of [`postgres://u:${SECRET}@h/d`, `postgresql://u:${SECRET}@h/d`]) {
      const dialect = await dialectForUrl(url, { importer })
      expect(dialect.name).toBe('postgresql')
      expect(dialect.description).toBe(`${url.split(':')[0]}://u:***@h/d`)
    }
  })
})

describePostgres('sessions on a real server', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
  })

  afterEach(async () => {
    await database.expectNoOtherSessions()
  })

  afterAll(async () => {
    await database?.drop()
  })

  it('a session from a connection string: application_name, rowCount, multi-statement texts; ended on close', async () => {
    const dialect = postgresDialect({ connectionString: database.url })
    const driver = dialect.createDriver()
    const connection = await driver.connect()
    const pid = (
      await connection.execute({ sql: 'SELECT pg_backend_pid() AS pid', parameters: [] })
    ).rows[0]?.['pid']
    expect(
      (
        await connection.execute({
          sql: "SELECT current_setting('application_name') AS name",
          parameters: [],
        })
      ).rows,
    ).toEqual([{ name: 'retort' }])
    await connection.execute({
      sql: 'CREATE TABLE t (id int, v int); INSERT INTO t VALUES (1, 1), (2, 2)',
      parameters: [],
    })
    expect(
      (await connection.execute({ sql: 'UPDATE t SET v = ? WHERE id = ?', parameters: [3, 2] }))
        .rowCount,
    ).toBe(1)
    expect(
      (await connection.execute({ sql: 'UPDATE t SET v = ? WHERE id = ?', parameters: [3, 99] }))
        .rowCount,
    ).toBe(0)
    expect(
      await connection
        .execute({ sql: 'SELECT ?::int + $1 AS x', parameters: [1] })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(Error)
    await connection.close()
    await driver.destroy()
    await expect(connection.execute({ sql: 'SELECT 1', parameters: [] })).rejects.toThrow(
      /was closed/,
    )
    expect(await database.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).toEqual([])
  })

  it("the application's pool is used (one client per run, given back) and never ended", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 })
    try {
      const dialect = postgresDialect({ pool })
      expect(dialect.description).toBe(`${describedUrl(database.url)} (application pool)`)
      const driver = dialect.createDriver()
      const connection = await driver.connect()
      expect(
        (await connection.execute({ sql: 'SELECT current_database() AS d', parameters: [] })).rows,
      ).toEqual([{ d: database.name }])
      await connection.close()
      await driver.destroy()
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
      expect(pool.totalCount).toBe(1)
      expect(pool.idleCount).toBe(1)
    } finally {
      await pool.end()
    }
  })

  it("the application's client is used as is and never ended, its search_path restored", async () => {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const migrator = new Migrator({
        migrations: [
          {
            revision: 'aaaa11112222',
            downRevision: null,
            upgrade(op: Operations) {
              op.createTable('thing', [op.column('id', 'integer')])
            },
          },
        ] as never,
        dialect: postgresDialect({ client, schema: 'tenant_x' }),
      })
      expect((await migrator.upgrade('head')).heads).toEqual(['aaaa11112222'])
      expect((await client.query('SHOW search_path')).rows).toEqual([
        { search_path: '"$user", public' },
      ])
      expect(
        (await client.query("SELECT to_regclass('tenant_x.thing') IS NOT NULL AS there")).rows,
      ).toEqual([{ there: true }])
      expect(client.listenerCount('error')).toBe(0)
    } finally {
      await client.end()
    }
  })

  it('an unreachable server or a failing revision: errors that never show the password', async () => {
    const unreachable = postgresDialect({
      connectionString: `postgresql://postgres:${SECRET}@127.0.0.1:1/${database.name}`,
    })
    expect(unreachable.description).not.toContain(SECRET)
    const driver = unreachable.createDriver()
    const error = await driver.connect().catch((e: unknown) => e)
    await driver.destroy()
    expect((error as Error).message).toMatch(
      /^cannot connect to 'postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//,
    )
    expect(shown(error)).not.toContain(SECRET)

    // The run connects with a password in its URL (the server's own when RETORT_POSTGRES_URL
    // has one; else SECRET, which a server that trusts its clients ignores), and its
    // revision fails.
    const withPassword = new URL(database.url)
    const password =
      withPassword.password === '' ? SECRET : decodeURIComponent(withPassword.password)
    withPassword.password = encodeURIComponent(password)
    const url = withPassword.toString()
    const broken = new Migrator({
      migrations: [
        {
          revision: 'bbbb11112222',
          downRevision: null,
          upgrade(op: Operations) {
            op.execute('SELECT * FROM missing_table')
          },
        },
      ] as never,
      config: { url },
    })
    const failed = await broken.upgrade('head').catch((e: unknown) => e)
    expect((failed as Error).message).toMatch(/relation "missing_table" does not exist/)
    // A server's own password may be a common word: then look for it as a URL would show it.
    expect(shown(failed)).not.toContain(password === SECRET ? SECRET : `:${password}@`)

    const badUrl = await new Migrator({
      migrations: [] as never,
      config: { url: `postgresql://postgres:${SECRET}@127.0.0.1:1/x` },
    })
      .upgrade('head')
      .catch((e: unknown) => e)
    expect((badUrl as Error).message).toMatch(
      /cannot connect to 'postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/x'/,
    )
    expect(shown(badUrl)).not.toContain(SECRET)
  })
})
