import {
  defineSchema,
  type ColumnSpec,
  type DeclaredIndexInput,
  type DeclaredSchema,
  type DeclaredTableInput,
  type IndexColumn,
  type ReferentialAction,
} from '@retort/core'
import { is, Table, type Column } from 'drizzle-orm'
import { toCamelCase, toSnakeCase } from 'drizzle-orm/casing'
import { getTableConfig as mysqlTableConfig, MySqlTable } from 'drizzle-orm/mysql-core'
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { drizzleColumn } from './drizzle-column.js'
import { DrizzleSchemaError } from './drizzle-schema-error.js'
import { isDrizzleSql, renderDrizzleSql, type DrizzleKind } from './drizzle-sql.js'

/**
 * Options of {@link drizzleSchema}.
 *
 * @example
 * ```ts
 * const options: DrizzleSchemaOptions = { casing: 'snake_case' }
 * ```
 */
export interface DrizzleSchemaOptions {
  /**
   * The `casing` the application gives `drizzle()`: how a column declared without a name
   * is named in the database (`createdAt` -> `created_at` with `snake_case`). Default: as
   * the key is written.
   */
  readonly casing?: 'snake_case' | 'camelCase' | undefined
}

/**
 * Turns Drizzle tables (`sqliteTable`, `pgTable` or `mysqlTable`, all of one kind) into a
 * Retort declared schema, so that `retort check` and `retort revision --autogenerate`
 * compare them with what the revisions make. Pass the module of the tables
 * (`import * as tables from './tables'`): values that are not tables (relations, enums,
 * types) are skipped. Each table gives its columns (see `drizzleColumn`), primary key,
 * unique constraints (under Drizzle's names), foreign keys (`references()` and
 * `foreignKey()`, under Drizzle's names), checks and indexes. What a declared schema cannot
 * express (a table in a non-default schema, a PostgreSQL enum type, a generated column, an
 * index with a method, operator class or order) is a {@link DrizzleSchemaError} naming it.
 *
 * @example
 * ```ts
 * // src/db/schema.ts, named in retort.yaml as `schema: src/db/schema.ts`
 * import { drizzleSchema } from '@retort/schema-drizzle'
 * import * as tables from './tables.js'
 *
 * export default drizzleSchema(tables)
 * ```
 */
export function drizzleSchema(
  tables: Readonly<Record<string, unknown>> | readonly unknown[],
  options: DrizzleSchemaOptions = {},
): DeclaredSchema {
  const found = (Array.isArray(tables) ? tables : Object.values(tables)).filter(
    (value): value is Table => is(value, Table),
  )
  const kinds = new Set(found.map(kindOf))
  if (kinds.size > 1) {
    throw new DrizzleSchemaError(
      `the tables are of several databases (${[...kinds].join(', ')}); a declared schema describes one database: pass the tables of one`,
    )
  }
  const declared: Record<string, DeclaredTableInput> = {}
  for (const table of new Set(found)) {
    const [name, input] = drizzleTable(table, options)
    if (Object.hasOwn(declared, name)) {
      throw new DrizzleSchemaError(`two tables are named '${name}'; give each table its own name`)
    }
    declared[name] = input
  }
  return defineSchema({ tables: declared })
}

function kindOf(table: Table): DrizzleKind {
  if (is(table, SQLiteTable)) return 'sqlite'
  if (is(table, PgTable)) return 'pg'
  if (is(table, MySqlTable)) return 'mysql'
  throw new DrizzleSchemaError(
    'a table is neither a sqliteTable, a pgTable nor a mysqlTable; Retort reads the tables of drizzle-orm/sqlite-core, pg-core and mysql-core',
  )
}

type ReferenceLike = () => {
  readonly name?: string
  readonly columns: Column[]
  readonly foreignTable: Table
  readonly foreignColumns: Column[]
}

/** What the three `getTableConfig`s have in common. */
interface TableConfig {
  readonly name: string
  readonly schema?: string | undefined
  readonly columns: Column[]
  readonly indexes: { readonly config: Record<string, unknown> }[]
  readonly foreignKeys: {
    readonly reference: ReferenceLike
    readonly onDelete?: string | undefined
    readonly onUpdate?: string | undefined
    getName(): string
  }[]
  readonly checks: { readonly name: string; readonly value: unknown }[]
  readonly primaryKeys: { readonly columns: Column[]; getName(): string }[]
  readonly uniqueConstraints: { readonly columns: Column[]; getName(): string | undefined }[]
}

function configOf(table: Table, kind: DrizzleKind): TableConfig {
  const config =
    kind === 'pg'
      ? pgTableConfig(table as PgTable)
      : kind === 'mysql'
        ? mysqlTableConfig(table as MySqlTable)
        : sqliteTableConfig(table as SQLiteTable)
  return config as unknown as TableConfig
}

function drizzleTable(table: Table, options: DrizzleSchemaOptions): [string, DeclaredTableInput] {
  const kind = kindOf(table)
  const config = configOf(table, kind)
  const name = config.name
  if (config.schema !== undefined) {
    throw new DrizzleSchemaError(
      `table '${name}' is in the schema '${config.schema}'; a declared schema has the tables of the connection's own schema: move it, or leave it out of the tables passed to drizzleSchema`,
    )
  }
  const columnName = (column: Column) =>
    !column.keyAsName || options.casing === undefined
      ? column.name
      : options.casing === 'snake_case'
        ? toSnakeCase(column.name)
        : toCamelCase(column.name)
  const columns: ColumnSpec[] = config.columns.map((column) =>
    drizzleColumn(column, kind, columnName(column)),
  )
  const unique = [
    ...config.columns
      .filter((c) => c.isUnique || (c.columnType === 'MySqlSerial' && !c.primary))
      .map((c) => ({
        name: c.uniqueName ?? `${name}_${columnName(c)}_unique`,
        columns: [columnName(c)],
      })),
    ...config.uniqueConstraints.map((u) => {
      const constraintName = u.getName()
      return {
        ...(constraintName === undefined ? {} : { name: constraintName }),
        columns: u.columns.map(columnName),
      }
    }),
  ]
  const primaryKeys = config.primaryKeys.map((pk) => ({
    name: pk.getName(),
    columns: pk.columns.map(columnName),
  }))
  const foreignKeys = config.foreignKeys.map((fk) => {
    const reference = fk.reference()
    const foreignName = configOf(reference.foreignTable, kind).name
    return {
      name: fk.getName(),
      columns: reference.columns.map(columnName),
      references: {
        table: foreignName,
        columns: reference.foreignColumns.map(columnName),
        ...action('onDelete', fk.onDelete),
        ...action('onUpdate', fk.onUpdate),
      },
    }
  })
  const checks = config.checks.map((check) => ({
    name: check.name,
    expression: renderDrizzleSql(check.value as never, kind),
  }))
  const indexes = config.indexes.map((index) => drizzleIndex(name, index.config, kind, columnName))
  return [
    name,
    {
      columns,
      ...(primaryKeys.length > 0 ? { primaryKey: primaryKeys[0] } : {}),
      ...(unique.length > 0 ? { unique } : {}),
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
      ...(checks.length > 0 ? { checks } : {}),
      ...(indexes.length > 0 ? { indexes } : {}),
    },
  ]
}

function drizzleIndex(
  table: string,
  config: Record<string, unknown>,
  kind: DrizzleKind,
  columnName: (column: Column) => string,
): DeclaredIndexInput {
  const entries = (config['columns'] as unknown[]).map((entry): IndexColumn => {
    if (isDrizzleSql(entry)) return { expression: renderDrizzleSql(entry, kind) }
    const column = entry as Column & {
      readonly indexConfig?: { readonly order?: string; readonly opClass?: string }
    }
    const settings = column.indexConfig
    if (settings?.opClass !== undefined || settings?.order === 'desc') {
      throw new DrizzleSchemaError(
        `an index of table '${table}' sets an operator class or a descending order on '${column.name}', which a declared schema cannot express; create that index in a revision and list it in the config's 'ignore'`,
      )
    }
    return column.keyAsName === undefined ? column.name : columnName(column)
  })
  const method = config['method'] ?? config['using']
  if (method !== undefined && method !== 'btree') {
    throw new DrizzleSchemaError(
      `an index of table '${table}' uses the method '${String(method)}', which a declared schema cannot express; create it in a revision and list it in the config's 'ignore'`,
    )
  }
  // Drizzle's own name for an unnamed PostgreSQL index.
  const name =
    typeof config['name'] === 'string'
      ? config['name']
      : `${table}_${entries.map((e) => (typeof e === 'string' ? e : 'expr')).join('_')}_index`
  const where = config['where']
  return {
    name,
    columns: entries,
    unique: config['unique'] === true,
    ...(isDrizzleSql(where) ? { where: renderDrizzleSql(where, kind) } : {}),
  }
}

function action(
  key: 'onDelete' | 'onUpdate',
  value: string | undefined,
): { onDelete?: ReferentialAction; onUpdate?: ReferentialAction } {
  // Drizzle writes `no action` for a key without an action; it is the default.
  if (value === undefined || value.toLowerCase() === 'no action') return {}
  return { [key]: value.toUpperCase() as ReferentialAction }
}
