import {
  checkBoolean,
  checkCount,
  checkName,
  checkOptionalName,
  checkOptions,
  checkString,
  compact,
  fail,
  isPlainObject,
  nested,
  show,
  type Subject,
} from './argument-checks.js'
import { didYouMean } from './nearest-name.js'
import type { ArgumentPath } from './operation-error.js'

/**
 * The portable column types. Each dialect maps them to its own type names (see the
 * dialect's README).
 *
 * @example
 * ```ts
 * COLUMN_TYPES.includes('uuid') // true
 * ```
 */
export const COLUMN_TYPES = Object.freeze([
  'integer',
  'bigint',
  'smallint',
  'string',
  'text',
  'boolean',
  'float',
  'double',
  'decimal',
  'date',
  'time',
  'datetime',
  'timestamp',
  'json',
  'uuid',
  'binary',
] as const)

/**
 * One of {@link COLUMN_TYPES}.
 *
 * @example
 * ```ts
 * const type: PortableColumnType = 'decimal'
 * ```
 */
export type PortableColumnType = (typeof COLUMN_TYPES)[number]

/**
 * A type written in the dialect's own words, passed through verbatim: the migration
 * author's SQL.
 *
 * @example
 * ```ts
 * const type: RawColumnType = { raw: 'CITEXT' }
 * ```
 */
export interface RawColumnType {
  readonly raw: string
}

/**
 * The type of a column: portable or raw.
 *
 * @example
 * ```ts
 * const types: ColumnType[] = ['string', { raw: 'INTEGER[]' }]
 * ```
 */
export type ColumnType = PortableColumnType | RawColumnType

/**
 * The referential actions of a foreign key, in canonical spelling. Builders accept them in
 * any letter case and normalise.
 *
 * @example
 * ```ts
 * REFERENTIAL_ACTIONS.includes('SET NULL') // true
 * ```
 */
export const REFERENTIAL_ACTIONS = Object.freeze([
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
  'RESTRICT',
  'NO ACTION',
] as const)

/**
 * One of {@link REFERENTIAL_ACTIONS}.
 *
 * @example
 * ```ts
 * const onDelete: ReferentialAction = 'CASCADE'
 * ```
 */
export type ReferentialAction = (typeof REFERENTIAL_ACTIONS)[number]

/**
 * A column-level foreign key.
 *
 * @example
 * ```ts
 * const reference: ColumnReference = { table: 'parent', column: 'id', onDelete: 'CASCADE' }
 * ```
 */
export interface ColumnReference {
  readonly table: string
  readonly column: string
  /** The schema of the referenced table (PostgreSQL schema, MySQL database). */
  readonly schema?: string | undefined
  readonly onDelete?: ReferentialAction | undefined
  readonly onUpdate?: ReferentialAction | undefined
}

/**
 * A literal a column default may have; dialects bind it or render it as a safe literal.
 * `null` means `DEFAULT NULL`; a missing `default` means no default clause.
 *
 * @example
 * ```ts
 * const values: ColumnDefault[] = ['draft', 0, true, null]
 * ```
 */
export type ColumnDefault = string | number | bigint | boolean | null | Date | Uint8Array

/**
 * The options of `op.column(name, type, options)`; the same keys in YAML.
 *
 * @example
 * ```ts
 * const options: ColumnOptions = { length: 255, nullable: false, unique: true }
 * ```
 */
export interface ColumnOptions {
  /** Character length of `string` (default chosen by the dialect) or byte length of `binary`. */
  readonly length?: number | undefined
  /** Total digits of `decimal`; fractional-second digits of `time`/`datetime`/`timestamp`. */
  readonly precision?: number | undefined
  /** Digits after the point of `decimal` (needs `precision`). */
  readonly scale?: number | undefined
  /** For `time`/`datetime`/`timestamp`, where the dialect has a zoned variant. */
  readonly withTimezone?: boolean | undefined
  /** Default `true`; `false` for primary keys (which cannot be nullable). */
  readonly nullable?: boolean | undefined
  readonly primaryKey?: boolean | undefined
  /** Database-generated increasing values; integer types only. */
  readonly autoincrement?: boolean | undefined
  readonly unique?: boolean | undefined
  /** A literal default value. Use `defaultSql` for an expression. */
  readonly default?: ColumnDefault | undefined
  /** A raw SQL default expression written by the migration author, e.g. `CURRENT_TIMESTAMP`. */
  readonly defaultSql?: string | undefined
  readonly references?: ColumnReference | undefined
  /** Stored where the dialect supports column comments. */
  readonly comment?: string | undefined
}

/**
 * A column as written by hand (a YAML map, or an object literal): its name, type and
 * options in one object. `op.column()` returns the normalised {@link ColumnDefinition}.
 *
 * @example
 * ```ts
 * const spec: ColumnSpec = { name: 'email', type: 'string', length: 255, nullable: false }
 * ```
 */
export interface ColumnSpec extends ColumnOptions {
  readonly name: string
  readonly type: ColumnType
}

/**
 * A validated, frozen column: the booleans are resolved (`nullable` is `false` for a
 * primary key), `references` actions are canonical, absent options are absent.
 *
 * @example
 * ```ts
 * const id: ColumnDefinition = createColumn('id', 'integer', { primaryKey: true })
 * id.nullable // false
 * ```
 */
export interface ColumnDefinition extends ColumnSpec {
  readonly nullable: boolean
  readonly primaryKey: boolean
  readonly autoincrement: boolean
  readonly unique: boolean
}

/** The option keys of a column, in the order they are documented. */
export const COLUMN_OPTION_KEYS = Object.freeze([
  'length',
  'precision',
  'scale',
  'withTimezone',
  'nullable',
  'primaryKey',
  'autoincrement',
  'unique',
  'default',
  'defaultSql',
  'references',
  'comment',
] as const)

const LENGTH_TYPES: readonly string[] = ['string', 'binary']
const PRECISION_TYPES: readonly string[] = ['decimal', 'float', 'time', 'datetime', 'timestamp']
const ZONED_TYPES: readonly string[] = ['time', 'datetime', 'timestamp']
const INTEGER_TYPES: readonly string[] = ['integer', 'bigint', 'smallint']

/**
 * Validates and freezes a column definition. This is what `op.column()` calls.
 *
 * @example
 * ```ts
 * createColumn('parent_id', 'integer', {
 *   nullable: false,
 *   references: { table: 'parent', column: 'id', onDelete: 'CASCADE' },
 * })
 * ```
 */
export function createColumn(
  name: string,
  type: ColumnType,
  options?: ColumnOptions,
): ColumnDefinition {
  return buildColumn({ label: `op.column(${show(name)})`, base: [] }, name, type, options)
}

/**
 * Validates a column written as one object ({@link ColumnSpec}), e.g. a YAML map or an
 * already built {@link ColumnDefinition} (which comes back equal). `within` and `path` say
 * where it sits (`createTable('account')`, `['columns', 1]`) for error messages.
 *
 * @example
 * ```ts
 * normalizeColumn({ name: 'note', type: 'text' })
 * ```
 */
export function normalizeColumn(
  spec: ColumnSpec,
  within: Subject = { label: 'column', base: [] },
  path: ArgumentPath = [],
): ColumnDefinition {
  if (!isPlainObject(spec)) {
    fail(
      within,
      path,
      `must be a column: op.column(name, type, options) or { name, type, ... } (got ${show(spec)})`,
    )
  }
  const { name, type, ...options } = spec
  const at = nested(within, `column ${show(name)}`, path)
  for (const key of Object.keys(options)) {
    if (!(COLUMN_OPTION_KEYS as readonly string[]).includes(key)) {
      fail(
        at,
        [key],
        `unknown column key '${key}'${didYouMean(key, ['name', 'type', ...COLUMN_OPTION_KEYS])}; expected name, type or one of ${COLUMN_OPTION_KEYS.join(', ')}`,
        true,
      )
    }
  }
  return buildColumn(at, name, type, options)
}

/**
 * A column type with the options that belong to it: what `alterColumn` changes a column to
 * (and its `existingType` hint).
 *
 * @example
 * ```ts
 * const type: ColumnTypeSpec = { type: 'string', length: 80 }
 * ```
 */
export interface ColumnTypeSpec {
  readonly type: ColumnType
  readonly length?: number | undefined
  readonly precision?: number | undefined
  readonly scale?: number | undefined
  readonly withTimezone?: boolean | undefined
}

/** The keys of {@link ColumnTypeSpec} besides `type`. */
export const COLUMN_TYPE_OPTION_KEYS = Object.freeze([
  'length',
  'precision',
  'scale',
  'withTimezone',
] as const)

/**
 * Validates a type and its options (`length` only for string/binary, `scale` needs
 * `precision` ...) and returns the frozen {@link ColumnTypeSpec}. `paths` names the argument
 * of each key, for error messages (`existingType.length`).
 *
 * @example
 * ```ts
 * checkColumnTypeSpec({ label: "alterColumn('t', 'c')", base: [] }, 'string', { length: 80 })
 * ```
 */
export function checkColumnTypeSpec(
  at: Subject,
  type: unknown,
  o: Readonly<Record<string, unknown>>,
  paths: (key: string) => ArgumentPath = (key) => [key],
): ColumnTypeSpec {
  const p = paths
  const checkedType = checkType(at, type, p('type'))
  const typeName = typeof checkedType === 'string' ? checkedType : undefined
  const length = checkCount(at, o['length'], p('length'))
  if (length !== undefined && typeName !== undefined && !LENGTH_TYPES.includes(typeName)) {
    fail(at, p('length'), `applies to string and binary columns, not ${typeName}`)
  }
  const precision = checkCount(at, o['precision'], p('precision'), true)
  if (precision !== undefined && typeName !== undefined && !PRECISION_TYPES.includes(typeName)) {
    fail(at, p('precision'), `applies to ${PRECISION_TYPES.join(', ')} columns, not ${typeName}`)
  }
  const scale = checkCount(at, o['scale'], p('scale'), true)
  if (scale !== undefined) {
    if (typeName !== undefined && typeName !== 'decimal') {
      fail(at, p('scale'), `applies to decimal columns, not ${typeName}`)
    }
    if (precision === undefined) fail(at, p('scale'), 'needs a precision as well')
    if (scale > precision) {
      fail(at, p('scale'), `(${scale}) cannot exceed the precision (${precision})`)
    }
  }
  const withTimezone = checkBoolean(at, o['withTimezone'], p('withTimezone'))
  if (withTimezone && typeName !== undefined && !ZONED_TYPES.includes(typeName)) {
    fail(at, p('withTimezone'), `applies to ${ZONED_TYPES.join(', ')} columns, not ${typeName}`)
  }
  return compact({ type: checkedType, length, precision, scale, withTimezone })
}

function buildColumn(
  at: Subject,
  name: unknown,
  type: unknown,
  options: unknown,
): ColumnDefinition {
  const checkedName = checkName(at, name, ['name'])
  const o = checkOptions(at, options, [], COLUMN_OPTION_KEYS)
  const p = (key: string): ArgumentPath => [key]
  const typeSpec = checkColumnTypeSpec(at, type, o)
  const typeName = typeof typeSpec.type === 'string' ? typeSpec.type : undefined
  const primaryKey = checkBoolean(at, o['primaryKey'], p('primaryKey')) ?? false
  const nullable = checkBoolean(at, o['nullable'], p('nullable'))
  if (primaryKey && nullable === true) {
    fail(at, p('nullable'), 'cannot be true for a primary key column')
  }
  const autoincrement = checkBoolean(at, o['autoincrement'], p('autoincrement')) ?? false
  if (autoincrement && typeName !== undefined && !INTEGER_TYPES.includes(typeName)) {
    fail(at, p('autoincrement'), `applies to integer, bigint and smallint columns, not ${typeName}`)
  }
  const unique = checkBoolean(at, o['unique'], p('unique')) ?? false
  const defaultValue = checkDefault(at, o['default'], p('default'))
  const defaultSql = checkString(at, o['defaultSql'], p('defaultSql'))
  if (defaultSql !== undefined && 'default' in o && o['default'] !== undefined) {
    fail(at, p('defaultSql'), "cannot be combined with 'default'; give one of them")
  }
  const references = checkReference(at, o['references'], p('references'))
  const comment = checkString(at, o['comment'], p('comment'), true)

  return compact({
    name: checkedName,
    type: typeSpec.type,
    length: typeSpec.length,
    precision: typeSpec.precision,
    scale: typeSpec.scale,
    withTimezone: typeSpec.withTimezone,
    nullable: nullable ?? !primaryKey,
    primaryKey,
    autoincrement,
    unique,
    default: defaultValue,
    defaultSql,
    references,
    comment,
  }) as ColumnDefinition
}

function checkType(subject: Subject, type: unknown, path: ArgumentPath): ColumnType {
  if (typeof type === 'string') {
    if ((COLUMN_TYPES as readonly string[]).includes(type)) return type as PortableColumnType
    fail(
      subject,
      path,
      `has unknown type '${type}'${didYouMean(type, COLUMN_TYPES)}; use one of ${COLUMN_TYPES.join(', ')}, or { raw: 'DIALECT TYPE' }`,
    )
  }
  if (isPlainObject(type) && Object.keys(type).length === 1 && typeof type['raw'] === 'string') {
    const raw = type['raw'].trim()
    if (raw.length === 0) fail(subject, [...path, 'raw'], 'must be a non-empty type')
    return Object.freeze({ raw })
  }
  return fail(
    subject,
    path,
    `must be a type name (${COLUMN_TYPES.join(', ')}) or { raw: 'DIALECT TYPE' } (got ${show(type)})`,
  )
}

/**
 * Validates a literal column default (`undefined` when absent).
 *
 * @example
 * ```ts
 * checkDefault({ label: 'column', base: [] }, 0, ['default']) // 0
 * ```
 */
export function checkDefault(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): ColumnDefault | undefined {
  if (
    value === undefined ||
    value === null ||
    typeof value === 'string' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    value instanceof Uint8Array
  ) {
    return value
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(subject, path, `must be a finite number (got ${value})`)
    return value
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(subject, path, 'is an invalid Date')
    return value
  }
  return fail(
    subject,
    path,
    `must be a string, number, bigint, boolean, null, Date or Buffer (got ${show(value)}); use defaultSql for an expression`,
  )
}

/**
 * Normalises a referential action (`'set null'` -> `'SET NULL'`); throws for anything else.
 *
 * @example
 * ```ts
 * checkReferentialAction({ label: 'column', base: [] }, 'cascade', ['onDelete']) // 'CASCADE'
 * ```
 */
export function checkReferentialAction(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): ReferentialAction | undefined {
  if (value === undefined) return undefined
  const canonical =
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toUpperCase() : undefined
  const action = REFERENTIAL_ACTIONS.find((a) => a === canonical)
  if (action === undefined) {
    fail(subject, path, `must be one of ${REFERENTIAL_ACTIONS.join(', ')} (got ${show(value)})`)
  }
  return action
}

function checkReference(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): ColumnReference | undefined {
  if (value === undefined) return undefined
  const o = checkOptions(subject, value, path, [
    'table',
    'column',
    'schema',
    'onDelete',
    'onUpdate',
  ])
  return compact({
    table: checkName(subject, o['table'], [...path, 'table']),
    column: checkName(subject, o['column'], [...path, 'column']),
    schema: checkOptionalName(subject, o['schema'], [...path, 'schema']),
    onDelete: checkReferentialAction(subject, o['onDelete'], [...path, 'onDelete']),
    onUpdate: checkReferentialAction(subject, o['onUpdate'], [...path, 'onUpdate']),
  })
}
