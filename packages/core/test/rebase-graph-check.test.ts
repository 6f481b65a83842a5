import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { check, Config, graph, init, listTemplates, rebase } from '@retort/core'

const ts = (id: string, down: string | null, body = '') =>
  `export const revision = '${id}'\nexport const downRevision = ${down === null ? 'null' : `'${down}'`}\nexport const message = 'm ${id}'\n\nexport async function upgrade(op) {${body}}\n`

describe('rebase, graph, check, init', () => {
  let dir: string
  let config: Config
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retort-rgc-'))
    mkdirSync(join(dir, 'm/versions'), { recursive: true })
    writeFileSync(join(dir, 'm/versions/a1_a.js'), ts('a1', null))
    writeFileSync(join(dir, 'm/versions/b1_b.js'), ts('b1', 'a1'))
    writeFileSync(join(dir, 'm/versions/c1_c.js'), ts('c1', 'a1'))
    writeFileSync(
      join(dir, 'm/versions/d1_d.yaml'),
      'revision: d1\ndownRevision: c1\nmessage: d\nupgrade: []\n',
    )
    config = new Config({ scriptLocation: 'm' }, { path: join(dir, 'retort.yaml') })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('rebase rewrites the downRevision of a script and a YAML file', async () => {
    const moved = await rebase(config, 'c1', 'b1')
    expect(moved.previousDownRevisions).toEqual(['a1'])
    expect(moved.revision.downRevisions).toEqual(['b1'])
    expect(moved.databaseChecked).toBe(false)
    expect(readFileSync(join(dir, 'm/versions/c1_c.js'), 'utf8')).toContain(
      "export const downRevision = 'b1'\n",
    )
    await rebase(config, 'd1', 'base')
    expect(readFileSync(join(dir, 'm/versions/d1_d.yaml'), 'utf8')).toContain('downRevision: null')
    await expect(rebase(config, 'a1', 'c1')).rejects.toThrow(/descends from 'a1'.*cycle/)
  })

  it('graph draws edges, merges and heads in Mermaid and DOT', async () => {
    const mermaid = await graph(config, { indicateCurrent: false })
    expect(mermaid.text).toContain('r_a1 --> r_b1')
    expect(mermaid.text).toContain('r_c1 --> r_d1')
    expect(mermaid.text).toMatch(/class r_b1,r_d1 head|class r_d1,r_b1 head/)
    const dot = await graph(config, { format: 'dot', indicateCurrent: false })
    expect(dot.text).toContain('"a1" -> "c1";')
    expect(dot.current).toBeUndefined()
  })

  it('check reports several heads and a body that fails to load', async () => {
    writeFileSync(
      join(dir, 'm/versions/e1_e.js'),
      ts('e1', 'b1').replace('export async function upgrade', 'export async function nope'),
    )
    const result = await check(config, { database: false })
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.kind).sort()).toEqual(['body', 'heads'])
    expect(result.problems.find((p) => p.kind === 'body')?.revision).toBe('e1')
  })

  it('init copies a template and keeps an existing config', async () => {
    const names = listTemplates().map((t) => t.name)
    expect(names).toEqual(expect.arrayContaining(['default', 'multidb', 'app']))
    const result = await init({
      directory: join(dir, 'fresh'),
      configFile: join(dir, 'retort.yaml'),
    })
    expect(result.config.written).toBe(true)
    expect(result.files).toContain('env.ts')
    expect(readFileSync(join(dir, 'retort.yaml'), 'utf8')).toContain('url: sqlite:///fresh.db')
    const again = await init({
      directory: join(dir, 'other'),
      configFile: join(dir, 'retort.yaml'),
      template: 'app',
    })
    expect(again.config.written).toBe(false)
    expect(again.files).not.toContain('retort.yaml')
    await expect(
      init({ directory: join(dir, 'm'), configFile: join(dir, 'x.yaml') }),
    ).rejects.toThrow(/is not empty/)
  })
})
