import type { Connection, Dialect, TableInfo } from '../dialect.js'
import type { Operation } from '../operations/operation.js'
import { Operations } from '../operations/operations.js'
import type { ConformanceCapabilities, ConformanceTestApi } from './conformance-api.js'

/** What the operation scenarios need of the suite around them. */
export interface OperationScenarioContext {
  readonly api: ConformanceTestApi
  readonly capabilities: ConformanceCapabilities
  readonly dialect: () => Dialect
  /** The test's own connection, opened on first use and closed after the test. */
  readonly connection: () => Promise<Connection>
  /** The schema the test database's tables are in (with `capabilities.qualifiedNames`). */
  readonly schema: () => string
}

/**
 * The operations one by one on a live database, as a revision runs them: each applied,
 * checked against the data and what the database enforces, then reversed with `reverse()`
 * and checked again. Written against the portable API only; what a dialect stores
 * differently is stated by its {@link ConformanceCapabilities}.
 */
export function describeOperationScenarios(context: OperationScenarioContext): void {
  const { api, capabilities, dialect, connection } = context
  const { describe, it, expect } = api

  const operations = () => new Operations({ dialect: dialect().name, offline: false })
  const q = (name: string) => dialect().createCompiler().quoteIdentifier(name)
  const run = async (...list: Operation[]) => {
    const c = await connection()
    const compiler = dialect().createCompiler()
    for (const operation of list) {
      for (const statement of compiler.compile(operation)) await c.execute(statement)
    }
  }
  /** The rows of `sql`, values as plain numbers and strings. */
  const query = async (sql: string, ...parameters: unknown[]) => {
    const result = await (await connection()).execute({ sql, parameters })
    return result.rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])),
    )
  }
  /** The values of `columns` of `table`, ordered by the first. */
  const values = async (table: string, columns: readonly string[]) =>
    (
      await query(`SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ORDER BY ${q(columns[0]!)}`)
    ).map((row) => columns.map((column) => row[column]))
  const table = async (name: string): Promise<TableInfo | undefined> =>
    dialect()
      .createIntrospector()
      .getTable(await connection(), { name })
  const column = async (tableName: string, name: string) =>
    (await table(tableName))?.columns.find((c) => c.name === name)
  const tables = async (schema?: string) =>
    [
      ...(await dialect()
        .createIntrospector()
        .listTables(await connection(), schema)),
    ].sort()
  /** Asserts that the statement is refused by the database (a constraint it enforces). */
  const refused = async (sql: string, ...parameters: unknown[]) => {
    const error = await failure(query(sql, ...parameters))
    expect(error).toBeInstanceOf(Error)
    return error instanceof Error ? error.message : ''
  }

  const account = (op: Operations) =>
    op.createTable('account', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('email', 'string', { length: 255, nullable: false, unique: true }),
      op.column('score', 'double', { default: 0 }),
    ])

  describe('operations one by one, each reversed', () => {
    it('createTable and dropTable (its reverse), and back', async () => {
      const op = operations()
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
          op.column('created', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' }),
        ],
        { comment: "people's accounts" },
      )
      await run(create)
      await query('INSERT INTO account (email) VALUES (?), (?)', 'a@x', 'b@x')
      expect(await values('account', ['id', 'email', 'score'])).toEqual([
        [1, 'a@x', 0],
        [2, 'b@x', 0],
      ])
      expect(await query('SELECT id FROM account WHERE created IS NULL')).toEqual([])
      // The unique key and NOT NULL are enforced.
      await refused('INSERT INTO account (email) VALUES (?)', 'a@x')
      await refused('INSERT INTO account (email) VALUES (NULL)')
      if (capabilities.comments) {
        expect((await table('account'))?.comment).toBe("people's accounts")
        expect((await column('account', 'email'))?.comment).toBe('login')
      }
      const drop = create.reverse()
      await run(drop)
      expect(await tables()).toEqual([])
      await run(drop.reverse())
      expect((await table('account'))?.columns.map((c) => c.name)).toEqual([
        'id',
        'email',
        'score',
        'created',
      ])
    })

    it('renameTable keeps the rows, both ways, also qualified by the schema', async () => {
      const op = operations()
      await run(account(op), op.bulkInsert('account', [{ email: 'a@x' }]))
      const rename = op.renameTable('account', 'user_account')
      await run(rename)
      expect(await tables()).toEqual(['user_account'])
      expect(await query('SELECT email FROM user_account')).toEqual([{ email: 'a@x' }])
      await run(rename.reverse())
      expect(await query('SELECT email FROM account')).toEqual([{ email: 'a@x' }])
      // capabilities.qualifiedNames false: the dialect has no schema to qualify a name by.
      if (capabilities.qualifiedNames) {
        const schema = context.schema()
        const qualified = op.renameTable('account', 'member', { schema })
        await run(qualified)
        expect(await tables(schema)).toEqual(['member'])
        expect(await query(`SELECT email FROM ${q(schema)}.member`)).toEqual([{ email: 'a@x' }])
        await run(qualified.reverse())
        expect(await tables(schema)).toEqual(['account'])
      }
    })

    it('addColumn and dropColumn (its reverse) keep the other data', async () => {
      const op = operations()
      await run(account(op), op.bulkInsert('account', [{ email: 'a@x', score: 2.5 }]))
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
      expect(await query('SELECT email, score, nick FROM account')).toEqual([
        { email: 'a@x', score: 2.5, nick: 'anon' },
      ])
      if (capabilities.comments) expect((await column('account', 'nick'))?.comment).toBe('shown')
      await run(add.reverse())
      expect(await query('SELECT * FROM account')).toEqual([{ id: 1, email: 'a@x', score: 2.5 }])
      await run(add.reverse().reverse())
      expect(await query('SELECT nick FROM account')).toEqual([{ nick: 'anon' }])
    })

    it('a column with a foreign key is added and dropped again', async () => {
      const op = operations()
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
      const keys = (await table('child'))?.foreignKeys ?? []
      expect(keys.map((key) => [key.columns, key.references.table, key.onDelete])).toEqual([
        [['parent_id'], 'parent', 'CASCADE'],
      ])
      await query('UPDATE child SET parent_id = 1')
      await refused('INSERT INTO child (id, parent_id) VALUES (11, 99)')
      await run(add.reverse())
      expect(await query('SELECT * FROM child')).toEqual([{ id: 10 }])
      expect((await table('child'))?.foreignKeys ?? []).toEqual([])
      // The key went with the column: parent rows can go.
      await query('DELETE FROM parent')
    })

    it('alterColumn: type converting the values, length and nullability, default, rename and comment, each reversed', async () => {
      const op = operations()
      await run(
        op.createTable('person', [
          op.column('id', 'integer', { primaryKey: true }),
          op.column('name', 'string', { length: 40, default: 'x', comment: 'the name' }),
          op.column('age', 'string', { length: 10 }),
        ]),
        op.bulkInsert('person', [
          { id: 1, name: 'Ada', age: '36' },
          { id: 2, name: 'Grace', age: '85' },
        ]),
      )
      // Every alteration states what it does not change, so that a dialect that restates
      // the whole column (MySQL) keeps it.
      const existing = {
        existingType: { type: 'string', length: 40 },
        existingNullable: true,
        existingDefault: 'x',
        existingComment: 'the name',
      } as const

      const retype = op.alterColumn('person', 'age', {
        type: 'integer',
        existingType: { type: 'string', length: 10 },
        existingNullable: true,
      })
      await run(retype)
      expect(await values('person', ['id', 'age'])).toEqual([
        [1, 36],
        [2, 85],
      ])
      await run(retype.reverse())
      expect(await values('person', ['id', 'age'])).toEqual([
        [1, '36'],
        [2, '85'],
      ])

      const widen = op.alterColumn('person', 'name', {
        ...existing,
        type: 'string',
        length: 80,
        nullable: false,
      })
      await run(widen)
      let name = await column('person', 'name')
      expect(name?.type).toMatch(/\b80\b/)
      expect(name?.nullable).toBe(false)
      // What it does not change stays: the default and the comment.
      expect(name?.defaultSql).toContain("'x'")
      await refused('INSERT INTO person (id, name) VALUES (5, NULL)')
      if (capabilities.comments) expect(name?.comment).toBe('the name')
      await run(widen.reverse())
      name = await column('person', 'name')
      expect(name?.type).toMatch(/\b40\b/)
      expect(name?.nullable).toBe(true)
      expect(name?.defaultSql).toContain("'x'")
      if (capabilities.comments) expect(name?.comment).toBe('the name')

      const rename = op.alterColumn('person', 'name', { ...existing, newName: 'full name' })
      await run(rename)
      expect(await values('person', ['id', 'full name'])).toEqual([
        [1, 'Ada'],
        [2, 'Grace'],
      ])
      await run(rename.reverse())

      const setDefault = op.alterColumn('person', 'name', { ...existing, default: "it's \\ new" })
      await run(setDefault)
      await run(op.bulkInsert('person', [{ id: 3 }]))
      expect(await query('SELECT name FROM person WHERE id = 3')).toEqual([{ name: "it's \\ new" }])
      await run(setDefault.reverse())
      await run(op.bulkInsert('person', [{ id: 4 }]))
      expect(await query('SELECT name FROM person WHERE id = 4')).toEqual([{ name: 'x' }])

      const recomment = op.alterColumn('person', 'name', { ...existing, comment: 'full name' })
      await run(recomment)
      // capabilities.comments false: the comment is not stored; the column stays as it was.
      if (capabilities.comments) expect((await column('person', 'name'))?.comment).toBe('full name')
      expect((await column('person', 'name'))?.defaultSql).toContain("'x'")
      await run(recomment.reverse())
      if (capabilities.comments) expect((await column('person', 'name'))?.comment).toBe('the name')
      expect(await values('person', ['id', 'name'])).toEqual([
        [1, 'Ada'],
        [2, 'Grace'],
        [3, "it's \\ new"],
        [4, 'x'],
      ])
    })

    it('createIndex and dropIndex (its reverse); a unique index enforces', async () => {
      const op = operations()
      await run(account(op))
      const index = op.createIndex('ix_score', 'account', ['score', 'email'])
      await run(index)
      const indexes = async () => (await table('account'))?.indexes ?? []
      expect((await indexes()).find((i) => i.name === 'ix_score')).toEqual({
        name: 'ix_score',
        columns: ['score', 'email'],
        unique: false,
      })
      await run(index.reverse())
      expect((await indexes()).map((i) => i.name)).not.toContain('ix_score')
      await run(
        op.createIndex('ux_score', 'account', ['score'], { unique: true }),
        op.bulkInsert('account', [{ email: 'a', score: 1 }]),
      )
      await refused('INSERT INTO account (email, score) VALUES (?, ?)', 'b', 1)
      await run(op.dropIndex('ux_score', { table: 'account', ifExists: true }))
      await run(op.dropIndex('ux_score', { table: 'account', ifExists: true }))
      await query('INSERT INTO account (email, score) VALUES (?, ?)', 'b', 1)
      expect(await values('account', ['email', 'score'])).toEqual([
        ['a', 1],
        ['b', 1],
      ])
    })

    it('constraints: unique, foreign key, check and primary key, each dropped and re-created', async () => {
      const op = operations()
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
      await refused('INSERT INTO child VALUES (1, 1, 1)')
      await refused('INSERT INTO child VALUES (2, 9, 1)')
      expect(await refused('INSERT INTO child VALUES (3, 1, -1)')).toContain('ck_price')
      await refused('INSERT INTO parent VALUES (1)')

      await run(check.reverse(), fk.reverse(), unique.reverse())
      await query('INSERT INTO child VALUES (1, 9, -1)')
      await query('DELETE FROM child WHERE parent_id = 9')
      await run(unique.reverse().reverse(), fk.reverse().reverse(), check.reverse().reverse())
      expect(await refused('INSERT INTO child VALUES (3, 1, -1)')).toContain('ck_price')
      await refused('INSERT INTO child VALUES (1, 1, 1)')
      await run(fk.reverse(), pk.reverse())
      await query('INSERT INTO parent VALUES (1)')
      expect(await values('parent', ['id'])).toEqual([[1], [1]])
      expect(await values('child', ['id', 'parent_id', 'price'])).toEqual([[1, 1, 3]])
    })

    it('table comments, set and dropped, each reversed', async () => {
      const op = operations()
      await run(account(op), op.bulkInsert('account', [{ email: 'a@x' }]))
      // capabilities.comments false: the operations run and change nothing.
      const comment = async () => (capabilities.comments ? (await table('account'))?.comment : null)
      const set = op.createTableComment('account', "people's \\ accounts", {
        existingComment: null,
      })
      await run(set)
      expect(await comment()).toBe(capabilities.comments ? "people's \\ accounts" : null)
      await run(set.reverse())
      expect(await comment()).toBe(null)
      const drop = op.dropTableComment('account', { existingComment: 'old' })
      await run(drop.reverse())
      expect(await comment()).toBe(capabilities.comments ? 'old' : null)
      await run(drop)
      expect(await comment()).toBe(null)
      expect(await values('account', ['id', 'email'])).toEqual([[1, 'a@x']])
    })

    it('execute with a reverse; bulkInsert of many rows; the row count of an update', async () => {
      const op = operations()
      await run(account(op))
      const many = Array.from({ length: 1234 }, (_, i) => ({ email: `u${i}@x`, score: i / 2 }))
      await run(op.bulkInsert('account', many))
      const [sums] = await query('SELECT COUNT(*) AS n, SUM(score) AS s FROM account')
      expect([Number(sums?.['n']), Number(sums?.['s'])]).toEqual([
        1234,
        many.reduce((sum, row) => sum + row.score, 0),
      ])
      const score = async () =>
        (await query('SELECT score FROM account WHERE email = ?', 'u0@x')).map((r) => r['score'])
      const update = op.execute('UPDATE account SET score = ? WHERE email = ?', [99, 'u0@x'], {
        reverse: { sql: 'UPDATE account SET score = ? WHERE email = ?', parameters: [0, 'u0@x'] },
      })
      await run(update)
      expect(await score()).toEqual([99])
      await run(update.reverse())
      expect(await score()).toEqual([0])
      const result = await (
        await connection()
      ).execute({
        sql: 'UPDATE account SET score = score + 1 WHERE id <= ?',
        parameters: [10],
      })
      expect(result.rowCount).toBe(10)
    })

    it('identifiers that are keywords or hold quotes of every kind, through the operations and back', async () => {
      const op = operations()
      const name = 'select "from" `where`'
      const create = op.createTable(
        name,
        [
          op.column('order', 'integer', { primaryKey: true }),
          op.column('a"b`c\'d', 'string', { length: 10, unique: true, comment: 'quote "b"' }),
          op.column('group', 'string', { length: 20, default: 'g' }),
          op.column('User', 'integer'),
        ],
        { checks: [{ name: 'check"1`', expression: `${q('order')} > 0` }], comment: "it's" },
      )
      await run(create, op.bulkInsert(name, [{ order: 1, 'a"b`c\'d': 'x', User: 5 }]))
      const add = op.addColumn(name, op.column('key', 'integer', { default: 7 }))
      const index = op.createIndex('index"1`', name, ['key', 'order'], { unique: true })
      const fk = op.createForeignKey('fk"self`', name, name, ['key'], ['order'])
      const alter = op.alterColumn(name, 'group', {
        newName: 'table',
        type: 'string',
        length: 30,
        existingType: { type: 'string', length: 20 },
        existingNullable: true,
        existingDefault: 'g',
      })
      const rename = op.renameTable(name, 'table')
      await run(add, op.execute(`UPDATE ${q(name)} SET ${q('key')} = ${q('order')}`), index, fk)
      await run(alter, rename)
      expect(await values('table', ['order', 'a"b`c\'d', 'table', 'key', 'User'])).toEqual([
        [1, 'x', 'g', 1, 5],
      ])
      expect(await refused(`INSERT INTO ${q('table')} (${q('order')}) VALUES (0)`)).toContain(
        'check"1`',
      )
      const info = await table('table')
      expect(info?.columns.map((c) => c.name)).toEqual([
        'order',
        'a"b`c\'d',
        'table',
        'User',
        'key',
      ])
      expect(info?.indexes.map((i) => i.name)).toContain('index"1`')
      if (capabilities.comments) {
        expect(info?.comment).toBe("it's")
        expect(info?.columns.find((c) => c.name === 'a"b`c\'d')?.comment).toBe('quote "b"')
      }
      await run(
        rename.reverse(),
        alter.reverse(),
        fk.reverse(),
        index.reverse(),
        add.reverse(),
        create.reverse(),
      )
      expect(await tables()).toEqual([])
    })
  })
}

/** The error `promise` fails with; `undefined` when it succeeds. */
export function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  )
}

/** A value as a plain number or string (drivers return bigints and bytes for some). */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Uint8Array) return new TextDecoder().decode(value)
  return value
}
