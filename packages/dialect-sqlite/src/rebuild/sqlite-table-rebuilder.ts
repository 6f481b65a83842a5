import type { Connection } from '@retort/core'
import { describeOperation } from '@retort/core/dialect'
import type Database from 'better-sqlite3'
import { SqliteIntrospector } from '../sqlite-introspector.js'
import { qualifiedName, quoteIdentifier } from '../sqlite-literal.js'
import {
  type ForeignKeyViolation,
  SqliteForeignKeyError,
  SqliteRebuildError,
} from './sqlite-rebuild-error.js'
import { planTableChange, REBUILD_SUFFIX } from './sqlite-rebuild-plan.js'
import type { SqliteRebuildStep } from './sqlite-rebuild-step.js'

/**
 * Runs a table change the compiler planned ({@link SqliteRebuildStep}) on a live database,
 * inside a savepoint of the current transaction (or a transaction of its own). The table's
 * `CREATE TABLE`, indexes, triggers and the views and triggers that may use it are read
 * through {@link SqliteIntrospector} (on `connection`, whose handle `database` is), and
 * `planTableChange` decides between the native statement and the rebuild from them. A
 * rebuild creates the new table, copies the rows (rowids and the AUTOINCREMENT counter
 * included), drops the old table, renames the new one with `legacy_alter_table` on (so
 * views and other tables' triggers are kept as written and find it by name), recreates the
 * indexes and triggers, checks that no view or trigger broke, and runs
 * `PRAGMA foreign_key_check` on the table and on the tables that reference it. Any failure
 * rolls the savepoint back and throws {@link SqliteRebuildError} or
 * {@link SqliteForeignKeyError}.
 *
 * Foreign keys: with `foreign_keys` ON, dropping the old table would run the ON DELETE
 * actions of the tables that reference it (CASCADE deletes their rows). SQLite cannot
 * switch foreign keys off inside a transaction, so `SqliteConnection.begin()` switches them
 * off before BEGIN for migrations; outside a transaction this function does it itself; and
 * inside a transaction someone else opened with foreign keys ON, it refuses to rebuild a
 * table that others reference.
 *
 * @example
 * ```ts
 * await runRebuildStep(connection, connection.database, statement.rebuild)
 * ```
 */
export async function runRebuildStep(
  connection: Connection,
  database: Database.Database,
  step: SqliteRebuildStep,
  introspector: SqliteIntrospector = new SqliteIntrospector(),
): Promise<void> {
  const inTransaction = database.inTransaction
  const foreignKeys = Number(database.pragma('foreign_keys', { simple: true })) === 1
  const switchForeignKeys = foreignKeys && !inTransaction
  if (switchForeignKeys) database.pragma('foreign_keys = OFF')
  try {
    database.exec('SAVEPOINT retort_rebuild')
    try {
      await applyStep(connection, database, step, introspector, foreignKeys && !switchForeignKeys)
      database.exec('RELEASE retort_rebuild')
    } catch (error) {
      if (database.inTransaction) {
        database.exec('ROLLBACK TO retort_rebuild')
        database.exec('RELEASE retort_rebuild')
      }
      throw error
    }
  } finally {
    if (switchForeignKeys) database.pragma('foreign_keys = ON')
  }
}

async function applyStep(
  connection: Connection,
  database: Database.Database,
  step: SqliteRebuildStep,
  introspector: SqliteIntrospector,
  foreignKeysOn: boolean,
): Promise<void> {
  const { operation, schema } = step
  const what = describeOperation(operation)
  const fail = (message: string, cause?: unknown): never => {
    throw new SqliteRebuildError(step.table, `${what} on SQLite (a table rebuild): ${message}`, {
      cause,
    })
  }

  const source = await introspector.getTableSource(connection, { name: step.table, schema })
  if (source === undefined) return fail(`table '${step.table}' does not exist`)
  const table = source.table
  if (/^\s*CREATE\s+VIRTUAL\b/i.test(source.sql)) {
    return fail(`'${table}' is a virtual table, which cannot be altered`)
  }
  const hasRows =
    step.nativeWhen === 'emptyTable'
      ? await introspector.hasRows(connection, { name: table, schema })
      : undefined
  const change = planTableChange(step, source, { hasRows })
  const run = (sql: string, explain: (message: string) => string, renamed = '') => {
    try {
      database.exec(sql)
    } catch (error) {
      if (!isSqliteError(error)) throw error
      const message = renamed === '' ? error.message : error.message.replaceAll(renamed, table)
      fail(explain(message), error)
    }
  }
  if (change.kind === 'unchanged') return
  if (change.kind === 'native') {
    run(change.sql, (m) => `SQLite refused \`${change.sql}\` (${m})`)
    return
  }
  const { plan } = change
  if (await introspector.hasObject(connection, { name: plan.temporaryName, schema })) {
    fail(
      `a table named '${plan.temporaryName}' is in the way (left by an interrupted rebuild?); drop it first`,
    )
  }

  const referencing = await introspector.referencingTables(connection, { name: table, schema })
  if (foreignKeysOn && referencing.length > 0) {
    fail(
      `table '${table}' is referenced by ${referencing.map((n) => `'${n}'`).join(', ')}, and this transaction runs with PRAGMA foreign_keys ON, under which dropping the old table runs their ON DELETE actions (SQLite cannot switch foreign keys off inside a transaction); start the transaction with SqliteConnection.begin(), which switches them off for the migration and checks them before COMMIT, or set PRAGMA foreign_keys = OFF before BEGIN`,
    )
  }
  const checked = [...new Set([table, ...referencing])]
  const before = await introspector.foreignKeyViolations(connection, schema, checked)
  const schemaBefore = schemaProblem(database, schema, table)
  const sequence = (await introspector.hasObject(connection, { name: 'sqlite_sequence', schema }))
    ? readSequence(database, schema, table)
    : undefined

  const temporary = plan.temporaryName
  run(
    plan.create,
    (m) => `the new definition of '${table}' is not valid (${m}); change the operation`,
    temporary,
  )
  run(
    plan.copy,
    (m) =>
      `copying the rows of '${table}' into its new definition failed (${m}); fix those rows first (e.g. op.execute('UPDATE ...')) or change the operation`,
    temporary,
  )
  run(plan.drop, (m) => `dropping the old table failed (${m})`, temporary)
  const legacy = database.pragma('legacy_alter_table', { simple: true })
  database.pragma('legacy_alter_table = ON')
  try {
    run(plan.rename, (m) => `renaming the new table to '${table}' failed (${m})`, temporary)
  } finally {
    database.pragma(`legacy_alter_table = ${Number(legacy) === 1 ? 'ON' : 'OFF'}`)
  }
  for (const sql of plan.recreate) {
    run(
      sql,
      (m) =>
        `recreating \`${sql.replace(/\s+/g, ' ').slice(0, 60)}\` failed (${m}); drop or change it before this operation`,
      temporary,
    )
  }
  if (plan.autoincrement && sequence !== undefined) writeSequence(database, schema, table, sequence)

  const schemaAfter = schemaProblem(database, schema, table)
  if (schemaAfter !== undefined && schemaAfter !== schemaBefore) {
    fail(`${schemaAfter}; drop or change that view or trigger before this operation`)
  }
  const after = await introspector.foreignKeyViolations(connection, schema, checked)
  for (const [name, problem] of after.mismatches) {
    if (before.mismatches.get(name) !== problem) {
      fail(
        `afterwards the foreign key of '${name}' no longer matches a PRIMARY KEY or UNIQUE key (${problem}); keep the referenced columns unique, or change that foreign key first`,
      )
    }
  }
  const known = new Set(before.violations.map(key))
  const added = after.violations.filter((violation) => !known.has(key(violation)))
  if (added.length > 0) {
    throw new SqliteForeignKeyError(added, `after rebuilding table '${table}' for ${what}`)
  }
}

/**
 * What SQLite says is broken in the views and triggers that use `table`, found by renaming
 * the table (with `legacy_alter_table` off, SQLite checks them all) and rolling back.
 */
function schemaProblem(
  database: Database.Database,
  schema: string | undefined,
  table: string,
): string | undefined {
  const legacy = database.pragma('legacy_alter_table', { simple: true })
  database.pragma('legacy_alter_table = OFF')
  database.exec('SAVEPOINT retort_check')
  try {
    database.exec(
      `ALTER TABLE ${qualifiedName(table, schema)} RENAME TO ${quoteIdentifier(`${table}${REBUILD_SUFFIX}_check`)}`,
    )
    return undefined
  } catch (error) {
    if (!isSqliteError(error)) throw error
    return error.message
  } finally {
    database.exec('ROLLBACK TO retort_check')
    database.exec('RELEASE retort_check')
    database.pragma(`legacy_alter_table = ${Number(legacy) === 1 ? 'ON' : 'OFF'}`)
  }
}

function readSequence(
  database: Database.Database,
  schema: string | undefined,
  table: string,
): number | bigint | undefined {
  const row = database
    .prepare(
      `SELECT seq FROM ${qualifiedName('sqlite_sequence', schema)} WHERE name = ? COLLATE NOCASE`,
    )
    .safeIntegers(true)
    .get(table) as { seq: bigint } | undefined
  return row?.seq
}

/** AUTOINCREMENT never reuses a value: the new table continues from the old counter. */
function writeSequence(
  database: Database.Database,
  schema: string | undefined,
  table: string,
  seq: number | bigint,
): void {
  const sequence = qualifiedName('sqlite_sequence', schema)
  const updated = database
    .prepare(`UPDATE ${sequence} SET seq = max(seq, ?) WHERE name = ? COLLATE NOCASE`)
    .run(seq, table)
  if (updated.changes === 0) {
    database.prepare(`INSERT INTO ${sequence} (name, seq) VALUES (?, ?)`).run(table, seq)
  }
}

function key(violation: ForeignKeyViolation): string {
  return `${violation.table}\u0000${String(violation.rowid)}\u0000${violation.parent}`
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as unknown as { code?: unknown }).code === 'string' &&
    String((error as unknown as { code: string }).code).startsWith('SQLITE_')
  )
}
