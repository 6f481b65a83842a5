import { COLUMN_TYPE_OPTION_KEYS } from './column.js'
import type { ConstraintType, Operation } from './operation.js'
import { TABLE_CONSTRAINT_KEYS } from './table-constraint.js'

/**
 * The option keys each builder accepts (its positional arguments are not options), with their
 * literal types: what the builder checks options against. {@link OPERATION_OPTION_KEYS} is the
 * same table as the package exports it.
 */
export const OPTION_KEYS = {
  createTable: ['ifNotExists', 'schema', 'comment', ...TABLE_CONSTRAINT_KEYS],
  dropTable: ['ifExists', 'schema', 'definition'],
  renameTable: ['schema'],
  addColumn: ['schema', 'tableDefinition'],
  dropColumn: ['schema', 'definition', 'tableDefinition'],
  alterColumn: [
    'type',
    ...COLUMN_TYPE_OPTION_KEYS,
    'nullable',
    'default',
    'defaultSql',
    'newName',
    'comment',
    'existingType',
    'existingNullable',
    'existingDefault',
    'existingDefaultSql',
    'existingComment',
    'schema',
    'tableDefinition',
  ],
  createIndex: ['unique', 'where', 'ifNotExists', 'schema'],
  dropIndex: ['table', 'schema', 'ifExists', 'definition'],
  createUniqueConstraint: ['schema', 'tableDefinition'],
  createForeignKey: [
    'onDelete',
    'onUpdate',
    'deferrable',
    'initially',
    'schema',
    'referencedSchema',
    'tableDefinition',
  ],
  createCheckConstraint: ['schema', 'tableDefinition'],
  createPrimaryKey: ['schema', 'tableDefinition'],
  dropConstraint: ['type', 'schema', 'definition', 'tableDefinition'],
  createTableComment: ['existingComment', 'schema'],
  dropTableComment: ['existingComment', 'schema'],
  execute: ['reverse'],
  bulkInsert: ['schema'],
} as const satisfies Record<Operation['kind'], readonly string[]>

/** The constraint types `dropConstraint`'s `type` option accepts. */
export const CONSTRAINT_TYPES: readonly ConstraintType[] = [
  'primaryKey',
  'unique',
  'foreignKey',
  'check',
]

/**
 * The option keys each operation builder accepts, by operation kind (its positional
 * arguments are not options). `docs/operations.md` is checked against it.
 *
 * @example
 * ```ts
 * OPERATION_OPTION_KEYS.createIndex // ['unique', 'where', 'ifNotExists', 'schema']
 * ```
 */
export const OPERATION_OPTION_KEYS: Readonly<Record<Operation['kind'], readonly string[]>> =
  OPTION_KEYS
