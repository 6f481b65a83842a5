import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TableInfo } from '../../core/src/index.js'
import { mysqlDialect } from '../../dialect-mysql/src/index.js'
import {
  createTestDatabase,
  describeMysql,
  type TestDatabase,
} from '../../dialect-mysql/test/helpers/mysql-server.js'
import { createProject } from './helpers/project.js'
import { newRevision, ok, retortJson } from './helpers/in-process.js'

/** Every table but the version tables, as the MySQL introspector reports it. */
async function schemaOf(uri: string): Promise<TableInfo[]> {
  const dialect = mysqlDialect({ uri })
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

// The SQLite session of autogenerate.test.ts on MySQL/MariaDB: the scratch database is a
// temporary database on the same server, dropped afterwards.
describeMysql('revision --autogenerate (MySQL/MariaDB)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let dev: TestDatabase
  let fresh: TestDatabase
  const FIRST = 'ccccccccccc1'
  const AUTO = 'ccccccccccc2'

  beforeAll(async () => {
    dev = await createTestDatabase()
    fresh = await createTestDatabase()
    project = createProject('retort-autogen-my-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    // The default env (no env.ts): the CLI picks the dialect by the URL's scheme.
    rmSync(join(dir, 'migrations/env.ts'))
    writeFileSync(join(dir, 'retort.yaml'), `scriptLocation: migrations\nurl: ${dev.uri}\n`)
    writeFileSync(join(dir, 'fresh.yaml'), `scriptLocation: migrations\nurl: ${fresh.uri}\n`)
    const created = await newRevision(dir, ['-m', 'create account', '--rev-id', FIRST])
    const text = readFileSync(created.path, 'utf8')
      .replace(
        /(export async function upgrade\(op: Operations\) \{)\n\}/,
        `$1\n  op.createTable('account', [\n    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),\n    op.column('email', 'string', { length: 255, nullable: false }),\n  ])\n}`,
      )
      .replace(
        /(export async function downgrade\(op: Operations\) \{)\n\}/,
        `$1\n  op.dropTable('account')\n}`,
      )
    writeFileSync(created.path, text)
    await ok(dir, ['upgrade', 'head'])
  })
  afterAll(async () => {
    project?.cleanup()
    await dev?.drop()
    await fresh?.drop()
  })

  it('writes what was done by hand; it replays on a fresh database and reverses', async () => {
    await dev.admin.query(`CREATE TABLE invoice (
      id INT AUTO_INCREMENT PRIMARY KEY,
      account_id INT NOT NULL,
      total DECIMAL(10, 2) NOT NULL DEFAULT 0,
      code VARCHAR(20) UNIQUE,
      FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
    )`)
    await dev.admin.query('ALTER TABLE account ADD COLUMN nickname VARCHAR(40)')
    await dev.admin.query('ALTER TABLE account MODIFY email VARCHAR(255) NULL')
    await dev.admin.query(
      'CREATE UNIQUE INDEX ux_account_email_nickname ON account (email, nickname)',
    )

    const result = await retortJson<{ path: string; operations: string[]; notes: string[] }>(dir, [
      'revision',
      '--autogenerate',
      '-m',
      'invoice and nickname',
      '--rev-id',
      AUTO,
    ])
    expect(result.operations).toEqual([
      "createTable('invoice')",
      "createIndex('code', 'invoice')",
      "addColumn('account', 'nickname')",
      "alterColumn('account', 'email')",
      "createIndex('ux_account_email_nickname', 'account')",
    ])
    expect(result.notes).toEqual([])
    const text = readFileSync(result.path, 'utf8')
    expect(text).toMatch(
      /\{ name: 'id', type: \{ raw: 'int(\(11\))?' \}, primaryKey: true, autoincrement: true \}/,
    )
    expect(text).toContain("references: { table: 'account', columns: ['id'], onDelete: 'CASCADE' }")
    // The scratch database is gone.
    const [left] = await dev.admin.query(
      "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '%retort\\_autogen\\_%'",
    )
    expect(left).toEqual([])
    await ok(dir, ['stamp', 'head'])

    await ok(dir, ['-c', 'fresh.yaml', 'upgrade', 'head'])
    expect(await schemaOf(fresh.uri)).toEqual(await schemaOf(dev.uri))
    await ok(dir, ['-c', 'fresh.yaml', 'downgrade', '-1'])
    const back = await schemaOf(fresh.uri)
    expect(back.map((t) => t.name)).toEqual(['account'])
    expect(back[0]!.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['email', false],
    ])
    expect(back[0]!.indexes).toEqual([])
  })
})
