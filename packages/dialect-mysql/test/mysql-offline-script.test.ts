// Offline SQL scripts fed to a real MariaDB/MySQL database, with mysql2 (multipleStatements)
// and with the mysql client: the script creates the schema, writes no BEGIN/COMMIT around
// DDL (each DDL statement commits there) and says so, and a message that tries to end its
// comment line stays a comment.
import { spawnSync } from 'node:child_process'
import mysql from 'mysql2/promise'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Config, upgrade, type TransactionMode } from '@retort/core'
import {
  ACCOUNT_TABLES_YAML,
  codeLinesWith,
  INJECTED,
  LATER_TABLE_YAML,
  linesWith,
  scriptLines,
  writeScriptDirectory,
} from '../../core/test/helpers/offline-script-fixture.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import {
  createTestDatabase,
  describeMysql,
  SERVER_URL,
  type TestDatabase,
} from './helpers/mysql-server.js'

const revisions: Record<string, string> = {
  '01_aaaa01.yaml': ACCOUNT_TABLES_YAML,
  '02_bbbb02.yaml': `revision: bbbb02
downRevision: aaaa01
message: "index the emails\\n${INJECTED}"
upgrade:
  - createIndex: { name: ix_account_email, table: account, columns: [email] }
`,
  '03_cccc03.yaml': LATER_TABLE_YAML,
}

const hasMysqlClient = spawnSync('mysql', ['--version'], { encoding: 'utf8' }).status === 0

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

async function script(transactionMode: TransactionMode): Promise<string> {
  const config = new Config({ scriptLocation: scripts.scriptLocation, transactionMode })
  const result = await upgrade(config, 'base:heads', {
    sql: true,
    dialect: mysqlDialect({ uri: database.uri }),
  })
  return result.sql!
}

async function expectMigrated(): Promise<void> {
  const [tables] = await database.admin.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
    [database.name],
  )
  expect((tables as { name: string }[]).map((row) => row.name)).toEqual([
    'account',
    'accounts',
    'later',
    'retort_version',
  ])
  const [index] = await database.admin.query(
    'SELECT column_name AS name FROM information_schema.statistics WHERE table_schema = ? AND index_name = ?',
    [database.name, 'ix_account_email'],
  )
  expect(index).toEqual([{ name: 'email' }])
  const [rows] = await database.admin.query('SELECT version_num FROM retort_version')
  expect(rows).toEqual([{ version_num: 'cccc03' }])
  const [accounts] = await database.admin.query('SELECT id FROM accounts')
  expect(accounts).toEqual([{ id: 7 }])
}

describeMysql('an offline MySQL/MariaDB script', () => {
  for (const mode of ['each', 'all'] as const) {
    it(`runs with mysql2, no DDL inside BEGIN/COMMIT, the message a comment ('${mode}')`, async () => {
      const sql = await script(mode)
      for (const line of scriptLines(sql)) {
        if (/^(CREATE|ALTER|DROP)\b/.test(line.text)) {
          expect(line.inTransaction, line.text).toBe(false)
        }
      }
      expect(linesWith(sql, 'commits each DDL statement as it runs')).toHaveLength(1)
      expect(linesWith(sql, 'INSERT INTO `retort_version`')[0]!.inTransaction).toBe(true)
      expect(codeLinesWith(sql, 'DROP TABLE accounts')).toEqual([])
      expect(linesWith(sql, 'index the emails\\nDROP TABLE accounts; --')).toHaveLength(1)

      const connection = await mysql.createConnection({
        uri: database.uri,
        multipleStatements: true,
      })
      try {
        await connection.query(sql)
      } finally {
        await connection.end()
      }
      await expectMigrated()
    })
  }

  it.runIf(hasMysqlClient)('runs whole with the mysql client', async () => {
    const server = new URL(SERVER_URL)
    const result = spawnSync(
      'mysql',
      [
        `--host=${server.hostname}`,
        `--port=${server.port || '3306'}`,
        `--user=${decodeURIComponent(server.username)}`,
        ...(server.password ? [`--password=${decodeURIComponent(server.password)}`] : []),
        database.name,
      ],
      { input: await script('all'), encoding: 'utf8' },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    await expectMigrated()
  })
})
