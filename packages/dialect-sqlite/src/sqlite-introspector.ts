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
import type { ForeignKeyViolation } from './rebuild/sqlite-rebuild-error.js'
import {
  closingParen,
  identifierValue,
  isKeyword,
  isName,
  splitTopLevel,
  type SqlToken,
  tokenizeSql,
} from './rebuild/sqlite-sql-tokens.js'

/**
 * A schema object's name and its `CREATE` statement as `sqlite_master` keeps it.
 *
 * @example
 * ```ts
 * const index: SchemaObjectSql = { name: 'ix_a', sql: 'CREATE INDEX ix_a ON t (a)' }
 * ```
 */
export interface SchemaObjectSql {
  readonly name: string
  readonly sql: string
}

/**
 * A table as its SQL text tells it (see {@link SqliteIntrospector.getTableSource}).
 *
 * @example
 * ```ts
 * const source: SqliteTableSource = { table: 't', sql: 'CREATE TABLE t (a TEXT)', indexes: [], triggers: [], dependents: [] }
 * ```
 */
export interface SqliteTableSource {
  /** The name as stored. */
  readonly table: string
  /** The attached database, when not `main`. */
  readonly schema?: string | undefined
  readonly sql: string
  /** The indexes and triggers on the table (dropping the table drops them). */
  readonly indexes: readonly SchemaObjectSql[]
  readonly triggers: readonly SchemaObjectSql[]
  /** The views and the triggers of other tables, which may use the table's columns. */
  readonly dependents: readonly SchemaObjectSql[]
}

/**
 * Reads the live schema through the pragma table-valued functions (`pragma_table_info`,
 * `pragma_index_list`, `pragma_index_info`) with bound parameters. A `schema` is an
 * attached database name (default `main`). Internal `sqlite_*` tables are not listed;
 * the automatic index of a PRIMARY KEY is not an index here (the columns say `primaryKey`),
 * while the automatic index of a UNIQUE constraint is (with `constraint: true`). Foreign
 * keys come from `pragma_foreign_key_list`; SQLite keeps no constraint names. CHECK
 * constraints are read from the table's `CREATE TABLE` statement (see `readSqliteChecks`).
 *
 * @example
 * ```ts
 * const introspector = sqliteDialect({ filename: 'app.db' }).createIntrospector()
 * const table = await introspector.getTable(connection, { name: 'account' })
 * ```
 */
export class SqliteIntrospector implements Introspector {
  /**
   * The tables of a database, sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection) // ['account', 'retort_version']
   * ```
   */
  async listTables(connection: Connection, schema?: string): Promise<readonly string[]> {
    const result = await connection.execute({
      sql: `SELECT name FROM ${master(schema)} WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
      parameters: [],
    })
    return result.rows.map((row) => String(row['name']))
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
    const schema = table.schema ?? 'main'
    const found = await connection.execute({
      sql: `SELECT name, sql FROM ${master(table.schema)} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
      parameters: [table.name],
    })
    const name = found.rows[0]?.['name']
    if (typeof name !== 'string') return undefined

    const columnRows = (
      await connection.execute({
        sql: 'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?, ?) ORDER BY cid',
        parameters: [name, schema],
      })
    ).rows
    const keyCount = columnRows.filter((row) => Number(row['pk']) > 0).length
    const columns: ColumnInfo[] = columnRows.map((row) => {
      const type = String(row['type'] ?? '')
      const primaryKey = Number(row['pk']) > 0
      // An INTEGER PRIMARY KEY is the rowid: never NULL, whatever was declared.
      const rowid = primaryKey && keyCount === 1 && type.toUpperCase() === 'INTEGER'
      return Object.freeze({
        name: String(row['name']),
        type,
        nullable: !rowid && Number(row['notnull']) === 0,
        defaultSql: row['dflt_value'] === null ? null : String(row['dflt_value']),
        primaryKey,
      })
    })

    const indexRows = (
      await connection.execute({
        sql: 'SELECT name, "unique", origin FROM pragma_index_list(?, ?) ORDER BY name',
        parameters: [name, schema],
      })
    ).rows
    const indexes: IndexInfo[] = []
    for (const row of indexRows) {
      if (row['origin'] === 'pk') continue
      const indexName = String(row['name'])
      const parts = (
        await connection.execute({
          sql: 'SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno',
          parameters: [indexName, schema],
        })
      ).rows
      indexes.push(
        Object.freeze({
          name: indexName,
          // An expression in an index has no column name.
          columns: Object.freeze(
            parts.map((part) => (part['name'] === null ? '(expression)' : String(part['name']))),
          ),
          unique: Number(row['unique']) === 1,
          ...(row['origin'] === 'u' ? { constraint: true } : {}),
        }),
      )
    }
    return Object.freeze({
      name,
      ...(table.schema === undefined ? {} : { schema: table.schema }),
      columns: Object.freeze(columns),
      indexes: Object.freeze(indexes),
      foreignKeys: await readForeignKeys(connection, name, schema),
      ...checksOf(found.rows[0]?.['sql']),
    })
  }

  /**
   * What a table rebuild starts from: the table's name as stored and its `CREATE TABLE`, the
   * indexes and triggers dropping it drops (`CREATE` statements in creation order), and the
   * views and other triggers of its database, which may use its columns. `undefined` when
   * there is no such table.
   *
   * @example
   * ```ts
   * const source = await introspector.getTableSource(connection, { name: 'parent' })
   * source?.sql // 'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)'
   * ```
   */
  async getTableSource(
    connection: Connection,
    table: QualifiedName,
  ): Promise<SqliteTableSource | undefined> {
    const found = (
      await connection.execute({
        sql: `SELECT name, sql FROM ${master(table.schema)} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
        parameters: [table.name],
      })
    ).rows[0]
    if (found === undefined) return undefined
    const name = String(found['name'])
    const objects = (
      await connection.execute({
        sql: `SELECT type, name, tbl_name, sql FROM ${master(table.schema)} WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY rowid`,
        parameters: [],
      })
    ).rows.map((row) => ({
      type: String(row['type']),
      own: String(row['tbl_name']).toLowerCase() === name.toLowerCase(),
      object: Object.freeze({ name: String(row['name']), sql: String(row['sql']) }),
    }))
    const of = (type: string, own: boolean) =>
      Object.freeze(objects.filter((o) => o.type === type && o.own === own).map((o) => o.object))
    return Object.freeze({
      table: name,
      ...(table.schema === undefined ? {} : { schema: table.schema }),
      sql: String(found['sql']),
      indexes: of('index', true),
      triggers: of('trigger', true),
      dependents: Object.freeze([...of('view', false), ...of('trigger', false)]),
    })
  }

  /**
   * Whether a table, index, view or trigger of that name (in any letter case) exists.
   *
   * @example
   * ```ts
   * await introspector.hasObject(connection, { name: 'parent__retort_new' }) // false
   * ```
   */
  async hasObject(connection: Connection, object: QualifiedName): Promise<boolean> {
    const result = await connection.execute({
      sql: `SELECT 1 AS found FROM ${master(object.schema)} WHERE name = ? COLLATE NOCASE`,
      parameters: [object.name],
    })
    return result.rows.length > 0
  }

  /**
   * Whether the table has at least one row.
   *
   * @example
   * ```ts
   * await introspector.hasRows(connection, { name: 'parent' }) // true
   * ```
   */
  async hasRows(connection: Connection, table: QualifiedName): Promise<boolean> {
    const result = await connection.execute({
      sql: `SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS found`,
      parameters: [],
    })
    return Number(result.rows[0]?.['found']) === 1
  }

  /**
   * The tables whose foreign keys reference `table`.
   *
   * @example
   * ```ts
   * await introspector.referencingTables(connection, { name: 'parent' }) // ['child']
   * ```
   */
  async referencingTables(connection: Connection, table: QualifiedName): Promise<string[]> {
    const result = await connection.execute({
      sql: `SELECT DISTINCT m.name AS name FROM ${master(table.schema)} AS m, pragma_foreign_key_list(m.name, ?) AS f WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE`,
      parameters: [table.schema ?? 'main', table.name],
    })
    return result.rows.map((row) => String(row['name']))
  }

  /**
   * The rows `PRAGMA foreign_key_check` reports for the tables that have foreign keys (all
   * of them, or the given ones) of a database (`main` by default). A table whose foreign key
   * does not match a key of its parent ("foreign key mismatch") is in `mismatches` with
   * SQLite's message: SQLite itself refuses writes to it.
   *
   * @example
   * ```ts
   * (await introspector.foreignKeyViolations(connection)).violations // [{ table: 'child', rowid: 3, parent: 'parent' }]
   * ```
   */
  async foreignKeyViolations(
    connection: Connection,
    schema?: string,
    tables?: readonly string[],
  ): Promise<{ violations: ForeignKeyViolation[]; mismatches: Map<string, string> }> {
    const names =
      tables ??
      (
        await connection.execute({
          // A foreign key can only be declared with REFERENCES in the table's SQL, so this
          // text filter finds a superset of the tables with foreign keys without calling
          // pragma_foreign_key_list once per table (which made every commit O(tables)).
          sql: `SELECT m.name AS name FROM ${master(schema)} AS m WHERE m.type = 'table' AND m.sql LIKE '%REFERENCES%'`,
          parameters: [],
        })
      ).rows.map((row) => String(row['name']))
    const violations: ForeignKeyViolation[] = []
    const mismatches = new Map<string, string>()
    for (const table of names) {
      try {
        const rows = (
          await connection.execute({
            sql: 'SELECT "table", rowid, parent FROM pragma_foreign_key_check(?, ?)',
            parameters: [table, schema ?? 'main'],
          })
        ).rows
        for (const row of rows) {
          violations.push({
            table: String(row['table']),
            rowid: row['rowid'] as number | bigint | null,
            parent: String(row['parent']),
          })
        }
      } catch (error) {
        // "foreign key mismatch": the referenced columns are not a key of the parent.
        if (!(error instanceof Error) || !/foreign key mismatch/.test(error.message)) throw error
        mismatches.set(table, error.message)
      }
    }
    return { violations, mismatches }
  }
}

function checksOf(sql: unknown): { checks?: readonly CheckInfo[] } {
  const checks = typeof sql === 'string' ? readSqliteChecks(sql) : undefined
  return checks === undefined ? {} : { checks }
}

function quoted(table: QualifiedName): string {
  const name = `"${table.name.replaceAll('"', '""')}"`
  return table.schema === undefined ? name : `"${table.schema.replaceAll('"', '""')}".${name}`
}

function master(schema: string | undefined): string {
  return schema === undefined ? 'sqlite_master' : `"${schema.replaceAll('"', '""')}".sqlite_master`
}

async function readForeignKeys(
  connection: Connection,
  table: string,
  schema: string,
): Promise<readonly ForeignKeyInfo[]> {
  const rows = (
    await connection.execute({
      sql: 'SELECT id, seq, "table" AS ref_table, "from" AS from_column, "to" AS to_column, on_update, on_delete FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq',
      parameters: [table, schema],
    })
  ).rows
  const byId = new Map<number, (typeof rows)[number][]>()
  for (const row of rows) {
    const id = Number(row['id'])
    byId.set(id, [...(byId.get(id) ?? []), row])
  }
  // pragma_foreign_key_list numbers the keys from the last declared one; list them in
  // declaration order.
  const ids = [...byId.keys()].sort((a, b) => b - a)
  return Object.freeze(
    ids.map((id) => {
      const parts = byId.get(id)!
      const first = parts[0]!
      return Object.freeze({
        columns: Object.freeze(parts.map((part) => String(part['from_column']))),
        references: Object.freeze({
          table: String(first['ref_table']),
          // A REFERENCES clause without columns means the parent's primary key.
          columns: Object.freeze(
            parts.map((part) => (part['to_column'] === null ? '' : String(part['to_column']))),
          ),
        }),
        ...action('onDelete', first['on_delete']),
        ...action('onUpdate', first['on_update']),
      })
    }),
  )
}

function action(key: 'onDelete' | 'onUpdate', value: unknown): Partial<ForeignKeyInfo> {
  const text = typeof value === 'string' ? value.toUpperCase() : 'NO ACTION'
  if (text === 'NO ACTION' || text === '') return {}
  return { [key]: text as ForeignKeyInfo['onDelete'] }
}

/**
 * The CHECK constraints of a table, read from its `CREATE TABLE` statement (SQLite keeps no
 * catalog of them): table-level ones and those written on a column, in the order written,
 * each with the expression as written and its name when `CONSTRAINT name` precedes it.
 * Returns `undefined` when the statement cannot be read, so that checks are not compared.
 *
 * @example
 * ```ts
 * readSqliteChecks('CREATE TABLE "t" ("p" INTEGER, CONSTRAINT "ck_p" CHECK (p >= 0))')
 * // [{ name: 'ck_p', expression: 'p >= 0' }]
 * ```
 */
export function readSqliteChecks(createTableSql: string): readonly CheckInfo[] | undefined {
  let tokens: SqlToken[]
  try {
    tokens = tokenizeSql(createTableSql)
  } catch {
    return undefined
  }
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(')
  if (open < 0) return Object.freeze([])
  let end: number
  try {
    end = closingParen(tokens, open)
  } catch {
    return undefined
  }
  const checks: CheckInfo[] = []
  for (const [from, to] of splitTopLevel(tokens, open + 1, end - 1)) {
    let depth = 0
    for (let i = from; i < to; i++) {
      const token = tokens[i]!
      if (token.kind === 'punct' && token.text === '(') depth += 1
      else if (token.kind === 'punct' && token.text === ')') depth -= 1
      else if (depth === 0 && isKeyword(token, 'CHECK')) {
        const paren = tokens[i + 1]
        if (paren === undefined || paren.text !== '(') continue
        const close = closingParen(tokens, i + 1) - 1
        const expression = createTableSql.slice(paren.end, tokens[close]!.start).trim()
        const named =
          i - 2 >= from && isKeyword(tokens[i - 2], 'CONSTRAINT') && isName(tokens[i - 1])
        checks.push(
          Object.freeze({
            ...(named ? { name: identifierValue(tokens[i - 1]!) } : {}),
            expression,
          }),
        )
        i = close
      }
    }
  }
  return Object.freeze(checks)
}
