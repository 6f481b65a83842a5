import { RetortError } from '@retort/core/errors'
import {
  closingParen as closingParenOrUndefined,
  SQLITE_SQL,
  type SqlToken,
  sqlTokens,
} from '@retort/core/sql'

export { isKeyword, splitTopLevel, type SqlToken, type SqlTokenKind } from '@retort/core/sql'

/**
 * The SQL of a schema object could not be read (unbalanced quotes or parentheses, or a
 * clause this reader does not know).
 *
 * @example
 * ```ts
 * try { tokenizeSql("'open") } catch (error) { error instanceof SqlSyntaxError } // true
 * ```
 */
export class SqlSyntaxError extends RetortError {
  constructor(message: string) {
    super('sqlite-sql-syntax', message)
  }
}

/**
 * Splits SQLite SQL into tokens with core's scanner (`SQLITE_SQL`), skipping whitespace and
 * comments; an unterminated string or quoted name is a {@link SqlSyntaxError}.
 *
 * @example
 * ```ts
 * tokenizeSql('CREATE TABLE "t" (a)').map((t) => t.text) // ['CREATE', 'TABLE', '"t"', '(', 'a', ')']
 * ```
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens = sqlTokens(sql, SQLITE_SQL)
  const open = tokens.find((token) => !token.closed)
  if (open !== undefined) {
    throw new SqlSyntaxError(
      `unterminated ${open.kind === 'string' || open.kind === 'blob' ? 'string' : 'quoted name'} in: ${open.text.slice(0, 40)}`,
    )
  }
  return tokens
}

/**
 * The name a token stands for: a bare word as written, a quoted identifier (or a string
 * literal, which SQLite also accepts as a name) without its quotes.
 *
 * @example
 * ```ts
 * identifierValue({ kind: 'identifier', text: '"a""b"', start: 0, end: 6, closed: true }) // 'a"b'
 * ```
 */
export function identifierValue(token: SqlToken): string {
  const t = token.text
  if (token.kind === 'identifier' || token.kind === 'string') {
    if (t.startsWith('[')) return t.slice(1, -1)
    const quote = t[0] as string
    return t.slice(1, -1).replaceAll(quote + quote, quote)
  }
  return t
}

/**
 * Whether the token names something (a word, a quoted identifier).
 *
 * @example
 * ```ts
 * isName(tokenizeSql('"a"')[0]) // true
 * ```
 */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'identifier')
}

/**
 * Whether the token can be the name of a schema object (SQLite also takes a string literal).
 *
 * @example
 * ```ts
 * isObjectName(tokenizeSql("'t'")[0]) // true
 * ```
 */
export function isObjectName(token: SqlToken | undefined): token is SqlToken {
  return (
    token !== undefined &&
    (token.kind === 'word' || token.kind === 'identifier' || token.kind === 'string')
  )
}

/**
 * The index just past the `)` matching the `(` at `open`.
 *
 * @example
 * ```ts
 * closingParen(tokenizeSql('(a, (b)) c'), 0) // 6
 * ```
 */
export function closingParen(tokens: readonly SqlToken[], open: number): number {
  const end = closingParenOrUndefined(tokens, open)
  if (end === undefined) throw new SqlSyntaxError('unbalanced parentheses')
  return end
}

/**
 * Whether the tokens name `column` anywhere (case-insensitive, quoted or not). Used to find
 * the constraints, indexes and expressions a column appears in; a function or keyword
 * spelled like the column also counts, which errs on the side of treating it as used.
 *
 * @example
 * ```ts
 * mentions(tokenizeSql('CHECK (lower(email) <> "")'), 'email') // true
 * ```
 */
export function mentions(tokens: readonly SqlToken[], column: string): boolean {
  const wanted = column.toLowerCase()
  return tokens.some((t) => isName(t) && identifierValue(t).toLowerCase() === wanted)
}

/**
 * `sql` with every name token equal to `from` (case-insensitive, quoted or not) replaced by
 * `"to"`: what SQLite's `RENAME COLUMN` does to the expressions that use a column, for
 * offline scripts where the definitions are given rather than read.
 *
 * @example
 * ```ts
 * renameInSql("lower(name) <> ''", 'name', 'title') // 'lower("title") <> \'\''
 * ```
 */
export function renameInSql(sql: string, from: string, to: string): string {
  const wanted = from.toLowerCase()
  let out = ''
  let last = 0
  for (const token of tokenizeSql(sql)) {
    if (isName(token) && identifierValue(token).toLowerCase() === wanted) {
      out += `${sql.slice(last, token.start)}"${to.replaceAll('"', '""')}"`
      last = token.end
    }
  }
  return out + sql.slice(last)
}
