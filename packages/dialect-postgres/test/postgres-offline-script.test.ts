// Offline SQL scripts fed to a real PostgreSQL database, statement by statement with pg and
// whole with psql: `CREATE INDEX CONCURRENTLY` in a `transaction = false` revision runs in
// 'all' mode, the dialect's `schema` holds everything the script creates, and a message
// that tries to end its comment line stays a comment.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Config, upgrade } from '@retort/core'
import {
  ACCOUNT_TABLES_YAML,
  codeLinesWith,
  INJECTED,
  LATER_TABLE_YAML,
  linesWith,
  writeScriptDirectory,
} from '../../core/test/helpers/offline-script-fixture.js'
import { postgresDialect } from '../src/postgres-dialect.js'
import { POSTGRES_SQL, splitStatements } from '@retort/core/sql'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const SCHEMA = 'tenant "a"'
const revisions: Record<string, string> = {
  '01_aaaa01.yaml': ACCOUNT_TABLES_YAML,
  '02_bbbb02.yaml': `revision: bbbb02
downRevision: aaaa01
message: "index the emails\\n${INJECTED}"
transaction: false
upgrade:
  - execute: CREATE INDEX CONCURRENTLY ix_account_email ON account (email)
downgrade:
  - execute: DROP INDEX CONCURRENTLY ix_account_email
`,
  '03_cccc03.yaml': LATER_TABLE_YAML,
}

const hasPsql = spawnSync('psql', ['--version'], { encoding: 'utf8' }).status === 0

let database: TestDatabase
let scripts: ReturnType<typeof writeScriptDirectory>
beforeEach(async () => {
  database = await createTestDatabase()
  scripts = writeScriptDirectory(revisions)
})
afterEach(async () => {
  await database.drop()
  scripts.remove()
})

async function script(): Promise<string> {
  const config = new Config({ scriptLocation: scripts.scriptLocation, transactionMode: 'all' })
  const result = await upgrade(config, 'base:heads', {
    sql: true,
    dialect: postgresDialect({ connectionString: database.url, schema: SCHEMA }),
  })
  return result.sql!
}

/** The statements of a script, split at the `;` outside literals and comments. */
function statements(sql: string): string[] {
  return splitStatements(sql, POSTGRES_SQL)
}

/** Runs a script one statement at a time on a session of its own, as psql does. */
async function runWithPg(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    for (const statement of statements(sql)) await client.query(statement)
  } finally {
    await client.end()
  }
}

async function expectMigrated(): Promise<void> {
  const tables = await database.query(
    "SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
  )
  expect(tables).toEqual(
    ['account', 'accounts', 'later', 'retort_version'].map((name) => ({ schema: SCHEMA, name })),
  )
  const index = await database.query(
    'SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = $2',
    ['ix_account_email', SCHEMA],
  )
  expect(index).toEqual([{ valid: true }])
  expect(await database.query('SELECT version_num FROM "tenant ""a""".retort_version')).toEqual([
    { version_num: 'cccc03' },
  ])
  expect(await database.query('SELECT id FROM "tenant ""a""".accounts')).toEqual([{ id: 7 }])
}

describePostgres('an offline PostgreSQL script', () => {
  it("sets the schema, runs CREATE INDEX CONCURRENTLY outside 'all' mode's transaction, keeps the message a comment", async () => {
    const sql = await script()
    const code = sql.split('\n').filter((line) => line !== '' && !line.startsWith('--'))
    expect(code[0]).toMatch(/^DO \$retort\$ BEGIN IF NOT EXISTS .* CREATE SCHEMA "tenant ""a"""/)
    expect(code[1]).toBe('SET search_path TO "tenant ""a""";')
    expect(code[2]).toBe('BEGIN;')
    expect(linesWith(sql, 'CREATE INDEX CONCURRENTLY')).toEqual([
      {
        text: 'CREATE INDEX CONCURRENTLY ix_account_email ON account (email);',
        inTransaction: false,
      },
    ])
    expect(linesWith(sql, 'CREATE TABLE "later"')[0]!.inTransaction).toBe(true)
    expect(codeLinesWith(sql, 'DROP TABLE accounts')).toEqual([])
    expect(linesWith(sql, 'index the emails\\nDROP TABLE accounts; --')).toHaveLength(1)

    await runWithPg(sql)
    await expectMigrated()
  })

  it.runIf(hasPsql)('runs whole with psql, the schema already there', async () => {
    await database.query('CREATE SCHEMA "tenant ""a"""')
    const file = path.join(scripts.root, 'upgrade.sql')
    fs.writeFileSync(file, await script())
    const result = spawnSync(
      'psql',
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file, '-d', database.url],
      { encoding: 'utf8' },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    await expectMigrated()
  })
})
