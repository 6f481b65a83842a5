import type { CompiledStatement, Operation } from '@retort/core'

/**
 * When the compiler's native statement carries out a {@link SqliteRebuildStep} instead of
 * a rebuild: `emptyTable` (SQLite's `ADD COLUMN` of a `NOT NULL` column without a default,
 * or with an expression default, is refused only when the table has rows), `columnUnused`
 * (`DROP COLUMN` is refused for a key, UNIQUE, indexed, referencing or otherwise used
 * column).
 *
 * @example
 * ```ts
 * const when: SqliteNativeCondition = 'emptyTable'
 * ```
 */
export type SqliteNativeCondition = 'emptyTable' | 'columnUnused'

/**
 * A table change the compiler planned as a copy-and-move rebuild: the table, the operation
 * to carry out, and possibly a native statement with the condition under which it is used
 * instead. Which of the two runs follows from the table's definition (read through the
 * introspector online, the operation's `tableDefinition` offline) by
 * `planTableChange`; nothing is tried and rolled back.
 *
 * @example
 * ```ts
 * const step: SqliteRebuildStep = { table: 'parent', operation: op.alterColumn('parent', 'name', { nullable: false }) }
 * ```
 */
export interface SqliteRebuildStep {
  readonly table: string
  /** The attached database, when not `main`. */
  readonly schema?: string | undefined
  readonly operation: Operation
  /** The native statement, used when `nativeWhen` holds for the table. */
  readonly native?: string | undefined
  readonly nativeWhen?: SqliteNativeCondition | undefined
}

/**
 * A compiled statement that stands for a {@link SqliteRebuildStep}. Its `sql` is the native
 * statement, or a comment (which no other executor runs by accident: an empty statement is
 * an error). `SqliteConnection.execute` runs the step against the live table;
 * `SqliteCompiler.inline` writes it out for offline scripts from the operation's
 * `tableDefinition`.
 *
 * @example
 * ```ts
 * const [statement] = new SqliteCompiler().compile(op.alterColumn('parent', 'name', { nullable: false }))
 * isRebuildStatement(statement) // true
 * ```
 */
export interface SqliteRebuildStatement extends CompiledStatement {
  readonly rebuild: SqliteRebuildStep
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
