import { generatedName, sameCheck } from '../autogenerate/diff-schemas.js'
import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { CheckInfo, ColumnInfo, ForeignKeyInfo, IndexInfo, TableInfo } from '../dialect.js'

/** The kinds of schema object {@link compareSnapshots} tells apart. */
export type SchemaObjectKind =
  | 'table'
  | 'column'
  | 'primary key'
  | 'index'
  | 'unique constraint'
  | 'foreign key'
  | 'check constraint'
  | 'table comment'

/**
 * One aspect of an object present on both sides that differs: what it is on each side, in
 * the database's own words (`VARCHAR(80)`, `'draft'::text`, `none`).
 *
 * @example
 * ```ts
 * const aspect: ChangedAspect = { aspect: 'default', before: "'draft'", after: 'none' }
 * ```
 */
export interface ChangedAspect {
  readonly aspect: string
  readonly before: string
  readonly after: string
}

/**
 * One way two schema snapshots differ: an object only in `after` (`added`), only in
 * `before` (`removed`), or in both but not alike (`changed`, with the aspects).
 *
 * @example
 * ```ts
 * const change: SchemaObjectChange = {
 *   kind: 'index', name: 'ix_note_title', table: 'note', change: 'added',
 *   description: "index 'ix_note_title' on 'note'", aspects: [],
 * }
 * ```
 */
export interface SchemaObjectChange {
  readonly kind: SchemaObjectKind
  /** The object's own name (`ix_note_title`; `note.title` for a column), or its definition when it has none. */
  readonly name: string
  /** The table it belongs to (absent for a table). */
  readonly table?: string | undefined
  readonly change: 'added' | 'removed' | 'changed'
  /** How a sentence names it: `index 'ix_note_title' on 'note'`, `column 'note.title'`. */
  readonly description: string
  /** For `changed`: what differs. */
  readonly aspects: readonly ChangedAspect[]
}

/**
 * Compares two introspected schemas of the same dialect object by object: tables; columns
 * by name (type, nullability, default, autoincrement, comment; their order is not compared,
 * since re-adding a dropped column cannot put it back in place); the primary key; indexes
 * by name (columns, uniqueness, predicate); unique constraints and CHECK constraints by
 * what they constrain; foreign keys by their definition and their name when the database
 * keeps one it did not make up; table comments. Checks and comments count only when both
 * sides report them. Pure; the result is sorted by table, then kind.
 *
 * @example
 * ```ts
 * const changes = compareSnapshots(beforeUpgrade, afterDowngrade)
 * changes.map((c) => `${c.change} ${c.description}`) // ["added index 'ix_note_title' on 'note'"]
 * ```
 */
export function compareSnapshots(
  before: SchemaSnapshot,
  after: SchemaSnapshot,
): SchemaObjectChange[] {
  const changes: SchemaObjectChange[] = []
  const old = new Map(before.tables.map((t) => [t.name, t]))
  const now = new Map(after.tables.map((t) => [t.name, t]))
  const names = [...new Set([...old.keys(), ...now.keys()])].sort()
  for (const name of names) {
    const a = old.get(name)
    const b = now.get(name)
    if (a === undefined || b === undefined) {
      changes.push(
        change('table', name, undefined, a === undefined ? 'added' : 'removed', `table '${name}'`),
      )
      continue
    }
    compareTables(a, b, changes)
  }
  return changes
}

function change(
  kind: SchemaObjectKind,
  name: string,
  table: string | undefined,
  what: SchemaObjectChange['change'],
  description: string,
  aspects: readonly ChangedAspect[] = [],
): SchemaObjectChange {
  return Object.freeze({
    kind,
    name,
    ...(table === undefined ? {} : { table }),
    change: what,
    description,
    aspects: Object.freeze([...aspects]),
  })
}

function compareTables(a: TableInfo, b: TableInfo, changes: SchemaObjectChange[]): void {
  const table = a.name
  // Columns, by name.
  const oldColumns = new Map(a.columns.map((c) => [c.name, c]))
  const newColumns = new Map(b.columns.map((c) => [c.name, c]))
  for (const column of a.columns) {
    const other = newColumns.get(column.name)
    const description = `column '${table}.${column.name}'`
    if (other === undefined) {
      changes.push(change('column', `${table}.${column.name}`, table, 'removed', description))
      continue
    }
    const aspects = columnAspects(column, other)
    if (aspects.length > 0) {
      changes.push(
        change('column', `${table}.${column.name}`, table, 'changed', description, aspects),
      )
    }
  }
  for (const column of b.columns) {
    if (!oldColumns.has(column.name)) {
      changes.push(
        change(
          'column',
          `${table}.${column.name}`,
          table,
          'added',
          `column '${table}.${column.name}'`,
        ),
      )
    }
  }

  // The primary key.
  const primaryKey = (t: TableInfo) => t.columns.filter((c) => c.primaryKey).map((c) => c.name)
  const oldKey = primaryKey(a).join(', ')
  const newKey = primaryKey(b).join(', ')
  if (oldKey !== newKey) {
    const what = oldKey === '' ? 'added' : newKey === '' ? 'removed' : 'changed'
    changes.push(
      change(
        'primary key',
        `${table} (${oldKey || newKey})`,
        table,
        what,
        `the primary key of '${table}'`,
        what === 'changed'
          ? [{ aspect: 'columns', before: `(${oldKey})`, after: `(${newKey})` }]
          : [],
      ),
    )
  }

  // Indexes made by CREATE INDEX, by name.
  const plain = (t: TableInfo) => t.indexes.filter((i) => i.constraint !== true)
  matchBy(
    plain(a),
    plain(b),
    (i) => i.name,
    (i) => `index '${i.name}' on '${table}'`,
    (i) => i.name,
    indexAspects,
    'index',
    table,
    changes,
  )

  // Unique constraints, by their columns (and their name when the database did not make it up).
  // The non-unique index MySQL makes for a foreign key comes and goes with its key.
  const uniques = (t: TableInfo) => t.indexes.filter((i) => i.constraint === true && i.unique)
  const uniqueKey = (i: IndexInfo) =>
    `${i.columns.join(',')}|${generatedName(i.name) ? '' : i.name}|${i.unique}`
  matchBy(
    uniques(a),
    uniques(b),
    uniqueKey,
    (i) =>
      generatedName(i.name)
        ? `unique constraint on '${table}' (${i.columns.join(', ')})`
        : `unique constraint '${i.name}' on '${table}' (${i.columns.join(', ')})`,
    (i) => i.name,
    () => [],
    'unique constraint',
    table,
    changes,
  )

  // Foreign keys, by their definition and own name.
  matchBy(
    a.foreignKeys ?? [],
    b.foreignKeys ?? [],
    foreignKeyKey,
    (k) =>
      `foreign key ${k.name === undefined || generatedName(k.name) ? '' : `'${k.name}' `}'${table}' (${k.columns.join(', ')}) -> '${k.references.table}' (${k.references.columns.join(', ')})`,
    (k) =>
      k.name ??
      `${table} (${k.columns.join(', ')}) -> ${k.references.table} (${k.references.columns.join(', ')})`,
    () => [],
    'foreign key',
    table,
    changes,
  )

  // CHECK constraints, by their expression, when both sides report them.
  if (a.checks !== undefined && b.checks !== undefined) {
    const describe = (c: CheckInfo) =>
      `check constraint ${c.name === undefined ? '' : `'${c.name}' `}on '${table}' (${c.expression})`
    for (const check of a.checks) {
      if (!b.checks.some((other) => sameCheck(other, check)))
        changes.push(
          change(
            'check constraint',
            check.name ?? check.expression,
            table,
            'removed',
            describe(check),
          ),
        )
    }
    for (const check of b.checks) {
      if (!a.checks.some((other) => sameCheck(other, check)))
        changes.push(
          change(
            'check constraint',
            check.name ?? check.expression,
            table,
            'added',
            describe(check),
          ),
        )
    }
  }

  // The table's comment, when both sides report it.
  if (a.comment !== undefined && b.comment !== undefined && a.comment !== b.comment) {
    changes.push(
      change('table comment', table, table, 'changed', `the comment of table '${table}'`, [
        { aspect: 'comment', before: shown(a.comment), after: shown(b.comment) },
      ]),
    )
  }
}

/**
 * Pairs the objects of both sides by `key`: a key on one side only is an object added or
 * removed; a pair whose `aspects` differ is an object changed.
 */
function matchBy<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  describe: (item: T) => string,
  name: (item: T) => string,
  aspects: (a: T, b: T) => ChangedAspect[],
  kind: SchemaObjectKind,
  table: string,
  changes: SchemaObjectChange[],
): void {
  const oldKeys = new Map(before.map((i) => [key(i), i]))
  const newKeys = new Map(after.map((i) => [key(i), i]))
  for (const item of before) {
    const other = newKeys.get(key(item))
    if (other !== undefined) {
      const differ = aspects(item, other)
      if (differ.length > 0)
        changes.push(change(kind, name(item), table, 'changed', describe(item), differ))
      continue
    }
    changes.push(change(kind, name(item), table, 'removed', describe(item)))
  }
  for (const item of after) {
    if (!oldKeys.has(key(item)))
      changes.push(change(kind, name(item), table, 'added', describe(item)))
  }
}

function foreignKeyKey(key: ForeignKeyInfo): string {
  const name = key.name === undefined || generatedName(key.name) ? '' : key.name
  return [
    name,
    key.columns.join(','),
    key.references.table,
    key.references.columns.join(','),
    key.onDelete ?? '',
    key.onUpdate ?? '',
  ].join('|')
}

function columnAspects(a: ColumnInfo, b: ColumnInfo): ChangedAspect[] {
  const aspects: ChangedAspect[] = []
  if (typeText(a.type) !== typeText(b.type))
    aspects.push({ aspect: 'type', before: a.type || '(none)', after: b.type || '(none)' })
  if (a.nullable !== b.nullable) {
    const word = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL')
    aspects.push({ aspect: 'nullability', before: word(a.nullable), after: word(b.nullable) })
  }
  if ((a.defaultSql ?? '').trim() !== (b.defaultSql ?? '').trim()) {
    aspects.push({
      aspect: 'default',
      before: a.defaultSql?.trim() || 'none',
      after: b.defaultSql?.trim() || 'none',
    })
  }
  if ((a.autoincrement ?? false) !== (b.autoincrement ?? false)) {
    const word = (on: boolean | undefined) => (on === true ? 'autoincrement' : 'not autoincrement')
    aspects.push({
      aspect: 'autoincrement',
      before: word(a.autoincrement),
      after: word(b.autoincrement),
    })
  }
  if (a.comment !== undefined && b.comment !== undefined && a.comment !== b.comment) {
    aspects.push({ aspect: 'comment', before: shown(a.comment), after: shown(b.comment) })
  }
  return aspects
}

function indexAspects(a: IndexInfo, b: IndexInfo): ChangedAspect[] {
  const aspects: ChangedAspect[] = []
  if (a.columns.join(',') !== b.columns.join(','))
    aspects.push({
      aspect: 'columns',
      before: `(${a.columns.join(', ')})`,
      after: `(${b.columns.join(', ')})`,
    })
  if (a.unique !== b.unique) {
    const word = (unique: boolean) => (unique ? 'unique' : 'not unique')
    aspects.push({ aspect: 'uniqueness', before: word(a.unique), after: word(b.unique) })
  }
  if ((a.where ?? '') !== (b.where ?? ''))
    aspects.push({ aspect: 'predicate', before: a.where || 'none', after: b.where || 'none' })
  return aspects
}

function typeText(type: string): string {
  return type.replace(/\s+/g, ' ').trim().toUpperCase()
}

function shown(comment: string | null): string {
  return comment === null ? 'none' : `'${comment}'`
}
