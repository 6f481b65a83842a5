// The bundled app: generate the migrations index, bundle with esbuild, copy the single
// file to a directory with no migrations folder, run it there, check the database.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from 'esbuild'
import { buildApp, bundleContents, DEFAULTS } from '../build.mjs'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const packages = fileURLToPath(new URL('../../../packages/', import.meta.url))
const HEAD = 'c2d3e4f5a6b7'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

function run(
  file: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += String(chunk)))
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('examples/bundled', () => {
  it('runs from one bundled file, with no migrations folder, and reaches head', async () => {
    const buildDir = tempDir('retort-build-')
    const outfile = path.join(buildDir, 'app.mjs')
    // The recipe of build.mjs, with @retort/* taken from their sources (the tests need no
    // build; `node build.mjs` bundles their dist/ instead).
    const { revisions, metafile } = await buildApp({
      outfile,
      alias: {
        '@retort/core': path.join(packages, 'core', 'src'),
        '@retort/dialect-sqlite': path.join(packages, 'dialect-sqlite', 'src', 'index.ts'),
      },
    })
    expect(revisions).toEqual(['a0b1c2d3e4f5', 'b1c2d3e4f5a6', HEAD])
    // Migrator from @retort/core/migrator with the revisions as modules: the bundle holds
    // the runtime, and no YAML parser, TypeScript loader or authoring code of core.
    const inputs = Object.keys(metafile.inputs)
    expect(inputs.filter((input) => input.includes('packages/core/src/migrator.ts'))).toHaveLength(
      1,
    )
    const authoring =
      /node_modules\/(yaml|sucrase|es-module-lexer|import-meta-resolve|@dagrejs)\/|packages\/core\/src\/(index|script\/(script-directory|typescript-loader|read-script-header|generate-migrations-index)|commands\/(autogenerate|revision|check|squash)|schema\/(define-schema|load-declared-schema)|operations\/yaml-body)\.ts$/
    expect(inputs.filter((input) => authoring.test(input))).toEqual([])
    expect(bundleContents(metafile).map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['@retort/core', '@retort/dialect-sqlite']),
    )
    expect(fs.readFileSync(DEFAULTS.index, 'utf8')).toContain('export const migrations')
    // One file, which knows nothing of where it was built.
    expect(fs.readdirSync(buildDir)).toEqual(['app.mjs'])
    const bundle = fs.readFileSync(outfile, 'utf8')
    expect(bundle).not.toContain(exampleDir)

    // Somewhere else entirely: the bundle and, for the native module, better-sqlite3.
    const appDir = tempDir('retort-installed-')
    fs.copyFileSync(outfile, path.join(appDir, 'app.mjs'))
    fs.mkdirSync(path.join(appDir, 'node_modules'))
    fs.symlinkSync(
      fs.realpathSync(path.join(exampleDir, 'node_modules', 'better-sqlite3')),
      path.join(appDir, 'node_modules', 'better-sqlite3'),
      'dir',
    )
    expect(fs.readdirSync(appDir).sort()).toEqual(['app.mjs', 'node_modules'])

    const filename = path.join(tempDir('retort-data-'), 'inventory.db')
    const first = await run(path.join(appDir, 'app.mjs'), [filename], '/')
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const report = JSON.parse(first.stdout) as { applied: string[]; heads: string[]; log: string[] }
    expect(report.applied).toEqual(['a0b1c2d3e4f5', 'b1c2d3e4f5a6', HEAD])
    expect(report.heads).toEqual([HEAD])
    expect(report.log).toContain('Running upgrade a0b1c2d3e4f5 -> b1c2d3e4f5a6: create location')

    const db = new Database(filename, { readonly: true })
    expect(db.prepare('SELECT version_num FROM retort_version').all()).toEqual([
      { version_num: HEAD },
    ])
    expect(db.prepare('SELECT label FROM location').all()).toEqual([{ label: 'shelf' }])
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info('item')`).all() as { name: string }[]
    ).map((c) => c.name)
    expect(columns).toEqual(['id', 'name', 'quantity', 'location_id'])
    db.close()

    const second = await run(path.join(appDir, 'app.mjs'), [filename], appDir)
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: [], heads: [HEAD] })
  })

  it('a bundled app that names its database by URL makes the dialect from the packages it bundles', async () => {
    await buildApp({ outfile: path.join(tempDir('retort-build-'), 'app.mjs') })
    // The app passes a config url instead of a dialect, and the dialect packages it bundles:
    // the one rule of core finds none next to the config (there is no project) and takes
    // those, so nothing is imported from a node_modules the bundle does not have.
    const sourceDir = tempDir('retort-url-app-')
    const entry = path.join(sourceDir, 'main.mjs')
    fs.writeFileSync(
      entry,
      `import { Migrator } from '@retort/core/migrator'
import { migrations } from ${JSON.stringify(DEFAULTS.index)}
const migrator = new Migrator({
  migrations,
  config: { url: 'sqlite:///' + process.argv[2] },
  dialectPackages: { '@retort/dialect-sqlite': () => import('@retort/dialect-sqlite') },
})
const result = await migrator.upgrade('heads')
process.stdout.write(JSON.stringify({ applied: result.applied.map((s) => s.revision), messages: result.applied.map((s) => s.message) }) + '\\n')
`,
    )
    const appDir = tempDir('retort-url-installed-')
    await build({
      entryPoints: [entry],
      outfile: path.join(appDir, 'app.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      alias: {
        '@retort/core': path.join(packages, 'core', 'src'),
        '@retort/dialect-sqlite': path.join(packages, 'dialect-sqlite', 'src', 'index.ts'),
      },
      banner: {
        js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
      },
      logLevel: 'warning',
    })
    fs.mkdirSync(path.join(appDir, 'node_modules'))
    fs.symlinkSync(
      fs.realpathSync(path.join(exampleDir, 'node_modules', 'better-sqlite3')),
      path.join(appDir, 'node_modules', 'better-sqlite3'),
      'dir',
    )
    const filename = path.join(tempDir('retort-data-'), 'inventory.db')
    const result = await run(path.join(appDir, 'app.mjs'), [filename], '/')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      applied: ['a0b1c2d3e4f5', 'b1c2d3e4f5a6', HEAD],
      messages: ['create item', 'create location', 'seed the default location'],
    })
  })

  it('a bundle that reads a migrations folder fails saying to pass the modules', async () => {
    // The directory reader is not in the bundle: Migrator says what to pass instead.
    const sourceDir = tempDir('retort-dir-app-')
    const entry = path.join(sourceDir, 'main.mjs')
    fs.writeFileSync(
      entry,
      `import { Migrator } from '@retort/core/migrator'
import { sqliteDialect } from '@retort/dialect-sqlite'
const migrator = new Migrator({ scriptLocation: process.argv[2], dialect: sqliteDialect({ filename: ':memory:' }) })
try {
  await migrator.upgrade('heads')
} catch (error) {
  process.stdout.write(JSON.stringify({ name: error.name, code: error.code, message: error.message }) + '\\n')
}
`,
    )
    const appDir = tempDir('retort-dir-installed-')
    const { metafile } = await build({
      entryPoints: [entry],
      outfile: path.join(appDir, 'app.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      metafile: true,
      alias: {
        '@retort/core': path.join(packages, 'core', 'src'),
        '@retort/dialect-sqlite': path.join(packages, 'dialect-sqlite', 'src', 'index.ts'),
      },
      banner: {
        js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
      },
      logLevel: 'warning',
    })
    expect(
      Object.keys(metafile.inputs).filter((input) => input.includes('script-directory')),
    ).toEqual([])
    fs.mkdirSync(path.join(appDir, 'node_modules'))
    fs.symlinkSync(
      fs.realpathSync(path.join(exampleDir, 'node_modules', 'better-sqlite3')),
      path.join(appDir, 'node_modules', 'better-sqlite3'),
      'dir',
    )
    const result = await run(path.join(appDir, 'app.mjs'), [DEFAULTS.scriptLocation], '/')
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      name: 'ConfigError',
      code: 'config',
      message:
        "reading revisions from a directory ('scriptLocation') is not part of this bundle (core's script-directory.js was left out of it); pass the revisions as modules: new Migrator({ migrations }) with the index generateMigrationsIndex writes",
    })
  })
})
