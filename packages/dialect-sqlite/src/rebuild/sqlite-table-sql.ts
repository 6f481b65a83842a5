import {
  closingParen,
  identifierValue,
  isKeyword,
  isName,
  isObjectName,
  mentions,
  splitTopLevel,
  SqlSyntaxError,
  type SqlToken,
  tokenizeSql,
} from './sqlite-sql-tokens.js'

/** The kind of a column constraint clause. */
export type ColumnClauseKind =
  | 'primaryKey'
  | 'notNull'
  | 'null'
  | 'unique'
  | 'check'
  | 'default'
  | 'collate'
  | 'references'
  | 'generated'

/**
 * One constraint clause of a column (`NOT NULL`, `DEFAULT 0`, `CONSTRAINT "ck" CHECK (...)`),
 * kept as written.
 *
 * @example
 * ```ts
 * const clause: ColumnClauseSql = { kind: 'notNull', text: 'NOT NULL', tokens: [] }
 * ```
 */
export interface ColumnClauseSql {
  readonly kind: ColumnClauseKind
  readonly name?: string | undefined
  readonly text: string
  readonly tokens: readonly SqlToken[]
}

/**
 * A column of a parsed `CREATE TABLE`. `text` is the definition as written while nothing
 * changed it; `source` is the column of the old table its values are copied from (none for
 * a new column).
 *
 * @example
 * ```ts
 * const column: ColumnSql = { name: 'id', nameText: 'id', type: 'INTEGER', clauses: [], source: 'id' }
 * ```
 */
export interface ColumnSql {
  name: string
  nameText: string
  type: string
  clauses: ColumnClauseSql[]
  text?: string | undefined
  source?: string | undefined
}

/**
 * A table constraint of a parsed `CREATE TABLE`, kept as written. `columns` are the key
 * columns (primary key, unique, the local columns of a foreign key).
 *
 * @example
 * ```ts
 * const unique: ConstraintSql = { kind: 'unique', name: 'uq', columns: ['a'], text: 'CONSTRAINT uq UNIQUE (a)', tokens: [] }
 * ```
 */
export interface ConstraintSql {
  readonly kind: 'primaryKey' | 'unique' | 'check' | 'foreignKey'
  readonly name?: string | undefined
  readonly columns: readonly string[]
  readonly text: string
  readonly tokens: readonly SqlToken[]
}

/**
 * A `CREATE TABLE` statement taken apart into columns, table constraints and the table
 * options after the parentheses (`WITHOUT ROWID`, `STRICT`). The rebuild changes this
 * model and writes it back; what it does not change is copied verbatim.
 *
 * @example
 * ```ts
 * const table: TableSql = parseCreateTable('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')
 * table.columns.map((c) => c.name) // ['id', 'name']
 * ```
 */
export interface TableSql {
  name: string
  columns: ColumnSql[]
  constraints: ConstraintSql[]
  options: string
}

const TABLE_CONSTRAINT_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'])
const CLAUSE_WORDS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
])

/**
 * Parses a `CREATE TABLE` statement as SQLite stores it in `sqlite_master`.
 *
 * @example
 * ```ts
 * parseCreateTable('CREATE TABLE "t" (a INTEGER NOT NULL, CONSTRAINT uq UNIQUE (a))').constraints[0]?.name // 'uq'
 * ```
 */
export function parseCreateTable(sql: string): TableSql {
  const tokens = tokenizeSql(sql)
  let i = 0
  const expect = (word: string) => {
    if (!isKeyword(tokens[i], word)) {
      throw new SqlSyntaxError(`expected ${word} at '${tokens[i]?.text ?? 'the end'}'`)
    }
    i++
  }
  expect('CREATE')
  if (isKeyword(tokens[i], 'TEMP') || isKeyword(tokens[i], 'TEMPORARY')) i++
  expect('TABLE')
  if (isKeyword(tokens[i], 'IF')) {
    i++
    expect('NOT')
    expect('EXISTS')
  }
  let nameToken = tokens[i]
  if (tokens[i + 1]?.text === '.') {
    i += 2
    nameToken = tokens[i]
  }
  if (!isObjectName(nameToken)) {
    throw new SqlSyntaxError('expected the table name')
  }
  i++
  if (tokens[i]?.text !== '(') {
    throw new SqlSyntaxError(
      "expected '(' and a column list (CREATE TABLE ... AS is not supported)",
    )
  }
  const close = closingParen(tokens, i)
  const table: TableSql = {
    name: identifierValue(nameToken),
    columns: [],
    constraints: [],
    options: sql
      .slice((tokens[close - 1] as SqlToken).end)
      .trim()
      .replace(/;$/, '')
      .trim(),
  }
  for (const [from, to] of splitTopLevel(tokens, i + 1, close - 1)) {
    const first = tokens[from] as SqlToken
    if (
      table.constraints.length > 0 ||
      (first.kind === 'word' && TABLE_CONSTRAINT_WORDS.has(first.text.toUpperCase()))
    ) {
      table.constraints.push(parseTableConstraint(sql, tokens, from, to))
    } else {
      table.columns.push(parseColumn(sql, tokens, from, to))
    }
  }
  if (table.columns.length === 0) throw new SqlSyntaxError('the table has no columns')
  return table
}

/**
 * Parses one column definition (`"email" VARCHAR(255) NOT NULL UNIQUE`).
 *
 * @example
 * ```ts
 * parseColumnDefinition('"n" TEXT DEFAULT \'x\'').clauses[0]?.kind // 'default'
 * ```
 */
export function parseColumnDefinition(text: string): ColumnSql {
  const tokens = tokenizeSql(text)
  return parseColumn(text, tokens, 0, tokens.length)
}

/**
 * Parses one table constraint (`CONSTRAINT "uq" UNIQUE ("a")`).
 *
 * @example
 * ```ts
 * parseConstraintDefinition('PRIMARY KEY (a, b)').columns // ['a', 'b']
 * ```
 */
export function parseConstraintDefinition(text: string): ConstraintSql {
  const tokens = tokenizeSql(text)
  return parseTableConstraint(text, tokens, 0, tokens.length)
}

/**
 * Writes a column back: as written when unchanged, else from its parts.
 *
 * @example
 * ```ts
 * renderColumnSql(parseColumnDefinition('a TEXT NOT NULL')) // 'a TEXT NOT NULL'
 * ```
 */
export function renderColumnSql(column: ColumnSql): string {
  if (column.text !== undefined) return column.text
  const type = column.type === '' ? '' : ` ${column.type}`
  return `${column.nameText}${type}${column.clauses.map((clause) => ` ${clause.text}`).join('')}`
}

/**
 * Writes the table back as `CREATE TABLE <qualifiedName> (...) <options>`.
 *
 * @example
 * ```ts
 * renderTableSql(parseCreateTable('CREATE TABLE t (a)'), '"t2"') // 'CREATE TABLE "t2" (a)'
 * ```
 */
export function renderTableSql(table: TableSql, qualifiedName: string): string {
  const items = [
    ...table.columns.map(renderColumnSql),
    ...table.constraints.map((constraint) => constraint.text),
  ]
  return `CREATE TABLE ${qualifiedName} (${items.join(', ')})${table.options === '' ? '' : ` ${table.options}`}`
}

/**
 * Whether a column clause or table constraint names `column`.
 *
 * @example
 * ```ts
 * usesColumn(parseConstraintDefinition('CHECK (a > b)'), 'b') // true
 * ```
 */
export function usesColumn(
  part: { readonly tokens: readonly SqlToken[] },
  column: string,
): boolean {
  return mentions(part.tokens, column)
}

/**
 * Whether a `CREATE INDEX` statement uses `column` (as an entry, in an expression or in its
 * WHERE clause).
 *
 * @example
 * ```ts
 * indexUsesColumn('CREATE INDEX ix ON t (lower(email)) WHERE active', 'active') // true
 * ```
 */
export function indexUsesColumn(sql: string, column: string): boolean {
  const tokens = tokenizeSql(sql)
  const on = tokens.findIndex((t) => isKeyword(t, 'ON'))
  return on !== -1 && mentions(tokens.slice(on + 2), column)
}

/**
 * Puts `"schema".` before the name of a `CREATE INDEX` / `CREATE TRIGGER` statement read
 * from an attached database's `sqlite_master` (which stores it without one), so that it is
 * created in that database again.
 *
 * @example
 * ```ts
 * qualifyCreateStatement('CREATE INDEX ix ON t (a)', 'aux') // 'CREATE INDEX "aux".ix ON t (a)'
 * ```
 */
export function qualifyCreateStatement(sql: string, schema: string | undefined): string {
  if (schema === undefined || schema === '') return sql
  const tokens = tokenizeSql(sql)
  let i = 1
  while (
    ['UNIQUE', 'TEMP', 'TEMPORARY', 'INDEX', 'TRIGGER', 'IF', 'NOT', 'EXISTS'].some((w) =>
      isKeyword(tokens[i], w),
    )
  ) {
    i++
  }
  const name = tokens[i]
  if (name === undefined || tokens[i + 1]?.text === '.') return sql
  return `${sql.slice(0, name.start)}"${schema.replaceAll('"', '""')}".${sql.slice(name.start)}`
}

function parseColumn(
  sql: string,
  tokens: readonly SqlToken[],
  from: number,
  to: number,
): ColumnSql {
  const nameToken = tokens[from]
  if (!isObjectName(nameToken)) {
    throw new SqlSyntaxError(`expected a column name at '${tokens[from]?.text ?? 'the end'}'`)
  }
  const name = identifierValue(nameToken)
  let i = from + 1
  let depth = 0
  for (; i < to; i++) {
    const t = tokens[i] as SqlToken
    if (t.text === '(') depth++
    else if (t.text === ')') depth--
    else if (depth === 0 && t.kind === 'word' && CLAUSE_WORDS.has(t.text.toUpperCase())) break
  }
  const type =
    i > from + 1
      ? sql.slice((tokens[from + 1] as SqlToken).start, (tokens[i - 1] as SqlToken).end)
      : ''
  const clauses: ColumnClauseSql[] = []
  while (i < to) {
    const start = i
    let clauseName: string | undefined
    if (isKeyword(tokens[i], 'CONSTRAINT')) {
      const n = tokens[i + 1]
      if (!isObjectName(n)) {
        throw new SqlSyntaxError(`column '${name}': expected a constraint name`)
      }
      clauseName = identifierValue(n)
      i += 2
    }
    const [kind, end] = columnClause(tokens, i, to, name)
    i = end
    clauses.push({
      kind,
      name: clauseName,
      text: sql.slice((tokens[start] as SqlToken).start, (tokens[end - 1] as SqlToken).end),
      tokens: tokens.slice(start, end),
    })
  }
  return {
    name,
    nameText: nameToken.text,
    type,
    clauses,
    text: sql.slice(nameToken.start, (tokens[to - 1] as SqlToken).end),
    source: name,
  }
}

/** Reads one column clause starting at `i`; returns its kind and the index past it. */
function columnClause(
  tokens: readonly SqlToken[],
  i: number,
  to: number,
  column: string,
): [ColumnClauseKind, number] {
  const word = (tokens[i]?.kind === 'word' ? tokens[i]?.text.toUpperCase() : undefined) ?? ''
  const conflict = (j: number) =>
    isKeyword(tokens[j], 'ON') && isKeyword(tokens[j + 1], 'CONFLICT') ? j + 3 : j
  const parens = (j: number) => {
    if (tokens[j]?.text !== '(') throw new SqlSyntaxError(`expected '(' after ${word}`)
    return closingParen(tokens, j)
  }
  switch (word) {
    case 'PRIMARY': {
      if (!isKeyword(tokens[i + 1], 'KEY')) throw new SqlSyntaxError('expected PRIMARY KEY')
      let j = i + 2
      if (isKeyword(tokens[j], 'ASC') || isKeyword(tokens[j], 'DESC')) j++
      j = conflict(j)
      if (isKeyword(tokens[j], 'AUTOINCREMENT')) j++
      return ['primaryKey', j]
    }
    case 'NOT':
      if (!isKeyword(tokens[i + 1], 'NULL')) throw new SqlSyntaxError('expected NOT NULL')
      return ['notNull', conflict(i + 2)]
    case 'NULL':
      return ['null', conflict(i + 1)]
    case 'UNIQUE':
      return ['unique', conflict(i + 1)]
    case 'CHECK':
      return ['check', parens(i + 1)]
    case 'DEFAULT': {
      const next = tokens[i + 1]
      if (next === undefined) throw new SqlSyntaxError('expected a value after DEFAULT')
      if (next.text === '(') return ['default', closingParen(tokens, i + 1)]
      if (next.kind === 'operator' && (next.text === '-' || next.text === '+')) {
        return ['default', i + 3]
      }
      return ['default', i + 2]
    }
    case 'COLLATE':
      return ['collate', i + 2]
    case 'REFERENCES':
      return ['references', foreignKeyClause(tokens, i + 1)]
    case 'GENERATED':
      if (!isKeyword(tokens[i + 1], 'ALWAYS') || !isKeyword(tokens[i + 2], 'AS')) {
        throw new SqlSyntaxError('expected GENERATED ALWAYS AS')
      }
      return ['generated', storage(tokens, parens(i + 3))]
    case 'AS':
      return ['generated', storage(tokens, parens(i + 1))]
    default:
      throw new SqlSyntaxError(
        `column '${column}': cannot read '${tokens[i]?.text ?? 'the end'}' (${to - i} tokens left)`,
      )
  }
}

function storage(tokens: readonly SqlToken[], j: number): number {
  return isKeyword(tokens[j], 'STORED') || isKeyword(tokens[j], 'VIRTUAL') ? j + 1 : j
}

/** Reads `table [(columns)] [ON DELETE|UPDATE action] [MATCH x] [[NOT] DEFERRABLE [INITIALLY x]]`. */
function foreignKeyClause(tokens: readonly SqlToken[], i: number): number {
  let j = i + 1
  if (tokens[j]?.text === '(') j = closingParen(tokens, j)
  for (;;) {
    if (isKeyword(tokens[j], 'ON') && !isKeyword(tokens[j + 1], 'CONFLICT')) {
      j += 2
      j += isKeyword(tokens[j], 'SET') || isKeyword(tokens[j], 'NO') ? 2 : 1
    } else if (isKeyword(tokens[j], 'MATCH')) {
      j += 2
    } else if (
      isKeyword(tokens[j], 'DEFERRABLE') ||
      (isKeyword(tokens[j], 'NOT') && isKeyword(tokens[j + 1], 'DEFERRABLE'))
    ) {
      j += isKeyword(tokens[j], 'NOT') ? 2 : 1
      if (isKeyword(tokens[j], 'INITIALLY')) j += 2
    } else {
      return j
    }
  }
}

function parseTableConstraint(
  sql: string,
  tokens: readonly SqlToken[],
  from: number,
  to: number,
): ConstraintSql {
  let i = from
  let name: string | undefined
  if (isKeyword(tokens[i], 'CONSTRAINT')) {
    const n = tokens[i + 1]
    if (!isObjectName(n)) {
      throw new SqlSyntaxError('expected a constraint name')
    }
    name = identifierValue(n)
    i += 2
  }
  const word = tokens[i]?.text.toUpperCase()
  const columnsAt = (j: number): string[] => {
    if (tokens[j]?.text !== '(') throw new SqlSyntaxError(`expected '(' after ${word ?? ''}`)
    const close = closingParen(tokens, j)
    return splitTopLevel(tokens, j + 1, close - 1).flatMap(([a]) => {
      const t = tokens[a]
      return isName(t) && tokens[a + 1]?.text !== '(' ? [identifierValue(t)] : []
    })
  }
  let kind: ConstraintSql['kind']
  let columns: string[] = []
  if (word === 'PRIMARY' && isKeyword(tokens[i + 1], 'KEY')) {
    kind = 'primaryKey'
    columns = columnsAt(i + 2)
  } else if (word === 'UNIQUE') {
    kind = 'unique'
    columns = columnsAt(i + 1)
  } else if (word === 'CHECK') {
    kind = 'check'
  } else if (word === 'FOREIGN' && isKeyword(tokens[i + 1], 'KEY')) {
    kind = 'foreignKey'
    columns = columnsAt(i + 2)
  } else {
    throw new SqlSyntaxError(`cannot read the table constraint at '${tokens[i]?.text ?? ''}'`)
  }
  return {
    kind,
    name,
    columns,
    text: sql.slice((tokens[from] as SqlToken).start, (tokens[to - 1] as SqlToken).end),
    tokens: tokens.slice(from, to),
  }
}
