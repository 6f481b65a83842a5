import { printableText, type MigrationEvent } from '@retort/core/cli'

/**
 * The `--debug` line of a statement or transaction event (`undefined` for other events):
 * the SQL as sent, placeholders and all, with the number of bound values but never the
 * values, which may be secrets. Lines of a multi-line statement are indented under the first.
 *
 * @example
 * ```ts
 * renderStatementEvent({ type: 'statement', sql: 'DELETE FROM "t" WHERE "id" = ?', parameterCount: 1 })
 * // 'sql: DELETE FROM "t" WHERE "id" = ?  (1 bound value, not shown)'
 * ```
 */
export function renderStatementEvent(event: MigrationEvent): string | undefined {
  switch (event.type) {
    case 'statement': {
      const sql = event.sql.trim().split('\n').map(printableText).join('\n     ')
      const n = event.parameterCount
      return `sql: ${sql}${n === 0 ? '' : `  (${n} bound value${n === 1 ? '' : 's'}, not shown)`}`
    }
    case 'transaction':
      return `sql: ${event.action.toUpperCase()} (transaction)`
    default:
      return undefined
  }
}
