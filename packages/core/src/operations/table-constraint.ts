import {
  checkBoolean,
  checkName,
  checkNameList,
  checkOptionalName,
  checkOptions,
  checkString,
  compact,
  fail,
  show,
  type Subject,
} from './argument-checks.js'
import { checkReferentialAction, type ReferentialAction } from './column.js'

/**
 * A table-level primary key (several columns, or a named one).
 *
 * @example
 * ```ts
 * const pk: PrimaryKeyConstraint = { kind: 'primaryKey', columns: ['tenant', 'id'] }
 * ```
 */
export interface PrimaryKeyConstraint {
  readonly kind: 'primaryKey'
  readonly name?: string | undefined
  readonly columns: readonly string[]
}

/**
 * A table-level unique constraint.
 *
 * @example
 * ```ts
 * const uq: UniqueConstraint = { kind: 'unique', name: 'uq_slug', columns: ['tenant', 'slug'] }
 * ```
 */
export interface UniqueConstraint {
  readonly kind: 'unique'
  readonly name?: string | undefined
  readonly columns: readonly string[]
}

/**
 * When a deferrable foreign key is checked by default: at the end of each statement
 * (`IMMEDIATE`) or at commit (`DEFERRED`).
 *
 * @example
 * ```ts
 * const initially: ConstraintInitially = 'DEFERRED'
 * ```
 */
export type ConstraintInitially = 'DEFERRED' | 'IMMEDIATE'

/**
 * The referenced side of a foreign key.
 *
 * @example
 * ```ts
 * const references: ForeignKeyReference = { table: 'parent', columns: ['id'], onDelete: 'CASCADE' }
 * ```
 */
export interface ForeignKeyReference {
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly string[]
  readonly onDelete?: ReferentialAction | undefined
  readonly onUpdate?: ReferentialAction | undefined
}

/**
 * A table-level foreign key (several columns). `deferrable`/`initially` are written only
 * when given (`initially: 'DEFERRED'` needs `deferrable: true`).
 *
 * @example
 * ```ts
 * const fk: ForeignKeyConstraint = {
 *   kind: 'foreignKey',
 *   columns: ['tenant', 'parent_id'],
 *   references: { table: 'parent', columns: ['tenant', 'id'], onDelete: 'CASCADE' },
 * }
 * ```
 */
export interface ForeignKeyConstraint {
  readonly kind: 'foreignKey'
  readonly name?: string | undefined
  readonly columns: readonly string[]
  readonly references: ForeignKeyReference
  readonly deferrable?: boolean | undefined
  readonly initially?: ConstraintInitially | undefined
}

/**
 * A CHECK constraint; `expression` is raw SQL written by the migration author.
 *
 * @example
 * ```ts
 * const check: CheckConstraint = { kind: 'check', name: 'ck_price', expression: 'price >= 0' }
 * ```
 */
export interface CheckConstraint {
  readonly kind: 'check'
  readonly name?: string | undefined
  readonly expression: string
}

/**
 * A table-level constraint. `createTable` carries a list of them; `dropConstraint` may
 * carry one as its `definition` (what makes it reversible).
 *
 * @example
 * ```ts
 * const constraints: TableConstraint[] = [{ kind: 'unique', columns: ['email'] }]
 * ```
 */
export type TableConstraint =
  PrimaryKeyConstraint | UniqueConstraint | ForeignKeyConstraint | CheckConstraint

/** A list of columns, optionally with a constraint name. */
export type ColumnsConstraintOption =
  readonly string[] | { readonly name?: string; readonly columns: readonly string[] }

/**
 * The table-level constraint options of `createTable` (and of a `dropTable` definition);
 * the same keys in YAML.
 *
 * @example
 * ```ts
 * const options: TableConstraintOptions = {
 *   primaryKey: ['tenant', 'id'],
 *   unique: [['tenant', 'slug']],
 *   checks: ['price >= 0'],
 * }
 * ```
 */
export interface TableConstraintOptions {
  readonly primaryKey?: ColumnsConstraintOption | undefined
  readonly unique?: readonly ColumnsConstraintOption[] | undefined
  readonly foreignKeys?:
    | readonly {
        readonly name?: string
        readonly columns: readonly string[]
        readonly references: {
          readonly table: string
          readonly schema?: string
          readonly columns: readonly string[]
          readonly onDelete?: ReferentialAction
          readonly onUpdate?: ReferentialAction
        }
        readonly deferrable?: boolean
        readonly initially?: ConstraintInitially
      }[]
    | undefined
  /** Raw SQL expressions, or `{ name, expression }`. */
  readonly checks?:
    readonly (string | { readonly name?: string; readonly expression: string })[] | undefined
}

/** The keys of {@link TableConstraintOptions}. */
export const TABLE_CONSTRAINT_KEYS = Object.freeze([
  'primaryKey',
  'unique',
  'foreignKeys',
  'checks',
] as const)

/**
 * Validates the constraint options of a table against its column names and returns the
 * frozen constraint list (primary key first, then unique, foreign keys, checks).
 *
 * @example
 * ```ts
 * normalizeTableConstraints({ label: "createTable('t')", base: [] }, { primaryKey: ['a', 'b'] }, ['a', 'b'])
 * ```
 */
export function normalizeTableConstraints(
  at: Subject,
  options: TableConstraintOptions,
  columnNames: readonly string[],
): readonly TableConstraint[] {
  const constraints: TableConstraint[] = []
  const known = (columns: readonly string[], path: readonly (string | number)[]): void => {
    columns.forEach((column, index) => {
      if (!columnNames.includes(column)) {
        fail(at, [...path, index], `names '${column}', which is not a column of this table`)
      }
    })
  }
  const columnsOption = (value: unknown, path: readonly (string | number)[]) => {
    if (Array.isArray(value)) {
      const columns = checkNameList(at, value, path)
      known(columns, path)
      return { columns, name: undefined }
    }
    const o = checkOptions(at, value, path, ['name', 'columns'])
    const columns = checkNameList(at, o['columns'], [...path, 'columns'])
    known(columns, [...path, 'columns'])
    return { columns, name: checkOptionalName(at, o['name'], [...path, 'name']) }
  }

  if (options.primaryKey !== undefined) {
    const { columns, name } = columnsOption(options.primaryKey, ['primaryKey'])
    constraints.push(compact({ kind: 'primaryKey' as const, name, columns }))
  }
  list(at, options.unique, 'unique').forEach((value, index) => {
    const { columns, name } = columnsOption(value, ['unique', index])
    constraints.push(compact({ kind: 'unique' as const, name, columns }))
  })
  list(at, options.foreignKeys, 'foreignKeys').forEach((value, index) => {
    const path = ['foreignKeys', index]
    const o = checkOptions(at, value, path, FOREIGN_KEY_KEYS)
    const fk = checkForeignKey(at, o, path)
    known(fk.columns, [...path, 'columns'])
    constraints.push(fk)
  })
  list(at, options.checks, 'checks').forEach((value, index) => {
    const path = ['checks', index]
    if (typeof value === 'string') {
      const expression = checkString(at, value, path) ?? ''
      constraints.push(compact({ kind: 'check' as const, name: undefined, expression }))
      return
    }
    const o = checkOptions(at, value, path, ['name', 'expression'])
    const expression = checkString(at, o['expression'], [...path, 'expression'])
    if (expression === undefined) fail(at, [...path, 'expression'], 'is required')
    const name = checkOptionalName(at, o['name'], [...path, 'name'])
    constraints.push(compact({ kind: 'check' as const, name, expression }))
  })
  return Object.freeze(constraints)
}

/** The keys of a foreign key written as an object (`foreignKeys` items, `dropConstraint` definitions). */
export const FOREIGN_KEY_KEYS = Object.freeze([
  'name',
  'columns',
  'references',
  'deferrable',
  'initially',
] as const)

/** The keys of a foreign key's `references`. */
export const FOREIGN_KEY_REFERENCE_KEYS = Object.freeze([
  'table',
  'schema',
  'columns',
  'onDelete',
  'onUpdate',
] as const)

/**
 * Validates a foreign key given as `{ name?, columns, references: { table, columns, ... },
 * deferrable?, initially? }` (already checked for unknown keys) and returns the frozen
 * constraint. `path` is where the object sits.
 *
 * @example
 * ```ts
 * checkForeignKey({ label: 't', base: [] }, { columns: ['p'], references: { table: 'p', columns: ['id'] } }, [])
 * ```
 */
export function checkForeignKey(
  at: Subject,
  o: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[],
): ForeignKeyConstraint {
  const columns = checkNameList(at, o['columns'], [...path, 'columns'])
  const refPath = [...path, 'references']
  if (o['references'] === undefined) fail(at, refPath, 'is required: { table, columns }')
  const r = checkOptions(at, o['references'], refPath, FOREIGN_KEY_REFERENCE_KEYS)
  const references = checkForeignKeyReference(at, r, refPath, columns.length)
  const name = checkOptionalName(at, o['name'], [...path, 'name'])
  const { deferrable, initially } = checkDeferrable(at, o['deferrable'], o['initially'], path)
  return compact({ kind: 'foreignKey' as const, name, columns, references, deferrable, initially })
}

/**
 * Validates the referenced side of a foreign key against the number of local columns.
 *
 * @example
 * ```ts
 * checkForeignKeyReference({ label: 't', base: [] }, { table: 'p', columns: ['id'] }, ['references'], 1)
 * ```
 */
export function checkForeignKeyReference(
  at: Subject,
  r: Readonly<Record<string, unknown>>,
  refPath: readonly (string | number)[],
  columnCount: number,
): ForeignKeyReference {
  const refColumns = checkNameList(at, r['columns'], [...refPath, 'columns'])
  if (refColumns.length !== columnCount) {
    fail(
      at,
      [...refPath, 'columns'],
      `has ${refColumns.length} columns but columns has ${columnCount}`,
    )
  }
  return compact({
    table: checkName(at, r['table'], [...refPath, 'table']),
    schema: checkOptionalName(at, r['schema'], [...refPath, 'schema']),
    columns: refColumns,
    onDelete: checkReferentialAction(at, r['onDelete'], [...refPath, 'onDelete']),
    onUpdate: checkReferentialAction(at, r['onUpdate'], [...refPath, 'onUpdate']),
  })
}

/**
 * Validates `deferrable` (boolean) and `initially` (`DEFERRED`/`IMMEDIATE`, any letter
 * case); `initially: 'DEFERRED'` needs `deferrable: true`.
 *
 * @example
 * ```ts
 * checkDeferrable({ label: 't', base: [] }, true, 'deferred', []) // { deferrable: true, initially: 'DEFERRED' }
 * ```
 */
export function checkDeferrable(
  at: Subject,
  deferrable: unknown,
  initially: unknown,
  path: readonly (string | number)[],
): { deferrable?: boolean | undefined; initially?: ConstraintInitially | undefined } {
  const checkedDeferrable = checkBoolean(at, deferrable, [...path, 'deferrable'])
  let checkedInitially: ConstraintInitially | undefined
  if (initially !== undefined) {
    const upper = typeof initially === 'string' ? initially.trim().toUpperCase() : undefined
    if (upper !== 'DEFERRED' && upper !== 'IMMEDIATE') {
      fail(at, [...path, 'initially'], `must be DEFERRED or IMMEDIATE (got ${show(initially)})`)
    }
    checkedInitially = upper
    if (upper === 'DEFERRED' && checkedDeferrable !== true) {
      fail(at, [...path, 'initially'], 'DEFERRED needs deferrable: true as well')
    }
  }
  return { deferrable: checkedDeferrable, initially: checkedInitially }
}

function list(at: Subject, value: unknown, key: string): readonly unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) fail(at, [key], `must be a list (got ${show(value)})`)
  return value
}
