// The partial-failure story on the real server: MySQL/MariaDB commit DDL as it runs, so a
// revision that fails half-way leaves its first statements applied. The progress table
// says exactly which, the next run refuses, and stamp (after a fix by hand) clears it.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  IncompleteMigrationError,
  MigrationError,
  Migrator,
  PartialMigrationError,
} from '@retort/core'
import { bundleForSuite } from '../../core/test/helpers/bundle-sources.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
// @ts-expect-error: a plain ES module shared with the child process.
import { brokenGraph, hangingGraph } from './fixtures/partial-revisions.mjs'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const child = fileURLToPath(new URL('./fixtures/killed-child.mjs', import.meta.url))

describeMysql('partial failure on MySQL/MariaDB', () => {
  let database: TestDatabase
  // What the killed child imports: core and this dialect, bundled from the sources.
  const bundle = bundleForSuite('mysql')

  beforeEach(async () => {
    database = await createTestDatabase()
  })

  afterEach(async () => {
    await database?.drop()
  })

  const migrator = (migrations: unknown = brokenGraph) =>
    new Migrator({ migrations: migrations as never, dialect: mysqlDialect({ uri: database.uri }) })
  const query = async (sql: string) =>
    (await database.admin.query(sql))[0] as Record<string, unknown>[]
  const columns = async (table: string) =>
    (
      await query(
        `SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' ORDER BY ORDINAL_POSITION`,
      )
    ).map((row) => row['c'])
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    )

  it('a revision whose 3rd statement fails: the error names revision, file and statement; the record says how far it got', async () => {
    const error = await failure(migrator().upgrade('head'))
    expect(error).toBeInstanceOf(PartialMigrationError)
    expect(error).toBeInstanceOf(MigrationError)
    const message = (error as Error).message
    expect(message).toContain(
      "upgrade of revision 'd4d4d4d4d4d4' in 'versions/d4d4d4d4d4d4_half_done.mjs' failed at statement `INSERT INTO `missing` (`id`) VALUES (?)` (3 of 4)",
    )
    expect(message).toMatch(/Table '.*missing' doesn't exist/)
    expect(message).toContain('statements 1..2 stayed applied')
    expect(message).not.toContain('\n')
    // Statements 1 and 2 are there, 4 is not; the version row did not move.
    expect(await columns('half')).toEqual(['id', 'note'])
    expect(await query("SHOW INDEX FROM `half` WHERE Key_name = 'ix_half_note'")).toEqual([])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([
      { version_num: 'a1a1a1a1a1a1' },
    ])
    const [record] = await query(
      'SELECT revision, direction, statements_done, statement_count, statement_sql, state FROM retort_version_progress',
    )
    expect(record).toEqual({
      revision: 'd4d4d4d4d4d4',
      direction: 'up',
      statements_done: 2,
      statement_count: 4,
      statement_sql: 'INSERT INTO `missing` (`id`) VALUES (?)',
      state: 'failed',
    })
  })

  it('the next upgrade and downgrade refuse, saying what was applied and how to proceed', async () => {
    await failure(migrator().upgrade('head'))
    for (const run of [() => migrator().upgrade('head'), () => migrator().downgrade('base')]) {
      const error = await failure(run())
      expect(error).toBeInstanceOf(IncompleteMigrationError)
      const message = (error as Error).message
      expect(message).toContain(
        "the upgrade of revision 'd4d4d4d4d4d4' in 'versions/d4d4d4d4d4d4_half_done.mjs' stopped part-way",
      )
      expect(message).toContain(
        'statements 1..2 of 4 completed; statement 3 `INSERT INTO `missing` (`id`) VALUES (?)` failed',
      )
      expect(message).toContain(
        "either finish statements 3..4 by hand and run 'retort stamp d4d4d4d4d4d4', or undo statements 1..2 by hand and run 'retort stamp a1a1a1a1a1a1'",
      )
      expect(message).not.toContain('\n')
    }
    // Refusing ran nothing: the database is as the failure left it.
    expect(await columns('later')).toEqual([])
    const current = await migrator().current()
    expect(current.heads).toEqual(['a1a1a1a1a1a1'])
    expect(current.incomplete?.record).toMatchObject({
      revision: 'd4d4d4d4d4d4',
      statementsDone: 2,
    })
  })

  it('finished by hand and stamped: the record is cleared and the upgrade proceeds', async () => {
    await failure(migrator().upgrade('head'))
    // What the revision still had to do (statements 3..4), done by hand.
    await database.admin.query('CREATE TABLE `missing` (`id` INT)')
    await database.admin.query('INSERT INTO `missing` (`id`) VALUES (1)')
    await database.admin.query('CREATE INDEX `ix_half_note` ON `half` (`note`)')
    const stamped = await migrator().stamp('d4d4d4d4d4d4')
    expect(stamped.databases[0]?.incomplete?.record.revision).toBe('d4d4d4d4d4d4')
    expect(await query('SELECT * FROM retort_version_progress')).toEqual([])
    expect((await migrator().current()).incomplete).toBeUndefined()
    const result = await migrator().upgrade('head')
    expect(result.applied.map((a) => a.revision)).toEqual(['e5e5e5e5e5e5'])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([
      { version_num: 'e5e5e5e5e5e5' },
    ])
    // And the downgrade through the repaired revision works.
    await migrator().downgrade('base')
    expect(await columns('half')).toEqual([])
  })

  it('undone by hand and stamped back: the fixed revision runs again from the start', async () => {
    await failure(migrator().upgrade('head'))
    await database.admin.query('DROP TABLE `half`')
    await migrator().stamp('a1a1a1a1a1a1')
    await database.admin.query('CREATE TABLE `missing` (`id` INT)')
    const result = await migrator().upgrade('head')
    expect(result.applied.map((a) => a.revision)).toEqual(['d4d4d4d4d4d4', 'e5e5e5e5e5e5'])
    expect(await query('SELECT * FROM retort_version_progress')).toEqual([])
  })

  it('a process killed (kill -9) mid-revision leaves a record; the next run refuses', async () => {
    const process_ = spawn(process.execPath, [child, bundle(), database.uri], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    process_.stderr.on('data', (chunk) => (stderr += String(chunk)))
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      process_.once('exit', (_code, signal) => resolve(signal)),
    )
    await new Promise<void>((resolve, reject) => {
      process_.stdout.on('data', (chunk) => {
        stdout += String(chunk)
        if (stdout.includes('"mid":true')) resolve()
      })
      process_.once('exit', (code) =>
        reject(new Error(`child exited ${code}: ${stdout} ${stderr}`)),
      )
    })
    // The child's sessions (one left mid-revision): the server ends them once it notices
    // the dead client; nothing here kills them.
    const sessions = (
      await query(
        'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()',
      )
    ).map((row) => Number(row['id']))
    expect(sessions.length).toBeGreaterThan(0)
    process_.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    await database.sessionsEnded(sessions)

    // Statement 1 is applied; the record says so, and that statement 2 was in flight.
    expect(await columns('before_kill')).toEqual(['id'])
    const [record] = await query(
      'SELECT revision, statements_done, statement_sql, state FROM retort_version_progress',
    )
    expect(record).toEqual({
      revision: 'f6f6f6f6f6f6',
      statements_done: 1,
      statement_sql: 'SELECT 1 AS one',
      state: 'running',
    })
    const error = await failure(migrator(hangingGraph).upgrade('head'))
    expect(error).toBeInstanceOf(IncompleteMigrationError)
    expect((error as Error).message).toContain(
      "the upgrade of revision 'f6f6f6f6f6f6' in 'versions/f6f6f6f6f6f6_hangs.mjs' stopped part-way",
    )
    expect((error as Error).message).toContain(
      'statement 1 of 2 completed; statement 2 `SELECT 1 AS one` was running when the process stopped',
    )
    await migrator(hangingGraph).stamp('f6f6f6f6f6f6')
    expect((await migrator(hangingGraph).current()).incomplete).toBeUndefined()
    expect((await migrator(hangingGraph).upgrade('head')).applied).toEqual([])
  })
})
