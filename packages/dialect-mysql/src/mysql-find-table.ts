import type { Connection, QualifiedName } from '@retort/core'

/**
 * A table as `information_schema` spells it.
 *
 * @example
 * ```ts
 * const found: MysqlTableName = { schema: 'app', name: 'retort_version' }
 * ```
 */
export interface MysqlTableName {
  readonly schema: string
  readonly name: string
}

/**
 * Finds a base table or view in `information_schema.TABLES`, names bound; the schema
 * defaults to the connection's database (`DATABASE()`). `information_schema` may compare
 * names case-insensitively whatever the server does with table names, so the match is
 * exact unless the server folds names (`lower_case_table_names` ≠ 0).
 *
 * @example
 * ```ts
 * await findMysqlTable(connection, { name: 'retort_version' }) // { schema: 'app', name: 'retort_version' }
 * ```
 */
export async function findMysqlTable(
  connection: Connection,
  table: QualifiedName,
): Promise<MysqlTableName | undefined> {
  const schema = table.schema === '' ? undefined : table.schema
  const { rows } = await connection.execute({
    sql: 'SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, DATABASE() AS current_schema, @@lower_case_table_names AS folding FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?',
    parameters: [schema ?? null, table.name],
  })
  for (const row of rows) {
    const wanted = schema ?? text(row['current_schema'])
    const same = Number(row['folding']) === 0 ? exact : folded
    if (same(text(row['table_schema']), wanted) && same(text(row['table_name']), table.name)) {
      return { schema: text(row['table_schema']), name: text(row['table_name']) }
    }
  }
  return undefined
}

/**
 * `information_schema` text as a string (MySQL 8 returns some of it as binary).
 *
 * @example
 * ```ts
 * text(Buffer.from('a')) // 'a'
 * ```
 */
export function text(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8')
  return value === null || value === undefined ? '' : String(value)
}

function exact(a: string, b: string): boolean {
  return a === b
}

function folded(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
