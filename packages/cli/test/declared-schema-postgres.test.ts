import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, it } from 'vitest'
import { postgresDialect } from '../../dialect-postgres/src/index.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { runRoundTrip } from './helpers/declared-schema-round-trip.js'
import { createProject } from './helpers/project.js'

// The declared-schema workflow on PostgreSQL, with a YAML schema and YAML revisions. The
// comparison replays in temporary schemas of the same database, dropped afterwards.
describePostgres('declared schema (PostgreSQL)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let db: TestDatabase

  beforeAll(async () => {
    db = await createTestDatabase()
    project = createProject('retort-declared-pg-')
    dir = project.dir
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
    writeFileSync(
      join(dir, 'retort.yaml'),
      `scriptLocation: migrations\nurl: ${db.url}\nschema: schema.yaml\nrevisionFormat: yaml\n`,
    )
  })
  afterAll(async () => {
    project?.cleanup()
    await db?.drop()
  })

  it('round trip: v1, upgrade, edit, check fails, autogenerate with a rename, upgrade, check passes', async () => {
    await runRoundTrip({
      dir,
      schemaFormat: 'yaml',
      revisionFormat: 'yaml',
      dialect: postgresDialect({ connectionString: db.url }),
      insertAccount:
        "INSERT INTO account (id, email, nickname) VALUES (1, 'ann@example.com', 'Ann')",
      selectDisplayName: 'SELECT display_name, status FROM account WHERE id = 1',
    })
    // No scratch schema is left behind.
    const schemas = await db.query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retort\\_autogen\\_%'",
    )
    if (schemas.length > 0) throw new Error(`scratch schemas left: ${JSON.stringify(schemas)}`)
  })
})
