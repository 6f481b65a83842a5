import type { ColumnDefault, ColumnSpec, ColumnType } from '@retort/core'
import type { Column } from 'drizzle-orm'
import { DrizzleSchemaError } from './drizzle-schema-error.js'
import { isDrizzleSql, renderDrizzleSql, type DrizzleKind } from './drizzle-sql.js'

/** The column properties read here besides those of `Column` (set by the column classes). */
interface ColumnDetails {
  readonly length?: number | undefined
  readonly precision?: number | undefined
  readonly scale?: number | undefined
  readonly withTimezone?: boolean | undefined
  readonly fsp?: number | undefined
  readonly autoIncrement?: boolean | undefined
  readonly textType?: string | undefined
}

/**
 * A Drizzle column as a declared column ({@link ColumnSpec}): its database name, its type
 * (a portable type where Drizzle's type is exactly one, e.g. `varchar(80)` is `string`
 * with `length: 80`; else the type Drizzle writes, as `{ raw }`), nullability, primary key,
 * autoincrement (`serial`, identity, `autoIncrement`), and its database default (a value
 * as the driver stores it, or a `sql` fragment as SQL). Defaults computed by the
 * application (`$defaultFn`, `$onUpdate`) are not the database's and are left out; a
 * unique column's constraint is written by the table, under Drizzle's name for it.
 *
 * @example
 * ```ts
 * drizzleColumn(users.email, 'pg', 'email') // { name: 'email', type: 'string', length: 80, nullable: false }
 * ```
 */
export function drizzleColumn(column: Column, kind: DrizzleKind, name: string): ColumnSpec {
  const where = `column '${column.table === undefined ? '' : `${tableNameOf(column)}.`}${name}'`
  if (column.generated !== undefined) {
    throw new DrizzleSchemaError(
      `${where} is a generated column, which a declared schema cannot express; add it with op.execute in a revision and list it in the config's 'ignore'`,
    )
  }
  if (column.columnType === 'PgEnumColumn') {
    throw new DrizzleSchemaError(
      `${where} uses a PostgreSQL enum type ('${column.getSQLType()}'), which a declared schema cannot create; use text with a check constraint, or create the type in a revision and declare the column with the type's name`,
    )
  }
  const details = column as unknown as ColumnDetails
  const identity = (column as { generatedIdentity?: unknown }).generatedIdentity !== undefined
  const { type, autoincrement: typeIncrements, ...typeOptions } = columnType(column, kind, details)
  const autoincrement = typeIncrements || identity || details.autoIncrement === true
  const primaryKey = column.primary
  // MySQL's serial is NOT NULL whatever Drizzle's flag says.
  const notNull = column.notNull || column.columnType === 'MySqlSerial'
  return {
    name,
    type,
    ...typeOptions,
    ...(primaryKey ? { primaryKey: true } : { nullable: !notNull }),
    ...(autoincrement ? { autoincrement: true } : {}),
    ...defaultOf(column, kind),
  }
}

/** `table.column` text for messages; Drizzle keeps the table on the column. */
function tableNameOf(column: Column): string {
  const table = column.table as unknown as Record<symbol, unknown>
  const name = table[Symbol.for('drizzle:Name')]
  return typeof name === 'string' ? name : '?'
}

interface MappedType {
  readonly type: ColumnType
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly withTimezone?: boolean
  readonly autoincrement: boolean
}

function columnType(column: Column, kind: DrizzleKind, d: ColumnDetails): MappedType {
  const raw: MappedType = { type: { raw: column.getSQLType() }, autoincrement: false }
  const portable = (type: ColumnType, extra: Partial<MappedType> = {}): MappedType => ({
    type,
    autoincrement: false,
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  })
  switch (`${kind}:${column.columnType}`) {
    // SQLite: Drizzle's integer modes (number, boolean, timestamp) all store an integer.
    case 'sqlite:SQLiteInteger':
    case 'sqlite:SQLiteBoolean':
    case 'sqlite:SQLiteTimestamp':
      return portable('integer')
    case 'sqlite:SQLiteText':
    case 'sqlite:SQLiteTextJson':
      return portable('text')
    case 'pg:PgInteger':
    case 'mysql:MySqlInt':
      return portable('integer')
    case 'pg:PgSmallInt':
    case 'mysql:MySqlSmallInt':
      return portable('smallint')
    case 'pg:PgBigInt53':
    case 'pg:PgBigInt64':
    case 'mysql:MySqlBigInt53':
    case 'mysql:MySqlBigInt64':
      return column.getSQLType().includes('unsigned') ? raw : portable('bigint')
    case 'pg:PgSerial':
      return portable('integer', { autoincrement: true })
    case 'pg:PgSmallSerial':
      return portable('smallint', { autoincrement: true })
    case 'pg:PgBigSerial53':
    case 'pg:PgBigSerial64':
      return portable('bigint', { autoincrement: true })
    case 'pg:PgVarchar':
    case 'mysql:MySqlVarChar':
      // Without a length, PostgreSQL's varchar is unbounded: not the portable string.
      return d.length === undefined ? raw : portable('string', { length: d.length })
    case 'pg:PgText':
      return portable('text')
    case 'mysql:MySqlText':
      return d.textType === 'text' ? portable('text') : raw
    case 'pg:PgBoolean':
    case 'mysql:MySqlBoolean':
      return portable('boolean')
    case 'pg:PgDoublePrecision':
    case 'mysql:MySqlDouble':
      return column.getSQLType().includes('(') || column.getSQLType().includes('unsigned')
        ? raw
        : portable('double')
    case 'pg:PgNumeric':
    case 'pg:PgNumericNumber':
    case 'pg:PgNumericBigInt':
    case 'mysql:MySqlDecimal':
    case 'mysql:MySqlDecimalNumber':
    case 'mysql:MySqlDecimalBigInt':
      if (column.getSQLType().includes('unsigned')) return raw
      return d.precision === undefined
        ? raw
        : portable('decimal', { precision: d.precision, scale: d.scale ?? 0 })
    case 'pg:PgDate':
    case 'pg:PgDateString':
    case 'mysql:MySqlDate':
    case 'mysql:MySqlDateString':
      return portable('date')
    case 'pg:PgTimestamp':
    case 'pg:PgTimestampString':
      return portable('timestamp', {
        precision: d.precision,
        ...(d.withTimezone ? { withTimezone: true } : {}),
      })
    case 'mysql:MySqlDateTime':
    case 'mysql:MySqlDateTimeString':
      return portable('datetime', { precision: d.fsp })
    case 'mysql:MySqlTimestamp':
    case 'mysql:MySqlTimestampString':
      return portable('timestamp', { precision: d.fsp })
    case 'pg:PgJsonb':
    case 'mysql:MySqlJson':
      return portable('json')
    case 'pg:PgUUID':
      return portable('uuid')
    default:
      // MySQL's serial is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE: the type Drizzle
      // writes, generated by the database.
      if (column.columnType === 'MySqlSerial') {
        return { type: { raw: 'bigint unsigned' }, autoincrement: true }
      }
      return raw
  }
}

function defaultOf(
  column: Column,
  kind: DrizzleKind,
): { default?: ColumnDefault; defaultSql?: string } {
  const value: unknown = column.default
  if (value === undefined) return {}
  if (isDrizzleSql(value)) return { defaultSql: renderDrizzleSql(value, kind) }
  // As the driver stores it: a boolean on SQLite is 1 or 0, JSON is its text.
  const stored: unknown = column.mapToDriverValue(value)
  if (
    stored === null ||
    typeof stored === 'string' ||
    typeof stored === 'number' ||
    typeof stored === 'bigint' ||
    typeof stored === 'boolean' ||
    stored instanceof Date ||
    stored instanceof Uint8Array
  ) {
    return { default: stored }
  }
  return { default: JSON.stringify(stored) }
}
