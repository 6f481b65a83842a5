import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import type { SqliteConnection } from '../src/sqlite-driver.js'

let dir: string
let filename: string
let connection: SqliteConnection
let close: () => Promise<void>
const op = new Operations({ dialect: 'sqlite', offline: false })

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-'))
  filename = path.join(dir, 'app.db')
  const dialect = sqliteDialect({ filename })
  const driver = dialect.createDriver()
  connection = (await driver.connect()) as SqliteConnection
  close = () => driver.destroy()
})

afterEach(async () => {
  await close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const compiler = sqliteDialect({ filename: ':memory:' }).createCompiler()
const introspector = sqliteDialect({ filename: ':memory:' }).createIntrospector()

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

describe('operations on a real SQLite file', () => {
  it('createTable and its reverse', async () => {
    const create = account()
    await run(create)
    await connection.execute({
      sql: 'INSERT INTO account (email) VALUES (?), (?)',
      parameters: ['a@x', 'b@x'],
    })
    expect(await rows('SELECT id, email, score FROM account ORDER BY id')).toEqual([
      { id: 1, email: 'a@x', score: 0 },
      { id: 2, email: 'b@x', score: 0 },
    ])
    await expect(
      connection.execute({ sql: 'INSERT INTO account (email) VALUES (?)', parameters: ['a@x'] }),
    ).rejects.toThrow(/UNIQUE constraint failed/)
    await expect(
      connection.execute({ sql: 'INSERT INTO account (email) VALUES (NULL)', parameters: [] }),
    ).rejects.toThrow(/NOT NULL constraint failed/)
    const drop = create.reverse()
    await run(drop)
    expect(await introspector.listTables(connection)).toEqual([])
    await run(drop.reverse())
    expect(
      (await introspector.getTable(connection, { name: 'account' }))?.columns.map((c) => c.name),
    ).toEqual(['id', 'email', 'score'])
  })

  it('renameTable keeps the rows, both ways', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x' }]))
    const rename = op.renameTable('account', 'user_account')
    await run(rename)
    expect(await rows('SELECT email FROM user_account')).toEqual([{ email: 'a@x' }])
    await run(rename.reverse())
    expect(await rows('SELECT email FROM account')).toEqual([{ email: 'a@x' }])
  })

  it('addColumn fills existing rows with the default; dropColumn keeps the other data', async () => {
    await run(account(), op.bulkInsert('account', [{ email: 'a@x', score: 1.5 }, { email: 'b@x' }]))
    const add = op.addColumn(
      'account',
      op.column('note', 'string', { length: 40, nullable: false, default: "it's new" }),
    )
    await run(add)
    // A key missing from a bulkInsert row is bound as NULL, not the column default.
    expect(await rows('SELECT email, score, note FROM account ORDER BY id')).toEqual([
      { email: 'a@x', score: 1.5, note: "it's new" },
      { email: 'b@x', score: null, note: "it's new" },
    ])
    const drop = add.reverse()
    await run(drop)
    expect(await rows('SELECT * FROM account ORDER BY id')).toEqual([
      { id: 1, email: 'a@x', score: 1.5 },
      { id: 2, email: 'b@x', score: null },
    ])
    await run(drop.reverse())
    expect(await rows('SELECT note FROM account')).toEqual([
      { note: "it's new" },
      { note: "it's new" },
    ])
  })

  it('column defaults of every literal kind are stored as written', async () => {
    await run(
      op.createTable('defaults', [
        op.column('id', 'integer', { primaryKey: true }),
        op.column('s', 'text', { default: 'a \'quoted\' "text"' }),
        op.column('n', 'float', { default: -2.25 }),
        op.column('big', 'bigint', { default: 9007199254740993n }),
        op.column('b', 'boolean', { default: false }),
        op.column('d', 'datetime', { default: new Date('2020-01-01T00:00:00.000Z') }),
        op.column('bin', 'binary', { default: Buffer.from([1, 2, 3]) }),
        op.column('nul', 'text', { default: null }),
        op.column('expr', 'integer', { defaultSql: '1 + 1' }),
      ]),
    )
    await connection.execute({ sql: 'INSERT INTO defaults (id) VALUES (1)', parameters: [] })
    const row = connection.database.prepare('SELECT * FROM defaults').safeIntegers(true).get()
    expect(row).toEqual({
      id: 1n,
      s: 'a \'quoted\' "text"',
      n: -2.25,
      big: 9007199254740993n,
      b: 0n,
      d: '2020-01-01T00:00:00.000Z',
      bin: Buffer.from([1, 2, 3]),
      nul: null,
      expr: 2n,
    })
  })

  it('createIndex (unique, partial) and its reverse', async () => {
    await run(
      account(),
      op.addColumn('account', op.column('deleted', 'boolean', { default: false })),
    )
    const index = op.createIndex('ix_account_score', 'account', ['score'], {
      unique: true,
      where: 'deleted = 0',
    })
    await run(
      index,
      op.bulkInsert('account', [
        { email: 'a', score: 1, deleted: false },
        { email: 'b', score: 1, deleted: true },
      ]),
    )
    await expect(
      run(op.bulkInsert('account', [{ email: 'c', score: 1, deleted: false }])),
    ).rejects.toThrow(/UNIQUE constraint failed/)
    const info = await introspector.getTable(connection, { name: 'account' })
    expect(info?.indexes).toContainEqual({
      name: 'ix_account_score',
      columns: ['score'],
      unique: true,
    })
    await run(index.reverse())
    await run(op.bulkInsert('account', [{ email: 'c', score: 1, deleted: false }]))
    expect(
      (await introspector.getTable(connection, { name: 'account' }))?.indexes.map((i) => i.name),
    ).not.toContain('ix_account_score')
  })

  it('foreign keys with ON DELETE CASCADE', async () => {
    await connection.execute({ sql: 'PRAGMA foreign_keys = ON', parameters: [] })
    await run(
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable('child', [
        op.column('id', 'integer', { primaryKey: true }),
        op.column('parent_id', 'integer', {
          references: { table: 'parent', column: 'id', onDelete: 'cascade' as never },
        }),
      ]),
      op.bulkInsert('parent', [{ id: 1 }]),
      op.bulkInsert('child', [{ id: 10, parent_id: 1 }]),
    )
    await expect(run(op.bulkInsert('child', [{ id: 11, parent_id: 2 }]))).rejects.toThrow(
      /FOREIGN KEY constraint failed/,
    )
    await run(op.execute('DELETE FROM parent WHERE id = ?', [1]))
    expect(await rows('SELECT * FROM child')).toEqual([])
  })

  it('execute binds parameters and reverses with its reverse SQL; several statements run without parameters', async () => {
    await run(
      op.createTable('kv', [
        op.column('k', 'string', { primaryKey: true }),
        op.column('v', 'text'),
      ]),
    )
    const set = op.execute('INSERT INTO kv (k, v) VALUES (?, ?)', ['a', "it's"], {
      reverse: { sql: 'DELETE FROM kv WHERE k = ?', parameters: ['a'] },
    })
    await run(set)
    expect(await rows('SELECT * FROM kv')).toEqual([{ k: 'a', v: "it's" }])
    await run(set.reverse())
    expect(await rows('SELECT * FROM kv')).toEqual([])
    await run(op.execute("INSERT INTO kv VALUES ('x', '1'); INSERT INTO kv VALUES ('y', '2');"))
    expect(await rows('SELECT k FROM kv ORDER BY k')).toEqual([{ k: 'x' }, { k: 'y' }])
    await expect(run(op.execute('INSERT INTO kv VALUES (?, 1); SELECT 1', ['z']))).rejects.toThrow(
      /more than one statement/,
    )
  })

  it('bulkInsert binds every kind of value', async () => {
    await run(
      op.createTable('things', [
        op.column('id', 'integer', { primaryKey: true }),
        op.column('flag', 'boolean'),
        op.column('at', 'timestamp'),
        op.column('doc', 'json'),
        op.column('raw', 'binary'),
        op.column('big', 'bigint'),
        op.column('name', 'text'),
      ]),
      op.bulkInsert('things', [
        {
          id: 1,
          flag: true,
          at: new Date('2021-05-06T07:08:09.000Z'),
          doc: { tags: ['a', "b'c"] },
          raw: Buffer.from('xyz'),
          big: 2n ** 62n,
          name: "Robert'); DROP TABLE things;--",
        },
        { id: 2, flag: false, doc: '1' },
      ]),
    )
    expect(
      connection.database.prepare('SELECT * FROM things ORDER BY id').safeIntegers(true).all(),
    ).toEqual([
      {
        id: 1n,
        flag: 1n,
        at: '2021-05-06T07:08:09.000Z',
        doc: '{"tags":["a","b\'c"]}',
        raw: Buffer.from('xyz'),
        big: 2n ** 62n,
        name: "Robert'); DROP TABLE things;--",
      },
      // json is TEXT affinity: the text '1' stays text.
      { id: 2n, flag: 0n, at: null, doc: '1', raw: null, big: null, name: null },
    ])
  })

  it('DDL is transactional: a rollback undoes it', async () => {
    await connection.begin()
    await run(account())
    await connection.rollback()
    expect(await introspector.listTables(connection)).toEqual([])
    await connection.rollback() // no transaction: a no-op
    await connection.begin()
    await run(account())
    await connection.commit()
    expect(await introspector.listTables(connection)).toEqual(['account'])
  })

  it('keywords and quotes in identifiers work end to end', async () => {
    await run(
      op.createTable('select', [
        op.column('from', 'integer', { primaryKey: true }),
        op.column('a"b', 'text'),
      ]),
      op.bulkInsert('select', [{ from: 1, 'a"b': 'q' }]),
      op.createIndex('index "1"', 'select', ['a"b']),
    )
    expect(await rows('SELECT * FROM "select"')).toEqual([{ from: 1, 'a"b': 'q' }])
    expect((await introspector.getTable(connection, { name: 'select' }))?.indexes).toEqual([
      { name: 'index "1"', columns: ['a"b'], unique: false },
    ])
  })

  it('a schema is an attached database', async () => {
    await connection.execute({
      sql: 'ATTACH DATABASE ? AS aux',
      parameters: [path.join(dir, 'aux.db')],
    })
    const adapter = sqliteDialect({ filename }).createAdapter()
    await run(
      op.createTable('t', [op.column('id', 'integer')], { schema: 'aux' }),
      op.bulkInsert('t', [{ id: 1 }], { schema: 'aux' }),
    )
    expect(await adapter.hasTable(connection, { name: 't', schema: 'aux' })).toBe(true)
    expect(await adapter.hasTable(connection, { name: 't' })).toBe(false)
    expect(await introspector.listTables(connection, 'aux')).toEqual(['t'])
    expect(await rows('SELECT id FROM aux.t')).toEqual([{ id: 1 }])
    const table = compiler.createVersionTable({ name: 'retort_version', schema: 'aux' }, 64)
    for (const statement of table) await connection.execute(statement)
    expect(await adapter.hasTable(connection, { name: 'RETORT_VERSION', schema: 'aux' })).toBe(true)
  })
})

describe('version table on SQLite', () => {
  it('create, insert, update and delete report their row counts', async () => {
    const table = { name: 'retort_version' }
    const adapter = sqliteDialect({ filename }).createAdapter()
    expect(await adapter.hasTable(connection, table)).toBe(false)
    for (const statement of compiler.createVersionTable(table, 255))
      await connection.execute(statement)
    for (const statement of compiler.createVersionTable(table, 255))
      await connection.execute(statement)
    expect(await adapter.hasTable(connection, table)).toBe(true)
    expect((await connection.execute(compiler.insertVersion(table, 'a1'))).rowCount).toBe(1)
    expect((await connection.execute(compiler.insertVersion(table, 'b1'))).rowCount).toBe(1)
    expect((await connection.execute(compiler.updateVersion(table, 'a1', 'a2'))).rowCount).toBe(1)
    expect((await connection.execute(compiler.updateVersion(table, 'zz', 'a3'))).rowCount).toBe(0)
    expect((await connection.execute(compiler.selectVersions(table))).rows).toEqual([
      { version_num: 'a2' },
      { version_num: 'b1' },
    ])
    expect((await connection.execute(compiler.deleteVersion(table, 'b1'))).rowCount).toBe(1)
    await expect(connection.execute(compiler.insertVersion(table, 'a2'))).rejects.toThrow(
      /UNIQUE|PRIMARY KEY/,
    )
  })
})

describe('connections', () => {
  it("never closes the application's handle", async () => {
    const database = new Database(path.join(dir, 'own.db'))
    const dialect = sqliteDialect({ database })
    expect(dialect.description).toBe(`${path.join(dir, 'own.db')} (application handle)`)
    const driver = dialect.createDriver()
    const c = await driver.connect()
    await c.execute({ sql: 'CREATE TABLE t (a)', parameters: [] })
    await c.close()
    await driver.destroy()
    expect(database.open).toBe(true)
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 })
    database.close()
    await expect(dialect.createDriver().connect()).rejects.toThrow(/is closed; pass an open handle/)
  })

  it('closes the handles it opened', async () => {
    const driver = sqliteDialect({ filename }).createDriver()
    const a = (await driver.connect()) as SqliteConnection
    const b = (await driver.connect()) as SqliteConnection
    await a.close()
    expect(a.database.open).toBe(false)
    await driver.destroy()
    expect(b.database.open).toBe(false)
  })

  it(':memory: is one database for everything one dialect opens', async () => {
    const dialect = sqliteDialect({ filename: ':memory:' })
    const first = await dialect.createDriver().connect()
    await first.execute({ sql: 'CREATE TABLE t (a)', parameters: [] })
    await first.close()
    const second = await dialect.createDriver().connect()
    expect(await dialect.createAdapter().hasTable(second, { name: 't' })).toBe(true)
    expect(
      await sqliteDialect({ filename: ':memory:' })
        .createAdapter()
        .hasTable(await sqliteDialect({ filename: ':memory:' }).createDriver().connect(), {
          name: 't',
        }),
    ).toBe(false)
  })

  it('rejects a bad config', () => {
    expect(() => sqliteDialect({} as never)).toThrow(
      'sqliteDialect needs { filename: string } or { database }',
    )
    expect(() => sqliteDialect({ filename: 'x.db', timeoutMs: -1 })).toThrow(
      'timeoutMs must be a non-negative integer',
    )
  })
})
