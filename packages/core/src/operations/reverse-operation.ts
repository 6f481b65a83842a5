import { describeOperation } from './describe-operation.js'
import { IrreversibleOperationError } from './irreversible-operation-error.js'
import type {
  AddColumnOperation,
  AlterColumnOperation,
  CreateCheckConstraintOperation,
  CreateForeignKeyOperation,
  CreateIndexOperation,
  CreatePrimaryKeyOperation,
  CreateTableCommentOperation,
  CreateTableOperation,
  CreateUniqueConstraintOperation,
  DropColumnOperation,
  DropConstraintOperation,
  DropIndexOperation,
  DropTableCommentOperation,
  DropTableOperation,
  ExecuteOperation,
  Operation,
  OperationData,
  RenameTableOperation,
} from './operation.js'
import type { TableConstraint } from './table-constraint.js'

/**
 * Turns operation data into an {@link Operation}: a frozen plain object with a
 * non-enumerable `reverse()` that calls {@link reverseOperation}. The builders freeze the
 * nested lists they create; values supplied by the caller (bound parameters, row values)
 * are kept as given, never frozen in place.
 *
 * @example
 * ```ts
 * const rename = makeOperation<RenameTableOperation>({ kind: 'renameTable', from: 'a', to: 'b' })
 * rename.reverse() // { kind: 'renameTable', from: 'b', to: 'a' }
 * ```
 */
export function makeOperation<T extends Operation>(data: OperationData<T>): T {
  // Copied without the `undefined` values rather than deleting them: `delete` turns the
  // object into a slow dictionary.
  const operation: Record<string, unknown> = {}
  for (const key in data) {
    const value = (data as Record<string, unknown>)[key]
    if (value !== undefined) operation[key] = value
  }
  Object.defineProperty(operation, 'reverse', {
    // Closes over the object, so `const { reverse } = operation` still works.
    value: (): Operation => reverseOperation(operation as unknown as Operation),
    enumerable: false,
    writable: false,
    configurable: false,
  })
  return Object.freeze(operation) as unknown as T
}

/**
 * The operation that undoes `operation` (what `operation.reverse()` returns). Pure.
 * Reversing twice gives back an equal operation. Throws {@link IrreversibleOperationError}
 * when the operation does not carry what its reverse needs; the message says what to pass.
 *
 * | operation | reverse |
 * |---|---|
 * | createTable | dropTable with the definition (`ifExists` = `ifNotExists`) |
 * | dropTable | createTable, needs `definition` |
 * | renameTable | renameTable back |
 * | addColumn | dropColumn with the definition |
 * | dropColumn | addColumn, needs `definition` |
 * | alterColumn | alterColumn back: a rename needs nothing, each other change needs its `existing*` hint |
 * | createIndex | dropIndex with the definition |
 * | dropIndex | createIndex, needs `table` and `definition` |
 * | createUniqueConstraint, createForeignKey, createCheckConstraint, createPrimaryKey | dropConstraint with `type` and the definition |
 * | dropConstraint | the create* of its `type`, needs `definition` |
 * | createTableComment | the previous comment back, needs `existingComment` (`null`: dropTableComment) |
 * | dropTableComment | createTableComment, needs `existingComment` |
 * | execute | execute of `reverse`, needs it |
 * | bulkInsert | irreversible (see {@link reverseOperations}) |
 *
 * A `tableDefinition` (the table before the change, for SQLite's offline rebuilds) is not
 * carried over: it describes the table before the forward operation, not before its reverse.
 *
 * @example
 * ```ts
 * reverseOperation(op.renameTable('a', 'b')) // { kind: 'renameTable', from: 'b', to: 'a' }
 * ```
 */
export function reverseOperation(operation: Operation): Operation {
  const irreversible = (what: string, todo = 'or write downgrade yourself'): never => {
    throw new IrreversibleOperationError(
      operation.kind,
      `${describeOperation(operation)} cannot be reversed ${what} ${todo}`,
    )
  }
  switch (operation.kind) {
    case 'createTable':
      return makeOperation<DropTableOperation>({
        kind: 'dropTable',
        name: operation.name,
        schema: operation.schema,
        ifExists: operation.ifNotExists,
        definition: Object.freeze({
          columns: operation.columns,
          constraints: operation.constraints,
          ...(operation.comment === undefined ? {} : { comment: operation.comment }),
        }),
      })
    case 'dropTable': {
      const definition = operation.definition
      if (definition === undefined) {
        return irreversible('without its definition; pass { definition: [...columns] }')
      }
      return makeOperation<CreateTableOperation>({
        kind: 'createTable',
        name: operation.name,
        schema: operation.schema,
        columns: definition.columns,
        constraints: definition.constraints,
        ifNotExists: operation.ifExists,
        comment: definition.comment,
      })
    }
    case 'renameTable':
      return makeOperation<RenameTableOperation>({
        kind: 'renameTable',
        from: operation.to,
        to: operation.from,
        schema: operation.schema,
      })
    case 'addColumn':
      return makeOperation<DropColumnOperation>({
        kind: 'dropColumn',
        table: operation.table,
        schema: operation.schema,
        name: operation.column.name,
        definition: operation.column,
      })
    case 'dropColumn': {
      if (operation.definition === undefined) {
        return irreversible('without its definition; pass { definition: { type, ... } }')
      }
      return makeOperation<AddColumnOperation>({
        kind: 'addColumn',
        table: operation.table,
        schema: operation.schema,
        column: operation.definition,
      })
    }
    case 'alterColumn':
      return reverseAlterColumn(operation, irreversible)
    case 'createUniqueConstraint':
    case 'createPrimaryKey':
      return dropConstraint(operation, {
        kind: operation.kind === 'createPrimaryKey' ? 'primaryKey' : 'unique',
        name: operation.name,
        columns: operation.columns,
      })
    case 'createCheckConstraint':
      return dropConstraint(operation, {
        kind: 'check',
        name: operation.name,
        expression: operation.expression,
      })
    case 'createForeignKey':
      return dropConstraint(
        operation,
        Object.freeze({
          kind: 'foreignKey' as const,
          name: operation.name,
          columns: operation.columns,
          references: operation.references,
          ...(operation.deferrable === undefined ? {} : { deferrable: operation.deferrable }),
          ...(operation.initially === undefined ? {} : { initially: operation.initially }),
        }),
      )
    case 'dropConstraint': {
      const definition = operation.definition
      if (definition === undefined) {
        return irreversible(
          'without its definition; pass { type, definition: { columns | expression | references ... } }',
        )
      }
      const base = { name: operation.name, table: operation.table, schema: operation.schema }
      switch (definition.kind) {
        case 'unique':
          return makeOperation<CreateUniqueConstraintOperation>({
            kind: 'createUniqueConstraint',
            ...base,
            columns: definition.columns,
          })
        case 'primaryKey':
          return makeOperation<CreatePrimaryKeyOperation>({
            kind: 'createPrimaryKey',
            ...base,
            columns: definition.columns,
          })
        case 'check':
          return makeOperation<CreateCheckConstraintOperation>({
            kind: 'createCheckConstraint',
            ...base,
            expression: definition.expression,
          })
        case 'foreignKey':
          return makeOperation<CreateForeignKeyOperation>({
            kind: 'createForeignKey',
            ...base,
            columns: definition.columns,
            references: definition.references,
            deferrable: definition.deferrable,
            initially: definition.initially,
          })
        default: {
          const _never: never = definition
          throw new Error(`unknown constraint kind '${(_never as { kind: unknown }).kind}'`)
        }
      }
    }
    case 'createTableComment': {
      const previous = operation.existingComment
      if (previous === undefined) {
        return irreversible(
          'without the comment it replaces; pass { existingComment } (null when there was none)',
        )
      }
      if (previous === null) {
        return makeOperation<DropTableCommentOperation>({
          kind: 'dropTableComment',
          table: operation.table,
          schema: operation.schema,
          existingComment: operation.comment,
        })
      }
      return makeOperation<CreateTableCommentOperation>({
        kind: 'createTableComment',
        table: operation.table,
        schema: operation.schema,
        comment: previous,
        existingComment: operation.comment,
      })
    }
    case 'dropTableComment': {
      if (operation.existingComment === undefined) {
        return irreversible('without the comment it removes; pass { existingComment }')
      }
      return makeOperation<CreateTableCommentOperation>({
        kind: 'createTableComment',
        table: operation.table,
        schema: operation.schema,
        comment: operation.existingComment,
        existingComment: null,
      })
    }
    case 'createIndex':
      return makeOperation<DropIndexOperation>({
        kind: 'dropIndex',
        name: operation.name,
        table: operation.table,
        schema: operation.schema,
        ifExists: operation.ifNotExists,
        definition: Object.freeze({
          columns: operation.columns,
          unique: operation.unique,
          ...(operation.where === undefined ? {} : { where: operation.where }),
        }),
      })
    case 'dropIndex': {
      const { definition, table } = operation
      if (definition === undefined || table === undefined) {
        return irreversible(
          'without its table and definition; pass { table, definition: { columns, unique } }',
        )
      }
      return makeOperation<CreateIndexOperation>({
        kind: 'createIndex',
        name: operation.name,
        table,
        schema: operation.schema,
        columns: definition.columns,
        unique: definition.unique,
        where: definition.where,
        ifNotExists: operation.ifExists,
      })
    }
    case 'execute': {
      const back = operation.reverseStatement
      if (back === undefined)
        return irreversible("without SQL that undoes it; pass { reverse: 'SQL' }")
      return makeOperation<ExecuteOperation>({
        kind: 'execute',
        sql: back.sql,
        parameters: back.parameters,
        reverseStatement: Object.freeze({ sql: operation.sql, parameters: operation.parameters }),
      })
    }
    case 'bulkInsert':
      return irreversible(
        'because its rows cannot be told from rows inserted by others;',
        'write downgrade yourself (a table created in the same revision is dropped with its rows)',
      )
    default: {
      const _never: never = operation
      throw new Error(`unknown operation kind '${(_never as { kind: unknown }).kind}'`)
    }
  }
}

function dropConstraint(
  operation: {
    readonly name: string
    readonly table: string
    readonly schema?: string | undefined
  },
  definition: TableConstraint,
): DropConstraintOperation {
  return makeOperation<DropConstraintOperation>({
    kind: 'dropConstraint',
    name: operation.name,
    table: operation.table,
    schema: operation.schema,
    type: definition.kind,
    definition: Object.freeze(definition),
  })
}

function reverseAlterColumn(
  o: AlterColumnOperation,
  irreversible: (what: string, todo?: string) => never,
): AlterColumnOperation {
  const missing: string[] = []
  if (o.type !== undefined && o.existingType === undefined) missing.push('existingType')
  if (o.nullable !== undefined && o.existingNullable === undefined) missing.push('existingNullable')
  const changesDefault = o.default !== undefined || o.defaultSql !== undefined
  if (changesDefault && o.existingDefault === undefined && o.existingDefaultSql === undefined) {
    missing.push('existingDefault (null when there was none) or existingDefaultSql')
  }
  if (o.comment !== undefined && o.existingComment === undefined) {
    missing.push('existingComment (null when there was none)')
  }
  if (missing.length > 0) {
    irreversible(`without the column as it was; pass ${missing.join(', ')}`)
  }
  return makeOperation<AlterColumnOperation>({
    kind: 'alterColumn',
    table: o.table,
    schema: o.schema,
    name: o.newName ?? o.name,
    newName: o.newName === undefined ? undefined : o.name,
    type: o.type === undefined ? undefined : o.existingType,
    existingType: o.type ?? o.existingType,
    nullable: o.nullable === undefined ? undefined : o.existingNullable,
    existingNullable: o.nullable ?? o.existingNullable,
    default: changesDefault && o.existingDefaultSql === undefined ? o.existingDefault : undefined,
    defaultSql: changesDefault ? o.existingDefaultSql : undefined,
    existingDefault: changesDefault
      ? o.defaultSql === undefined
        ? o.default
        : undefined
      : o.existingDefault,
    existingDefaultSql: changesDefault ? o.defaultSql : o.existingDefaultSql,
    comment: o.comment === undefined ? undefined : o.existingComment,
    existingComment: o.comment === undefined ? o.existingComment : o.comment,
  })
}

/**
 * The operations that undo a whole list: each one reversed, in reverse order. A
 * `bulkInsert` into a table that the same list creates needs no reverse (dropping the table
 * removes its rows), so it is left out instead of making the list irreversible. The
 * {@link IrreversibleOperationError} it throws carries the `index` of the culprit.
 *
 * @example
 * ```ts
 * const upgrade = [op.createTable('t', [op.column('id', 'integer')]), op.bulkInsert('t', [{ id: 1 }])]
 * reverseOperations(upgrade) // [dropTable('t')]
 * ```
 */
export function reverseOperations(operations: readonly Operation[]): Operation[] {
  const created = new Set<string>()
  const key = (name: string, schema: string | undefined) => `${schema ?? ''}\u0000${name}`
  const reversed: Operation[] = []
  operations.forEach((operation, index) => {
    switch (operation.kind) {
      case 'createTable':
        created.add(key(operation.name, operation.schema))
        break
      case 'dropTable':
        created.delete(key(operation.name, operation.schema))
        break
      case 'renameTable':
        if (created.delete(key(operation.from, operation.schema))) {
          created.add(key(operation.to, operation.schema))
        }
        break
      case 'bulkInsert':
        if (created.has(key(operation.table, operation.schema))) return
        break
      default:
        break
    }
    try {
      reversed.push(reverseOperation(operation))
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError)) throw error
      throw new IrreversibleOperationError(error.operationKind, error.message, index)
    }
  })
  return reversed.reverse()
}
