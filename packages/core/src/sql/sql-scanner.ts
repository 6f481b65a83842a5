/**
 * What a database's SQL text is made of, as far as finding statements, placeholders and
 * tokens needs: which quotes open strings and quoted identifiers, how strings escape, and
 * which comments there are. One scanner ({@link scanSql}) reads every dialect with its
 * lexicon ({@link SQLITE_SQL}, {@link POSTGRES_SQL}, {@link MYSQL_SQL}).
 *
 * @example
 * ```ts
 * const ansi: SqlLexicon = { ...POSTGRES_SQL, dollarQuotes: false }
 * ```
 */
export interface SqlLexicon {
  /** Quotes that open a string literal (a doubled quote inside is one quote). */
  readonly stringQuotes: string
  /** Opening characters of quoted identifiers, mapped to their closing character. */
  readonly identifierQuotes: Readonly<Record<string, string>>
  /** A backslash escapes the next character in every string literal (MySQL). */
  readonly backslashEscapes: boolean
  /** `E'...'` strings take backslash escapes (PostgreSQL). */
  readonly escapeStringPrefix: boolean
  /** `$tag$ ... $tag$` strings (PostgreSQL). */
  readonly dollarQuotes: boolean
  /** `#` starts a line comment (MySQL). */
  readonly hashComments: boolean
  /** `--` starts a comment only when whitespace, a control character or the end follows (MySQL). */
  readonly dashCommentNeedsSpace: boolean
  /** `/* ... *\/` comments nest (PostgreSQL). */
  readonly nestedBlockComments: boolean
  /**
   * The placeholders of bound values in code: `?` (and `?NNN` on SQLite, `$n` on
   * PostgreSQL). A global regular expression whose first group, when there is one, is the
   * 1-based number of a numbered placeholder.
   */
  readonly placeholders: RegExp
}

/**
 * SQLite: `'...'` strings, `"..."`, `` `...` `` and `[...]` names, `?` and `?NNN`.
 *
 * @example
 * ```ts
 * scanSql('SELECT [a?]', SQLITE_SQL).map((p) => p.kind) // ['code', 'identifier']
 * ```
 */
export const SQLITE_SQL: SqlLexicon = Object.freeze({
  stringQuotes: "'",
  identifierQuotes: Object.freeze({ '"': '"', '`': '`', '[': ']' }),
  backslashEscapes: false,
  escapeStringPrefix: false,
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedBlockComments: false,
  placeholders: /\?(\d*)/g,
})

/**
 * PostgreSQL: `'...'` and `E'...'` strings, `$tag$...$tag$` strings, `"..."` names, nested
 * block comments, `?` and `$n`.
 *
 * @example
 * ```ts
 * scanSql('SELECT $$?$$', POSTGRES_SQL).map((p) => p.kind) // ['code', 'string']
 * ```
 */
export const POSTGRES_SQL: SqlLexicon = Object.freeze({
  stringQuotes: "'",
  identifierQuotes: Object.freeze({ '"': '"' }),
  backslashEscapes: false,
  escapeStringPrefix: true,
  dollarQuotes: true,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedBlockComments: true,
  placeholders: /\?|(?<![A-Za-z0-9_$\u0080-\uffff])\$(\d+)/g,
})

/**
 * MySQL and MariaDB in the default `sql_mode`: `'...'` and `"..."` strings with backslash
 * escapes, `` `...` `` names, `#` and `-- ` comments, `?`. Under `NO_BACKSLASH_ESCAPES`
 * use `{ ...MYSQL_SQL, backslashEscapes: false }`.
 *
 * @example
 * ```ts
 * scanSql("SELECT 'a\\'?'", MYSQL_SQL).map((p) => p.kind) // ['code', 'string']
 * ```
 */
export const MYSQL_SQL: SqlLexicon = Object.freeze({
  stringQuotes: `'"`,
  identifierQuotes: Object.freeze({ '`': '`' }),
  backslashEscapes: true,
  escapeStringPrefix: false,
  dollarQuotes: false,
  hashComments: true,
  dashCommentNeedsSpace: true,
  nestedBlockComments: false,
  placeholders: /\?/g,
})

/**
 * The kind of a {@link SqlPiece}: `code`, or text in which nothing is looked for.
 *
 * @example
 * ```ts
 * const kind: SqlPieceKind = 'comment'
 * ```
 */
export type SqlPieceKind = 'code' | 'string' | 'identifier' | 'comment'

/**
 * A run of SQL text of one kind, with its place in the text. `closed` is false for a
 * string, quoted identifier or block comment that runs to the end of the text unterminated.
 *
 * @example
 * ```ts
 * const piece: SqlPiece = { kind: 'string', text: "'?'", start: 7, end: 10, closed: true }
 * ```
 */
export interface SqlPiece {
  readonly kind: SqlPieceKind
  readonly text: string
  readonly start: number
  readonly end: number
  readonly closed: boolean
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y

/**
 * Splits a SQL text into code and the strings, quoted identifiers and comments in it, as
 * the lexicon reads them. The pieces cover the text exactly; a line comment ends before
 * its newline.
 *
 * @example
 * ```ts
 * scanSql("SELECT '?' -- x\n, ?", SQLITE_SQL).map((p) => p.kind)
 * // ['code', 'string', 'code', 'comment', 'code']
 * ```
 */
export function scanSql(sql: string, lexicon: SqlLexicon): SqlPiece[] {
  const pieces: SqlPiece[] = []
  const length = sql.length
  let codeStart = 0
  let i = 0
  const take = (kind: SqlPieceKind, end: number, closed: boolean) => {
    if (i > codeStart) {
      pieces.push({
        kind: 'code',
        text: sql.slice(codeStart, i),
        start: codeStart,
        end: i,
        closed: true,
      })
    }
    pieces.push({ kind, text: sql.slice(i, end), start: i, end, closed })
    i = end
    codeStart = end
  }
  while (i < length) {
    const c = sql[i] as string
    const next = sql[i + 1]
    if (
      (c === '-' && next === '-' && (!lexicon.dashCommentNeedsSpace || isSpaceOrEnd(sql[i + 2]))) ||
      (c === '#' && lexicon.hashComments)
    ) {
      const end = sql.indexOf('\n', i)
      take('comment', end === -1 ? length : end, true)
    } else if (c === '/' && next === '*') {
      const [end, closed] = blockCommentEnd(sql, i, lexicon.nestedBlockComments)
      take('comment', end, closed)
    } else if (lexicon.identifierQuotes[c] !== undefined) {
      const close = lexicon.identifierQuotes[c] as string
      const [end, closed] = quotedEnd(sql, i, close, close !== ']', false)
      take('identifier', end, closed)
    } else if (lexicon.stringQuotes.includes(c)) {
      const backslash =
        lexicon.backslashEscapes || (lexicon.escapeStringPrefix && isEscapePrefixed(sql, i))
      const [end, closed] = quotedEnd(sql, i, c, true, backslash)
      take('string', end, closed)
    } else if (
      c === '$' &&
      lexicon.dollarQuotes &&
      !IDENTIFIER_CHAR.test(i === 0 ? ' ' : (sql[i - 1] as string))
    ) {
      DOLLAR_TAG.lastIndex = i
      const tag = DOLLAR_TAG.exec(sql)?.[0]
      if (tag === undefined) {
        i++
        continue
      }
      const found = sql.indexOf(tag, i + tag.length)
      take('string', found === -1 ? length : found + tag.length, found !== -1)
    } else {
      i++
    }
  }
  if (length > codeStart) {
    pieces.push({
      kind: 'code',
      text: sql.slice(codeStart),
      start: codeStart,
      end: length,
      closed: true,
    })
  }
  return pieces
}

/**
 * The statements of a SQL text, split at the `;` in code (never in strings, quoted names or
 * comments); statements with no code (blank, or comments only) are left out. Each keeps
 * its text as written, without the `;`.
 *
 * @example
 * ```ts
 * splitStatements("SELECT ';'; -- done\nSELECT 2;", SQLITE_SQL) // ["SELECT ';'", ' -- done\nSELECT 2']
 * ```
 */
export function splitStatements(sql: string, lexicon: SqlLexicon): string[] {
  const statements: string[] = []
  let from = 0
  let hasCode = false
  for (const piece of scanSql(sql, lexicon)) {
    if (piece.kind !== 'code') continue
    let at = piece.text.indexOf(';')
    let searched = 0
    while (at !== -1) {
      if (hasCode || piece.text.slice(searched, at).trim() !== '') {
        statements.push(sql.slice(from, piece.start + at))
      }
      from = piece.start + at + 1
      hasCode = false
      searched = at + 1
      at = piece.text.indexOf(';', searched)
    }
    if (piece.text.slice(searched).trim() !== '') hasCode = true
  }
  if (hasCode) statements.push(sql.slice(from))
  return statements
}

/**
 * A placeholder of a bound value found in code: its text, its 1-based number when it has
 * one (`?3`, `$3`), and where it starts.
 *
 * @example
 * ```ts
 * const placeholder: SqlPlaceholder = { text: '$2', number: 2, start: 14 }
 * ```
 */
export interface SqlPlaceholder {
  readonly text: string
  readonly number: number | undefined
  readonly start: number
}

/**
 * The placeholders in the code of a SQL text, in order.
 *
 * @example
 * ```ts
 * findPlaceholders("SELECT ?, '?', ?2", SQLITE_SQL).map((p) => p.text) // ['?', '?2']
 * ```
 */
export function findPlaceholders(sql: string, lexicon: SqlLexicon): SqlPlaceholder[] {
  const found: SqlPlaceholder[] = []
  for (const piece of scanSql(sql, lexicon)) {
    if (piece.kind !== 'code') continue
    for (const match of piece.text.matchAll(new RegExp(lexicon.placeholders))) {
      found.push(placeholderOf(match, piece.start))
    }
  }
  return found
}

/**
 * The text with every placeholder in code replaced by what `replace` gives for it (a
 * literal, or another placeholder); strings, quoted names and comments are copied as they
 * are. A replacement that starts with `-` after a `-` is written with a space between, so
 * `a -?` with -1 does not become the comment `a --1`. With `{ script: true }` a text ending
 * in a line comment gets a newline, so a `;` written after it is not swallowed.
 *
 * @example
 * ```ts
 * replacePlaceholders("SELECT ? -- x", SQLITE_SQL, () => '1', { script: true }) // 'SELECT 1 -- x\n'
 * ```
 */
export function replacePlaceholders(
  sql: string,
  lexicon: SqlLexicon,
  replace: (placeholder: SqlPlaceholder) => string,
  options: { readonly script?: boolean } = {},
): string {
  // Most statements (DDL) bind nothing: without a placeholder or a line comment anywhere,
  // the pieces would be copied as they are, so the scan is skipped.
  if (
    sql.search(lexicon.placeholders) === -1 &&
    !(
      options.script === true &&
      (sql.includes('--') || (lexicon.hashComments && sql.includes('#')))
    )
  )
    return sql
  // A script repeats the same statement (the version-table update of every step) with
  // other parameters: its pieces are scanned once.
  let pieces: readonly SqlPiece[]
  if (lastScan !== undefined && lastScan.sql === sql && lastScan.lexicon === lexicon) {
    pieces = lastScan.pieces
  } else {
    pieces = scanSql(sql, lexicon)
    lastScan = { sql, lexicon, pieces }
  }
  let out = ''
  let pattern: RegExp | undefined
  for (const piece of pieces) {
    if (piece.kind !== 'code') {
      out += piece.text
      continue
    }
    // One global copy of the lexicon's pattern, searched with exec (matchAll would copy it
    // once more per piece).
    pattern ??= globalPattern(lexicon.placeholders)
    pattern.lastIndex = 0
    let last = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(piece.text)) !== null) {
      out += piece.text.slice(last, match.index)
      const resume = match[0] === '' ? pattern.lastIndex + 1 : pattern.lastIndex
      const text = replace(placeholderOf(match, piece.start))
      // `replace` may scan other SQL with the same pattern: the search resumes where it was.
      pattern.lastIndex = resume
      out += out.endsWith('-') && text.startsWith('-') ? ` ${text}` : text
      last = match.index + match[0].length
    }
    out += piece.text.slice(last)
  }
  return options.script === true && endsInLineComment(pieces) ? `${out}\n` : out
}

/** The pieces of the last statement {@link replacePlaceholders} scanned. */
let lastScan:
  | { readonly sql: string; readonly lexicon: SqlLexicon; readonly pieces: readonly SqlPiece[] }
  | undefined

/** The global copies of the lexicons' placeholder patterns, made once each. */
const globalPatterns = new WeakMap<RegExp, RegExp>()

/** A copy of `pattern` that is global (as `matchAll` requires), for an `exec` loop. */
function globalPattern(pattern: RegExp): RegExp {
  let copy = globalPatterns.get(pattern)
  if (copy === undefined) {
    copy = new RegExp(pattern, pattern.global ? pattern.flags : `${pattern.flags}g`)
    globalPatterns.set(pattern, copy)
  }
  return copy
}

function endsInLineComment(pieces: readonly SqlPiece[]): boolean {
  const last = pieces.at(-1)
  return last !== undefined && last.kind === 'comment' && !last.text.startsWith('/*')
}

function placeholderOf(match: RegExpMatchArray, offset: number): SqlPlaceholder {
  const digits = match[1]
  return {
    text: match[0],
    number: digits === undefined || digits === '' ? undefined : Number(digits),
    start: offset + (match.index ?? 0),
  }
}

function isSpaceOrEnd(next: string | undefined): boolean {
  return next === undefined || next <= ' '
}

/** `E'...'`/`e'...'`: the E is a word of its own, not the end of a name. */
function isEscapePrefixed(sql: string, quote: number): boolean {
  const previous = sql[quote - 1]
  return (previous === 'E' || previous === 'e') && !IDENTIFIER_CHAR.test(sql[quote - 2] ?? ' ')
}

function quotedEnd(
  sql: string,
  start: number,
  close: string,
  doubled: boolean,
  backslash: boolean,
): [number, boolean] {
  for (let j = start + 1; j < sql.length; j++) {
    const d = sql[j]
    if (backslash && d === '\\') j++
    else if (d === close) {
      if (doubled && sql[j + 1] === close) j++
      else return [j + 1, true]
    }
  }
  return [sql.length, false]
}

function blockCommentEnd(sql: string, start: number, nested: boolean): [number, boolean] {
  if (!nested) {
    const end = sql.indexOf('*/', start + 2)
    return end === -1 ? [sql.length, false] : [end + 2, true]
  }
  let depth = 1
  let j = start + 2
  while (j < sql.length) {
    if (sql[j] === '/' && sql[j + 1] === '*') {
      depth++
      j += 2
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--
      j += 2
      if (depth === 0) return [j, true]
    } else j++
  }
  return [sql.length, false]
}
