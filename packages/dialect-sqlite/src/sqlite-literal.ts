import type { CompiledStatement } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import { replacePlaceholders, SQLITE_SQL } from '@retort/core/sql'

/**
 * A value that cannot be written into SQLite SQL (a `NaN`, an object, a string with a NUL
 * character ...).
 *
 * @example
 * ```ts
 * try { renderLiteral(Number.NaN) } catch (error) { error instanceof SqliteValueError } // true
 * ```
 */
export class SqliteValueError extends RetortError {
  constructor(message: string) {
    super('sqlite-value', message)
  }
}

/**
 * Renders a value as a SQLite literal, for the two places SQLite cannot bind parameters:
 * a column `DEFAULT` inside DDL, and offline SQL scripts. Strings are single-quoted with
 * quotes doubled, numbers must be finite, booleans are `1`/`0`, a `Date` is its ISO-8601
 * text, a `Buffer`/`Uint8Array` is `X'hex'`. Anything else throws
 * {@link SqliteValueError}: nothing is ever spliced as is.
 *
 * @example
 * ```ts
 * renderLiteral("it's") // "'it''s'"
 * renderLiteral(Buffer.from([1, 255])) // "X'01ff'"
 * ```
 */
export function renderLiteral(value: unknown): string {
  if (value === null) return 'NULL'
  switch (typeof value) {
    case 'string':
      if (value.includes('\0')) {
        throw new SqliteValueError(
          `cannot write a string containing a NUL character as a SQLite literal (${preview(value)}); bind it as a parameter instead`,
        )
      }
      return `'${value.replaceAll("'", "''")}'`
    case 'number':
      if (!Number.isFinite(value)) {
        throw new SqliteValueError(
          `cannot write ${value} as a SQLite literal; use a finite number or NULL`,
        )
      }
      // String() of a float is a valid SQLite numeric literal (`1e+21`, `-0.5`); -0 becomes 0.
      return String(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? '1' : '0'
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          throw new SqliteValueError('cannot write an invalid Date as a SQLite literal')
        }
        return `'${value.toISOString()}'`
      }
      if (value instanceof Uint8Array)
        return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`
      break
    default:
      break
  }
  throw new SqliteValueError(
    `cannot write ${describe(value)} as a SQLite literal; use a string, number, bigint, boolean, null, Date or Buffer`,
  )
}

/**
 * Converts a value to what better-sqlite3 can bind: booleans become `1`/`0`, a `Date` its
 * ISO-8601 text, `undefined` `NULL`, a plain object or array its JSON text (for `json`
 * columns), a `Uint8Array` a `Buffer`. `NaN` and other values throw
 * {@link SqliteValueError}.
 *
 * @example
 * ```ts
 * toSqliteValue(true) // 1
 * toSqliteValue({ tags: ['a'] }) // '{"tags":["a"]}'
 * ```
 */
export function toSqliteValue(value: unknown): string | number | bigint | Buffer | null {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
    case 'bigint':
      return value
    case 'number':
      if (Number.isNaN(value)) {
        throw new SqliteValueError('cannot bind NaN: SQLite would store NULL; pass null explicitly')
      }
      return value
    case 'boolean':
      return value ? 1 : 0
    case 'object': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new SqliteValueError('cannot bind an invalid Date')
        return value.toISOString()
      }
      if (Buffer.isBuffer(value)) return value
      if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      const prototype: unknown = Object.getPrototypeOf(value)
      if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
        return JSON.stringify(value)
      }
      break
    }
    default:
      break
  }
  throw new SqliteValueError(
    `cannot bind ${describe(value)} as a SQLite value; use a string, number, bigint, boolean, null, Date, Buffer or a JSON object`,
  )
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return `a ${value.constructor?.name ?? 'object'}`
  }
  return `a ${typeof value}`
}

function preview(value: string): string {
  const shown = value.replaceAll('\0', '\\0')
  return `'${shown.length > 30 ? `${shown.slice(0, 27)}...` : shown}'`
}

/**
 * Renders a statement with its parameters written in as literals ({@link renderLiteral}),
 * for offline SQL scripts. Only `?` and `?NNN` placeholders in code are replaced, not in
 * string literals, quoted identifiers (`"x"`, `` `x` ``, `[x]`) or comments (see
 * `SQLITE_SQL` of `@retort/core/sql`); the number of placeholders must match the
 * parameters. A statement ending in a `--` comment gets a newline, so a `;` written after
 * it is not swallowed by the comment.
 *
 * @example
 * ```ts
 * inlineStatement({ sql: "UPDATE t SET a = ? WHERE b = '?'", parameters: ["it's"] })
 * // "UPDATE t SET a = 'it''s' WHERE b = '?'"
 * ```
 */
export function inlineStatement(statement: CompiledStatement): string {
  const { sql, parameters } = statement
  let next = 0
  let highest = 0
  const text = replacePlaceholders(
    sql,
    SQLITE_SQL,
    (placeholder) => {
      const index = placeholder.number === undefined ? next : placeholder.number - 1
      if (index < 0 || index >= parameters.length) {
        throw new SqliteValueError(
          `statement has placeholder '${placeholder.text}' but only ${parameters.length} parameters: ${sql.slice(0, 60)}`,
        )
      }
      next = index + 1
      highest = Math.max(highest, next)
      return renderLiteral(parameters[index])
    },
    { script: true },
  )
  if (highest !== parameters.length) {
    throw new SqliteValueError(
      `statement uses ${highest} of ${parameters.length} parameters: ${sql.slice(0, 60)}`,
    )
  }
  return text
}

/**
 * An operation SQLite cannot run as asked, or cannot compile offline without more
 * information; the message says what to do instead.
 *
 * @example
 * ```ts
 * try { compiler.compile(operation) } catch (error) { error instanceof SqliteCompileError }
 * ```
 */
export class SqliteCompileError extends RetortError {
  constructor(message: string) {
    super('sqlite-compile', message)
  }
}

/**
 * `"name"` with `"` doubled. Rejects empty names and NUL characters.
 *
 * @example
 * ```ts
 * quoteIdentifier('my "table"') // '"my ""table"""'
 * ```
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
    throw new SqliteCompileError(
      `'${String(name)}' is not a valid SQLite identifier; use a non-empty name without NUL`,
    )
  }
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * `"schema"."name"`, or `"name"` without a schema (an attached database's name).
 *
 * @example
 * ```ts
 * qualifiedName('t', 'aux') // '"aux"."t"'
 * ```
 */
export function qualifiedName(name: string, schema: string | undefined): string {
  return schema === undefined || schema === ''
    ? quoteIdentifier(name)
    : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`
}
