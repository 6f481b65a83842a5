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
