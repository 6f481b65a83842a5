import { describeOperation } from '../operations/describe-operation.js'
import type { ColumnTypeSpec, Operation } from '../operations/operation.js'

/**
 * One way the declared schema and the schema the revisions produce differ, as `retort
 * check` lists it: a sentence naming the object, and the operation a revision would need
 * (absent for a difference autogenerate cannot write, which comes from a note).
 *
 * @example
 * ```ts
 * const difference: SchemaDifference = {
 *   message: "column 'account.nickname' is declared but no revision adds it",
 *   operation: "addColumn('account', 'nickname')",
 * }
 * ```
 */
export interface SchemaDifference {
  readonly message: string
  /** The operation that would remove the difference, described (`addColumn('account', 'nickname')`). */
  readonly operation?: string | undefined
}

/**
 * The sentence for an operation that turns the revisions' schema into the declared one,
 * in the words of someone who changed the model and forgot the revision.
 *
 * @example
 * ```ts
 * describeSchemaDifference(op.addColumn('account', op.column('nickname', 'text'))).message
 * // "column 'account.nickname' is declared but no revision adds it"
 * ```
 */
export function describeSchemaDifference(operation: Operation): SchemaDifference {
  return Object.freeze({ message: sentence(operation), operation: describeOperation(operation) })
}

function sentence(operation: Operation): string {
  switch (operation.kind) {
    case 'createTable':
      return `table '${operation.name}' is declared but no revision creates it`
    case 'dropTable':
      return `table '${operation.name}' is made by the revisions but not declared`
    case 'renameTable':
      return `table '${operation.from}' is renamed to '${operation.to}'`
    case 'addColumn':
      return `column '${operation.table}.${operation.column.name}' is declared but no revision adds it`
    case 'dropColumn':
      return `column '${operation.table}.${operation.name}' is made by the revisions but not declared`
    case 'alterColumn': {
      const changes: string[] = []
      if (operation.newName !== undefined) changes.push(`renamed to '${operation.newName}'`)
      if (operation.type !== undefined) {
        changes.push(
          `type ${typeText(operation.existingType)} in the revisions, ${typeText(operation.type)} declared`,
        )
      }
      if (operation.nullable !== undefined) {
        changes.push(operation.nullable ? 'declared nullable' : 'declared NOT NULL')
      }
      if ('default' in operation || 'defaultSql' in operation) {
        const before =
          operation.existingDefaultSql ?? literal(operation.existingDefault) ?? 'no default'
        const after = operation.defaultSql ?? literal(operation.default) ?? 'no default'
        changes.push(`default ${before} in the revisions, ${after} declared`)
      }
      if ('comment' in operation) changes.push('its comment differs')
      return `column '${operation.table}.${operation.name}' differs: ${changes.join('; ')}`
    }
    case 'createIndex':
      return `index '${operation.name}' on '${operation.table}' is declared but no revision creates it`
    case 'dropIndex':
      return `index '${operation.name}'${operation.table === undefined ? '' : ` on '${operation.table}'`} is made by the revisions but not declared`
    case 'createUniqueConstraint':
      return `unique constraint on '${operation.table}' (${operation.columns.join(', ')}) is declared but no revision creates it`
    case 'createForeignKey':
      return `foreign key '${operation.table}' (${operation.columns.join(', ')}) -> '${operation.references.table}' (${operation.references.columns.join(', ')}) is declared but no revision creates it`
    case 'createCheckConstraint':
      return `check constraint on '${operation.table}' (${operation.expression}) is declared but no revision creates it`
    case 'createPrimaryKey':
      return `primary key of '${operation.table}' (${operation.columns.join(', ')}) is declared but no revision creates it`
    case 'dropConstraint': {
      const what =
        operation.type === 'foreignKey'
          ? 'foreign key'
          : operation.type === 'unique'
            ? 'unique constraint'
            : operation.type === 'check'
              ? 'check constraint'
              : operation.type === 'primaryKey'
                ? 'primary key'
                : 'constraint'
      return `${what} '${operation.name}' on '${operation.table}' is made by the revisions but not declared`
    }
    case 'createTableComment':
    case 'dropTableComment':
      return `the comment of table '${operation.table}' differs`
    case 'execute':
    case 'bulkInsert':
      return describeOperation(operation)
    default: {
      const _never: never = operation
      return describeOperation(_never)
    }
  }
}

function typeText(spec: ColumnTypeSpec | undefined): string {
  if (spec === undefined) return 'unknown'
  const name = typeof spec.type === 'string' ? spec.type : spec.type.raw
  const size =
    spec.length !== undefined
      ? `(${spec.length})`
      : spec.precision !== undefined
        ? `(${spec.precision}${spec.scale === undefined ? '' : `, ${spec.scale}`})`
        : ''
  return `'${name}${size}${spec.withTimezone ? ' with time zone' : ''}'`
}

function literal(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return `'${value}'`
  return String(value)
}
