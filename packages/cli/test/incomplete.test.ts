// A revision that runs outside a transaction and fails part-way: the CLI shows the record
// (`current`, `current --json`), refuses to upgrade on top of it, and `stamp` clears it.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject } from './helpers/project.js'
import { ok, retort, retortJson } from './helpers/in-process.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function project(): string {
  const { dir, cleanup } = createProject('retort-cli-incomplete-')
  cleanups.push(cleanup)
  mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
  writeFileSync(
    join(dir, 'migrations/versions/a1a1a1a1a1a1_base.mjs'),
    `export const revision = 'a1a1a1a1a1a1'
export const downRevision = null
export const message = 'base'
export function upgrade(op) { op.createTable('base_table', [op.column('id', 'integer', { primaryKey: true })]) }
export function downgrade(op) { op.dropTable('base_table') }
`,
  )
  // Three statements outside a transaction; the third fails (the table already exists).
  writeFileSync(
    join(dir, 'migrations/versions/b2b2b2b2b2b2_two_tables.mjs'),
    `export const revision = 'b2b2b2b2b2b2'
export const downRevision = 'a1a1a1a1a1a1'
export const message = 'two tables'
export const transaction = false
export function upgrade(op) {
  op.createTable('first_table', [op.column('id', 'integer', { primaryKey: true })])
  op.createTable('second_table', [op.column('id', 'integer', { primaryKey: true })])
  op.createTable('first_table', [op.column('id', 'integer', { primaryKey: true })])
}
export function downgrade(op) { op.dropTable('second_table'); op.dropTable('first_table') }
`,
  )
  return dir
}

describe('retort with a revision that stopped part-way', () => {
  it('reports it, refuses to run on top of it, and stamp clears it', async () => {
    const dir = project()
    const failed = await retort(dir, ['upgrade', 'heads'])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/revision 'b2b2b2b2b2b2'.*statements? 1\.\.2/)

    const state = await retortJson<{ heads: string[]; incomplete?: Record<string, unknown> }>(dir, [
      'current',
    ])
    expect(state.heads).toEqual(['a1a1a1a1a1a1'])
    expect(state.incomplete).toMatchObject({
      revision: 'b2b2b2b2b2b2',
      direction: 'up',
      statementsDone: 2,
      statementCount: 3,
      state: 'failed',
    })
    expect(String(state.incomplete?.['path'])).toMatch(/b2b2b2b2b2b2_two_tables\.mjs$/)
    expect(await ok(dir, ['current'])).toMatch(/incomplete:.*'b2b2b2b2b2b2'/)

    const refused = await retort(dir, ['upgrade', 'heads'])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/^error: .*'b2b2b2b2b2b2'.*stamp/)

    // The third statement is "done by hand" (it was a mistake): record the revision as applied.
    await ok(dir, ['stamp', 'b2b2b2b2b2b2'])
    const after = await retortJson<{ heads: string[]; incomplete?: unknown }>(dir, ['current'])
    expect(after).toEqual({ heads: ['b2b2b2b2b2b2'] })
    expect((await retort(dir, ['upgrade', 'heads'])).code).toBe(0)
  })
})
