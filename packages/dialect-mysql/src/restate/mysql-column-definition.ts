import { closingParen, MYSQL_SQL, sqlTokens } from '@retort/core/sql'

/**
 * The kinds of clause a column definition of `SHOW CREATE TABLE` is made of. `other` is
 * anything else the server wrote (`SRID 4326`, `/*!80023 INVISIBLE *\/`, `COLUMN_FORMAT
 * ...`), kept verbatim in its place.
 */
export type MysqlColumnClauseKind =
  | 'type'
  | 'charset'
  | 'collate'
  | 'generated'
  | 'nullability'
  | 'visibility'
  | 'default'
  | 'onUpdate'
  | 'autoIncrement'
  | 'comment'
  | 'check'
  | 'other'

/**
 * One clause of a column definition, as the server wrote it.
 *
 * @example
 * ```ts
 * const clause: MysqlColumnClause = { kind: 'default', sql: "DEFAULT 'anon'" }
 * ```
 */
export interface MysqlColumnClause {
  readonly kind: MysqlColumnClauseKind
  readonly sql: string
}

/**
 * A column definition split into its clauses: the quoted name, then the type and the
 * attributes in the server's order.
 *
 * @example
 * ```ts
 * const column = parseMysqlColumnDefinition("`name` varchar(40) NOT NULL DEFAULT 'anon'")
 * column.clauses.map((c) => c.kind) // ['type', 'nullability', 'default']
 * ```
 */
export interface MysqlColumnDefinition {
  /** The name as written (quoted). */
  readonly quotedName: string
  /** The name unquoted. */
  readonly name: string
  readonly clauses: readonly MysqlColumnClause[]
}

/**
 * What a restated column changes; everything left out keeps the live column's clause. A
 * `null` removes the clause.
 *
 * @example
 * ```ts
 * const change: MysqlColumnChange = { type: 'VARCHAR(80)', nullable: false }
 * ```
 */
export interface MysqlColumnChange {
  /** The new name, quoted (`CHANGE COLUMN`). */
  readonly quotedName?: string | undefined
  /** The new type as DDL (`VARCHAR(80)`). */
  readonly type?: string | undefined
  readonly nullable?: boolean | undefined
  /** The whole new clause (`DEFAULT 'x'`), or `null` to have no default. */
  readonly default?: string | null | undefined
  /** The whole new clause (`COMMENT 'x'`), or `null` to have no comment. */
  readonly comment?: string | null | undefined
}

/** Options of {@link parseMysqlColumnDefinition}: how the session reads string literals. */
export interface MysqlSqlModeOptions {
  /** `NO_BACKSLASH_ESCAPES` is in the session's `sql_mode`. */
  readonly noBackslashEscapes?: boolean | undefined
}

/** Where each clause sits among the others when it is added (the server's own order). */
const RANK: Readonly<Record<Exclude<MysqlColumnClauseKind, 'other'>, number>> = {
  type: 0,
  charset: 1,
  collate: 2,
  generated: 3,
  nullability: 4,
  visibility: 5,
  default: 6,
  onUpdate: 7,
  autoIncrement: 8,
  comment: 9,
  check: 10,
}

/** Types whose values have a character set (and so a collation). */
const CHARACTER_TYPE =
  /^\s*(?:national\s+)?(?:char|varchar|character|nchar|nvarchar|tinytext|text|mediumtext|longtext|enum|set)\b/i

interface Token {
  readonly kind: 'word' | 'quoted' | 'string' | 'group' | 'comment' | 'symbol'
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * Splits one column definition as `SHOW CREATE TABLE` writes it into its clauses. Strings,
 * quoted identifiers, parentheses and comments are read as wholes, so an expression or a
 * comment that contains keywords stays one clause.
 *
 * @example
 * ```ts
 * parseMysqlColumnDefinition("`at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()")
 * ```
 */
export function parseMysqlColumnDefinition(
  sql: string,
  options: MysqlSqlModeOptions = {},
): MysqlColumnDefinition {
  const tokens = tokenize(sql, options)
  const first = tokens[0]
  if (first === undefined || first.kind !== 'quoted') {
    throw new Error(`not a column definition: ${sql.slice(0, 60)}`)
  }
  const clauses: MysqlColumnClause[] = []
  let i = 1
  const slice = (from: number, to: number) => sql.slice(tokens[from]!.start, tokens[to - 1]!.end)
  const word = (at: number) => {
    const token = tokens[at]
    return token?.kind === 'word' ? token.text.toUpperCase() : undefined
  }

  // The type: a name, its arguments, and UNSIGNED / ZEROFILL / SIGNED.
  const typeStart = i
  if (tokens[i] === undefined) throw new Error(`column definition without a type: ${sql}`)
  i += 1
  if (tokens[i]?.kind === 'group') i += 1
  while (word(i) === 'UNSIGNED' || word(i) === 'SIGNED' || word(i) === 'ZEROFILL') i += 1
  clauses.push({ kind: 'type', sql: slice(typeStart, i) })

  while (i < tokens.length) {
    const start = i
    const keyword = word(i)
    let kind: MysqlColumnClauseKind = 'other'
    if (keyword === 'CHARACTER' && word(i + 1) === 'SET') {
      kind = 'charset'
      i += 3
    } else if (keyword === 'CHARSET') {
      kind = 'charset'
      i += 2
    } else if (keyword === 'COLLATE') {
      kind = 'collate'
      i += 2
    } else if (keyword === 'GENERATED' || keyword === 'AS') {
      kind = 'generated'
      while (i < tokens.length && tokens[i]!.kind !== 'group') i += 1
      i += 1
      const storage = word(i)
      if (storage === 'VIRTUAL' || storage === 'STORED' || storage === 'PERSISTENT') i += 1
    } else if (keyword === 'NOT' && word(i + 1) === 'NULL') {
      kind = 'nullability'
      i += 2
    } else if (keyword === 'NULL') {
      kind = 'nullability'
      i += 1
    } else if (keyword === 'INVISIBLE' || keyword === 'VISIBLE') {
      kind = 'visibility'
      i += 1
    } else if (keyword === 'DEFAULT') {
      kind = 'default'
      i = skipValue(tokens, i + 1)
    } else if (keyword === 'ON' && word(i + 1) === 'UPDATE') {
      kind = 'onUpdate'
      i = skipValue(tokens, i + 2)
    } else if (keyword === 'AUTO_INCREMENT') {
      kind = 'autoIncrement'
      i += 1
    } else if (keyword === 'COMMENT') {
      kind = 'comment'
      i += 2
    } else if (keyword === 'CONSTRAINT' || keyword === 'CHECK') {
      kind = 'check'
      while (i < tokens.length && tokens[i]!.kind !== 'group') i += 1
      i += 1
    } else if (tokens[i]!.kind === 'word') {
      // An attribute this reader does not know: its keyword, `=` and one value.
      i += 1
      if (tokens[i]?.text === '=') i += 1
      const value = word(i)
      if (i < tokens.length && (value === undefined || !isKnownKeyword(value))) i += 1
    } else {
      i += 1
    }
    i = Math.min(i, tokens.length)
    clauses.push({ kind, sql: slice(start, i) })
  }
  return Object.freeze({
    quotedName: first.text,
    name: unquote(first.text),
    clauses: Object.freeze(clauses),
  })
}

/**
 * The column definition with the change applied, in the server's clause order. A new type
 * that has no character set drops the old `CHARACTER SET`/`COLLATE`; a column that becomes
 * `NOT NULL` loses a `DEFAULT NULL` (which MariaDB prints for every nullable column).
 *
 * @example
 * ```ts
 * restateMysqlColumn(parseMysqlColumnDefinition("`name` varchar(40) NOT NULL DEFAULT 'anon' COMMENT 'the name'"), { type: 'VARCHAR(80)' })
 * // "`name` VARCHAR(80) NOT NULL DEFAULT 'anon' COMMENT 'the name'"
 * ```
 */
export function restateMysqlColumn(
  column: MysqlColumnDefinition,
  change: MysqlColumnChange,
): string {
  let clauses = [...column.clauses]
  const set = (kind: Exclude<MysqlColumnClauseKind, 'other'>, sql: string | null) => {
    const at = clauses.findIndex((c) => c.kind === kind)
    if (sql === null) {
      if (at !== -1) clauses.splice(at, 1)
      return
    }
    if (at !== -1) {
      clauses[at] = { kind, sql }
      return
    }
    // After the last clause that comes before it in the server's order.
    let position = 0
    let rank = -1
    for (const [index, clause] of clauses.entries()) {
      if (clause.kind !== 'other') rank = RANK[clause.kind]
      if (rank <= RANK[kind]) position = index + 1
    }
    clauses.splice(position, 0, { kind, sql })
  }
  if (change.type !== undefined) {
    set('type', change.type)
    if (
      !CHARACTER_TYPE.test(change.type) ||
      /\b(CHARACTER\s+SET|CHARSET|COLLATE)\b/i.test(change.type)
    ) {
      clauses = clauses.filter((c) => c.kind !== 'charset' && c.kind !== 'collate')
    }
  }
  if (change.nullable !== undefined) set('nullability', change.nullable ? 'NULL' : 'NOT NULL')
  if (change.default !== undefined) set('default', change.default)
  if (change.comment !== undefined) set('comment', change.comment)
  const notNull = clauses.some((c) => c.kind === 'nullability' && /^NOT\b/i.test(c.sql))
  if (notNull) {
    clauses = clauses.filter((c) => !(c.kind === 'default' && /^DEFAULT\s+NULL$/i.test(c.sql)))
  }
  return [change.quotedName ?? column.quotedName, ...clauses.map((c) => c.sql)].join(' ')
}

/**
 * The definition of one column in the text of `SHOW CREATE TABLE`, or `undefined` when the
 * table has no such column (names compared as MySQL does, ignoring letter case).
 *
 * @example
 * ```ts
 * findMysqlColumnDefinition('CREATE TABLE `t` (\n  `id` int(11) NOT NULL\n)', 'id') // '`id` int(11) NOT NULL'
 * ```
 */
export function findMysqlColumnDefinition(
  createTable: string,
  column: string,
  options: MysqlSqlModeOptions = {},
): string | undefined {
  const tokens = tokenize(createTable, options)
  const body = tokens.find((token) => token.kind === 'group')
  if (body === undefined) return undefined
  const inner = createTable.slice(body.start + 1, body.end - 1)
  const offset = body.start + 1
  // Split the body at its top-level commas.
  const parts: string[] = []
  let from = 0
  for (const token of tokenize(inner, options)) {
    if (token.text === ',') {
      parts.push(createTable.slice(offset + from, offset + token.start))
      from = token.end
    }
  }
  parts.push(createTable.slice(offset + from, offset + inner.length))
  const wanted = column.toLowerCase()
  for (const part of parts) {
    const [first] = tokenize(part, options)
    if (first?.kind === 'quoted' && unquote(first.text).toLowerCase() === wanted) {
      return part.trim()
    }
  }
  return undefined
}

/** Clause keywords: an unknown attribute's value never starts with one of them. */
function isKnownKeyword(word: string): boolean {
  return [
    'CHARACTER',
    'CHARSET',
    'COLLATE',
    'GENERATED',
    'AS',
    'NOT',
    'NULL',
    'INVISIBLE',
    'VISIBLE',
    'DEFAULT',
    'ON',
    'AUTO_INCREMENT',
    'COMMENT',
    'CONSTRAINT',
    'CHECK',
  ].includes(word)
}

/**
 * The token after a value (`DEFAULT <value>`, `ON UPDATE <value>`): a sign, then a string,
 * a number, a parenthesised expression, a word with its argument list (`current_timestamp(3)`)
 * or a prefixed literal (`b'101'`, `_utf8mb4'x'`).
 */
function skipValue(tokens: readonly Token[], from: number): number {
  let i = from
  if (tokens[i]?.kind === 'symbol' && (tokens[i]!.text === '-' || tokens[i]!.text === '+')) i += 1
  const token = tokens[i]
  if (token === undefined) return i
  i += 1
  if (token.kind === 'word') {
    const next = tokens[i]
    if (
      next !== undefined &&
      next.start === token.end &&
      (next.kind === 'group' || next.kind === 'string')
    ) {
      i += 1
    } else if (next?.text === '.' && tokens[i + 1]?.kind === 'word') {
      // A decimal number: 1.5
      i += 2
    }
  }
  return i
}

function unquote(quoted: string): string {
  const q = quoted[0]!
  return quoted.slice(1, -1).replaceAll(`${q}${q}`, q)
}

/**
 * The tokens of MySQL SQL, read by core's scanner (`MYSQL_SQL`): enough to find clause
 * boundaries, never to interpret values. A parenthesised run is one `group` token; `"x"` is
 * `quoted` like `` `x` `` (the server writes names in double quotes under `ANSI_QUOTES`).
 */
function tokenize(sql: string, options: MysqlSqlModeOptions): Token[] {
  const lexicon =
    options.noBackslashEscapes === true ? { ...MYSQL_SQL, backslashEscapes: false } : MYSQL_SQL
  const scanned = sqlTokens(sql, lexicon, { comments: true })
  const tokens: Token[] = []
  for (let k = 0; k < scanned.length; k++) {
    const token = scanned[k]!
    const { start, text } = token
    if (token.kind === 'punct' && text === '(') {
      const close = closingParen(scanned, k) ?? scanned.length
      const end = scanned[close - 1]!.end
      tokens.push({ kind: 'group', text: sql.slice(start, end), start, end })
      k = close - 1
      continue
    }
    const kind: Token['kind'] =
      token.kind === 'word' || token.kind === 'number'
        ? 'word'
        : token.kind === 'identifier' || (token.kind === 'string' && text.startsWith('"'))
          ? 'quoted'
          : token.kind === 'string' || token.kind === 'blob'
            ? 'string'
            : token.kind === 'comment'
              ? 'comment'
              : 'symbol'
    tokens.push({ kind, text, start, end: token.end })
  }
  return tokens
}
