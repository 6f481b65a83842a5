import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject, fillRevision, newRevision, ok, retort, retortJson } from './helpers/project.js'

// Every env template is initialised and upgraded, so that the templates cannot rot.
describe('env templates', () => {
  let project: ReturnType<typeof createProject> | undefined
  afterEach(() => project?.cleanup())

  it('default: init, revision, upgrade head', () => {
    project = createProject()
    const { dir } = project
    ok(dir, ['init', '--template', 'default', 'db'])
    const r = newRevision(dir, ['-m', 'create account'])
    fillRevision(r.path, 'account')
    expect(retortJson<{ heads: string[] }>(dir, ['upgrade', 'head']).heads).toEqual([r.revision])
    expect(existsSync(join(dir, 'db.db'))).toBe(true)
  })

  it('multidb: one env migrates every database, -n selects one', () => {
    project = createProject()
    const { dir } = project
    ok(dir, ['init', '--template', 'multidb', 'data'])
    expect(readFileSync(join(dir, 'retort.yaml'), 'utf8')).toContain('databases:')
    const r = newRevision(dir, ['-m', 'create account'])
    fillRevision(r.path, 'account')
    const result = retortJson<{ heads: string[]; databases: { name: string; heads: string[] }[] }>(dir, ['upgrade', 'heads'])
    expect(result.databases.map((d) => [d.name, d.heads])).toEqual([
      ['main', [r.revision]],
      ['audit', [r.revision]],
    ])
    expect(existsSync(join(dir, 'data_main.db'))).toBe(true)
    expect(existsSync(join(dir, 'data_audit.db'))).toBe(true)
    expect(retortJson(dir, ['-n', 'audit', 'downgrade', 'base'])).toMatchObject({ heads: [] })
    expect(retortJson(dir, ['current'])).toEqual({
      heads: [],
      databases: [
        { name: 'main', heads: [r.revision] },
        { name: 'audit', heads: [] },
      ],
    })
    const human = ok(dir, ['current'])
    expect(human).toContain(`main: ${r.revision} (head) create account`)
    expect(human).toContain('audit: base (no revision applied)')
  })

  it('app: the post-write hook keeps the bundling index in step, and the CLI upgrades the dev database', () => {
    project = createProject()
    const { dir } = project
    ok(dir, ['init', '--template', 'app', 'src/migrations'])
    expect(readFileSync(join(dir, 'retort.yaml'), 'utf8')).toContain('scriptLocation: src/migrations')
    const r1 = newRevision(dir, ['-m', 'create account'])
    fillRevision(r1.path, 'account')
    const r2 = newRevision(dir, ['-m', 'create invoice'])
    fillRevision(r2.path, 'invoice')
    const index = readFileSync(join(dir, 'src/migrations/migrations.ts'), 'utf8')
    // One import per revision file, in file-name order.
    expect(index).toMatch(new RegExp(`import \\* as r[01] from './versions/${r1.revision}_create_account\\.js'`))
    expect(index).toMatch(new RegExp(`import \\* as r[01] from './versions/${r2.revision}_create_invoice\\.js'`))
    expect(index).toContain('export const migrations: readonly RevisionModule[] = [r0, r1]')
    expect(retortJson<{ heads: string[] }>(dir, ['upgrade', 'head']).heads).toEqual([r2.revision])
    expect(existsSync(join(dir, 'migrations-dev.db'))).toBe(true)
    expect(retort(dir, ['check']).code).toBe(0)
  })
})
