import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

// A newcomer's first session: init, three revisions, upgrade, history, downgrade to base.
describe('a newcomer session', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  const ids: string[] = []
  beforeAll(async () => {
    project = createProject()
    dir = project.dir
  })
  afterAll(() => project.cleanup())

  it('init creates the script directory and a retort.yaml pointing to it', async () => {
    const out = await ok(dir, ['init', 'migrations'])
    expect(out).toContain("from the 'default' template")
    expect(existsSync(join(dir, 'migrations/env.ts'))).toBe(true)
    expect(existsSync(join(dir, 'migrations/versions'))).toBe(true)
    const config = readFileSync(join(dir, 'retort.yaml'), 'utf8')
    expect(config).toContain('scriptLocation: migrations')
    expect(config).toContain('url: sqlite:///migrations.db')
  })

  it('creates three revisions, each on the previous head', async () => {
    for (const [message, table] of [
      ['create account', 'account'],
      ['create invoice', 'invoice'],
      ['create payment', 'payment'],
    ] as const) {
      const created = await newRevision(dir, ['-m', message])
      expect(created.path).toMatch(
        new RegExp(`versions/${created.revision}_${message.replace(' ', '_')}\\.ts$`),
      )
      fillRevision(created.path, table)
      ids.push(created.revision)
    }
    const heads = await retortJson<{ revision: string; downRevisions: string[] }[]>(dir, ['heads'])
    expect(heads.map((h) => h.revision)).toEqual([ids[2]])
    expect(heads[0]!.downRevisions).toEqual([ids[1]])
  })

  it('upgrades a new database to head', async () => {
    const run = await retort(dir, ['upgrade', 'head'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`upgraded 3 revisions`)
    expect(run.stdout).toContain(`the database is at ${ids[2]}`)
    expect(run.stderr).toContain(`Running upgrade base -> ${ids[0]}`)
    expect(existsSync(join(dir, 'migrations.db'))).toBe(true)
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [ids[2]] })
    expect(await ok(dir, ['upgrade', 'head'])).toContain('nothing to upgrade')
  })

  it('prints the history newest first, marking the current revision', async () => {
    const lines = (await ok(dir, ['history', '--indicate-current'])).trim().split('\n')
    expect(lines).toEqual([
      `${ids[1]} -> ${ids[2]} (head) (current), create payment`,
      `${ids[0]} -> ${ids[1]}, create invoice`,
      `<base> -> ${ids[0]}, create account`,
    ])
    expect(await ok(dir, ['current'])).toBe(`${ids[2]} (head) create payment\n`)
  })

  it('steps back with a relative target and down to base', async () => {
    expect(await ok(dir, ['downgrade', '-1'])).toContain(`downgraded 1 revision`)
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [ids[1]] })
    expect(await ok(dir, ['upgrade', '+1'])).toContain('upgraded 1 revision')
    const down = await retort(dir, ['downgrade', 'base'])
    expect(down.code).toBe(0)
    expect(down.stdout).toContain('downgraded 3 revisions')
    expect(down.stdout).toContain('the database is at base')
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [] })
    expect(await ok(dir, ['current'])).toContain('base (no revision applied)')
  })
})
