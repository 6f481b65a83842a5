// What `retort current` says about the progress record a stopped revision left: when the
// statement in flight creates or drops a table or index, it looks whether the object is
// there and offers the one stamp that fits; a record it cannot read is named as such,
// with how to clear it.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { progressCompilerOf } from '../../core/src/runtime/default-progress-compiler.js'
import type { ProgressRecord } from '../../core/src/progress-record.js'
import { progressTableFor } from '../../core/src/runtime/progress-table.js'
import { SqliteCompiler } from '../../dialect-sqlite/src/sqlite-compiler.js'
import { toSqliteValue } from '../../dialect-sqlite/src/sqlite-literal.js'
import { createProject } from './helpers/project.js'
import { ok, retort, retortJson } from './helpers/in-process.js'

interface SqliteHandle {
  exec(sql: string): void
  prepare(sql: string): { run(...values: unknown[]): unknown }
  close(): void
}
// better-sqlite3 as the dialect package resolves it (the CLI package does not depend on it).
const Database = createRequire(
  fileURLToPath(new URL('../../dialect-sqlite/package.json', import.meta.url)),
)('better-sqlite3') as new (filename: string) => SqliteHandle

const A1 = 'a1a1a1a1a1a1'
const B2 = 'b2b2b2b2b2b2'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A project at A1 whose B2 (three CREATE TABLEs outside a transaction) stopped part-way. */
async function stopped(
  record: Partial<ProgressRecord>,
  tables: readonly string[],
): Promise<string> {
  const { dir, cleanup } = createProject('retort-cli-inflight-')
  cleanups.push(cleanup)
  mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
  writeFileSync(
    join(dir, 'migrations/versions/a1_base.mjs'),
    `export const revision = '${A1}'
export const downRevision = null
export function upgrade(op) { op.createTable('base_table', [op.column('id', 'integer', { primaryKey: true })]) }
export function downgrade(op) { op.dropTable('base_table') }
`,
  )
  writeFileSync(
    join(dir, 'migrations/versions/b2_three.mjs'),
    `export const revision = '${B2}'
export const downRevision = '${A1}'
export const transaction = false
export function upgrade(op) {
  op.createTable('one', [op.column('id', 'integer', { primaryKey: true })])
  op.createTable('two', [op.column('id', 'integer', { primaryKey: true })])
  op.createIndex('ix_two', 'two', ['id'])
}
export function downgrade(op) { op.dropTable('two'); op.dropTable('one') }
`,
  )
  await ok(dir, ['upgrade', A1])
  // What a process killed in the middle of B2 leaves: the tables of the statements that
  // ran, and the record written before the statement in flight.
  const db = new Database(join(dir, 'app.db'))
  const compiler = progressCompilerOf(new SqliteCompiler())
  const table = progressTableFor({ name: 'retort_version' })
  for (const statement of compiler.createProgressTable(table, 255)) db.exec(statement.sql)
  const full: ProgressRecord = {
    revision: B2,
    direction: 'up',
    statementsDone: 1,
    statementCount: 3,
    statement: 'CREATE TABLE "two" ("id" INTEGER NOT NULL PRIMARY KEY)',
    state: 'running',
    error: null,
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...record,
  }
  const insert = compiler.insertProgress(table, full)
  db.prepare(insert.sql).run(...insert.parameters.map(toSqliteValue))
  for (const name of tables) db.exec(`CREATE TABLE "${name}" ("id" INTEGER NOT NULL PRIMARY KEY)`)
  db.close()
  return dir
}

describe('retort current and a statement in flight when the process stopped', () => {
  it('the table exists: the statement completed, and the stamp that records that is offered', async () => {
    const dir = await stopped({}, ['one', 'two'])
    const text = await ok(dir, ['current'])
    expect(text).toContain(
      'statement 2 `CREATE TABLE "two" ("id" INTEGER NOT NULL PRIMARY KEY)` was running when the process stopped; table \'two\' exists, so statement 2 completed',
    )
    expect(text).toContain(
      `either finish statement 3 by hand and run 'retort stamp ${B2}', or undo statements 1..2 by hand and run 'retort stamp ${A1}'`,
    )
    const json = await retortJson<{ incomplete: Record<string, unknown> }>(dir, ['current'])
    expect(json.incomplete['inFlight']).toEqual({
      object: "table 'two'",
      exists: true,
      completed: true,
    })
    // The refusal says the same.
    const refused = await retort(dir, ['upgrade', 'heads'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain("table 'two' exists, so statement 2 completed")
  })

  it('the table is not there: the statement did not take effect', async () => {
    const dir = await stopped({}, ['one'])
    const text = await ok(dir, ['current'])
    expect(text).toContain("table 'two' does not exist, so statement 2 did not take effect")
    expect(text).toContain(
      `either finish statements 2..3 by hand and run 'retort stamp ${B2}', or undo statement 1 by hand and run 'retort stamp ${A1}'`,
    )
  })

  it('the last statement, an index, completed: stamping the revision is all there is to do', async () => {
    const dir = await stopped(
      {
        statementsDone: 2,
        statement: 'CREATE INDEX "ix_two" ON "two" ("id")',
      },
      ['one', 'two'],
    )
    // The index of the statement in flight, created before the process stopped.
    const db = new Database(join(dir, 'app.db'))
    db.exec('CREATE INDEX "ix_two" ON "two" ("id")')
    db.close()
    const text = await ok(dir, ['current'])
    expect(text).toContain("index 'ix_two' of table 'two' exists, so statement 3 completed")
    expect(text).toContain(
      `either run 'retort stamp ${B2}', or undo statements 1..3 by hand and run 'retort stamp ${A1}'`,
    )
    await ok(dir, ['stamp', B2])
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [B2] })
  })

  it('a statement whose effect the schema does not show: unknown, with both ways', async () => {
    const dir = await stopped({ statement: 'UPDATE "one" SET "id" = 2' }, ['one'])
    const text = await ok(dir, ['current'])
    expect(text).toContain('was running when the process stopped and its effect is unknown')
    expect(text).toContain(`if statement 2 took effect, either finish statement 3 by hand`)
    expect(text).toContain(`if it did not, either finish statements 2..3 by hand`)
  })
})

describe('retort current and a progress record it cannot read', () => {
  it('names the table and the problem; upgrade refuses; stamp clears it', async () => {
    const dir = await stopped({}, ['one'])
    const db = new Database(join(dir, 'app.db'))
    db.exec("UPDATE retort_version_progress SET statements_done = 'abc', statement_count = 'NaN'")
    db.close()
    const text = await ok(dir, ['current'])
    expect(text).not.toContain('NaN')
    expect(text).toContain(
      `unreadable: the progress table 'retort_version_progress' holds a record Retort cannot read (revision '${B2}': statements_done is 'abc', expected a whole number), so what ran is unknown; nothing runs on this database until it is cleared: make the schema match a revision and run 'retort stamp' with that revision, which empties the progress table`,
    )
    const json = await retortJson<{ heads: string[]; unreadableProgress: Record<string, unknown> }>(
      dir,
      ['current'],
    )
    expect(json.heads).toEqual([A1])
    expect(json.unreadableProgress).toMatchObject({
      table: 'retort_version_progress',
      revision: B2,
      problem: "statements_done is 'abc', expected a whole number",
    })
    const refused = await retort(dir, ['upgrade', 'heads'])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toContain("the progress table 'retort_version_progress' holds a record")
    expect((await retort(dir, ['current', '--check-heads'])).code).toBe(1)

    await ok(dir, ['stamp', A1])
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [A1] })
    // With the one created table dropped by hand, B2 runs again from the start.
    const fix = new Database(join(dir, 'app.db'))
    fix.exec('DROP TABLE "one"')
    fix.close()
    await ok(dir, ['upgrade', 'heads'])
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [B2] })
  })

  it('a table of that name that is not a progress table: one line naming it', async () => {
    const dir = await stopped({}, [])
    const db = new Database(join(dir, 'app.db'))
    db.exec('DROP TABLE retort_version_progress')
    db.exec('CREATE TABLE retort_version_progress (note TEXT)')
    db.close()
    const refused = await retort(dir, ['current'])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(
      /cannot read the progress table 'retort_version_progress' \(.*no such column.*\); Retort keeps the columns revision, direction, .* there: if this table is something else of the same name, rename or drop it, or choose another versionTable/,
    )
  })
})
