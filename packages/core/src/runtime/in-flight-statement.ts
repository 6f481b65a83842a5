import type { Connection, Introspector, QualifiedName } from '../dialect.js'
import type { InFlightCheck } from '../errors.js'
import type { ProgressRecord } from '../progress-record.js'

/**
 * The object a `CREATE`/`DROP TABLE` or `CREATE`/`DROP INDEX` statement makes or removes:
 * what tells, afterwards, whether that statement took effect.
 *
 * @example
 * ```ts
 * const target: StatementObject = { action: 'create', kind: 'index', name: 'ix_a', table: { name: 't' } }
 * ```
 */
export interface StatementObject {
  readonly action: 'create' | 'drop'
  readonly kind: 'table' | 'index'
  readonly name: string
  readonly schema?: string | undefined
  /** The table of an index, when the statement names it (`ON t`). */
  readonly table?: QualifiedName | undefined
}

/**
 * Reads which table or index a statement creates or drops, from its text as the progress
 * table keeps it (identifiers quoted with `"`, `` ` `` or `[]`, or bare). Any other
 * statement gives `undefined`: there is no object to look for.
 *
 * @example
 * ```ts
 * statementObject('CREATE TABLE IF NOT EXISTS `app`.`t` (id INT)') // { action: 'create', kind: 'table', name: 't', schema: 'app' }
 * ```
 */
export function statementObject(sql: string): StatementObject | undefined {
  const tokens = tokenize(sql)
  let i = 0
  const word = (...words: string[]) => {
    const token = tokens[i]
    if (token?.kind === 'word' && words.includes(token.text.toUpperCase())) {
      i += 1
      return true
    }
    return false
  }
  const name = (): QualifiedName | undefined => {
    const first = tokens[i]
    if (first === undefined || first.kind === 'symbol') return undefined
    i += 1
    if (
      tokens[i]?.text === '.' &&
      tokens[i + 1] !== undefined &&
      tokens[i + 1]!.kind !== 'symbol'
    ) {
      const second = tokens[i + 1]!
      i += 2
      return { name: second.value, schema: first.value }
    }
    return { name: first.value }
  }
  const ifExists = () => {
    const at = i
    if (word('IF')) {
      word('NOT')
      if (word('EXISTS')) return
    }
    i = at
  }

  let action: StatementObject['action']
  if (word('CREATE')) action = 'create'
  else if (word('DROP')) action = 'drop'
  else return undefined

  if (action === 'create') {
    word('TEMPORARY', 'TEMP')
    word('UNLOGGED')
    word('UNIQUE')
  }
  let kind: StatementObject['kind']
  if (word('TABLE')) kind = 'table'
  else if (word('INDEX')) kind = 'index'
  else return undefined
  word('CONCURRENTLY')
  ifExists()
  const object = name()
  if (object === undefined) return undefined
  if (kind === 'table') return { action, kind, name: object.name, schema: object.schema }
  let table: QualifiedName | undefined
  if (word('ON')) {
    word('ONLY')
    table = name()
  }
  // SQLite qualifies the index and leaves its table bare; PostgreSQL the other way round.
  const schema = object.schema ?? table?.schema
  return {
    action,
    kind,
    name: object.name,
    schema,
    table: table === undefined ? undefined : { name: table.name, schema },
  }
}

/**
 * For a record whose statement was running when the process stopped, whether that
 * statement took effect: when it creates or drops a table or an index whose table it
 * names, the introspector says whether the object is there now. `undefined` when that
 * cannot be told (another kind of statement, a failed rather than interrupted one, or an
 * introspection error).
 *
 * @example
 * ```ts
 * const check = await checkInFlight(record, connection, dialect.createIntrospector())
 * check?.completed // true: the CREATE TABLE ran before the process stopped
 * ```
 */
export async function checkInFlight(
  record: ProgressRecord,
  connection: Connection,
  introspector: Introspector,
): Promise<InFlightCheck | undefined> {
  if (record.state !== 'running' || record.statement === null) return undefined
  const target = statementObject(record.statement)
  if (target === undefined) return undefined
  try {
    let exists: boolean
    let object: string
    if (target.kind === 'table') {
      object = `table '${target.name}'`
      exists = (await introspector.getTable(connection, target)) !== undefined
    } else {
      if (target.table === undefined) return undefined
      object = `index '${target.name}' of table '${target.table.name}'`
      const table = await introspector.getTable(connection, target.table)
      exists = table?.indexes.some((index) => index.name === target.name) ?? false
    }
    const completed = target.action === 'create' ? exists : !exists
    return Object.freeze({ object, exists, completed })
  } catch {
    // The schema could not be read: the message asks for a check by hand.
    return undefined
  }
}

interface Token {
  readonly kind: 'word' | 'quoted' | 'symbol'
  readonly text: string
  /** The identifier without its quotes. */
  readonly value: string
}

/** Words, quoted identifiers and single symbols; whitespace and comments skipped. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < sql.length && tokens.length < 40) {
    const c = sql[i]!
    if (/\s/.test(c)) {
      i += 1
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end + 1
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end === -1 ? sql.length : end + 2
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c
      let j = i + 1
      let value = ''
      while (j < sql.length) {
        if (sql[j] === close) {
          if (close !== ']' && sql[j + 1] === close) {
            value += close
            j += 2
            continue
          }
          break
        }
        value += sql[j]
        j += 1
      }
      tokens.push({ kind: 'quoted', text: sql.slice(i, j + 1), value })
      i = j + 1
    } else if (/[A-Za-z0-9_$\u0080-\uffff]/.test(c)) {
      let j = i
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j]!)) j += 1
      const text = sql.slice(i, j)
      tokens.push({ kind: 'word', text, value: text })
      i = j
    } else {
      tokens.push({ kind: 'symbol', text: c, value: c })
      i += 1
    }
  }
  return tokens
}
