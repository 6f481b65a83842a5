import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { postgresDialect } from '../src/postgres-dialect.js'
import type { PostgresConnection, PostgresDriver } from '../src/postgres-driver.js'
import type { PostgresTableInfo } from '../src/postgres-introspector.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const op = new Operations({ dialect: 'postgresql', offline: false })

describePostgres('operations on a real PostgreSQL database, each applied and reversed', () => {
  let database: TestDatabase
  let driver: PostgresDriver
  let connection: PostgresConnection
  const compiler = postgresDialect({
    connectionString: 'postgresql://localhost/x',
  }).createCompiler()
  const introspector = postgresDialect({
    connectionString: 'postgresql://localhost/x',
  }).createIntrospector()

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = postgresDialect({ connectionString: database.url }).createDriver()
    connection = await driver.connect()
  })

  afterEach(async () => {
    // Each test starts from an empty database.
    await connection.execute({
      sql: 'DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS "app" CASCADE',
      parameters: [],
    })
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

  const table = async (name: string, schema?: string) =>
    (await introspector.getTable(connection, { name, schema })) as PostgresTableInfo | undefined

  const account = () =>
    op.createTable('account', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('email', 'string', { length: 255, nullable: false, unique: true }),
      op.column('score', 'double', { default: 0 }),
    ])

  it('createTable and dropTable (its reverse), and back', async () => {
    const create = op.createTable(
      'account',
      [
        op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
        op.column('email', 'string', {
          length: 255,
          nullable: false,
          unique: true,
          comment: 'login',
        }),
        op.column('score', 'double', { default: 0 }),
        op.column('data', 'json', { default: '{}' }),
        op.column('created', 'datetime', { withTimezone: true, defaultSql: 'now()' }),
      ],
      { comment: "people's accounts" },
    )
    await run(create)
    await rows('INSERT INTO account (email) VALUES (?), (?)', 'a@x', 'b@x')
    expect(await rows('SELECT id, email, score, data FROM account ORDER BY id')).toEqual([
      { id: 1, email: 'a@x', score: 0, data: {} },
      { id: 2, email: 'b@x', score: 0, data: {} },
    ])
    await expect(rows('INSERT INTO account (email) VALUES (?)', 'a@x')).rejects.toThrow(
      /duplicate key/,
    )
    await expect(rows('INSERT INTO account (email) VALUES (NULL)')).rejects.toThrow(/not-null/)
    const info = await table('account')
    expect(info?.comment).toBe("people's accounts")
    expect(info?.columns.find((c) => c.name === 'email')?.comment).toBe('login')
    const drop = create.reverse()
    await run(drop)
    expect(await introspector.listTables(connection)).toEqual([])
    await run(drop.reverse())
    expect((await table('account'))?.columns.map((c) => c.name)).toEqual([
      'id',
      'email',
      'score',
      'data',
      'created',
    ])
  })

  it('renameTable keeps the rows, both ways, also in a schema', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x' }]))
    const rename = op.renameTable('account', 'user_account')
    await run(rename)
    expect(await introspector.listTables(connection)).toEqual(['user_account'])
    expect(await rows('SELECT email FROM user_account')).toEqual([{ email: 'a@x' }])
    await run(rename.reverse())
    expect(await rows('SELECT email FROM account')).toEqual([{ email: 'a@x' }])

    await rows('CREATE SCHEMA app')
    await run(
      op.createTable('t', [op.column('id', 'integer')], { schema: 'app' }),
      op.bulkInsert('t', [{ id: 7 }], { schema: 'app' }),
    )
    const inSchema = op.renameTable('t', 'u', { schema: 'app' })
    await run(inSchema)
    expect(await rows('SELECT id FROM app.u')).toEqual([{ id: 7 }])
    await run(inSchema.reverse())
    expect(await introspector.listTables(connection, 'app')).toEqual(['t'])
  })

  it('addColumn and dropColumn (reverse), keeping the other data', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x', score: 2.5 }]))
    const add = op.addColumn(
      'account',
      op.column('nick', 'string', {
        length: 20,
        nullable: false,
        default: 'anon',
        comment: 'shown',
      }),
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
    expect((await table('child'))?.constraints.map((c) => c.name)).toContain('child_parent_id_fkey')
    await rows('UPDATE child SET parent_id = 1')
    await expect(rows('INSERT INTO child (id, parent_id) VALUES (11, 99)')).rejects.toThrow(
      /violates foreign key constraint "child_parent_id_fkey"/,
    )
    await run(add.reverse())
    expect(await rows('SELECT * FROM child')).toEqual([{ id: 10 }])
    await rows('DELETE FROM parent')
  })

  it('alterColumn: type with USING, nullability, default, rename and comment, each reversed', async () => {
    await run(
      op.createTable('person', [
        op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
        op.column('name', 'string', { length: 40, default: 'x', comment: 'the name' }),
        op.column('age', 'string', { length: 10 }),
      ]),
      op.bulkInsert('person', [
        { name: 'Ada', age: '36' },
        { name: 'Grace', age: '85' },
      ]),
    )
    const retype = op.alterColumn('person', 'age', {
      type: 'integer',
      existingType: { type: 'string', length: 10 },
    })
    await run(retype)
    expect(await rows('SELECT age FROM person ORDER BY id')).toEqual([{ age: 36 }, { age: 85 }])
    expect((await table('person'))?.columns.find((c) => c.name === 'age')?.type).toBe('integer')
    await run(retype.reverse())
    expect(await rows('SELECT age FROM person ORDER BY id')).toEqual([{ age: '36' }, { age: '85' }])

    const widen = op.alterColumn('person', 'name', {
      type: 'string',
      length: 80,
      nullable: false,
      existingType: { type: 'string', length: 40 },
      existingNullable: true,
    })
    await run(widen)
    let name = (await table('person'))?.columns.find((c) => c.name === 'name')
    expect(name).toMatchObject({
      type: 'character varying(80)',
      nullable: false,
      comment: 'the name',
    })
    await run(widen.reverse())
    name = (await table('person'))?.columns.find((c) => c.name === 'name')
    expect(name).toMatchObject({ type: 'character varying(40)', nullable: true })

    const rename = op.alterColumn('person', 'name', { newName: 'full name' })
    await run(rename)
    expect(await rows('SELECT "full name" AS n FROM person ORDER BY id')).toEqual([
      { n: 'Ada' },
      { n: 'Grace' },
    ])
    await run(rename.reverse())

    const setDefault = op.alterColumn('person', 'name', {
      default: "it's \\ new",
      existingDefault: 'x',
    })
    await run(setDefault)
    await rows('INSERT INTO person DEFAULT VALUES')
    expect(await rows('SELECT name FROM person WHERE id = 3')).toEqual([{ name: "it's \\ new" }])
    await run(setDefault.reverse())
    await rows('INSERT INTO person DEFAULT VALUES')
    expect(await rows('SELECT name FROM person WHERE id = 4')).toEqual([{ name: 'x' }])

    const recomment = op.alterColumn('person', 'name', {
      comment: 'full name',
      existingComment: 'the name',
    })
    await run(recomment)
    expect((await table('person'))?.columns.find((c) => c.name === 'name')?.comment).toBe(
      'full name',
    )
    await run(recomment.reverse())
    expect((await table('person'))?.columns.find((c) => c.name === 'name')?.comment).toBe(
      'the name',
    )
    expect(await rows('SELECT name FROM person ORDER BY id LIMIT 2')).toEqual([
      { name: 'Ada' },
      { name: 'Grace' },
    ])
  })

  it('createIndex (unique, partial, expression) and dropIndex (reverse)', async () => {
    await run(
      account(),
      op.addColumn('account', op.column('deleted', 'boolean', { nullable: false, default: false })),
    )
    const index = op.createIndex('ix_score', 'account', ['score', 'email'])
    await run(index)
    expect((await table('account'))?.indexes).toContainEqual({
      name: 'ix_score',
      columns: ['score', 'email'],
      unique: false,
    })
    await run(index.reverse())
    expect((await table('account'))?.indexes.map((i) => i.name)).toEqual(['account_email_key'])

    const live = op.createIndex('ux_live_lower', 'account', [{ expression: 'lower(email)' }], {
      unique: true,
      where: 'NOT deleted',
    })
    await run(live, op.bulkInsert('account', [{ email: 'A@x' }]))
    const info = (await table('account'))?.indexes.find((i) => i.name === 'ux_live_lower')
    expect(info).toEqual({
      name: 'ux_live_lower',
      columns: ['(lower(email::text))'],
      unique: true,
      where: 'NOT deleted',
    })
    await expect(rows("INSERT INTO account (email) VALUES ('a@X')")).rejects.toThrow(
      /duplicate key/,
    )
    await rows("INSERT INTO account (email, deleted) VALUES ('a@X', TRUE)")
    await run(live.reverse())
    await run(op.dropIndex('ux_live_lower', { ifExists: true }))
    expect(await rows('SELECT COUNT(*)::int AS n FROM account')).toEqual([{ n: 2 }])
  })

  it('constraints: unique, foreign key (deferrable), check, primary key; each dropped and re-created', async () => {
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
      deferrable: true,
      initially: 'DEFERRED',
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
    const info = await table('child')
    expect(info?.constraints.find((c) => c.name === 'fk_child_parent')).toMatchObject({
      kind: 'foreignKey',
      columns: ['parent_id'],
      references: { schema: 'public', table: 'parent', columns: ['id'] },
      deferrable: true,
      initiallyDeferred: true,
    })
    await expect(rows('INSERT INTO child VALUES (1, 1, 1)')).rejects.toThrow(/duplicate key/)
    await expect(rows('INSERT INTO child VALUES (3, 1, -1)')).rejects.toThrow(/ck_price/)
    // Deferred: a child may come before its parent within one transaction.
    await connection.begin()
    await rows('INSERT INTO child VALUES (2, 2, 1)')
    await rows('INSERT INTO parent VALUES (2)')
    await connection.commit()
    await connection.begin()
    await rows('INSERT INTO child VALUES (4, 9, 1)')
    await expect(connection.commit()).rejects.toThrow(/fk_child_parent/)

    await run(check.reverse(), fk.reverse(), unique.reverse())
    await rows('INSERT INTO child VALUES (1, 9, -1)')
    await rows('DELETE FROM child WHERE parent_id = 9')
    await run(unique.reverse().reverse(), fk.reverse().reverse(), check.reverse().reverse())
    await expect(rows('INSERT INTO child VALUES (3, 1, -1)')).rejects.toThrow(/ck_price/)
    await run(fk.reverse(), pk.reverse())
    await rows('INSERT INTO parent VALUES (1)')
    expect(await rows('SELECT id FROM parent ORDER BY id')).toEqual([
      { id: 1 },
      { id: 1 },
      { id: 2 },
    ])
    expect(await rows('SELECT id FROM child ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('table comments', async () => {
    await run(account())
    const comment = op.createTableComment('account', "people's \\ accounts", {
      existingComment: null,
    })
    await run(comment)
    expect((await table('account'))?.comment).toBe("people's \\ accounts")
    await run(comment.reverse())
    expect((await table('account'))?.comment).toBe(null)
    const drop = op.dropTableComment('account', { existingComment: 'old' })
    await run(drop.reverse())
    expect((await table('account'))?.comment).toBe('old')
    await run(drop)
    expect((await table('account'))?.comment).toBe(null)
  })

  it('execute with a reverse, and bulkInsert of many rows of every kind of value', async () => {
    await run(
      account(),
      op.addColumn('account', op.column('bytes', 'binary')),
      op.addColumn('account', op.column('at', 'datetime', { withTimezone: true })),
      op.addColumn('account', op.column('doc', 'json')),
      op.addColumn('account', op.column('tags', { raw: 'TEXT[]' })),
    )
    const many = Array.from({ length: 2345 }, (_, i) => ({ email: `u${i}@x`, score: i / 2 }))
    await run(op.bulkInsert('account', many))
    expect(await rows('SELECT COUNT(*)::int AS n, SUM(score) AS s FROM account')).toEqual([
      { n: 2345, s: many.reduce((sum, row) => sum + row.score, 0) },
    ])
    const at = new Date('2024-01-02T03:04:05.678Z')
    await run(
      op.bulkInsert('account', [
        {
          email: "it's",
          bytes: Buffer.from([0, 1, 255]),
          at,
          doc: { a: [1, 'b'] },
          tags: ['x', 'y"z'],
        },
      ]),
    )
    const [row] = await rows("SELECT bytes, at, doc, tags FROM account WHERE email = 'it''s'")
    expect(row).toEqual({
      bytes: Buffer.from([0, 1, 255]),
      at,
      doc: { a: [1, 'b'] },
      tags: ['x', 'y"z'],
    })

    const update = op.execute('UPDATE account SET score = ? WHERE email = ?', [99, 'u0@x'], {
      reverse: { sql: 'UPDATE account SET score = ? WHERE email = ?', parameters: [0, 'u0@x'] },
    })
    await run(update)
    expect(await rows('SELECT score FROM account WHERE email = ?', 'u0@x')).toEqual([{ score: 99 }])
    await run(update.reverse())
    expect(await rows('SELECT score FROM account WHERE email = $1', 'u0@x')).toEqual([{ score: 0 }])
    const result = await connection.execute({
      sql: 'UPDATE account SET score = score + 1 WHERE id <= ?',
      parameters: [10],
    })
    expect(result.rowCount).toBe(10)
  })

  it('the offline form of a statement stores what the bound one stores', async () => {
    await run(
      op.createTable('v', [
        op.column('id', 'integer'),
        op.column('s', 'text'),
        op.column('b', 'binary'),
        op.column('d', 'date'),
        op.column('ts', 'datetime'),
        op.column('j', 'json'),
        op.column('a', { raw: 'TEXT[]' }),
      ]),
    )
    const values = [
      1,
      "it's \\ 'quoted' \"x\"",
      Buffer.from([9, 0]),
      new Date('2024-05-06T00:00:00Z'),
      new Date('2024-05-06T07:08:09.123Z'),
      { k: "v'" },
      ['a', null, 'b\\c'],
    ]
    const insert = op.execute('INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?)', values)
    await run(insert)
    for (const statement of compiler.compile(insert))
      await rows(compiler.inline(statement).replace('(1,', '(2,'))
    const [bound, inlined] = await rows('SELECT s, b, d::text, ts::text, j, a FROM v ORDER BY id')
    expect(inlined).toEqual(bound)
    expect(bound?.['ts']).toBe('2024-05-06 07:08:09.123')
  })

  it('identifiers that are keywords or contain quotes, for real', async () => {
    const name = 'select "from" where'
    const create = op.createTable(
      name,
      [
        op.column('order', 'integer', { primaryKey: true }),
        op.column('a"b', 'string', { length: 10, unique: true, comment: 'quote "b"' }),
        op.column('group', 'text', { default: 'g' }),
        op.column('User', 'integer'),
      ],
      { checks: [{ name: 'check"1', expression: '"order" > 0' }], comment: 'tricky' },
    )
    await run(create, op.bulkInsert(name, [{ order: 1, 'a"b': 'x', User: 5 }]))
    const add = op.addColumn(name, op.column('key', 'integer', { default: 7 }))
    const index = op.createIndex('index"1', name, ['key', 'order'], {
      unique: true,
      where: '"User" > 0',
    })
    const fk = op.createForeignKey('fk"self', name, name, ['key'], ['order'])
    const alter = op.alterColumn(name, 'group', {
      newName: 'table',
      type: 'string',
      length: 5,
      existingType: { type: 'text' },
    })
    const rename = op.renameTable(name, 'table')
    await run(
      add,
      op.execute('UPDATE "select ""from"" where" SET "key" = "order"'),
      index,
      fk,
      alter,
      rename,
    )
    expect(await rows('SELECT "order", "a""b", "table", "key", "User" FROM "table"')).toEqual([
      { order: 1, 'a"b': 'x', table: 'g', key: 1, User: 5 },
    ])
    const info = await table('table')
    expect(info?.columns.map((c) => c.name)).toEqual(['order', 'a"b', 'table', 'User', 'key'])
    expect(info?.indexes.map((i) => i.name)).toEqual(['index"1', 'select "from" where_a"b_key'])
    await run(
      rename.reverse(),
      alter.reverse(),
      fk.reverse(),
      index.reverse(),
      add.reverse(),
      create.reverse(),
    )
    expect(await introspector.listTables(connection)).toEqual([])
  })
})
