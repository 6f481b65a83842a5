import type { PortableColumnType } from '../operations/column.js'
import type { ColumnTypeSpec } from '../operations/operation.js'

/** Length of `string` columns that give none, on every dialect. */
export const DEFAULT_STRING_LENGTH = 255

/**
 * How one portable column type is written on a database: a fixed type name, or a function
 * of the column's `length`, `precision`, `scale` and `withTimezone`.
 *
 * @example
 * ```ts
 * const rule: PortableTypeRule = (spec) => `VARCHAR(${spec.length ?? 255})`
 * ```
 */
export type PortableTypeRule = string | ((spec: ColumnTypeSpec) => string)

/**
 * The SQL of every portable column type on one database.
 *
 * @example
 * ```ts
 * const table: PortableTypeTable = portableTypeTable({ json: 'JSONB' })
 * ```
 */
export type PortableTypeTable = Readonly<Record<PortableColumnType, PortableTypeRule>>

const fraction = (spec: ColumnTypeSpec) =>
  spec.precision === undefined ? '' : `(${spec.precision})`

/**
 * The portable types as most databases write them; each dialect overrides the few it
 * writes differently ({@link portableTypeTable}). `precision` is the fractional-second
 * precision of the time types and the precision of `float` and `decimal`.
 *
 * @example
 * ```ts
 * PORTABLE_TYPES.bigint // 'BIGINT'
 * ```
 */
export const PORTABLE_TYPES: PortableTypeTable = Object.freeze({
  integer: 'INTEGER',
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  string: (spec) => `VARCHAR(${spec.length ?? DEFAULT_STRING_LENGTH})`,
  text: 'TEXT',
  boolean: 'BOOLEAN',
  float: (spec) => `FLOAT${fraction(spec)}`,
  double: 'DOUBLE',
  decimal: (spec) =>
    spec.precision === undefined ? 'NUMERIC' : `NUMERIC(${spec.precision}, ${spec.scale ?? 0})`,
  date: 'DATE',
  time: (spec) => `TIME${fraction(spec)}`,
  datetime: (spec) => `DATETIME${fraction(spec)}`,
  timestamp: (spec) => `TIMESTAMP${fraction(spec)}`,
  json: 'JSON',
  uuid: 'CHAR(36)',
  binary: 'BLOB',
})

/**
 * The portable type table of one dialect: {@link PORTABLE_TYPES} with its overrides.
 *
 * @example
 * ```ts
 * const sqliteTypes = portableTypeTable({ float: 'REAL', json: 'TEXT' })
 * ```
 */
export function portableTypeTable(
  overrides: Partial<Record<PortableColumnType, PortableTypeRule>>,
): PortableTypeTable {
  return Object.freeze({ ...PORTABLE_TYPES, ...overrides })
}

/**
 * The SQL type of a column or type spec through a dialect's table: a raw type as written,
 * a portable one by its rule.
 *
 * @example
 * ```ts
 * columnTypeSql({ type: 'string', length: 40 }, PORTABLE_TYPES) // 'VARCHAR(40)'
 * columnTypeSql({ type: { raw: 'CITEXT' } }, PORTABLE_TYPES) // 'CITEXT'
 * ```
 */
export function columnTypeSql(spec: ColumnTypeSpec, table: PortableTypeTable): string {
  const type = spec.type
  if (typeof type !== 'string') return type.raw
  const rule = table[type] as PortableTypeRule | undefined
  if (rule === undefined) throw new Error(`unknown column type '${String(type)}'`)
  return typeof rule === 'string' ? rule : rule(spec)
}
