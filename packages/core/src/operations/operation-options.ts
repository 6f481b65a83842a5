import type {
  ColumnDefault,
  ColumnOptions,
  ColumnSpec,
  ColumnType,
  ReferentialAction,
} from './column.js'
import type { ColumnTypeSpec, ConstraintType, IndexColumn } from './operation.js'
import type { ConstraintInitially, TableConstraintOptions } from './table-constraint.js'

/**
 * Options of {@link Operations.createTable}; the table-level constraint keys come from
 * {@link TableConstraintOptions}.
 *
 * @example
 * ```ts
 * const options: CreateTableOptions = { ifNotExists: true, unique: [['tenant', 'slug']] }
 * ```
 */
export interface CreateTableOptions extends TableConstraintOptions {
  readonly ifNotExists?: boolean | undefined
  readonly schema?: string | undefined
  readonly comment?: string | undefined
}

/**
 * A table's definition as written: its columns, or `{ columns, ...constraints, comment }`.
 *
 * @example
 * ```ts
 * const definition: TableDefinitionInput = [{ name: 'id', type: 'integer', primaryKey: true }]
 * ```
 */
export type TableDefinitionInput =
  | readonly ColumnSpec[]
  | ({
      readonly columns: readonly ColumnSpec[]
      readonly comment?: string
    } & TableConstraintOptions)

/**
 * Options of {@link Operations.dropTable}.
 *
 * @example
 * ```ts
 * const options: DropTableOptions = { definition: [{ name: 'id', type: 'integer', primaryKey: true }] }
 * ```
 */
export interface DropTableOptions {
  readonly ifExists?: boolean | undefined
  readonly schema?: string | undefined
  /** The table's columns (or full definition): makes the drop reversible. */
  readonly definition?: TableDefinitionInput | undefined
}

/**
 * Options of the operations that only need a schema (`renameTable`, `addColumn`, `bulkInsert`).
 *
 * @example
 * ```ts
 * const options: SchemaOptions = { schema: 'billing' }
 * ```
 */
export interface SchemaOptions {
  readonly schema?: string | undefined
}

/**
 * A named index as written in a `tableDefinition`.
 *
 * @example
 * ```ts
 * const index: NamedIndexInput = { name: 'ix_email', columns: [{ expression: 'lower(email)' }], unique: true }
 * ```
 */
export interface NamedIndexInput {
  readonly name: string
  readonly columns: readonly IndexColumn[]
  readonly unique?: boolean
  readonly where?: string
}

/**
 * The table before an operation, as written: its columns, or
 * `{ columns, ...constraints, indexes }`. SQLite needs it to compile a table rebuild
 * offline (`--sql`); online it reads the live table instead.
 *
 * @example
 * ```ts
 * const current: ExistingTableDefinitionInput = {
 *   columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email', type: 'text' }],
 *   indexes: [{ name: 'ix_email', columns: ['email'] }],
 * }
 * ```
 */
export type ExistingTableDefinitionInput =
  | readonly ColumnSpec[]
  | ({
      readonly columns: readonly ColumnSpec[]
      readonly comment?: string
      readonly indexes?: readonly NamedIndexInput[]
    } & TableConstraintOptions)

/**
 * Options of the operations SQLite may run as a table rebuild (`addColumn`,
 * `createUniqueConstraint`, `createCheckConstraint`, `createPrimaryKey` ...).
 *
 * @example
 * ```ts
 * const options: RebuildOptions = { tableDefinition: [{ name: 'id', type: 'integer' }] }
 * ```
 */
export interface RebuildOptions {
  readonly schema?: string | undefined
  /** The table before the change: lets SQLite compile its table rebuild offline. */
  readonly tableDefinition?: ExistingTableDefinitionInput | undefined
}

/**
 * Options of {@link Operations.dropColumn}.
 *
 * @example
 * ```ts
 * const options: DropColumnOptions = { definition: { type: 'string', length: 80 } }
 * ```
 */
export interface DropColumnOptions extends RebuildOptions {
  /** The column's type and options (its name defaults to the dropped one): makes the drop reversible. */
  readonly definition?:
    (ColumnOptions & { readonly name?: string; readonly type: ColumnType }) | undefined
}

/**
 * Options of {@link Operations.alterColumn}: what changes (a key left out is not changed),
 * and `existing*` hints describing the column before (MySQL restates the whole column and
 * needs them; `reverse()` needs the ones of what changes).
 *
 * @example
 * ```ts
 * const options: AlterColumnOptions = {
 *   type: 'string', length: 80, existingType: { type: 'string', length: 40 },
 *   nullable: false, existingNullable: true,
 * }
 * ```
 */
export interface AlterColumnOptions extends RebuildOptions {
  /** The new type; `length`, `precision`, `scale`, `withTimezone` go with it. */
  readonly type?: ColumnType | undefined
  readonly length?: number | undefined
  readonly precision?: number | undefined
  readonly scale?: number | undefined
  readonly withTimezone?: boolean | undefined
  readonly nullable?: boolean | undefined
  /** A literal default; `null` removes the default. */
  readonly default?: ColumnDefault | undefined
  /** A raw SQL default expression written by the migration author. */
  readonly defaultSql?: string | undefined
  readonly newName?: string | undefined
  /** The new comment; `null` removes it. SQLite has no comments and ignores it. */
  readonly comment?: string | null | undefined
  /** The type before: a type name, or `{ type, length, precision, scale, withTimezone }`. */
  readonly existingType?: ColumnType | ColumnTypeSpec | undefined
  readonly existingNullable?: boolean | undefined
  /** The default before; `null` when there was none. */
  readonly existingDefault?: ColumnDefault | undefined
  readonly existingDefaultSql?: string | undefined
  /** The comment before; `null` when there was none. */
  readonly existingComment?: string | null | undefined
}

/**
 * Options of {@link Operations.createForeignKey}.
 *
 * @example
 * ```ts
 * const options: CreateForeignKeyOptions = { onDelete: 'CASCADE', deferrable: true, initially: 'DEFERRED' }
 * ```
 */
export interface CreateForeignKeyOptions extends RebuildOptions {
  readonly onDelete?: ReferentialAction | undefined
  readonly onUpdate?: ReferentialAction | undefined
  readonly deferrable?: boolean | undefined
  readonly initially?: ConstraintInitially | undefined
  /** The schema of the referenced table, when it differs from `schema`. */
  readonly referencedSchema?: string | undefined
}

/**
 * A constraint as written in `dropConstraint`'s `definition` (its kind is the `type`
 * option, its name the dropped one's).
 *
 * @example
 * ```ts
 * const definition: ConstraintDefinitionInput = { columns: ['parent_id'], references: { table: 'parent', columns: ['id'] } }
 * ```
 */
export interface ConstraintDefinitionInput {
  /** unique, primaryKey, foreignKey */
  readonly columns?: readonly string[]
  /** foreignKey */
  readonly references?: {
    readonly table: string
    readonly schema?: string
    readonly columns: readonly string[]
    readonly onDelete?: ReferentialAction
    readonly onUpdate?: ReferentialAction
  }
  readonly deferrable?: boolean
  readonly initially?: ConstraintInitially
  /** check */
  readonly expression?: string
}

/**
 * Options of {@link Operations.dropConstraint}.
 *
 * @example
 * ```ts
 * const options: DropConstraintOptions = { type: 'check', definition: { expression: 'price >= 0' } }
 * ```
 */
export interface DropConstraintOptions extends RebuildOptions {
  /** The constraint's kind; MySQL needs it, and it is required with `definition`. */
  readonly type?: ConstraintType | undefined
  /** The constraint being dropped: makes the drop reversible. */
  readonly definition?: ConstraintDefinitionInput | undefined
}

/**
 * Options of {@link Operations.createTableComment}.
 *
 * @example
 * ```ts
 * const options: CreateTableCommentOptions = { existingComment: null }
 * ```
 */
export interface CreateTableCommentOptions extends SchemaOptions {
  /** The comment before; `null` when there was none. Makes it reversible. */
  readonly existingComment?: string | null | undefined
}

/**
 * Options of {@link Operations.dropTableComment}.
 *
 * @example
 * ```ts
 * const options: DropTableCommentOptions = { existingComment: 'people who log in' }
 * ```
 */
export interface DropTableCommentOptions extends SchemaOptions {
  /** The comment being removed. Makes it reversible. */
  readonly existingComment?: string | undefined
}

/**
 * Options of {@link Operations.createIndex}. Index entries themselves may be column names
 * or `{ expression: 'lower(email)' }` (raw SQL written by the migration author).
 *
 * @example
 * ```ts
 * const options: CreateIndexOptions = { unique: true, where: 'deleted_at IS NULL' }
 * ```
 */
export interface CreateIndexOptions {
  readonly unique?: boolean | undefined
  /** A raw SQL predicate (partial index), written by the migration author. */
  readonly where?: string | undefined
  readonly ifNotExists?: boolean | undefined
  readonly schema?: string | undefined
}

/**
 * Options of {@link Operations.dropIndex}.
 *
 * @example
 * ```ts
 * const options: DropIndexOptions = { table: 'child', definition: { columns: ['parent_id'] } }
 * ```
 */
export interface DropIndexOptions {
  readonly table?: string | undefined
  readonly schema?: string | undefined
  readonly ifExists?: boolean | undefined
  /** The index's columns (and `unique`, `where`); with `table`, makes the drop reversible. */
  readonly definition?:
    | {
        readonly columns: readonly IndexColumn[]
        readonly unique?: boolean
        readonly where?: string
      }
    | undefined
}

/**
 * Options of {@link Operations.execute}.
 *
 * @example
 * ```ts
 * const options: ExecuteOptions = { reverse: { sql: 'UPDATE parent SET name = ? WHERE id = ?', parameters: ['a', 1] } }
 * ```
 */
export interface ExecuteOptions {
  /** SQL that undoes this one: makes it reversible. */
  readonly reverse?:
    string | { readonly sql: string; readonly parameters?: readonly unknown[] } | undefined
}
