import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Migrator, type Dialect, type MigrationEvent, type Operations } from '@retort/core'
import { mysqlDialect } from '@retort/dialect-mysql'
import { postgresDialect } from '@retort/dialect-postgres'
import { sqliteDialect } from '@retort/dialect-sqlite'
import * as mysqlServer from '../../dialect-mysql/test/helpers/mysql-server.js'
import * as postgresServer from '../../dialect-postgres/test/helpers/postgres-server.js'

const SECRET = 's3cret-token'

const MIGRATIONS = [
  {
    revision: 'aaaa11112222',
    downRevision: null,
    upgrade(op: Operations) {
      op.createTable('thing', [op.column('name', 'string', { length: 40 })])
      op.bulkInsert('thing', [{ name: SECRET }])
    },
    downgrade(op: Operations) {
      op.dropTable('thing')
    },
  },
] as never

/**
 * What `--debug` renders: every statement of a run reaches `onEvent` as it starts, on every
 * dialect (the dialect's own connection stays usable behind the observer: its lock, its
 * handle), with the number of bound values and never the values.
 */
function eventSuite(dialect: () => Dialect) {
  it('statement and transaction events, in order, without the bound values', async () => {
    const events: MigrationEvent[] = []
    const migrator = new Migrator({
      migrations: MIGRATIONS,
      dialect: dialect(),
      onEvent: (event) => events.push(event),
    })
    expect((await migrator.upgrade('heads')).heads).toEqual(['aaaa11112222'])
    const index = (test: (event: MigrationEvent) => boolean) => events.findIndex(test)
    const start = index((e) => e.type === 'step-start')
    const create = index((e) => e.type === 'statement' && /^CREATE TABLE [`"]thing[`"]/.test(e.sql))
    const insert = index(
      (e) =>
        e.type === 'statement' &&
        /^INSERT INTO [`"]thing[`"]/.test(e.sql) &&
        e.parameterCount === 1,
    )
    const done = index((e) => e.type === 'step-done')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(create).toBeGreaterThan(start)
    expect(insert).toBeGreaterThan(create)
    expect(done).toBeGreaterThan(insert)
    expect(events).toContainEqual({ type: 'transaction', action: 'begin' })
    expect(events).toContainEqual({ type: 'transaction', action: 'commit' })
    expect(JSON.stringify(events)).not.toContain(SECRET)
    await migrator.downgrade('base')
  })
}

describe('statement events (SQLite)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'retort-events-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  eventSuite(() => sqliteDialect({ filename: join(dir, 'app.db') }))
})

postgresServer.describePostgres('statement events (PostgreSQL)', () => {
  let database: postgresServer.TestDatabase
  beforeAll(async () => {
    database = await postgresServer.createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })
  eventSuite(() => postgresDialect({ connectionString: database.url }))
})

mysqlServer.describeMysql('statement events (MySQL/MariaDB)', () => {
  let database: mysqlServer.TestDatabase
  beforeAll(async () => {
    database = await mysqlServer.createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })
  eventSuite(() => mysqlDialect({ uri: database.uri }))
})
