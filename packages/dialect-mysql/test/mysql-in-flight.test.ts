// A process stopped while a statement of a revision ran on MySQL/MariaDB (DDL commits as it
// runs, so most such statements completed). `current` looks whether the table or index of
// that statement is there, and offers the stamp that fits.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { IncompleteMigrationError } from '../../core/src/errors.js'
import { Migrator } from '../../core/src/migrator.js'
import type { Operations } from '../../core/src/operations/operations.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

const A1 = 'a1a1a1a1a1a1'
const B2 = 'b2b2b2b2b2b2'
const revisions = [
  {
    revision: A1,
    downRevision: null,
    upgrade: (op: Operations) => {
      op.createTable('base_table', [op.column('id', 'integer', { primaryKey: true })])
    },
    downgrade: (op: Operations) => op.dropTable('base_table'),
  },
  {
    revision: B2,
    downRevision: A1,
    upgrade: (op: Operations) => {
      op.createTable('one', [op.column('id', 'integer', { primaryKey: true })])
      op.createTable('two', [op.column('id', 'integer', { primaryKey: true })])
      op.createIndex('ix_two', 'two', ['id'])
    },
    downgrade: (op: Operations) => {
      op.dropTable('two')
      op.dropTable('one')
    },
  },
]

describeMysql('a statement in flight when the process stopped (MySQL/MariaDB)', () => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await createTestDatabase()
  })
  afterEach(async () => {
    await database?.drop()
  })

  const migrator = () =>
    new Migrator({ dialect: mysqlDialect({ uri: database.uri }), migrations: revisions as never })
  const sql = (text: string, values: unknown[] = []) => database.admin.query(text, values)

  /** At A1 (with its progress table), B2 stopped while statement `done + 1` ran. */
  async function stoppedAt(done: number, statement: string): Promise<void> {
    await migrator().upgrade(A1)
    await sql(
      'INSERT INTO retort_version_progress (revision, direction, statements_done, statement_count, statement_sql, state, error_message, recorded_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
      [B2, 'up', done, 3, statement, 'running', '2026-01-01T00:00:00.000Z'],
    )
  }

  it('CREATE TABLE completed: current says so and offers the stamp; the stamp resolves it', async () => {
    await stoppedAt(1, 'CREATE TABLE `two` (`id` INT NOT NULL PRIMARY KEY) ENGINE=InnoDB')
    await sql('CREATE TABLE one (id int PRIMARY KEY)')
    await sql('CREATE TABLE two (id int PRIMARY KEY)')
    const { incomplete } = await migrator().current()
    expect(incomplete?.inFlight).toEqual({ object: "table 'two'", exists: true, completed: true })
    const message = new IncompleteMigrationError(incomplete!).message
    expect(message).toContain("table 'two' exists, so statement 2 completed")
    expect(message).toContain(
      `either finish statement 3 by hand and run 'retort stamp ${B2}', or undo statements 1..2 by hand and run 'retort stamp ${A1}'`,
    )
    await sql('CREATE INDEX ix_two ON two (id)')
    await migrator().stamp(B2)
    expect(await migrator().current()).toMatchObject({ heads: [B2] })
    expect((await migrator().current()).incomplete).toBeUndefined()
  })

  it('CREATE INDEX not there: it did not take effect', async () => {
    await stoppedAt(2, 'CREATE INDEX `ix_two` ON `two` (`id`)')
    await sql('CREATE TABLE one (id int PRIMARY KEY)')
    await sql('CREATE TABLE two (id int PRIMARY KEY)')
    const error = await migrator()
      .upgrade('head')
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(error).toBeInstanceOf(IncompleteMigrationError)
    expect((error as IncompleteMigrationError).details.inFlight).toEqual({
      object: "index 'ix_two' of table 'two'",
      exists: false,
      completed: false,
    })
    expect((error as Error).message).toContain(
      `either finish statement 3 by hand and run 'retort stamp ${B2}', or undo statements 1..2 by hand and run 'retort stamp ${A1}'`,
    )
  })
})
