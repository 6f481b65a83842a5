import type { ColumnDefinition } from '../operations/column.js'
import type { Operation } from '../operations/operation.js'
import { Operations } from '../operations/operations.js'
import type {
  ForeignKeyConstraint,
  TableConstraint,
  TableConstraintOptions,
} from '../operations/table-constraint.js'
import type { DeclaredSchema, DeclaredTable } from './define-schema.js'

/**
 * Options of {@link declaredSchemaOperations}.
 *
 * @example
 * ```ts
 * const options: DeclaredSchemaOperationsOptions = { foreignKeysAfterTables: true }
 * ```
 */
export interface DeclaredSchemaOperationsOptions {
  /**
   * Write a foreign key that points at a table created later (tables that reference each
   * other) as a `createForeignKey` after the tables, rather than inline. PostgreSQL and
   * MySQL need this; SQLite does not check the referenced table when a table is created
   * (and cannot add a foreign key to an existing table without a rebuild), so it keeps them
   * inline. Default `true`.
   */
  readonly foreignKeysAfterTables?: boolean | undefined
}

/**
 * The operations that create a declared schema on an empty database: each table
 * (`createTable` with its columns, constraints and comment; a referenced table before the
 * tables that reference it; an unnamed check named by {@link declaredCheckName}), then its
 * indexes. Pure.
 *
 * @example
 * ```ts
 * declaredSchemaOperations(schema).map((o) => o.kind) // ['createTable', 'createIndex']
 * ```
 */
export function declaredSchemaOperations(
  schema: DeclaredSchema,
  options: DeclaredSchemaOperationsOptions = {},
): Operation[] {
  const after = options.foreignKeysAfterTables ?? true
  const op = new Operations({ dialect: 'declared', offline: true })
  const created = new Set<string>()
  const later: (() => void)[] = []
  for (const table of orderByReferences(schema.tables)) {
    const pending = (name: string) => after && name !== table.name && !created.has(name)
    const columns = table.columns.map((column): ColumnDefinition => {
      if (column.references === undefined || !pending(column.references.table)) return column
      const { references, ...rest } = column
      later.push(() =>
        op.createForeignKey(
          `fk_${table.name}_${column.name}`,
          table.name,
          references.table,
          [column.name],
          [references.column],
          { onDelete: references.onDelete, onUpdate: references.onUpdate },
        ),
      )
      return rest as ColumnDefinition
    })
    const constraints = table.constraints.filter((constraint) => {
      if (constraint.kind !== 'foreignKey' || !pending(constraint.references.table)) return true
      later.push(() => addForeignKey(op, table.name, constraint))
      return false
    })
    op.createTable(table.name, columns, {
      ...tableConstraintOptions(namedChecks(table.name, constraints)),
      ...(table.comment === undefined ? {} : { comment: table.comment }),
    })
    created.add(table.name)
  }
  for (const add of later) add()
  for (const table of schema.tables) {
    for (const index of table.indexes) {
      op.createIndex(index.name, table.name, index.columns, {
        unique: index.unique,
        ...(index.where === undefined ? {} : { where: index.where }),
      })
    }
  }
  return op.takePending()
}

/**
 * A table's constraint list as the `createTable` options that make it.
 *
 * @example
 * ```ts
 * tableConstraintOptions([{ kind: 'unique', columns: ['email'] }]) // { unique: [{ columns: ['email'] }] }
 * ```
 */
export function tableConstraintOptions(
  constraints: readonly TableConstraint[],
): TableConstraintOptions {
  const named = <T extends { readonly name?: string | undefined }>(c: T) =>
    c.name === undefined ? {} : { name: c.name }
  const primaryKey = constraints.find((c) => c.kind === 'primaryKey')
  const unique = constraints.filter((c) => c.kind === 'unique')
  const foreignKeys = constraints.filter((c) => c.kind === 'foreignKey')
  const checks = constraints.filter((c) => c.kind === 'check')
  return {
    ...(primaryKey === undefined
      ? {}
      : { primaryKey: { ...named(primaryKey), columns: primaryKey.columns } }),
    ...(unique.length === 0
      ? {}
      : { unique: unique.map((c) => ({ ...named(c), columns: c.columns })) }),
    ...(foreignKeys.length === 0
      ? {}
      : {
          foreignKeys: foreignKeys.map((c) => ({
            ...named(c),
            columns: c.columns,
            references: c.references,
            ...(c.deferrable === undefined ? {} : { deferrable: c.deferrable }),
            ...(c.initially === undefined ? {} : { initially: c.initially }),
          })),
        }),
    ...(checks.length === 0
      ? {}
      : { checks: checks.map((c) => ({ ...named(c), expression: c.expression })) }),
  }
}

/**
 * The name a declared CHECK constraint is created with: its own, else `ck_<table>_<n>`
 * (`n` counts the table's checks from 1). Naming every check lets a revision written from
 * a comparison find the declared expression of the check it adds (the database prints
 * expressions its own way), and lets a later revision drop it on SQLite.
 *
 * @example
 * ```ts
 * declaredCheckName('item', 0, { name: undefined }) // 'ck_item_1'
 * ```
 */
export function declaredCheckName(
  table: string,
  index: number,
  check: { readonly name?: string | undefined },
): string {
  // MySQL refuses names longer than 64 characters.
  return check.name ?? `ck_${table.slice(0, 48)}_${index + 1}`
}

function namedChecks(table: string, constraints: readonly TableConstraint[]): TableConstraint[] {
  let index = 0
  return constraints.map((constraint) =>
    constraint.kind === 'check'
      ? { ...constraint, name: declaredCheckName(table, index++, constraint) }
      : constraint,
  )
}

function addForeignKey(op: Operations, table: string, key: ForeignKeyConstraint): void {
  op.createForeignKey(
    key.name ?? `fk_${table}_${key.columns.join('_')}`,
    table,
    key.references.table,
    key.columns,
    key.references.columns,
    {
      onDelete: key.references.onDelete,
      onUpdate: key.references.onUpdate,
      ...(key.deferrable === undefined ? {} : { deferrable: key.deferrable }),
      ...(key.initially === undefined ? {} : { initially: key.initially }),
    },
  )
}

/** Referenced tables first; tables in a cycle keep their written order. */
function orderByReferences(tables: readonly DeclaredTable[]): DeclaredTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const visiting = new Set<string>()
  const ordered: DeclaredTable[] = []
  const visit = (table: DeclaredTable) => {
    if (done.has(table.name) || visiting.has(table.name)) return
    visiting.add(table.name)
    const referenced = [
      ...table.columns.flatMap((c) => (c.references ? [c.references.table] : [])),
      ...table.constraints.flatMap((c) => (c.kind === 'foreignKey' ? [c.references.table] : [])),
    ]
    for (const name of referenced) {
      const parent = byName.get(name)
      if (parent !== undefined && parent !== table) visit(parent)
    }
    visiting.delete(table.name)
    done.add(table.name)
    ordered.push(table)
  }
  tables.forEach(visit)
  return ordered
}
