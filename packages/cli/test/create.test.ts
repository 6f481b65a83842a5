// `retort create PATH`: a new SQLite file at the heads, never over an existing file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, retort } from './helpers/project.js'

describe('retort create', () => {
  let project: ReturnType<typeof createProject>
  beforeAll(() => {
    project = createProject('retort-create-')
    const versions = join(project.dir, 'migrations', 'versions')
    mkdirSync(versions, { recursive: true })
    writeFileSync(
      join(versions, 'a.yaml'),
      'revision: aaaa01\ndownRevision: null\nupgrade:\n  - createTable: { name: account, columns: [{ name: id, type: integer, primaryKey: true }] }\n',
    )
    writeFileSync(
      join(project.dir, 'retort.yaml'),
      'scriptLocation: migrations\ntemplateCache: .templates\n',
    )
  })
  afterAll(() => project.cleanup())

  it('creates the file at the heads, keeps the template in templateCache, and refuses to overwrite', () => {
    const first = retort(project.dir, ['--json', 'create', 'one.db'])
    expect(first.code, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({
      path: join(project.dir, 'one.db'),
      heads: ['aaaa01'],
      template: 'built',
    })
    const second = retort(project.dir, ['create', 'two.db'])
    expect(second.stdout).toBe(
      `created '${join(project.dir, 'two.db')}' at aaaa01 (template from disk)\n`,
    )
    const current = retort(project.dir, ['-x', `url=sqlite:///two.db`, '--json', 'current'])
    expect(JSON.parse(current.stdout)).toMatchObject({ heads: ['aaaa01'] })

    const before = readFileSync(join(project.dir, 'one.db'))
    const again = retort(project.dir, ['create', 'one.db'])
    expect(again.code).toBe(1)
    expect(again.stderr.trim().split('\n')).toHaveLength(1)
    expect(again.stderr).toMatch(/one\.db' already exists; createDatabase never overwrites a file/)
    expect(readFileSync(join(project.dir, 'one.db'))).toEqual(before)
  })
})
