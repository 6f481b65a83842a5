import type { ColumnDefinition, ColumnTypeSpec, IndexColumn, TableConstraint } from '@retort/core'
import { columnTypeSql, portableTypeTable, type PortableTypeTable } from '@retort/core/sql'
import {
  qualifiedName,
  quoteIdentifier,
  renderLiteral,
  SqliteCompileError,
} from './sqlite-literal.js'

export { DEFAULT_STRING_LENGTH } from '@retort/core/sql'

/**
 * SQLite's overrides of core's portable type table. The names are chosen so that SQLite's
 * affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity)
 * give the intended affinity: "JSON" alone would get NUMERIC affinity, which turns the text
 * '1' into the integer 1. Precision of the time types and `withTimezone` have no effect.
 */
export const SQLITE_TYPES: PortableTypeTable = portableTypeTable({
  float: 'REAL',
  time: 'TIME',
  datetime: 'DATETIME',
  timestamp: 'TIMESTAMP',
  json: 'TEXT',
  uuid: 'VARCHAR(36)',
})

/**
 * The SQLite type name of a column. The names are chosen so that SQLite's affinity rules
 * (https://www.sqlite.org/datatype3.html#determination_of_column_affinity) give the
 * intended affinity; see the table in the package README. `withTimezone` has no effect.
 *
 * @example
 * ```ts
 * sqliteColumnType({ name: 'n', type: 'decimal', precision: 10, scale: 2, nullable: true, primaryKey: false, autoincrement: false, unique: false })
 * // 'NUMERIC(10, 2)'
 * ```
 */
export function sqliteColumnType(column: ColumnTypeSpec): string {
  return columnTypeSql(column, SQLITE_TYPES)
}

/** The referential actions SQLite knows; nothing else is ever written after ON DELETE/UPDATE. */
const REFERENTIAL_ACTIONS = ['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'] as const

/**
 * The definition of one column inside `CREATE TABLE` / `ADD COLUMN`. `inlineKey` says
 * whether a `primaryKey` column carries its PRIMARY KEY inline (single-column key).
 *
 * @example
 * ```ts
 * renderColumn(createColumn('email', 'string', { nullable: false }), false) // '"email" VARCHAR(255) NOT NULL'
 * ```
 */
export function renderColumn(column: ColumnDefinition, inlineKey: boolean): string {
  let sql = `${quoteIdentifier(column.name)} `
  if (column.autoincrement) {
    if (!column.primaryKey || !inlineKey) {
      throw new SqliteCompileError(
        `column '${column.name}': SQLite allows autoincrement only on a single INTEGER PRIMARY KEY column; add primaryKey: true`,
      )
    }
    // AUTOINCREMENT needs the type name to be exactly INTEGER (a rowid alias).
    sql += 'INTEGER PRIMARY KEY AUTOINCREMENT'
  } else {
    sql += sqliteColumnType(column)
    if (column.primaryKey && inlineKey) sql += ' PRIMARY KEY'
  }
  // Non-INTEGER primary keys accept NULL in SQLite unless NOT NULL is explicit.
  if (!column.nullable) sql += ' NOT NULL'
  if (column.unique) sql += ' UNIQUE'
  sql += renderDefault(column.default, column.defaultSql)
  if (column.references !== undefined) {
    const r = column.references
    // SQLite foreign keys cannot name another attached database: the schema is ignored.
    sql += ` REFERENCES ${quoteIdentifier(r.table)} (${quoteIdentifier(r.column)})`
    sql += actions(r.onDelete, r.onUpdate)
  }
  return sql
}

/**
 * ` DEFAULT literal` or ` DEFAULT (expression)`, or nothing.
 *
 * @example
 * ```ts
 * renderDefault("it's", undefined) // " DEFAULT 'it''s'"
 * ```
 */
export function renderDefault(value: unknown, sql: string | undefined): string {
  if (value !== undefined) return ` DEFAULT ${renderLiteral(value)}`
  // Raw SQL written by the migration author.
  if (sql !== undefined) return ` DEFAULT (${sql})`
  return ''
}

/**
 * A table constraint (`CONSTRAINT "n" UNIQUE (...)`, `FOREIGN KEY ... REFERENCES ...`).
 *
 * @example
 * ```ts
 * renderConstraint({ kind: 'check', name: 'ck', expression: 'a > 0' }) // 'CONSTRAINT "ck" CHECK (a > 0)'
 * ```
 */
export function renderConstraint(constraint: TableConstraint): string {
  const name =
    constraint.name === undefined ? '' : `CONSTRAINT ${quoteIdentifier(constraint.name)} `
  const list = (columns: readonly string[]) => columns.map((c) => quoteIdentifier(c)).join(', ')
  switch (constraint.kind) {
    case 'primaryKey':
      return `${name}PRIMARY KEY (${list(constraint.columns)})`
    case 'unique':
      return `${name}UNIQUE (${list(constraint.columns)})`
    case 'foreignKey': {
      const r = constraint.references
      const deferrable =
        constraint.deferrable === undefined
          ? ''
          : constraint.deferrable
            ? ' DEFERRABLE'
            : ' NOT DEFERRABLE'
      const initially =
        constraint.initially === undefined
          ? ''
          : ` INITIALLY ${initiallyKeyword(constraint.initially)}`
      // SQLite foreign keys cannot name another attached database: the schema is ignored.
      return `${name}FOREIGN KEY (${list(constraint.columns)}) REFERENCES ${quoteIdentifier(r.table)} (${list(r.columns)})${actions(r.onDelete, r.onUpdate)}${deferrable}${initially}`
    }
    case 'check':
      // Raw SQL written by the migration author.
      return `${name}CHECK (${constraint.expression})`
    default: {
      const _never: never = constraint
      throw new SqliteCompileError(
        `unknown constraint kind '${(_never as { kind: unknown }).kind}'`,
      )
    }
  }
}

/**
 * `CREATE TABLE [IF NOT EXISTS] "t" (...)`: one `primaryKey` column inline, several as a
 * `PRIMARY KEY (...)` constraint, then the table constraints.
 *
 * @example
 * ```ts
 * renderCreateTable('t', undefined, [createColumn('id', 'integer', { primaryKey: true })], [], false)
 * // 'CREATE TABLE "t" ("id" INTEGER PRIMARY KEY NOT NULL)'
 * ```
 */
export function renderCreateTable(
  name: string,
  schema: string | undefined,
  columns: readonly ColumnDefinition[],
  constraints: readonly TableConstraint[],
  ifNotExists: boolean,
): string {
  const keyColumns = columns.filter((column) => column.primaryKey)
  const inlineKey = keyColumns.length === 1
  if (keyColumns.length > 1 && keyColumns.some((column) => column.autoincrement)) {
    throw new SqliteCompileError(
      `table '${name}': SQLite allows autoincrement only on a single INTEGER PRIMARY KEY column`,
    )
  }
  const parts = columns.map((column) => renderColumn(column, inlineKey))
  if (keyColumns.length > 1) {
    parts.push(`PRIMARY KEY (${keyColumns.map((c) => quoteIdentifier(c.name)).join(', ')})`)
  }
  for (const constraint of constraints) parts.push(renderConstraint(constraint))
  // SQLite has no table or column comments: `comment` is not stored.
  return `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(name, schema)} (${parts.join(', ')})`
}

/**
 * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] "schema"."ix" ON "t" (...) [WHERE ...]`.
 * Expression entries and `where` are raw SQL written by the migration author.
 *
 * @example
 * ```ts
 * renderCreateIndex({ name: 'ix', table: 't', columns: ['a', { expression: 'lower(b)' }], unique: false, ifNotExists: false })
 * // 'CREATE INDEX "ix" ON "t" ("a", (lower(b)))'
 * ```
 */
export function renderCreateIndex(index: {
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly IndexColumn[]
  readonly unique: boolean
  readonly where?: string | undefined
  readonly ifNotExists: boolean
}): string {
  const columns = index.columns
    .map((c) => (typeof c === 'string' ? quoteIdentifier(c) : `(${c.expression})`))
    .join(', ')
  const where = index.where === undefined ? '' : ` WHERE ${index.where}`
  // The index's database is named on the index; its table is a bare name in that database.
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(index.name, index.schema)} ON ${quoteIdentifier(index.table)} (${columns})${where}`
}

/**
 * ` ON DELETE x ON UPDATE y` for the given actions (checked against SQLite's list).
 *
 * @example
 * ```ts
 * actions('CASCADE', undefined) // ' ON DELETE CASCADE'
 * ```
 */
export function actions(onDelete: string | undefined, onUpdate: string | undefined): string {
  return `${onDelete === undefined ? '' : ` ON DELETE ${action(onDelete)}`}${onUpdate === undefined ? '' : ` ON UPDATE ${action(onUpdate)}`}`
}

/** Operations are plain data: check the action again rather than splice whatever is there. */
function action(value: string): string {
  const known = REFERENTIAL_ACTIONS.find((a) => a === value)
  if (known === undefined) {
    throw new SqliteCompileError(
      `'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(', ')}`,
    )
  }
  return known
}

function initiallyKeyword(value: string): string {
  if (value !== 'DEFERRED' && value !== 'IMMEDIATE') {
    throw new SqliteCompileError(`'${value}' is not DEFERRED or IMMEDIATE`)
  }
  return value
}
