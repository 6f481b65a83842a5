// Config files, env modules with xArgs, and the caller's logger, on SQLite: everything an
// application needs to run migrations from any working directory without Retort touching
// its console or its process.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig, Migrator, type Logger, type MigrationEvent } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { bundleSources } from './helpers/bundle-sources.js'
import {
  captureOutput,
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
]

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** A logger that keeps what it is told. */
function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const at = (level: string) => (message: string) => void lines.push(`${level}: ${message}`)
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

describe('config from retort.yaml', () => {
  let project: string
  let elsewhere: string
  const env = { APP_DB_NAME: 'inventory', APP_TABLE: 'app_version' }

  beforeEach(() => {
    const root = dirs.make()
    project = path.join(root, 'project')
    elsewhere = path.join(root, 'elsewhere')
    fs.mkdirSync(path.join(project, 'data'), { recursive: true })
    fs.mkdirSync(elsewhere)
    writeScript(path.join(project, 'migrations'), specs)
    fs.writeFileSync(
      path.join(project, 'retort.yaml'),
      [
        'scriptLocation: migrations',
        'url: sqlite:///data/${APP_DB_NAME}.db',
        'versionTable: ${APP_TABLE}',
        'transactionMode: all',
        'settings:',
        '  tenant: acme',
        '',
      ].join('\n'),
    )
  })

  async function upgradeWith(options: Parameters<typeof loadConfig>[0]) {
    const cwdBefore = process.cwd()
    const config = await loadConfig(options)
    expect(config.scriptLocation).toBe(path.join(project, 'migrations'))
    expect(config.settings['tenant']).toBe('acme')
    expect(config.transactionMode).toBe('all')
    const result = await new Migrator({ config }).upgrade('heads')
    expect(result.heads).toEqual(['bbbb02'])
    // Paths were relative to the file, not to a working directory; none was changed.
    const database = path.join(project, 'data', 'inventory.db')
    expect(versionRows(database, 'app_version')).toEqual(['bbbb02'])
    // The ledger is named after the version table.
    expect(tables(database)).toEqual(['app_version', 'app_version_ledger', 't_aaaa01', 't_bbbb02'])
    expect(process.cwd()).toBe(cwdBefore)
    expect(fs.readdirSync(elsewhere)).toEqual([])
  }

  it('found with -c from an unrelated directory', async () => {
    await upgradeWith({ cwd: elsewhere, file: path.join(project, 'retort.yaml'), env })
  })

  it('found through RETORT_CONFIG, relative to cwd', async () => {
    await upgradeWith({ cwd: elsewhere, env: { ...env, RETORT_CONFIG: '../project/retort.yaml' } })
  })

  it('found in the directory passed as cwd', async () => {
    await upgradeWith({ cwd: project, env })
  })
})

describe('an env module', () => {
  // The env module imports core and the dialect. Here they come from a bundle of the
  // sources (by file URL), so the test needs no build; examples/app imports them by package
  // name from a real Node process.
  let bundleUrl: string
  beforeAll(async () => {
    bundleUrl = pathToFileURL(await bundleSources(dirs.make('retort-bundle-'))).href
  })

  let scriptLocation: string
  let dataDir: string
  beforeEach(() => {
    const root = dirs.make()
    scriptLocation = writeScript(path.join(root, 'migrations'), specs)
    dataDir = path.join(root, 'tenants')
    fs.mkdirSync(dataDir)
    fs.writeFileSync(
      path.join(scriptLocation, 'env.mjs'),
      `import path from 'node:path'
import { defineEnv, sqliteDialect } from '${bundleUrl}'

export default defineEnv(async (ctx) => {
  const tenant = ctx.xArgs['tenant']
  if (!tenant) throw new Error('pass xArgs: { tenant }')
  ctx.logger.info(\`env: tenant=\${tenant} region=\${String(ctx.config.settings['region'])} offline=\${ctx.offline}\`)
  const filename = path.join(ctx.xArgs['dataDir'], \`\${tenant}.db\`)
  await ctx.runMigrations({ dialect: sqliteDialect({ filename }), versionTable: \`\${tenant}_version\` })
})
`,
    )
  })

  it('receives xArgs, config keys and the logger, and picks the database', async () => {
    const logger = recordingLogger()
    const migrator = new Migrator({
      scriptLocation,
      config: { settings: { region: 'eu' } },
      xArgs: { tenant: 'acme', dataDir },
      logger,
    })
    const result = await migrator.upgrade('heads')
    expect(result.heads).toEqual(['bbbb02'])
    expect(logger.lines).toContain('info: env: tenant=acme region=eu offline=false')
    expect(versionRows(path.join(dataDir, 'acme.db'), 'acme_version')).toEqual(['bbbb02'])

    const other = new Migrator({ scriptLocation, xArgs: { tenant: 'globex', dataDir } })
    expect((await other.current()).heads).toEqual([])
    // A read creates nothing: globex's database is made by its first write.
    // (The migration lock's sidecar file stays next to a migrated database, by design.)
    expect(
      fs
        .readdirSync(dataDir)
        .filter((name) => name.endsWith('.db'))
        .sort(),
    ).toEqual(['acme.db'])
  })

  it('is told when the run is offline', async () => {
    const logger = recordingLogger()
    const migrator = new Migrator({ scriptLocation, xArgs: { tenant: 'acme', dataDir }, logger })
    const sql = await migrator.upgradeSql('base:heads')
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "acme_version"')
    expect(logger.lines).toContain('info: env: tenant=acme region=undefined offline=true')
    expect(fs.readdirSync(dataDir)).toEqual([])
  })

  it('is not run when the caller passes a dialect', async () => {
    const logger = recordingLogger()
    const filename = path.join(dataDir, 'own.db')
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }), logger })
    expect((await migrator.upgrade('heads')).heads).toEqual(['bbbb02'])
    expect(logger.lines.some((line) => line.includes('env:'))).toBe(false)
    expect(versionRows(filename)).toEqual(['bbbb02'])
  })
})

describe('logging', () => {
  let scriptLocation: string
  let filename: string
  beforeEach(() => {
    const root = dirs.make()
    scriptLocation = writeScript(path.join(root, 'migrations'), specs)
    filename = path.join(root, 'app.db')
  })

  it('goes to the caller logger and events only; nothing reaches stdout or the console', async () => {
    const logger = recordingLogger()
    const events: MigrationEvent[] = []
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename }),
      logger,
      onEvent: (event) => events.push(event),
    })
    const { output } = await captureOutput(async () => {
      await migrator.upgrade('heads')
      await migrator.current()
      await migrator.history({ indicateCurrent: true })
      await migrator.downgrade('base')
      await migrator.stamp('heads')
    })
    expect(output).toEqual([])
    expect(logger.lines).toContain('info: Running upgrade base -> aaaa01: revision aaaa01')
    expect(logger.lines).toContain('info: Running upgrade aaaa01 -> bbbb02: revision bbbb02')
    expect(logger.lines).toContain('info: Running downgrade bbbb02 -> aaaa01: revision bbbb02')
    // The step events, in order (statement and transaction events come between them).
    const steps = events.filter(
      (e): e is Extract<MigrationEvent, { revision: string }> =>
        e.type === 'step-start' || e.type === 'step-done',
    )
    expect(steps.map((e) => [e.type, e.revision, e.direction, e.index, e.total])).toEqual([
      ['step-start', 'aaaa01', 'up', 0, 2],
      ['step-done', 'aaaa01', 'up', 0, 2],
      ['step-start', 'bbbb02', 'up', 1, 2],
      ['step-done', 'bbbb02', 'up', 1, 2],
      ['step-start', 'bbbb02', 'down', 0, 2],
      ['step-done', 'bbbb02', 'down', 0, 2],
      ['step-start', 'aaaa01', 'down', 1, 2],
      ['step-done', 'aaaa01', 'down', 1, 2],
    ])
    for (const event of events)
      if (event.type === 'step-done') expect(typeof event.ms).toBe('number')
  })

  it('is silent by default', async () => {
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    const { output } = await captureOutput(async () => {
      await migrator.upgrade('heads')
      await migrator.downgrade('aaaa01')
      await migrator.upgradeSql('aaaa01:heads')
    })
    expect(output).toEqual([])
  })
})
