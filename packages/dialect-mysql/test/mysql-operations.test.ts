import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import type { MysqlConnection, MysqlDriver } from '../src/mysql-driver.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const op = new Operations({ dialect: 'mysql', offline: false })

describeMysql('operations on a real MySQL/MariaDB database', () => {
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

  const columnsOf = async (table: string) =>
    (await introspector.getTable(connection, { name: table }))?.columns

  const account = () =>
    op.createTable('account', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('email', 'string', { length: 255, nullable: false, unique: true }),
      op.column('score', 'double', { default: 0 }),
    ])

  it('createTable and its reverse', async () => {
    const create = account()
    await run(create)
    await rows('INSERT INTO account (email) VALUES (?), (?)', 'a@x', 'b@x')
    expect(await rows('SELECT id, email, score FROM account ORDER BY id')).toEqual([
      { id: 1, email: 'a@x', score: 0 },
      { id: 2, email: 'b@x', score: 0 },
    ])
    await expect(rows('INSERT INTO account (email) VALUES (?)', 'a@x')).rejects.toThrow(
      /Duplicate entry/,
    )
    await expect(rows('INSERT INTO account (email) VALUES (NULL)')).rejects.toThrow(
      /cannot be null/,
    )
    const drop = create.reverse()
    await run(drop)
    expect(await introspector.listTables(connection)).toEqual([])
    await run(drop.reverse())
    expect((await columnsOf('account'))?.map((c) => c.name)).toEqual(['id', 'email', 'score'])
    const [engine] = await rows(
      'SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      'account',
    )
    expect(engine?.['engine']).toBe('InnoDB')
    expect(String(engine?.['collation'])).toMatch(/^utf8mb4_/)
  })

  it('renameTable keeps the rows, both ways, also qualified by database', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x' }]))
    const rename = op.renameTable('account', 'user_account', { schema: database.name })
    await run(rename)
    expect(await introspector.listTables(connection)).toEqual(['user_account'])
    expect(await rows('SELECT email FROM user_account')).toEqual([{ email: 'a@x' }])
    await run(rename.reverse())
    expect(await rows('SELECT email FROM account')).toEqual([{ email: 'a@x' }])
  })

  it('addColumn and dropColumn (reverse), keeping the other data', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x', score: 2.5 }]))
    const add = op.addColumn(
      'account',
      op.column('nick', 'string', { length: 20, nullable: false, default: 'anon' }),
    )
    await run(add)
    expect(await rows('SELECT email, score, nick FROM account')).toEqual([
      { email: 'a@x', score: 2.5, nick: 'anon' },
    ])
    await run(add.reverse())
    expect(await rows('SELECT * FROM account')).toEqual([{ id: 1, email: 'a@x', score: 2.5 }])
    await run(add.reverse().reverse())
    expect(await rows('SELECT nick FROM account')).toEqual([{ nick: 'anon' }])
  })

  it('a column with a foreign key is added and dropped again', async () => {
    await run(
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable('child', [op.column('id', 'integer', { primaryKey: true })]),
      op.bulkInsert('parent', [{ id: 1 }]),
      op.bulkInsert('child', [{ id: 10 }]),
    )
    const add = op.addColumn(
      'child',
      op.column('parent_id', 'integer', {
        references: { table: 'parent', column: 'id', onDelete: 'CASCADE' },
      }),
    )
    await run(add)
    await rows('UPDATE child SET parent_id = 1')
    await expect(rows('INSERT INTO child (id, parent_id) VALUES (11, 99)')).rejects.toThrow(
      /foreign key constraint fails/,
    )
    await run(add.reverse())
    expect(await rows('SELECT * FROM child')).toEqual([{ id: 10 }])
    // The key went with the column: parent rows can go.
    await rows('DELETE FROM parent')
  })

  it('alterColumn: type, nullability, default, rename and comment, each reversed', async () => {
    await run(
      op.createTable('person', [
        op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
        op.column('name', 'string', { length: 40, default: 'x', comment: 'the name' }),
      ]),
      op.bulkInsert('person', [{ name: 'Ada' }, { name: 'Grace' }]),
    )
    const widen = op.alterColumn('person', 'name', {
      type: 'string',
      length: 80,
      nullable: false,
      existingType: { type: 'string', length: 40 },
      existingNullable: true,
      existingDefault: 'x',
      existingComment: 'the name',
    })
    await run(widen)
    let name = (await columnsOf('person'))?.find((c) => c.name === 'name')
    expect(name).toMatchObject({ type: 'varchar(80)', nullable: false, defaultSql: "'x'" })
    await run(widen.reverse())
    name = (await columnsOf('person'))?.find((c) => c.name === 'name')
    expect(name).toMatchObject({ type: 'varchar(40)', nullable: true, defaultSql: "'x'" })
    const [comment] = await rows(
      "SELECT COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'person' AND COLUMN_NAME = 'name'",
    )
    expect(comment?.['c']).toBe('the name')

    const rename = op.alterColumn('person', 'name', { newName: 'full name' })
    await run(rename)
    expect(await rows('SELECT `full name` AS n FROM person ORDER BY id')).toEqual([
      { n: 'Ada' },
      { n: 'Grace' },
    ])
    await run(rename.reverse())

    const setDefault = op.alterColumn('person', 'name', {
      default: "it's \\ new",
      existingDefault: 'x',
    })
    await run(setDefault)
    await rows('INSERT INTO person () VALUES ()')
    expect(await rows('SELECT name FROM person WHERE id = 3')).toEqual([{ name: "it's \\ new" }])
    await run(setDefault.reverse())
    await rows('INSERT INTO person () VALUES ()')
    expect(await rows('SELECT name FROM person WHERE id = 4')).toEqual([{ name: 'x' }])

    const recomment = op.alterColumn('person', 'name', {
      comment: 'full name',
      existingComment: 'the name',
      existingType: { type: 'string', length: 40 },
      existingNullable: true,
      existingDefault: 'x',
    })
    await run(recomment)
    const [after] = await rows(
      "SELECT COLUMN_COMMENT AS c, COLUMN_DEFAULT AS d FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'person' AND COLUMN_NAME = 'name'",
    )
    expect(after?.['c']).toBe('full name')
    expect(await rows('SELECT name FROM person ORDER BY id LIMIT 2')).toEqual([
      { name: 'Ada' },
      { name: 'Grace' },
    ])
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

  it('createIndex and dropIndex (reverse); unique indexes enforce', async () => {
    await run(account())
    const index = op.createIndex('ix_score', 'account', ['score', 'email'])
    await run(index)
    let info = await introspector.getTable(connection, { name: 'account' })
    expect(info?.indexes).toContainEqual({
      name: 'ix_score',
      columns: ['score', 'email'],
      unique: false,
    })
    await run(index.reverse())
    info = await introspector.getTable(connection, { name: 'account' })
    expect(info?.indexes.map((i) => i.name)).toEqual(['email'])
    await run(
      op.createIndex('ux_score', 'account', ['score'], { unique: true }),
      op.bulkInsert('account', [{ email: 'a', score: 1 }]),
    )
    await expect(rows("INSERT INTO account (email, score) VALUES ('b', 1)")).rejects.toThrow(
      /Duplicate entry/,
    )
    await run(op.dropIndex('ux_score', { table: 'account', ifExists: true }))
    await run(op.dropIndex('ux_score', { table: 'account', ifExists: true }))
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

  it('constraints: unique, foreign key, check, primary key; each dropped by type and re-created', async () => {
    await run(
      op.createTable('parent', [op.column('id', 'integer', { nullable: false })]),
      op.createTable('child', [
        op.column('id', 'integer'),
        op.column('parent_id', 'integer'),
        op.column('price', 'integer'),
      ]),
    )
    const pk = op.createPrimaryKey('pk_parent', 'parent', ['id'])
    const unique = op.createUniqueConstraint('uq_child', 'child', ['id'])
    const fk = op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
      onDelete: 'CASCADE',
    })
    const check = op.createCheckConstraint('ck_price', 'child', 'price >= 0')
    await run(
      pk,
      unique,
      fk,
      check,
      op.bulkInsert('parent', [{ id: 1 }]),
      op.bulkInsert('child', [{ id: 1, parent_id: 1, price: 3 }]),
    )
    await expect(rows('INSERT INTO child VALUES (1, 1, 1)')).rejects.toThrow(/Duplicate entry/)
    await expect(rows('INSERT INTO child VALUES (2, 9, 1)')).rejects.toThrow(
      /foreign key constraint fails/,
    )
    await expect(rows('INSERT INTO child VALUES (3, 1, -1)')).rejects.toThrow(/ck_price/)

    await run(check.reverse(), fk.reverse(), unique.reverse())
    await rows('INSERT INTO child VALUES (1, 9, -1)')
    await rows('DELETE FROM child WHERE parent_id = 9')
    await run(unique.reverse().reverse(), fk.reverse().reverse(), check.reverse().reverse())
    await expect(rows('INSERT INTO child VALUES (3, 1, -1)')).rejects.toThrow(/ck_price/)
    await run(fk.reverse(), pk.reverse())
    await rows('INSERT INTO parent VALUES (1)')
    expect(await rows('SELECT id FROM parent')).toEqual([{ id: 1 }, { id: 1 }])
  })

  it('table comments', async () => {
    await run(account())
    const comment = op.createTableComment('account', "people's \\ accounts", {
      existingComment: null,
    })
    await run(comment)
    const read = async () =>
      (
        await rows(
          'SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
          'account',
        )
      )[0]?.['c']
    expect(await read()).toBe("people's \\ accounts")
    await run(comment.reverse())
    expect(await read()).toBe('')
  })

  it('execute with a reverse, and bulkInsert of many rows', async () => {
    await run(account())
    const many = Array.from({ length: 1234 }, (_, i) => ({ email: `u${i}@x`, score: i / 2 }))
    await run(op.bulkInsert('account', many))
    expect(await rows('SELECT COUNT(*) AS n, SUM(score) AS s FROM account')).toEqual([
      { n: 1234, s: many.reduce((sum, row) => sum + row.score, 0) },
    ])
    const update = op.execute('UPDATE account SET score = ? WHERE email = ?', [99, 'u0@x'], {
      reverse: { sql: 'UPDATE account SET score = ? WHERE email = ?', parameters: [0, 'u0@x'] },
    })
    await run(update)
    expect(await rows('SELECT score FROM account WHERE email = ?', 'u0@x')).toEqual([{ score: 99 }])
    await run(update.reverse())
    expect(await rows('SELECT score FROM account WHERE email = ?', 'u0@x')).toEqual([{ score: 0 }])
    const result = await connection.execute({
      sql: 'UPDATE account SET score = score + 1 WHERE id <= ?',
      parameters: [10],
    })
    expect(result.rowCount).toBe(10)
  })

  it('identifiers that are keywords or contain backticks, for real', async () => {
    const table = 'select `from` where'
    const create = op.createTable(
      table,
      [
        op.column('order', 'integer', { primaryKey: true }),
        op.column('a`b', 'string', { length: 10, unique: true }),
        op.column('group', 'text', { default: 'g' }),
      ],
      { checks: [{ name: 'check`1', expression: '`order` > 0' }] },
    )
    await run(create, op.bulkInsert(table, [{ order: 1, 'a`b': 'x' }]))
    const add = op.addColumn(table, op.column('key', 'integer', { default: 7 }))
    const index = op.createIndex('index`1', table, ['key', 'order'], { unique: true })
    const rename = op.renameTable(table, 'table')
    await run(add, index, rename)
    expect(await rows('SELECT `order`, `a``b`, `group`, `key` FROM `table`')).toEqual([
      { order: 1, 'a`b': 'x', group: 'g', key: 7 },
    ])
    const info = await introspector.getTable(connection, { name: 'table' })
    expect(info?.columns.map((c) => c.name)).toEqual(['order', 'a`b', 'group', 'key'])
    expect(info?.indexes.map((i) => i.name)).toEqual(['a`b', 'index`1'])
    await run(rename.reverse(), index.reverse(), add.reverse(), create.reverse())
    expect(await introspector.listTables(connection)).toEqual([])
  })
})
