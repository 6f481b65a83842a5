// migrateMany over PostgreSQL schemas (one per tenant) in one database: each schema gets its
// own version table; a failing schema is reported and the others are migrated.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Config, migrateMany } from '@retort/core'
import { postgresDialect } from '../src/postgres-dialect.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

describePostgres('migrateMany() over PostgreSQL schemas', () => {
  let database: TestDatabase
  let dir: string
  beforeEach(async () => {
    database = await createTestDatabase()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-pg-many-'))
    const versions = path.join(dir, 'migrations', 'versions')
    fs.mkdirSync(versions, { recursive: true })
    const table = (id: string, down: string | null) =>
      `revision: ${id}\ndownRevision: ${down ?? 'null'}\nupgrade:\n  - createTable: { name: t_${id}, columns: [{ name: id, type: integer, primaryKey: true }] }\n`
    fs.writeFileSync(path.join(versions, '1.yaml'), table('aaaa01', null))
    fs.writeFileSync(path.join(versions, '2.yaml'), table('bbbb02', 'aaaa01'))
  })
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    await database?.drop()
  })

  const rows = async (schema: string) =>
    (await database.query(`SELECT version_num FROM "${schema}".retort_version`)).map(
      (r) => r['version_num'],
    )

  it('migrates every schema, reporting the one that fails', async () => {
    const schemas = ['tenant_a', 'tenant_b', 'tenant_c', 'tenant_d']
    // tenant_c already has a table the second revision creates.
    await database.query('CREATE SCHEMA tenant_c')
    await database.query('CREATE TABLE tenant_c.t_bbbb02 (id integer)')
    const targets = schemas.map((schema) => ({
      name: schema,
      dialect: postgresDialect({ connectionString: database.url, schema }),
    }))
    const config = new Config({ scriptLocation: path.join(dir, 'migrations') })
    const result = await migrateMany(config, targets, { concurrency: 2 })
    expect(result.failed).toEqual(['tenant_c'])
    expect(result.succeeded).toBe(3)
    const failed = result.databases.find((d) => d.name === 'tenant_c')!
    expect(failed.error?.message).toMatch(/bbbb02/)
    expect(failed.error?.message).toMatch(/already exists/)
    for (const schema of ['tenant_a', 'tenant_b', 'tenant_d'])
      expect(await rows(schema)).toEqual(['bbbb02'])
    // The failing revision rolled back; the one before it stayed.
    expect(await rows('tenant_c')).toEqual(['aaaa01'])
    await database.expectNoOtherSessions()
  })
})
