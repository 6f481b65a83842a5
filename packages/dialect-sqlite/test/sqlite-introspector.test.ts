import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '@retort/core'
import { Operations } from '../../core/src/operations/operations.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'

const op = new Operations({ dialect: 'sqlite', offline: false })
const dialect = () => sqliteDialect({ filename })
let dir: string
let filename: string
let connection: Connection

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-'))
  filename = path.join(dir, 'app.db')
  connection = await dialect().createDriver().connect()
  const compiler = dialect().createCompiler()
  const operations = [
    op.createTable('parent', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('name', 'string', { length: 80, nullable: false, unique: true }),
      op.column('note', 'text', { default: "n/a 'x'" }),
      op.column('created', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' }),
    ]),
    op.createTable('pair', [
      op.column('a', 'text', { primaryKey: true }),
      op.column('b', 'text', { primaryKey: true }),
    ]),
    op.createIndex('ix_parent_note', 'parent', ['note', 'created']),
    op.execute('CREATE INDEX ix_parent_lower ON parent (lower(name))'),
    op.execute('CREATE VIEW v_parent AS SELECT * FROM parent'),
  ]
  for (const operation of operations) {
    for (const statement of compiler.compile(operation)) await connection.execute(statement)
  }
})

afterAll(async () => {
  await connection.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('SqliteIntrospector', () => {
  it('lists tables, without internal ones or views', async () => {
    // AUTOINCREMENT creates the internal sqlite_sequence table.
    expect(await dialect().createIntrospector().listTables(connection)).toEqual(['pair', 'parent'])
  })

  it('reads columns and indexes', async () => {
    expect(await dialect().createIntrospector().getTable(connection, { name: 'PARENT' })).toEqual({
      name: 'parent',
      columns: [
        { name: 'id', type: 'INTEGER', nullable: false, defaultSql: null, primaryKey: true },
        { name: 'name', type: 'VARCHAR(80)', nullable: false, defaultSql: null, primaryKey: false },
        {
          name: 'note',
          type: 'TEXT',
          nullable: true,
          defaultSql: "'n/a ''x'''",
          primaryKey: false,
        },
        {
          name: 'created',
          type: 'DATETIME',
          nullable: true,
          defaultSql: 'CURRENT_TIMESTAMP',
          primaryKey: false,
        },
      ],
      indexes: [
        { name: 'ix_parent_lower', columns: ['(expression)'], unique: false },
        { name: 'ix_parent_note', columns: ['note', 'created'], unique: false },
        { name: 'sqlite_autoindex_parent_1', columns: ['name'], unique: true, constraint: true },
      ],
      foreignKeys: [],
      // Read from the CREATE TABLE statement: none here.
      checks: [],
    })
  })

  it('reports a composite primary key and leaves its index out', async () => {
    const pair = await dialect().createIntrospector().getTable(connection, { name: 'pair' })
    expect(pair?.columns.map((c) => [c.name, c.primaryKey, c.nullable])).toEqual([
      ['a', true, false],
      ['b', true, false],
    ])
    expect(pair?.indexes).toEqual([])
  })

  it('reads foreign keys in declaration order, actions canonical, implicit columns empty', async () => {
    const ddl = [
      'CREATE TABLE fk_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE, a TEXT, b TEXT, p2 INTEGER REFERENCES parent, FOREIGN KEY (a, b) REFERENCES pair (a, b) ON UPDATE SET NULL)',
    ]
    for (const sql of ddl) await connection.execute({ sql, parameters: [] })
    try {
      const table = await dialect().createIntrospector().getTable(connection, { name: 'fk_child' })
      expect(table?.foreignKeys).toEqual([
        {
          columns: ['parent_id'],
          references: { table: 'parent', columns: ['id'] },
          onDelete: 'CASCADE',
        },
        { columns: ['p2'], references: { table: 'parent', columns: [''] } },
        {
          columns: ['a', 'b'],
          references: { table: 'pair', columns: ['a', 'b'] },
          onUpdate: 'SET NULL',
        },
      ])
    } finally {
      await connection.execute({ sql: 'DROP TABLE fk_child', parameters: [] })
    }
  })

  it('returns undefined for a missing table or a view', async () => {
    const introspector = dialect().createIntrospector()
    expect(await introspector.getTable(connection, { name: 'missing' })).toBeUndefined()
    expect(await introspector.getTable(connection, { name: 'v_parent' })).toBeUndefined()
  })

  it('binds names: a hostile name is just a missing table', async () => {
    expect(
      await dialect().createIntrospector().getTable(connection, { name: "x') UNION SELECT 1 --" }),
    ).toBeUndefined()
  })
})
