import { RetortError } from '@retort/core/errors'

/**
 * A table rebuild (SQLite's way of running an ALTER it cannot do natively) cannot be done
 * as asked: the table or column does not exist, a constraint name is unknown, the copied
 * rows do not fit the new definition, a view or trigger would break ... The message names
 * the table and the operation, and says what to do. Nothing of the rebuild is left behind.
 *
 * @example
 * ```ts
 * try {
 *   await connection.execute(statement)
 * } catch (error) {
 *   if (error instanceof SqliteRebuildError) console.error(error.table, error.message)
 * }
 * ```
 */
export class SqliteRebuildError extends RetortError {
  constructor(
    /** The table being rebuilt. */
    readonly table: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('sqlite-rebuild', message, options)
  }
}

/**
 * A row that `PRAGMA foreign_key_check` reports: `rowid` of `table` references `parent`
 * and no row of `parent` matches.
 *
 * @example
 * ```ts
 * const violation: ForeignKeyViolation = { table: 'child', rowid: 3, parent: 'parent' }
 * ```
 */
export interface ForeignKeyViolation {
  readonly table: string
  readonly rowid: number | bigint | null
  readonly parent: string
}

/**
 * Foreign keys are broken where a migration is about to commit (after a table rebuild, or
 * at the end of a migration transaction, which runs with `foreign_keys` off). The
 * transaction is rolled back; the message names the first row and its parent table.
 *
 * @example
 * ```ts
 * try {
 *   await migrator.upgrade('head')
 * } catch (error) {
 *   if (error instanceof SqliteForeignKeyError) console.error(error.violations)
 * }
 * ```
 */
export class SqliteForeignKeyError extends RetortError {
  constructor(
    /** Every violating row found (the message names the first). */
    readonly violations: readonly ForeignKeyViolation[],
    /** What was being done: `'rebuilding table ''parent'''`, `'committing the migration'`. */
    readonly during: string,
  ) {
    const first = violations[0]
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''
    super(
      'sqlite-foreign-key',
      first === undefined
        ? `foreign key check failed ${during}`
        : `foreign key check failed ${during}: row ${String(first.rowid)} of table '${first.table}' references table '${first.parent}', which has no matching row${more}; fix or delete those rows (op.execute), or change the migration`,
    )
  }
}
