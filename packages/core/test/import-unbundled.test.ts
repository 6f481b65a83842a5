// Modules core imports by a specifier bundlers do not follow (importUnbundled): each named
// specifier is a module of the sources, and one that is not there fails with a message
// saying what to pass instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/errors.js'
import { importUnbundled } from '../src/script/import-unbundled.js'

const src = fileURLToPath(new URL('../src/', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

describe('importUnbundled', () => {
  it('names modules that exist (relative to src/script/), each provided under the same name', () => {
    const calls: string[] = []
    const provided: string[] = []
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/importUnbundled<[^>]*>\(\s*'([^']+)'/g)) calls.push(m[1]!)
      for (const m of text.matchAll(/provideUnbundled\('([^']+)'/g)) provided.push(m[1]!)
    }
    expect(calls.sort()).toEqual(
      ['../commands/check.js', './script-directory.js', './typescript-loader.js'].sort(),
    )
    for (const specifier of [...calls, ...provided]) {
      const file = resolve(src, 'script', specifier.replace(/\.js$/, '.ts'))
      expect(existsSync(file), `${specifier} -> ${file}`).toBe(true)
    }
    expect(provided.every((specifier) => calls.includes(specifier))).toBe(true)
  })

  it('imports a module by its specifier', async () => {
    const { ScriptDirectory } = await importUnbundled<
      typeof import('../src/script/script-directory.js')
    >('./script-directory.js', 'reading a directory')
    expect(typeof ScriptDirectory.openAsync).toBe('function')
  })

  it('says what to pass instead when the module is not there', async () => {
    const error = await importUnbundled('./no-such-module.js', 'reading a directory').catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toBe(
      "reading a directory is not part of this bundle (core's no-such-module.js was left out of it); pass the revisions as modules: new Migrator({ migrations }) with the index generateMigrationsIndex writes",
    )
  })
})
