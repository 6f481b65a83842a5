import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

/** Core's built TypeScript loader (`pnpm build` first): what an application run from sources uses. */
const loader = fileURLToPath(
  new URL('../../core/dist/script/typescript-loader.js', import.meta.url),
)

interface BundleJson {
  file: string
  revisions: number
  changed: boolean
}

/**
 * Imports `file` in a fresh Node process (as an application run from sources would) and
 * returns `[key, revision, typeof upgrade]` for each entry of `migrations`.
 */
function importIndex(cwd: string, file: string): [string, string, string][] {
  const script = `
    const { TypeScriptLoader } = await import(${JSON.stringify(pathToFileURL(loader).href)})
    const mod = await new TypeScriptLoader().import(${JSON.stringify(file)})
    if (mod.default !== mod.migrations) throw new Error('the default export is not migrations')
    console.log(JSON.stringify(Object.entries(mod.migrations).map(([key, m]) => [key, m.revision, typeof m.upgrade])))
  `
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as [string, string, string][]
}

describe('retort bundle', () => {
  let project: ReturnType<typeof createProject> | undefined
  afterEach(() => project?.cleanup())

  /** A default-template project with a TypeScript and a YAML revision. */
  async function setUp(): Promise<{
    dir: string
    index: string
    r1: { revision: string; path: string }
    r2: { revision: string; path: string }
  }> {
    project = createProject('retort-bundle-')
    const { dir } = project
    await ok(dir, ['init', 'db'])
    const r1 = await newRevision(dir, ['-m', 'create account'])
    fillRevision(r1.path, 'account')
    const r2 = await newRevision(dir, ['-m', 'tag', '--format', 'yaml'])
    return { dir, index: join(dir, 'db/migrations.generated.ts'), r1, r2 }
  }

  it('writes the index of every revision, then finds it up to date', async () => {
    const { dir, index, r1, r2 } = await setUp()
    expect(await ok(dir, ['bundle'])).toBe(`wrote ${index} (2 revisions)\n`)
    const text = readFileSync(index, 'utf8')
    expect(text).toMatch(
      new RegExp(`import \\* as r[01] from "\\./versions/${r1.revision}_create_account\\.ts"`),
    )
    // YAML cannot be imported by a bundler: its text is inlined.
    expect(text).toContain(`import { bundledYamlRevision } from "@retort/core/migrator"`)
    // Quoted only when YAML would read the id as something else (a leading digit).
    expect(text).toContain(
      `revision: ${/^[0-9]/.test(r2.revision) ? `'${r2.revision}'` : r2.revision}`,
    )

    expect(await ok(dir, ['bundle'])).toBe(`${index} is up to date (2 revisions)\n`)
    expect(readFileSync(index, 'utf8')).toBe(text)
    expect(await ok(dir, ['bundle', '--check'])).toBe(`${index} is up to date (2 revisions)\n`)
  })

  it('--json prints { file, revisions, changed }', async () => {
    const { dir, index } = await setUp()
    expect(await retortJson<BundleJson>(dir, ['bundle'])).toEqual({
      file: index,
      revisions: 2,
      changed: true,
    })
    expect(await retortJson<BundleJson>(dir, ['bundle'])).toEqual({
      file: index,
      revisions: 2,
      changed: false,
    })
    expect(await retortJson<BundleJson>(dir, ['bundle', '--check'])).toEqual({
      file: index,
      revisions: 2,
      changed: false,
    })
  })

  it('--check exits 1 with one line when the index is missing or stale, and writes nothing', async () => {
    const { dir, index } = await setUp()
    const missing = await retort(dir, ['bundle', '--check'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe(
      `error: the migrations index '${index}' is missing; run 'retort bundle' to write it\n`,
    )
    expect(existsSync(index)).toBe(false)

    await ok(dir, ['bundle'])
    const before = readFileSync(index, 'utf8')
    await newRevision(dir, ['-m', 'add note'])
    const stale = await retort(dir, ['bundle', '--check'])
    expect(stale.code).toBe(1)
    expect(stale.stderr).toBe(
      `error: the migrations index '${index}' is out of date; run 'retort bundle' to update it\n`,
    )
    expect(readFileSync(index, 'utf8')).toBe(before)

    const json = await retort(dir, ['--json', 'bundle', '--check'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({ file: index, revisions: 3, changed: true })
    expect(json.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('the generated module exports every revision, keyed by path, in directory order', async () => {
    const { dir, index, r1, r2 } = await setUp()
    await ok(dir, ['bundle'])
    const entries = importIndex(dir, index)
    const history = await retortJson<{ revision: string; path: string }[]>(dir, ['history'])
    expect(entries.map(([, revision]) => revision).sort()).toEqual(
      history.map((r) => r.revision).sort(),
    )
    expect(entries).toEqual(
      [
        [`versions/${r1.revision}_create_account.ts`, r1.revision, 'function'],
        [`versions/${r2.revision}_tag.yaml`, r2.revision, 'function'],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    )
  })

  it("writes where --out or the config key bundleIndex says, and ignores a hook's file argument", async () => {
    const { dir } = await setUp()
    const config = join(dir, 'retort.yaml')
    writeFileSync(config, `${readFileSync(config, 'utf8')}bundleIndex: src/gen/migrations.ts\n`)
    const configured = join(dir, 'src/gen/migrations.ts')
    expect(
      (await retortJson<BundleJson>(dir, ['bundle', join(dir, 'db/versions/whatever.ts')])).file,
    ).toBe(configured)
    expect(readFileSync(configured, 'utf8')).toMatch(
      /from "\.\.\/\.\.\/db\/versions\/[0-9a-f]+_create_account\.ts"/,
    )
    expect(existsSync(join(dir, 'db/migrations.generated.ts'))).toBe(false)

    expect(
      (
        await retortJson<BundleJson>(join(dir, 'src'), [
          '-c',
          config,
          'bundle',
          '--out',
          'other.ts',
        ])
      ).file,
    ).toBe(join(dir, 'src/other.ts'))
    expect(importIndex(dir, join(dir, 'src/other.ts'))).toHaveLength(2)

    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('bundleIndex: src/gen/migrations.ts', 'bundleIndex: 3'),
    )
    const bad = await retort(dir, ['bundle'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(`'bundleIndex' must be a file path`)
  })

  it('a broken graph fails before anything is written', async () => {
    const { dir, index, r1 } = await setUp()
    rmSync(r1.path)
    const result = await retort(dir, ['bundle'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*\n$/)
    expect(result.stderr).toContain(r1.revision)
    expect(existsSync(index)).toBe(false)
  })
})
