import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqliteDialect } from '../../dialect-sqlite/src/index.js'
import { runRoundTrip } from './helpers/declared-schema-round-trip.js'
import { createProject } from './helpers/project.js'
import { ok, retort } from './helpers/in-process.js'

// The declared-schema workflow on SQLite, with a TypeScript schema and TypeScript revisions.
// The comparison replays on an in-memory database: the project's file is never opened.
describe('declared schema (SQLite)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string

  beforeAll(async () => {
    project = createProject('retort-declared-sqlite-')
    dir = project.dir
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
    writeFileSync(
      join(dir, 'retort.yaml'),
      'scriptLocation: migrations\nurl: sqlite:///app.db\nschema: schema.ts\nrevisionFormat: ts\n',
    )
  })
  afterAll(() => project.cleanup())

  it('check and autogenerate need no database file: none is created', async () => {
    writeFileSync(
      join(dir, 'schema.ts'),
      "import { column, defineSchema } from '@retort/core'\nexport default defineSchema({ tables: { tag: { columns: [column('id', 'integer', { primaryKey: true })] } } })\n",
    )
    const run = await retort(dir, ['check', '--no-database'])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("✗ schema: table 'tag' is declared but no revision creates it\n")
    expect(existsSync(join(dir, 'app.db'))).toBe(false)
  })

  it('round trip: v1, upgrade, edit, check fails, autogenerate with a rename, upgrade, check passes', async () => {
    await runRoundTrip({
      dir,
      schemaFormat: 'ts',
      revisionFormat: 'ts',
      dialect: sqliteDialect({ filename: join(dir, 'app.db') }),
      insertAccount:
        "INSERT INTO account (id, email, nickname) VALUES (1, 'ann@example.com', 'Ann')",
      selectDisplayName: 'SELECT display_name, status FROM account WHERE id = 1',
    })
  })

  it('a second check reads both schemas from the cache', async () => {
    const report = JSON.parse(await ok(dir, ['--json', 'check'])) as {
      schemas: { cached: { revisions: boolean; declared: boolean } }[]
    }
    expect(report.schemas[0]!.cached).toEqual({ revisions: true, declared: true })
    const fresh = JSON.parse(await ok(dir, ['--json', 'check', '--no-cache'])) as typeof report
    expect(fresh.schemas[0]!.cached).toEqual({ revisions: false, declared: false })
  })
})
