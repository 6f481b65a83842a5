import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Operations } from '../../core/src/operations/operations.js'
import { planTableChange, type RebuildSource } from '../src/rebuild/sqlite-rebuild-plan.js'
import { isRebuildStatement, type SqliteRebuildStep } from '../src/rebuild/sqlite-rebuild-step.js'
import { SqliteCompiler } from '../src/sqlite-compiler.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import type { SqliteConnection } from '../src/sqlite-driver.js'
import { SqliteIntrospector } from '../src/sqlite-introspector.js'

const op = new Operations({ dialect: 'sqlite', offline: false })
const compiler = new SqliteCompiler()

/** The rebuild step the compiler plans for an operation. */
function stepOf(operation: Parameters<SqliteCompiler['compile']>[0]): SqliteRebuildStep {
  const statements = compiler.compile(operation)
  const statement = statements.find(isRebuildStatement)
  if (statement === undefined) throw new Error('expected a rebuild step')
  return statement.rebuild
}

const source = (sql: string, more: Partial<RebuildSource> = {}): RebuildSource => ({
  table: 't',
  sql,
  indexes: [],
  triggers: [],
  dependents: [],
  ...more,
})

describe('the compiler plans table changes', () => {
  it('states when the native statement is used', () => {
    const add = stepOf(op.addColumn('t', op.column('b', 'text', { nullable: false })))
    expect(add).toMatchObject({
      nativeWhen: 'emptyTable',
      native: 'ALTER TABLE "t" ADD COLUMN "b" TEXT NOT NULL',
    })
    const drop = stepOf(op.dropColumn('t', 'b'))
    expect(drop).toMatchObject({
      nativeWhen: 'columnUnused',
      native: 'ALTER TABLE "t" DROP COLUMN "b"',
    })
    const alter = stepOf(op.alterColumn('t', 'b', { nullable: false }))
    expect(alter.native).toBeUndefined()
  })

  it('ADD COLUMN natively only on an empty table (offline: unknown rows, so a rebuild)', () => {
    const step = stepOf(op.addColumn('t', op.column('b', 'text', { nullable: false })))
    const table = source('CREATE TABLE t (a TEXT)')
    expect(planTableChange(step, table, { hasRows: false })).toEqual({
      kind: 'native',
      sql: 'ALTER TABLE "t" ADD COLUMN "b" TEXT NOT NULL',
    })
    expect(planTableChange(step, table, { hasRows: true }).kind).toBe('rebuild')
    expect(planTableChange(step, table).kind).toBe('rebuild')
  })

  it('DROP COLUMN natively only when nothing uses the column', () => {
    const step = stepOf(op.dropColumn('t', 'b'))
    const plain = source('CREATE TABLE t (a TEXT, b TEXT)')
    expect(planTableChange(step, plain).kind).toBe('native')
    for (const blocked of [
      source('CREATE TABLE t (a TEXT, b TEXT UNIQUE)'),
      source('CREATE TABLE t (a TEXT, b INTEGER REFERENCES p (id))'),
      source('CREATE TABLE t (a TEXT, b TEXT, CHECK (a <> b))'),
      source('CREATE TABLE t (a TEXT, b TEXT)', {
        indexes: [{ name: 'ix', sql: 'CREATE INDEX ix ON t (b)' }],
      }),
      source('CREATE TABLE t (a TEXT, b TEXT)', {
        dependents: [{ name: 'v', sql: 'CREATE VIEW v AS SELECT b FROM t' }],
      }),
      source('CREATE TABLE t (a TEXT, b TEXT)', {
        triggers: [
          { name: 'tr', sql: 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT new.b; END' },
        ],
      }),
    ]) {
      expect(planTableChange(step, blocked).kind).toBe('rebuild')
    }
  })

  it('a change that leaves the table as it is plans nothing', () => {
    const step = stepOf(op.alterColumn('t', 'a', { nullable: true }))
    expect(planTableChange(step, source('CREATE TABLE t (a TEXT)'))).toEqual({ kind: 'unchanged' })
  })
})

describe('running planned table changes', () => {
  let dir: string
  let connection: SqliteConnection
  let db: Database.Database
  let close: () => Promise<void>
  const introspector = new SqliteIntrospector()

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-rebuild-plan-'))
    const driver = sqliteDialect({ filename: path.join(dir, 'app.db') }).createDriver()
    connection = (await driver.connect()) as SqliteConnection
    db = connection.database
    close = () => driver.destroy()
  })

  afterEach(async () => {
    await close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const rootpage = (name: string) =>
    (
      db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as {
        rootpage: number
      }
    ).rootpage
  async function run(operation: Parameters<SqliteCompiler['compile']>[0]): Promise<void> {
    await connection.begin()
    for (const statement of compiler.compile(operation)) await connection.execute(statement)
    await connection.commit()
  }

  it('the introspector reads what a rebuild starts from', async () => {
    db.exec(`
      CREATE TABLE p (id INTEGER PRIMARY KEY);
      CREATE TABLE t (id INTEGER PRIMARY KEY, b TEXT, p_id INTEGER REFERENCES p (id));
      CREATE TABLE c (t_id INTEGER REFERENCES t (id));
      CREATE INDEX ix_b ON t (b);
      CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
      CREATE VIEW v AS SELECT b FROM t;
    `)
    db.pragma('foreign_keys = OFF')
    db.exec('INSERT INTO c VALUES (7)')
    db.pragma('foreign_keys = ON')
    const read = await introspector.getTableSource(connection, { name: 'T' })
    expect(read).toMatchObject({
      table: 't',
      indexes: [{ name: 'ix_b' }],
      triggers: [{ name: 'tr' }],
      dependents: [{ name: 'v' }],
    })
    expect(await introspector.getTableSource(connection, { name: 'missing' })).toBeUndefined()
    expect(await introspector.hasRows(connection, { name: 't' })).toBe(false)
    expect(await introspector.hasRows(connection, { name: 'c' })).toBe(true)
    expect(await introspector.hasObject(connection, { name: 'IX_B' })).toBe(true)
    expect(await introspector.referencingTables(connection, { name: 't' })).toEqual(['c'])
    const { violations } = await introspector.foreignKeyViolations(connection)
    expect(violations).toEqual([{ table: 'c', rowid: 1, parent: 't' }])
  })

  it('ADD COLUMN NOT NULL runs natively on an empty table and as a rebuild on one with rows', async () => {
    db.exec('CREATE TABLE empty (a TEXT); CREATE TABLE full (a TEXT); INSERT INTO full VALUES (1);')
    const emptyPage = rootpage('empty')
    const fullPage = rootpage('full')
    await run(op.addColumn('empty', op.column('b', 'text', { nullable: false })))
    await run(op.addColumn('full', op.column('b', 'text', { nullable: false, defaultSql: "'x'" })))
    expect(rootpage('empty')).toBe(emptyPage)
    expect(rootpage('full')).not.toBe(fullPage)
    expect(db.prepare('SELECT a, b FROM full').all()).toEqual([{ a: '1', b: 'x' }])
  })

  it('DROP COLUMN of a referencing column runs as a rebuild and keeps the rows', async () => {
    db.exec(`
      CREATE TABLE p (id INTEGER PRIMARY KEY);
      CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, p_id INTEGER REFERENCES p (id));
      INSERT INTO p VALUES (1); INSERT INTO t VALUES (5, 'x', 1);
    `)
    const page = rootpage('t')
    await run(op.dropColumn('t', 'p_id'))
    expect(rootpage('t')).not.toBe(page)
    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 5, a: 'x' }])
    const before = rootpage('t')
    await run(op.dropColumn('t', 'a'))
    expect(rootpage('t')).toBe(before)
    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 5 }])
  })
})
