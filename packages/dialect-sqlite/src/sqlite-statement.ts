import type { CompiledStatement } from '@retort/core'

/**
 * A statement of the SQLite compiler. `keepsForeignKeys` marks a statement that cannot
 * leave a row pointing at a missing parent (creating a table, which has no rows yet, or an
 * index; reading or writing the version table): a migration transaction made only of such
 * statements commits without `PRAGMA foreign_key_check`, which reads every table that has
 * foreign keys and would make each commit cost as much as the schema is large.
 *
 * @example
 * ```ts
 * const statement: SqliteStatement = { sql: 'CREATE INDEX "ix" ON "t" ("a")', parameters: [], keepsForeignKeys: true }
 * ```
 */
export interface SqliteStatement extends CompiledStatement {
  readonly keepsForeignKeys?: boolean | undefined
}

/**
 * Whether a statement is marked as unable to break a foreign key (see {@link SqliteStatement}).
 * Unmarked statements (raw SQL, inserts, drops, rebuilds) are assumed to be able to.
 *
 * @example
 * ```ts
 * keepsForeignKeys({ sql: 'DELETE FROM "parent"', parameters: [] }) // false
 * ```
 */
export function keepsForeignKeys(statement: CompiledStatement): boolean {
  return (statement as SqliteStatement).keepsForeignKeys === true
}
