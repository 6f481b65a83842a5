import type { CompiledStatement } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import { findPlaceholders, POSTGRES_SQL, replacePlaceholders } from '@retort/core/sql'
import { createHash } from 'node:crypto'

/**
 * A value PostgreSQL cannot store as given (a `Symbol`, a function, an invalid `Date`); the
 * message names the value.
 *
 * @example
 * ```ts
 * try { toPostgresValue(Symbol('x')) } catch (error) { error instanceof PostgresValueError }
 * ```
 */
export class PostgresValueError extends RetortError {
  constructor(message: string) {
    super('postgres-value', message)
  }
}

/**
 * A value as Retort hands it to pg, so that an online run binds exactly what an offline
 * script writes: `Date` -> ISO-8601 UTC text (not pg's local-time conversion), `Uint8Array`
 * -> `Buffer` (bytea), bigint -> its digits, arrays -> PostgreSQL array text (`{1,2}`),
 * other objects -> JSON text, `undefined` -> `null`.
 *
 * @example
 * ```ts
 * toPostgresValue(new Date('2024-05-06T07:08:09Z')) // '2024-05-06T07:08:09.000Z'
 * toPostgresValue({ a: 1 }) // '{"a":1}'
 * ```
 */
export function toPostgresValue(value: unknown): unknown {
  if (value === undefined || value === null) return null
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value
    case 'bigint':
      return value.toString()
    case 'symbol':
    case 'function':
      throw new PostgresValueError(`cannot bind a ${typeof value} as a PostgreSQL value`)
    default:
      break
  }
  if (value instanceof Date) return isoUtc(value)
  if (Buffer.isBuffer(value)) return value
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  if (Array.isArray(value)) return arrayText(value)
  return JSON.stringify(value)
}

/**
 * A SQL literal for a value (after {@link toPostgresValue}): `NULL`, `TRUE`/`FALSE`, numbers,
 * strings single-quoted with `'` doubled (or `E'...'` with backslashes doubled when the text
 * has a backslash, which reads the same whatever `standard_conforming_strings` says), and
 * bytes as `decode('<hex>', 'hex')`. Column defaults (which DDL cannot bind) and offline
 * scripts use it.
 *
 * @example
 * ```ts
 * renderLiteral("it's") // "'it''s'"
 * renderLiteral('C:\\temp') // "E'C:\\\\temp'"
 * ```
 */
export function renderLiteral(value: unknown): string {
  const prepared = toPostgresValue(value)
  if (prepared === null) return 'NULL'
  if (typeof prepared === 'boolean') return prepared ? 'TRUE' : 'FALSE'
  if (typeof prepared === 'number') {
    // NaN and the infinities are valid float/numeric values, written as strings.
    return Number.isFinite(prepared) ? String(prepared) : `'${String(prepared)}'`
  }
  if (Buffer.isBuffer(prepared)) return `decode('${prepared.toString('hex')}', 'hex')`
  return quoteString(String(prepared))
}

/**
 * A string literal: `'...'` with `'` doubled; `E'...'` with backslashes doubled as well
 * when the text has a backslash. NUL cannot be stored in PostgreSQL text and is refused.
 *
 * @example
 * ```ts
 * quoteString('a\\b') // "E'a\\\\b'"
 * ```
 */
export function quoteString(text: string): string {
  if (text.includes('\0')) {
    throw new PostgresValueError(
      'PostgreSQL text cannot hold the NUL character (\\0); remove it or store the value as binary',
    )
  }
  const quoted = text.replaceAll("'", "''")
  return text.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`; PostgreSQL reads it as a date, a timestamp or a timestamptz. */
function isoUtc(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new PostgresValueError('cannot bind an invalid Date')
  return value.toISOString()
}

/** PostgreSQL's array input syntax: `{1,NULL,"a \"b\""}`; nested arrays nest. */
function arrayText(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL'
    if (Array.isArray(item)) return arrayText(item)
    const prepared = toPostgresValue(item)
    const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared)
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
  })
  return `{${items.join(',')}}`
}

/**
 * The statement with PostgreSQL's numbered placeholders: the portable `?` placeholders of
 * `op.execute()`/`op.query()` become `$1`, `$2` ... in order. Only `?` in code counts (not
 * in literals, quoted identifiers, dollar-quoted strings or comments; see `POSTGRES_SQL`
 * of `@retort/core/sql`). A text without parameters, or one that already uses `$n`, is left
 * as written, so the jsonb operators `?`, `?|` and `?&` work there. The number of
 * placeholders must match the parameters.
 *
 * @example
 * ```ts
 * numberPlaceholders({ sql: "UPDATE t SET a = ? WHERE b = '?'", parameters: [1] }).sql
 * // "UPDATE t SET a = $1 WHERE b = '?'"
 * ```
 */
export function numberPlaceholders(statement: CompiledStatement): CompiledStatement {
  const { sql, parameters } = statement
  if (parameters.length === 0) return statement
  let highest = 0
  for (const placeholder of findPlaceholders(sql, POSTGRES_SQL)) {
    highest = Math.max(highest, placeholder.number ?? 0)
  }
  if (highest > 0) {
    if (highest > parameters.length) {
      throw new PostgresValueError(
        `statement uses $${highest} but has only ${parameters.length} parameters: ${sql.slice(0, 80)}`,
      )
    }
    return statement
  }
  let next = 0
  const text = replacePlaceholders(sql, POSTGRES_SQL, () => {
    next++
    return `$${next}`
  })
  if (next !== parameters.length) {
    throw new PostgresValueError(
      `statement has ${next} placeholders for ${parameters.length} parameters: ${sql.slice(0, 80)}; write one ? (or $n) per value`,
    )
  }
  return { sql: text, parameters }
}

/**
 * The statement with its parameters written in as literals ({@link renderLiteral}), for
 * offline SQL scripts: `$n` (or portable `?`) placeholders in code are replaced, nothing in
 * literals, identifiers or comments. A text ending in a line comment gets a newline, so a
 * `;` written after it is not swallowed by the comment.
 *
 * @example
 * ```ts
 * inlineStatement({ sql: 'DELETE FROM "t" WHERE "id" = $1', parameters: [1] })
 * // 'DELETE FROM "t" WHERE "id" = 1'
 * ```
 */
export function inlineStatement(statement: CompiledStatement): string {
  const numbered = numberPlaceholders(statement)
  const values = numbered.parameters.map(toPostgresValue)
  return replacePlaceholders(
    numbered.sql,
    POSTGRES_SQL,
    (placeholder) =>
      values.length === 0 || placeholder.number === undefined
        ? placeholder.text
        : renderLiteral(values[placeholder.number - 1]),
    { script: true },
  )
}

/** PostgreSQL's limit on identifier length, in bytes (NAMEDATALEN - 1); longer names are truncated by the server. */
export const MAX_IDENTIFIER_BYTES = 63

/**
 * `"name"` with `"` doubled. Every identifier Retort writes goes through it, so keywords and
 * names with quotes, spaces or capitals work. Rejects empty names and NUL characters.
 *
 * @example
 * ```ts
 * quoteIdentifier('my "table"') // '"my ""table"""'
 * ```
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
    throw new RetortError(
      'postgres-identifier',
      `'${String(name)}' is not a valid PostgreSQL identifier; use a non-empty name without NUL`,
    )
  }
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * The name itself when it fits PostgreSQL's 63 bytes, else its first characters and a short
 * hash of the whole, so that different long names stay different (the server would cut
 * them to the same 63 bytes).
 *
 * @example
 * ```ts
 * Buffer.byteLength(fitIdentifier('x'.repeat(100))) // 63
 * ```
 */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10)
  let head = ''
  for (const character of name) {
    if (Buffer.byteLength(head + character) > MAX_IDENTIFIER_BYTES - hash.length - 1) break
    head += character
  }
  return `${head}_${hash}`
}

/**
 * The name Retort gives the foreign key of a column-level `references`:
 * `<table>_<column>_fkey` (PostgreSQL's own default name), shortened with a hash when
 * longer than 63 bytes.
 *
 * @example
 * ```ts
 * foreignKeyName('child', 'parent_id') // 'child_parent_id_fkey'
 * ```
 */
export function foreignKeyName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}_fkey`)
}
