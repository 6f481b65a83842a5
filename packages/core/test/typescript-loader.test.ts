import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadEnvModule } from '../src/env/load-env-module.js'
import type { Revision } from '../src/revision.js'
import { ScriptDirectory } from '../src/script/script-directory.js'
import { defaultCacheDirectory, TypeScriptLoader } from '../src/script/typescript-loader.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A fresh directory with `files` (relative path -> text) and its own cache directory. */
function project(files: Record<string, string>): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'retort-ts-loader-'))
  roots.push(root)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return { root, cache: join(root, 'cache') }
}

type Namespace = Record<string, unknown>

async function load(loader: TypeScriptLoader, path: string): Promise<Namespace> {
  return (await loader.import(path)) as Namespace
}

describe('TypeScriptLoader', () => {
  it('imports relative TypeScript and JavaScript files the way TypeScript resolves them', async () => {
    const { root, cache } = project({
      'main.ts': [
        `import type { Operations } from '@retort/core'`,
        `import { a } from './lib/a'`,
        `import { b } from './lib/b.js'`,
        `import { c } from './lib/c.ts'`,
        `import { d } from './lib/d.mjs'`,
        `import { e } from './lib'`,
        `export const values: string[] = [a, b, c, d, e]`,
        `export const later = async (): Promise<string> => (await import('./lib/a')).a`,
        `export function upgrade(op: Operations): void {}`,
      ].join('\n'),
      'lib/a.ts': `export const a: string = 'a'\n`,
      'lib/b.ts': `import { c } from './c'\nexport const b: string = 'b' + c.length\n`,
      'lib/c.ts': `export const c: string = 'c'\n`,
      'lib/d.mjs': `export const d = 'd'\n`,
      'lib/index.ts': `export const e: string = 'e'\n`,
    })
    const module = await load(
      new TypeScriptLoader({ cacheDirectory: cache }),
      join(root, 'main.ts'),
    )
    expect(module['values']).toEqual(['a', 'b1', 'c', 'd', 'e'])
    expect(await (module['later'] as () => Promise<string>)()).toBe('a')
  })

  it("gives a module the import.meta of its .ts file and the file's lines in stacks", async () => {
    const { root, cache } = project({
      'meta.ts': [
        `export const url: string = import.meta.url`,
        `export const dir: string = import.meta.dirname`,
        `interface Unused { x: number }`,
        `export function fail(): never {`,
        `  throw new Error('on line 5')`,
        `}`,
      ].join('\n'),
    })
    const path = join(root, 'meta.ts')
    const module = await load(new TypeScriptLoader({ cacheDirectory: cache }), path)
    expect(module['url']).toBe(pathToFileURL(path).href)
    expect(module['dir']).toBe(root)
    let stack = ''
    try {
      ;(module['fail'] as () => never)()
    } catch (error) {
      stack = (error as Error).stack ?? ''
    }
    // Line 5 of the .ts file (the stack names the .ts file in plain Node: see the test of the
    // built core below; the test runner here shows the compiled file instead).
    expect(stack).toMatch(/at Module\.fail \(.*:5:\d+\)/)
  })

  it('resolves @retort/core to this copy of core, for values and subpaths', async () => {
    const { root, cache } = project({
      'uses-core.ts': [
        `import { defineEnv, Operations } from '@retort/core'`,
        `import { ConfigError } from '@retort/core/errors'`,
        `export const kinds: string[] = [typeof defineEnv, typeof Operations, typeof ConfigError]`,
      ].join('\n'),
    })
    const module = await load(
      new TypeScriptLoader({ cacheDirectory: cache }),
      join(root, 'uses-core.ts'),
    )
    expect(module['kinds']).toEqual(['function', 'function', 'function'])
  })

  it('keeps compiled files in the cache and compiles an edited file again', async () => {
    const { root, cache } = project({ 'v.ts': `export const value: number = 1\n` })
    const path = join(root, 'v.ts')
    const loader = new TypeScriptLoader({ cacheDirectory: cache })
    expect((await load(loader, path))['value']).toBe(1)
    const entries = readdirSync(cache)
    expect(entries).toHaveLength(1)
    // The same file again: the same entry, the same module.
    expect(await load(new TypeScriptLoader({ cacheDirectory: cache }), path)).toBe(
      await load(loader, path),
    )
    expect(readdirSync(cache)).toEqual(entries)
    writeFileSync(path, `export const value: number = 2\n`)
    expect((await load(loader, path))['value']).toBe(2)
    expect(readdirSync(cache)).toHaveLength(2)
  })

  it('sees an edited import even when the importing file did not change', async () => {
    const { root, cache } = project({
      'main.ts': `import { n } from './dep'\nexport const value: number = n\n`,
      'dep.ts': `export const n: number = 1\n`,
    })
    const path = join(root, 'main.ts')
    expect((await load(new TypeScriptLoader({ cacheDirectory: cache }), path))['value']).toBe(1)
    writeFileSync(join(root, 'dep.ts'), `export const n: number = 2\n`)
    expect((await load(new TypeScriptLoader({ cacheDirectory: cache }), path))['value']).toBe(2)
  })

  it('loads correctly without a usable cache directory, writing nothing', async () => {
    const { root } = project({
      'main.ts': `import { n } from './dep'\nexport const value: number = n + 1\n`,
      'dep.ts': `export const n: number = 41\n`,
      'not-a-directory': 'a file',
    })
    const path = join(root, 'main.ts')
    // A cache path below a regular file cannot be created (even by root, unlike a
    // read-only mode), which is what a read-only or missing cache looks like to the loader.
    const blocked = join(root, 'not-a-directory', 'cache')
    for (const cacheDirectory of [blocked, false] as const) {
      expect((await load(new TypeScriptLoader({ cacheDirectory }), path))['value']).toBe(42)
    }
    expect(readdirSync(root).sort()).toEqual(['dep.ts', 'main.ts', 'not-a-directory'])
  })

  it('names the file for a syntax error and a missing import', async () => {
    const { root, cache } = project({
      'broken.ts': `export const x: number = \n`,
      'missing.ts': `import './not-there'\nexport const y = 1\n`,
    })
    const loader = new TypeScriptLoader({ cacheDirectory: cache })
    await expect(loader.import(join(root, 'broken.ts'))).rejects.toThrow(
      `in '${join(root, 'broken.ts')}'`,
    )
    await expect(loader.import(join(root, 'missing.ts'))).rejects.toThrow(
      `cannot find './not-there' imported from '${join(root, 'missing.ts')}'; correct the path`,
    )
  })

  it('loads TypeScript files that import each other; without a cache it says why it cannot', async () => {
    const { root, cache } = project({
      'a.ts': `import { b } from './b'\nexport const a = (): string => 'a' + b()\n`,
      'b.ts': `import { a } from './a'\nexport const b = (): string => 'b'\nexport const viaA = () => a()\n`,
    })
    const module = await load(new TypeScriptLoader({ cacheDirectory: cache }), join(root, 'a.ts'))
    expect((module['a'] as () => string)()).toBe('ab')
    await expect(
      new TypeScriptLoader({ cacheDirectory: false }).import(join(root, 'a.ts')),
    ).rejects.toThrow(
      `'${join(root, 'a.ts')}' is part of an import cycle (or a large graph) of TypeScript files`,
    )
  })

  it('loads a deep graph of shared files, whose nested data: URLs would repeat each file per path', async () => {
    // 24 layers of two files, each importing both files of the layer below: 2^24 paths.
    const files: Record<string, string> = {
      'l24a.ts': 'export const v = 1\n',
      'l24b.ts': 'export const v = 1\n',
    }
    for (let i = 23; i >= 0; i--) {
      const body = `import { v as a } from './l${i + 1}a'\nimport { v as b } from './l${i + 1}b'\nexport const v: number = a + b\n`
      files[`l${i}a.ts`] = body
      files[`l${i}b.ts`] = body
    }
    const { root, cache } = project(files)
    const module = await load(new TypeScriptLoader({ cacheDirectory: cache }), join(root, 'l0a.ts'))
    expect(module['v']).toBe(2 ** 24)
  })

  it('keeps its cache under the nearest node_modules, else in a directory of its own in tmp', () => {
    const { root } = project({ 'app/node_modules/.keep': '', 'app/migrations/versions/.keep': '' })
    expect(defaultCacheDirectory(join(root, 'app', 'migrations', 'versions'))).toBe(
      join(root, 'app', 'node_modules', '.cache', 'retort'),
    )
    const bare = mkdtempSync('/tmp/retort-ts-loader-bare-')
    roots.push(bare)
    const shared = defaultCacheDirectory(bare)
    expect(dirname(shared)).toBe(tmpdir())
    expect(shared.startsWith(join(tmpdir(), 'retort-cache-'))).toBe(true)
  })
})

/** The globals a loader could change, as comparable data. */
function processState(): Record<string, unknown> {
  const events = ['exit', 'uncaughtException', 'unhandledRejection', 'warning', 'SIGINT']
  return {
    stackTraceLimit: Error.stackTraceLimit,
    prepareStackTrace: Error.prepareStackTrace,
    listeners: events.map((event) => process.listenerCount(event)),
    globals: Object.getOwnPropertyNames(globalThis).sort(),
    sourceMaps: process.execArgv.includes('--enable-source-maps'),
  }
}

describe('loading TypeScript leaves the process as it was', () => {
  it('keeps Error.stackTraceLimit, listeners and globals after loading revisions and an env.ts', async () => {
    const { root } = project({
      'versions/a.ts': [
        `import type { Operations } from '@retort/core'`,
        `export const revision = 'a1'`,
        `export const downRevision = null`,
        `export async function upgrade(op: Operations): Promise<void> { op.dropTable('t') }`,
      ].join('\n'),
      'env.ts': [
        `import { defineEnv } from '@retort/core'`,
        `export default defineEnv(async (ctx) => { await ctx.runMigrations({}) })`,
      ].join('\n'),
    })
    Error.stackTraceLimit = 10
    const before = processState()
    const directory = ScriptDirectory.open({ scriptLocation: root })
    await directory.load(directory.revisions[0] as Revision)
    await loadEnvModule(join(root, 'env.ts'))
    expect(processState()).toEqual(before)
  })

  it('in a plain Node process running the built core, nothing changes either', () => {
    const dist = fileURLToPath(new URL('../dist/', import.meta.url))
    if (!existsSync(join(dist, 'index.js'))) throw new Error(`build core first: no ${dist}`)
    const { root } = project({
      'versions/a.ts': [
        `import { Operations } from '@retort/core'`,
        `export const revision = 'a1'`,
        `export const downRevision = null`,
        `export const sameCore = (value: unknown): boolean => value === Operations`,
        `interface Unused { x: number }`,
        `export function fail(): never { throw new Error('on line 6') }`,
        `export async function upgrade(op: Operations): Promise<void> { op.dropTable('t') }`,
      ].join('\n'),
      'env.ts': [
        `import { defineEnv } from '@retort/core'`,
        `export default defineEnv(async (ctx) => { await ctx.runMigrations({}) })`,
      ].join('\n'),
      'node_modules/.keep': '',
    })
    const script = `
      import { createRequire } from 'node:module'
      const core = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)})
      const { loadEnvModule } = await import(${JSON.stringify(pathToFileURL(join(dist, 'env', 'load-env-module.js')).href)})
      const require = createRequire(import.meta.url)
      const state = () => JSON.stringify({
        stackTraceLimit: Error.stackTraceLimit,
        prepareStackTrace: typeof Error.prepareStackTrace,
        listeners: ['exit', 'uncaughtException', 'unhandledRejection', 'warning', 'SIGINT'].map((e) => process.listenerCount(e)),
        extensions: Object.keys(require.extensions).sort(),
        globals: Object.getOwnPropertyNames(globalThis).sort(),
      })
      const before = state()
      const directory = core.ScriptDirectory.open({ scriptLocation: ${JSON.stringify(root)} })
      const body = await directory.load(directory.revisions[0])
      const env = await loadEnvModule(${JSON.stringify(join(root, 'env.ts'))})
      const after = state()
      const { TypeScriptLoader } = await import(${JSON.stringify(pathToFileURL(join(dist, 'script', 'typescript-loader.js')).href)})
      const module = await new TypeScriptLoader().import(${JSON.stringify(join(root, 'versions', 'a.ts'))})
      let stack = ''
      try { module.fail() } catch (error) { stack = error.stack }
      console.log(JSON.stringify({ same: before === after, before, after, env: env.kind, upgrade: typeof body.upgrade, sameCore: module.sameCore(core.Operations), stack }))
    `
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    const result = JSON.parse(output.trim().split('\n').pop() as string) as Record<string, unknown>
    expect(result).toMatchObject({ same: true, env: 'env', upgrade: 'function', sameCore: true })
    expect(result['stack']).toContain(`${pathToFileURL(join(root, 'versions', 'a.ts')).href}:6:`)
    // The cache went to the project's node_modules.
    expect(readdirSync(join(root, 'node_modules', '.cache', 'retort')).length).toBeGreaterThan(0)
  })
})
