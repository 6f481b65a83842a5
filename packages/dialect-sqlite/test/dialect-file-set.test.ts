import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The three dialect packages are built the same way: one file per part, named after the
// part with the dialect's prefix; what only one dialect has lives in a folder named for it.
const PACKAGES = join(import.meta.dirname, '..', '..')
const DIALECTS = {
  sqlite: ['files', 'native', 'rebuild'],
  postgres: [],
  mysql: ['restate'],
} as const

function parts(prefix: string): { files: string[]; folders: string[] } {
  const entries = readdirSync(join(PACKAGES, `dialect-${prefix}`, 'src'), { withFileTypes: true })
  return {
    files: entries
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name.replace(`${prefix}-`, ''))
      .sort(),
    folders: entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(),
  }
}

describe('dialect packages', () => {
  it('have the same files apart from the prefix, extras in named folders', () => {
    const expected = [
      'adapter.ts',
      'column-type.ts',
      'compiler.ts',
      'dialect.ts',
      'driver.ts',
      'index.ts',
      'introspector.ts',
      'literal.ts',
      'migration-lock.ts',
    ]
    for (const [prefix, folders] of Object.entries(DIALECTS)) {
      expect(parts(prefix), prefix).toEqual({ files: expected, folders: [...folders] })
    }
  })

  it('name every extra file after its dialect', () => {
    for (const [prefix, folders] of Object.entries(DIALECTS)) {
      for (const folder of folders) {
        const files = readdirSync(join(PACKAGES, `dialect-${prefix}`, 'src', folder))
        expect(files.length).toBeGreaterThan(0)
        for (const file of files) expect(file.startsWith(`${prefix}-`), file).toBe(true)
      }
    }
  })
})
