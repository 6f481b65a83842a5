import type { CompiledStatement } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import { MYSQL_SQL, replacePlaceholders } from '@retort/core/sql'

/**
 * A value that cannot be written into MySQL SQL or bound as a MySQL parameter (a `NaN`,
 * an invalid `Date`, a class instance ...).
 *
 * @example
 * ```ts
 * try { renderLiteral(Number.NaN) } catch (error) { error instanceof MysqlValueError } // true
 * ```
 */
export class MysqlValueError extends RetortError {
  constructor(message: string) {
    super('mysql-value', message)
  }
}

/**
 * Characters that make a string literal depend on the server's `sql_mode`: a backslash is
 * an escape character unless `NO_BACKSLASH_ESCAPES` is set. NUL and Ctrl-Z are written
 * the same way so that an offline script survives any client.
 */
const MODE_DEPENDENT = /[\\\0\x1a]/

/**
 * Renders a value as a MySQL/MariaDB literal, for the places a value cannot be bound: a
 * column `DEFAULT` inside DDL, and offline SQL scripts ({@link inlineStatement}).
 *
 * - A string is single-quoted with `'` doubled. A string that contains a backslash (or NUL,
 *   Ctrl-Z) is written as its UTF-8 bytes in hex, converted: `CONVERT(X'5C' USING utf8mb4)`.
 *   A backslash means different things with and without `NO_BACKSLASH_ESCAPES`; the hex
 *   form reads the same in both modes, so the value is exact whatever the server's
 *   `sql_mode`. (Not the shorter `_utf8mb4 X'5C'`: MariaDB stores that as the default of a
 *   TEXT column in a form it cannot read back.) It is an expression, so a `DEFAULT` puts
 *   it in parentheses ({@link isLiteralExpression}).
 * - Numbers must be finite (`-0` is `0`); a bigint is its digits; booleans are `TRUE`/`FALSE`.
 * - A `Date` is its UTC time `'YYYY-MM-DD HH:MM:SS.mmm'` (see {@link formatUtcDateTime}).
 * - A `Buffer`/`Uint8Array` is `X'hex'`.
 *
 * Anything else throws {@link MysqlValueError}: nothing is ever spliced as is.
 *
 * @example
 * ```ts
 * renderLiteral("it's") // "'it''s'"
 * renderLiteral('C:\\temp') // "CONVERT(X'433A5C74656D70' USING utf8mb4)"
 * renderLiteral(Buffer.from([1, 255])) // "X'01FF'"
 * ```
 */
export function renderLiteral(value: unknown): string {
  if (value === null) return 'NULL'
  switch (typeof value) {
    case 'string':
      if (MODE_DEPENDENT.test(value)) {
        return `CONVERT(X'${hex(Buffer.from(value, 'utf8'))}' USING utf8mb4)`
      }
      return `'${value.replaceAll("'", "''")}'`
    case 'number':
      if (!Number.isFinite(value)) {
        throw new MysqlValueError(
          `cannot write ${value} as a MySQL literal; use a finite number or NULL`,
        )
      }
      // String() of a float is a valid MySQL numeric literal (`1e+21`, `-0.5`); -0 becomes 0.
      return String(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object':
      if (value instanceof Date) return `'${formatUtcDateTime(value)}'`
      if (value instanceof Uint8Array) return `X'${hex(value)}'`
      break
    default:
      break
  }
  throw new MysqlValueError(
    `cannot write ${describe(value)} as a MySQL literal; use a string, number, bigint, boolean, null, Date or Buffer`,
  )
}

/**
 * Whether {@link renderLiteral} wrote an expression (the hex form of a string) rather than
 * a plain literal: MySQL wants a `DEFAULT` expression in parentheses.
 *
 * @example
 * ```ts
 * isLiteralExpression(renderLiteral('a\\b')) // true
 * ```
 */
export function isLiteralExpression(literal: string): boolean {
  return literal.startsWith('CONVERT(')
}

/**
 * Renders text for a `COMMENT '...'` clause, where MySQL's grammar accepts only a plain
 * quoted string (no hex literal, no introducer). Backslashes are doubled and quotes are
 * doubled, so the literal ends where it should in both `sql_mode`s; the text is exact in
 * the default mode, and under `NO_BACKSLASH_ESCAPES` a backslash is stored twice (a
 * cosmetic difference in a comment, never a broken or injected statement).
 *
 * @example
 * ```ts
 * renderCommentLiteral("owner's \\ notes") // "'owner''s \\\\ notes'"
 * ```
 */
export function renderCommentLiteral(text: string): string {
  if (typeof text !== 'string') {
    throw new MysqlValueError(`a comment must be a string (got ${describe(text)})`)
  }
  if (text.includes('\0')) {
    throw new MysqlValueError('a MySQL comment cannot contain a NUL character; remove it')
  }
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

/**
 * A value as the MySQL driver binds it, and as {@link renderLiteral} writes it offline, so
 * that online and offline runs store the same thing: `undefined` is `NULL`, a `Date` is its
 * UTC `DATETIME` text (not the driver's local-time conversion), a plain object or array is
 * its JSON text (for `json` columns), a `Uint8Array` a `Buffer`. `NaN`, infinities and
 * other objects throw {@link MysqlValueError}.
 *
 * @example
 * ```ts
 * toMysqlValue({ tags: ['a'] }) // '{"tags":["a"]}'
 * toMysqlValue(new Date(0)) // '1970-01-01 00:00:00.000'
 * ```
 */
export function toMysqlValue(value: unknown): string | number | bigint | boolean | Buffer | null {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
    case 'bigint':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) {
        throw new MysqlValueError(
          `cannot bind ${value}: MySQL has no such number; pass null or a finite number`,
        )
      }
      return value
    case 'object': {
      if (value instanceof Date) return formatUtcDateTime(value)
      if (Buffer.isBuffer(value)) return value
      if (value instanceof Uint8Array) {
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      }
      const prototype: unknown = Object.getPrototypeOf(value)
      if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
        return JSON.stringify(value)
      }
      break
    }
    default:
      break
  }
  throw new MysqlValueError(
    `cannot bind ${describe(value)} as a MySQL value; use a string, number, bigint, boolean, null, Date, Buffer or a JSON object`,
  )
}

/**
 * A `Date` as MySQL `DATETIME`/`TIMESTAMP` text in UTC with milliseconds. MySQL rejects
 * ISO-8601's `T` and `Z` in strict mode, and its zone-less types store what they are given,
 * so Retort always writes UTC.
 *
 * @example
 * ```ts
 * formatUtcDateTime(new Date('2024-05-06T07:08:09.010Z')) // '2024-05-06 07:08:09.010'
 * ```
 */
export function formatUtcDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new MysqlValueError('cannot write an invalid Date as a MySQL value')
  }
  const year = date.getUTCFullYear()
  if (year < 0 || year > 9999) {
    throw new MysqlValueError(
      `cannot write the year ${year} as a MySQL DATETIME; MySQL supports 1000 to 9999`,
    )
  }
  return date.toISOString().replace('T', ' ').replace('Z', '')
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase()
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return `a ${value.constructor?.name ?? 'object'}`
  }
  return `a ${typeof value}`
}

/**
 * Renders a statement with its parameters written in as literals, for offline SQL
 * scripts. Each value goes through {@link toMysqlValue} then {@link renderLiteral}, so the
 * script stores exactly what an online run binds. Only `?` placeholders in code are
 * replaced, not in string literals (`'x'`, `"x"`, with MySQL's backslash escapes), quoted
 * identifiers (`` `x` ``) or comments (`#`, `-- `, `/* *\/`): see `MYSQL_SQL` of
 * `@retort/core/sql`. The number of placeholders must match the parameters. A statement
 * ending in a line comment gets a newline, so a `;` written after it is not swallowed.
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
  const text = replacePlaceholders(
    sql,
    MYSQL_SQL,
    () => {
      if (next >= parameters.length) {
        throw new MysqlValueError(
          `statement has more '?' placeholders than its ${parameters.length} parameters: ${sql.slice(0, 60)}`,
        )
      }
      const literal = renderLiteral(toMysqlValue(parameters[next]))
      next++
      return literal
    },
    { script: true },
  )
  if (next !== parameters.length) {
    throw new MysqlValueError(
      `statement uses ${next} of ${parameters.length} parameters: ${sql.slice(0, 60)}`,
    )
  }
  return text
}
