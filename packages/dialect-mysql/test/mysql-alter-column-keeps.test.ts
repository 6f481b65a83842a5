// alterColumn restates the whole column (MODIFY COLUMN); whatever it does not restate the
// server resets. Online the live column is read, so each attribute the user did not ask to
// change survives; offline the existing* hints are required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Migrator } from '../../core/src/migrator.js'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { MysqlCompileError, MysqlCompiler } from '../src/mysql-compiler.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import type { MysqlConnection, MysqlDriver } from '../src/mysql-driver.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const op = new Operations({ dialect: 'mysql', offline: false })
const widen = (column: string, length = 80) =>
  op.alterColumn('t', column, { type: 'string', length, existingNullable: false })

describeMysql('alterColumn keeps what it does not change (MariaDB/MySQL)', () => {
  let database: TestDatabase
  let driver: MysqlDriver
  let connection: MysqlConnection
  const compiler = new MysqlCompiler()

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = mysqlDialect({ uri: database.uri }).createDriver()
    connection = await driver.connect()
  })
  afterAll(async () => {
    await connection?.close()
    await driver?.destroy()
    await database?.drop()
  })

  async function sql(text: string): Promise<Record<string, unknown>[]> {
    return [...(await connection.execute({ sql: text, parameters: [] })).rows]
  }
  async function run(...operations: Operation[]): Promise<void> {
    for (const operation of operations) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
  }
  /** The table made fresh with one column (plus a key), then `operation` run on it. */
  async function after(column: string, operation: Operation): Promise<Record<string, unknown>> {
    await sql('DROP TABLE IF EXISTS t')
    await sql(`CREATE TABLE t (pk int NOT NULL PRIMARY KEY, ${column}) DEFAULT CHARSET=utf8mb4`)
    await run(operation)
    const rows = await sql(
      "SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, COLUMN_COMMENT AS comment, CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation, EXTRA AS extra, GENERATION_EXPRESSION AS generated FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME <> 'pk'",
    )
    expect(rows).toHaveLength(1)
    return rows[0]!
  }

  it('the issue: a wider varchar keeps NOT NULL, the default and the comment', async () => {
    const column = await after(
      "name varchar(40) NOT NULL DEFAULT 'anon' COMMENT 'the name'",
      widen('name'),
    )
    expect(column).toMatchObject({
      type: 'varchar(80)',
      nullable: 'NO',
      comment: 'the name',
    })
    expect(String(column['dflt']).replace(/^'|'$/g, '')).toBe('anon')
  })

  it('keeps the default (and DEFAULT NULL is dropped when the column becomes NOT NULL)', async () => {
    expect(
      (await after('n int DEFAULT 7', op.alterColumn('t', 'n', { type: 'bigint' })))['dflt'],
    ).toBe('7')
    const notNull = await after('n int NULL', op.alterColumn('t', 'n', { nullable: false }))
    expect(notNull).toMatchObject({ nullable: 'NO', type: 'int(11)' })
  })

  it('keeps the comment when only the nullability changes, and the type', async () => {
    expect(
      await after(
        "n varchar(12) NULL COMMENT 'it''s \"here\"'",
        op.alterColumn('t', 'n', { nullable: false }),
      ),
    ).toMatchObject({ type: 'varchar(12)', nullable: 'NO', comment: 'it\'s "here"' })
  })

  it('keeps the character set and collation', async () => {
    expect(
      await after('n varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL', widen('n', 30)),
    ).toMatchObject({ type: 'varchar(30)', charset: 'latin1', collation: 'latin1_bin' })
    // A type without a character set takes none.
    expect(
      await after(
        'n varchar(10) CHARACTER SET latin1 NULL',
        op.alterColumn('t', 'n', { type: 'integer' }),
      ),
    ).toMatchObject({ type: 'int(11)', charset: null })
  })

  it('keeps AUTO_INCREMENT', async () => {
    await sql('DROP TABLE IF EXISTS t')
    await sql('CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY)')
    await sql('INSERT INTO t () VALUES (), ()')
    await run(op.alterColumn('t', 'id', { type: 'bigint' }))
    await sql('INSERT INTO t () VALUES ()')
    expect(await sql('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])
    const [extra] = await sql(
      "SELECT COLUMN_TYPE AS type, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't'",
    )
    expect(extra).toMatchObject({ type: 'bigint(20)', extra: 'auto_increment' })
  })

  it('keeps a generated expression', async () => {
    const column = await after(
      "g varchar(20) GENERATED ALWAYS AS (concat('a', 'b')) VIRTUAL",
      op.alterColumn('t', 'g', { type: 'string', length: 40 }),
    )
    expect(column).toMatchObject({
      type: 'varchar(40)',
      extra: expect.stringMatching(/VIRTUAL GENERATED/i),
    })
    expect(String(column['generated'])).toMatch(/concat/)
  })

  it('keeps ON UPDATE, an invisible column, and a column-level CHECK', async () => {
    expect(
      await after(
        'at timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3)',
        op.alterColumn('t', 'at', { comment: 'changed' }),
      ),
    ).toMatchObject({
      comment: 'changed',
      nullable: 'NO',
      extra: expect.stringMatching(/on update current_timestamp\(3\)/i),
      dflt: expect.stringMatching(/current_timestamp\(3\)/i),
    })
    expect(
      await after('h int INVISIBLE NULL', op.alterColumn('t', 'h', { type: 'bigint' })),
    ).toMatchObject({ type: 'bigint(20)', extra: expect.stringMatching(/INVISIBLE/i) })
    await after('c int NULL CHECK (c > 0)', op.alterColumn('t', 'c', { type: 'bigint' }))
    await expect(sql('INSERT INTO t (pk, c) VALUES (1, -1)')).rejects.toThrow(/CONSTRAINT/i)
  })

  it('a change replaces only its own attribute: new default, new comment, removed comment', async () => {
    const changed = await after(
      "n varchar(10) NOT NULL DEFAULT 'a' COMMENT 'old'",
      op.alterColumn('t', 'n', { type: 'string', length: 20, default: 'b', comment: null }),
    )
    expect(changed).toMatchObject({ type: 'varchar(20)', nullable: 'NO', comment: '' })
    expect(String(changed['dflt']).replace(/^'|'$/g, '')).toBe('b')
  })

  it('a rename with a change (CHANGE COLUMN) keeps the rest too', async () => {
    expect(
      await after(
        "n varchar(10) NOT NULL DEFAULT 'a' COMMENT 'kept'",
        op.alterColumn('t', 'n', { type: 'string', length: 20, newName: 'renamed' }),
      ),
    ).toMatchObject({ name: 'renamed', type: 'varchar(20)', nullable: 'NO', comment: 'kept' })
  })

  it('a missing column is an error naming it', async () => {
    await sql('DROP TABLE IF EXISTS t')
    await sql('CREATE TABLE t (pk int NOT NULL PRIMARY KEY)')
    await expect(run(widen('nope'))).rejects.toThrow(
      "alterColumn('t', 'nope'): table `t` has no column 'nope'; check the column name",
    )
  })

  it('through a Migrator: the revision of the issue keeps default and comment', async () => {
    await sql('DROP TABLE IF EXISTS t')
    await sql(
      "CREATE TABLE t (pk int NOT NULL PRIMARY KEY, name varchar(40) NOT NULL DEFAULT 'anon' COMMENT 'the name')",
    )
    const migrator = new Migrator({
      dialect: mysqlDialect({ uri: database.uri }),
      migrations: [
        {
          revision: 'aaaa00000001',
          downRevision: null,
          upgrade: (o: Operations) => {
            o.alterColumn('t', 'name', { type: 'string', length: 80, existingNullable: false })
          },
          downgrade: () => {},
        },
      ] as never,
    })
    await migrator.upgrade('head')
    const [shown] = await sql('SHOW CREATE TABLE t')
    expect(String(shown?.['Create Table'])).toContain(
      "`name` varchar(80) NOT NULL DEFAULT 'anon' COMMENT 'the name'",
    )
  })
})

describe('alterColumn in an offline script', () => {
  const offline = new Operations({ dialect: 'mysql', offline: true })
  const compiler = new MysqlCompiler()
  const inline = (operation: Operation) =>
    compiler.compile(operation).map((s) => compiler.inline(s))

  it('needs every existing* hint of what it restates, naming the missing ones', () => {
    const error = (() => {
      try {
        inline(
          offline.alterColumn('t', 'name', { type: 'string', length: 80, existingNullable: false }),
        )
      } catch (caught) {
        return caught
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(MysqlCompileError)
    expect((error as Error).message).toBe(
      "MySQL restates the whole column to change it, and an offline script cannot read the live column: alterColumn('t', 'name') needs existingDefault (null when it has none) or existingDefaultSql, existingComment (null when it has none); pass them (or tableDefinition), or run the migration online, where the live column is read",
    )
    expect(() => inline(offline.alterColumn('t', 'c', { nullable: false }))).toThrow(
      /needs existingType \(or type\), existingDefault/,
    )
  })

  it('retort upgrade --sql: the error names the revision and the missing hint', async () => {
    const migrator = new Migrator({
      dialect: mysqlDialect({ uri: 'mysql://app@localhost/app' }),
      migrations: [
        {
          revision: 'aaaa00000001',
          downRevision: null,
          upgrade: (o: Operations) => {
            o.alterColumn('t', 'name', { type: 'string', length: 80, existingNullable: false })
          },
          downgrade: () => {},
        },
      ] as never,
    })
    await expect(migrator.upgradeSql('base:head')).rejects.toThrow(
      /revision 'aaaa00000001'.*alterColumn\('t', 'name'\) needs existingDefault/,
    )
  })

  it('with the hints it restates them', () => {
    expect(
      inline(
        offline.alterColumn('t', 'name', {
          type: 'string',
          length: 80,
          existingNullable: false,
          existingDefault: 'anon',
          existingComment: 'the name',
        }),
      ),
    ).toEqual([
      "ALTER TABLE `t` MODIFY COLUMN `name` VARCHAR(80) NOT NULL DEFAULT 'anon' COMMENT 'the name'",
    ])
    expect(
      inline(
        offline.alterColumn('t', 'name', {
          nullable: true,
          existingType: 'text',
          existingDefault: null,
          existingComment: null,
        }),
      ),
    ).toEqual(['ALTER TABLE `t` MODIFY COLUMN `name` TEXT NULL'])
  })

  it('online the statement is a marker no server runs by accident', () => {
    const [statement] = compiler.compile(widen('name'))
    expect(statement?.sql).toBe(
      '/* ALTER TABLE `t` MODIFY COLUMN `name`: restated from the live column when it runs */',
    )
    const [odd] = compiler.compile(op.alterColumn('t', 'a*/b', { nullable: false }))
    expect(odd?.sql).toBe(
      '/* ALTER TABLE `t` MODIFY COLUMN `a* /b`: restated from the live column when it runs */',
    )
  })
})
