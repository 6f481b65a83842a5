import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

const REVISION_KEYS = [
  'revision',
  'downRevisions',
  'dependsOn',
  'branchLabels',
  'message',
  'path',
  'isHead',
  'isBase',
  'isMergePoint',
  'isBranchPoint',
]

function expectRevisionObject(value: unknown): void {
  expect(value).toBeTypeOf('object')
  for (const key of REVISION_KEYS) expect(value).toHaveProperty(key)
  const info = value as { downRevisions: unknown; dependsOn: unknown; branchLabels: unknown }
  expect(Array.isArray(info.downRevisions)).toBe(true)
  expect(Array.isArray(info.dependsOn)).toBe(true)
  expect(Array.isArray(info.branchLabels)).toBe(true)
}

describe('--json of every read command, and --sql', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let a: string, b: string, c: string
  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    const r1 = await newRevision(dir, ['-m', 'create account', '--branch-label', 'main'])
    fillRevision(r1.path, 'account')
    const r2 = await newRevision(dir, ['-m', 'create invoice'])
    fillRevision(r2.path, 'invoice')
    const r3 = await newRevision(dir, ['-m', 'create payment'])
    fillRevision(r3.path, 'payment')
    ;[a, b, c] = [r1.revision, r2.revision, r3.revision]
    await ok(dir, ['upgrade', b])
  })
  afterAll(() => project.cleanup())

  it('heads, branches, history, show: arrays of revision objects', async () => {
    const heads = await retortJson<unknown[]>(dir, ['heads'])
    expect(heads).toHaveLength(1)
    expectRevisionObject(heads[0])
    expect(heads[0]).toMatchObject({ revision: c, downRevisions: [b], isHead: true, isBase: false })
    expect(await retortJson(dir, ['heads', '--resolve-dependencies'])).toEqual(heads)
    expect(await retortJson(dir, ['branches'])).toEqual([])

    const history = await retortJson<{ revision: string }[]>(dir, ['history'])
    expect(history.map((h) => h.revision)).toEqual([c, b, a])
    history.forEach(expectRevisionObject)
    expect(history[2]).toMatchObject({
      isBase: true,
      branchLabels: ['main'],
      message: 'create account',
    })
    const marked = await retortJson<{ revision: string; isCurrent: boolean }[]>(dir, [
      'history',
      '--indicate-current',
    ])
    expect(marked.filter((h) => h.isCurrent).map((h) => h.revision)).toEqual([b])
    expect(
      (await retortJson<{ revision: string }[]>(dir, ['history', '-r', `${a}:${b}`])).map(
        (h) => h.revision,
      ),
    ).toEqual([b, a])

    const shown = await retortJson<{ revision: string; path: string }[]>(dir, ['show', 'head-1'])
    expect(shown.map((s) => s.revision)).toEqual([b])
    expect(shown[0]!.path).toMatch(/\.ts$/)
    expect(await retortJson(dir, ['show', 'base'])).toEqual([])
    expect(await retortJson<unknown[]>(dir, ['show', 'main@head'])).toHaveLength(1)
  })

  it('current: { heads }', async () => {
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [b] })
  })

  it('upgrade, downgrade, stamp: { applied: [{ revision, direction, ms }], heads }', async () => {
    const up = await retortJson<{
      applied: { revision: string; direction: string; ms: number }[]
      heads: string[]
    }>(dir, ['upgrade', '+1'])
    expect(up.heads).toEqual([c])
    expect(up.applied).toHaveLength(1)
    expect(up.applied[0]).toMatchObject({ revision: c, direction: 'up' })
    expect(typeof up.applied[0]!.ms).toBe('number')
    expect(Object.keys(up).sort()).toEqual(['applied', 'heads'])

    const down = await retortJson<{
      applied: { revision: string; direction: string }[]
      heads: string[]
    }>(dir, ['downgrade', '-2'])
    expect(down.applied.map((s) => [s.revision, s.direction])).toEqual([
      [c, 'down'],
      [b, 'down'],
    ])
    expect(down.heads).toEqual([a])

    const stamped = await retortJson<{ applied: unknown[]; heads: string[] }>(dir, [
      'stamp',
      'head',
    ])
    expect(stamped.heads).toEqual([c])
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [c] })
    expect((await retortJson<{ heads: string[] }>(dir, ['stamp', '--purge', a])).heads).toEqual([a])
    await ok(dir, ['upgrade', 'head'])
  })

  it('list-templates, graph, check, ensure-version', async () => {
    const templates = await retortJson<{ name: string; description: string }[]>(dir, [
      'list-templates',
    ])
    expect(templates.map((t) => t.name)).toEqual(['app', 'default', 'multidb'])
    for (const t of templates) expect(t.description.length).toBeGreaterThan(20)

    const mermaid = await retortJson<{ format: string; text: string; current: string[] }>(dir, [
      'graph',
    ])
    expect(mermaid.format).toBe('mermaid')
    expect(mermaid.text.startsWith('flowchart BT\n')).toBe(true)
    expect(mermaid.text).toContain(`r_${a} --> r_${b}`)
    expect(mermaid.text).toContain(`class r_${c} current`)
    expect(mermaid.current).toEqual([c])

    const check = await retortJson<{
      ok: boolean
      revisions: number
      heads: string[]
      problems: unknown[]
    }>(dir, ['check'])
    expect(check).toMatchObject({ ok: true, revisions: 3, heads: [c], problems: [] })
    expect(await retortJson(dir, ['ensure-version'])).toEqual({ versionTable: 'retort_version' })
  })

  it('graph --format dot', async () => {
    const dot = await ok(dir, ['graph', '--format', 'dot', '--no-current'])
    expect(dot.startsWith('digraph retort {')).toBe(true)
    expect(dot).toContain(`"${a}" -> "${b}";`)
    expect(dot).not.toContain('fillcolor')
  })

  it('--sql prints the SQL of a range without touching the database', async () => {
    const sql = await ok(dir, ['upgrade', '--sql', `${a}:${c}`])
    expect(sql).toMatch(/CREATE TABLE "?invoice"?/)
    expect(sql).toMatch(/CREATE TABLE "?payment"?/)
    expect(sql).not.toMatch(/CREATE TABLE "?account"?/)
    expect(sql).toContain('retort_version')
    const down = await ok(dir, ['downgrade', '--sql', `${c}:base`])
    expect(down).toMatch(/DROP TABLE "?payment"?/)
    expect(down).toMatch(/DROP TABLE "?account"?/)
    // Offline SQL ran nothing: the database is still at the head.
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [c] })
    const json = await retortJson<{ sql: string; applied: unknown[] }>(dir, [
      'upgrade',
      '--sql',
      'base:head',
    ])
    expect(json.sql).toMatch(/CREATE TABLE "?account"?/)
  })

  it('relative targets work without --, also before other flags', async () => {
    const run = await retort(dir, ['downgrade', '-1', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).heads).toEqual([b])
    expect((await retortJson<{ heads: string[] }>(dir, ['upgrade', '+1'])).heads).toEqual([c])
  })
})
