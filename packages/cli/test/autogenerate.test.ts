import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TableInfo } from '../../core/src/index.js'
import { sqliteDialect } from '../../dialect-sqlite/src/index.js'
import { createProject } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

interface SqliteHandle {
  exec(sql: string): void
  close(): void
}
// better-sqlite3 as the dialect package resolves it (the CLI package does not depend on it).
const Database = createRequire(
  fileURLToPath(new URL('../../dialect-sqlite/package.json', import.meta.url)),
)('better-sqlite3') as new (filename: string) => SqliteHandle

/** Every table but the version tables, as the SQLite introspector reports it. */
async function schemaOf(filename: string): Promise<TableInfo[]> {
  const dialect = sqliteDialect({ filename })
  const driver = dialect.createDriver()
  const connection = await driver.connect()
  try {
    const introspector = dialect.createIntrospector()
    const tables: TableInfo[] = []
    for (const name of await introspector.listTables(connection)) {
      if (name.startsWith('retort_version')) continue
      tables.push((await introspector.getTable(connection, { name }))!)
    }
    return tables
  } finally {
    await connection.close()
    await driver.destroy()
  }
}

function byHand(filename: string, sql: string): void {
  const db = new Database(filename)
  try {
    db.exec(sql)
  } finally {
    db.close()
  }
}

/** The statements of a TypeScript function body in a revision file. */
function body(text: string, name: 'upgrade' | 'downgrade'): string {
  const match = new RegExp(
    `export async function ${name}\\(op: Operations\\) \\{\\n([\\s\\S]*?)\\n\\}`,
  ).exec(text)
  if (match === null) throw new Error(`no ${name}() in:\n${text}`)
  return match[1]!
}

// A developer changes the dev database by hand; autogenerate writes the revision that
// does the same, and that revision replays (and reverses) on a fresh database.
describe('revision --autogenerate (SQLite)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let dev: string
  let fresh: string
  const FIRST = 'aaaaaaaaaaa1'
  const AUTO = 'aaaaaaaaaaa2'
  const AUTO_YAML = 'aaaaaaaaaaa3'

  beforeAll(async () => {
    project = createProject('retort-autogen-')
    dir = project.dir
    dev = join(dir, 'migrations.db')
    fresh = join(dir, 'fresh.db')
    await ok(dir, ['init', 'migrations'])
    // A second config on the same script directory: a fresh database to replay on.
    writeFileSync(join(dir, 'fresh.yaml'), 'scriptLocation: migrations\nurl: sqlite:///fresh.db\n')
    const created = await newRevision(dir, ['-m', 'create account', '--rev-id', FIRST])
    const text = readFileSync(created.path, 'utf8')
      .replace(
        /(export async function upgrade\(op: Operations\) \{)\n\}/,
        `$1\n  op.createTable('account', [\n    op.column('id', 'integer', { primaryKey: true }),\n    op.column('email', 'string', { length: 255, nullable: false }),\n  ])\n}`,
      )
      .replace(
        /(export async function downgrade\(op: Operations\) \{)\n\}/,
        `$1\n  op.dropTable('account')\n}`,
      )
    writeFileSync(created.path, text)
    await ok(dir, ['upgrade', 'head'])
  })
  afterAll(() => project.cleanup())

  it('refuses when the database matches the revisions, and writes nothing', async () => {
    const run = await retort(dir, ['revision', '--autogenerate', '-m', 'nothing'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(
      'error: the database matches the revisions; nothing to autogenerate',
    )
    expect(
      readdirSync(join(dir, 'migrations/versions')).filter((f) => f.endsWith('.ts')),
    ).toHaveLength(1)
  })

  it('writes the operations that were done by hand, and their reverses', async () => {
    byHand(
      dev,
      `CREATE TABLE invoice (
         id INTEGER PRIMARY KEY,
         account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
         total NUMERIC(10, 2) NOT NULL DEFAULT 0,
         note TEXT
       );
       ALTER TABLE account ADD COLUMN nickname VARCHAR(40);
       CREATE UNIQUE INDEX ux_account_email_nickname ON account (email, nickname);`,
    )
    const result = await retortJson<{
      revision: string
      path: string
      downRevisions: string[]
      operations: string[]
      notes: string[]
    }>(dir, ['revision', '--autogenerate', '-m', 'invoice and nickname', '--rev-id', AUTO])
    expect(result.revision).toBe(AUTO)
    expect(result.downRevisions).toEqual([FIRST])
    expect(result.operations).toEqual([
      "createTable('invoice')",
      "addColumn('account', 'nickname')",
      "createIndex('ux_account_email_nickname', 'account')",
    ])
    expect(result.notes).toEqual([])
    const text = readFileSync(result.path, 'utf8')
    const up = body(text, 'upgrade')
    expect(up.match(/^ {2}op\./gm)).toHaveLength(3)
    expect(up).toContain(
      "  op.createTable('invoice', [\n    { name: 'id', type: { raw: 'INTEGER' }, primaryKey: true },",
    )
    expect(up).toContain("{ name: 'account_id', type: { raw: 'INTEGER' }, nullable: false }")
    expect(up).toContain("references: { table: 'account', columns: ['id'], onDelete: 'CASCADE' }")
    expect(up).toContain(
      "op.addColumn('account', { name: 'nickname', type: { raw: 'VARCHAR(40)' } })",
    )
    expect(up).toContain(
      "op.createIndex('ux_account_email_nickname', 'account', ['email', 'nickname'], { unique: true })",
    )
    const down = body(text, 'downgrade')
    expect(down.match(/^ {2}op\.[a-zA-Z]+/gm)).toEqual([
      '  op.dropIndex',
      '  op.dropColumn',
      '  op.dropTable',
    ])
    // The dev database already has the changes: stamp it, as a developer would.
    await ok(dir, ['stamp', 'head'])
  })

  it('replays on a fresh database to the same schema, and reverses with downgrade -1', async () => {
    await ok(dir, ['-c', 'fresh.yaml', 'upgrade', 'head'])
    expect(await schemaOf(fresh)).toEqual(await schemaOf(dev))
    await ok(dir, ['-c', 'fresh.yaml', 'downgrade', '-1'])
    const schema = await schemaOf(fresh)
    expect(schema.map((t) => t.name)).toEqual(['account'])
    expect(schema[0]!.columns.map((c) => c.name)).toEqual(['id', 'email'])
    expect(schema[0]!.indexes).toEqual([])
  })

  it('refuses a database that is not at the heads', async () => {
    const run = await retort(dir, [
      '-c',
      'fresh.yaml',
      'revision',
      '--autogenerate',
      '-m',
      'behind',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(
      `error: the database is at '${FIRST}' but the head is '${AUTO}'; run 'retort upgrade heads' first`,
    )
  })

  it('writes YAML with --format yaml: column changes, a dropped index and a dropped table', async () => {
    await ok(dir, ['-c', 'fresh.yaml', 'upgrade', 'head'])
    byHand(
      dev,
      `DROP INDEX ux_account_email_nickname;
       CREATE INDEX ix_invoice_account ON invoice (account_id, total);
       CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20) NOT NULL UNIQUE);`,
    )
    // Changing a column in SQLite means a rebuild; do it as a tool would.
    byHand(
      dev,
      `PRAGMA foreign_keys = OFF;
       CREATE TABLE account_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'none', nickname VARCHAR(40));
       INSERT INTO account_new SELECT id, email, nickname FROM account;
       DROP TABLE account;
       ALTER TABLE account_new RENAME TO account;`,
    )
    const result = await retortJson<{ path: string; operations: string[]; notes: string[] }>(dir, [
      'revision',
      '--autogenerate',
      '-m',
      'yaml changes',
      '--rev-id',
      AUTO_YAML,
      '--format',
      'yaml',
    ])
    expect(result.path.endsWith('.yaml')).toBe(true)
    expect(result.operations).toEqual([
      "createTable('tag')",
      "dropIndex('ux_account_email_nickname')",
      "alterColumn('account', 'email')",
      "createIndex('ix_invoice_account', 'invoice')",
    ])
    const text = readFileSync(result.path, 'utf8')
    expect(text).toContain('upgrade:\n  - createTable:\n')
    expect(text).toContain('- { name: label, type: { raw: VARCHAR(20) }, nullable: false }')
    expect(text).toContain('unique:\n        - [ label ]')
    expect(text).toContain('existingType: { raw: VARCHAR(255) }')
    expect(text).not.toMatch(/^downgrade:/m)
    await ok(dir, ['stamp', 'head'])

    await ok(dir, ['-c', 'fresh.yaml', 'upgrade', 'head'])
    expect(await schemaOf(fresh)).toEqual(await schemaOf(dev))
    await ok(dir, ['-c', 'fresh.yaml', 'downgrade', '-1'])
    const back = await schemaOf(fresh)
    expect(back.map((t) => t.name)).toEqual(['account', 'invoice'])
    expect(back[0]!.columns.find((c) => c.name === 'email')).toMatchObject({
      type: 'VARCHAR(255)',
      defaultSql: null,
    })
    expect(back[0]!.indexes.map((i) => i.name)).toEqual(['ux_account_email_nickname'])
    expect(existsSync(fresh)).toBe(true)
  })
})
