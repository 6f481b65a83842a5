import {
  checkBoolean,
  checkName,
  checkOptions,
  checkString,
  compact,
  fail,
  isPlainObject,
  show,
  type Subject,
} from './argument-checks.js'
import { normalizeColumn, type ColumnSpec } from './column.js'
import type { ArgumentPath } from './operation-error.js'
import type {
  ExistingTableDefinition,
  IndexColumn,
  IndexDefinition,
  NamedIndexDefinition,
  TableDefinition,
} from './operation.js'
import {
  normalizeTableConstraints,
  TABLE_CONSTRAINT_KEYS,
  type TableConstraintOptions,
} from './table-constraint.js'

/**
 * Validates the columns and table-level constraints of a table written as
 * `{ columns, primaryKey?, unique?, foreignKeys?, checks?, comment? }`. `columnsPath` is
 * where the column list sits (`['columns']`, `['definition', 'columns']`); the constraint
 * keys sit next to it.
 *
 * @example
 * ```ts
 * checkTableDefinition({ label: "createTable('t')", base: [] }, ['columns'], { columns: [{ name: 'id', type: 'integer' }] })
 * ```
 */
export function checkTableDefinition(
  at: Subject,
  columnsPath: ArgumentPath,
  input: Readonly<Record<string, unknown>>,
): TableDefinition {
  const columns = input['columns']
  if (!Array.isArray(columns) || columns.length === 0) {
    fail(
      at,
      columnsPath,
      `must be a non-empty list of columns (got ${show(columns)}); add op.column(name, type)`,
    )
  }
  const definitions = columns.map((column: ColumnSpec, index) =>
    normalizeColumn(column, at, [...columnsPath, index]),
  )
  const names = definitions.map((column) => column.name)
  const duplicate = names.find((name, index) => names.indexOf(name) !== index)
  if (duplicate !== undefined) fail(at, columnsPath, `has column '${duplicate}' twice`)
  const base = columnsPath.slice(0, -1)
  const constraints = normalizeTableConstraints(
    { label: at.label, base: [...at.base, ...base] },
    input as TableConstraintOptions,
    names,
  )
  if (
    constraints.some((constraint) => constraint.kind === 'primaryKey') &&
    definitions.some((column) => column.primaryKey)
  ) {
    fail(
      at,
      [...base, 'primaryKey'],
      'cannot be combined with primaryKey on a column; use one of them',
    )
  }
  return compact({
    columns: Object.freeze(definitions),
    constraints,
    comment: checkString(at, input['comment'], [...base, 'comment'], true),
  })
}

/**
 * A table definition given as a list of columns or as `{ columns, ...constraints }` at
 * `path` (e.g. `dropTable`'s `definition`).
 *
 * @example
 * ```ts
 * checkTableDefinitionInput({ label: "dropTable('t')", base: [] }, [{ name: 'id', type: 'integer' }], ['definition'])
 * ```
 */
export function checkTableDefinitionInput(
  at: Subject,
  value: unknown,
  path: ArgumentPath,
): TableDefinition {
  if (Array.isArray(value)) return checkTableDefinition(at, path, { columns: value })
  const o = checkOptions(at, value, path, ['columns', 'comment', ...TABLE_CONSTRAINT_KEYS])
  return checkTableDefinition(at, [...path, 'columns'], o)
}

/**
 * The `tableDefinition` option of the operations SQLite may run as a table rebuild: the
 * table before the change, as a list of columns or `{ columns, ...constraints, indexes }`.
 *
 * @example
 * ```ts
 * checkExistingTableDefinition({ label: "alterColumn('t', 'a')", base: [] }, {
 *   columns: [{ name: 'a', type: 'text' }],
 *   indexes: [{ name: 'ix_a', columns: ['a'] }],
 * }, ['tableDefinition'])
 * ```
 */
export function checkExistingTableDefinition(
  at: Subject,
  value: unknown,
  path: ArgumentPath,
): ExistingTableDefinition | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value)) {
    return compact({
      ...checkTableDefinition(at, path, { columns: value }),
      indexes: Object.freeze([]),
    })
  }
  const o = checkOptions(at, value, path, [
    'columns',
    'comment',
    'indexes',
    ...TABLE_CONSTRAINT_KEYS,
  ])
  const table = checkTableDefinition(at, [...path, 'columns'], o)
  const indexes = o['indexes'] ?? []
  if (!Array.isArray(indexes)) {
    fail(at, [...path, 'indexes'], `must be a list of { name, columns } (got ${show(indexes)})`)
  }
  const named = indexes.map((index: unknown, i): NamedIndexDefinition => {
    const p = [...path, 'indexes', i]
    const d = checkOptions(at, index, p, ['name', 'columns', 'unique', 'where'])
    return compact({
      name: checkName(at, d['name'], [...p, 'name']),
      ...checkIndexDefinition(at, d, p),
    })
  })
  return compact({ ...table, indexes: Object.freeze(named) })
}

/**
 * Validates `{ columns, unique?, where? }` of an index (keys already checked).
 *
 * @example
 * ```ts
 * checkIndexDefinition({ label: "dropIndex('ix')", base: [] }, { columns: ['a'] }, ['definition'])
 * ```
 */
export function checkIndexDefinition(
  at: Subject,
  d: Readonly<Record<string, unknown>>,
  path: ArgumentPath,
): IndexDefinition {
  return compact({
    columns: checkIndexColumns(at, d['columns'], [...path, 'columns']),
    unique: checkBoolean(at, d['unique'], [...path, 'unique']) ?? false,
    where: checkString(at, d['where'], [...path, 'where']),
  })
}

/**
 * A non-empty list of index entries: column names (distinct) and `{ expression }` raw SQL.
 *
 * @example
 * ```ts
 * checkIndexColumns({ label: "createIndex('ix')", base: [] }, ['tenant', { expression: 'lower(email)' }], ['columns'])
 * ```
 */
export function checkIndexColumns(
  at: Subject,
  value: unknown,
  path: ArgumentPath,
): readonly IndexColumn[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(
      at,
      path,
      `must be a non-empty list of names (got ${show(value)}); an entry may also be { expression: 'SQL' }`,
    )
  }
  const entries = value.map((item: unknown, index): IndexColumn => {
    if (isPlainObject(item)) {
      const o = checkOptions(at, item, [...path, index], ['expression'])
      const expression = checkString(at, o['expression'], [...path, index, 'expression'])
      if (expression === undefined) fail(at, [...path, index, 'expression'], 'is required')
      return Object.freeze({ expression })
    }
    return checkName(at, item, [...path, index])
  })
  const names = entries.filter((entry): entry is string => typeof entry === 'string')
  const duplicate = names.find((name, index) => names.indexOf(name) !== index)
  if (duplicate !== undefined) fail(at, path, `names '${duplicate}' twice`)
  return Object.freeze(entries)
}
