// Runs the demo the way the README does (its own process, from an unrelated directory) and
// checks what it printed and the database it left. Needs the built packages (`pnpm test`
// builds first).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('../run.mjs', import.meta.url))
const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function run(file: string): string {
  return execFileSync(process.execPath, [script, file], { cwd: os.tmpdir(), encoding: 'utf8' })
}

describe('examples/demo', () => {
  it('upgrades a new database to the head, shows the history, and has nothing to do the second time', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-demo-test-'))
    made.push(dir)
    const file = path.join(dir, 'notes.db')

    const first = run(file)
    expect(first).toContain('Current before: (base: a new database)')
    expect(first).toMatch(/\[6\/6\] applied 6e4b7d9f0c13/)
    expect(first).toContain('Current after: 6e4b7d9f0c13')
    // Newest first, the merge with both parents, the current revision marked.
    const history = first.slice(first.indexOf('History'))
    expect(history).toMatch(/\* 5d1a3c6e8b92 -> 6e4b7d9f0c13/)
    expect(history).toContain('3b9d0e2f4a61, 4c2f8a7b1e05 -> 5d1a3c6e8b92 (merge)')
    expect(history.indexOf('6e4b7d9f0c13')).toBeLessThan(history.indexOf('1f0c2a9b7d10'))

    const db = new Database(file, { readonly: true })
    try {
      expect(db.prepare('SELECT version_num FROM retort_version').all()).toEqual([
        { version_num: '6e4b7d9f0c13' },
      ])
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => (row as { name: string }).name)
      expect(tables).toEqual(expect.arrayContaining(['account', 'note', 'tag', 'retort_version']))
    } finally {
      db.close()
    }

    const second = run(file)
    expect(second).toContain('Current before: 6e4b7d9f0c13')
    expect(second).toContain('nothing to do: already at the head')
  })
})
