// Where the CLI's dialect packages come from (the rule of `importDialectPackage` in core):
// the project's copy next to retort.yaml, else the CLI's own (a global install, a project
// that installed nothing), and a clear error for a copy that does not load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { retortInProcess } from './helpers/in-process.js'
import { createProject, retort } from './helpers/project.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A project with no node_modules at all: only what the CLI brings can load a dialect. */
function bareProject(env: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'retort-bare-'))
  made.push(dir)
  mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
  writeFileSync(
    join(dir, 'migrations/versions/a1b2c3d4e5f6_create_item.yaml'),
    'revision: a1b2c3d4e5f6\ndownRevision: null\nmessage: create item\nupgrade:\n  - createTable: { name: item, columns: [{ name: id, type: integer, primaryKey: true }] }\n',
  )
  if (env !== undefined) writeFileSync(join(dir, 'migrations/env.ts'), env)
  return dir
}

/** The env module `retort init` writes (reads the url, asks ctx for its dialect). */
const TEMPLATE_ENV = `import { defineEnv } from '@retort/core'

export default defineEnv(async (ctx) => {
  const url = ctx.xArgs['url'] ?? ctx.config.url!
  await ctx.runMigrations({ dialect: await ctx.dialectForUrl(url, { setting: 'url' }) })
})
`

describe('dialect packages', () => {
  it.each([
    ['the default env', undefined],
    ['an env module asking ctx.dialectForUrl', TEMPLATE_ENV],
  ])('a project with none installed uses the CLI own copy (binary): %s', (_what, env) => {
    const dir = bareProject(env)
    const run = retort(dir, ['upgrade', 'head'])
    expect(run.stderr).not.toMatch(/error/)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('upgraded 1 revision')
    expect(retort(dir, ['current']).stdout).toContain('a1b2c3d4e5f6 (head) create item')
  })

  it("the project's own copy comes first, and one that fails to load is named", async () => {
    const project = createProject('retort-own-dialect-')
    made.push(project.dir)
    const dir = project.dir
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
    writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: mysql://db/app\n')
    const pkg = join(dir, 'node_modules/@retort/dialect-mysql')
    mkdirSync(pkg, { recursive: true })
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@retort/dialect-mysql', type: 'module', exports: './index.js' }),
    )
    writeFileSync(join(pkg, 'index.js'), `throw new Error('the project copy is broken')\n`)
    const run = await retortInProcess(dir, ['current'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      "@retort/dialect-mysql (for the url 'mysql://db/app') failed to load: the project copy is broken",
    )
  })
})
