import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  newRevision as newRevisionBinary,
  ok as okBinary,
  retort as retortBinary,
  retortJson as retortJsonBinary,
  createProject,
  fillRevision,
  retortOnPath,
} from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

/** Core's built TypeScript loader (`pnpm build` first): what an application run from sources uses. */
const loader = fileURLToPath(
  new URL('../../core/dist/script/typescript-loader.js', import.meta.url),
)

/** Calls `migrateDatabase(filename)` of the app template's migrate.ts in a fresh Node process. */
function runApp(cwd: string, migrate: string, filename: string): { applied: string[] } {
  const script = `
    const { TypeScriptLoader } = await import(${JSON.stringify(pathToFileURL(loader).href)})
    const { migrateDatabase } = await new TypeScriptLoader().import(${JSON.stringify(migrate)})
    const result = await migrateDatabase(${JSON.stringify(filename)})
    console.log(JSON.stringify({ applied: result.applied.map((step) => step.revision) }))
  `
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`migrateDatabase failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as { applied: string[] }
}

// Every env template is initialised and upgraded, so that the templates cannot rot.
describe('env templates', () => {
  let project: ReturnType<typeof createProject> | undefined
  afterEach(() => project?.cleanup())

  it('default: init, revision, upgrade head', async () => {
    project = createProject()
    const { dir } = project
    await ok(dir, ['init', '--template', 'default', 'db'])
    const r = await newRevision(dir, ['-m', 'create account'])
    fillRevision(r.path, 'account')
    expect((await retortJson<{ heads: string[] }>(dir, ['upgrade', 'head'])).heads).toEqual([
      r.revision,
    ])
    expect(existsSync(join(dir, 'db.db'))).toBe(true)
  })

  it('multidb: one env migrates every database, -n selects one', async () => {
    project = createProject()
    const { dir } = project
    await ok(dir, ['init', '--template', 'multidb', 'data'])
    expect(readFileSync(join(dir, 'retort.yaml'), 'utf8')).toContain('databases:')
    const r = await newRevision(dir, ['-m', 'create account'])
    fillRevision(r.path, 'account')
    const result = await retortJson<{
      heads: string[]
      databases: { name: string; heads: string[] }[]
    }>(dir, ['upgrade', 'heads'])
    expect(result.databases.map((d) => [d.name, d.heads])).toEqual([
      ['main', [r.revision]],
      ['audit', [r.revision]],
    ])
    expect(existsSync(join(dir, 'data_main.db'))).toBe(true)
    expect(existsSync(join(dir, 'data_audit.db'))).toBe(true)
    expect(await retortJson(dir, ['-n', 'audit', 'downgrade', 'base'])).toMatchObject({ heads: [] })
    expect(await retortJson(dir, ['current'])).toEqual({
      heads: [],
      databases: [
        { name: 'main', heads: [r.revision] },
        { name: 'audit', heads: [] },
      ],
    })
    const human = await ok(dir, ['current'])
    expect(human).toContain(`main: ${r.revision} (head) create account`)
    expect(human).toContain('audit: base (no revision applied)')
  })

  it('app: the post-write hook runs retort bundle, the index imports every revision, the CLI and the application migrate', () => {
    // Through the binary: the hooks start `retort` from the PATH given to the process.
    project = createProject()
    const { dir } = project
    const env = retortOnPath(dir)
    okBinary(dir, ['init', '--template', 'app', 'src/migrations'], env)
    expect(readFileSync(join(dir, 'retort.yaml'), 'utf8')).toContain(
      'scriptLocation: src/migrations',
    )
    const index = join(dir, 'src/migrations/migrations.generated.ts')
    // The shipped index is what `retort bundle` writes for no revisions.
    expect(okBinary(dir, ['bundle', '--check'], env)).toBe(`${index} is up to date (0 revisions)\n`)

    const r1 = newRevisionBinary(dir, ['-m', 'create account'], env)
    expect(r1.hooks).toEqual([`retort bundle ${r1.path}`])
    fillRevision(r1.path, 'account')
    const r2 = newRevisionBinary(dir, ['-m', 'create invoice'], env)
    fillRevision(r2.path, 'invoice')
    const text = readFileSync(index, 'utf8')
    // One import per revision file, in file-name order.
    expect(text).toMatch(
      new RegExp(`import \\* as r[01] from "\\./versions/${r1.revision}_create_account\\.ts"`),
    )
    expect(text).toMatch(
      new RegExp(`import \\* as r[01] from "\\./versions/${r2.revision}_create_invoice\\.ts"`),
    )
    expect(retortBinary(dir, ['bundle', '--check'], env).code).toBe(0)

    expect(retortJsonBinary<{ heads: string[] }>(dir, ['upgrade', 'head'], env).heads).toEqual([
      r2.revision,
    ])
    expect(existsSync(join(dir, 'migrations-dev.db'))).toBe(true)
    expect(retortBinary(dir, ['check'], env).code).toBe(0)

    // The application's side: migrate.ts with the generated index, no directory read.
    const result = runApp(dir, join(dir, 'src/migrations/migrate.ts'), join(dir, 'user.db'))
    expect(result.applied).toEqual([r1.revision, r2.revision])
  })
})
