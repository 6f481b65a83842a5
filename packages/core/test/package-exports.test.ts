// The public entry points of @retort/core are named on purpose: no wildcard subpath, and
// every one resolves, after a build, to a module Node loads and to its declarations.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as {
  name: string
  exports: Record<string, string | Record<string, string>>
}

describe('package.json exports of @retort/core', () => {
  it('names every entry point: no wildcard subpath or target', () => {
    const wild = Object.entries(manifest.exports).filter(
      ([key, target]) =>
        key.includes('*') ||
        (typeof target === 'string' ? [target] : Object.values(target)).some((t) =>
          t.includes('*'),
        ),
    )
    expect(wild).toEqual([])
    expect(Object.keys(manifest.exports)).toEqual(
      expect.arrayContaining(['.', './migrator', './dialect', './sql', './errors', './cli']),
    )
  })

  it('every entry point resolves to built files, and Node imports each by its name', () => {
    const specifiers: string[] = []
    for (const [key, target] of Object.entries(manifest.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target)
      for (const file of files) {
        expect(existsSync(`${packageDir}${file}`), `${key} -> ${file} (run pnpm build)`).toBe(true)
      }
      if (key !== './package.json') specifiers.push(`${manifest.name}${key.slice(1)}`)
    }
    // From inside the package, Node resolves its own name through "exports" (self-reference).
    const script = `for (const s of ${JSON.stringify(specifiers)}) { const m = await import(s); if (Object.keys(m).length === 0) throw new Error(s + ' exports nothing') } console.log('ok')`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageDir,
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('ok')
  })
})
