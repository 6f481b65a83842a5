import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { CheckInfo, ColumnInfo, ForeignKeyInfo, IndexInfo, TableInfo } from '../dialect.js'
import { ConfigError } from '../errors.js'

/** The `format` value of a schema snapshot file; another value is refused. */
export const SCHEMA_SNAPSHOT_FORMAT = 'retort-schema-snapshot/1'

/**
 * The contents of a schema snapshot file: which dialect made it, the heads it was made at,
 * and the schema.
 *
 * @example
 * ```ts
 * const file: SchemaSnapshotFile = { dialect: 'sqlite', heads: ['3f1c2a9b7d10'], snapshot: { tables: [] } }
 * ```
 */
export interface SchemaSnapshotFile {
  readonly dialect: string
  readonly heads: readonly string[]
  readonly snapshot: SchemaSnapshot
}

/**
 * The default snapshot file of a dialect: `retort-schema.<dialect>.json` (one per dialect,
 * as each database spells types and defaults its own way).
 *
 * @example
 * ```ts
 * snapshotFileName('postgresql') // 'retort-schema.postgresql.json'
 * ```
 */
export function snapshotFileName(dialect: string): string {
  return `retort-schema.${dialect.replace(/[^A-Za-z0-9_-]/g, '_')}.json`
}

/**
 * Writes a schema snapshot as stable, reviewable JSON: tables by name, indexes by name,
 * foreign keys and checks in a fixed order, keys in a fixed order, one column, index or
 * constraint per line (however long), nothing that names the scratch database (its schema). The same
 * schema always gives the same text, so that the file changes in a review exactly where
 * the schema changed.
 *
 * @example
 * ```ts
 * writeFileSync(path, formatSchemaSnapshotFile({ dialect: 'sqlite', heads, snapshot }))
 * ```
 */
export function formatSchemaSnapshotFile(file: SchemaSnapshotFile): string {
  const document = {
    format: SCHEMA_SNAPSHOT_FORMAT,
    dialect: file.dialect,
    heads: [...file.heads].sort(),
    tables: [...file.snapshot.tables].sort((a, b) => compareText(a.name, b.name)).map(normalTable),
  }
  return `${formatJson(document, '', 0)}\n`
}

/**
 * Reads a schema snapshot file written by {@link formatSchemaSnapshotFile}. Throws
 * `ConfigError` naming the file when it is not one.
 *
 * @example
 * ```ts
 * const { dialect, snapshot } = parseSchemaSnapshotFile(readFileSync(path, 'utf8'), path)
 * ```
 */
export function parseSchemaSnapshotFile(text: string, path: string): SchemaSnapshotFile {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(
      `schema snapshot file '${path}' is not JSON (${(error as Error).message}); rewrite it with 'retort test --update'`,
    )
  }
  const bad = (what: string) =>
    new ConfigError(
      `schema snapshot file '${path}': ${what}; rewrite it with 'retort test --update'`,
    )
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw bad('expected an object')
  const d = document as Record<string, unknown>
  if (d['format'] !== SCHEMA_SNAPSHOT_FORMAT)
    throw bad(`'format' is ${JSON.stringify(d['format'])}, expected '${SCHEMA_SNAPSHOT_FORMAT}'`)
  if (typeof d['dialect'] !== 'string') throw bad("'dialect' must be a string")
  const heads = d['heads']
  if (!Array.isArray(heads) || heads.some((h) => typeof h !== 'string'))
    throw bad("'heads' must be a list of revision ids")
  const tables = d['tables']
  if (!Array.isArray(tables)) throw bad("'tables' must be a list")
  tables.forEach((table: unknown, i) => {
    const t = table as Record<string, unknown> | null
    if (
      typeof t !== 'object' ||
      t === null ||
      typeof t['name'] !== 'string' ||
      !Array.isArray(t['columns']) ||
      !Array.isArray(t['indexes'])
    ) {
      throw bad(`table ${i + 1} must have a name, columns and indexes`)
    }
  })
  return Object.freeze({
    dialect: d['dialect'],
    heads: Object.freeze([...(heads as string[])]),
    snapshot: Object.freeze({ tables: Object.freeze(tables as TableInfo[]) }),
  })
}

function normalTable(table: TableInfo): Record<string, unknown> {
  return omitUndefined({
    name: table.name,
    columns: table.columns.map(normalColumn),
    indexes: [...table.indexes].sort((a, b) => compareText(a.name, b.name)).map(normalIndex),
    foreignKeys:
      table.foreignKeys === undefined
        ? undefined
        : table.foreignKeys
            .map(normalForeignKey)
            .sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b))),
    checks:
      table.checks === undefined
        ? undefined
        : table.checks
            .map((c: CheckInfo) => omitUndefined({ name: c.name, expression: c.expression }))
            .sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b))),
    comment: table.comment,
  })
}

function normalColumn(column: ColumnInfo): Record<string, unknown> {
  return omitUndefined({
    name: column.name,
    type: column.type,
    nullable: column.nullable,
    defaultSql: column.defaultSql,
    primaryKey: column.primaryKey,
    autoincrement: column.autoincrement,
    comment: column.comment,
  })
}

function normalIndex(index: IndexInfo): Record<string, unknown> {
  return omitUndefined({
    name: index.name,
    columns: [...index.columns],
    unique: index.unique,
    constraint: index.constraint,
    where: index.where,
  })
}

function normalForeignKey(key: ForeignKeyInfo): Record<string, unknown> {
  return omitUndefined({
    name: key.name,
    columns: [...key.columns],
    // The referenced schema is left out: on PostgreSQL it is the scratch schema's random name.
    references: { table: key.references.table, columns: [...key.references.columns] },
    onDelete: key.onDelete,
    onUpdate: key.onUpdate,
  })
}

function omitUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
}

/** Code-point order, the same on every machine (no locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The widest line kept on one line. */
const LINE_WIDTH = 100

/**
 * JSON with two-space indentation, where an array or object that fits on one line (at its
 * indentation) is written on one line: a column, an index, a list of column names.
 */
function formatJson(value: unknown, indent: string, keyWidth: number): string {
  const flat = flatJson(value)
  if (typeof value !== 'object' || value === null) return flat
  if (indent.length + keyWidth + flat.length <= LINE_WIDTH || isRecord(value, 2)) return flat
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((item) => `${inner}${formatJson(item, inner, 0)}`).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  return `{\n${entries
    .map(([key, item]) => {
      const label = `${JSON.stringify(key)}: `
      return `${inner}${label}${formatJson(item, inner, label.length)}`
    })
    .join(',\n')}\n${indent}}`
}

/**
 * A column, an index, a constraint: an object of scalars, lists of scalars and (down to
 * `depth`) such objects. Written on one line whatever its width.
 */
function isRecord(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth === 0)
    return false
  return Object.values(value).every(
    (v) =>
      typeof v !== 'object' ||
      v === null ||
      (Array.isArray(v)
        ? v.every((x) => typeof x !== 'object' || x === null)
        : isRecord(v, depth - 1)),
  )
}

/** One-line JSON with a space after `:` and `,`, and inside braces. */
function flatJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flatJson(v)}`).join(', ')} }`
  }
  return JSON.stringify(value) ?? 'null'
}
