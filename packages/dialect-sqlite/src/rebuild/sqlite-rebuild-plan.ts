import type { ColumnDefinition, Operation } from '@retort/core'
import { describeOperation } from '@retort/core/dialect'
import {
  renderColumn,
  renderConstraint,
  renderDefault,
  sqliteColumnType,
} from '../sqlite-column-type.js'
import type { SqliteTableSource } from '../sqlite-introspector.js'
import { qualifiedName, quoteIdentifier } from '../sqlite-literal.js'
import { SqliteRebuildError } from './sqlite-rebuild-error.js'
import type { SqliteRebuildStep } from './sqlite-rebuild-step.js'
import { isKeyword, mentions, SqlSyntaxError, tokenizeSql } from './sqlite-sql-tokens.js'
import {
  type ColumnClauseKind,
  type ColumnSql,
  indexUsesColumn,
  parseColumnDefinition,
  parseConstraintDefinition,
  parseCreateTable,
  qualifyCreateStatement,
  renderTableSql,
  type TableSql,
  usesColumn,
} from './sqlite-table-sql.js'

/**
 * What a rebuild starts from: the table's `CREATE TABLE`, the indexes and triggers that
 * dropping it drops (views stay: the rename runs with `legacy_alter_table` on, so they are
 * not rewritten and see the new table under the old name), and the views and other triggers
 * that may use its columns. Online it is read by `SqliteIntrospector.getTableSource`.
 *
 * @example
 * ```ts
 * const source: RebuildSource = { table: 't', sql: 'CREATE TABLE t (a TEXT)', indexes: [], triggers: [], dependents: [] }
 * ```
 */
export type RebuildSource = SqliteTableSource

export type { SchemaObjectSql } from '../sqlite-introspector.js'

/**
 * What carries out a {@link SqliteRebuildStep} on a table: its native statement, a rebuild,
 * or nothing (the operation leaves the table as it is).
 *
 * @example
 * ```ts
 * const change: SqliteTableChange = { kind: 'native', sql: 'ALTER TABLE "t" DROP COLUMN "a"' }
 * ```
 */
export type SqliteTableChange =
  | { readonly kind: 'native'; readonly sql: string }
  | { readonly kind: 'rebuild'; readonly plan: RebuildPlan }
  | { readonly kind: 'unchanged' }

/**
 * Plans a {@link SqliteRebuildStep} on a table (pure): the native statement when the step's
 * condition holds for the table (`hasRows` says whether it has rows; `undefined`, as
 * offline, counts as having some), else the rebuild of {@link planRebuild}.
 *
 * @example
 * ```ts
 * planTableChange(step, source, { hasRows: false }) // { kind: 'native', sql: 'ALTER TABLE ...' }
 * ```
 */
export function planTableChange(
  step: SqliteRebuildStep,
  source: RebuildSource,
  facts: { readonly hasRows?: boolean | undefined } = {},
): SqliteTableChange {
  const { native, nativeWhen, operation } = step
  if (native !== undefined) {
    if (nativeWhen === 'emptyTable' && facts.hasRows === false)
      return { kind: 'native', sql: native }
    if (
      nativeWhen === 'columnUnused' &&
      operation.kind === 'dropColumn' &&
      nativeDropColumnWorks(source, operation.name)
    ) {
      return { kind: 'native', sql: native }
    }
  }
  const plan = planRebuild(source, operation)
  return plan.changed ? { kind: 'rebuild', plan } : { kind: 'unchanged' }
}

/**
 * The statements of a copy-and-move rebuild, in order: `create` the new table under
 * `temporaryName`, `copy` the rows, `drop` the old table, `rename` the new one (with
 * `PRAGMA legacy_alter_table = ON`), then `recreate` the indexes and triggers.
 *
 * @example
 * ```ts
 * const plan = planRebuild(source, op.alterColumn('t', 'a', { nullable: false }))
 * const sql = [plan.create, plan.copy, plan.drop, plan.rename, ...plan.recreate]
 * ```
 */
export interface RebuildPlan {
  /** `false` when the operation leaves the definition as it is: nothing to run. */
  readonly changed: boolean
  readonly temporaryName: string
  readonly create: string
  readonly copy: string
  readonly drop: string
  readonly rename: string
  readonly recreate: readonly string[]
  /** Indexes that used a dropped column and are not recreated. */
  readonly droppedIndexes: readonly string[]
  /** The new table has an AUTOINCREMENT key (its `sqlite_sequence` value must be kept). */
  readonly autoincrement: boolean
}

/**
 * Suffix of the name the new table is built under before it takes the old one's name.
 *
 * @example
 * ```ts
 * `parent${REBUILD_SUFFIX}` // 'parent__retort_new'
 * ```
 */
export const REBUILD_SUFFIX = '__retort_new'

/**
 * Plans the rebuild of `source.table` that carries out `operation` (pure). For
 * `alterColumn`, a `newName` is expected to be applied already (SQLite renames natively, and
 * the compiler emits that rename first). Throws {@link SqliteRebuildError} when the
 * operation does not fit the table.
 *
 * @example
 * ```ts
 * planRebuild(
 *   { table: 't', sql: 'CREATE TABLE t (a TEXT)', indexes: [], triggers: [] },
 *   op.alterColumn('t', 'a', { nullable: false }),
 * ).create // 'CREATE TABLE "t__retort_new" (a TEXT NOT NULL)'
 * ```
 */
export function planRebuild(source: RebuildSource, operation: Operation): RebuildPlan {
  const fail = (message: string): never => {
    throw new SqliteRebuildError(
      source.table,
      `${describeOperation(operation)} on SQLite (a table rebuild): ${message}`,
    )
  }
  let table: TableSql
  try {
    table = parseCreateTable(source.sql)
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error
    return fail(
      `cannot read the definition of table '${source.table}' (${error.message}); change the table with op.execute instead`,
    )
  }
  const original = renderTableSql(parseCreateTable(source.sql), '"t"')
  const droppedIndexes = applyOperation(table, source, operation, fail)
  const temporaryName = `${source.table}${REBUILD_SUFFIX}`
  const q = (name: string) => qualifiedName(name, source.schema)

  const pairs: [string, string][] = table.columns
    .filter((c) => c.source !== undefined && !c.clauses.some((k) => k.kind === 'generated'))
    .map((c) => [quoteIdentifier(c.name), quoteIdentifier(c.source as string)])
  const rowidTable = (t: TableSql) => !/\bWITHOUT\s+ROWID\b/i.test(t.options)
  const oldTable = parseCreateTable(source.sql)
  const reserved = [...oldTable.columns, ...table.columns].some((c) =>
    ['rowid', 'oid', '_rowid_'].includes(c.name.toLowerCase()),
  )
  if (rowidTable(oldTable) && rowidTable(table) && !reserved) {
    // Keep each row's rowid: other tables or the application may hold on to it.
    const alias = rowidAlias(table)
    if (alias === undefined) pairs.unshift(['rowid', 'rowid'])
    else if (alias.source === undefined) pairs.unshift([quoteIdentifier(alias.name), 'rowid'])
  }
  if (pairs.length === 0) fail(`table '${source.table}' would keep no column to copy`)

  const recreate = [
    ...source.indexes
      .filter((index) => !droppedIndexes.includes(index.name))
      .map((index) => qualifyCreateStatement(index.sql, source.schema)),
    ...source.triggers.map((trigger) => qualifyCreateStatement(trigger.sql, source.schema)),
  ]
  return {
    changed: renderTableSql(table, '"t"') !== original || droppedIndexes.length > 0,
    temporaryName,
    create: renderTableSql(table, q(temporaryName)),
    copy: `INSERT INTO ${q(temporaryName)} (${pairs.map(([to]) => to).join(', ')}) SELECT ${pairs.map(([, from]) => from).join(', ')} FROM ${q(source.table)}`,
    drop: `DROP TABLE ${q(source.table)}`,
    rename: `ALTER TABLE ${q(temporaryName)} RENAME TO ${quoteIdentifier(source.table)}`,
    recreate,
    droppedIndexes,
    autoincrement: table.columns.some((c) =>
      c.clauses.some(
        (k) => k.kind === 'primaryKey' && k.tokens.some((t) => isKeyword(t, 'AUTOINCREMENT')),
      ),
    ),
  }
}

/**
 * Whether SQLite's native `ALTER TABLE DROP COLUMN` accepts dropping `column` (it refuses a
 * key, UNIQUE or REFERENCES column, and a column used by an index, a table constraint,
 * another column's CHECK or generated expression, a trigger or a view).
 *
 * @example
 * ```ts
 * nativeDropColumnWorks({ table: 't', sql: 'CREATE TABLE t (a, b UNIQUE)', indexes: [], triggers: [], dependents: [] }, 'b') // false
 * ```
 */
export function nativeDropColumnWorks(source: RebuildSource, column: string): boolean {
  const table = parseCreateTable(source.sql)
  const target = findColumn(table, column)
  if (target === undefined) return true
  if (
    target.clauses.some(
      (c) => c.kind === 'primaryKey' || c.kind === 'unique' || c.kind === 'references',
    )
  ) {
    return false
  }
  // A trigger or view that names the column (or anything spelled like it) keeps it.
  const used = [...source.triggers, ...source.dependents].some((object) => {
    try {
      return mentions(tokenizeSql(object.sql), target.name)
    } catch (error) {
      if (error instanceof SqlSyntaxError) return true
      throw error
    }
  })
  if (used) return false
  if (table.constraints.some((c) => usesColumn(c, target.name))) return false
  if (source.indexes.some((index) => indexUsesColumn(index.sql, target.name))) return false
  return !table.columns.some(
    (c) => c !== target && c.clauses.some((clause) => usesColumn(clause, target.name)),
  )
}

/** Changes `table` as `operation` says; returns the names of the indexes to leave out. */
function applyOperation(
  table: TableSql,
  source: RebuildSource,
  operation: Operation,
  fail: (message: string) => never,
): string[] {
  const t = `'${source.table}'`
  const column = (name: string): ColumnSql =>
    findColumn(table, name) ?? fail(`table ${t} has no column '${name}'`)
  const checkColumns = (names: readonly string[]) => names.forEach((name) => column(name))
  const checkNameFree = (name: string) => {
    const lower = name.toLowerCase()
    const taken =
      table.constraints.some((c) => c.name?.toLowerCase() === lower) ||
      table.columns.some((c) => c.clauses.some((k) => k.name?.toLowerCase() === lower))
    if (taken) fail(`table ${t} already has a constraint named '${name}'; pick another name`)
  }
  const addConstraint = (text: string) => table.constraints.push(parseConstraintDefinition(text))

  switch (operation.kind) {
    case 'addColumn': {
      const definition = operation.column
      if (findColumn(table, definition.name) !== undefined) {
        fail(`table ${t} already has a column '${definition.name}'`)
      }
      if (definition.primaryKey && hasPrimaryKey(table)) {
        fail(
          `table ${t} already has a primary key; drop it first with op.dropConstraint(name, ${t}, { type: 'primaryKey' })`,
        )
      }
      const text = renderColumn(definition, true)
      table.columns.push({ ...parseColumnDefinition(text), source: undefined })
      return []
    }
    case 'dropColumn': {
      const target = column(operation.name)
      if (table.columns.length === 1) {
        fail(`'${target.name}' is the only column of table ${t}; drop the table instead`)
      }
      for (const other of table.columns) {
        if (other === target) continue
        if (other.clauses.some((c) => c.kind === 'generated' && usesColumn(c, target.name))) {
          fail(
            `generated column '${other.name}' is computed from '${target.name}'; drop or change it first`,
          )
        }
        const kept = other.clauses.filter(
          (c) => !(c.kind === 'check' && usesColumn(c, target.name)),
        )
        if (kept.length !== other.clauses.length) setClauses(other, kept)
      }
      table.columns = table.columns.filter((c) => c !== target)
      // As in PostgreSQL: the indexes and table constraints that use the column go with it.
      table.constraints = table.constraints.filter((c) => !usesColumn(c, target.name))
      return source.indexes
        .filter((index) => indexUsesColumn(index.sql, target.name))
        .map((index) => index.name)
    }
    case 'alterColumn': {
      const target = column(operation.newName ?? operation.name)
      let clauses = [...target.clauses]
      if (operation.type !== undefined) {
        const type = sqliteColumnType(operation.type as ColumnDefinition)
        if (type.toUpperCase() !== target.type.toUpperCase()) {
          target.type = type
          target.text = undefined
        }
      }
      if (operation.nullable === false && !clauses.some((c) => c.kind === 'notNull')) {
        clauses = [...clauses.filter((c) => c.kind !== 'null'), clause('notNull', 'NOT NULL')]
      }
      if (operation.nullable === true) {
        if (isKeyColumn(table, target)) {
          fail(
            `column '${target.name}' is part of the primary key of ${t} and cannot allow NULL; drop the primary key first`,
          )
        }
        clauses = clauses.filter((c) => c.kind !== 'notNull')
      }
      if (operation.default !== undefined || operation.defaultSql !== undefined) {
        clauses = clauses.filter((c) => c.kind !== 'default')
        // `default: null` removes the default.
        const rendered = renderDefault(
          operation.default === null ? undefined : operation.default,
          operation.defaultSql,
        ).trim()
        if (rendered !== '') clauses.push(clause('default', rendered))
      }
      // SQLite has no column comments: `comment` is not stored.
      if (clauses.map((c) => c.text).join() !== target.clauses.map((c) => c.text).join()) {
        setClauses(target, clauses)
      }
      return []
    }
    case 'createUniqueConstraint':
      checkColumns(operation.columns)
      checkNameFree(operation.name)
      addConstraint(
        renderConstraint({ kind: 'unique', name: operation.name, columns: operation.columns }),
      )
      return []
    case 'createCheckConstraint':
      checkNameFree(operation.name)
      addConstraint(
        renderConstraint({ kind: 'check', name: operation.name, expression: operation.expression }),
      )
      return []
    case 'createForeignKey':
      checkColumns(operation.columns)
      checkNameFree(operation.name)
      addConstraint(
        renderConstraint({
          kind: 'foreignKey',
          name: operation.name,
          columns: operation.columns,
          references: operation.references,
          deferrable: operation.deferrable,
          initially: operation.initially,
        }),
      )
      return []
    case 'createPrimaryKey': {
      if (hasPrimaryKey(table)) {
        fail(
          `table ${t} already has a primary key; drop it first with op.dropConstraint(name, ${t}, { type: 'primaryKey' })`,
        )
      }
      checkNameFree(operation.name)
      for (const name of operation.columns) {
        const target = column(name)
        // As in PostgreSQL and MySQL, key columns become NOT NULL (SQLite would allow NULL).
        if (!target.clauses.some((c) => c.kind === 'notNull')) {
          setClauses(target, [
            ...target.clauses.filter((c) => c.kind !== 'null'),
            clause('notNull', 'NOT NULL'),
          ])
        }
      }
      addConstraint(
        renderConstraint({ kind: 'primaryKey', name: operation.name, columns: operation.columns }),
      )
      return []
    }
    case 'dropConstraint': {
      const lower = operation.name.toLowerCase()
      const wrongType = (kind: string) =>
        fail(
          `constraint '${operation.name}' of ${t} is a ${kind} constraint, not ${operation.type ?? ''}; correct the type`,
        )
      const index = table.constraints.findIndex((c) => c.name?.toLowerCase() === lower)
      if (index !== -1) {
        const found = table.constraints[index]
        if (operation.type !== undefined && found?.kind !== operation.type)
          wrongType(found?.kind ?? '')
        table.constraints.splice(index, 1)
        return []
      }
      for (const target of table.columns) {
        const named = target.clauses.find((c) => c.name?.toLowerCase() === lower)
        if (named === undefined) continue
        const kind = CLAUSE_CONSTRAINT_TYPES[named.kind]
        if (operation.type !== undefined && kind !== operation.type) wrongType(kind ?? named.kind)
        setClauses(
          target,
          target.clauses.filter((c) => c !== named),
        )
        return []
      }
      if (operation.type === 'primaryKey') {
        const key = table.constraints.findIndex((c) => c.kind === 'primaryKey')
        if (key !== -1) {
          table.constraints.splice(key, 1)
          return []
        }
        const target = table.columns.find((c) => c.clauses.some((k) => k.kind === 'primaryKey'))
        if (target === undefined) fail(`table ${t} has no primary key`)
        setClauses(
          target as ColumnSql,
          (target as ColumnSql).clauses.filter((k) => k.kind !== 'primaryKey'),
        )
        return []
      }
      const names = [
        ...table.constraints.flatMap((c) => (c.name === undefined ? [] : [c.name])),
        ...table.columns.flatMap((c) =>
          c.clauses.flatMap((k) => (k.name === undefined ? [] : [k.name])),
        ),
      ]
      const index2 = source.indexes.find((i) => i.name.toLowerCase() === lower)
      return fail(
        `table ${t} has no constraint named '${operation.name}' (${names.length === 0 ? 'it has no named constraints' : `its named constraints: ${names.join(', ')}`}); SQLite knows a constraint by name only when it was created with CONSTRAINT "name"${index2 === undefined ? '' : `; '${index2.name}' is an index: use op.dropIndex`}`,
      )
    }
    default:
      return fail('this operation is not run as a table rebuild')
  }
}

const CLAUSE_CONSTRAINT_TYPES: Partial<Record<ColumnClauseKind, string>> = {
  primaryKey: 'primaryKey',
  unique: 'unique',
  check: 'check',
  references: 'foreignKey',
}

function clause(kind: ColumnClauseKind, text: string) {
  return { kind, text, tokens: tokenizeSql(text) }
}

function setClauses(column: ColumnSql, clauses: ColumnSql['clauses']): void {
  column.clauses = clauses
  column.text = undefined
}

function findColumn(table: TableSql, name: string): ColumnSql | undefined {
  const lower = name.toLowerCase()
  return table.columns.find((c) => c.name.toLowerCase() === lower)
}

function hasPrimaryKey(table: TableSql): boolean {
  return (
    table.constraints.some((c) => c.kind === 'primaryKey') ||
    table.columns.some((c) => c.clauses.some((k) => k.kind === 'primaryKey'))
  )
}

function isKeyColumn(table: TableSql, column: ColumnSql): boolean {
  return (
    column.clauses.some((k) => k.kind === 'primaryKey') ||
    table.constraints.some(
      (c) =>
        c.kind === 'primaryKey' &&
        c.columns.some((n) => n.toLowerCase() === column.name.toLowerCase()),
    )
  )
}

/** The INTEGER PRIMARY KEY column that is the rowid, if any. */
function rowidAlias(table: TableSql): ColumnSql | undefined {
  const integer = (c: ColumnSql | undefined) =>
    c !== undefined && c.type.trim().toUpperCase() === 'INTEGER'
  const inline = table.columns.find((c) =>
    c.clauses.some((k) => k.kind === 'primaryKey' && !k.tokens.some((t) => isKeyword(t, 'DESC'))),
  )
  if (inline !== undefined) return integer(inline) ? inline : undefined
  const key = table.constraints.find((c) => c.kind === 'primaryKey')
  if (key === undefined || key.columns.length !== 1) return undefined
  const column = findColumn(table, key.columns[0] as string)
  return integer(column) ? column : undefined
}
