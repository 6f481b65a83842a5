// Operations without a revision on an application's own better-sqlite3 handle: the rebuild
// an alterColumn needs keeps the ON DELETE CASCADE children of the table, everything runs
// in one transaction, and the version table is never created.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dialectForConnection, Migrator, operate, type MigrationEvent } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { tempDirs, writeScript } from './helpers/runtime-fixture.js'

const dirs = tempDirs()
const open: Database.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
  dirs.cleanup()
})

/** An application database with a parent table and two kinds of cascade children. */
function appDatabase(): { db: Database.Database; filename: string; scriptLocation: string } {
  const dir = dirs.make('retort-operate-')
  const filename = path.join(dir, 'app.db')
  const db = new Database(filename)
  open.push(db)
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  db.exec(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(20));
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
    CREATE TABLE tag (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id) ON DELETE SET NULL);
    INSERT INTO parent VALUES (1, 'a'), (2, 'b');
    INSERT INTO child VALUES (10, 1), (11, 1), (12, 2);
    INSERT INTO tag VALUES (20, 2);
  `)
  const scriptLocation = writeScript(path.join(dir, 'migrations'), [{ id: 'aaaa01', down: null }])
  return { db, filename, scriptLocation }
}

function column(db: Database.Database, table: string, name: string) {
  return (
    db.pragma(`table_info(${table})`) as { name: string; notnull: number; type: string }[]
  ).find((c) => c.name === name)
}

const tableNames = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string
    }[]
  ).map((r) => r.name)

describe('Migrator.operate() on the application handle', () => {
  it('rebuilds the table for alterColumn and keeps the cascade children, without a version table', async () => {
    const { db, scriptLocation } = appDatabase()
    const events: MigrationEvent[] = []
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ database: db }),
      onEvent: (event) => events.push(event),
    })
    const result = await migrator.operate((op) => {
      op.alterColumn('parent', 'name', { nullable: false, type: 'string', length: 80 })
      op.addColumn('child', op.column('note', 'text'))
    })
    expect(result.transactional).toBe(true)
    expect(result.operations.map((o) => o.kind)).toEqual(['alterColumn', 'addColumn'])
    expect(column(db, 'parent', 'name')?.notnull).toBe(1)
    expect(column(db, 'child', 'note')).toBeDefined()
    expect(db.prepare('SELECT id, parent_id FROM child ORDER BY id').all()).toEqual([
      { id: 10, parent_id: 1 },
      { id: 11, parent_id: 1 },
      { id: 12, parent_id: 2 },
    ])
    expect(db.prepare('SELECT id, parent_id FROM tag').all()).toEqual([{ id: 20, parent_id: 2 }])
    expect(tableNames(db)).toEqual(['child', 'parent', 'tag'])
    // The handle stays the application's: open, with its foreign keys back on.
    expect(db.open).toBe(true)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(
      events
        .filter((e) => e.type === 'transaction')
        .map((e) => e.type === 'transaction' && e.action),
    ).toEqual(['begin', 'commit'])
  })

  it('rolls everything back when an operation fails', async () => {
    const { db, scriptLocation } = appDatabase()
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ database: db }) })
    await expect(
      migrator.operate((op) => {
        op.alterColumn('parent', 'name', { nullable: false })
        op.execute('INSERT INTO no_such_table VALUES (1)')
      }),
    ).rejects.toThrow(
      /operations failed at statement `INSERT INTO no_such_table VALUES \(1\)`: no such table: no_such_table; nothing was applied \(rolled back\)/,
    )
    expect(column(db, 'parent', 'name')?.notnull).toBe(0)
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 3 })
  })

  it('reads with op.query() between operations', async () => {
    const { db } = appDatabase()
    await operate(sqliteDialect({ database: db }), async (op) => {
      op.addColumn('parent', op.column('children', 'integer'))
      const rows = await op.query('SELECT parent_id, count(*) AS n FROM child GROUP BY parent_id')
      for (const row of rows)
        op.execute('UPDATE parent SET children = ? WHERE id = ?', [row['n'], row['parent_id']])
    })
    expect(db.prepare('SELECT id, children FROM parent ORDER BY id').all()).toEqual([
      { id: 1, children: 2 },
      { id: 2, children: 1 },
    ])
  })

  it('takes the handle as an adopted connection (dialectForConnection), the function form', async () => {
    const { db, filename } = appDatabase()
    const dialect = await dialectForConnection(db, { baseDir: path.dirname(filename) })
    const result = await operate(dialect, (op) =>
      op.alterColumn('parent', 'name', { nullable: false }),
    )
    expect(result.statements).toBeGreaterThan(0)
    expect(column(db, 'parent', 'name')?.notnull).toBe(1)
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 3 })
  })

  it('{ sql: true } returns the SQL and runs nothing', async () => {
    const { db, scriptLocation } = appDatabase()
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ database: db }) })
    const before = fs.readFileSync(db.name)
    const result = await migrator.operate(
      (op) => {
        op.addColumn('parent', op.column('note', 'text'))
        op.createIndex('ix_child_parent', 'child', ['parent_id'])
      },
      { sql: true },
    )
    expect(result.statements).toBe(2)
    expect(result.sql).toContain(
      'BEGIN;\nALTER TABLE "parent" ADD COLUMN "note" TEXT;\nCREATE INDEX "ix_child_parent" ON "child" ("parent_id");\n',
    )
    expect(result.sql).toMatch(/COMMIT;/)
    expect(result.sql).not.toMatch(/retort_version/)
    expect(column(db, 'parent', 'note')).toBeUndefined()
    expect(fs.readFileSync(db.name)).toEqual(before)
  })

  it('waits for the migration lock that a migration of the same database holds', async () => {
    const { filename, scriptLocation } = appDatabase()
    const order: string[] = []
    let operating: Promise<unknown> | undefined
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename }),
      onEvent: (event) => {
        if (event.type === 'step-start') {
          order.push('migration starts')
          // Started while the migration holds the lock.
          operating = operate(sqliteDialect({ filename }), (op) => {
            order.push('operations built')
            op.addColumn('parent', op.column('extra', 'text'))
          })
        }
        if (event.type === 'step-done') order.push('migration done')
      },
    })
    await migrator.upgrade()
    await operating
    expect(order).toEqual(['migration starts', 'migration done', 'operations built'])
  })
})
