import { afterAll, beforeAll, expect, it } from 'vitest'
import { Operations } from '../../core/src/operations/operations.js'
import { postgresDialect } from '../src/postgres-dialect.js'
import type { PostgresConnection, PostgresDriver } from '../src/postgres-driver.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const op = new Operations({ dialect: 'postgresql', offline: true })

describePostgres('PostgresIntrospector and hasTable', () => {
  let database: TestDatabase
  let driver: PostgresDriver
  let connection: PostgresConnection
  const dialect = postgresDialect({ connectionString: 'postgresql://localhost/unused' })
  const introspector = dialect.createIntrospector()
  const adapter = dialect.createAdapter()

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = postgresDialect({ connectionString: database.url }).createDriver()
    connection = await driver.connect()
    const compiler = dialect.createCompiler()
    for (const operation of [
      op.createTable('parent', [op.column('id', 'integer', { primaryKey: true })]),
      op.createTable(
        'child',
        [
          op.column('id', 'bigint', { primaryKey: true, autoincrement: true }),
          op.column('email', 'string', { length: 120, nullable: false, unique: true }),
          op.column('status', 'string', { length: 10, default: "it's" }),
          op.column('score', 'decimal', { precision: 8, scale: 2, default: 0 }),
          op.column('created_at', 'datetime', { withTimezone: true, defaultSql: 'now()' }),
          op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
          op.column('note', 'text', { comment: 'free text' }),
        ],
        { checks: [{ name: 'ck_score', expression: 'score >= 0' }], comment: 'children' },
      ),
      op.createIndex('ix_child_status_score', 'child', ['status', 'score']),
      op.createIndex('ix_child_lower', 'child', [{ expression: 'lower(note)' }], {
        where: 'note IS NOT NULL',
      }),
      op.execute('CREATE VIEW child_view AS SELECT id FROM child'),
      op.execute('CREATE SCHEMA other'),
      op.createTable('elsewhere', [op.column('id', 'integer')], { schema: 'other' }),
    ]) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
  })

  afterAll(async () => {
    await connection?.close()
    await driver?.destroy()
    await database?.drop()
  })

  it('listTables: tables only (no views), sorted; of another schema by name', async () => {
    expect(await introspector.listTables(connection)).toEqual(['child', 'parent'])
    expect(await introspector.listTables(connection, 'other')).toEqual(['elsewhere'])
    expect(await introspector.listTables(connection, 'missing')).toEqual([])
  })

  it('getTable: columns, indexes, constraints and comments', async () => {
    const info = await introspector.getTable(connection, { name: 'child' })
    expect(info?.schema).toBe('public')
    expect(info?.comment).toBe('children')
    expect(info?.columns).toEqual([
      {
        name: 'id',
        type: 'bigint',
        nullable: false,
        defaultSql: null,
        primaryKey: true,
        autoincrement: true,
        comment: null,
      },
      {
        name: 'email',
        type: 'character varying(120)',
        nullable: false,
        defaultSql: null,
        primaryKey: false,
        autoincrement: false,
        comment: null,
      },
      {
        name: 'status',
        type: 'character varying(10)',
        nullable: true,
        defaultSql: "'it''s'::character varying",
        primaryKey: false,
        autoincrement: false,
        comment: null,
      },
      {
        name: 'score',
        type: 'numeric(8,2)',
        nullable: true,
        defaultSql: '0',
        primaryKey: false,
        autoincrement: false,
        comment: null,
      },
      {
        name: 'created_at',
        type: 'timestamp with time zone',
        nullable: true,
        defaultSql: 'now()',
        primaryKey: false,
        autoincrement: false,
        comment: null,
      },
      {
        name: 'parent_id',
        type: 'integer',
        nullable: true,
        defaultSql: null,
        primaryKey: false,
        autoincrement: false,
        comment: null,
      },
      {
        name: 'note',
        type: 'text',
        nullable: true,
        defaultSql: null,
        primaryKey: false,
        autoincrement: false,
        comment: 'free text',
      },
    ])
    expect(info?.indexes).toEqual([
      { name: 'child_email_key', columns: ['email'], unique: true, constraint: true },
      {
        name: 'ix_child_lower',
        columns: ['(lower(note))'],
        unique: false,
        where: 'note IS NOT NULL',
      },
      { name: 'ix_child_status_score', columns: ['status', 'score'], unique: false },
    ])
    expect(info?.constraints.map((c) => [c.name, c.kind, c.columns])).toEqual([
      ['child_email_key', 'unique', ['email']],
      ['child_parent_id_fkey', 'foreignKey', ['parent_id']],
      ['child_pkey', 'primaryKey', ['id']],
      ['ck_score', 'check', ['score']],
    ])
    expect(info?.constraints.find((c) => c.kind === 'foreignKey')?.references).toEqual({
      schema: 'public',
      table: 'parent',
      columns: ['id'],
    })
    expect(info?.foreignKeys).toEqual([
      {
        name: 'child_parent_id_fkey',
        columns: ['parent_id'],
        references: { table: 'parent', columns: ['id'] },
      },
    ])
    expect(info?.constraints.find((c) => c.kind === 'check')?.definition).toBe(
      'CHECK (score >= 0::numeric)',
    )
  })

  it('getTable of a missing table, of a view, and in another schema', async () => {
    expect(await introspector.getTable(connection, { name: 'missing' })).toBeUndefined()
    expect(await introspector.getTable(connection, { name: 'child_view' })).toBeUndefined()
    expect(
      (
        await introspector.getTable(connection, { name: 'elsewhere', schema: 'other' })
      )?.columns.map((c) => c.name),
    ).toEqual(['id'])
    expect(await introspector.getTable(connection, { name: 'elsewhere' })).toBeUndefined()
  })

  it('hasTable: in the current schema or a named one; views do not count', async () => {
    expect(await adapter.hasTable(connection, { name: 'child' })).toBe(true)
    expect(await adapter.hasTable(connection, { name: 'child_view' })).toBe(false)
    expect(await adapter.hasTable(connection, { name: 'elsewhere' })).toBe(false)
    expect(await adapter.hasTable(connection, { name: 'elsewhere', schema: 'other' })).toBe(true)
    expect(await adapter.hasTable(connection, { name: 'child', schema: 'other' })).toBe(false)
  })
})
