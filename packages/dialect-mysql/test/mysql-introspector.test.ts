import { afterAll, beforeAll, expect, it } from 'vitest'
import { Operations } from '../../core/src/operations/operations.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import type { MysqlConnection, MysqlDriver } from '../src/mysql-driver.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const op = new Operations({ dialect: 'mysql', offline: true })

describeMysql('MysqlIntrospector and hasTable', () => {
  let database: TestDatabase
  let driver: MysqlDriver
  let connection: MysqlConnection
  const dialect = mysqlDialect({ uri: 'mysql://localhost/unused' })
  const introspector = dialect.createIntrospector()
  const adapter = dialect.createAdapter()
  let folding = 0

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = mysqlDialect({ uri: database.uri }).createDriver()
    connection = await driver.connect()
    folding = Number(
      (await connection.execute({ sql: 'SELECT @@lower_case_table_names AS f', parameters: [] }))
        .rows[0]?.['f'],
    )
    const compiler = dialect.createCompiler()
    for (const operation of [
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable('child', [
        op.column('id', 'bigint', { primaryKey: true, autoincrement: true }),
        op.column('email', 'string', { length: 120, nullable: false, unique: true }),
        op.column('status', 'string', { length: 10, default: "it's" }),
        op.column('score', 'decimal', { precision: 8, scale: 2, default: 0 }),
        op.column('created_at', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' }),
        op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
        op.column('note', 'text'),
      ]),
      op.createIndex('ix_child_status_score', 'child', ['status', 'score']),
      op.execute('CREATE VIEW child_view AS SELECT id FROM child'),
    ]) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
  })

  afterAll(async () => {
    await connection?.close()
    await driver?.destroy()
    await database?.drop()
  })

  it('listTables: base tables only, sorted; of another database by name', async () => {
    expect(await introspector.listTables(connection)).toEqual(['child', 'parent'])
    expect(await introspector.listTables(connection, database.name)).toEqual(['child', 'parent'])
    expect(await introspector.listTables(connection, `${database.name}_missing`)).toEqual([])
  })

  it('getTable: columns and indexes', async () => {
    const info = await introspector.getTable(connection, { name: 'child' })
    expect(info?.name).toBe('child')
    expect(
      info?.columns.map(({ name, nullable, primaryKey }) => ({ name, nullable, primaryKey })),
    ).toEqual([
      { name: 'id', nullable: false, primaryKey: true },
      { name: 'email', nullable: false, primaryKey: false },
      { name: 'status', nullable: true, primaryKey: false },
      { name: 'score', nullable: true, primaryKey: false },
      { name: 'created_at', nullable: true, primaryKey: false },
      { name: 'parent_id', nullable: true, primaryKey: false },
      { name: 'note', nullable: true, primaryKey: false },
    ])
    const column = (name: string) => info?.columns.find((c) => c.name === name)
    expect(column('email')?.type).toBe('varchar(120)')
    expect(column('score')?.type).toBe('decimal(8,2)')
    expect(column('note')?.defaultSql).toBeNull()
    expect(column('id')?.defaultSql).toBeNull()
    expect(column('status')?.defaultSql).toMatch(/^'it(''|\\')s'$/)
    expect(Number(column('score')?.defaultSql)).toBe(0)
    expect(column('created_at')?.defaultSql).toMatch(/^current_timestamp(\(\))?$/i)
    expect(info?.indexes).toEqual([
      // The index InnoDB made for the foreign key: it comes back with the key.
      { name: 'child_parent_id_fkey', columns: ['parent_id'], unique: false, constraint: true },
      { name: 'email', columns: ['email'], unique: true },
      { name: 'ix_child_status_score', columns: ['status', 'score'], unique: false },
    ])
    expect(info?.foreignKeys).toEqual([
      {
        name: 'child_parent_id_fkey',
        columns: ['parent_id'],
        references: { table: 'parent', columns: ['id'] },
      },
    ])
    expect(column('id')?.autoincrement).toBe(true)
    expect(column('email')?.autoincrement).toBe(false)
    expect(
      (await introspector.getTable(connection, { name: 'child', schema: database.name }))?.schema,
    ).toBe(database.name)
  })

  it('a missing table is undefined; hasTable reads without creating', async () => {
    expect(await introspector.getTable(connection, { name: 'nothing' })).toBeUndefined()
    expect(await adapter.hasTable(connection, { name: 'child' })).toBe(true)
    expect(await adapter.hasTable(connection, { name: 'child', schema: database.name })).toBe(true)
    expect(
      await adapter.hasTable(connection, { name: 'child', schema: `${database.name}_missing` }),
    ).toBe(false)
    expect(await adapter.hasTable(connection, { name: 'retort_version' })).toBe(false)
    expect(await introspector.listTables(connection)).not.toContain('retort_version')
  })

  it('names match exactly where the server keeps their case', async () => {
    expect(await adapter.hasTable(connection, { name: 'CHILD' })).toBe(folding !== 0)
    expect((await introspector.getTable(connection, { name: 'Child' })) !== undefined).toBe(
      folding !== 0,
    )
  })
})
