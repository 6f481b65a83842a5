import { RetortError } from '@retort/core/errors'

/**
 * The kind of a {@link SqlToken}: a bare `word` (keyword or name), a quoted `identifier`
 * (`"x"`, `` `x` ``, `[x]`), a `string` literal, a `blob` (`X'00'`), a `number`, one of the
 * punctuation characters `( ) , ; .`, or any other `operator` character.
 *
 * @example
 * ```ts
 * const kind: SqlTokenKind = 'identifier'
 * ```
 */
export type SqlTokenKind =
  'word' | 'identifier' | 'string' | 'blob' | 'number' | 'punct' | 'operator'

/**
 * A token of SQLite SQL with its position in the text (so untouched parts can be copied
 * verbatim).
 *
 * @example
 * ```ts
 * const token: SqlToken = { kind: 'word', text: 'CREATE', start: 0, end: 6 }
 * ```
 */
export interface SqlToken {
  readonly kind: SqlTokenKind
  readonly text: string
  readonly start: number
  readonly end: number
}

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
 * Splits SQLite SQL into tokens, skipping whitespace and comments.
 *
 * @example
 * ```ts
 * tokenizeSql('CREATE TABLE "t" (a)').map((t) => t.text) // ['CREATE', 'TABLE', '"t"', '(', 'a', ')']
 * ```
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let i = 0
  const push = (kind: SqlTokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end })
    i = end
  }
  while (i < sql.length) {
    const c = sql[i] as string
    if (/\s/.test(c)) {
      i++
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end + 1
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end === -1 ? sql.length : end + 2
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      push(c === "'" ? 'string' : 'identifier', quotedEnd(sql, i))
    } else if ((c === 'x' || c === 'X') && sql[i + 1] === "'") {
      i++
      const end = quotedEnd(sql, i)
      i--
      push('blob', end)
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      let j = i + 1
      while (j < sql.length) {
        const d = sql[j] as string
        if (/[0-9A-Za-z_.]/.test(d)) j++
        else if (
          (d === '+' || d === '-') &&
          /[eE]/.test(sql[j - 1] ?? '') &&
          !/^0x/i.test(sql.slice(i, j))
        )
          j++
        else break
      }
      push('number', j)
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j] as string)) j++
      push('word', j)
    } else if ('(),;.'.includes(c)) {
      push('punct', i + 1)
    } else {
      push('operator', i + 1)
    }
  }
  return tokens
}

/**
 * The name a token stands for: a bare word as written, a quoted identifier (or a string
 * literal, which SQLite also accepts as a name) without its quotes.
 *
 * @example
 * ```ts
 * identifierValue({ kind: 'identifier', text: '"a""b"', start: 0, end: 6 }) // 'a"b'
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
 * Whether the token is the keyword `word` (given in upper case; the token in any case).
 *
 * @example
 * ```ts
 * isKeyword(tokenizeSql('create')[0], 'CREATE') // true
 * ```
 */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.text.toUpperCase() === word
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
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as SqlToken
    if (t.kind !== 'punct') continue
    if (t.text === '(') depth++
    else if (t.text === ')') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  throw new SqlSyntaxError('unbalanced parentheses')
}

/**
 * Splits `tokens[from, to)` at the commas outside parentheses.
 *
 * @example
 * ```ts
 * splitTopLevel(tokenizeSql('a, f(b, c), d'), 0, 8).length // 3
 * ```
 */
export function splitTopLevel(
  tokens: readonly SqlToken[],
  from: number,
  to: number,
): [number, number][] {
  const parts: [number, number][] = []
  let depth = 0
  let start = from
  for (let i = from; i < to; i++) {
    const t = tokens[i] as SqlToken
    if (t.kind !== 'punct') continue
    if (t.text === '(') depth++
    else if (t.text === ')') depth--
    else if (t.text === ',' && depth === 0) {
      parts.push([start, i])
      start = i + 1
    }
  }
  parts.push([start, to])
  return parts.filter(([a, b]) => b > a)
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

function quotedEnd(sql: string, start: number): number {
  const open = sql[start] as string
  const close = open === '[' ? ']' : open
  for (let j = start + 1; j < sql.length; j++) {
    if (sql[j] === close) {
      if (close !== ']' && sql[j + 1] === close) j++
      else return j + 1
    }
  }
  throw new SqlSyntaxError(
    `unterminated ${open === "'" ? 'string' : 'quoted name'} in: ${sql.slice(start, start + 40)}`,
  )
}
