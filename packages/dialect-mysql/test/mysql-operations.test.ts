import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import type { MysqlConnection, MysqlDriver } from '../src/mysql-driver.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const op = new Operations({ dialect: 'mysql', offline: false })

// What only MySQL/MariaDB does. Every operation applied and reversed on a live database,
// what it must keep and what the database then enforces, is in the dialect conformance
// suite of @retort/core (mysql-conformance.test.ts).
describeMysql('operations on a real MySQL/MariaDB database: what is MySQL-specific', () => {
  let database: TestDatabase
  let driver: MysqlDriver
  let connection: MysqlConnection
  const dialect = () => mysqlDialect({ uri: database.uri })
  const compiler = mysqlDialect({ uri: 'mysql://localhost/x' }).createCompiler()
  const introspector = mysqlDialect({ uri: 'mysql://localhost/x' }).createIntrospector()

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = dialect().createDriver()
    connection = await driver.connect()
  })

  afterEach(async () => {
    // Each test starts from an empty database.
    await connection.execute({ sql: 'SET FOREIGN_KEY_CHECKS = 0', parameters: [] })
    for (const table of await introspector.listTables(connection)) {
      await connection.execute({
        sql: `DROP TABLE ${compiler.quoteIdentifier(table)}`,
        parameters: [],
      })
    }
    await connection.execute({ sql: 'SET FOREIGN_KEY_CHECKS = 1', parameters: [] })
  })

  afterAll(async () => {
    await connection?.close()
    await driver?.destroy()
    await database?.drop()
  })

  async function run(...operations: Operation[]): Promise<void> {
    for (const operation of operations) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
  }

  async function rows(sql: string, ...parameters: unknown[]) {
    return (await connection.execute({ sql, parameters })).rows
  }

  const account = () =>
    op.createTable('account', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('email', 'string', { length: 255, nullable: false, unique: true }),
      op.column('score', 'double', { default: 0 }),
    ])

  it('createTable makes an InnoDB table in utf8mb4', async () => {
    await run(account())
    const [engine] = await rows(
      'SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      'account',
    )
    expect(engine?.['engine']).toBe('InnoDB')
    expect(String(engine?.['collation'])).toMatch(/^utf8mb4_/)
  })

  it('alterColumn keeps AUTO_INCREMENT when the table definition says so', async () => {
    await run(
      op.createTable('counter', [
        op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      ]),
      op.bulkInsert('counter', [{ id: 5 }]),
    )
    await run(
      op.alterColumn('counter', 'id', {
        type: 'bigint',
        tableDefinition: {
          columns: [{ name: 'id', type: 'integer', primaryKey: true, autoincrement: true }],
        },
      }),
    )
    await rows('INSERT INTO counter () VALUES ()')
    expect(await rows('SELECT id FROM counter ORDER BY id')).toEqual([{ id: 5 }, { id: 6 }])
  })

  it('createIndex on a TEXT column: MariaDB prefixes it itself, MySQL refuses with advice', async () => {
    await run(op.createTable('note', [op.column('body', 'text')]))
    const [server] = await rows('SELECT VERSION() AS v')
    const index = op.createIndex('ix_body', 'note', ['body'])
    if (/mariadb/i.test(String(server?.['v']))) {
      await run(index)
      const [part] = await rows(
        "SELECT SUB_PART AS p FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'note' AND INDEX_NAME = 'ix_body'",
      )
      expect(Number(part?.['p'])).toBeGreaterThan(0)
    } else {
      await expect(run(index)).rejects.toThrow(
        /BLOB\/TEXT column 'body' used in key specification without a key length; MySQL indexes TEXT\/BLOB columns .* prefix length/,
      )
    }
  })

  it('keys over TEXT and long strings are created with a prefix', async () => {
    await run(
      op.createTable(
        'doc',
        [
          op.column('url', 'text', { nullable: false }),
          op.column('title', 'string', { length: 1000, unique: true }),
        ],
        { primaryKey: ['url'] },
      ),
      op.bulkInsert('doc', [{ url: 'https://x', title: 't' }]),
    )
    await expect(rows("INSERT INTO doc (url, title) VALUES ('https://y', 't')")).rejects.toThrow(
      /Duplicate entry/,
    )
  })
})
