import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { TableInfo } from '../dialect.js'
import { RetortError } from '../errors.js'
import type { Operation } from '../operations/operation.js'
import { Operations } from '../operations/operations.js'

/**
 * A rename the user states (`--rename`): autogenerate never guesses one, as a dropped and
 * an added column of the same type are as often two unrelated changes.
 *
 * @example
 * ```ts
 * const hints: RenameHint[] = [
 *   { kind: 'table', from: 'item', to: 'product' },
 *   { kind: 'column', table: 'product', from: 'title', to: 'name' },
 * ]
 * ```
 */
export type RenameHint =
  | { readonly kind: 'table'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'column'
      /** The table's name in the declared schema (its old name is accepted too). */
      readonly table: string
      readonly from: string
      readonly to: string
    }

/**
 * A rename hint that is malformed or does not fit the two schemas; the message names it.
 *
 * @example
 * ```ts
 * try { parseRenameHint('nothing') } catch (error) { error instanceof RenameHintError } // true
 * ```
 */
export class RenameHintError extends RetortError {
  constructor(message: string) {
    super('rename-hint', message)
  }
}

/**
 * Reads `OLD:NEW` (a table) or `TABLE.OLD:NEW` (a column of TABLE; `TABLE.OLD:TABLE.NEW`
 * too).
 *
 * @example
 * ```ts
 * parseRenameHint('account.mail:email') // { kind: 'column', table: 'account', from: 'mail', to: 'email' }
 * parseRenameHint('item:product')       // { kind: 'table', from: 'item', to: 'product' }
 * ```
 */
export function parseRenameHint(text: string): RenameHint {
  const bad = (why: string): never => {
    throw new RenameHintError(
      `--rename '${text}' ${why}; write OLD:NEW for a table or TABLE.OLD:NEW for a column`,
    )
  }
  const parts = text.split(':')
  if (parts.length !== 2) bad('needs exactly one ":"')
  const [left, right] = parts.map((p) => p.trim()) as [string, string]
  const leftNames = left.split('.')
  const rightNames = right.split('.')
  if ([...leftNames, ...rightNames].some((name) => name === '')) bad('has an empty name')
  if (leftNames.length === 1) {
    if (rightNames.length !== 1) bad('renames a table to a column')
    if (left === right) bad('renames a table to itself')
    return Object.freeze({ kind: 'table', from: left, to: right })
  }
  if (leftNames.length !== 2) bad('has more than TABLE.COLUMN on the left')
  const [table, from] = leftNames as [string, string]
  let to = right
  if (rightNames.length === 2) {
    if (rightNames[0] !== table) bad(`moves a column to another table ('${rightNames[0]}')`)
    to = rightNames[1]!
  } else if (rightNames.length > 2) bad('has more than TABLE.COLUMN on the right')
  if (from === to) bad('renames a column to itself')
  return Object.freeze({ kind: 'column', table, from, to })
}

/**
 * Applies rename hints before a comparison: checks each against the two schemas (the old
 * name exists in `source`, what the revisions make, and not in `target`, the declared
 * schema; the new name the other way round), renames in `source` (with the foreign keys,
 * indexes and constraints that name the table or column), and returns the renamed source
 * with the `renameTable` / `alterColumn(..., { newName })` operations to put first. Throws
 * {@link RenameHintError} naming the hint that does not fit. Pure.
 *
 * @example
 * ```ts
 * const { source: renamed, operations } = applyRenameHints(source, target, [parseRenameHint('item:product')])
 * const diff = diffSchemas(renamed, target) // the rest of the differences
 * ```
 */
export function applyRenameHints(
  source: SchemaSnapshot,
  target: SchemaSnapshot,
  hints: readonly RenameHint[],
): { readonly source: SchemaSnapshot; readonly operations: readonly Operation[] } {
  const op = new Operations({ dialect: 'autogenerate', offline: true })
  let tables = [...source.tables]
  const targetTables = new Map(target.tables.map((t) => [t.name, t]))
  const renamedTables = new Map<string, string>()
  const seen = new Set<string>()

  for (const hint of hints.filter((h) => h.kind === 'table')) {
    if (seen.has(hint.from) || renamedTables.has(hint.from))
      fail(hint, `'${hint.from}' is renamed twice`)
    seen.add(hint.from)
    if (!tables.some((t) => t.name === hint.from))
      fail(hint, `the revisions make no table '${hint.from}'`)
    if (targetTables.has(hint.from))
      fail(hint, `'${hint.from}' is still declared, so it is not renamed`)
    if (!targetTables.has(hint.to)) fail(hint, `no table '${hint.to}' is declared`)
    if (tables.some((t) => t.name === hint.to))
      fail(hint, `the revisions already make a table '${hint.to}'`)
    op.renameTable(hint.from, hint.to)
    renamedTables.set(hint.from, hint.to)
    tables = tables.map((table) => renameTable(table, hint.from, hint.to))
  }

  const renamedColumns = new Set<string>()
  for (const hint of hints) {
    if (hint.kind !== 'column') continue
    const tableName = renamedTables.get(hint.table) ?? hint.table
    const table = tables.find((t) => t.name === tableName)
    const declared = targetTables.get(tableName)
    if (table === undefined || declared === undefined) {
      fail(hint, `no table '${hint.table}' is both made by the revisions and declared`)
    }
    const key = `${tableName}.${hint.from}`
    if (renamedColumns.has(key)) fail(hint, `'${key}' is renamed twice`)
    renamedColumns.add(key)
    if (!table.columns.some((c) => c.name === hint.from))
      fail(hint, `the revisions make no column '${tableName}.${hint.from}'`)
    if (declared.columns.some((c) => c.name === hint.from))
      fail(hint, `'${tableName}.${hint.from}' is still declared, so it is not renamed`)
    if (!declared.columns.some((c) => c.name === hint.to))
      fail(hint, `no column '${tableName}.${hint.to}' is declared`)
    if (table.columns.some((c) => c.name === hint.to))
      fail(hint, `the revisions already make a column '${tableName}.${hint.to}'`)
    op.alterColumn(tableName, hint.from, { newName: hint.to })
    tables = tables.map((t) => renameColumn(t, tableName, hint.from, hint.to))
  }
  return Object.freeze({
    source: Object.freeze({ tables: Object.freeze(tables) }),
    operations: Object.freeze(op.takePending()),
  })
}

function fail(hint: RenameHint, why: string): never {
  const text =
    hint.kind === 'table' ? `${hint.from}:${hint.to}` : `${hint.table}.${hint.from}:${hint.to}`
  throw new RenameHintError(`--rename '${text}': ${why}`)
}

function renameTable(table: TableInfo, from: string, to: string): TableInfo {
  const foreignKeys = table.foreignKeys?.map((key) =>
    key.references.table === from ? { ...key, references: { ...key.references, table: to } } : key,
  )
  return Object.freeze({
    ...table,
    ...(table.name === from ? { name: to } : {}),
    ...(foreignKeys === undefined ? {} : { foreignKeys }),
  })
}

function renameColumn(table: TableInfo, owner: string, from: string, to: string): TableInfo {
  const swap = (name: string) => (name === from ? to : name)
  const foreignKeys = table.foreignKeys?.map((key) => ({
    ...key,
    ...(table.name === owner ? { columns: key.columns.map(swap) } : {}),
    references:
      key.references.table === owner
        ? { ...key.references, columns: key.references.columns.map(swap) }
        : key.references,
  }))
  if (table.name !== owner) {
    return foreignKeys === undefined ? table : Object.freeze({ ...table, foreignKeys })
  }
  return Object.freeze({
    ...table,
    columns: table.columns.map((c) => (c.name === from ? { ...c, name: to } : c)),
    indexes: table.indexes.map((i) => ({ ...i, columns: i.columns.map(swap) })),
    ...(foreignKeys === undefined ? {} : { foreignKeys }),
  })
}
