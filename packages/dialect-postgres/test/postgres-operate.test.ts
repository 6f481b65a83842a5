// Operations without a revision on an application's own pg Pool: one transaction (DDL
// included), the version table never created, the pool left open.
import pg from 'pg'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { dialectForConnection, operate } from '@retort/core'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

describePostgres('operate() on the application pg Pool', () => {
  let database: TestDatabase
  let pool: pg.Pool
  beforeEach(async () => {
    database = await createTestDatabase()
    pool = new pg.Pool({ connectionString: database.url })
    await pool.query(`
      CREATE TABLE parent (id integer PRIMARY KEY, name varchar(20));
      CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
      INSERT INTO parent VALUES (1, 'a'), (2, 'b');
      INSERT INTO child VALUES (10, 1), (11, 2);
    `)
  })
  afterEach(async () => {
    await pool?.end()
    await database?.drop()
  })

  const nullable = async (table: string, column: string) =>
    (
      await database.query(
        'SELECT is_nullable FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
        [table, column],
      )
    )[0]?.['is_nullable']

  it('alters a column through the adopted pool, keeps the children, and leaves the pool open', async () => {
    const dialect = await dialectForConnection(pool, { baseDir: process.cwd() })
    const result = await operate(dialect, (op) => {
      op.alterColumn('parent', 'name', { nullable: false, type: 'string', length: 80 })
      op.addColumn('child', op.column('note', 'text'))
    })
    expect(result.transactional).toBe(true)
    expect(await nullable('parent', 'name')).toBe('NO')
    expect(await nullable('child', 'note')).toBe('YES')
    expect(await database.query('SELECT id, parent_id FROM child ORDER BY id')).toEqual([
      { id: 10, parent_id: 1 },
      { id: 11, parent_id: 2 },
    ])
    expect(await database.query("SELECT to_regclass('retort_version') IS NULL AS absent")).toEqual([
      { absent: true },
    ])
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  it('rolls back DDL and data together when a later operation fails', async () => {
    const dialect = await dialectForConnection(pool, { baseDir: process.cwd() })
    await expect(
      operate(dialect, (op) => {
        op.alterColumn('parent', 'name', { nullable: false })
        op.execute('INSERT INTO no_such_table VALUES (1)')
      }),
    ).rejects.toThrow(/nothing was applied \(rolled back\)/)
    expect(await nullable('parent', 'name')).toBe('YES')
  })
})
