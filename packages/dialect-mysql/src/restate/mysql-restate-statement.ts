import type { CompiledStatement } from '@retort/core'
import type { MysqlColumnChange } from './mysql-column-definition.js'

/**
 * What restating a column needs: the table (quoted, qualified), the column, what changes,
 * and the statement an offline script writes from the operation's `existing*` hints (or
 * why it cannot: the hint that is missing).
 *
 * @example
 * ```ts
 * const restatement: MysqlColumnRestatement = {
 *   table: '`t`', column: 'name', operation: "alterColumn('t', 'name')",
 *   change: { type: 'VARCHAR(80)' },
 *   offline: { missing: "alterColumn('t', 'name') needs existingDefault" },
 * }
 * ```
 */
export interface MysqlColumnRestatement {
  readonly table: string
  /** The column's current name. */
  readonly column: string
  /** The operation as messages name it: `alterColumn('t', 'name')`. */
  readonly operation: string
  readonly change: MysqlColumnChange
  readonly offline: { readonly sql: string } | { readonly missing: string }
}

/**
 * A compiled statement that stands for a `MODIFY COLUMN` (or `CHANGE COLUMN`) restating a
 * column. MySQL resets every attribute a `MODIFY` does not restate, so online
 * `MysqlConnection.execute` reads the live column (`SHOW CREATE TABLE`) and writes the
 * statement from it plus the change; offline, `MysqlCompiler.inline` writes it from the
 * `existing*` hints. Its `sql` is a comment, which the server refuses to run as a
 * statement ("Query was empty"), so no other executor runs it by accident.
 *
 * @example
 * ```ts
 * const [statement] = new MysqlCompiler().compile(op.alterColumn('t', 'name', { type: 'string', length: 80 }))
 * isRestateStatement(statement) // true
 * ```
 */
export interface MysqlRestateStatement extends CompiledStatement {
  readonly restate: MysqlColumnRestatement
}

/**
 * Whether a compiled statement is a {@link MysqlRestateStatement}.
 *
 * @example
 * ```ts
 * if (isRestateStatement(statement)) console.log(statement.restate.column)
 * ```
 */
export function isRestateStatement(
  statement: CompiledStatement,
): statement is MysqlRestateStatement {
  const restate = (statement as { restate?: unknown }).restate
  return typeof restate === 'object' && restate !== null && 'change' in restate
}
