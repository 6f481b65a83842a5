import type { CompiledStatement, Operation } from '@retort/core'

/**
 * What a table rebuild needs to know: the table and the operation to carry out, and
 * possibly a native statement to try first (SQLite's `ADD`/`DROP COLUMN` refuse some
 * columns; the rebuild runs only when it does).
 *
 * @example
 * ```ts
 * const request: SqliteRebuildRequest = { table: 'parent', operation: op.alterColumn('parent', 'name', { nullable: false }) }
 * ```
 */
export interface SqliteRebuildRequest {
  readonly table: string
  /** The attached database, when not `main`. */
  readonly schema?: string | undefined
  readonly operation: Operation
  /** SQL to try first; the rebuild runs only when SQLite refuses it. */
  readonly native?: string | undefined
}

/**
 * A compiled statement that stands for a table rebuild. Its `sql` is the native statement
 * to try first, or a comment (which no other executor runs by accident: an empty statement
 * is an error). `SqliteConnection.execute` recognises the `rebuild` marker, reads the live
 * table and runs the rebuild; offline, `SqliteCompiler.inline` writes the rebuild from the
 * operation's `tableDefinition`.
 *
 * @example
 * ```ts
 * const [statement] = new SqliteCompiler().compile(op.alterColumn('parent', 'name', { nullable: false }))
 * isRebuildStatement(statement) // true
 * ```
 */
export interface SqliteRebuildStatement extends CompiledStatement {
  readonly rebuild: SqliteRebuildRequest
}

/**
 * Whether a compiled statement is a {@link SqliteRebuildStatement}.
 *
 * @example
 * ```ts
 * if (isRebuildStatement(statement)) console.log(statement.rebuild.table)
 * ```
 */
export function isRebuildStatement(
  statement: CompiledStatement,
): statement is SqliteRebuildStatement {
  const rebuild = (statement as { rebuild?: unknown }).rebuild
  return typeof rebuild === 'object' && rebuild !== null && 'operation' in rebuild
}
