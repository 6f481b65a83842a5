import { nearestName } from '../operations/nearest-name.js'
import {
  checkName,
  checkOptions,
  fail,
  isPlainObject,
  show,
  type Subject,
} from '../operations/argument-checks.js'
import type { ColumnDefinition, ColumnSpec } from '../operations/column.js'
import type { IndexColumn, NamedIndexDefinition } from '../operations/operation.js'
import { checkIndexDefinition, checkTableDefinition } from '../operations/table-definition-input.js'
import {
  TABLE_CONSTRAINT_KEYS,
  type TableConstraint,
  type TableConstraintOptions,
} from '../operations/table-constraint.js'

/**
 * An index of a declared table: what `op.createIndex` takes, without the table.
 *
 * @example
 * ```ts
 * const input: DeclaredIndexInput = { name: 'ix_account_email', columns: ['email'], unique: true }
 * ```
 */
export interface DeclaredIndexInput {
  readonly name: string
  readonly columns: readonly IndexColumn[]
  readonly unique?: boolean | undefined
  /** Raw SQL predicate of a partial index. */
  readonly where?: string | undefined
}

/**
 * A table as written in a declared schema: the keys `op.createTable` takes (`columns`, the
 * table-level constraints `primaryKey`, `unique`, `foreignKeys`, `checks`, and `comment`),
 * plus its `indexes`.
 *
 * @example
 * ```ts
 * const account: DeclaredTableInput = {
 *   columns: [column('id', 'integer', { primaryKey: true }), column('email', 'string', { length: 255 })],
 *   indexes: [index('ix_account_email', ['email'], { unique: true })],
 * }
 * ```
 */
export interface DeclaredTableInput extends TableConstraintOptions {
  readonly columns: readonly ColumnSpec[]
  readonly indexes?: readonly DeclaredIndexInput[] | undefined
  readonly comment?: string | undefined
}

/**
 * What {@link defineSchema} takes: the tables by name (the same object is the YAML form,
 * under a top-level `tables:` key).
 *
 * @example
 * ```ts
 * const input: DeclaredSchemaInput = { tables: { tag: { columns: [column('id', 'integer', { primaryKey: true })] } } }
 * ```
 */
export interface DeclaredSchemaInput {
  readonly tables: Readonly<Record<string, DeclaredTableInput>>
}

/**
 * A validated table of a {@link DeclaredSchema}: its columns and constraints normalised as
 * `op.createTable` normalises them, and its indexes.
 *
 * @example
 * ```ts
 * const table: DeclaredTable = schema.tables[0]!
 * table.columns.map((c) => c.name) // ['id', 'email']
 * ```
 */
export interface DeclaredTable {
  readonly name: string
  readonly columns: readonly ColumnDefinition[]
  readonly constraints: readonly TableConstraint[]
  readonly indexes: readonly NamedIndexDefinition[]
  readonly comment?: string | undefined
}

/**
 * The schema an application declares it wants: frozen plain data, tables in the order they
 * were written. Made by {@link defineSchema} (or loaded from YAML); compared with the schema
 * the revisions produce by `retort check` and `retort revision --autogenerate`.
 *
 * @example
 * ```ts
 * const schema: DeclaredSchema = defineSchema({ tables: {} })
 * schema.kind // 'declaredSchema'
 * ```
 */
export interface DeclaredSchema {
  readonly kind: 'declaredSchema'
  readonly tables: readonly DeclaredTable[]
}

/** The keys of a declared table. */
export const DECLARED_TABLE_KEYS = Object.freeze([
  'columns',
  'indexes',
  'comment',
  ...TABLE_CONSTRAINT_KEYS,
] as const)

/** The keys of a declared index. */
export const DECLARED_INDEX_KEYS = Object.freeze(['name', 'columns', 'unique', 'where'] as const)

/**
 * Validates a declared schema and returns it frozen ({@link DeclaredSchema}). Columns,
 * constraints and indexes are checked exactly as `op.createTable` and `op.createIndex`
 * check them; on top of that every index and constraint must name columns of its table,
 * index names must be unique in the schema, and a foreign key to a declared table must
 * name columns of that table. Throws an `OperationError` whose `path` locates the problem
 * (`['tables', 'account', 'columns', 1, 'type']`).
 *
 * @example
 * ```ts
 * import { column, defineSchema, index } from '@retort/core'
 *
 * export default defineSchema({
 *   tables: {
 *     account: {
 *       columns: [
 *         column('id', 'integer', { primaryKey: true }),
 *         column('email', 'string', { length: 255, nullable: false }),
 *       ],
 *       indexes: [index('ix_account_email', ['email'], { unique: true })],
 *     },
 *   },
 * })
 * ```
 */
export function defineSchema(input: DeclaredSchemaInput): DeclaredSchema {
  const at: Subject = { label: 'defineSchema', base: [] }
  if (isDeclaredSchema(input)) return input
  const top = checkOptions(at, input, [], ['tables'])
  const tablesInput = top['tables']
  if (!isPlainObject(tablesInput)) {
    fail(
      at,
      ['tables'],
      `must be a map of table names to { columns, indexes, ... } (got ${show(tablesInput)})`,
    )
  }
  const tables = Object.entries(tablesInput).map(([name, value]) =>
    checkTable(at, name, value, ['tables', name]),
  )
  checkAcrossTables(at, tables)
  return Object.freeze({ kind: 'declaredSchema' as const, tables: Object.freeze(tables) })
}

/**
 * Whether a value is a {@link DeclaredSchema} already validated by {@link defineSchema}
 * (plain data with `kind: 'declaredSchema'`, frozen), from this or another copy of core.
 *
 * @example
 * ```ts
 * isDeclaredSchema(defineSchema({ tables: {} })) // true
 * isDeclaredSchema({ tables: {} })              // false
 * ```
 */
export function isDeclaredSchema(value: unknown): value is DeclaredSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'declaredSchema' &&
    Array.isArray((value as { tables?: unknown }).tables) &&
    Object.isFrozen(value)
  )
}

function checkTable(parent: Subject, name: string, value: unknown, path: string[]): DeclaredTable {
  const at: Subject = { label: `${parent.label}: table '${name}'`, base: [...parent.base, ...path] }
  checkName(parent, name, path)
  if (!isPlainObject(value)) {
    fail(at, [], `must be { columns, indexes, ... } (got ${show(value)})`)
  }
  for (const key of Object.keys(value)) {
    if (!(DECLARED_TABLE_KEYS as readonly string[]).includes(key)) {
      const near = nearestName(key, DECLARED_TABLE_KEYS)
      fail(
        at,
        [key],
        `unknown key '${key}'; ${near === undefined ? `expected one of ${DECLARED_TABLE_KEYS.join(', ')}` : `did you mean '${near}'?`}`,
        true,
      )
    }
  }
  const definition = checkTableDefinition(at, ['columns'], value)
  const columnNames = new Set(definition.columns.map((c) => c.name))
  const indexesInput = value['indexes'] ?? []
  if (!Array.isArray(indexesInput)) {
    fail(
      at,
      ['indexes'],
      `must be a list of index(name, columns, options) (got ${show(indexesInput)})`,
    )
  }
  const indexes = indexesInput.map((item: unknown, i): NamedIndexDefinition => {
    const p = ['indexes', i]
    const o = checkOptions(at, item, p, DECLARED_INDEX_KEYS)
    const index = {
      name: checkName(at, o['name'], [...p, 'name']),
      ...checkIndexDefinition(at, o, p),
    }
    index.columns.forEach((entry, k) => {
      if (typeof entry === 'string' && !columnNames.has(entry)) {
        fail(at, [...p, 'columns', k], `names '${entry}', which is not a column of this table`)
      }
    })
    return Object.freeze(index)
  })
  return Object.freeze({
    name,
    columns: definition.columns,
    constraints: definition.constraints,
    indexes: Object.freeze(indexes),
    ...(definition.comment === undefined ? {} : { comment: definition.comment }),
  })
}

/** Index names unique in the schema; foreign keys to declared tables name their columns. */
function checkAcrossTables(at: Subject, tables: readonly DeclaredTable[]): void {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const indexOwner = new Map<string, string>()
  for (const table of tables) {
    table.indexes.forEach((index, i) => {
      const owner = indexOwner.get(index.name)
      if (owner !== undefined) {
        fail(
          at,
          ['tables', table.name, 'indexes', i, 'name'],
          `table '${table.name}': index name '${index.name}' is already used by table '${owner}'; index names are unique in a schema`,
        )
      }
      indexOwner.set(index.name, table.name)
    })
    const references = [
      ...table.columns.flatMap((column, i) =>
        column.references === undefined
          ? []
          : [
              {
                path: ['tables', table.name, 'columns', i, 'references'],
                table: column.references.table,
                columns: [column.references.column],
              },
            ],
      ),
      ...table.constraints.flatMap((constraint, i) =>
        constraint.kind === 'foreignKey'
          ? [
              {
                path: ['tables', table.name, 'foreignKeys', i, 'references'],
                table: constraint.references.table,
                columns: constraint.references.columns,
              },
            ]
          : [],
      ),
    ]
    for (const reference of references) {
      const target = byName.get(reference.table)
      if (target === undefined) {
        fail(
          at,
          reference.path,
          `table '${table.name}': references the table '${reference.table}', which is not declared; declare it too (list it in the config's 'ignore' if Retort should not manage it)`,
        )
      }
      for (const column of reference.columns) {
        if (!target.columns.some((c) => c.name === column)) {
          fail(
            at,
            reference.path,
            `table '${table.name}': references '${reference.table}.${column}', which is not a column of the declared table '${reference.table}'`,
          )
        }
      }
    }
  }
}
