import { describe, expect, it } from 'vitest'
import {
  DefaultProgressCompiler,
  IncompleteMigrationError,
  MigrationError,
  Migrator,
  PartialMigrationError,
  type CompiledStatement,
  type Compiler,
  type Operation,
  type Operations,
  type ProgressRecord,
} from '@retort/core'
import { FakeDatabase } from './helpers/fake-dialect.js'

// r1 -> r2 (four statements) -> r3; keyed by path, as import.meta.glob gives them.
const migrations = (options: { transaction?: boolean } = {}) => ({
  'versions/r1_one.ts': {
    revision: 'r1r1r1r1r1r1',
    downRevision: null,
    upgrade: (op: Operations) => op.createTable('one', [op.column('id', 'integer')]),
    downgrade: (op: Operations) => op.dropTable('one'),
  },
  'versions/r2_four.ts': {
    revision: 'r2r2r2r2r2r2',
    downRevision: 'r1r1r1r1r1r1',
    ...(options.transaction === false ? { transaction: false } : {}),
    upgrade(op: Operations) {
      op.createTable('a', [op.column('id', 'integer')])
      op.createTable('b', [op.column('id', 'integer')])
      op.execute('UPDATE broken SET x = ?', [1])
      op.createTable('d', [op.column('id', 'integer')])
    },
    downgrade(op: Operations) {
      op.dropTable('d')
      op.execute('DELETE FROM broken')
      op.dropTable('b')
      op.dropTable('a')
    },
  },
  'versions/r3_three.ts': {
    revision: 'r3r3r3r3r3r3',
    downRevision: 'r2r2r2r2r2r2',
    upgrade: (op: Operations) => op.createTable('three', [op.column('id', 'integer')]),
    downgrade: (op: Operations) => op.dropTable('three'),
  },
})

const broken = (sql: string) => sql.includes('broken')

function setup(
  transactionalDdl: boolean,
  options: {
    transaction?: boolean
    mode?: 'each' | 'all' | 'none'
    withProgressSql?: boolean
  } = {},
) {
  const db = new FakeDatabase(transactionalDdl)
  const migrator = new Migrator({
    migrations: migrations(options),
    dialect: db.dialect(options.withProgressSql === false ? { withProgressSql: false } : {}),
    ...(options.mode ? { transactionMode: options.mode } : {}),
  })
  return { db, migrator }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('partial-failure record (database without transactional DDL)', () => {
  it('a revision failing at its 3rd statement names revision, file and statement, and is recorded', async () => {
    const { db, migrator } = setup(false)
    db.failOn = broken
    const error = await failure(migrator.upgrade('head'))
    expect(error).toBeInstanceOf(PartialMigrationError)
    expect(error).toBeInstanceOf(MigrationError)
    const message = (error as Error).message
    expect(message).toContain(
      "upgrade of revision 'r2r2r2r2r2r2' in 'versions/r2_four.ts' failed at statement `UPDATE broken SET x = ?` (3 of 4)",
    )
    expect(message).toContain('statements 1..2 stayed applied')
    expect(message).toContain("'retort_version_progress'")
    expect(message).toContain("'retort stamp r2r2r2r2r2r2'")
    expect(message).toContain("'retort stamp r1r1r1r1r1r1'")
    expect(message).not.toContain('\n')
    expect(db.state.versions).toEqual(['r1r1r1r1r1r1'])
    expect([...db.state.tables]).toEqual(expect.arrayContaining(['a', 'b']))
    expect(db.state.tables.has('d')).toBe(false)
    const record = db.state.progress.get('r2r2r2r2r2r2')
    expect(record).toMatchObject({
      direction: 'up',
      statementsDone: 2,
      statementCount: 4,
      statement: 'UPDATE broken SET x = ?',
      state: 'failed',
      error: 'cannot run UPDATE broken SET x = ?',
    })
  })

  it('the next upgrade and downgrade refuse, saying what was applied and how to resolve it', async () => {
    const { db, migrator } = setup(false)
    db.failOn = broken
    await failure(migrator.upgrade('head'))
    db.failOn = () => false
    const logged = db.log.length
    for (const run of [() => migrator.upgrade('head'), () => migrator.downgrade('base')]) {
      const error = await failure(run())
      expect(error).toBeInstanceOf(IncompleteMigrationError)
      const message = (error as Error).message
      expect(message).toMatch(
        /^the upgrade of revision 'r2r2r2r2r2r2' in 'versions\/r2_four\.ts' stopped part-way \(recorded in 'retort_version_progress' at \d{4}-/,
      )
      expect(message).toContain(
        'statements 1..2 of 4 completed; statement 3 `UPDATE broken SET x = ?` failed: cannot run UPDATE broken SET x = ?',
      )
      expect(message).toContain(
        "either finish statements 3..4 by hand and run 'retort stamp r2r2r2r2r2r2', or undo statements 1..2 by hand and run 'retort stamp r1r1r1r1r1r1'",
      )
      expect((error as IncompleteMigrationError).code).toBe('incomplete-migration')
      expect((error as IncompleteMigrationError).details.finish).toEqual(['r2r2r2r2r2r2'])
    }
    // Nothing ran: no statement of a revision, no version-row change.
    expect(db.log.slice(logged).filter((sql) => !/^(has-table|select-)/.test(sql))).toEqual([])
  })

  it('current reports the record without creating anything; --check-heads fails on it', async () => {
    const { db, migrator } = setup(false)
    expect((await migrator.current()).incomplete).toBeUndefined()
    expect(db.state.tables.size).toBe(0)
    db.failOn = broken
    await failure(migrator.upgrade('head'))
    const result = await migrator.current()
    expect(result.heads).toEqual(['r1r1r1r1r1r1'])
    expect(result.incomplete?.record).toMatchObject({ revision: 'r2r2r2r2r2r2', statementsDone: 2 })
    expect(result.incomplete?.path).toBe('versions/r2_four.ts')
    await expect(migrator.current({ checkHeads: true })).rejects.toBeInstanceOf(
      IncompleteMigrationError,
    )
  })

  it('stamp clears the record: finished by hand then stamped, the upgrade goes on', async () => {
    const { db, migrator } = setup(false)
    db.failOn = broken
    await failure(migrator.upgrade('head'))
    db.failOn = () => false
    const stamped = await migrator.stamp('r2r2r2r2r2r2')
    expect(stamped.databases[0]?.incomplete?.record.revision).toBe('r2r2r2r2r2r2')
    expect(db.state.progress.size).toBe(0)
    expect((await migrator.current()).incomplete).toBeUndefined()
    const result = await migrator.upgrade('head')
    expect(result.applied.map((a) => a.revision)).toEqual(['r3r3r3r3r3r3'])
  })

  it('undone by hand then stamped at the old revision, the fixed revision runs again', async () => {
    const { db, migrator } = setup(false)
    db.failOn = broken
    await failure(migrator.upgrade('head'))
    db.failOn = () => false
    // A no-op stamp (the rows did not move) is enough to clear the record.
    await migrator.stamp('r1r1r1r1r1r1')
    expect(db.state.progress.size).toBe(0)
    const result = await migrator.upgrade('head')
    expect(result.applied.map((a) => a.revision)).toEqual(['r2r2r2r2r2r2', 'r3r3r3r3r3r3'])
    expect(db.state.versions).toEqual(['r3r3r3r3r3r3'])
  })

  it('stamp --purge clears it too', async () => {
    const { db, migrator } = setup(false)
    db.failOn = broken
    await failure(migrator.upgrade('head'))
    await migrator.stamp('r1r1r1r1r1r1', { purge: true })
    expect(db.state.progress.size).toBe(0)
  })

  it('a failing first statement applied nothing: a plain MigrationError and no record', async () => {
    const { db, migrator } = setup(false)
    db.failOn = (sql) => sql === 'createTable a'
    const error = await failure(migrator.upgrade('head'))
    expect(error).toBeInstanceOf(MigrationError)
    expect(error).not.toBeInstanceOf(PartialMigrationError)
    expect(db.state.progress.size).toBe(0)
    db.failOn = () => false
    expect((await migrator.upgrade('head')).applied).toHaveLength(2)
  })

  it('a killed process (the connection dies mid-revision) leaves a running record', async () => {
    const { db, migrator } = setup(false)
    db.dieAfter = (sql) => sql === 'createTable b'
    await failure(migrator.upgrade('head'))
    expect(db.state.progress.get('r2r2r2r2r2r2')).toMatchObject({
      state: 'running',
      statementsDone: 1,
      statement: 'createTable b',
    })
    db.dieAfter = () => false
    const error = await failure(migrator.upgrade('head'))
    expect(error).toBeInstanceOf(IncompleteMigrationError)
    // Not a statement whose effect the schema shows: unknown, so both ways are offered.
    expect((error as Error).message).toContain(
      'statement 1 of 4 completed; statement 2 `createTable b` was running when the process stopped and its effect is unknown: check it by hand',
    )
    expect((error as Error).message).toContain(
      "if statement 2 took effect, either finish statements 3..4 by hand and run 'retort stamp r2r2r2r2r2r2', or undo statements 1..2 by hand and run 'retort stamp r1r1r1r1r1r1'",
    )
    expect((error as Error).message).toContain(
      "if it did not, either finish statements 2..4 by hand and run 'retort stamp r2r2r2r2r2r2', or undo statement 1 by hand and run 'retort stamp r1r1r1r1r1r1'",
    )
  })

  it('every completed revision deletes its record with its version-row change', async () => {
    const { db, migrator } = setup(false)
    await migrator.upgrade('head')
    expect(db.state.progress.size).toBe(0)
    const r2 = db.log.indexOf('createTable a')
    expect(db.log.filter((sql) => sql === 'create-progress')).toHaveLength(1)
    expect(db.log.indexOf('create-progress')).toBeLessThan(db.log.indexOf('createTable one'))
    expect(db.log[r2 - 1]).toBe('insert-progress')
    expect(db.log.slice(r2 + 1, r2 + 4)).toEqual([
      'update-progress',
      'createTable b',
      'update-progress',
    ])
    // The version row, the revision's ledger row and the deletion of its record go together.
    const update = db.log.indexOf('update-version', r2)
    expect(db.log.slice(update + 1, update + 3)).toEqual([
      'bulkInsert retort_version_ledger',
      'delete-progress',
    ])
  })

  it('a downgrade failing part-way: advice to finish (stamp the parent) or undo (stamp the revision)', async () => {
    const { db, migrator } = setup(false)
    await migrator.upgrade('head')
    db.failOn = (sql) => sql === 'DELETE FROM broken'
    const error = await failure(migrator.downgrade('base'))
    expect(error).toBeInstanceOf(PartialMigrationError)
    expect((error as Error).message).toContain("downgrade of revision 'r2r2r2r2r2r2'")
    expect(db.state.versions).toEqual(['r2r2r2r2r2r2'])
    db.failOn = () => false
    const refused = await failure(migrator.upgrade('head'))
    expect((refused as Error).message).toContain(
      "either finish statements 2..4 by hand and run 'retort stamp r1r1r1r1r1r1', or undo statement 1 by hand and run 'retort stamp r2r2r2r2r2r2'",
    )
  })
})

describe('partial-failure record on a database with transactional DDL', () => {
  it('a transactional revision rolls back whole: no progress table at all', async () => {
    const { db, migrator } = setup(true)
    db.failOn = broken
    const error = await failure(migrator.upgrade('head'))
    expect(error).toBeInstanceOf(MigrationError)
    expect(error).not.toBeInstanceOf(PartialMigrationError)
    expect(db.state.tables.has('progress')).toBe(false)
    expect(db.log).not.toContain('create-progress')
    expect(db.state.versions).toEqual(['r1r1r1r1r1r1'])
  })

  it('a revision with transaction = false is tracked', async () => {
    const { db, migrator } = setup(true, { transaction: false })
    db.failOn = broken
    await expect(migrator.upgrade('head')).rejects.toBeInstanceOf(PartialMigrationError)
    db.failOn = () => false
    await expect(migrator.upgrade('head')).rejects.toBeInstanceOf(IncompleteMigrationError)
  })

  it("transactionMode 'none' tracks every revision", async () => {
    const { db, migrator } = setup(true, { mode: 'none' })
    db.failOn = broken
    await expect(migrator.upgrade('head')).rejects.toBeInstanceOf(PartialMigrationError)
    expect(db.state.versions).toEqual(['r1r1r1r1r1r1'])
  })

  it("transactionMode 'all' with transaction = false: the earlier revisions are committed, the version rows stay consistent", async () => {
    const { db, migrator } = setup(true, { transaction: false, mode: 'all' })
    db.failOn = broken
    await expect(migrator.upgrade('head')).rejects.toBeInstanceOf(PartialMigrationError)
    expect(db.state.versions).toEqual(['r1r1r1r1r1r1'])
    db.failOn = () => false
    await migrator.stamp('r1r1r1r1r1r1')
    const result = await migrator.upgrade('head')
    expect(result.applied.map((a) => a.revision)).toEqual(['r2r2r2r2r2r2', 'r3r3r3r3r3r3'])
    expect(db.state.progress.size).toBe(0)
  })
})

describe('DefaultProgressCompiler', () => {
  const compiler: Compiler = {
    compile: (operation: Operation): CompiledStatement[] => {
      switch (operation.kind) {
        case 'execute':
          return [{ sql: operation.sql, parameters: operation.parameters }]
        case 'bulkInsert':
          return [
            {
              sql: `INSERT INTO ${operation.schema ? `[${operation.schema}].` : ''}[${operation.table}] (${operation.columns.join(', ')}) VALUES (...)`,
              parameters: operation.rows.flat(),
            },
          ]
        case 'createTable':
          return [
            {
              sql: `CREATE TABLE${operation.ifNotExists ? ' IF NOT EXISTS' : ''} [${operation.name}] (${operation.columns
                .map(
                  (c) =>
                    `${c.name} ${typeof c.type === 'string' ? c.type : c.type.raw}${c.primaryKey ? ' PK' : ''}`,
                )
                .join(', ')})`,
              parameters: [],
            },
          ]
        default:
          return []
      }
    },
    quoteIdentifier: (name) => `[${name}]`,
    inline: (statement) => statement.sql,
    createVersionTable: () => [],
    selectVersions: () => ({ sql: '', parameters: [] }),
    insertVersion: () => ({ sql: '', parameters: [] }),
    updateVersion: () => ({ sql: '', parameters: [] }),
    deleteVersion: () => ({ sql: '', parameters: [] }),
  }
  const progress = new DefaultProgressCompiler(compiler)
  const table = { name: 'v_progress', schema: 'app' }
  const record: ProgressRecord = {
    revision: 'r2',
    direction: 'up',
    statementsDone: 2,
    statementCount: 4,
    statement: "it's",
    state: 'failed',
    error: null,
    recordedAt: '2025-01-01T00:00:00.000Z',
  }

  it('builds the table from portable operations compiled by the dialect', () => {
    expect(progress.createProgressTable(table, 255)).toEqual([
      {
        sql: 'CREATE TABLE IF NOT EXISTS [v_progress] (revision string PK, direction string, statements_done integer, statement_count integer, statement_sql text, state string, error_message text, recorded_at string)',
        parameters: [],
      },
    ])
  })

  it('quotes identifiers and binds every value', () => {
    expect(progress.selectProgress(table).sql).toBe(
      'SELECT [revision], [direction], [statements_done], [statement_count], [statement_sql], [state], [error_message], [recorded_at] FROM [app].[v_progress] ORDER BY [recorded_at]',
    )
    expect(progress.insertProgress(table, record)).toEqual({
      sql: 'INSERT INTO [app].[v_progress] (revision, direction, statements_done, statement_count, statement_sql, state, error_message, recorded_at) VALUES (...)',
      parameters: ['r2', 'up', 2, 4, "it's", 'failed', null, '2025-01-01T00:00:00.000Z'],
    })
    expect(progress.updateProgress(table, record)).toEqual({
      sql: 'UPDATE [app].[v_progress] SET [direction] = ?, [statements_done] = ?, [statement_count] = ?, [statement_sql] = ?, [state] = ?, [error_message] = ?, [recorded_at] = ? WHERE [revision] = ?',
      parameters: ['up', 2, 4, "it's", 'failed', null, '2025-01-01T00:00:00.000Z', 'r2'],
    })
    expect(progress.deleteProgress(table, 'r2')).toEqual({
      sql: 'DELETE FROM [app].[v_progress] WHERE [revision] = ?',
      parameters: ['r2'],
    })
  })
})
