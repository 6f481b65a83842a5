// Operations without a revision on an application's own mysql2 pool: MySQL commits each
// DDL statement, so they run one by one (no transaction) and a failure says what stayed.
import mysql from 'mysql2/promise'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { dialectForConnection, operate } from '@retort/core'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

describeMysql('operate() on the application mysql2 pool', () => {
  let database: TestDatabase
  let pool: mysql.Pool
  beforeEach(async () => {
    database = await createTestDatabase()
    pool = mysql.createPool({ uri: database.uri, multipleStatements: true })
    await pool.query(`
      CREATE TABLE parent (id integer PRIMARY KEY, name varchar(20)) ENGINE=InnoDB;
      CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL, FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE) ENGINE=InnoDB;
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
      (
        await database.admin.query<mysql.RowDataPacket[]>(
          'SELECT IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?',
          [database.name, table, column],
        )
      )[0] as mysql.RowDataPacket[]
    )[0]?.['n']

  it('alters a column through the adopted pool, keeps the children, and leaves the pool open', async () => {
    const dialect = await dialectForConnection(pool, { baseDir: process.cwd() })
    const result = await operate(dialect, (op) => {
      op.alterColumn('parent', 'name', { nullable: false, type: 'string', length: 80 })
      op.addColumn('child', op.column('note', 'text'))
    })
    expect(result.transactional).toBe(false)
    expect(await nullable('parent', 'name')).toBe('NO')
    expect(await nullable('child', 'note')).toBe('YES')
    const [children] = await database.admin.query('SELECT id, parent_id FROM child ORDER BY id')
    expect(children).toEqual([
      { id: 10, parent_id: 1 },
      { id: 11, parent_id: 2 },
    ])
    const [version] = await database.admin.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'retort_version'",
      [database.name],
    )
    expect(version[0]?.['n']).toBe(0)
    const [[one]] = await pool.query<mysql.RowDataPacket[]>('SELECT 1 AS one')
    expect(one?.['one']).toBe(1)
  })

  it('says which statements stayed applied when a later one fails', async () => {
    const dialect = await dialectForConnection(pool, { baseDir: process.cwd() })
    await expect(
      operate(dialect, (op) => {
        op.addColumn('parent', op.column('extra', 'integer'))
        op.execute('INSERT INTO no_such_table VALUES (1)')
      }),
    ).rejects.toThrow(/the 1 statement before it stayed applied/)
    expect(await nullable('parent', 'extra')).toBe('YES')
  })
})
