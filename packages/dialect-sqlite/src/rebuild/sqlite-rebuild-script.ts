import type { ColumnDefinition, ExistingTableDefinition, TableConstraint } from '@retort/core'
import { sqlComment } from '@retort/core/dialect'
import { describeOperation } from '@retort/core/dialect'
import { renderCreateIndex, renderCreateTable } from '../sqlite-column-type.js'
import { qualifiedName, SqliteCompileError } from '../sqlite-literal.js'
import { planTableChange, type RebuildSource } from './sqlite-rebuild-plan.js'
import type { SqliteRebuildStep } from './sqlite-rebuild-step.js'
import { renameInSql } from './sqlite-sql-tokens.js'

/**
 * The statements of a table rebuild for an offline SQL script, written from the
 * operation's `tableDefinition` (the table before the change) since there is no database
 * to read. Without one, the native statement when there is one (which SQLite may refuse at
 * run time), else a {@link SqliteCompileError} saying to pass `tableDefinition`. Triggers on
 * the table are not known offline and are not recreated (the first line says so).
 *
 * @example
 * ```ts
 * rebuildScript({
 *   table: 't',
 *   operation: op.alterColumn('t', 'a', { nullable: false, tableDefinition: [{ name: 'a', type: 'text' }] }),
 * })
 * ```
 */
export function rebuildScript(step: SqliteRebuildStep): readonly string[] {
  const { operation, table, schema } = step
  const current =
    'tableDefinition' in operation
      ? (operation.tableDefinition as ExistingTableDefinition | undefined)
      : undefined
  if (current === undefined) {
    if (step.native !== undefined) return [step.native]
    throw new SqliteCompileError(
      `${describeOperation(operation)} needs a table rebuild on SQLite, and offline (--sql, or sql: true in the API) the table cannot be read; pass the table as it is before the change in the operation's tableDefinition option ({ columns: [...], indexes: [...] }), or run it online`,
    )
  }
  const definition =
    operation.kind === 'alterColumn' && operation.newName !== undefined
      ? renameColumn(current, operation.name, operation.newName)
      : current
  const source: RebuildSource = {
    table,
    schema,
    sql: renderCreateTable(table, undefined, definition.columns, definition.constraints, false),
    indexes: definition.indexes.map((index) => ({
      name: index.name,
      sql: renderCreateIndex({ ...index, table, schema, ifNotExists: false }),
    })),
    triggers: [],
    dependents: [],
  }
  // The rows are not known offline: a change that SQLite makes natively only on an empty
  // table is written as the rebuild, which works either way.
  const change = planTableChange(step, source, { hasRows: undefined })
  if (change.kind === 'native') return [change.sql]
  // The comment line ends with a newline, so the `;` written after it starts a new line.
  if (change.kind === 'unchanged') {
    return [`${sqlComment(`${describeOperation(operation)}: table "${table}" is unchanged`)}\n`]
  }
  const { plan } = change
  return [
    `${sqlComment(`table rebuild of ${qualifiedName(table, schema)} for ${describeOperation(operation)}: with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated`)}\n${plan.create}`,
    plan.copy,
    plan.drop,
    // Keeps views (and triggers of other tables) as written: they find the new table by name.
    'PRAGMA legacy_alter_table = ON',
    plan.rename,
    'PRAGMA legacy_alter_table = OFF',
    ...plan.recreate,
  ]
}

/**
 * The definition with column `from` renamed to `to` everywhere SQLite's RENAME COLUMN would
 * rename it: columns, constraint column lists, CHECK expressions, index entries and
 * expressions, partial-index predicates.
 */
function renameColumn(
  definition: ExistingTableDefinition,
  from: string,
  to: string,
): ExistingTableDefinition {
  const same = (name: string) => name.toLowerCase() === from.toLowerCase()
  const rename = (name: string) => (same(name) ? to : name)
  const sql = (text: string) => renameInSql(text, from, to)
  const renameConstraint = (constraint: TableConstraint): TableConstraint =>
    constraint.kind === 'check'
      ? { ...constraint, expression: sql(constraint.expression) }
      : { ...constraint, columns: constraint.columns.map(rename) }
  return {
    ...definition,
    columns: definition.columns.map((column): ColumnDefinition =>
      same(column.name) ? { ...column, name: to } : column,
    ),
    constraints: definition.constraints.map(renameConstraint),
    indexes: definition.indexes.map((index) => ({
      ...index,
      columns: index.columns.map((c) =>
        typeof c === 'string' ? rename(c) : { expression: sql(c.expression) },
      ),
      ...(index.where === undefined ? {} : { where: sql(index.where) }),
    })),
  }
}
