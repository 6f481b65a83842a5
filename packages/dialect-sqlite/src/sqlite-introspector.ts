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
}

function checksOf(sql: unknown): { checks?: readonly CheckInfo[] } {
  const checks = typeof sql === 'string' ? readSqliteChecks(sql) : undefined
  return checks === undefined ? {} : { checks }
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
