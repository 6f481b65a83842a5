import type { ColumnDefinition } from '@retort/core'

/** Length of `string` columns that give none. */
export const DEFAULT_STRING_LENGTH = 255

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
export function sqliteColumnType(column: ColumnDefinition): string {
  const type = column.type
  if (typeof type !== 'string') return type.raw
  switch (type) {
    case 'integer':
      return 'INTEGER'
    case 'bigint':
      return 'BIGINT'
    case 'smallint':
      return 'SMALLINT'
    case 'string':
      return `VARCHAR(${column.length ?? DEFAULT_STRING_LENGTH})`
    case 'text':
      return 'TEXT'
    case 'boolean':
      return 'BOOLEAN'
    case 'float':
      return 'REAL'
    case 'double':
      return 'DOUBLE'
    case 'decimal':
      return column.precision === undefined
        ? 'NUMERIC'
        : `NUMERIC(${column.precision}, ${column.scale ?? 0})`
    case 'date':
      return 'DATE'
    case 'time':
      return 'TIME'
    case 'datetime':
      return 'DATETIME'
    case 'timestamp':
      return 'TIMESTAMP'
    // "JSON" alone would get NUMERIC affinity, which turns the text '1' into the integer 1.
    case 'json':
      return 'TEXT'
    case 'uuid':
      return 'VARCHAR(36)'
    case 'binary':
      return 'BLOB'
    default: {
      const _never: never = type
      throw new Error(`unknown column type '${String(_never)}'`)
    }
  }
}
