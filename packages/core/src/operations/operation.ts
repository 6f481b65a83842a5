import type { ColumnDefault, ColumnDefinition, ColumnTypeSpec } from './column.js'
import type {
  ConstraintInitially,
  ForeignKeyReference,
  TableConstraint,
} from './table-constraint.js'

export type { ColumnTypeSpec } from './column.js'

/**
 * What every operation has besides its data: `reverse()`, a non-enumerable method (so it
 * stays out of `JSON.stringify`, equality checks and snapshots) implemented by
 * {@link reverseOperation}. It throws {@link IrreversibleOperationError} when the operation
 * does not know enough to be undone.
 *
 * @example
 * ```ts
 * const undo: Operation = op.addColumn('account', op.column('note', 'text')).reverse()
 * undo.kind // 'dropColumn'
 * ```
 */
export interface Reversible {
  reverse(): Operation
}

/**
 * A table's shape as far as a migration states it: what `dropTable` needs to be reversible.
 *
 * @example
 * ```ts
 * const definition: TableDefinition = { columns: [op.column('id', 'integer', { primaryKey: true })], constraints: [] }
 * ```
 */
export interface TableDefinition {
  readonly columns: readonly ColumnDefinition[]
  readonly constraints: readonly TableConstraint[]
  readonly comment?: string | undefined
}

/**
 * An expression entry of an index (`lower(email)`): raw SQL written by the migration
 * author, spliced as is (in parentheses).
 *
 * @example
 * ```ts
 * const entry: IndexExpression = { expression: 'lower(email)' }
 * ```
 */
export interface IndexExpression {
  readonly expression: string
}

/**
 * One entry of an index: a column name, or an {@link IndexExpression}.
 *
 * @example
 * ```ts
 * const columns: IndexColumn[] = ['tenant', { expression: 'lower(email)' }]
 * ```
 */
export type IndexColumn = string | IndexExpression

/**
 * An index's shape: what `dropIndex` needs to be reversible (with the operation's `table`).
 *
 * @example
 * ```ts
 * const definition: IndexDefinition = { columns: ['parent_id'], unique: false }
 * ```
 */
export interface IndexDefinition {
  readonly columns: readonly IndexColumn[]
  readonly unique: boolean
  /** Raw SQL predicate of a partial index, written by the migration author. */
  readonly where?: string | undefined
}

/**
 * A named index of a table, as listed in an {@link ExistingTableDefinition}.
 *
 * @example
 * ```ts
 * const index: NamedIndexDefinition = { name: 'ix_child_parent', columns: ['parent_id'], unique: false }
 * ```
 */
export interface NamedIndexDefinition extends IndexDefinition {
  readonly name: string
}

/**
 * A table as it is before an operation runs: its columns, constraints and indexes. SQLite
 * needs it to compile a table rebuild offline (`--sql`), where it cannot read the live
 * table; the operations that may rebuild take it as their `tableDefinition` option.
 *
 * @example
 * ```ts
 * const current: ExistingTableDefinition = {
 *   columns: [op.column('id', 'integer', { primaryKey: true }), op.column('name', 'text')],
 *   constraints: [],
 *   indexes: [{ name: 'ix_name', columns: ['name'], unique: false }],
 * }
 * ```
 */
export interface ExistingTableDefinition extends TableDefinition {
  readonly indexes: readonly NamedIndexDefinition[]
}

/**
 * A SQL text with its bound values (placeholders `?`).
 *
 * @example
 * ```ts
 * const statement: SqlStatement = { sql: 'DELETE FROM parent WHERE id = ?', parameters: [1] }
 * ```
 */
export interface SqlStatement {
  readonly sql: string
  readonly parameters: readonly unknown[]
}

/**
 * `CREATE TABLE`. `constraints` holds the table-level constraints (composite primary key,
 * unique, foreign keys, checks); column-level ones stay on the columns.
 *
 * @example
 * ```ts
 * const create: CreateTableOperation = op.createTable('account', [op.column('id', 'integer', { primaryKey: true })])
 * ```
 */
export interface CreateTableOperation extends Reversible {
  readonly kind: 'createTable'
  readonly name: string
  readonly schema?: string | undefined
  readonly columns: readonly ColumnDefinition[]
  readonly constraints: readonly TableConstraint[]
  readonly ifNotExists: boolean
  readonly comment?: string | undefined
}

/**
 * `DROP TABLE`; reversible when it carries the table's `definition`.
 *
 * @example
 * ```ts
 * const drop: DropTableOperation = op.dropTable('account', { ifExists: true })
 * ```
 */
export interface DropTableOperation extends Reversible {
  readonly kind: 'dropTable'
  readonly name: string
  readonly schema?: string | undefined
  readonly ifExists: boolean
  readonly definition?: TableDefinition | undefined
}

/**
 * `ALTER TABLE ... RENAME TO ...` (within one schema).
 *
 * @example
 * ```ts
 * const rename: RenameTableOperation = op.renameTable('account', 'user_account')
 * ```
 */
export interface RenameTableOperation extends Reversible {
  readonly kind: 'renameTable'
  readonly from: string
  readonly to: string
  readonly schema?: string | undefined
}

/**
 * `ALTER TABLE ... ADD COLUMN`.
 *
 * @example
 * ```ts
 * const add: AddColumnOperation = op.addColumn('account', op.column('note', 'text'))
 * ```
 */
export interface AddColumnOperation extends Reversible {
  readonly kind: 'addColumn'
  readonly table: string
  readonly schema?: string | undefined
  readonly column: ColumnDefinition
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * `ALTER TABLE ... DROP COLUMN`; reversible when it carries the column's `definition`.
 *
 * @example
 * ```ts
 * const drop: DropColumnOperation = op.dropColumn('account', 'note', { definition: { type: 'text' } })
 * ```
 */
export interface DropColumnOperation extends Reversible {
  readonly kind: 'dropColumn'
  readonly table: string
  readonly schema?: string | undefined
  readonly name: string
  readonly definition?: ColumnDefinition | undefined
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Changes a column: its type, nullability, default, name or comment. A field left out is
 * not changed. `default: null` removes the default. The `existing*` hints describe the
 * column before the change: MySQL needs them (it restates the whole column), and
 * `reverse()` needs the ones of what changes.
 *
 * @example
 * ```ts
 * const alter: AlterColumnOperation = op.alterColumn('parent', 'name', { nullable: false, existingNullable: true })
 * ```
 */
export interface AlterColumnOperation extends Reversible {
  readonly kind: 'alterColumn'
  readonly table: string
  readonly schema?: string | undefined
  /** The column's current name. */
  readonly name: string
  readonly type?: ColumnTypeSpec | undefined
  readonly nullable?: boolean | undefined
  /** A literal default; `null` removes the default. */
  readonly default?: ColumnDefault | undefined
  /** A raw SQL default expression written by the migration author. */
  readonly defaultSql?: string | undefined
  readonly newName?: string | undefined
  /** `null` removes the comment. */
  readonly comment?: string | null | undefined
  readonly existingType?: ColumnTypeSpec | undefined
  readonly existingNullable?: boolean | undefined
  /** The default before the change; `null` when there was none. */
  readonly existingDefault?: ColumnDefault | undefined
  readonly existingDefaultSql?: string | undefined
  /** The comment before the change; `null` when there was none. */
  readonly existingComment?: string | null | undefined
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Adds a named UNIQUE constraint.
 *
 * @example
 * ```ts
 * const unique: CreateUniqueConstraintOperation = op.createUniqueConstraint('uq_slug', 'article', ['tenant', 'slug'])
 * ```
 */
export interface CreateUniqueConstraintOperation extends Reversible {
  readonly kind: 'createUniqueConstraint'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly string[]
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Adds a named FOREIGN KEY constraint on `columns` of `table`.
 *
 * @example
 * ```ts
 * const fk: CreateForeignKeyOperation = op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], { onDelete: 'CASCADE' })
 * ```
 */
export interface CreateForeignKeyOperation extends Reversible {
  readonly kind: 'createForeignKey'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly string[]
  readonly references: ForeignKeyReference
  readonly deferrable?: boolean | undefined
  readonly initially?: ConstraintInitially | undefined
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Adds a named CHECK constraint; `expression` is raw SQL written by the migration author.
 *
 * @example
 * ```ts
 * const check: CreateCheckConstraintOperation = op.createCheckConstraint('ck_price', 'item', 'price >= 0')
 * ```
 */
export interface CreateCheckConstraintOperation extends Reversible {
  readonly kind: 'createCheckConstraint'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly expression: string
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Adds a (named) PRIMARY KEY to a table that has none.
 *
 * @example
 * ```ts
 * const pk: CreatePrimaryKeyOperation = op.createPrimaryKey('pk_line', 'line', ['order_id', 'n'])
 * ```
 */
export interface CreatePrimaryKeyOperation extends Reversible {
  readonly kind: 'createPrimaryKey'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly string[]
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * The kind of constraint `dropConstraint` drops (MySQL needs it: each kind has its own
 * `DROP` clause).
 *
 * @example
 * ```ts
 * const type: ConstraintType = 'foreignKey'
 * ```
 */
export type ConstraintType = TableConstraint['kind']

/**
 * Drops a named constraint; reversible when it carries the constraint's `definition`.
 *
 * @example
 * ```ts
 * const drop: DropConstraintOperation = op.dropConstraint('uq_slug', 'article', { type: 'unique' })
 * ```
 */
export interface DropConstraintOperation extends Reversible {
  readonly kind: 'dropConstraint'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  readonly type?: ConstraintType | undefined
  /** The dropped constraint (its `name` is the operation's): makes the drop reversible. */
  readonly definition?: TableConstraint | undefined
  /** The table before the change: lets SQLite compile a rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinition | undefined
}

/**
 * Sets a table's comment (a no-op on SQLite, which has no comments).
 *
 * @example
 * ```ts
 * const comment: CreateTableCommentOperation = op.createTableComment('account', 'people who log in', { existingComment: null })
 * ```
 */
export interface CreateTableCommentOperation extends Reversible {
  readonly kind: 'createTableComment'
  readonly table: string
  readonly schema?: string | undefined
  readonly comment: string
  /** The comment before; `null` when there was none. Needed by `reverse()`. */
  readonly existingComment?: string | null | undefined
}

/**
 * Removes a table's comment (a no-op on SQLite).
 *
 * @example
 * ```ts
 * const drop: DropTableCommentOperation = op.dropTableComment('account', { existingComment: 'people who log in' })
 * ```
 */
export interface DropTableCommentOperation extends Reversible {
  readonly kind: 'dropTableComment'
  readonly table: string
  readonly schema?: string | undefined
  /** The comment being removed. Needed by `reverse()`. */
  readonly existingComment?: string | undefined
}

/**
 * `CREATE [UNIQUE] INDEX`. `where` is a raw SQL predicate written by the migration author.
 *
 * @example
 * ```ts
 * const index: CreateIndexOperation = op.createIndex('ix_child_parent', 'child', ['parent_id'])
 * ```
 */
export interface CreateIndexOperation extends Reversible {
  readonly kind: 'createIndex'
  readonly name: string
  readonly table: string
  readonly schema?: string | undefined
  /** Column names and {@link IndexExpression}s (raw SQL), in index order. */
  readonly columns: readonly IndexColumn[]
  readonly unique: boolean
  readonly where?: string | undefined
  readonly ifNotExists: boolean
}

/**
 * `DROP INDEX`; reversible when it carries `table` and the index's `definition`.
 *
 * @example
 * ```ts
 * const drop: DropIndexOperation = op.dropIndex('ix_child_parent', { table: 'child' })
 * ```
 */
export interface DropIndexOperation extends Reversible {
  readonly kind: 'dropIndex'
  readonly name: string
  /** Needed by MySQL, and to reverse the drop. */
  readonly table?: string | undefined
  readonly schema?: string | undefined
  readonly ifExists: boolean
  readonly definition?: IndexDefinition | undefined
}

/**
 * Raw SQL with bound parameters; reversible when it carries `reverseStatement` (the
 * builder's `reverse` option).
 *
 * @example
 * ```ts
 * const exec: ExecuteOperation = op.execute('UPDATE parent SET name = ? WHERE id = ?', ['b', 1])
 * ```
 */
export interface ExecuteOperation extends Reversible {
  readonly kind: 'execute'
  readonly sql: string
  readonly parameters: readonly unknown[]
  readonly reverseStatement?: SqlStatement | undefined
}

/**
 * `INSERT` of literal rows, values bound. `rows[i][j]` is the value of `columns[j]`; a key
 * missing from a row is `null`.
 *
 * @example
 * ```ts
 * const insert: BulkInsertOperation = op.bulkInsert('parent', [{ id: 1, name: 'a' }])
 * insert.columns // ['id', 'name']
 * ```
 */
export interface BulkInsertOperation extends Reversible {
  readonly kind: 'bulkInsert'
  readonly table: string
  readonly schema?: string | undefined
  readonly columns: readonly string[]
  readonly rows: readonly (readonly unknown[])[]
}

/**
 * Every operation a revision can queue. Compilers `switch` on `kind` and end with
 * `const _never: never = operation`, so adding a kind is a compile error in every dialect
 * until it is handled.
 *
 * @example
 * ```ts
 * function describe(operation: Operation): string {
 *   switch (operation.kind) {
 *     case 'createTable': return operation.name
 *     default: return operation.kind
 *   }
 * }
 * ```
 */
export type Operation =
  | CreateTableOperation
  | DropTableOperation
  | RenameTableOperation
  | AddColumnOperation
  | DropColumnOperation
  | AlterColumnOperation
  | CreateIndexOperation
  | DropIndexOperation
  | CreateUniqueConstraintOperation
  | CreateForeignKeyOperation
  | CreateCheckConstraintOperation
  | CreatePrimaryKeyOperation
  | DropConstraintOperation
  | CreateTableCommentOperation
  | DropTableCommentOperation
  | ExecuteOperation
  | BulkInsertOperation

/**
 * The `kind` of an {@link Operation}.
 *
 * @example
 * ```ts
 * const kind: OperationKind = 'createIndex'
 * ```
 */
export type OperationKind = Operation['kind']

/**
 * An operation's data without its `reverse()` method: what {@link makeOperation} takes.
 *
 * @example
 * ```ts
 * const data: OperationData<RenameTableOperation> = { kind: 'renameTable', from: 'a', to: 'b' }
 * ```
 */
export type OperationData<T extends Operation = Operation> = T extends Operation
  ? Omit<T, 'reverse'>
  : never
