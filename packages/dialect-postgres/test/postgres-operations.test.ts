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

// What only PostgreSQL does. Every operation applied and reversed on a live database, what
// it must keep and what the database then enforces, is in the dialect conformance suite of
// @retort/core (postgres-conformance.test.ts).
describePostgres('operations on a real PostgreSQL database: what is PostgreSQL-specific', () => {
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

  it('createTable: a json default and a timestamptz default expression', async () => {
    await run(
      op.createTable('account', [
        op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
        op.column('data', 'json', { default: '{}' }),
        op.column('created', 'datetime', { withTimezone: true, defaultSql: 'now()' }),
      ]),
    )
    await rows('INSERT INTO account DEFAULT VALUES')
    expect(await rows('SELECT id, data FROM account')).toEqual([{ id: 1, data: {} }])
    const created = (await table('account'))?.columns.find((c) => c.name === 'created')
    expect(created).toMatchObject({ type: 'timestamp with time zone', defaultSql: 'now()' })
    expect(await rows('SELECT 1 AS one FROM account WHERE created IS NOT NULL')).toEqual([
      { one: 1 },
    ])
  })

  it('renameTable in a schema other than public', async () => {
    await rows('CREATE SCHEMA app')
    await run(
      op.createTable('t', [op.column('id', 'integer')], { schema: 'app' }),
      op.bulkInsert('t', [{ id: 7 }], { schema: 'app' }),
    )
    const inSchema = op.renameTable('t', 'u', { schema: 'app' })
    await run(inSchema)
    expect(await rows('SELECT id FROM app.u')).toEqual([{ id: 7 }])
    expect(await introspector.listTables(connection)).toEqual([])
    await run(inSchema.reverse())
    expect(await introspector.listTables(connection, 'app')).toEqual(['t'])
  })

  it("a column's foreign key gets PostgreSQL's default name", async () => {
    await run(
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable('child', [op.column('id', 'integer', { primaryKey: true })]),
    )
    const add = op.addColumn(
      'child',
      op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
    )
    await run(add)
    expect((await table('child'))?.constraints.map((c) => c.name)).toContain('child_parent_id_fkey')
    await expect(rows('INSERT INTO child (id, parent_id) VALUES (11, 99)')).rejects.toThrow(
      /violates foreign key constraint "child_parent_id_fkey"/,
    )
    await run(add.reverse())
    expect((await table('child'))?.constraints.map((c) => c.name)).not.toContain(
      'child_parent_id_fkey',
    )
  })

  it('alterColumn to another type converts the values with USING', async () => {
    await run(
      op.createTable('person', [op.column('age', 'string', { length: 10 })]),
      op.bulkInsert('person', [{ age: '36' }]),
    )
    const retype = op.alterColumn('person', 'age', {
      type: 'integer',
      existingType: { type: 'string', length: 10 },
    })
    expect(
      compiler
        .compile(retype)
        .map((statement) => statement.sql)
        .join('\n'),
    ).toContain('USING "age"::INTEGER')
    await run(retype)
    expect((await table('person'))?.columns.find((c) => c.name === 'age')?.type).toBe('integer')
    await run(retype.reverse())
    expect((await table('person'))?.columns.find((c) => c.name === 'age')?.type).toBe(
      'character varying(10)',
    )
  })

  it('createIndex: a unique expression index, partial, also over quoted names; dropIndex (reverse)', async () => {
    await run(
      account(),
      op.addColumn('account', op.column('deleted', 'boolean', { nullable: false, default: false })),
      op.addColumn('account', op.column('User', 'integer', { default: 0 })),
    )
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

    const quoted = op.createIndex('index"1', 'account', ['score', 'User'], {
      unique: true,
      where: '"User" > 0',
    })
    await run(quoted)
    expect((await table('account'))?.indexes.find((i) => i.name === 'index"1')).toEqual({
      name: 'index"1',
      columns: ['score', 'User'],
      unique: true,
      where: '"User" > 0',
    })
    // Rows outside the predicate may repeat; rows inside it may not.
    await rows('INSERT INTO account (email, "User") VALUES (?, 0), (?, 0)', 'z1', 'z2')
    await rows('INSERT INTO account (email, "User") VALUES (?, 1)', 'z3')
    await expect(rows('INSERT INTO account (email, "User") VALUES (?, 1)', 'z4')).rejects.toThrow(
      /duplicate key value violates unique constraint "index"1"/,
    )
    await run(quoted.reverse())
    expect((await table('account'))?.indexes.map((i) => i.name)).not.toContain('index"1')
  })

  it('a deferrable, initially deferred foreign key is checked at commit', async () => {
    await run(
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable('child', [op.column('id', 'integer'), op.column('parent_id', 'integer')]),
    )
    const fk = op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
      onDelete: 'CASCADE',
      deferrable: true,
      initially: 'DEFERRED',
    })
    await run(fk)
    expect(
      (await table('child'))?.constraints.find((c) => c.name === 'fk_child_parent'),
    ).toMatchObject({
      kind: 'foreignKey',
      columns: ['parent_id'],
      references: { schema: 'public', table: 'parent', columns: ['id'] },
      deferrable: true,
      initiallyDeferred: true,
    })
    // Deferred: a child may come before its parent within one transaction.
    await connection.begin()
    await rows('INSERT INTO child VALUES (2, 2)')
    await rows('INSERT INTO parent VALUES (2)')
    await connection.commit()
    await connection.begin()
    await rows('INSERT INTO child VALUES (4, 9)')
    await expect(connection.commit()).rejects.toThrow(/fk_child_parent/)
    expect(await rows('SELECT id FROM child ORDER BY id')).toEqual([{ id: 2 }])
    await run(fk.reverse(), fk.reverse().reverse())
    expect(
      (await table('child'))?.constraints.find((c) => c.name === 'fk_child_parent'),
    ).toMatchObject({
      deferrable: true,
      initiallyDeferred: true,
    })
  })

  it('bulkInsert binds every kind of value: bytes, timestamptz, json, arrays', async () => {
    await run(
      account(),
      op.addColumn('account', op.column('bytes', 'binary')),
      op.addColumn('account', op.column('at', 'datetime', { withTimezone: true })),
      op.addColumn('account', op.column('doc', 'json')),
      op.addColumn('account', op.column('tags', { raw: 'TEXT[]' })),
    )
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
    // A native $1 placeholder passes through as written.
    const [row] = await rows('SELECT bytes, at, doc, tags FROM account WHERE email = $1', "it's")
    expect(row).toEqual({
      bytes: Buffer.from([0, 1, 255]),
      at,
      doc: { a: [1, 'b'] },
      tags: ['x', 'y"z'],
    })
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
})
