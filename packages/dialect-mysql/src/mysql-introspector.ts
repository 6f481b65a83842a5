import type {
  ColumnInfo,
  Connection,
  IndexInfo,
  Introspector,
  QualifiedName,
  TableInfo,
} from '@retort/core'
import { findMysqlTable, text } from './mysql-find-table.js'
import { renderLiteral } from './mysql-literal.js'

/** `DATA_TYPE`s whose defaults `information_schema` on MySQL reports unquoted but are numbers. */
const NUMERIC_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
  'float',
  'double',
  'real',
  'bit',
  'year',
])

/**
 * Reads the live schema from `information_schema` (`TABLES`, `COLUMNS`, `STATISTICS`)
 * with bound names; the schema (database) defaults to the connection's. Column types are
 * the server's `COLUMN_TYPE` (`varchar(255)`, `int(11)` on MariaDB). `defaultSql` is SQL
 * on both servers: MariaDB reports it so, MySQL's bare values are quoted here; a default
 * of `NULL` is `null`, like no default. The index behind the PRIMARY KEY is not listed (the
 * columns say `primaryKey`); unique constraints and the indexes MySQL creates for foreign
 * keys are. A functional key part is `(expression)`.
 *
 * @example
 * ```ts
 * const introspector = mysqlDialect({ uri }).createIntrospector()
 * const table = await introspector.getTable(connection, { name: 'account' })
 * ```
 */
export class MysqlIntrospector implements Introspector {
  /**
   * The base tables of a database (default: the connection's), sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection) // ['account', 'retort_version']
   * ```
   */
  async listTables(connection: Connection, schema?: string): Promise<readonly string[]> {
    const { rows } = await connection.execute({
      sql: "SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE'",
      parameters: [schema === undefined || schema === '' ? null : schema],
    })
    return rows.map((row) => text(row['table_name'])).sort(byCodePoint)
  }

  /**
   * One table's columns and indexes, or `undefined` when there is no such table.
   *
   * @example
   * ```ts
   * const info = await introspector.getTable(connection, { name: 'account' })
   * info?.columns.map((c) => c.name)
   * ```
   */
  async getTable(connection: Connection, table: QualifiedName): Promise<TableInfo | undefined> {
    const found = await findMysqlTable(connection, table)
    if (found === undefined) return undefined
    const mariadb = /mariadb/i.test(
      text(
        (await connection.execute({ sql: 'SELECT VERSION() AS v', parameters: [] })).rows[0]?.['v'],
      ),
    )

    const columnRows = (
      await connection.execute({
        sql: 'SELECT COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type, DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, COLUMN_KEY AS column_key, EXTRA AS extra, TABLE_NAME AS table_name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        parameters: [found.schema, found.name],
      })
    ).rows.filter((row) => text(row['table_name']) === found.name)
    const columns: ColumnInfo[] = columnRows.map((row) =>
      Object.freeze({
        name: text(row['column_name']),
        type: text(row['column_type']),
        nullable: text(row['is_nullable']) === 'YES',
        defaultSql: defaultSql(row, mariadb),
        primaryKey: text(row['column_key']) === 'PRI',
      }),
    )

    const indexRows = (
      await connection.execute({
        sql: 'SELECT INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, TABLE_NAME AS table_name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
        parameters: [found.schema, found.name],
      })
    ).rows.filter((row) => text(row['table_name']) === found.name)
    const byName = new Map<string, { columns: string[]; unique: boolean }>()
    for (const row of indexRows) {
      const name = text(row['index_name'])
      if (name === 'PRIMARY') continue
      const entry = byName.get(name) ?? { columns: [], unique: Number(row['non_unique']) === 0 }
      entry.columns.push(row['column_name'] === null ? '(expression)' : text(row['column_name']))
      byName.set(name, entry)
    }
    const indexes: IndexInfo[] = [...byName.entries()]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([name, entry]) =>
        Object.freeze({ name, columns: Object.freeze(entry.columns), unique: entry.unique }),
      )

    return Object.freeze({
      name: found.name,
      ...(table.schema === undefined ? {} : { schema: found.schema }),
      columns: Object.freeze(columns),
      indexes: Object.freeze(indexes),
    })
  }
}

/**
 * MariaDB (10.2.7+) reports `COLUMN_DEFAULT` as SQL (`'abc'`, `NULL`, `current_timestamp()`);
 * MySQL reports a literal's bare value and marks expressions `DEFAULT_GENERATED`.
 */
function defaultSql(row: Record<string, unknown>, mariadb: boolean): string | null {
  const value = row['column_default']
  if (value === null || value === undefined) return null
  const sql = text(value)
  if (mariadb) return sql.toUpperCase() === 'NULL' ? null : sql
  if (/DEFAULT_GENERATED/i.test(text(row['extra']))) return sql
  if (NUMERIC_TYPES.has(text(row['data_type']).toLowerCase())) return sql
  return renderLiteral(sql)
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
