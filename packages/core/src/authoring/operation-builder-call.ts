import type { ColumnDefinition } from '../operations/column.js'
import type {
  ColumnTypeSpec,
  ExistingTableDefinition,
  Operation,
  TableDefinition,
} from '../operations/operation.js'
import type { TableConstraint } from '../operations/table-constraint.js'

/**
 * The `op` builder call that makes an operation: the method, its positional arguments
 * (named as the YAML keys name them) and its options. Building the call again gives an
 * operation equal to the one it came from.
 *
 * @example
 * ```ts
 * const call: BuilderCall = { method: 'dropColumn', positional: [['table', 'account'], ['name', 'note']], options: { definition: { type: 'text' } } }
 * ```
 */
export interface BuilderCall {
  readonly method: Operation['kind']
  readonly positional: readonly (readonly [name: string, value: unknown])[]
  readonly options: Readonly<Record<string, unknown>>
}

/**
 * The builder call of an operation (see {@link BuilderCall}): what revision files are
 * written from. Pure. Defaults are left out (`unique: false`, `nullable: true` ...).
 *
 * @example
 * ```ts
 * operationBuilderCall(op.createIndex('ix_child_parent', 'child', ['parent_id']))
 * // { method: 'createIndex', positional: [['name', 'ix_child_parent'], ['table', 'child'], ['columns', ['parent_id']]], options: {} }
 * ```
 */
export function operationBuilderCall(operation: Operation): BuilderCall {
  const call = (
    positional: readonly (readonly [string, unknown])[],
    options: Record<string, unknown> = {},
  ): BuilderCall => ({ method: operation.kind, positional, options: defined(options) })
  switch (operation.kind) {
    case 'createTable':
      return call(
        [
          ['name', operation.name],
          ['columns', operation.columns.map(columnSpec)],
        ],
        {
          schema: operation.schema,
          ifNotExists: operation.ifNotExists || undefined,
          comment: operation.comment,
          ...constraintOptions(operation.constraints),
        },
      )
    case 'dropTable':
      return call([['name', operation.name]], {
        schema: operation.schema,
        ifExists: operation.ifExists || undefined,
        definition: operation.definition && tableDefinitionInput(operation.definition),
      })
    case 'renameTable':
      return call(
        [
          ['from', operation.from],
          ['to', operation.to],
        ],
        { schema: operation.schema },
      )
    case 'addColumn':
      return call(
        [
          ['table', operation.table],
          ['column', columnSpec(operation.column)],
        ],
        {
          schema: operation.schema,
          tableDefinition: existingInput(operation.tableDefinition),
        },
      )
    case 'dropColumn': {
      const definition =
        operation.definition === undefined
          ? undefined
          : withoutName(columnSpec(operation.definition))
      return call(
        [
          ['table', operation.table],
          ['name', operation.name],
        ],
        {
          schema: operation.schema,
          definition,
          tableDefinition: existingInput(operation.tableDefinition),
        },
      )
    }
    case 'alterColumn':
      return call(
        [
          ['table', operation.table],
          ['name', operation.name],
        ],
        {
          schema: operation.schema,
          ...(operation.type === undefined ? {} : typeSpec(operation.type)),
          nullable: operation.nullable,
          default: operation.default,
          defaultSql: operation.defaultSql,
          newName: operation.newName,
          comment: operation.comment,
          existingType: existingType(operation.existingType),
          existingNullable: operation.existingNullable,
          existingDefault: operation.existingDefault,
          existingDefaultSql: operation.existingDefaultSql,
          existingComment: operation.existingComment,
          tableDefinition: existingInput(operation.tableDefinition),
        },
      )
    case 'createUniqueConstraint':
    case 'createPrimaryKey':
      return call(
        [
          ['name', operation.name],
          ['table', operation.table],
          ['columns', operation.columns],
        ],
        { schema: operation.schema, tableDefinition: existingInput(operation.tableDefinition) },
      )
    case 'createForeignKey':
      return call(
        [
          ['name', operation.name],
          ['table', operation.table],
          ['referencedTable', operation.references.table],
          ['columns', operation.columns],
          ['referencedColumns', operation.references.columns],
        ],
        {
          schema: operation.schema,
          referencedSchema: operation.references.schema,
          onDelete: operation.references.onDelete,
          onUpdate: operation.references.onUpdate,
          deferrable: operation.deferrable,
          initially: operation.initially,
          tableDefinition: existingInput(operation.tableDefinition),
        },
      )
    case 'createCheckConstraint':
      return call(
        [
          ['name', operation.name],
          ['table', operation.table],
          ['expression', operation.expression],
        ],
        { schema: operation.schema, tableDefinition: existingInput(operation.tableDefinition) },
      )
    case 'dropConstraint': {
      const d = operation.definition
      const definition =
        d === undefined
          ? undefined
          : defined({
              columns: d.kind === 'check' ? undefined : d.columns,
              references: d.kind === 'foreignKey' ? defined({ ...d.references }) : undefined,
              deferrable: d.kind === 'foreignKey' ? d.deferrable : undefined,
              initially: d.kind === 'foreignKey' ? d.initially : undefined,
              expression: d.kind === 'check' ? d.expression : undefined,
            })
      return call(
        [
          ['name', operation.name],
          ['table', operation.table],
        ],
        {
          schema: operation.schema,
          type: operation.type,
          definition,
          tableDefinition: existingInput(operation.tableDefinition),
        },
      )
    }
    case 'createTableComment':
      return call(
        [
          ['table', operation.table],
          ['comment', operation.comment],
        ],
        {
          schema: operation.schema,
          existingComment: operation.existingComment,
        },
      )
    case 'dropTableComment':
      return call([['table', operation.table]], {
        schema: operation.schema,
        existingComment: operation.existingComment,
      })
    case 'createIndex':
      return call(
        [
          ['name', operation.name],
          ['table', operation.table],
          ['columns', operation.columns],
        ],
        {
          schema: operation.schema,
          unique: operation.unique || undefined,
          where: operation.where,
          ifNotExists: operation.ifNotExists || undefined,
        },
      )
    case 'dropIndex':
      return call([['name', operation.name]], {
        table: operation.table,
        schema: operation.schema,
        ifExists: operation.ifExists || undefined,
        definition:
          operation.definition === undefined
            ? undefined
            : defined({
                columns: operation.definition.columns,
                unique: operation.definition.unique || undefined,
                where: operation.definition.where,
              }),
      })
    case 'execute':
      return call(
        [
          ['sql', operation.sql],
          ['parameters', operation.parameters],
        ],
        {
          reverse: operation.reverseStatement && { ...operation.reverseStatement },
        },
      )
    case 'bulkInsert':
      return call(
        [
          ['table', operation.table],
          [
            'rows',
            operation.rows.map((row) =>
              Object.fromEntries(operation.columns.map((column, i) => [column, row[i] ?? null])),
            ),
          ],
        ],
        { schema: operation.schema },
      )
    default: {
      const _never: never = operation
      throw new Error(`unknown operation kind '${(_never as { kind: unknown }).kind}'`)
    }
  }
}

/** A column as written in a file: the defaults left out. */
function columnSpec(column: ColumnDefinition): Record<string, unknown> {
  return defined({
    ...column,
    nullable: column.nullable === !column.primaryKey ? undefined : column.nullable,
    primaryKey: column.primaryKey || undefined,
    autoincrement: column.autoincrement || undefined,
    unique: column.unique || undefined,
    references: column.references && defined({ ...column.references }),
  })
}

function withoutName(spec: Record<string, unknown>): Record<string, unknown> {
  const { name: _name, ...rest } = spec
  return rest
}

function typeSpec(spec: ColumnTypeSpec): Record<string, unknown> {
  return defined({ ...spec })
}

/** A type hint with no options is written as the bare type (`'text'`, `{ raw: 'TEXT' }`). */
function existingType(spec: ColumnTypeSpec | undefined): unknown {
  if (spec === undefined) return undefined
  return Object.keys(spec).length === 1 ? spec.type : typeSpec(spec)
}

function tableDefinitionInput(definition: TableDefinition): Record<string, unknown> {
  return defined({
    columns: definition.columns.map(columnSpec),
    comment: definition.comment,
    ...constraintOptions(definition.constraints),
  })
}

function existingInput(definition: ExistingTableDefinition | undefined): unknown {
  if (definition === undefined) return undefined
  return defined({
    ...tableDefinitionInput(definition),
    indexes: definition.indexes.map((index) =>
      defined({
        name: index.name,
        columns: index.columns,
        unique: index.unique || undefined,
        where: index.where,
      }),
    ),
  })
}

/** Table constraints back to the `createTable` option keys. */
function constraintOptions(constraints: readonly TableConstraint[]): Record<string, unknown> {
  const named = (name: string | undefined, columns: readonly string[]) =>
    name === undefined ? columns : { name, columns }
  const unique: unknown[] = []
  const foreignKeys: unknown[] = []
  const checks: unknown[] = []
  let primaryKey: unknown
  for (const constraint of constraints) {
    switch (constraint.kind) {
      case 'primaryKey':
        primaryKey = named(constraint.name, constraint.columns)
        break
      case 'unique':
        unique.push(named(constraint.name, constraint.columns))
        break
      case 'foreignKey':
        foreignKeys.push(
          defined({
            name: constraint.name,
            columns: constraint.columns,
            references: defined({ ...constraint.references }),
            deferrable: constraint.deferrable,
            initially: constraint.initially,
          }),
        )
        break
      case 'check':
        checks.push(
          constraint.name === undefined
            ? constraint.expression
            : { name: constraint.name, expression: constraint.expression },
        )
        break
      default: {
        const _never: never = constraint
        throw new Error(`unknown constraint kind '${(_never as { kind: unknown }).kind}'`)
      }
    }
  }
  return defined({
    primaryKey,
    unique: unique.length > 0 ? unique : undefined,
    foreignKeys: foreignKeys.length > 0 ? foreignKeys : undefined,
    checks: checks.length > 0 ? checks : undefined,
  })
}

/** The entries whose value is not `undefined`. */
function defined(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))
}
