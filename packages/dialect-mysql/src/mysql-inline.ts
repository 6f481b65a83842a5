import type { CompiledStatement } from '@retort/core'
import { MysqlValueError, renderLiteral, toMysqlValue } from './mysql-literal.js'

/**
 * Renders a statement with its parameters written in as literals, for offline SQL
 * scripts. Each value goes through {@link toMysqlValue} then {@link renderLiteral}, so the
 * script stores exactly what an online run binds. Only `?` placeholders outside string
 * literals (`'x'`, `"x"`, with MySQL's backslash escapes), quoted identifiers (`` `x` ``)
 * and comments (`#`, `-- `, `/* *\/`) are replaced; the number of placeholders must match
 * the parameters. A statement ending in a line comment gets a newline, so a `;` written
 * after it is not swallowed by the comment.
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
  let i = 0
  let inLineComment = false
  while (i < sql.length) {
    const c = sql[i] as string
    if (c === "'" || c === '"' || c === '`') {
      // A doubled quote is an escaped one; in strings (not identifiers) a backslash escapes
      // the next character, as in MySQL's default sql_mode.
      let j = i + 1
      for (; j < sql.length; j++) {
        const d = sql[j]
        if (d === '\\' && c !== '`') {
          j++
        } else if (d === c) {
          if (sql[j + 1] === c) j++
          else break
        }
      }
      out += sql.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (c === '#' || (c === '-' && sql[i + 1] === '-' && isCommentStart(sql[i + 2]))) {
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
      if (next >= parameters.length) {
        throw new MysqlValueError(
          `statement has more '?' placeholders than its ${parameters.length} parameters: ${sql.slice(0, 60)}`,
        )
      }
      const literal = renderLiteral(toMysqlValue(parameters[next]))
      next++
      // `a -?` with -1 must not read as `a --1`.
      out += out.endsWith('-') && literal.startsWith('-') ? ` ${literal}` : literal
      i++
      continue
    }
    out += c
    i++
  }
  if (next !== parameters.length) {
    throw new MysqlValueError(
      `statement uses ${next} of ${parameters.length} parameters: ${sql.slice(0, 60)}`,
    )
  }
  return inLineComment ? `${out}\n` : out
}

/** `--` starts a comment in MySQL only when followed by whitespace, a control character or the end. */
function isCommentStart(next: string | undefined): boolean {
  return next === undefined || next <= ' '
}
