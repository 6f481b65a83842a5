// An env module that has the application's open pg Pool or Client passes it as
// `ctx.runMigrations({ connection })`: Retort migrates through it and leaves it open.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Logger } from '../../core/src/env/logger.js'
import { Migrator } from '../../core/src/migrator.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const packageJson = fileURLToPath(new URL('../package.json', import.meta.url))

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const at = (level: string) => (message: string) => void lines.push(`${level}: ${message}`)
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

describePostgres('ctx.runMigrations({ connection }) with a pg Pool or Client', () => {
  let database: TestDatabase
  let dir: string
  beforeEach(async () => {
    database = await createTestDatabase()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-pg-env-'))
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
const pg = createRequire(${JSON.stringify(packageJson)})('pg')
export default { kind: 'env', run: async (ctx) => {
  ${open}
  try {
    await ctx.runMigrations({ connection })
    const { rows } = await connection.query('SELECT version_num FROM retort_version')
    ctx.logger.info(\`after the run: \${JSON.stringify(rows)}\`)
  } finally {
    await connection.end()
  }
} }
`,
    )
    return path.join(dir, 'migrations')
  }

  for (const [kind, open] of [
    ['Pool', 'const connection = new pg.Pool({ connectionString: ctx.xArgs.url })'],
    [
      'Client',
      // Connected before it is handed over, as an application's client is.
      'const connection = new pg.Client({ connectionString: ctx.xArgs.url })\n  await connection.connect()',
    ],
  ] as const) {
    it(`a ${kind}: migrated through, and still open afterwards`, async () => {
      const scriptLocation = project(open)
      const logger = recordingLogger()
      const migrator = new Migrator({ scriptLocation, xArgs: { url: database.url }, logger })
      expect((await migrator.upgrade('heads')).heads).toEqual(['aaaa01'])
      expect(logger.lines).toContain('info: after the run: [{"version_num":"aaaa01"}]')
      expect(await database.query("SELECT to_regclass('account') IS NOT NULL AS made")).toEqual([
        { made: true },
      ])
    })
  }
})
