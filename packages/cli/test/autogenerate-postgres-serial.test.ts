// serial and identity columns made by hand on PostgreSQL: autogenerate writes them as
// autoincrement columns (not as a nextval() default naming a sequence that a replay would
// not have), so the revision downgrades and upgrades again.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { postgresDialect } from '../../dialect-postgres/src/index.js'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { createProject } from './helpers/project.js'
import { ok, retortJson } from './helpers/in-process.js'

describePostgres('revision --autogenerate of serial and identity columns (PostgreSQL)', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let dev: TestDatabase

  beforeAll(async () => {
    dev = await createTestDatabase()
    project = createProject('retort-autogen-pg-serial-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    rmSync(join(dir, 'migrations/env.ts'))
    writeFileSync(join(dir, 'retort.yaml'), `scriptLocation: migrations\nurl: ${dev.url}\n`)
  }, 60_000)
  afterAll(async () => {
    project?.cleanup()
    await dev?.drop()
  })

  it('writes them as autoincrement columns; downgrade and upgrade again work', async () => {
    await dev.query(`CREATE TABLE extra (
      id serial PRIMARY KEY,
      big bigserial,
      ident bigint GENERATED ALWAYS AS IDENTITY,
      counter integer NOT NULL DEFAULT 0,
      note text
    )`)
    await dev.query('INSERT INTO extra (note) VALUES ($1)', ['kept by hand'])
    const result = await retortJson<{ path: string; operations: string[]; notes: string[] }>(dir, [
      'revision',
      '--autogenerate',
      '-m',
      'extra',
      '--rev-id',
      'cccccccccc01',
    ])
    expect(result.operations).toEqual(["createTable('extra')"])
    expect(result.notes).toEqual([])
    const text = readFileSync(result.path, 'utf8')
    expect(text).not.toContain('nextval')
    expect(text).toContain(
      "{ name: 'id', type: { raw: 'integer' }, primaryKey: true, autoincrement: true }",
    )
    expect(text).toMatch(
      /name: 'big',\s+type: \{ raw: 'bigint' \},\s+nullable: false,\s+autoincrement: true/,
    )
    expect(text).toMatch(
      /name: 'ident',\s+type: \{ raw: 'bigint' \},\s+nullable: false,\s+autoincrement: true/,
    )
    expect(text).toContain("defaultSql: '0'")

    // The database is at the new revision; take it back and forth.
    await ok(dir, ['stamp', 'head'])
    await ok(dir, ['downgrade', 'base'])
    expect(await dev.query("SELECT to_regclass('extra') AS t")).toEqual([{ t: null }])
    await ok(dir, ['upgrade', 'head'])
    await dev.query('INSERT INTO extra (note) VALUES ($1), ($2)', ['a', 'b'])
    expect(await dev.query('SELECT id, big, ident, counter FROM extra ORDER BY id')).toEqual([
      { id: 1, big: '1', ident: '1', counter: 0 },
      { id: 2, big: '2', ident: '2', counter: 0 },
    ])

    // The introspector reports both kinds alike: autoincrement, no default.
    const dialect = postgresDialect({ connectionString: dev.url })
    const driver = dialect.createDriver()
    const connection = await driver.connect()
    try {
      const table = await dialect.createIntrospector().getTable(connection, { name: 'extra' })
      expect(table?.columns.map((c) => [c.name, c.autoincrement, c.defaultSql])).toEqual([
        ['id', true, null],
        ['big', true, null],
        ['ident', true, null],
        ['counter', false, '0'],
        ['note', false, null],
      ])
    } finally {
      await connection.close()
      await driver.destroy()
    }
  }, 90_000)
})
