import type { ExecuteResult } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import {
  findMysqlColumnDefinition,
  parseMysqlColumnDefinition,
  restateMysqlColumn,
} from './mysql-column-definition.js'
import type { MysqlColumnRestatement } from './mysql-restate-statement.js'

/** Runs one plain SQL text on the session (no parameters). */
export type MysqlRunText = (sql: string) => Promise<ExecuteResult>

/**
 * Restates a column from its live definition: reads it with `SHOW CREATE TABLE` (the
 * server's own spelling of type, character set, collation, generated expression,
 * nullability, visibility, default, `ON UPDATE`, `AUTO_INCREMENT`, comment and a
 * column-level CHECK), applies the change, and runs `ALTER TABLE ... MODIFY COLUMN` (or
 * `CHANGE COLUMN` for a rename). Returns the statement it ran.
 *
 * @example
 * ```ts
 * await restateColumn((sql) => connection.execute({ sql, parameters: [] }), statement.restate)
 * ```
 */
export async function restateColumn(
  run: MysqlRunText,
  restatement: MysqlColumnRestatement,
): Promise<string> {
  const { table, column, change, operation } = restatement
  const [mode] = (await run('SELECT @@SESSION.sql_mode AS sql_mode')).rows
  const noBackslashEscapes = /NO_BACKSLASH_ESCAPES/i.test(String(mode?.['sql_mode'] ?? ''))
  const [shown] = (await run(`SHOW CREATE TABLE ${table}`)).rows
  const createTable = shown?.['Create Table']
  if (typeof createTable !== 'string') {
    throw new RetortError(
      'mysql-not-a-table',
      `${operation}: ${table} is not a base table (SHOW CREATE TABLE gave no table definition); alter the table itself`,
    )
  }
  const definition = findMysqlColumnDefinition(createTable, column, { noBackslashEscapes })
  if (definition === undefined) {
    throw new RetortError(
      'mysql-no-column',
      `${operation}: table ${table} has no column '${column}'; check the column name`,
    )
  }
  const live = parseMysqlColumnDefinition(definition, { noBackslashEscapes })
  const restated = restateMysqlColumn(live, change)
  const sql =
    change.quotedName === undefined
      ? `ALTER TABLE ${table} MODIFY COLUMN ${restated}`
      : `ALTER TABLE ${table} CHANGE COLUMN ${live.quotedName} ${restated}`
  await run(sql)
  return sql
}
