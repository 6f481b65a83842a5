import { compact } from '../operations/argument-checks.js'
import { createColumn, type ColumnDefinition } from '../operations/column.js'
import { makeOperation } from '../operations/reverse-operation.js'
import type {
  AddColumnOperation,
  AlterColumnOperation,
  CreateCheckConstraintOperation,
  CreateTableOperation,
  Operation,
} from '../operations/operation.js'
import { declaredCheckName } from './declared-schema-operations.js'
import type { DeclaredSchema } from './define-schema.js'

/**
 * The operations of a comparison with a declared schema, written the way the schema was
 * declared: where an operation creates or changes a declared column, its type (`'string'`,
 * `length: 255` rather than `{ raw: 'character varying(255)' }`), default (`default:
 * 'draft'` rather than `defaultSql: "'draft'::character varying"`), nullability,
 * autoincrement and comment are the declared ones, and a created table gets its declared
 * comment. The keys and constraints the comparison decided on are kept. Replaying either
 * spelling on that database gives the same schema: the declared one is what was introspected.
 * Operations on what the revisions made (`existing*` hints, the definitions of dropped
 * things) keep the database's words. Pure.
 *
 * @example
 * ```ts
 * preferDeclaredSpelling(diff.operations, schema)
 * // [{ kind: 'addColumn', table: 'account', column: { name: 'nickname', type: 'string', length: 40, ... } }]
 * ```
 */
export function preferDeclaredSpelling(
  operations: readonly Operation[],
  schema: DeclaredSchema,
): Operation[] {
  const tables = new Map(schema.tables.map((t) => [t.name, t]))
  const declaredColumn = (table: string, name: string) =>
    tables.get(table)?.columns.find((c) => c.name === name)
  const checks = new Map(
    schema.tables.flatMap((table) =>
      table.constraints
        .filter((c) => c.kind === 'check')
        .map((c, i) => [`${table.name}\0${declaredCheckName(table.name, i, c)}`, c.expression]),
    ),
  )
  const declaredCheck = (table: string, name: string | undefined) =>
    name === undefined ? undefined : checks.get(`${table}\0${name}`)
  return operations.map((operation) => {
    switch (operation.kind) {
      case 'createTable': {
        const table = tables.get(operation.name)
        if (table === undefined) return operation
        return makeOperation<CreateTableOperation>({
          ...operation,
          columns: Object.freeze(
            operation.columns.map((c) => respell(c, declaredColumn(operation.name, c.name))),
          ),
          constraints: Object.freeze(
            operation.constraints.map((c) =>
              c.kind === 'check'
                ? Object.freeze({
                    ...c,
                    expression: declaredCheck(operation.name, c.name) ?? c.expression,
                  })
                : c,
            ),
          ),
          comment: table.comment,
        })
      }
      case 'createCheckConstraint':
        return makeOperation<CreateCheckConstraintOperation>({
          ...operation,
          expression: declaredCheck(operation.table, operation.name) ?? operation.expression,
        })
      case 'addColumn':
        return makeOperation<AddColumnOperation>({
          ...operation,
          column: respell(operation.column, declaredColumn(operation.table, operation.column.name)),
        })
      case 'alterColumn': {
        const declared = declaredColumn(operation.table, operation.newName ?? operation.name)
        if (declared === undefined) return operation
        const typeChanged = operation.type !== undefined
        const defaultChanged = 'default' in operation || 'defaultSql' in operation
        return makeOperation<AlterColumnOperation>({
          ...operation,
          ...(typeChanged
            ? {
                type: compact({
                  type: declared.type,
                  length: declared.length,
                  precision: declared.precision,
                  scale: declared.scale,
                  withTimezone: declared.withTimezone,
                }),
              }
            : {}),
          ...(defaultChanged
            ? declared.defaultSql !== undefined
              ? { default: undefined, defaultSql: declared.defaultSql }
              : { default: declared.default ?? null, defaultSql: undefined }
            : {}),
          ...('comment' in operation ? { comment: declared.comment ?? null } : {}),
        })
      }
      default:
        return operation
    }
  })
}

/**
 * The declared column, with what the comparison decided about keys and constraints: the
 * primary key (a one-column key declared at table level lands on the column), and the
 * unique constraint and foreign key written with the column.
 */
function respell(
  column: ColumnDefinition,
  declared: ColumnDefinition | undefined,
): ColumnDefinition {
  if (declared === undefined) return column
  return createColumn(column.name, declared.type, {
    length: declared.length,
    precision: declared.precision,
    scale: declared.scale,
    withTimezone: declared.withTimezone,
    // A primary key column is never nullable; createColumn refuses to be told otherwise.
    nullable: column.primaryKey ? undefined : declared.nullable,
    primaryKey: column.primaryKey,
    autoincrement: declared.autoincrement,
    unique: column.unique,
    default: declared.default,
    defaultSql: declared.defaultSql,
    references: column.references,
    comment: declared.comment,
  })
}
