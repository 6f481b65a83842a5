import {
  checkName,
  checkOptionalName,
  checkOptions,
  checkString,
  compact,
  fail,
  show,
  type Subject,
} from '../operations/argument-checks.js'
import {
  createColumn,
  type ColumnDefinition,
  type ColumnOptions,
  type ColumnType,
} from '../operations/column.js'
import type { IndexColumn } from '../operations/operation.js'
import {
  checkForeignKey,
  type ConstraintInitially,
  type ForeignKeyReference,
} from '../operations/table-constraint.js'
import { checkIndexDefinition } from '../operations/table-definition-input.js'
import type { DeclaredIndexInput } from './define-schema.js'

/**
 * A column of a declared table: the same arguments and result as `op.column` in a revision.
 *
 * @example
 * ```ts
 * column('email', 'string', { length: 255, nullable: false })
 * ```
 */
export function column(name: string, type: ColumnType, options?: ColumnOptions): ColumnDefinition {
  return createColumn(name, type, options)
}

/**
 * Options of {@link index}: those of `op.createIndex` that describe the index itself.
 *
 * @example
 * ```ts
 * const options: IndexOptions = { unique: true, where: 'deleted_at IS NULL' }
 * ```
 */
export interface IndexOptions {
  readonly unique?: boolean | undefined
  /** Raw SQL predicate of a partial index. */
  readonly where?: string | undefined
}

/**
 * An index of a declared table: `op.createIndex`'s arguments without the table. An entry
 * of `columns` is a column name or `{ expression: 'lower(email)' }`.
 *
 * @example
 * ```ts
 * index('ix_account_email', ['email'], { unique: true })
 * ```
 */
export function index(
  name: string,
  columns: readonly IndexColumn[],
  options?: IndexOptions,
): DeclaredIndexInput {
  const at: Subject = { label: `index(${show(name)})`, base: [] }
  const o = checkOptions(at, options, [], ['unique', 'where'])
  return compact({
    name: checkName(at, name, ['name']),
    ...checkIndexDefinition(at, { ...o, columns }, []),
  })
}

/**
 * A unique constraint of a declared table (an item of its `unique` list), as
 * `op.createUniqueConstraint` makes one.
 *
 * @example
 * ```ts
 * uniqueConstraint(['tenant', 'slug'], { name: 'uq_page_slug' })
 * ```
 */
export function uniqueConstraint(
  columns: readonly string[],
  options?: { readonly name?: string | undefined },
): { readonly name?: string; readonly columns: readonly string[] } {
  const at: Subject = { label: 'uniqueConstraint()', base: [] }
  const o = checkOptions(at, options, [], ['name'])
  if (!Array.isArray(columns) || columns.length === 0) {
    fail(at, ['columns'], `must be a non-empty list of column names (got ${show(columns)})`)
  }
  return compact({
    name: checkOptionalName(at, o['name'], ['name']),
    columns: Object.freeze(columns.map((c, i) => checkName(at, c, ['columns', i]))),
  }) as { readonly name?: string; readonly columns: readonly string[] }
}

/**
 * A CHECK constraint of a declared table (an item of its `checks` list), as
 * `op.createCheckConstraint` makes one; `expression` is raw SQL.
 *
 * @example
 * ```ts
 * checkConstraint('price >= 0', { name: 'ck_item_price' })
 * ```
 */
export function checkConstraint(
  expression: string,
  options?: { readonly name?: string | undefined },
): { readonly name?: string; readonly expression: string } {
  const at: Subject = { label: 'checkConstraint()', base: [] }
  const o = checkOptions(at, options, [], ['name'])
  const checked = checkString(at, expression, ['expression'])
  if (checked === undefined) fail(at, ['expression'], 'is required: a SQL expression')
  return compact({ name: checkOptionalName(at, o['name'], ['name']), expression: checked }) as {
    readonly name?: string
    readonly expression: string
  }
}

/**
 * Options of {@link foreignKey}.
 *
 * @example
 * ```ts
 * const options: ForeignKeyOptions = { name: 'fk_line_invoice', deferrable: true }
 * ```
 */
export interface ForeignKeyOptions {
  readonly name?: string | undefined
  readonly deferrable?: boolean | undefined
  readonly initially?: ConstraintInitially | undefined
}

/**
 * A foreign key of a declared table (an item of its `foreignKeys` list), for several
 * columns or a named key; a single-column key can also be the column's `references`.
 *
 * @example
 * ```ts
 * foreignKey(['tenant', 'invoice_id'], { table: 'invoice', columns: ['tenant', 'id'], onDelete: 'CASCADE' })
 * ```
 */
export function foreignKey(
  columns: readonly string[],
  references: Omit<ForeignKeyReference, 'schema'>,
  options?: ForeignKeyOptions,
): {
  readonly name?: string
  readonly columns: readonly string[]
  readonly references: Omit<ForeignKeyReference, 'schema'>
  readonly deferrable?: boolean
  readonly initially?: ConstraintInitially
} {
  const at: Subject = { label: 'foreignKey()', base: [] }
  const o = checkOptions(at, options, [], ['name', 'deferrable', 'initially'])
  const key = checkForeignKey(at, { ...o, columns, references }, [])
  const { kind: _kind, ...rest } = key
  return Object.freeze(rest) as never
}
