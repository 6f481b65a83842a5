import type { CompiledStatement } from '@retort/core'
import { renderLiteral, SqliteValueError } from './sqlite-literal.js'

/**
 * Renders a statement with its parameters written in as literals ({@link renderLiteral}),
 * for offline SQL scripts. Only `?` and `?NNN` placeholders outside string literals,
 * quoted identifiers (`"x"`, `` `x` ``, `[x]`) and comments are replaced; the number of
 * placeholders must match the parameters. A statement ending in a `--` comment gets a
 * newline, so a `;` written after it is not swallowed by the comment.
 *
 * @example
 * ```ts
 * inlineStatement({ sql: "UPDATE t SET a = ? WHERE b = '?'", parameters: ["it's"] })
 * // "UPDATE t SET a = 'it''s' WHERE b = '?'"
 * ```
 */
export function inlineStatement(statement: CompiledStatement): string {
  const { sql, parameters } = statement
  let out = ''
  let next = 0
  let highest = 0
  let i = 0
  let inLineComment = false
  while (i < sql.length) {
    const c = sql[i] as string
    const closing = c === "'" || c === '"' || c === '`' ? c : c === '[' ? ']' : undefined
    if (closing !== undefined) {
      // Quoted text runs to the closing character; a doubled quote is an escaped one.
      let j = i + 1
      for (; j < sql.length; j++) {
        if (sql[j] === closing) {
          if (closing !== ']' && sql[j + 1] === closing) j++
          else break
        }
      }
      out += sql.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      inLineComment = end === -1
      out += end === -1 ? sql.slice(i) : sql.slice(i, end)
      i = end === -1 ? sql.length : end
      continue
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      out += end === -1 ? sql.slice(i) : sql.slice(i, end + 2)
      i = end === -1 ? sql.length : end + 2
      continue
    }
    if (c === '?') {
      const digits = /^\d*/.exec(sql.slice(i + 1))?.[0] ?? ''
      const index = digits === '' ? next : Number(digits) - 1
      if (index < 0 || index >= parameters.length) {
        throw new SqliteValueError(
          `statement has placeholder '?${digits}' but only ${parameters.length} parameters: ${sql.slice(0, 60)}`,
        )
      }
      next = index + 1
      highest = Math.max(highest, next)
      const literal = renderLiteral(parameters[index])
      // `a -?` with -1 must not become the comment `a --1`.
      out += out.endsWith('-') && literal.startsWith('-') ? ` ${literal}` : literal
      i += 1 + digits.length
      continue
    }
    out += c
    i++
  }
  if (highest !== parameters.length) {
    throw new SqliteValueError(
      `statement uses ${highest} of ${parameters.length} parameters: ${sql.slice(0, 60)}`,
    )
  }
  return inLineComment ? `${out}\n` : out
}
