import mysqlCallback from 'mysql2'
import mysql from 'mysql2/promise'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, maskUrl } from '@retort/core'
import { mysqlDialect, parseMysqlUri } from '../src/mysql-dialect.js'
import { MysqlConnection } from '../src/mysql-driver.js'
import {
  createTestDatabase,
  describedServer,
  describeMysql,
  SERVER_USER,
  type TestDatabase,
  uriFor,
} from './helpers/mysql-server.js'

const SECRET = 'S3cr3t-hunter2'

describe('URIs and descriptions', () => {
  it('accepts mysql:// and mariadb://; the description never shows the password', () => {
    const dialect = mysqlDialect({ uri: `mysql://app:${SECRET}@db.internal:3307/app?ssl=true` })
    expect(dialect.name).toBe('mysql')
    expect(dialect.description).toBe('mysql://app:***@db.internal:3307/app')
    const maria = mysqlDialect({ uri: `MariaDB://app:${encodeURIComponent('p@ss/w#rd')}@db/app` })
    expect(maria.description).toBe('mariadb://app:***@db/app')
    expect(parseMysqlUri('mariadb://root@127.0.0.1/test').uri).toBe('mysql://root@127.0.0.1/test')
    expect(parseMysqlUri(`mysql://u:${encodeURIComponent('p@ss')}@h/d`).password).toBe('p@ss')
    expect(mysqlDialect({ uri: 'mysql://root@127.0.0.1:3306' }).description).toBe(
      'mysql://root@127.0.0.1:3306',
    )
  })

  it('a mariadb:// URI sets the mariadb flavor', () => {
    const compile = (uri: string) =>
      mysqlDialect({ uri })
        .createCompiler()
        .compile({
          kind: 'dropIndex',
          name: 'ix',
          table: 't',
          ifExists: true,
          reverse: () => {
            throw new Error('unused')
          },
        })
    expect(compile('mariadb://h/d')[0]?.sql).toBe('DROP INDEX IF EXISTS `ix` ON `t`')
    expect(() =>
      mysqlDialect({ uri: 'mysql://h/d' }, { flavor: 'mysql' })
        .createCompiler()
        .compile({
          kind: 'dropIndex',
          name: 'ix',
          table: 't',
          ifExists: true,
          reverse: () => {
            throw new Error('unused')
          },
        }),
    ).toThrow(/MySQL has no DROP INDEX IF EXISTS/)
  })

  it('bad URIs and options are ConfigErrors that never show the password', () => {
    for (const uri of [
      `postgres://u:${SECRET}@h/d`,
      `mysql://u:${SECRET}@h:99999/d`,
      `u:${SECRET}@h/d`,
    ]) {
      const error = (() => {
        try {
          mysqlDialect({ uri })
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as Error).message).not.toContain(SECRET)
    }
    expect(() => mysqlDialect({ uri: 'mysql://h/d' }, { engine: 'InnoDB ROW_FORMAT=x' })).toThrow(
      ConfigError,
    )
    expect(() => mysqlDialect({ uri: 'mysql://h/d' }, { engine: 'InnoDB ROW_FORMAT=x' })).toThrow(
      /engine must be a plain name/,
    )
    expect(() => mysqlDialect({} as never)).toThrow(
      /needs \{ uri \}, \{ pool \} or \{ connection \}/,
    )
    expect(() => mysqlDialect({ pool: {} as never })).toThrow(/must be a mysql2 pool/)
    expect(() => mysqlDialect({ connection: {} as never })).toThrow(/must be a mysql2 connection/)
  })

  it("core's maskUrl hides userinfo passwords and password options of MySQL URIs", () => {
    expect(maskUrl(`mysql://app:${SECRET}@db/app`)).toBe('mysql://app:***@db/app')
    expect(maskUrl(`mysql://app:pa/ss@db/app`)).toBe('mysql://app:***@db/app')
    expect(maskUrl(`mysql://app@db/app?password=${SECRET}&x=1`)).toBe(
      'mysql://app@db/app?password=***&x=1',
    )
    expect(maskUrl(`app:${SECRET}@db/app`)).toBe('app:***@db/app')
    expect(maskUrl('mysql://db/app')).toBe('mysql://db/app')
  })
})

describe('MysqlConnection without a server', () => {
  const failing = (error: Record<string, unknown>, then?: unknown) => {
    const calls: string[] = []
    const session = {
      query: async (sql: string) => {
        calls.push(`query ${sql}`)
        if (then !== undefined) return [then, undefined]
        throw Object.assign(new Error(String(error['message'])), error)
      },
      execute: async (sql: string) => {
        calls.push(`execute ${sql}`)
        throw Object.assign(new Error(String(error['message'])), error)
      },
    }
    return { connection: new MysqlConnection(session as never, () => {}), calls }
  }

  it("adds advice to MySQL's key-length errors", async () => {
    const { connection } = failing({
      message: "BLOB/TEXT column 'body' used in key specification without a key length",
      errno: 1170,
      code: 'ER_BLOB_KEY_WITHOUT_LENGTH',
    })
    const error = await connection
      .execute({ sql: 'CREATE INDEX ix ON t (body)', parameters: [] })
      .catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /without a key length; MySQL indexes TEXT\/BLOB columns and long strings only with a prefix length/,
    )
    expect((error as { code?: string }).code).toBe('ER_BLOB_KEY_WITHOUT_LENGTH')
  })

  it('a statement the prepared-statement protocol refuses runs with literals that read the same in every sql_mode', async () => {
    const { connection, calls } = failing(
      {
        message: 'This command is not supported in the prepared statement protocol yet',
        errno: 1295,
      },
      { affectedRows: 1 },
    )
    const result = await connection.execute({ sql: 'DO ?', parameters: ["a\\'"] })
    expect(result.rowCount).toBe(1)
    expect(calls).toEqual(['execute DO ?', "query DO CONVERT(X'615C27' USING utf8mb4)"])
  })

  it('a closed connection says so', async () => {
    const { connection } = failing({ message: 'x' })
    await connection.close()
    await connection.close()
    await expect(connection.execute({ sql: 'SELECT 1', parameters: [] })).rejects.toThrow(
      /was closed; connect again/,
    )
  })
})

describeMysql('connecting: a URI, the application pool or connection', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
    await database.admin.query('CREATE TABLE t (id INT PRIMARY KEY, v INT)')
  })

  afterEach(async () => {
    await database.expectNoOtherSessions()
  })

  afterAll(async () => {
    await database?.drop()
  })

  it('a URI: Retort owns the pool and ends it; transactions commit and roll back', async () => {
    const dialect = mysqlDialect({ uri: database.uri })
    const driver = dialect.createDriver()
    const connection = await driver.connect()
    await connection.begin()
    await connection.execute({ sql: 'INSERT INTO t VALUES (?, ?)', parameters: [1, 1] })
    await connection.rollback()
    await connection.begin()
    await connection.execute({ sql: 'INSERT INTO t VALUES (?, ?)', parameters: [2, 2] })
    await connection.commit()
    expect((await connection.execute({ sql: 'SELECT id FROM t', parameters: [] })).rows).toEqual([
      { id: 2 },
    ])
    // UPDATE counts matched rows (mysql2 connects with FOUND_ROWS), even when nothing changes.
    expect(
      (await connection.execute({ sql: 'UPDATE t SET v = ? WHERE id = ?', parameters: [2, 2] }))
        .rowCount,
    ).toBe(1)
    expect(
      (await connection.execute({ sql: 'UPDATE t SET v = ? WHERE id = ?', parameters: [3, 99] }))
        .rowCount,
    ).toBe(0)
    expect((await connection.execute({ sql: 'DELETE FROM t', parameters: [] })).rowCount).toBe(1)
    await connection.close()
    await driver.destroy()
    // Another driver of the same dialect opens a new pool.
    const another = dialect.createDriver()
    const again = await another.connect()
    await again.close()
    await another.destroy()
  })

  it("the application's promise pool is used and never ended", async () => {
    const pool = mysql.createPool({ uri: database.uri, connectionLimit: 2 })
    try {
      const dialect = mysqlDialect({ pool })
      expect(dialect.description).toBe(`${describedServer(database.name)} (application pool)`)
      const driver = dialect.createDriver()
      const connection = await driver.connect()
      expect(
        (await connection.execute({ sql: 'SELECT DATABASE() AS d', parameters: [] })).rows,
      ).toEqual([{ d: database.name }])
      await connection.close()
      await driver.destroy()
      const [rows] = await pool.query('SELECT 1 AS one')
      expect(rows).toEqual([{ one: 1 }])
    } finally {
      await pool.end()
    }
  })

  it("the application's callback pool and connection work too, and stay open", async () => {
    const pool = mysqlCallback.createPool({ uri: database.uri, connectionLimit: 1 })
    const connection = mysqlCallback.createConnection({ uri: database.uri })
    try {
      for (const dialect of [mysqlDialect({ pool }), mysqlDialect({ connection })]) {
        const driver = dialect.createDriver()
        const c = await driver.connect()
        expect((await c.execute({ sql: 'SELECT ? AS x', parameters: ['y'] })).rows).toEqual([
          { x: 'y' },
        ])
        await c.close()
        await driver.destroy()
      }
      const one = await new Promise((resolve, reject) =>
        connection.query('SELECT 1 AS one', (error, rows) =>
          error ? reject(error) : resolve(rows),
        ),
      )
      expect(one).toEqual([{ one: 1 }])
    } finally {
      await pool.promise().end()
      await connection.promise().end()
    }
  })

  it("the application's promise connection is used and never ended", async () => {
    const connection = await mysql.createConnection({ uri: database.uri })
    try {
      const dialect = mysqlDialect({ connection })
      expect(dialect.description).toBe(`${describedServer(database.name)} (application connection)`)
      const driver = dialect.createDriver()
      const c = await driver.connect()
      await c.execute({ sql: 'SELECT 1', parameters: [] })
      await c.close()
      await driver.destroy()
      const [rows] = await connection.query('SELECT 2 AS two')
      expect(rows).toEqual([{ two: 2 }])
    } finally {
      await connection.end()
    }
  })

  it('a wrong password or an unreachable server: an error that never shows the password', async () => {
    const withWrongPassword = new URL(uriFor(database.name))
    withWrongPassword.password = SECRET
    const wrong = withWrongPassword.toString()
    const unreachable = `mysql://${SERVER_USER}:${SECRET}@127.0.0.1:1/${database.name}`
    for (const uri of [wrong, unreachable]) {
      const dialect = mysqlDialect({ uri })
      expect(dialect.description).not.toContain(SECRET)
      const driver = dialect.createDriver()
      const error = await driver.connect().catch((e: unknown) => e)
      await driver.destroy()
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toMatch(
        new RegExp(`^cannot connect to 'mysql://${SERVER_USER}:\\*\\*\\*@`),
      )
      expect((error as Error).message).not.toContain(SECRET)
      expect(String((error as Error).stack)).not.toContain(SECRET)
    }
  })
})
