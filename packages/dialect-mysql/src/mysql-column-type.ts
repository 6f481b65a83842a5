import type { ColumnDefinition, ColumnTypeSpec } from '@retort/core'
import {
  columnTypeSql,
  DEFAULT_STRING_LENGTH,
  portableTypeTable,
  type PortableTypeTable,
} from '@retort/core/sql'

export { DEFAULT_STRING_LENGTH } from '@retort/core/sql'

/**
 * Precision and scale of a `decimal` that gives none. MySQL's own default, `DECIMAL(10, 0)`,
 * silently rounds away every fraction; PostgreSQL's bare `NUMERIC` keeps them. The widest
 * MySQL decimal keeps a portable migration's values.
 */
export const DEFAULT_DECIMAL = Object.freeze({ precision: 65, scale: 30 })

/**
 * The longest `VARCHAR` (in characters) that InnoDB indexes whole in utf8mb4: 3072-byte key
 * limit / 4 bytes per character. Longer ones get an index prefix.
 */
export const MAX_INDEXED_CHARACTERS = 768

/** The longest `VARBINARY` (in bytes) that InnoDB indexes whole. */
export const MAX_INDEXED_BYTES = 3072

/**
 * MySQL's overrides of core's portable type table. `withTimezone` has no effect (MySQL
 * has no zoned type; `TIMESTAMP` converts through the session time zone, `DATETIME` stores
 * what it is given).
 */
export const MYSQL_TYPES: PortableTypeTable = portableTypeTable({
  integer: 'INT',
  // MySQL's BOOLEAN is TINYINT(1): 1/0, and so is what it reads back.
  boolean: 'BOOLEAN',
  decimal: (spec) =>
    spec.precision === undefined
      ? `DECIMAL(${DEFAULT_DECIMAL.precision}, ${DEFAULT_DECIMAL.scale})`
      : `DECIMAL(${spec.precision}, ${spec.scale ?? 0})`,
  // MariaDB: an alias of LONGTEXT with a JSON_VALID check.
  json: 'JSON',
  binary: (spec) => (spec.length === undefined ? 'BLOB' : `VARBINARY(${spec.length})`),
})

/**
 * The MySQL/MariaDB type of a column; see the table in the package README. `withTimezone`
 * has no effect (MySQL has no zoned type; `TIMESTAMP` converts through the session time
 * zone, `DATETIME` stores what it is given).
 *
 * @example
 * ```ts
 * mysqlColumnType({ name: 'n', type: 'decimal', precision: 10, scale: 2, nullable: true, primaryKey: false, autoincrement: false, unique: false })
 * // 'DECIMAL(10, 2)'
 * ```
 */
export function mysqlColumnType(column: ColumnTypeSpec): string {
  return columnTypeSql(column, MYSQL_TYPES)
}

/**
 * Whether the column's type is a BLOB/TEXT type (`text`, `json`, `binary` without length),
 * which MySQL gives a literal default only as an expression (`DEFAULT ('x')`) and indexes
 * only with a prefix length.
 *
 * @example
 * ```ts
 * isBlobType(op.column('body', 'text')) // true
 * ```
 */
export function isBlobType(column: ColumnDefinition): boolean {
  const type = column.type
  if (typeof type !== 'string')
    return /^\s*(tiny|medium|long)?(text|blob)\b|^\s*json\b/i.test(type.raw)
  return type === 'text' || type === 'json' || (type === 'binary' && column.length === undefined)
}

/**
 * Whether a key over this column needs a prefix length: BLOB/TEXT types always, and
 * strings longer than InnoDB indexes whole ({@link MAX_INDEXED_CHARACTERS} characters,
 * {@link MAX_INDEXED_BYTES} bytes).
 *
 * @example
 * ```ts
 * needsKeyPrefix(op.column('url', 'string', { length: 2000 })) // true
 * ```
 */
export function needsKeyPrefix(column: ColumnDefinition): boolean {
  if (isBlobType(column)) return true
  if (column.type === 'string') {
    return (column.length ?? DEFAULT_STRING_LENGTH) > MAX_INDEXED_CHARACTERS
  }
  if (column.type === 'binary') return (column.length ?? 0) > MAX_INDEXED_BYTES
  return false
}
