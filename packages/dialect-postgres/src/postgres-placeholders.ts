import type { CompiledStatement } from '@retort/core'
import { PostgresValueError, renderLiteral, toPostgresValue } from './postgres-literal.js'
import { sqlSegments } from './postgres-sql-segments.js'

const NUMBERED = /(?<![A-Za-z0-9_$\u0080-\uffff])\$(\d+)/g

/**
 * The statement with PostgreSQL's numbered placeholders: the portable `?` placeholders of
 * `op.execute()`/`op.query()` become `$1`, `$2` ... in order. Only `?` in code counts (not
 * in literals, quoted identifiers or comments). A text without parameters, or one that
 * already uses `$n`, is left as written, so the jsonb operators `?`, `?|` and `?&` work
 * there. The number of placeholders must match the parameters.
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
  const segments = sqlSegments(sql)
  const highest = highestNumbered(segments.filter((s) => s.code).map((s) => s.text))
  if (highest > 0) {
    if (highest > parameters.length) {
      throw new PostgresValueError(
        `statement uses $${highest} but has only ${parameters.length} parameters: ${sql.slice(0, 80)}`,
      )
    }
    return statement
  }
  let next = 0
  const text = segments
    .map((segment) =>
      segment.code
        ? segment.text.replace(/\?/g, () => {
            next++
            return `$${next}`
          })
        : segment.text,
    )
    .join('')
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
  const segments = sqlSegments(numbered.sql)
  let out = ''
  for (const segment of segments) {
    if (!segment.code || values.length === 0) {
      out += segment.text
      continue
    }
    out += segment.text.replace(
      NUMBERED,
      (_match, digits: string, offset: number, whole: string) => {
        const literal = renderLiteral(values[Number(digits) - 1])
        // `a -$1` with -1 must not read as `a --1` (a comment).
        return whole[offset - 1] === '-' && literal.startsWith('-') ? ` ${literal}` : literal
      },
    )
  }
  const last = segments.at(-1)
  return last !== undefined && !last.code && last.text.startsWith('--') ? `${out}\n` : out
}

function highestNumbered(code: readonly string[]): number {
  let highest = 0
  for (const text of code) {
    for (const match of text.matchAll(NUMBERED)) highest = Math.max(highest, Number(match[1]))
  }
  return highest
}
