import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { MigrationError, Migrator, type Operations } from '@retort/core'
import { bundleForSuite } from '../../core/test/helpers/bundle-sources.js'
import {
  runAllWaitingForTheLock,
  spawnMigrateChild,
} from '../../core/test/helpers/migrate-children.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import {
  addNick,
  createAccount,
  createOrder,
  revisions,
  // @ts-expect-error: a plain ES module shared with the child processes.
} from '../../core/test/helpers/migrate-revisions.mjs'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const child = fileURLToPath(new URL('../../core/test/helpers/migrate-child.mjs', import.meta.url))
const ids = [createAccount, addNick, createOrder].map((r: { revision: string }) => r.revision)

describeMysql('Migrator on MySQL/MariaDB', () => {
  // Every test its own database: nothing carries over, and a session a test leaves open
  // fails that test (drop() names it).
  let database: TestDatabase
  // What the child processes import: core and this dialect, bundled from the sources.
  const bundle = bundleForSuite('mysql')

  beforeEach(async () => {
    database = await createTestDatabase()
  })

  afterEach(async () => {
    await database?.drop()
  })

  const migrator = (config: Record<string, unknown> = {}, migrations: unknown[] = revisions) =>
    new Migrator({
      migrations: migrations as never,
      dialect: mysqlDialect({ uri: database.uri }),
      config,
    })

  const query = async (sql: string) =>
    (await database.admin.query(sql))[0] as Record<string, unknown>[]
  const tables = async () =>
    (
      await query(
        // The ledger is tested in packages/cli/test/ledger.test.ts.
        "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE '%\\_ledger' ORDER BY TABLE_NAME",
      )
    ).map((r) => r['t'])

  it('upgrade, current, downgrade step by step and to base', async () => {
    const m = migrator()
    expect((await m.current()).heads).toEqual([])
    expect(await tables()).toEqual([])
    const up = await m.upgrade('head')
    expect(up.applied.map((a) => [a.revision, a.direction])).toEqual(ids.map((id) => [id, 'up']))
    expect(up.heads).toEqual([ids[2]])
    expect((await m.current()).heads).toEqual([ids[2]])
    // Every revision runs outside a transaction here, so its progress is tracked (and the
    // record deleted with its version-row change).
    expect(await tables()).toEqual([
      'account',
      'order',
      'retort_version',
      'retort_version_progress',
    ])
    expect(await query('SELECT * FROM retort_version_progress')).toEqual([])
    expect(await query('SELECT email, nick FROM account')).toEqual([
      { email: 'first@example.com', nick: 'anon' },
    ])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[2] }])

    const down = await m.downgrade('-1')
    expect(down.applied.map((a) => [a.revision, a.direction])).toEqual([[ids[2], 'down']])
    expect(await tables()).toEqual(['account', 'retort_version', 'retort_version_progress'])
    await m.downgrade(ids[0]!)
    expect(await query('SELECT * FROM account')).toEqual([{ id: 1, email: 'first@example.com' }])
    expect((await m.upgrade('head')).applied.map((a) => a.revision)).toEqual(ids.slice(1))
    await m.downgrade('base')
    expect(await tables()).toEqual(['retort_version', 'retort_version_progress'])
    expect(await query('SELECT * FROM retort_version')).toEqual([])
    expect((await m.upgrade('head')).applied).toHaveLength(0 + 3)
    expect((await m.upgrade('head')).applied).toEqual([])
  })

  it('stamp tags the database without running revisions', async () => {
    const m = migrator()
    await m.stamp('head')
    expect(await tables()).toEqual(['retort_version'])
    expect((await m.current()).heads).toEqual([ids[2]])
    await m.stamp(ids[0]!)
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[0] }])
    await m.stamp('base')
    expect(await query('SELECT * FROM retort_version')).toEqual([])
  })

  it('an offline script (upgradeSql) runs as is in the mysql client protocol', async () => {
    const offline = [createAccount, { ...createOrder, downRevision: ids[0] }]
    const script = await migrator({}, offline).upgradeSql('head')
    expect(script).toContain(
      "INSERT INTO `retort_version` (`version_num`) VALUES ('a1a1a1a1a1a1');",
    )
    const client = await mysql.createConnection({ uri: database.uri, multipleStatements: true })
    try {
      await client.query(script)
    } finally {
      await client.end()
    }
    expect(await tables()).toEqual(['account', 'order', 'retort_version'])
    expect((await migrator({}, offline).current()).heads).toEqual([ids[2]])
  })

  it('a version table in an explicit database (versionTableSchema) and with another name', async () => {
    const m = migrator({ versionTableSchema: database.name, versionTable: 'schema history' })
    await m.upgrade(ids[0]!)
    expect(await query('SELECT version_num FROM `schema history`')).toEqual([
      { version_num: ids[0] },
    ])
    expect((await m.current()).heads).toEqual([ids[0]])
  })

  it('a failing revision: its earlier DDL stays (MySQL cannot roll it back), the version row does not move', async () => {
    const broken = {
      revision: 'd4d4d4d4d4d4',
      downRevision: ids[2],
      message: 'half done',
      upgrade(op: Operations) {
        op.createTable('half', [op.column('id', 'integer')])
        op.execute('INSERT INTO no_such_table VALUES (1)')
      },
    }
    const m = migrator({}, [...revisions, broken])
    const error = await m.upgrade('head').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as Error).message).toMatch(
      /upgrade of revision 'd4d4d4d4d4d4' failed at statement `INSERT INTO no_such_table VALUES \(1\)`/,
    )
    expect(await tables()).toContain('half')
    expect((await m.current()).heads).toEqual([ids[2]])
  })

  it('8 processes upgrading one database at once: one applies, the others find nothing to do', async () => {
    // This process holds the migration lock until the server shows all eight runs waiting
    // for it: they overlap for certain.
    const outputs = await runAllWaitingForTheLock(
      mysqlDialect({ uri: database.uri }),
      8,
      () => spawnMigrateChild(child, [bundle(), 'mysql', database.uri]),
      async () =>
        (
          await query(
            "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND STATE = 'User lock'",
          )
        )[0]?.['n'] as number,
    )
    for (const output of outputs) expect(output).not.toHaveProperty('error')
    const applied = outputs.map((o) => o['applied'] as string[])
    expect(applied.filter((a) => a.length > 0)).toEqual([ids])
    expect(applied.filter((a) => a.length === 0)).toHaveLength(7)
    for (const output of outputs) expect(output['heads']).toEqual([ids[2]])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[2] }])
    expect(await query('SELECT COUNT(*) AS n FROM account')).toEqual([{ n: 1 }])
  })
})
