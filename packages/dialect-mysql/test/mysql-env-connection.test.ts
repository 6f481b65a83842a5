// An env module that has the application's open mysql2 pool or connection passes it as
// `ctx.runMigrations({ connection })`: Retort migrates through it and leaves it open.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Logger } from '../../core/src/env/logger.js'
import { Migrator } from '../../core/src/migrator.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const packageJson = fileURLToPath(new URL('../package.json', import.meta.url))

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const at = (level: string) => (message: string) => void lines.push(`${level}: ${message}`)
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

describeMysql('ctx.runMigrations({ connection }) with a mysql2 pool or connection', () => {
  let database: TestDatabase
  let dir: string
  beforeEach(async () => {
    database = await createTestDatabase()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-mysql-env-'))
  })
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    await database?.drop()
  })

  /** A script directory whose env module opens the application's `connection` and passes it. */
  function project(open: string): string {
    const versions = path.join(dir, 'migrations', 'versions')
    fs.mkdirSync(versions, { recursive: true })
    fs.writeFileSync(
      path.join(versions, '01_a.yaml'),
      'revision: aaaa01\ndownRevision: null\nupgrade:\n  - createTable: { name: account, columns: [{ name: id, type: integer, primaryKey: true }] }\n',
    )
    fs.writeFileSync(
      path.join(dir, 'migrations', 'env.mjs'),
      `import { createRequire } from 'node:module'
const require = createRequire(${JSON.stringify(packageJson)})
const mysql = require('mysql2')
const mysqlPromise = require('mysql2/promise')
export default { kind: 'env', run: async (ctx) => {
  ${open}
  const promised = typeof connection.promise === 'function' ? connection.promise() : connection
  try {
    await ctx.runMigrations({ connection })
    // The application's own use of it afterwards (through the promise API either way).
    const [rows] = await promised.query('SELECT version_num FROM retort_version')
    ctx.logger.info(\`after the run: \${JSON.stringify(rows.map((row) => ({ ...row })))}\`)
  } finally {
    await promised.end()
  }
} }
`,
    )
    return path.join(dir, 'migrations')
  }

  for (const [kind, open] of [
    ['pool (callback API)', 'const connection = mysql.createPool({ uri: ctx.xArgs.url })'],
    [
      'connection (callback API)',
      'const connection = mysql.createConnection({ uri: ctx.xArgs.url })',
    ],
    ['pool (promise API)', 'const connection = mysqlPromise.createPool({ uri: ctx.xArgs.url })'],
    [
      'connection (promise API)',
      'const connection = await mysqlPromise.createConnection({ uri: ctx.xArgs.url })',
    ],
  ] as const) {
    it(`a ${kind}: migrated through, and still open afterwards`, async () => {
      const scriptLocation = project(open)
      const logger = recordingLogger()
      const migrator = new Migrator({ scriptLocation, xArgs: { url: database.uri }, logger })
      expect((await migrator.upgrade('heads')).heads).toEqual(['aaaa01'])
      expect(logger.lines).toContain('info: after the run: [{"version_num":"aaaa01"}]')
      const [tables] = (await database.admin.query('SHOW TABLES LIKE ?', [
        'account',
      ])) as unknown as [unknown[]]
      expect(tables).toHaveLength(1)
    })
  }
})
