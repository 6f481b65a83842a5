import type { ColumnTypeSpec } from '@retort/core'
import { columnTypeSql, portableTypeTable, type PortableTypeTable } from '@retort/core/sql'

export { DEFAULT_STRING_LENGTH } from '@retort/core/sql'

/**
 * SQLite's overrides of core's portable type table. The names are chosen so that SQLite's
 * affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity)
 * give the intended affinity: "JSON" alone would get NUMERIC affinity, which turns the text
 * '1' into the integer 1. Precision of the time types and `withTimezone` have no effect.
 */
export const SQLITE_TYPES: PortableTypeTable = portableTypeTable({
  float: 'REAL',
  time: 'TIME',
  datetime: 'DATETIME',
  timestamp: 'TIMESTAMP',
  json: 'TEXT',
  uuid: 'VARCHAR(36)',
})

/**
 * The SQLite type name of a column. The names are chosen so that SQLite's affinity rules
 * (https://www.sqlite.org/datatype3.html#determination_of_column_affinity) give the
 * intended affinity; see the table in the package README. `withTimezone` has no effect.
 *
 * @example
 * ```ts
 * sqliteColumnType({ name: 'n', type: 'decimal', precision: 10, scale: 2, nullable: true, primaryKey: false, autoincrement: false, unique: false })
 * // 'NUMERIC(10, 2)'
 * ```
 */
export function sqliteColumnType(column: ColumnTypeSpec): string {
  return columnTypeSql(column, SQLITE_TYPES)
}
