// Offline SQL scripts fed to a real SQLite database with foreign keys ON: a table rebuild
// keeps the ON DELETE CASCADE children of the rebuilt table, a `transaction = false`
// revision runs outside BEGIN ... COMMIT in every mode, a broken foreign key rolls the
// transaction back and fails the script, and user text (a message, a path) stays in its
// comment line.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Config, upgrade, type TransactionMode } from '@retort/core'
import {
  codeLinesWith,
  INJECTED,
  linesWith,
  scriptLines,
  writeScriptDirectory,
} from '../../core/test/helpers/offline-script-fixture.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'

const revisions: Record<string, string> = {
  '01_aaaa01.yaml': `revision: aaaa01
downRevision: null
message: the tables
upgrade:
  - createTable:
      name: parent
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: name, type: text }
  - createTable:
      name: child
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: parent_id, type: integer, nullable: false, references: { table: parent, column: id, onDelete: CASCADE } }
  - createTable: { name: accounts, columns: [{ name: id, type: integer, primaryKey: true }] }
`,
  '02_bbbb02.yaml': `revision: bbbb02
downRevision: aaaa01
message: some rows
upgrade:
  - bulkInsert: { table: parent, rows: [{ id: 1, name: a }, { id: 2, name: b }] }
  - bulkInsert: { table: child, rows: [{ id: 1, parent_id: 1 }, { id: 2, parent_id: 1 }, { id: 3, parent_id: 2 }] }
  - bulkInsert: { table: accounts, rows: [{ id: 7 }] }
downgrade:
  - execute: DELETE FROM child
  - execute: DELETE FROM parent
  - execute: DELETE FROM accounts
`,
  // The message is the injection of the issue: a newline, then a statement.
  '03_cccc03.yaml': `revision: cccc03
downRevision: bbbb02
message: "name is required\\n${INJECTED}"
upgrade:
  - alterColumn:
      table: parent
      name: name
      nullable: false
      tableDefinition:
        columns:
          - { name: id, type: integer, primaryKey: true }
          - { name: name, type: text }
downgrade: []
`,
  '04_dddd04.yaml': `revision: dddd04
downRevision: cccc03
message: an index, outside a transaction
transaction: false
upgrade:
  - createIndex: { name: ix_child_parent, table: child, columns: [parent_id] }
`,
  '05_eeee05.yaml': `revision: eeee05
downRevision: dddd04
message: one more table
upgrade:
  - createTable: { name: later, columns: [{ name: id, type: integer, primaryKey: true }] }
`,
  '06_ffff06.yaml': `revision: ffff06
downRevision: eeee05
message: delete a parent without its children
upgrade:
  - execute: DELETE FROM parent WHERE id = 2
downgrade: []
`,
}

const hasSqlite3Cli = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0

let scripts: ReturnType<typeof writeScriptDirectory>
let scriptLocation: string
let filename: string
beforeEach(() => {
  // The path is user text that reaches the script's comments too.
  scripts = writeScriptDirectory(revisions, `migrations\n${INJECTED}`)
  scriptLocation = scripts.scriptLocation
  filename = path.join(scripts.root, 'app.db')
})
afterEach(() => scripts.remove())

async function script(range: string, transactionMode: TransactionMode): Promise<string> {
  const config = new Config({ scriptLocation, transactionMode })
  const result = await upgrade(config, range, {
    sql: true,
    dialect: sqliteDialect({ filename }),
  })
  return result.sql!
}

/** Runs a script with better-sqlite3, foreign keys ON before it (better-sqlite3's default too). */
function runWithBetterSqlite(sql: string): { foreignKeysAfter: unknown } {
  const db = new Database(filename)
  try {
    db.pragma('foreign_keys = ON')
    db.exec(sql)
    return { foreignKeysAfter: db.pragma('foreign_keys', { simple: true }) }
  } finally {
    db.close()
  }
}

/** Runs a script with the sqlite3 shell, foreign keys ON before it. */
function runWithSqlite3(sql: string, bail = true) {
  return spawnSync(
    'sqlite3',
    [...(bail ? ['-bail'] : []), '-cmd', 'PRAGMA foreign_keys = ON', filename],
    { input: sql, encoding: 'utf8' },
  )
}

function read<T>(query: string): T[] {
  const db = new Database(filename, { readonly: true })
  try {
    return db.prepare(query).all() as T[]
  } finally {
    db.close()
  }
}

function expectMigratedTo(version: string): void {
  expect(read<{ id: number }>('SELECT id FROM child ORDER BY id').map((r) => r.id)).toEqual([
    1, 2, 3,
  ])
  expect(read<{ id: number }>('SELECT id FROM accounts')).toEqual([{ id: 7 }])
  const name = read<{ name: string; notnull: number }>('PRAGMA table_info(parent)').find(
    (column) => column.name === 'name',
  )
  expect(name?.notnull).toBe(1)
  expect(read<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")).toEqual(
    expect.arrayContaining([{ name: 'ix_child_parent' }]),
  )
  expect(read<{ version_num: string }>('SELECT version_num FROM retort_version')).toEqual([
    { version_num: version },
  ])
  expect(read('PRAGMA foreign_key_check')).toEqual([])
}

describe('an offline SQLite script run with foreign keys ON', () => {
  for (const mode of ['all', 'each'] as const) {
    it(`keeps the children of a rebuilt table, runs transaction = false outside a transaction ('${mode}')`, async () => {
      const sql = await script('base:eeee05', mode)

      // The script switches foreign keys off before any transaction and on at the end.
      const lines = scriptLines(sql).filter((line) => !line.text.startsWith('--'))
      expect(lines.find((line) => line.text !== '')?.text).toBe('PRAGMA foreign_keys = OFF;')
      expect(lines.filter((line) => line.text !== '').at(-1)?.text).toBe(
        'PRAGMA foreign_keys = ON;',
      )
      // The rebuild is checked before its COMMIT, inside the transaction.
      const check = linesWith(sql, 'pragma_foreign_key_check')
      expect(check.every((line) => line.inTransaction)).toBe(true)
      // The transaction = false revision: its statement outside, its version row inside.
      expect(linesWith(sql, 'CREATE INDEX "ix_child_parent"')).toEqual([
        { text: 'CREATE INDEX "ix_child_parent" ON "child" ("parent_id");', inTransaction: false },
      ])
      expect(linesWith(sql, `SET "version_num" = 'dddd04'`)[0]!.inTransaction).toBe(true)
      expect(linesWith(sql, 'CREATE TABLE "later"')[0]!.inTransaction).toBe(true)
      expect(linesWith(sql, 'DROP TABLE "parent"')[0]!.inTransaction).toBe(true)
      // The message and the path stay inside their comment line.
      expect(codeLinesWith(sql, 'DROP TABLE accounts')).toEqual([])
      expect(linesWith(sql, 'name is required\\nDROP TABLE accounts; --')).toHaveLength(1)

      const { foreignKeysAfter } = runWithBetterSqlite(sql)
      expect(foreignKeysAfter).toBe(1)
      expectMigratedTo('eeee05')
    })
  }

  it("in mode 'none' too, with the foreign-key check at the end", async () => {
    const sql = await script('base:eeee05', 'none')
    expect(sql).not.toMatch(/^(BEGIN|COMMIT);$/m)
    expect(linesWith(sql, 'pragma_foreign_key_check')).toHaveLength(1)
    runWithBetterSqlite(sql)
    expectMigratedTo('eeee05')
  })

  it('a broken foreign key rolls the transaction back and fails the script', async () => {
    runWithBetterSqlite(await script('base:eeee05', 'each'))
    const sql = await script('eeee05:ffff06', 'each')
    expect(() => runWithBetterSqlite(sql)).toThrow(
      'CHECK constraint failed: a foreign key has no parent row',
    )
    expect(read('SELECT id FROM parent ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
    expectMigratedTo('eeee05')
  })

  describe.runIf(hasSqlite3Cli)('with the sqlite3 shell', () => {
    it("keeps the children in 'all' mode, and its injection stays a comment", async () => {
      const result = runWithSqlite3(await script('base:eeee05', 'all'))
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      expectMigratedTo('eeee05')
    })

    it('a broken foreign key rolls back even in a session that goes on after errors', async () => {
      expect(runWithSqlite3(await script('base:eeee05', 'each')).status).toBe(0)
      const result = runWithSqlite3(await script('eeee05:ffff06', 'each'), false)
      expect(result.stderr).toContain('CHECK constraint failed: a foreign key has no parent row')
      expect(read('SELECT id FROM parent ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
      expectMigratedTo('eeee05')
    })
  })
})
