// Failures on a real SQLite file: a revision failing mid-run in each transaction mode, a
// revision that opts out of transactions, a database newer than the application, and
// version ids of 255 characters.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  MigrationError,
  Migrator,
  OperationError,
  UnknownDatabaseRevisionError,
  type TransactionMode,
} from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import {
  createTableLines,
  revisionFile,
  tables,
  tempDirs,
  versionRows,
  writeScript,
  yamlRevision,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const userTables = (filename: string) => tables(filename).filter((name) => name.startsWith('t_'))

function setup(specs: readonly RevisionSpec[], transactionMode?: TransactionMode) {
  const dir = dirs.make()
  const scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
  const filename = path.join(dir, 'app.db')
  const migrator = new Migrator({
    scriptLocation,
    dialect: sqliteDialect({ filename }),
    ...(transactionMode === undefined ? {} : { transactionMode }),
  })
  return { dir, scriptLocation, filename, migrator }
}

async function failure(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the run to fail')
    },
    (e: unknown) => e,
  )
  if (!(error instanceof MigrationError)) throw error
  return error
}

// c creates its table, then fails on a statement; d would come after it.
const failing: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  {
    id: 'cccc03',
    down: 'bbbb02',
    upgrade: [
      ...createTableLines('cccc03'),
      '  - execute: INSERT INTO missing_table (x) VALUES (1)',
    ],
    downgrade: ['  - dropTable: { name: t_cccc03 }'],
  },
  { id: 'dddd04', down: 'cccc03' },
]

function expectNamesTheFailure(error: MigrationError, scriptLocation: string): void {
  const file = revisionFile(scriptLocation, failing, 'cccc03')
  expect(error.revision).toBe('cccc03')
  expect(error.direction).toBe('up')
  expect(error.path).toBe(file)
  expect(error.statement).toBe('INSERT INTO missing_table (x) VALUES (1)')
  expect(error.message).toContain("'cccc03'")
  expect(error.message).toContain(file)
  expect(error.message).toContain('INSERT INTO missing_table (x) VALUES (1)')
  expect(error.message).toContain('no such table: missing_table')
}

describe('a revision failing mid-run', () => {
  it("'each' keeps the revisions before it, rows consistent with the schema", async () => {
    const { scriptLocation, filename, migrator } = setup(failing, 'each')
    const error = await failure(migrator.upgrade('heads'))
    expectNamesTheFailure(error, scriptLocation)
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02'])
    expect((await migrator.current()).heads).toEqual(['bbbb02'])

    // Once the revision is fixed, the next run continues from there.
    fs.writeFileSync(
      revisionFile(scriptLocation, failing, 'cccc03'),
      yamlRevision({ id: 'cccc03', down: 'bbbb02' }),
    )
    const again = await migrator.upgrade('heads')
    expect(again.applied.map((a) => a.revision)).toEqual(['cccc03', 'dddd04'])
    expect(versionRows(filename)).toEqual(['dddd04'])
  })

  it("'all' rolls back every revision of the run", async () => {
    const { scriptLocation, filename, migrator } = setup(failing, 'all')
    const error = await failure(migrator.upgrade('heads'))
    expectNamesTheFailure(error, scriptLocation)
    expect(versionRows(filename) ?? []).toEqual([])
    expect(userTables(filename)).toEqual([])
    expect((await migrator.current()).heads).toEqual([])
  })

  it("'all' from a non-empty database goes back to where the run started", async () => {
    const { scriptLocation, filename, migrator } = setup(failing, 'all')
    await migrator.upgrade('aaaa01')
    const error = await failure(migrator.upgrade('heads'))
    expectNamesTheFailure(error, scriptLocation)
    expect(versionRows(filename)).toEqual(['aaaa01'])
    expect(userTables(filename)).toEqual(['t_aaaa01'])
  })

  it("'none' keeps the revisions that completed", async () => {
    const { scriptLocation, filename, migrator } = setup(failing, 'none')
    const error = await failure(migrator.upgrade('heads'))
    expectNamesTheFailure(error, scriptLocation)
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect(userTables(filename)).toContain('t_aaaa01')
    expect(userTables(filename)).toContain('t_bbbb02')
    expect(userTables(filename)).not.toContain('t_dddd04')
  })

  it('a failing downgrade names the revision and keeps the rows consistent', async () => {
    const specs: RevisionSpec[] = [
      { id: 'aaaa01', down: null },
      {
        id: 'bbbb02',
        down: 'aaaa01',
        upgrade: createTableLines('bbbb02'),
        downgrade: ['  - execute: DROP TABLE no_such_table'],
      },
    ]
    const { scriptLocation, filename, migrator } = setup(specs)
    await migrator.upgrade('heads')
    const error = await failure(migrator.downgrade('base'))
    expect(error.revision).toBe('bbbb02')
    expect(error.direction).toBe('down')
    expect(error.path).toBe(revisionFile(scriptLocation, specs, 'bbbb02'))
    expect(error.statement).toBe('DROP TABLE no_such_table')
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect(userTables(filename)).toEqual(['t_aaaa01', 't_bbbb02'])
  })
})

describe('errors raised by the code of a TypeScript revision', () => {
  function setupTs(body: string) {
    const context = setup([{ id: 'aaaa01', down: null }])
    const file = path.join(context.scriptLocation, 'versions', '01_bbbb02.ts')
    fs.writeFileSync(
      file,
      `import type { Operations } from '@retort/core'
export const revision = 'bbbb02'
export const downRevision = 'aaaa01'
export async function upgrade(op: Operations) {
${body}
}
`,
    )
    return { ...context, file }
  }

  it('a wrong operation names the revision and its file, online and offline', async () => {
    const { file, filename, migrator } = setupTs(
      `  op.createTable('t_ok', [op.column('id', 'integer')])\n  op.createTable('t_bad', [])`,
    )
    const error = await failure(migrator.upgrade('heads'))
    expect(error.revision).toBe('bbbb02')
    expect(error.path).toBe(file)
    expect(error.cause).toBeInstanceOf(OperationError)
    expect(error.message).toContain(file)
    expect(error.message).toContain("createTable('t_bad')")
    expect(versionRows(filename)).toEqual(['aaaa01'])
    expect(userTables(filename)).toEqual(['t_aaaa01'])

    const offline = await failure(migrator.upgradeSql('aaaa01:heads'))
    expect(offline.revision).toBe('bbbb02')
    expect(offline.path).toBe(file)
  })

  it('an exception names the revision and its file', async () => {
    const { file, filename, migrator } = setupTs(`  throw new Error('cannot continue')`)
    const error = await failure(migrator.upgrade('heads'))
    expect(error.revision).toBe('bbbb02')
    expect(error.path).toBe(file)
    expect(error.statement).toBeUndefined()
    expect(error.message).toContain('cannot continue')
    expect(versionRows(filename)).toEqual(['aaaa01'])
  })
})

describe('a revision with transaction = false', () => {
  // VACUUM fails inside a transaction: it shows where the revision ran.
  const vacuum = (id: string, down: string, transaction?: boolean): RevisionSpec => ({
    id,
    down,
    ...(transaction === undefined ? {} : { transaction }),
    upgrade: ['  - execute: VACUUM'],
    downgrade: [],
  })

  it("runs outside a transaction in 'each' mode", async () => {
    const specs = [
      { id: 'aaaa01', down: null },
      vacuum('vvvv02', 'aaaa01', false),
      { id: 'bbbb03', down: 'vvvv02' },
    ]
    const { filename, migrator } = setup(specs, 'each')
    const result = await migrator.upgrade('heads')
    expect(result.applied.map((a) => a.revision)).toEqual(['aaaa01', 'vvvv02', 'bbbb03'])
    expect(versionRows(filename)).toEqual(['bbbb03'])
  })

  it('fails inside a transaction when it does not opt out', async () => {
    const specs = [
      { id: 'aaaa01', down: null },
      vacuum('vvvv02', 'aaaa01'),
      { id: 'bbbb03', down: 'vvvv02' },
    ]
    const { filename, migrator } = setup(specs, 'each')
    const error = await failure(migrator.upgrade('heads'))
    expect(error.revision).toBe('vvvv02')
    expect(error.statement).toBe('VACUUM')
    expect(versionRows(filename)).toEqual(['aaaa01'])
  })

  it("in 'all' mode commits what came before it; a later failure keeps it", async () => {
    const specs: RevisionSpec[] = [
      { id: 'aaaa01', down: null },
      vacuum('vvvv02', 'aaaa01', false),
      { id: 'bbbb03', down: 'vvvv02' },
      {
        id: 'cccc04',
        down: 'bbbb03',
        upgrade: ['  - execute: INSERT INTO nowhere VALUES (1)'],
        downgrade: [],
      },
    ]
    const { filename, migrator } = setup(specs, 'all')
    const error = await failure(migrator.upgrade('heads'))
    expect(error.revision).toBe('cccc04')
    // a and v were committed before v ran; b was in the transaction that c rolled back.
    expect(versionRows(filename)).toEqual(['vvvv02'])
    expect(userTables(filename)).toEqual(['t_aaaa01'])
  })
})

describe('a database newer than the application', () => {
  const newer: RevisionSpec[] = [
    { id: 'aaaa01', down: null },
    { id: 'bbbb02', down: 'aaaa01' },
    { id: 'cccc03', down: 'bbbb02' },
    { id: 'zzzz09', down: null },
  ]
  const older = newer.slice(0, 2)

  async function newerDatabase() {
    const { filename, migrator } = setup(newer)
    await migrator.upgrade('heads')
    expect(versionRows(filename)).toEqual(['cccc03', 'zzzz09'])
    const app = setup(older)
    fs.copyFileSync(filename, app.filename)
    return app
  }

  async function unknownError(promise: Promise<unknown>): Promise<UnknownDatabaseRevisionError> {
    const error = await promise.then(
      () => {
        throw new Error('expected UnknownDatabaseRevisionError')
      },
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UnknownDatabaseRevisionError)
    return error as UnknownDatabaseRevisionError
  }

  it('upgrade and downgrade fail with an error naming the unknown ids', async () => {
    const { filename, migrator } = await newerDatabase()
    const error = await unknownError(migrator.upgrade('heads'))
    expect([...error.revisions].sort()).toEqual(['cccc03', 'zzzz09'])
    expect(error.code).toBe('database-newer')
    expect(error.message).toContain("'cccc03'")
    expect(error.message).toContain("'zzzz09'")
    expect(error.message).toMatch(/update the application/)

    await unknownError(migrator.downgrade('aaaa01'))
    await unknownError(migrator.stamp('heads'))
    await unknownError(migrator.current({ checkHeads: true }))
    // Nothing changed.
    expect(versionRows(filename)).toEqual(['cccc03', 'zzzz09'])
  })

  it('current still reports the rows; stamp --purge gets out', async () => {
    const { filename, migrator } = await newerDatabase()
    const now = await migrator.current()
    expect([...now.heads].sort()).toEqual(['cccc03', 'zzzz09'])
    expect(now.revisions).toEqual([])

    const purged = await migrator.stamp('bbbb02', { purge: true })
    expect(purged.heads).toEqual(['bbbb02'])
    expect(versionRows(filename)).toEqual(['bbbb02'])
    expect((await migrator.upgrade('heads')).applied).toEqual([])
    expect((await migrator.current({ checkHeads: true })).heads).toEqual(['bbbb02'])
  })
})

describe('long version ids', () => {
  it('stores and moves ids of 255 characters', async () => {
    const first = `a${'1'.repeat(254)}`
    const second = `b${'2'.repeat(254)}`
    expect(first).toHaveLength(255)
    const specs: RevisionSpec[] = [
      { id: first, down: null, upgrade: createTableLines('first') },
      { id: second, down: first, upgrade: createTableLines('second') },
    ]
    const { filename, migrator } = setup(specs)
    expect((await migrator.upgrade(first)).heads).toEqual([first])
    expect(versionRows(filename)).toEqual([first])
    expect((await migrator.upgrade('heads')).heads).toEqual([second])
    expect(versionRows(filename)).toEqual([second])
    expect((await migrator.current()).heads).toEqual([second])
    expect((await migrator.show(second.slice(0, 8))).map((r) => r.revision)).toEqual([second])
    expect((await migrator.downgrade(first)).heads).toEqual([first])
    expect(versionRows(filename)).toEqual([first])

    const sql = await migrator.upgradeSql('base:heads')
    expect(sql).toContain('"version_num" VARCHAR(255)')
    expect(sql).toContain(second)

    const db = new Database(filename, { readonly: true })
    const type = db
      .prepare(`SELECT type FROM pragma_table_info('retort_version') WHERE name = 'version_num'`)
      .get() as { type: string }
    db.close()
    expect(type.type).toBe('VARCHAR(255)')
  })
})
