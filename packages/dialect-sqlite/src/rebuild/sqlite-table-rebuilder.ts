import { describeOperation } from '@retort/core/operations/describe-operation'
import type Database from 'better-sqlite3'
import { qualifiedName, quoteIdentifier } from '../sqlite-literal.js'
import {
  type ForeignKeyViolation,
  SqliteForeignKeyError,
  SqliteRebuildError,
} from './sqlite-rebuild-error.js'
import { planRebuild, REBUILD_SUFFIX, type SchemaObjectSql } from './sqlite-rebuild-plan.js'
import type { SqliteRebuildRequest } from './sqlite-rebuild-step.js'

/**
 * Runs a table rebuild on a live database, inside a savepoint of the current transaction
 * (or a transaction of its own): reads the table's `CREATE TABLE`, its indexes and
 * triggers from `sqlite_master`, tries the native statement first when there is one,
 * then creates the new table, copies the rows (rowids and the AUTOINCREMENT counter
 * included), drops the old table, renames the new one with `legacy_alter_table` on (so views
 * and other tables' triggers are kept as written and find it by name), recreates the
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
 * rebuildTable(db, { table: 'parent', operation: op.alterColumn('parent', 'name', { nullable: false }) })
 * ```
 */
export function rebuildTable(database: Database.Database, request: SqliteRebuildRequest): void {
  const inTransaction = database.inTransaction
  const foreignKeys = Number(database.pragma('foreign_keys', { simple: true })) === 1
  const switchForeignKeys = foreignKeys && !inTransaction
  if (switchForeignKeys) database.pragma('foreign_keys = OFF')
  try {
    database.exec('SAVEPOINT retort_rebuild')
    try {
      if (request.native === undefined || !tryNative(database, request.native)) {
        rebuild(database, request, foreignKeys && !switchForeignKeys)
      }
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

/**
 * The rows `PRAGMA foreign_key_check` reports for the tables that have foreign keys (all of
 * them, or the given ones) in a database (`main` by default). A table whose foreign key
 * does not match a key of its parent ("foreign key mismatch") is skipped here: SQLite
 * itself refuses writes to it.
 *
 * @example
 * ```ts
 * foreignKeyViolations(db, undefined) // [{ table: 'child', rowid: 3, parent: 'parent' }]
 * ```
 */
export function foreignKeyViolations(
  database: Database.Database,
  schema: string | undefined,
  tables?: readonly string[],
): ForeignKeyViolation[] {
  const names =
    tables ??
    (
      database
        .prepare(
          // A foreign key can only be declared with REFERENCES in the table's SQL, so this
          // text filter finds a superset of the tables with foreign keys without calling
          // pragma_foreign_key_list once per table (which made every commit O(tables)).
          `SELECT m.name AS name FROM ${schema === undefined ? 'sqlite_master' : `${quoteIdentifier(schema)}.sqlite_master`} AS m WHERE m.type = 'table' AND m.sql LIKE '%REFERENCES%'`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name)
  return names.flatMap((table) => {
    try {
      return checkTable(database, schema, table)
    } catch (error) {
      if (isSqliteError(error) && /foreign key mismatch/.test(error.message)) return []
      throw error
    }
  })
}

function checkTable(
  database: Database.Database,
  schema: string | undefined,
  table: string,
): ForeignKeyViolation[] {
  const rows = database
    .prepare('SELECT "table", rowid, parent FROM pragma_foreign_key_check(?, ?)')
    .all(table, schema ?? 'main') as {
    table: string
    rowid: number | bigint | null
    parent: string
  }[]
  return rows.map((row) => ({ table: row.table, rowid: row.rowid, parent: row.parent }))
}

function tryNative(database: Database.Database, sql: string): boolean {
  try {
    database.exec(sql)
    return true
  } catch (error) {
    if (!isSqliteError(error)) throw error
    // SQLite refused (a key, UNIQUE or indexed column, a non-constant default ...).
    database.exec('ROLLBACK TO retort_rebuild')
    return false
  }
}

function rebuild(
  database: Database.Database,
  request: SqliteRebuildRequest,
  foreignKeysOn: boolean,
): void {
  const { operation, schema } = request
  const master = schema === undefined ? 'sqlite_master' : `${quoteIdentifier(schema)}.sqlite_master`
  const what = describeOperation(operation)
  const fail = (message: string, cause?: unknown): never => {
    throw new SqliteRebuildError(request.table, `${what} on SQLite (a table rebuild): ${message}`, {
      cause,
    })
  }

  const found = database
    .prepare(`SELECT name, sql FROM ${master} WHERE type = 'table' AND name = ? COLLATE NOCASE`)
    .get(request.table) as { name: string; sql: string } | undefined
  if (found === undefined) return fail(`table '${request.table}' does not exist`)
  const table = found.name
  if (/^\s*CREATE\s+VIRTUAL\b/i.test(found.sql)) {
    return fail(`'${table}' is a virtual table, which cannot be altered`)
  }
  const objects = (type: string) =>
    database
      .prepare(
        `SELECT name, sql FROM ${master} WHERE type = ? AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid`,
      )
      .all(type, table) as SchemaObjectSql[]
  const plan = planRebuild(
    { table, schema, sql: found.sql, indexes: objects('index'), triggers: objects('trigger') },
    operation,
  )
  if (!plan.changed) return
  const taken = database
    .prepare(`SELECT 1 FROM ${master} WHERE name = ? COLLATE NOCASE`)
    .get(plan.temporaryName)
  if (taken !== undefined) {
    fail(
      `a table named '${plan.temporaryName}' is in the way (left by an interrupted rebuild?); drop it first`,
    )
  }

  const referencing = (
    database
      .prepare(
        `SELECT DISTINCT m.name AS name FROM ${master} AS m, pragma_foreign_key_list(m.name, ?) AS f WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE`,
      )
      .all(schema ?? 'main', table) as { name: string }[]
  ).map((row) => row.name)
  if (foreignKeysOn && referencing.length > 0) {
    fail(
      `table '${table}' is referenced by ${referencing.map((n) => `'${n}'`).join(', ')}, and this transaction runs with PRAGMA foreign_keys ON, under which dropping the old table runs their ON DELETE actions (SQLite cannot switch foreign keys off inside a transaction); start the transaction with SqliteConnection.begin(), which switches them off for the migration and checks them before COMMIT, or set PRAGMA foreign_keys = OFF before BEGIN`,
    )
  }
  const checked = [...new Set([table, ...referencing])]
  const before = checkForeignKeys(database, schema, checked)
  const schemaBefore = schemaProblem(database, schema, table)
  const sequence = readSequence(database, schema, master, table)

  const run = (sql: string, explain: (message: string) => string) => {
    try {
      database.exec(sql)
    } catch (error) {
      if (!isSqliteError(error)) throw error
      fail(explain(error.message.replaceAll(plan.temporaryName, table)), error)
    }
  }
  run(
    plan.create,
    (m) => `the new definition of '${table}' is not valid (${m}); change the operation`,
  )
  run(
    plan.copy,
    (m) =>
      `copying the rows of '${table}' into its new definition failed (${m}); fix those rows first (e.g. op.execute('UPDATE ...')) or change the operation`,
  )
  run(plan.drop, (m) => `dropping the old table failed (${m})`)
  const legacy = database.pragma('legacy_alter_table', { simple: true })
  database.pragma('legacy_alter_table = ON')
  try {
    run(plan.rename, (m) => `renaming the new table to '${table}' failed (${m})`)
  } finally {
    database.pragma(`legacy_alter_table = ${Number(legacy) === 1 ? 'ON' : 'OFF'}`)
  }
  for (const sql of plan.recreate) {
    run(
      sql,
      (m) =>
        `recreating \`${sql.replace(/\s+/g, ' ').slice(0, 60)}\` failed (${m}); drop or change it before this operation`,
    )
  }
  if (plan.autoincrement && sequence !== undefined) writeSequence(database, schema, table, sequence)

  const schemaAfter = schemaProblem(database, schema, table)
  if (schemaAfter !== undefined && schemaAfter !== schemaBefore) {
    fail(`${schemaAfter}; drop or change that view or trigger before this operation`)
  }
  const after = checkForeignKeys(database, schema, checked)
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

function checkForeignKeys(
  database: Database.Database,
  schema: string | undefined,
  tables: readonly string[],
): { violations: ForeignKeyViolation[]; mismatches: Map<string, string> } {
  const violations: ForeignKeyViolation[] = []
  const mismatches = new Map<string, string>()
  for (const table of tables) {
    try {
      violations.push(...checkTable(database, schema, table))
    } catch (error) {
      // "foreign key mismatch": the referenced columns are not a key of the parent.
      if (!isSqliteError(error)) throw error
      mismatches.set(table, error.message)
    }
  }
  return { violations, mismatches }
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
  master: string,
  table: string,
): number | bigint | undefined {
  const exists = database
    .prepare(`SELECT 1 FROM ${master} WHERE type = 'table' AND name = 'sqlite_sequence'`)
    .get()
  if (exists === undefined) return undefined
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
