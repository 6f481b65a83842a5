import type {
  CheckInfo,
  ColumnInfo,
  Connection,
  ForeignKeyInfo,
  IndexInfo,
  Introspector,
  QualifiedName,
  TableInfo,
} from '@retort/core'
import { renderLiteral } from './mysql-literal.js'

/** `DATA_TYPE`s whose defaults `information_schema` on MySQL reports unquoted but are numbers. */
const NUMERIC_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
  'float',
  'double',
  'real',
  'bit',
  'year',
])

/**
 * Reads the live schema from `information_schema` (`TABLES`, `COLUMNS`, `STATISTICS`)
 * with bound names; the schema (database) defaults to the connection's. Column types are
 * the server's `COLUMN_TYPE` (`varchar(255)`, `int(11)` on MariaDB). `defaultSql` is SQL
 * on both servers: MariaDB reports it so, MySQL's bare values are quoted here; a default
 * of `NULL` is `null`, like no default. The index behind the PRIMARY KEY is not listed (the
 * columns say `primaryKey`); unique constraints and the indexes MySQL creates for foreign
 * keys are. A functional key part is `(expression)`.
 *
 * @example
 * ```ts
 * const introspector = mysqlDialect({ uri }).createIntrospector()
 * const table = await introspector.getTable(connection, { name: 'account' })
 * ```
 */
export class MysqlIntrospector implements Introspector {
  /**
   * The base tables of a database (default: the connection's), sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection) // ['account', 'retort_version']
   * ```
   */
  async listTables(connection: Connection, schema?: string): Promise<readonly string[]> {
    const { rows } = await connection.execute({
      sql: "SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE'",
      parameters: [schema === undefined || schema === '' ? null : schema],
    })
    return rows.map((row) => text(row['table_name'])).sort(byCodePoint)
  }

  /**
   * One table's columns and indexes, or `undefined` when there is no such table.
   *
   * @example
   * ```ts
   * const info = await introspector.getTable(connection, { name: 'account' })
   * info?.columns.map((c) => c.name)
   * ```
   */
  async getTable(connection: Connection, table: QualifiedName): Promise<TableInfo | undefined> {
    const found = await findMysqlTable(connection, table)
    if (found === undefined) return undefined
    const mariadb = /mariadb/i.test(
      text(
        (await connection.execute({ sql: 'SELECT VERSION() AS v', parameters: [] })).rows[0]?.['v'],
      ),
    )

    const columnRows = (
      await connection.execute({
        sql: 'SELECT COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type, DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, COLUMN_KEY AS column_key, EXTRA AS extra, COLUMN_COMMENT AS column_comment, TABLE_NAME AS table_name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        parameters: [found.schema, found.name],
      })
    ).rows.filter((row) => text(row['table_name']) === found.name)
    const columns: ColumnInfo[] = columnRows.map((row) =>
      Object.freeze({
        name: text(row['column_name']),
        type: text(row['column_type']),
        nullable: text(row['is_nullable']) === 'YES',
        defaultSql: defaultSql(row, mariadb),
        primaryKey: text(row['column_key']) === 'PRI',
        autoincrement: /auto_increment/i.test(text(row['extra'])),
        // MySQL has no NULL comment: an empty one is none.
        comment: text(row['column_comment']) === '' ? null : text(row['column_comment']),
      }),
    )

    const indexRows = (
      await connection.execute({
        sql: 'SELECT INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, TABLE_NAME AS table_name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
        parameters: [found.schema, found.name],
      })
    ).rows.filter((row) => text(row['table_name']) === found.name)
    const byName = new Map<string, { columns: string[]; unique: boolean }>()
    for (const row of indexRows) {
      const name = text(row['index_name'])
      if (name === 'PRIMARY') continue
      const entry = byName.get(name) ?? { columns: [], unique: Number(row['non_unique']) === 0 }
      entry.columns.push(row['column_name'] === null ? '(expression)' : text(row['column_name']))
      byName.set(name, entry)
    }
    const foreignKeys = await readForeignKeys(connection, found.schema, found.name)
    const indexes: IndexInfo[] = [...byName.entries()]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([name, entry]) =>
        Object.freeze({
          name,
          columns: Object.freeze(entry.columns),
          unique: entry.unique,
          ...(backsForeignKey(name, entry, foreignKeys) ? { constraint: true } : {}),
        }),
      )

    const comment = (
      await connection.execute({
        sql: 'SELECT TABLE_COMMENT AS table_comment, TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
        parameters: [found.schema, found.name],
      })
    ).rows.find((row) => text(row['table_name']) === found.name)?.['table_comment']
    const checks = await readChecks(connection, found.schema, found.name, mariadb)
    return Object.freeze({
      name: found.name,
      ...(table.schema === undefined ? {} : { schema: found.schema }),
      columns: Object.freeze(columns),
      indexes: Object.freeze(indexes),
      foreignKeys,
      ...(checks === undefined ? {} : { checks }),
      // MySQL has no NULL comment: an empty one is none.
      comment: text(comment) === '' ? null : text(comment),
    })
  }
}

/**
 * MariaDB (10.2.7+) reports `COLUMN_DEFAULT` as SQL (`'abc'`, `NULL`, `current_timestamp()`);
 * MySQL reports a literal's bare value and marks expressions `DEFAULT_GENERATED`.
 */
/**
 * The foreign keys of a table (`information_schema`), in constraint-name order. `RESTRICT`
 * and `NO ACTION` (the same in InnoDB, and what an unspecified action reports) are left out.
 */
async function readForeignKeys(
  connection: Connection,
  schema: string,
  table: string,
): Promise<readonly ForeignKeyInfo[]> {
  const rows = (
    await connection.execute({
      sql: 'SELECT k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column, r.DELETE_RULE AS delete_rule, r.UPDATE_RULE AS update_rule, k.TABLE_NAME AS table_name FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION',
      parameters: [schema, table],
    })
  ).rows.filter((row) => text(row['table_name']) === table)
  const byName = new Map<string, Record<string, unknown>[]>()
  for (const row of rows) {
    const name = text(row['constraint_name'])
    byName.set(name, [...(byName.get(name) ?? []), row])
  }
  return Object.freeze(
    [...byName.entries()].map(([name, parts]) => {
      const first = parts[0]!
      const refSchema = text(first['ref_schema'])
      return Object.freeze({
        name,
        columns: Object.freeze(parts.map((part) => text(part['column_name']))),
        references: Object.freeze({
          table: text(first['ref_table']),
          ...(refSchema === schema ? {} : { schema: refSchema }),
          columns: Object.freeze(parts.map((part) => text(part['ref_column']))),
        }),
        ...referentialAction('onDelete', first['delete_rule']),
        ...referentialAction('onUpdate', first['update_rule']),
      })
    }),
  )
}

/**
 * The CHECK constraints of a table, in name order; `undefined` where the server has no
 * `CHECK_CONSTRAINTS` view (MySQL before 8.0.16), so that they are not compared. MariaDB
 * names checks per table (the view has `TABLE_NAME`) and adds a column-level
 * `json_valid(col)` check to every JSON column: that one belongs to the type and is left
 * out.
 */
async function readChecks(
  connection: Connection,
  schema: string,
  table: string,
  mariadb: boolean,
): Promise<readonly CheckInfo[] | undefined> {
  let rows: readonly Record<string, unknown>[]
  try {
    rows = (
      await connection.execute({
        sql: mariadb
          ? "SELECT cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, cc.LEVEL AS level, tc.TABLE_NAME AS table_name FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.TABLE_NAME = tc.TABLE_NAME AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY cc.CONSTRAINT_NAME"
          : "SELECT cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, tc.TABLE_NAME AS table_name FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY cc.CONSTRAINT_NAME",
        parameters: [schema, table],
      })
    ).rows
  } catch {
    return undefined
  }
  return Object.freeze(
    rows
      .filter((row) => text(row['table_name']) === table)
      .filter((row) => {
        const name = text(row['constraint_name'])
        const clause = text(row['check_clause']).replace(/\s+/g, '')
        return !(
          text(row['level']) === 'Column' &&
          clause.toLowerCase() === `json_valid(\`${name.replaceAll('`', '``')}\`)`.toLowerCase()
        )
      })
      .map((row) =>
        Object.freeze({
          name: text(row['constraint_name']),
          expression: text(row['check_clause']),
        }),
      ),
  )
}

function referentialAction(key: 'onDelete' | 'onUpdate', value: unknown): Partial<ForeignKeyInfo> {
  const rule = text(value).toUpperCase()
  if (rule === 'CASCADE' || rule === 'SET NULL' || rule === 'SET DEFAULT') return { [key]: rule }
  return {}
}

/**
 * Whether an index is the one InnoDB made for a foreign key (named after the constraint, or
 * after its first column when the constraint got a generated name): it comes back by itself
 * with the key, so it is marked `constraint` rather than listed as a `CREATE INDEX`.
 */
function backsForeignKey(
  name: string,
  index: { readonly columns: readonly string[]; readonly unique: boolean },
  foreignKeys: readonly ForeignKeyInfo[],
): boolean {
  if (index.unique) return false
  return foreignKeys.some(
    (key) =>
      key.columns.join(',') === index.columns.join(',') &&
      (key.name === name || key.columns[0] === name),
  )
}

function defaultSql(row: Record<string, unknown>, mariadb: boolean): string | null {
  const value = row['column_default']
  if (value === null || value === undefined) return null
  const sql = text(value)
  if (mariadb) return sql.toUpperCase() === 'NULL' ? null : sql
  if (/DEFAULT_GENERATED/i.test(text(row['extra']))) return sql
  if (NUMERIC_TYPES.has(text(row['data_type']).toLowerCase())) return sql
  return renderLiteral(sql)
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A table as `information_schema` spells it.
 *
 * @example
 * ```ts
 * const found: MysqlTableName = { schema: 'app', name: 'retort_version' }
 * ```
 */
export interface MysqlTableName {
  readonly schema: string
  readonly name: string
}

/**
 * Finds a base table or view in `information_schema.TABLES`, names bound; the schema
 * defaults to the connection's database (`DATABASE()`). `information_schema` may compare
 * names case-insensitively whatever the server does with table names, so the match is
 * exact unless the server folds names (`lower_case_table_names` ≠ 0).
 *
 * @example
 * ```ts
 * await findMysqlTable(connection, { name: 'retort_version' }) // { schema: 'app', name: 'retort_version' }
 * ```
 */
export async function findMysqlTable(
  connection: Connection,
  table: QualifiedName,
): Promise<MysqlTableName | undefined> {
  const schema = table.schema === '' ? undefined : table.schema
  const { rows } = await connection.execute({
    sql: 'SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, DATABASE() AS current_schema, @@lower_case_table_names AS folding FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?',
    parameters: [schema ?? null, table.name],
  })
  for (const row of rows) {
    const wanted = schema ?? text(row['current_schema'])
    const same = Number(row['folding']) === 0 ? exact : folded
    if (same(text(row['table_schema']), wanted) && same(text(row['table_name']), table.name)) {
      return { schema: text(row['table_schema']), name: text(row['table_name']) }
    }
  }
  return undefined
}

/**
 * `information_schema` text as a string (MySQL 8 returns some of it as binary).
 *
 * @example
 * ```ts
 * text(Buffer.from('a')) // 'a'
 * ```
 */
export function text(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8')
  return value === null || value === undefined ? '' : String(value)
}

function exact(a: string, b: string): boolean {
  return a === b
}

function folded(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
