// An env module that has the application's open better-sqlite3 handle passes it as
// `ctx.runMigrations({ connection })`: Retort migrates through it and leaves it open.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../core/src/env/logger.js'
import { ConfigError } from '../../core/src/errors.js'
import { Migrator } from '../../core/src/migrator.js'
import { tempDirs, versionRows, writeScript } from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const packageJson = fileURLToPath(new URL('../package.json', import.meta.url))

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const at = (level: string) => (message: string) => void lines.push(`${level}: ${message}`)
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** A script directory whose env module runs `body` with `ctx` and `Database` in scope. */
function project(body: string): string {
  const scriptLocation = writeScript(path.join(dirs.make(), 'migrations'), [
    { id: 'aaaa01', down: null },
    { id: 'bbbb02', down: 'aaaa01' },
  ])
  fs.writeFileSync(
    path.join(scriptLocation, 'env.mjs'),
    `import { createRequire } from 'node:module'
const Database = createRequire(${JSON.stringify(packageJson)})('better-sqlite3')
export default { kind: 'env', run: async (ctx) => {
${body}
} }
`,
  )
  return scriptLocation
}

describe('ctx.runMigrations({ connection }) with a better-sqlite3 Database', () => {
  it('migrates through the handle and leaves it open for the application', async () => {
    const filename = path.join(dirs.make(), 'app.db')
    const scriptLocation = project(`
  const db = new Database(ctx.xArgs.file)
  try {
    await ctx.runMigrations({ connection: db })
    const rows = db.prepare('SELECT version_num FROM retort_version').all()
    ctx.logger.info(\`after the run: open=\${db.open} rows=\${JSON.stringify(rows)}\`)
  } finally {
    db.close()
  }`)
    const logger = recordingLogger()
    const migrator = new Migrator({ scriptLocation, xArgs: { file: filename }, logger })
    expect((await migrator.upgrade('heads')).heads).toEqual(['bbbb02'])
    expect(logger.lines).toContain('info: after the run: open=true rows=[{"version_num":"bbbb02"}]')
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect((await migrator.current()).heads).toEqual(['bbbb02'])
  })

  it('offline it compiles with the same dialect', async () => {
    const scriptLocation = project(`
  const db = new Database(':memory:')
  await ctx.runMigrations({ connection: db })
  db.close()`)
    const sql = await new Migrator({ scriptLocation }).upgradeSql('base:heads')
    expect(sql).toContain('-- Retort migration script (sqlite)')
    expect(sql).toContain('CREATE TABLE "t_bbbb02"')
  })

  it('something else, or both a dialect and a connection: an error saying what is accepted', async () => {
    const notAConnection = new Migrator({
      scriptLocation: project(`  await ctx.runMigrations({ connection: { host: 'db' } })`),
    })
    const error = await notAConnection.current().then(
      () => undefined,
      (caught: unknown) => caught as Error,
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect(error?.message).toMatch(
      /^ctx\.runMigrations\(\{ connection \}\) in '.*env\.mjs' got a plain object, which is not a better-sqlite3 Database, a pg Pool or Client, or a mysql2 pool or connection; pass one of those, or \{ dialect \}$/,
    )
    const both = new Migrator({
      scriptLocation: project(`  const db = new Database(':memory:')
  await ctx.runMigrations({ connection: db, dialect: { name: 'x' } })`),
    })
    await expect(both.current()).rejects.toThrow(
      /ctx\.runMigrations\(\) was given both a dialect and a connection in '.*env\.mjs'; pass one of them/,
    )
  })
})
