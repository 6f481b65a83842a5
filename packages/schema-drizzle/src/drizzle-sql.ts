import { is, SQL } from 'drizzle-orm'
import { MySqlDialect } from 'drizzle-orm/mysql-core'
import { PgDialect } from 'drizzle-orm/pg-core'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'

/**
 * Which of Drizzle's database cores a table comes from.
 *
 * @example
 * ```ts
 * const kind: DrizzleKind = 'pg'
 * ```
 */
export type DrizzleKind = 'sqlite' | 'pg' | 'mysql'

/**
 * Renders a Drizzle `sql` fragment (a default, a check, an index predicate or expression)
 * as the SQL text of its database, values written inline and columns without their table,
 * as Drizzle itself writes them into DDL.
 *
 * @example
 * ```ts
 * renderDrizzleSql(sql`${t.price} > ${0}`, 'sqlite') // '"price" > 0'
 * ```
 */
export function renderDrizzleSql(fragment: SQL, kind: DrizzleKind): string {
  const dialect =
    kind === 'pg'
      ? new PgDialect()
      : kind === 'mysql'
        ? new MySqlDialect()
        : new SQLiteSyncDialect()
  // A copy, so that the application's own fragment is not switched to inline values.
  const inline = new SQL(fragment.queryChunks).inlineParams()
  return dialect.sqlToQuery(inline, 'indexes').sql
}

/**
 * Whether a value is a Drizzle `sql` fragment.
 *
 * @example
 * ```ts
 * isDrizzleSql(sql`now()`) // true
 * ```
 */
export function isDrizzleSql(value: unknown): value is SQL {
  return is(value, SQL)
}
