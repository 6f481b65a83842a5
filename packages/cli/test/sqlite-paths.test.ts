// `retort` on SQLite paths: a read on a path with no database reports base and creates
// nothing; a path that cannot be a database is one line naming it and what to do.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject } from './helpers/project.js'
import { ok, retort, retortJson } from './helpers/in-process.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function project(url: string): string {
  const { dir, cleanup } = createProject('retort-cli-paths-')
  cleanups.push(cleanup)
  mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  writeFileSync(join(dir, 'retort.yaml'), `scriptLocation: migrations\nurl: ${url}\n`)
  writeFileSync(
    join(dir, 'migrations/versions/a1_base.mjs'),
    `export const revision = 'a1a1a1a1a1a1'
export const downRevision = null
export function upgrade(op) { op.createTable('base_table', [op.column('id', 'integer', { primaryKey: true })]) }
export function downgrade(op) { op.dropTable('base_table') }
`,
  )
  return dir
}

/** The one line of a failed run. */
async function oneLine(dir: string, args: string[]): Promise<string> {
  const result = await retort(dir, args)
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  return lines[0]!
}

describe('retort on a SQLite path', () => {
  it('with no database there: current and history -i report base and create nothing', async () => {
    const dir = project('sqlite:///app.db')
    expect(await ok(dir, ['current'])).toContain('base (no revision applied)')
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [] })
    expect(await ok(dir, ['history', '-i'])).toContain('a1a1a1a1a1a1')
    expect(existsSync(join(dir, 'app.db'))).toBe(false)
    await ok(dir, ['upgrade', 'head'])
    expect(existsSync(join(dir, 'app.db'))).toBe(true)
    expect(await retortJson(dir, ['current'])).toEqual({ heads: ['a1a1a1a1a1a1'] })
  })

  it('in a directory that does not exist: base for current, one line for upgrade', async () => {
    const dir = project('sqlite:///data/app.db')
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [] })
    expect(await oneLine(dir, ['upgrade', 'head'])).toBe(
      `error: cannot create the SQLite database '${join(dir, 'data/app.db')}': the directory '${join(dir, 'data')}' does not exist; create it, or correct the path`,
    )
    expect(readdirSync(dir).sort()).toEqual(['migrations', 'node_modules', 'retort.yaml'])
  })

  it('that is a directory: one line naming it', async () => {
    const dir = project('sqlite:///data')
    mkdirSync(join(dir, 'data'))
    expect(await oneLine(dir, ['current'])).toBe(
      `error: the SQLite database path '${join(dir, 'data')}' is a directory; give the path of a database file, e.g. '${join(dir, 'data/app.db')}'`,
    )
  })

  it('that is not a database: one line naming it, for current and upgrade', async () => {
    const dir = project('sqlite:///notes.txt')
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n'.repeat(100))
    const expected = `error: '${join(dir, 'notes.txt')}' is not a SQLite database (file is not a database); check the path, or move that file away so that a new database can be created there`
    expect(await oneLine(dir, ['current'])).toBe(expected)
    expect(await oneLine(dir, ['upgrade', 'head'])).toBe(expected)
  })
})
