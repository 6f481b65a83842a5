import { scanSql, type SqlLexicon } from './sql-scanner.js'

/**
 * The kind of a {@link SqlToken}: a bare `word` (keyword or name), a quoted `identifier`,
 * a `string` literal, a `blob` (`X'00'`), a `number`, one of the punctuation characters
 * `( ) , ; .`, any other `operator` character, or a `comment` (only when asked for).
 *
 * @example
 * ```ts
 * const kind: SqlTokenKind = 'identifier'
 * ```
 */
export type SqlTokenKind =
  'word' | 'identifier' | 'string' | 'blob' | 'number' | 'punct' | 'operator' | 'comment'

/**
 * A token of SQL with its place in the text (so untouched parts can be copied verbatim).
 * `closed` is false for a string, quoted identifier or comment that the text ends inside.
 *
 * @example
 * ```ts
 * const token: SqlToken = { kind: 'word', text: 'CREATE', start: 0, end: 6, closed: true }
 * ```
 */
export interface SqlToken {
  readonly kind: SqlTokenKind
  readonly text: string
  readonly start: number
  readonly end: number
  readonly closed: boolean
}

/**
 * Splits SQL into tokens with the quoting and comments of a lexicon ({@link scanSql}),
 * skipping whitespace, and comments unless `comments` is set.
 *
 * @example
 * ```ts
 * sqlTokens('CREATE TABLE "t" (a)', SQLITE_SQL).map((t) => t.text) // ['CREATE', 'TABLE', '"t"', '(', 'a', ')']
 * ```
 */
export function sqlTokens(
  sql: string,
  lexicon: SqlLexicon,
  options: { readonly comments?: boolean } = {},
): SqlToken[] {
  const tokens: SqlToken[] = []
  for (const piece of scanSql(sql, lexicon)) {
    if (piece.kind === 'comment') {
      if (options.comments === true) tokens.push({ ...piece, kind: 'comment' })
    } else if (piece.kind === 'string') {
      const last = tokens.at(-1)
      // X'00ff': a blob literal is a one-letter word right before a string.
      if (
        last !== undefined &&
        last.kind === 'word' &&
        last.end === piece.start &&
        (last.text === 'x' || last.text === 'X')
      ) {
        tokens[tokens.length - 1] = {
          kind: 'blob',
          text: sql.slice(last.start, piece.end),
          start: last.start,
          end: piece.end,
          closed: piece.closed,
        }
      } else {
        tokens.push({ ...piece, kind: 'string' })
      }
    } else if (piece.kind === 'identifier') {
      tokens.push({ ...piece, kind: 'identifier' })
    } else {
      codeTokens(sql, piece.start, piece.end, tokens)
    }
  }
  return tokens
}

function codeTokens(sql: string, from: number, to: number, tokens: SqlToken[]): void {
  let i = from
  const push = (kind: SqlTokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end, closed: true })
    i = end
  }
  while (i < to) {
    const c = sql[i] as string
    if (/\s/.test(c)) {
      i++
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      let j = i + 1
      while (j < to) {
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
      while (j < to && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j] as string)) j++
      push('word', j)
    } else if ('(),;.'.includes(c)) {
      push('punct', i + 1)
    } else {
      push('operator', i + 1)
    }
  }
}

/**
 * Whether the token is the keyword `word` (given in upper case; the token in any case).
 *
 * @example
 * ```ts
 * isKeyword(sqlTokens('create', SQLITE_SQL)[0], 'CREATE') // true
 * ```
 */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.text.toUpperCase() === word
}

/**
 * The index just past the `)` matching the `(` at `open`, or `undefined` when the
 * parentheses are not balanced.
 *
 * @example
 * ```ts
 * closingParen(sqlTokens('(a, (b)) c', SQLITE_SQL), 0) // 6
 * ```
 */
export function closingParen(tokens: readonly SqlToken[], open: number): number | undefined {
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
  return undefined
}

/**
 * Splits `tokens[from, to)` at the commas outside parentheses, as `[start, end)` ranges;
 * empty ranges are left out.
 *
 * @example
 * ```ts
 * splitTopLevel(sqlTokens('a, f(b, c), d', SQLITE_SQL), 0, 8).length // 3
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
