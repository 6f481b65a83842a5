// Eight processes upgrading the same SQLite file at once: every revision must be applied
// exactly once, and no process may fail (the ones that wait find nothing left to do).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleSources } from './helpers/bundle-sources.js'
import { tempDirs, versionRows, writeScript, type RevisionSpec } from './helpers/runtime-fixture.js'

const child = fileURLToPath(new URL('./fixtures/upgrade-child.mjs', import.meta.url))
const PROCESSES = 8

// r00 creates the log; each revision creates its table and logs itself. A revision applied
// twice would fail on its CREATE TABLE and show up twice in the log.
const logged = (id: string): string[] => [
  `  - createTable: { name: t_${id}, columns: [{ name: id, type: integer, primaryKey: true }] }`,
  `  - bulkInsert: { table: applied_log, rows: [{ revision: ${id} }] }`,
]
const specs: RevisionSpec[] = [
  {
    id: 'r00',
    down: null,
    upgrade: [
      '  - createTable: { name: applied_log, columns: [{ name: revision, type: string, length: 20 }] }',
      ...logged('r00'),
    ],
    downgrade: [],
  },
  ...Array.from({ length: 9 }, (_, i): RevisionSpec => ({
    id: `r0${i + 1}`,
    down: `r0${i}`,
    upgrade: logged(`r0${i + 1}`),
    downgrade: [],
  })),
  // A second branch: two heads, so some runs also insert rows.
  { id: 'b01', down: 'r03', upgrade: logged('b01'), downgrade: [] },
  { id: 'b02', down: 'b01', upgrade: logged('b02'), downgrade: [] },
]

interface ChildResult {
  readonly code: number | null
  readonly lines: Record<string, unknown>[]
  readonly stderr: string
}

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

describe('concurrent upgrades of one SQLite file', () => {
  it(`${PROCESSES} processes apply every revision exactly once, without error`, async () => {
    const dir = dirs.make()
    const scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
    const filename = path.join(dir, 'shared.db')
    const bundle = await bundleSources(dirs.make('retort-bundle-'))

    const children = Array.from({ length: PROCESSES }, () => {
      const process_ = spawn(process.execPath, [child, bundle, scriptLocation, filename], {
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      const lines: Record<string, unknown>[] = []
      let stderr = ''
      process_.stderr.on('data', (chunk) => (stderr += String(chunk)))
      let onReady: () => void
      const ready = new Promise<void>((resolve) => (onReady = resolve))
      createInterface({ input: process_.stdout }).on('line', (line) => {
        const value = JSON.parse(line) as Record<string, unknown>
        lines.push(value)
        if (value['ready'] === true) onReady()
      })
      const done = new Promise<ChildResult>((resolve) =>
        process_.once('close', (code) => resolve({ code, lines, stderr })),
      )
      return { process: process_, ready: Promise.race([ready, done.then(() => undefined)]), done }
    })

    // Start them together: each has loaded its code and waits for the go.
    await Promise.all(children.map((c) => c.ready))
    for (const c of children) c.process.stdin.end('go\n')
    const results = await Promise.all(children.map((c) => c.done))

    for (const result of results) {
      expect(result.stderr).toBe('')
      expect(result.code, JSON.stringify(result.lines)).toBe(0)
    }
    const applied = results.flatMap(
      (r) => (r.lines.find((line) => 'applied' in line)?.['applied'] as string[]) ?? [],
    )
    expect([...applied].sort()).toEqual(specs.map((s) => s.id).sort())
    for (const result of results) {
      const heads = result.lines.find((line) => 'heads' in line)?.['heads'] as string[]
      expect([...heads].sort()).toEqual(['b02', 'r09'])
    }

    expect(versionRows(filename)).toEqual(['b02', 'r09'])
    const db = new Database(filename, { readonly: true })
    const log = (
      db.prepare('SELECT revision FROM applied_log').all() as { revision: string }[]
    ).map((row) => row.revision)
    db.close()
    expect(log.sort()).toEqual(specs.map((s) => s.id).sort())
  })
})
