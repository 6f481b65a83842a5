import type { CheckInfo, ColumnInfo, ForeignKeyInfo, IndexInfo, TableInfo } from '../dialect.js'
import type { ColumnDefinition, ColumnOptions } from '../operations/column.js'
import type { Operation } from '../operations/operation.js'
import { Operations } from '../operations/operations.js'
import type { TableConstraintOptions } from '../operations/table-constraint.js'
import type { SchemaSnapshot } from './schema-snapshot.js'

/**
 * What {@link diffSchemas} found: the operations that turn the source schema into the
 * target, and the differences it saw but could not write as operations (one sentence
 * each, saying what to do by hand).
 *
 * @example
 * ```ts
 * const diff: SchemaDiff = { operations: [], notes: [] }
 * ```
 */
export interface SchemaDiff {
  readonly operations: readonly Operation[]
  readonly notes: readonly string[]
}

/**
 * Compares two schema snapshots of the same dialect and returns the operations that turn
 * `source` (what the revisions produce) into `target` (the database as changed by hand).
 * Pure. Types and defaults are kept in the database's own words (`{ raw: 'VARCHAR(80)' }`,
 * `defaultSql`), so replaying the operations on the same dialect gives the same schema.
 *
 * Written: tables created (columns, primary key, unique constraints, foreign keys, checks,
 * comments, then their indexes; a referenced table before the tables that reference it)
 * and dropped (with their full definition, so that the drop reverses); columns added (with
 * a single-column foreign key or unique constraint of their own) and dropped (with their
 * definition); a column's type, nullability, default and comment changed (`alterColumn`
 * with every `existing*` hint); indexes created and dropped (a changed index is dropped and
 * created); unique constraints, foreign keys and checks added to or dropped from a table
 * that stays; a table's comment set or removed. Checks and comments are compared only when
 * both snapshots report them (SQLite has no comments).
 * Not written, but listed in `notes`: primary key changes, expression indexes, a column
 * that becomes or stops being autoincrement, and dropping a constraint the database keeps
 * no name for (SQLite).
 *
 * Order: tables created, then changes to the tables that stay (foreign keys, checks,
 * unique constraints and indexes dropped, columns dropped, added and altered, indexes,
 * unique constraints, checks and foreign keys created: a foreign key never outlives an
 * index it needs), then tables dropped.
 *
 * @example
 * ```ts
 * const { operations } = diffSchemas(
 *   { tables: [] },
 *   { tables: [{ name: 'tag', columns: [{ name: 'id', type: 'INTEGER', nullable: false, defaultSql: null, primaryKey: true }], indexes: [] }] },
 * )
 * operations[0]?.kind // 'createTable'
 * ```
 */
export function diffSchemas(source: SchemaSnapshot, target: SchemaSnapshot): SchemaDiff {
  const op = new Operations({ dialect: 'autogenerate', offline: true })
  const notes: string[] = []
  const before = new Map(source.tables.map((table) => [table.name, table]))
  const after = new Map(target.tables.map((table) => [table.name, table]))

  const created = orderByReferences(target.tables.filter((table) => !before.has(table.name)))
  for (const table of created) {
    op.createTable(table.name, columnsOf(table, notes), {
      ...constraintsOf(table),
      ...(typeof table.comment === 'string' ? { comment: table.comment } : {}),
    })
    for (const index of plainIndexes(table, notes)) createIndex(op, table.name, index)
  }
  for (const table of target.tables) {
    const old = before.get(table.name)
    if (old !== undefined) diffTable(op, old, table, notes)
  }
  const dropped = orderByReferences(
    source.tables.filter((table) => !after.has(table.name)),
  ).reverse()
  for (const table of dropped) {
    op.dropTable(table.name, {
      definition: {
        columns: columnsOf(table, []),
        ...constraintsOf(table),
        ...(typeof table.comment === 'string' ? { comment: table.comment } : {}),
      },
    })
  }
  return Object.freeze({ operations: Object.freeze(op.takePending()), notes: Object.freeze(notes) })
}

function diffTable(op: Operations, old: TableInfo, table: TableInfo, notes: string[]): void {
  const name = table.name
  const oldColumns = new Map(old.columns.map((c) => [c.name, c]))
  const newColumns = new Map(table.columns.map((c) => [c.name, c]))
  const droppedColumns = old.columns.filter((c) => !newColumns.has(c.name))
  const addedColumns = table.columns.filter((c) => !oldColumns.has(c.name))
  const droppedNames = new Set(droppedColumns.map((c) => c.name))
  const addedNames = new Set(addedColumns.map((c) => c.name))
  /** A single-column constraint on a column that comes or goes is written with the column. */
  const ownedBy = (columns: readonly string[], names: Set<string>) =>
    columns.length === 1 && names.has(columns[0]!)

  const primaryKey = (t: TableInfo) =>
    t.columns
      .filter((c) => c.primaryKey)
      .map((c) => c.name)
      .join(',')
  if (primaryKey(old) !== primaryKey(table)) {
    notes.push(
      `the primary key of '${name}' changed from (${primaryKey(old)}) to (${primaryKey(table)}); not written, change it by hand`,
    )
  }

  // Indexes made by CREATE INDEX: by name.
  const oldIndexes = new Map(plainIndexes(old, []).map((i) => [i.name, i]))
  const newIndexes = new Map(plainIndexes(table, []).map((i) => [i.name, i]))
  const oldExpressions = expressionIndexes(old)
  const newExpressions = expressionIndexes(table)
  for (const index of newExpressions) {
    if (!oldExpressions.some((o) => sameIndex(o, index) && o.name === index.name)) {
      notes.push(
        `index '${index.name}' of '${name}' has expressions; not written, create it by hand`,
      )
    }
  }
  for (const index of oldExpressions) {
    if (!newExpressions.some((n) => n.name === index.name)) {
      notes.push(
        `index '${index.name}' of '${name}' (with expressions) was dropped; not written, drop it by hand`,
      )
    }
  }
  const droppedIndexes = [...oldIndexes.values()].filter(
    (i) => !sameIndex(i, newIndexes.get(i.name)),
  )
  const createdIndexes = [...newIndexes.values()].filter(
    (i) => !sameIndex(i, oldIndexes.get(i.name)),
  )

  // Unique constraints: by their columns.
  const uniqueKey = (i: IndexInfo) => i.columns.join(',')
  const oldUniques = uniqueConstraints(old)
  const newUniques = uniqueConstraints(table)
  const droppedUniques = oldUniques.filter(
    (u) =>
      !newUniques.some((n) => uniqueKey(n) === uniqueKey(u)) && !ownedBy(u.columns, droppedNames),
  )
  const addedUniques = newUniques.filter(
    (u) =>
      !oldUniques.some((o) => uniqueKey(o) === uniqueKey(u)) && !ownedBy(u.columns, addedNames),
  )

  // Foreign keys: by their whole definition.
  const oldKeys = old.foreignKeys ?? []
  const newKeys = table.foreignKeys ?? []
  const droppedKeys = oldKeys.filter(
    (k) => !newKeys.some((n) => sameForeignKey(n, k)) && !ownedBy(k.columns, droppedNames),
  )
  const addedKeys = newKeys.filter(
    (k) => !oldKeys.some((o) => sameForeignKey(o, k)) && !ownedBy(k.columns, addedNames),
  )

  // CHECK constraints: by their expression, when both sides report them.
  const oldChecks = old.checks
  const newChecks = table.checks
  const droppedChecks =
    oldChecks === undefined || newChecks === undefined
      ? []
      : oldChecks.filter((c) => !newChecks.some((n) => sameCheck(n, c)))
  const addedChecks =
    oldChecks === undefined || newChecks === undefined
      ? []
      : newChecks.filter((c) => !oldChecks.some((o) => sameCheck(o, c)))

  for (const key of droppedKeys) {
    if (key.name === undefined) {
      notes.push(
        `the foreign key of '${name}' (${key.columns.join(', ')}) -> '${key.references.table}' was dropped; not written, as the database keeps no name for it: rebuild the table by hand`,
      )
      continue
    }
    const { name: _name, ...definition } = foreignKeyDefinition(key)
    op.dropConstraint(key.name, name, { type: 'foreignKey', definition })
  }
  for (const check of droppedChecks) {
    if (check.name === undefined) {
      notes.push(
        `the check constraint of '${name}' (${check.expression}) was dropped; not written, as the database keeps no name for it: rebuild the table by hand`,
      )
      continue
    }
    op.dropConstraint(check.name, name, {
      type: 'check',
      definition: { expression: check.expression },
    })
  }
  for (const unique of droppedUniques) {
    if (generatedName(unique.name)) {
      notes.push(
        `the unique constraint on '${name}' (${unique.columns.join(', ')}) was dropped; not written, as the database keeps no name for it: rebuild the table by hand`,
      )
      continue
    }
    op.dropConstraint(unique.name, name, {
      type: 'unique',
      definition: { columns: unique.columns },
    })
  }
  for (const index of droppedIndexes) {
    op.dropIndex(index.name, {
      table: name,
      definition: {
        columns: index.columns,
        unique: index.unique,
        ...(index.where ? { where: index.where } : {}),
      },
    })
  }
  for (const column of droppedColumns) {
    const { name: _name, ...definition } = columnDefinition(old, column)
    op.dropColumn(name, column.name, { definition })
  }
  for (const column of addedColumns) {
    op.addColumn(name, columnDefinition(table, column))
  }
  for (const column of table.columns) {
    const was = oldColumns.get(column.name)
    if (was !== undefined) alterColumn(op, name, was, column, notes)
  }
  // Indexes before foreign keys: MySQL lets a foreign key take over an index made for it,
  // and the downgrade (reversed) then drops the key before the index it needs.
  for (const index of createdIndexes) createIndex(op, name, index)
  for (const unique of addedUniques) {
    const constraintName = generatedName(unique.name)
      ? `uq_${name}_${unique.columns.join('_')}`
      : unique.name
    op.createUniqueConstraint(constraintName, name, unique.columns)
  }
  addedChecks.forEach((check, i) => {
    op.createCheckConstraint(
      check.name ?? `ck_${name}_${(old.checks?.length ?? 0) + i + 1}`,
      name,
      check.expression,
    )
  })
  for (const key of addedKeys) {
    op.createForeignKey(
      key.name ?? `fk_${name}_${key.columns.join('_')}`,
      name,
      key.references.table,
      key.columns,
      key.references.columns,
      { onDelete: key.onDelete, onUpdate: key.onUpdate },
    )
  }
  // The table's comment, when both sides report one.
  if (old.comment !== undefined && table.comment !== undefined && old.comment !== table.comment) {
    if (table.comment === null) {
      op.dropTableComment(name, old.comment === null ? {} : { existingComment: old.comment })
    } else {
      op.createTableComment(name, table.comment, { existingComment: old.comment })
    }
  }
}

function alterColumn(
  op: Operations,
  table: string,
  was: ColumnInfo,
  column: ColumnInfo,
  notes: string[],
): void {
  if ((was.autoincrement ?? false) !== (column.autoincrement ?? false)) {
    notes.push(
      `column '${table}.${column.name}' ${column.autoincrement === true ? 'became' : 'is no longer'} an autoincrement (serial or identity) column; not written, change it by hand`,
    )
  }
  const typeChanged = normalType(was.type) !== normalType(column.type)
  const nullableChanged = was.nullable !== column.nullable
  const defaultChanged = (was.defaultSql ?? '').trim() !== (column.defaultSql ?? '').trim()
  const commentChanged =
    was.comment !== undefined && column.comment !== undefined && was.comment !== column.comment
  if (!typeChanged && !nullableChanged && !defaultChanged && !commentChanged) return
  op.alterColumn(table, column.name, {
    ...(typeChanged ? rawType(column) : {}),
    ...(nullableChanged ? { nullable: column.nullable } : {}),
    ...(defaultChanged
      ? column.defaultSql === null
        ? { default: null }
        : { defaultSql: column.defaultSql }
      : {}),
    ...(commentChanged ? { comment: column.comment ?? null } : {}),
    existingType: rawType(was),
    existingNullable: was.nullable,
    ...(was.defaultSql === null
      ? { existingDefault: null }
      : { existingDefaultSql: was.defaultSql }),
    ...(was.comment === undefined ? {} : { existingComment: was.comment }),
  })
}

function createIndex(op: Operations, table: string, index: IndexInfo): void {
  op.createIndex(index.name, table, index.columns, {
    unique: index.unique,
    ...(index.where ? { where: index.where } : {}),
  })
}

/** The columns of a table as definitions; a primary key of one column stays on the column. */
function columnsOf(table: TableInfo, notes: string[]): ColumnDefinition[] {
  const op = new Operations({ dialect: 'autogenerate', offline: true })
  const keyColumns = table.columns.filter((c) => c.primaryKey)
  return table.columns.map((column) => {
    if (column.type.trim() === '') {
      notes.push(`column '${table.name}.${column.name}' has no declared type; written as BLOB`)
    }
    return op.column(column.name, rawType(column).type, {
      ...columnOptions(column, keyColumns.length === 1 && column.primaryKey),
    })
  })
}

/**
 * A column of a table that stays, with the constraints of its own that come or go with it
 * (a single-column unique constraint or foreign key).
 */
function columnDefinition(table: TableInfo, column: ColumnInfo): ColumnDefinition {
  const op = new Operations({ dialect: 'autogenerate', offline: true })
  const key = (table.foreignKeys ?? []).find(
    (k) => k.columns.length === 1 && k.columns[0] === column.name,
  )
  const unique = uniqueConstraints(table).some(
    (u) => u.columns.length === 1 && u.columns[0] === column.name,
  )
  return op.column(column.name, rawType(column).type, {
    ...columnOptions(column, false),
    ...(unique ? { unique: true } : {}),
    ...(key === undefined
      ? {}
      : {
          references: {
            table: key.references.table,
            column: key.references.columns[0]!,
            ...(key.onDelete ? { onDelete: key.onDelete } : {}),
            ...(key.onUpdate ? { onUpdate: key.onUpdate } : {}),
          },
        }),
  })
}

function columnOptions(column: ColumnInfo, primaryKey: boolean): ColumnOptions {
  return {
    ...(primaryKey ? { primaryKey: true } : { nullable: column.nullable }),
    ...(column.autoincrement === true ? { autoincrement: true } : {}),
    ...(column.defaultSql === null ? {} : { defaultSql: column.defaultSql }),
    ...(typeof column.comment === 'string' ? { comment: column.comment } : {}),
  }
}

/** The table-level constraints of a new (or dropped) table. */
function constraintsOf(table: TableInfo): TableConstraintOptions {
  const keyColumns = table.columns.filter((c) => c.primaryKey).map((c) => c.name)
  const uniques = uniqueConstraints(table)
  const keys = table.foreignKeys ?? []
  return {
    ...(keyColumns.length > 1 ? { primaryKey: keyColumns } : {}),
    ...(uniques.length > 0
      ? {
          unique: uniques.map((u) =>
            generatedName(u.name) ? u.columns : { name: u.name, columns: u.columns },
          ),
        }
      : {}),
    ...(keys.length > 0 ? { foreignKeys: keys.map(foreignKeyDefinition) } : {}),
    ...((table.checks ?? []).length > 0
      ? {
          checks: table.checks!.map((c) =>
            c.name === undefined ? c.expression : { name: c.name, expression: c.expression },
          ),
        }
      : {}),
  }
}

function foreignKeyDefinition(key: ForeignKeyInfo) {
  return {
    ...(key.name === undefined || generatedName(key.name) ? {} : { name: key.name }),
    columns: key.columns,
    references: {
      table: key.references.table,
      columns: key.references.columns,
      ...(key.onDelete ? { onDelete: key.onDelete } : {}),
      ...(key.onUpdate ? { onUpdate: key.onUpdate } : {}),
    },
  }
}

/** The indexes made by CREATE INDEX; expression indexes are noted (when `notes`) and left out. */
function plainIndexes(table: TableInfo, notes: string[]): IndexInfo[] {
  for (const index of expressionIndexes(table)) {
    notes.push(
      `index '${index.name}' of '${table.name}' has expressions; not written, create it by hand`,
    )
  }
  return table.indexes.filter((index) => index.constraint !== true && !hasExpression(index))
}

function expressionIndexes(table: TableInfo): IndexInfo[] {
  return table.indexes.filter((index) => index.constraint !== true && hasExpression(index))
}

/** Introspectors write an expression entry in parentheses: `(expression)`, `(lower(email))`. */
function hasExpression(index: IndexInfo): boolean {
  return index.columns.some((column) => column.startsWith('('))
}

function uniqueConstraints(table: TableInfo): IndexInfo[] {
  return table.indexes.filter((index) => index.constraint === true && index.unique)
}

function sameIndex(a: IndexInfo, b: IndexInfo | undefined): boolean {
  return (
    b !== undefined &&
    a.unique === b.unique &&
    a.columns.join(',') === b.columns.join(',') &&
    (a.where ?? '') === (b.where ?? '')
  )
}

/**
 * The same CHECK: the expressions equal up to whitespace and outer parentheses.
 *
 * @example
 * ```ts
 * sameCheck({ expression: '(price >= 0)' }, { expression: 'price >= 0' }) // true
 * ```
 */
export function sameCheck(a: CheckInfo, b: CheckInfo): boolean {
  return checkText(a.expression) === checkText(b.expression)
}

function checkText(expression: string): string {
  let text = expression.replace(/\s+/g, ' ').trim()
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) {
    text = text.slice(1, -1).trim()
  }
  return text
}

/** Whether the parentheses of `text` pair up (quotes are not looked into). */
function balanced(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '(') depth += 1
    else if (ch === ')' && --depth < 0) return false
  }
  return depth === 0
}

function sameForeignKey(a: ForeignKeyInfo, b: ForeignKeyInfo): boolean {
  return (
    a.columns.join(',') === b.columns.join(',') &&
    a.references.table === b.references.table &&
    a.references.columns.join(',') === b.references.columns.join(',') &&
    (a.onDelete ?? '') === (b.onDelete ?? '') &&
    (a.onUpdate ?? '') === (b.onUpdate ?? '')
  )
}

/**
 * A name the database made up for itself: SQLite's `sqlite_autoindex_*` (no statement can
 * name it) and InnoDB's `<table>_ibfk_<n>` (given again when the key is created unnamed).
 *
 * @example
 * ```ts
 * generatedName('note_ibfk_1') // true
 * ```
 */
export function generatedName(name: string): boolean {
  return name.startsWith('sqlite_autoindex_') || /_ibfk_\d+$/.test(name)
}

function normalType(type: string): string {
  return type.replace(/\s+/g, ' ').trim().toUpperCase()
}

function rawType(column: ColumnInfo): { type: { raw: string } } {
  return { type: { raw: column.type.trim() === '' ? 'BLOB' : column.type.trim() } }
}

/** Referenced tables first (a cycle keeps the input order for the rest). */
function orderByReferences(tables: readonly TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name))
  const done = new Set<string>()
  const ordered: TableInfo[] = []
  const visiting = new Set<string>()
  const visit = (table: TableInfo) => {
    if (done.has(table.name) || visiting.has(table.name)) return
    visiting.add(table.name)
    for (const key of table.foreignKeys ?? []) {
      const parent = tables.find((t) => t.name === key.references.table)
      if (parent !== undefined && names.has(parent.name) && parent.name !== table.name)
        visit(parent)
    }
    visiting.delete(table.name)
    done.add(table.name)
    ordered.push(table)
  }
  tables.forEach(visit)
  return ordered
}
