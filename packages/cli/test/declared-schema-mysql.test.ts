import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { mysqlDialect } from '../../dialect-mysql/src/index.js'
import {
  createTestDatabase,
  describeMysql,
  type TestDatabase,
} from '../../dialect-mysql/test/helpers/mysql-server.js'
import { runRoundTrip } from './helpers/declared-schema-round-trip.js'
import { createProject } from './helpers/project.js'

// The declared-schema workflow on MySQL/MariaDB, with a TypeScript schema and YAML
// revisions. The comparison replays in temporary databases on the same server, dropped
// afterwards.
describeMysql('declared schema (MySQL/MariaDB)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let db: TestDatabase

  beforeAll(async () => {
    db = await createTestDatabase()
    project = createProject('retort-declared-mysql-')
    dir = project.dir
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
    writeFileSync(
      join(dir, 'retort.yaml'),
      `scriptLocation: migrations\nurl: ${db.uri}\nschema: schema.ts\nrevisionFormat: yaml\n`,
    )
  })
  afterAll(async () => {
    project?.cleanup()
    await db?.drop()
  })

  it('round trip: v1, upgrade, edit, check fails, autogenerate with a rename, upgrade, check passes', async () => {
    await runRoundTrip({
      dir,
      schemaFormat: 'ts',
      revisionFormat: 'yaml',
      dialect: mysqlDialect({ uri: db.uri }),
      insertAccount:
        "INSERT INTO account (id, email, nickname) VALUES (1, 'ann@example.com', 'Ann')",
      selectDisplayName: 'SELECT display_name, status FROM account WHERE id = 1',
    })
    // No scratch database is left behind.
    const [rows] = await db.admin.query(
      'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?',
      [`${db.name}\\_retort\\_autogen\\_%`],
    )
    expect(rows).toEqual([])
  })
})
