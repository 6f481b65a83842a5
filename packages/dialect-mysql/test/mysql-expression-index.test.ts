// An index over an expression (a functional key part) exists only in MySQL 8.0.13+;
// MariaDB answers it with a bare syntax error. Retort refuses it at compile time unless the
// server is known to be such a MySQL, saying what to write instead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MigrationError } from '../../core/src/errors.js'
import { Migrator } from '../../core/src/migrator.js'
import { Operations } from '../../core/src/operations/operations.js'
import { MysqlCompileError, MysqlCompiler } from '../src/mysql-compiler.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import { parseMysqlServerVersion } from '../src/mysql-compiler.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const op = new Operations({ dialect: 'mysql', offline: true })
const lower = op.createIndex('ix_lower', 'account', [{ expression: 'lower(`email`)' }])
const compileError = (compiler: MysqlCompiler) => {
  try {
    compiler.compile(lower)
  } catch (error) {
    expect(error).toBeInstanceOf(MysqlCompileError)
    return (error as Error).message
  }
  throw new Error('expected a compile error')
}

describe('expression index parts', () => {
  it('MySQL 8.0.13+ writes them', () => {
    for (const compiler of [
      new MysqlCompiler({ flavor: 'mysql' }),
      new MysqlCompiler({ serverVersion: '8.0.13' }),
      new MysqlCompiler({ serverVersion: '8.4.2-log' }),
    ]) {
      expect(compiler.compile(lower).map((s) => s.sql)).toEqual([
        'CREATE INDEX `ix_lower` ON `account` ((lower(`email`)))',
      ])
    }
  })

  it('MariaDB, an older MySQL, or a server not known: a compile error naming the index and what to do', () => {
    expect(compileError(new MysqlCompiler({ flavor: 'mariadb' }))).toBe(
      "MariaDB has no functional index parts: index 'ix_lower' on 'account' cannot index the expression (lower(`email`)); index a generated column instead: op.execute('ALTER TABLE `account` ADD COLUMN `...` <type> AS (lower(`email`)) STORED') then op.createIndex('ix_lower', 'account', ['...'])",
    )
    expect(
      compileError(new MysqlCompiler({ serverVersion: '10.11.19-MariaDB-0+deb12u1' })),
    ).toMatch(/^MariaDB has no functional index parts: index 'ix_lower'/)
    expect(compileError(new MysqlCompiler({ serverVersion: '8.0.12' }))).toMatch(
      /^MySQL 8\.0\.12 has no functional index parts \(they came in 8\.0\.13\): index 'ix_lower' on 'account'/,
    )
    expect(compileError(new MysqlCompiler())).toMatch(
      /^index 'ix_lower' on 'account' indexes the expression \(lower\(`email`\)\), which only MySQL 8\.0\.13\+ can do \(MariaDB cannot\), and the server is not known here: if it is MySQL 8\.0\.13\+, pass \{ flavor: 'mysql' \} to mysqlDialect; otherwise index a generated column instead/,
    )
  })

  it('reads VERSION() of both servers', () => {
    expect(parseMysqlServerVersion('10.11.19-MariaDB-0+deb12u1')).toMatchObject({
      flavor: 'mariadb',
      version: [10, 11, 19],
    })
    expect(parseMysqlServerVersion('5.5.5-10.6.3-MariaDB')).toMatchObject({
      flavor: 'mariadb',
      version: [10, 6, 3],
    })
    expect(parseMysqlServerVersion('8.0.36')).toMatchObject({
      flavor: 'mysql',
      version: [8, 0, 36],
    })
    expect(parseMysqlServerVersion('unknown')).toBeUndefined()
  })
})

describeMysql('expression index on the real server', () => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await createTestDatabase()
  })
  afterEach(async () => {
    await database?.drop()
  })

  it('a mysql:// URL: the dialect learns the server when it connects, and decides before anything runs', async () => {
    const [[version]] = (await database.admin.query('SELECT VERSION() AS v')) as unknown as [
      [{ v: string }],
    ]
    const server = parseMysqlServerVersion(version.v)!
    const migrator = new Migrator({
      dialect: mysqlDialect({ uri: database.uri }),
      migrations: [
        {
          revision: 'aaaa00000001',
          downRevision: null,
          upgrade: (o: Operations) => {
            o.createTable('account', [
              o.column('id', 'integer', { primaryKey: true }),
              o.column('email', 'string', { length: 100 }),
            ])
            o.createIndex('ix_lower', 'account', [{ expression: 'lower(`email`)' }])
          },
          downgrade: () => {},
        },
      ] as never,
    })
    const outcome = await migrator.upgrade('head').then(
      () => undefined,
      (error: unknown) => error,
    )
    const [rows] = (await database.admin.query('SHOW TABLES')) as unknown as [
      Record<string, string>[],
    ]
    const tables = rows.flatMap((row) => Object.values(row)).filter((t) => t !== 'retort_version')
    if (server.flavor === 'mariadb') {
      expect(outcome).toBeInstanceOf(MigrationError)
      expect((outcome as MigrationError).cause).toBeInstanceOf(MysqlCompileError)
      expect((outcome as Error).message).toMatch(
        /revision 'aaaa00000001'.*MariaDB has no functional index parts: index 'ix_lower' on 'account'.*generated column/,
      )
      // Compiled before anything ran: not even the table of the same revision was created.
      expect(tables).toEqual([])
    } else {
      expect(outcome).toBeUndefined()
    }
  })
})
