import type { ColumnDefinition } from '@retort/core'

/** Length of `string` columns that give none. */
export const DEFAULT_STRING_LENGTH = 255

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
export function mysqlColumnType(column: ColumnDefinition): string {
  const type = column.type
  if (typeof type !== 'string') return type.raw
  const fraction = column.precision === undefined ? '' : `(${column.precision})`
  switch (type) {
    case 'integer':
      return 'INT'
    case 'bigint':
      return 'BIGINT'
    case 'smallint':
      return 'SMALLINT'
    case 'string':
      return `VARCHAR(${column.length ?? DEFAULT_STRING_LENGTH})`
    case 'text':
      return 'TEXT'
    case 'boolean':
      // MySQL's BOOLEAN is TINYINT(1): 1/0, and so is what it reads back.
      return 'BOOLEAN'
    case 'float':
      return `FLOAT${fraction}`
    case 'double':
      return 'DOUBLE'
    case 'decimal':
      return column.precision === undefined
        ? `DECIMAL(${DEFAULT_DECIMAL.precision}, ${DEFAULT_DECIMAL.scale})`
        : `DECIMAL(${column.precision}, ${column.scale ?? 0})`
    case 'date':
      return 'DATE'
    case 'time':
      return `TIME${fraction}`
    case 'datetime':
      return `DATETIME${fraction}`
    case 'timestamp':
      return `TIMESTAMP${fraction}`
    // MariaDB: an alias of LONGTEXT with a JSON_VALID check.
    case 'json':
      return 'JSON'
    case 'uuid':
      return 'CHAR(36)'
    case 'binary':
      return column.length === undefined ? 'BLOB' : `VARBINARY(${column.length})`
    default: {
      const _never: never = type
      throw new Error(`unknown column type '${String(_never)}'`)
    }
  }
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
