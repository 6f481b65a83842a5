// `retort upgrade --all`: every tenant file an env module lists (or the config's databases),
// NDJSON with --json, exit 1 naming the databases that failed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, retort } from './helpers/project.js'

// better-sqlite3 is a dependency of the SQLite dialect, not of the CLI.
const Database = createRequire(new URL('../../dialect-sqlite/package.json', import.meta.url))(
  'better-sqlite3',
) as typeof import('better-sqlite3')

const rowsOf = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (
      db.prepare('SELECT version_num FROM retort_version').all() as { version_num: string }[]
    ).map((r) => r.version_num)
  } finally {
    db.close()
  }
}

function writeRevisions(dir: string): void {
  const versions = join(dir, 'migrations', 'versions')
  mkdirSync(versions, { recursive: true })
  for (const [id, down] of [
    ['aaaa01', null],
    ['bbbb02', 'aaaa01'],
  ] as const) {
    writeFileSync(
      join(versions, `${id}.yaml`),
      `revision: ${id}\ndownRevision: ${down ?? 'null'}\nupgrade:\n  - createTable: { name: t_${id}, columns: [{ name: id, type: integer, primaryKey: true }] }\n`,
    )
  }
}

describe('retort upgrade --all', () => {
  let project: ReturnType<typeof createProject>
  beforeAll(() => {
    project = createProject('retort-upgrade-all-')
  })
  afterAll(() => project.cleanup())

  it("runs over the env module's targets, one NDJSON object per database then a summary", () => {
    const dir = join(project.dir, 'env-targets')
    mkdirSync(join(dir, 'tenants'), { recursive: true })
    writeRevisions(dir)
    writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\n')
    writeFileSync(
      join(dir, 'migrations', 'env.mjs'),
      `import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defineEnv } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
const tenants = join(import.meta.dirname, '..', 'tenants')
export default defineEnv(async (ctx) => {
  await ctx.runMigrations({ dialect: sqliteDialect({ filename: join(tenants, ctx.xArgs.tenant) }) })
}, {
  targets: () => readdirSync(tenants).sort().map((file) => ({ name: file, dialect: sqliteDialect({ filename: join(tenants, file) }) })),
})
`,
    )
    for (const name of ['a.db', 'b.db', 'c.db']) writeFileSync(join(dir, 'tenants', name), '')
    writeFileSync(join(dir, 'tenants', 'b.db'), 'not a database '.repeat(200))
    const run = retort(dir, ['--json', 'upgrade', '--all', '--concurrency', '2'])
    expect(run.code).toBe(1)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(4)
    const byName = new Map(lines.slice(0, 3).map((line) => [line['database'], line]))
    expect([...byName.keys()].sort()).toEqual(['a.db', 'b.db', 'c.db'])
    expect(byName.get('a.db')).toMatchObject({ ok: true, heads: ['bbbb02'] })
    expect(byName.get('b.db')).toMatchObject({ ok: false, error: { type: expect.any(String) } })
    expect(lines[3]).toMatchObject({ summary: { total: 3, succeeded: 2, failed: ['b.db'] } })
    expect(run.stderr).toMatch(/error: 1 database failed: 'b\.db'/)
    expect(rowsOf(join(dir, 'tenants', 'a.db'))).toEqual(['bbbb02'])
    expect(rowsOf(join(dir, 'tenants', 'c.db'))).toEqual(['bbbb02'])
  })

  it("runs over the config's databases, prints a summary, and exits 0 when all succeed", () => {
    const dir = join(project.dir, 'config-databases')
    mkdirSync(dir, { recursive: true })
    writeRevisions(dir)
    writeFileSync(
      join(dir, 'retort.yaml'),
      'scriptLocation: migrations\ndatabases:\n  north: { url: "sqlite:///north.db" }\n  south: { url: "sqlite:///south.db" }\n',
    )
    const run = retort(dir, ['upgrade', '--all', 'aaaa01'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^2 of 2 databases upgraded \(2 revisions applied\) in [\d.]+ s\n$/)
    expect(rowsOf(join(dir, 'north.db'))).toEqual(['aaaa01'])
    expect(rowsOf(join(dir, 'south.db'))).toEqual(['aaaa01'])
  })

  it('refuses --concurrency without --all, and a bad number, as usage errors', () => {
    const dir = join(project.dir, 'config-databases')
    expect(retort(dir, ['upgrade', '--concurrency', '2']).code).toBe(2)
    const bad = retort(dir, ['upgrade', '--all', '--concurrency', 'many'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--concurrency expects a whole number of databases/)
  })
})
