import {
  checkBoolean,
  checkName,
  checkNameList,
  checkOptionalName,
  checkOptions,
  checkString,
  compact,
  fail,
  isPlainObject,
  show,
  type Subject,
} from './argument-checks.js'
import {
  checkColumnTypeSpec,
  checkDefault,
  checkReferentialAction,
  COLUMN_TYPE_OPTION_KEYS,
  createColumn,
  normalizeColumn,
  type ColumnDefault,
  type ColumnDefinition,
  type ColumnOptions,
  type ColumnSpec,
  type ColumnType,
  type ReferentialAction,
} from './column.js'
import { makeOperation } from './reverse-operation.js'
import { OperationError, type ArgumentPath } from './operation-error.js'
import type {
  AddColumnOperation,
  AlterColumnOperation,
  BulkInsertOperation,
  ColumnTypeSpec,
  ConstraintType,
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
  IndexColumn,
  IndexDefinition,
  Operation,
  OperationData,
  RenameTableOperation,
  SqlStatement,
} from './operation.js'
import {
  checkDeferrable,
  checkForeignKey,
  FOREIGN_KEY_KEYS,
  TABLE_CONSTRAINT_KEYS,
  type ConstraintInitially,
  type TableConstraint,
  type TableConstraintOptions,
} from './table-constraint.js'
import {
  checkExistingTableDefinition,
  checkIndexColumns,
  checkIndexDefinition,
  checkTableDefinition,
  checkTableDefinitionInput,
} from './table-definition-input.js'

/**
 * What an {@link Operations} object needs from the runtime that created it.
 *
 * @example
 * ```ts
 * const context: OperationsContext = { dialect: 'sqlite', offline: true }
 * ```
 */
export interface OperationsContext {
  /** `'sqlite'`, `'postgresql'`, `'mysql'` ... so a revision can branch on it. */
  readonly dialect: string
  /** `true` in offline `--sql` mode: operations are compiled and printed, nothing runs. */
  readonly offline: boolean
  /** Online only: runs the queued operations, then the query; returns its rows. */
  readonly query?:
    | ((
        pending: readonly Operation[],
        sql: string,
        parameters: readonly unknown[],
      ) => Promise<readonly Record<string, unknown>[]>)
    | undefined
}

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

/** The option keys each builder accepts (its positional arguments are not options). */
const OPTION_KEYS = {
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

const CONSTRAINT_TYPES: readonly ConstraintType[] = ['primaryKey', 'unique', 'foreignKey', 'check']

/**
 * The `op` object a revision's `upgrade`/`downgrade` receives. Builder methods are
 * synchronous: each validates its arguments (throwing a one-line {@link OperationError}),
 * queues a frozen {@link Operation} and returns it. The runtime drains the queue with
 * {@link Operations.takePending} after the revision function resolves; `query()` flushes
 * it early to read data.
 *
 * @example
 * ```ts
 * export async function upgrade(op: Operations) {
 *   op.createTable('account', [
 *     op.column('id', 'integer', { primaryKey: true }),
 *     op.column('email', 'string', { length: 255, nullable: false, unique: true }),
 *   ])
 *   op.createIndex('ix_account_email', 'account', ['email'])
 * }
 * ```
 */
export class Operations {
  readonly #context: OperationsContext
  #pending: Operation[] = []

  constructor(context: OperationsContext) {
    this.#context = context
  }

  /** The dialect name: `'sqlite'`, `'postgresql'`, `'mysql'` ... */
  get dialect(): string {
    return this.#context.dialect
  }

  /** `true` when compiling an offline SQL script (`--sql`): `query()` is unavailable. */
  get offline(): boolean {
    return this.#context.offline
  }

  /**
   * Builds a column definition (queues nothing).
   *
   * @example
   * ```ts
   * op.column('price', 'decimal', { precision: 10, scale: 2, default: 0 })
   * ```
   */
  column(name: string, type: ColumnType, options?: ColumnOptions): ColumnDefinition {
    return createColumn(name, type, options)
  }

  /**
   * Queues `CREATE TABLE`.
   *
   * @example
   * ```ts
   * op.createTable('child', [
   *   op.column('id', 'integer', { primaryKey: true }),
   *   op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
   * ], { ifNotExists: true })
   * ```
   */
  createTable(
    name: string,
    columns: readonly ColumnSpec[],
    options?: CreateTableOptions,
  ): CreateTableOperation {
    const at = subject(`createTable(${show(name)})`)
    const checkedName = checkName(at, name, ['name'])
    const o = checkOptions(at, options, [], OPTION_KEYS.createTable)
    const definition = checkTableDefinition(at, ['columns'], { ...o, columns })
    return this.#queue<CreateTableOperation>({
      kind: 'createTable',
      name: checkedName,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: definition.columns,
      constraints: definition.constraints,
      ifNotExists: checkBoolean(at, o['ifNotExists'], ['ifNotExists']) ?? false,
      comment: definition.comment,
    })
  }

  /**
   * Queues `DROP TABLE`. Pass `definition` (the columns) to make it reversible.
   *
   * @example
   * ```ts
   * op.dropTable('account', { definition: [op.column('id', 'integer', { primaryKey: true })] })
   * ```
   */
  dropTable(name: string, options?: DropTableOptions): DropTableOperation {
    const at = subject(`dropTable(${show(name)})`)
    const checkedName = checkName(at, name, ['name'])
    const o = checkOptions(at, options, [], OPTION_KEYS.dropTable)
    const definition = o['definition']
    return this.#queue<DropTableOperation>({
      kind: 'dropTable',
      name: checkedName,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      ifExists: checkBoolean(at, o['ifExists'], ['ifExists']) ?? false,
      definition:
        definition === undefined
          ? undefined
          : checkTableDefinitionInput(at, definition, ['definition']),
    })
  }

  /**
   * Queues `ALTER TABLE from RENAME TO to`.
   *
   * @example
   * ```ts
   * op.renameTable('account', 'user_account')
   * ```
   */
  renameTable(from: string, to: string, options?: SchemaOptions): RenameTableOperation {
    const at = subject(`renameTable(${show(from)}, ${show(to)})`)
    const o = checkOptions(at, options, [], OPTION_KEYS.renameTable)
    const checkedFrom = checkName(at, from, ['from'])
    const checkedTo = checkName(at, to, ['to'])
    if (checkedFrom === checkedTo) fail(at, ['to'], `is the same as from`)
    return this.#queue<RenameTableOperation>({
      kind: 'renameTable',
      from: checkedFrom,
      to: checkedTo,
      schema: checkOptionalName(at, o['schema'], ['schema']),
    })
  }

  /**
   * Queues `ALTER TABLE ... ADD COLUMN`. On SQLite, a column it cannot add natively (a
   * primary key, `unique`, NOT NULL without a default) is added by a table rebuild.
   *
   * @example
   * ```ts
   * op.addColumn('child', op.column('note', 'text'))
   * ```
   */
  addColumn(table: string, column: ColumnSpec, options?: RebuildOptions): AddColumnOperation {
    const at = subject(`addColumn(${show(table)})`)
    const checkedTable = checkName(at, table, ['table'])
    const o = checkOptions(at, options, [], OPTION_KEYS.addColumn)
    if (column === undefined) fail(at, ['column'], 'is required: op.column(name, type, options)')
    return this.#queue<AddColumnOperation>({
      kind: 'addColumn',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      column: normalizeColumn(column, at, ['column']),
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues `ALTER TABLE ... DROP COLUMN`. Pass `definition` to make it reversible. On
   * SQLite, a column its native DROP COLUMN refuses (a key, indexed, in a constraint) is
   * dropped by a table rebuild, with the indexes and table constraints that use it.
   *
   * @example
   * ```ts
   * op.dropColumn('child', 'note', { definition: { type: 'text' } })
   * ```
   */
  dropColumn(table: string, name: string, options?: DropColumnOptions): DropColumnOperation {
    const at = subject(`dropColumn(${show(table)}, ${show(name)})`)
    const checkedTable = checkName(at, table, ['table'])
    const checkedName = checkName(at, name, ['name'])
    const o = checkOptions(at, options, [], OPTION_KEYS.dropColumn)
    let definition: ColumnDefinition | undefined
    if (o['definition'] !== undefined) {
      if (!isPlainObject(o['definition'])) {
        fail(at, ['definition'], `must be { type, ... } (got ${show(o['definition'])})`)
      }
      const spec = { name: checkedName, ...o['definition'] } as ColumnSpec
      if (spec.name !== checkedName) {
        fail(
          at,
          ['definition', 'name'],
          `'${spec.name}' differs from the dropped column '${checkedName}'`,
        )
      }
      definition = normalizeColumn(spec, at, ['definition'])
    }
    return this.#queue<DropColumnOperation>({
      kind: 'dropColumn',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      name: checkedName,
      definition,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues a change of a column: type, nullability, default, name, comment. Keys left out
   * are not changed; `default: null` removes the default. Give the `existing*` hints of
   * what changes to make it reversible (MySQL also needs `existingType`, `existingNullable`,
   * `existingDefault` and `existingComment` of what does not change). On SQLite a rename
   * alone is `RENAME COLUMN`, a comment is ignored, anything else is a table rebuild.
   *
   * @example
   * ```ts
   * op.alterColumn('parent', 'name', { nullable: false, existingNullable: true })
   * op.alterColumn('parent', 'name', { type: 'string', length: 80, newName: 'title' })
   * ```
   */
  alterColumn(table: string, name: string, options: AlterColumnOptions): AlterColumnOperation {
    const at = subject(`alterColumn(${show(table)}, ${show(name)})`)
    const checkedTable = checkName(at, table, ['table'])
    const checkedName = checkName(at, name, ['name'])
    const o = checkOptions(at, options, [], OPTION_KEYS.alterColumn)
    let type: ColumnTypeSpec | undefined
    if (o['type'] !== undefined) {
      type = checkColumnTypeSpec(at, o['type'], o)
    } else {
      const orphan = COLUMN_TYPE_OPTION_KEYS.find((key) => o[key] !== undefined)
      if (orphan !== undefined) fail(at, [orphan], 'needs type as well (give the whole new type)')
    }
    const defaultValue = checkDefault(at, o['default'], ['default'])
    const defaultSql = checkString(at, o['defaultSql'], ['defaultSql'])
    if (defaultSql !== undefined && defaultValue !== undefined) {
      fail(at, ['defaultSql'], "cannot be combined with 'default'; give one of them")
    }
    const existingDefault = checkDefault(at, o['existingDefault'], ['existingDefault'])
    const existingDefaultSql = checkString(at, o['existingDefaultSql'], ['existingDefaultSql'])
    if (existingDefaultSql !== undefined && existingDefault !== undefined) {
      fail(
        at,
        ['existingDefaultSql'],
        "cannot be combined with 'existingDefault'; give one of them",
      )
    }
    const newName = checkOptionalName(at, o['newName'], ['newName'])
    if (newName === checkedName) fail(at, ['newName'], 'is the same as the current name')
    const nullable = checkBoolean(at, o['nullable'], ['nullable'])
    const comment = checkComment(at, o['comment'], ['comment'])
    if (
      type === undefined &&
      nullable === undefined &&
      defaultValue === undefined &&
      defaultSql === undefined &&
      newName === undefined &&
      comment === undefined
    ) {
      fail(at, [], 'changes nothing; give type, nullable, default, defaultSql, newName or comment')
    }
    return this.#queue<AlterColumnOperation>({
      kind: 'alterColumn',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      name: checkedName,
      type,
      nullable,
      default: defaultValue,
      defaultSql,
      newName,
      comment,
      existingType: existingType(at, o['existingType']),
      existingNullable: checkBoolean(at, o['existingNullable'], ['existingNullable']),
      existingDefault,
      existingDefaultSql,
      existingComment: checkComment(at, o['existingComment'], ['existingComment']),
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues `CREATE [UNIQUE] INDEX`. An entry of `columns` is a column name or
   * `{ expression: 'lower(email)' }`; expressions and `where` (a partial index) are raw SQL
   * written by the migration author, spliced as is.
   *
   * @example
   * ```ts
   * op.createIndex('ix_child_parent', 'child', ['parent_id'], { where: 'parent_id > 0' })
   * op.createIndex('ux_email', 'account', [{ expression: 'lower(email)' }], { unique: true })
   * ```
   */
  createIndex(
    name: string,
    table: string,
    columns: readonly IndexColumn[],
    options?: CreateIndexOptions,
  ): CreateIndexOperation {
    const at = subject(`createIndex(${show(name)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const checkedColumns = checkIndexColumns(at, columns, ['columns'])
    const o = checkOptions(at, options, [], OPTION_KEYS.createIndex)
    return this.#queue<CreateIndexOperation>({
      kind: 'createIndex',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: checkedColumns,
      unique: checkBoolean(at, o['unique'], ['unique']) ?? false,
      where: checkString(at, o['where'], ['where']),
      ifNotExists: checkBoolean(at, o['ifNotExists'], ['ifNotExists']) ?? false,
    })
  }

  /**
   * Queues `DROP INDEX`. Pass `table` and `definition` to make it reversible.
   *
   * @example
   * ```ts
   * op.dropIndex('ix_child_parent', { table: 'child', definition: { columns: ['parent_id'] } })
   * ```
   */
  dropIndex(name: string, options?: DropIndexOptions): DropIndexOperation {
    const at = subject(`dropIndex(${show(name)})`)
    const checkedName = checkName(at, name, ['name'])
    const o = checkOptions(at, options, [], OPTION_KEYS.dropIndex)
    const table = checkOptionalName(at, o['table'], ['table'])
    let definition: IndexDefinition | undefined
    if (o['definition'] !== undefined) {
      const d = checkOptions(at, o['definition'], ['definition'], ['columns', 'unique', 'where'])
      if (table === undefined) fail(at, ['table'], 'is required with a definition')
      definition = checkIndexDefinition(at, d, ['definition'])
    }
    return this.#queue<DropIndexOperation>({
      kind: 'dropIndex',
      name: checkedName,
      table,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      ifExists: checkBoolean(at, o['ifExists'], ['ifExists']) ?? false,
      definition,
    })
  }

  /**
   * Queues a named UNIQUE constraint on `columns` (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createUniqueConstraint('uq_article_slug', 'article', ['tenant', 'slug'])
   * ```
   */
  createUniqueConstraint(
    name: string,
    table: string,
    columns: readonly string[],
    options?: RebuildOptions,
  ): CreateUniqueConstraintOperation {
    const at = subject(`createUniqueConstraint(${show(name)}, ${show(table)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const checkedColumns = checkNameList(at, columns, ['columns'])
    const o = checkOptions(at, options, [], OPTION_KEYS.createUniqueConstraint)
    return this.#queue<CreateUniqueConstraintOperation>({
      kind: 'createUniqueConstraint',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: checkedColumns,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues a named FOREIGN KEY from `columns` of `table` to `referencedColumns` of
   * `referencedTable` (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
   *   onDelete: 'CASCADE',
   *   deferrable: true,
   *   initially: 'DEFERRED',
   * })
   * ```
   */
  createForeignKey(
    name: string,
    table: string,
    referencedTable: string,
    columns: readonly string[],
    referencedColumns: readonly string[],
    options?: CreateForeignKeyOptions,
  ): CreateForeignKeyOperation {
    const at = subject(`createForeignKey(${show(name)}, ${show(table)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const checkedColumns = checkNameList(at, columns, ['columns'])
    const o = checkOptions(at, options, [], OPTION_KEYS.createForeignKey)
    const checkedReferencedColumns = checkNameList(at, referencedColumns, ['referencedColumns'])
    if (checkedReferencedColumns.length !== checkedColumns.length) {
      fail(
        at,
        ['referencedColumns'],
        `has ${checkedReferencedColumns.length} columns but columns has ${checkedColumns.length}`,
      )
    }
    const references = compact({
      table: checkName(at, referencedTable, ['referencedTable']),
      schema: checkOptionalName(at, o['referencedSchema'], ['referencedSchema']),
      columns: checkedReferencedColumns,
      onDelete: checkReferentialAction(at, o['onDelete'], ['onDelete']),
      onUpdate: checkReferentialAction(at, o['onUpdate'], ['onUpdate']),
    })
    const { deferrable, initially } = checkDeferrable(at, o['deferrable'], o['initially'], [])
    return this.#queue<CreateForeignKeyOperation>({
      kind: 'createForeignKey',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: checkedColumns,
      references,
      deferrable,
      initially,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues a named CHECK constraint; `expression` is raw SQL written by the migration
   * author (SQLite: a table rebuild).
   *
   * @example
   * ```ts
   * op.createCheckConstraint('ck_item_price', 'item', 'price >= 0')
   * ```
   */
  createCheckConstraint(
    name: string,
    table: string,
    expression: string,
    options?: RebuildOptions,
  ): CreateCheckConstraintOperation {
    const at = subject(`createCheckConstraint(${show(name)}, ${show(table)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const checkedExpression = checkString(at, expression, ['expression'])
    if (checkedExpression === undefined) fail(at, ['expression'], 'is required')
    const o = checkOptions(at, options, [], OPTION_KEYS.createCheckConstraint)
    return this.#queue<CreateCheckConstraintOperation>({
      kind: 'createCheckConstraint',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      expression: checkedExpression,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues a PRIMARY KEY on `columns` of a table that has none (SQLite: a table rebuild,
   * which also makes the key columns NOT NULL).
   *
   * @example
   * ```ts
   * op.createPrimaryKey('pk_line', 'line', ['order_id', 'n'])
   * ```
   */
  createPrimaryKey(
    name: string,
    table: string,
    columns: readonly string[],
    options?: RebuildOptions,
  ): CreatePrimaryKeyOperation {
    const at = subject(`createPrimaryKey(${show(name)}, ${show(table)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const checkedColumns = checkNameList(at, columns, ['columns'])
    const o = checkOptions(at, options, [], OPTION_KEYS.createPrimaryKey)
    return this.#queue<CreatePrimaryKeyOperation>({
      kind: 'createPrimaryKey',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: checkedColumns,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues dropping a named constraint. Pass `type` (MySQL needs it) and `definition` to
   * make it reversible (SQLite: a table rebuild; with `type: 'primaryKey'` it drops the
   * table's primary key whatever its name).
   *
   * @example
   * ```ts
   * op.dropConstraint('ck_item_price', 'item', { type: 'check', definition: { expression: 'price >= 0' } })
   * ```
   */
  dropConstraint(
    name: string,
    table: string,
    options?: DropConstraintOptions,
  ): DropConstraintOperation {
    const at = subject(`dropConstraint(${show(name)}, ${show(table)})`)
    const checkedName = checkName(at, name, ['name'])
    const checkedTable = checkName(at, table, ['table'])
    const o = checkOptions(at, options, [], OPTION_KEYS.dropConstraint)
    const type = o['type']
    if (type !== undefined && !CONSTRAINT_TYPES.includes(type as ConstraintType)) {
      fail(at, ['type'], `must be one of ${CONSTRAINT_TYPES.join(', ')} (got ${show(type)})`)
    }
    let definition: TableConstraint | undefined
    if (o['definition'] !== undefined) {
      if (type === undefined) fail(at, ['type'], 'is required with a definition')
      definition = constraintDefinition(at, type as ConstraintType, checkedName, o['definition'], [
        'definition',
      ])
    }
    return this.#queue<DropConstraintOperation>({
      kind: 'dropConstraint',
      name: checkedName,
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      type: type as ConstraintType | undefined,
      definition,
      tableDefinition: checkExistingTableDefinition(at, o['tableDefinition'], ['tableDefinition']),
    })
  }

  /**
   * Queues setting a table's comment (SQLite has no comments: compiles to nothing). Pass
   * `existingComment` (`null` when there was none) to make it reversible.
   *
   * @example
   * ```ts
   * op.createTableComment('account', 'people who log in', { existingComment: null })
   * ```
   */
  createTableComment(
    table: string,
    comment: string,
    options?: CreateTableCommentOptions,
  ): CreateTableCommentOperation {
    const at = subject(`createTableComment(${show(table)})`)
    const checkedTable = checkName(at, table, ['table'])
    const checkedComment = checkString(at, comment, ['comment'], true)
    if (checkedComment === undefined) {
      fail(at, ['comment'], 'is required; use dropTableComment to remove a comment')
    }
    const o = checkOptions(at, options, [], OPTION_KEYS.createTableComment)
    return this.#queue<CreateTableCommentOperation>({
      kind: 'createTableComment',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      comment: checkedComment,
      existingComment: checkComment(at, o['existingComment'], ['existingComment']),
    })
  }

  /**
   * Queues removing a table's comment (SQLite: nothing). Pass `existingComment` to make it
   * reversible.
   *
   * @example
   * ```ts
   * op.dropTableComment('account', { existingComment: 'people who log in' })
   * ```
   */
  dropTableComment(table: string, options?: DropTableCommentOptions): DropTableCommentOperation {
    const at = subject(`dropTableComment(${show(table)})`)
    const checkedTable = checkName(at, table, ['table'])
    const o = checkOptions(at, options, [], OPTION_KEYS.dropTableComment)
    return this.#queue<DropTableCommentOperation>({
      kind: 'dropTableComment',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      existingComment: checkString(at, o['existingComment'], ['existingComment'], true),
    })
  }

  /**
   * Queues raw SQL with bound `?` parameters. Irreversible unless `reverse` SQL is given.
   * The second argument may be the options when there are no parameters.
   *
   * @example
   * ```ts
   * op.execute('UPDATE parent SET name = ? WHERE id = ?', ['b', 1], {
   *   reverse: { sql: 'UPDATE parent SET name = ? WHERE id = ?', parameters: ['a', 1] },
   * })
   * ```
   */
  execute(
    sql: string,
    parameters?: readonly unknown[] | ExecuteOptions,
    options?: ExecuteOptions,
  ): ExecuteOperation {
    const at = subject(`execute(${show(sql)})`)
    if (isPlainObject(parameters) && options === undefined) {
      return this.execute(sql, [], parameters as ExecuteOptions)
    }
    const statement = sqlStatement(at, [], sql, parameters, 'sql', 'parameters')
    const o = checkOptions(at, options, [], OPTION_KEYS.execute)
    const reverse = o['reverse']
    let reverseStatement: SqlStatement | undefined
    if (typeof reverse === 'string') {
      reverseStatement = sqlStatement(at, ['reverse'], reverse, undefined, '', 'parameters')
    } else if (reverse !== undefined) {
      const r = checkOptions(at, reverse, ['reverse'], ['sql', 'parameters'])
      reverseStatement = sqlStatement(
        at,
        ['reverse'],
        r['sql'],
        r['parameters'],
        'sql',
        'parameters',
      )
    }
    return this.#queue<ExecuteOperation>({
      kind: 'execute',
      sql: statement.sql,
      parameters: statement.parameters,
      reverseStatement,
    })
  }

  /**
   * Queues an `INSERT` of literal rows (values bound, never spliced). Rows may have
   * different keys: the columns are the union in first-seen order, a missing value is `null`.
   *
   * @example
   * ```ts
   * op.bulkInsert('parent', [{ id: 1, name: 'a' }, { id: 2 }])
   * ```
   */
  bulkInsert(
    table: string,
    rows: readonly Readonly<Record<string, unknown>>[],
    options?: SchemaOptions,
  ): BulkInsertOperation {
    const at = subject(`bulkInsert(${show(table)})`)
    const checkedTable = checkName(at, table, ['table'])
    const o = checkOptions(at, options, [], OPTION_KEYS.bulkInsert)
    if (!Array.isArray(rows)) fail(at, ['rows'], `must be a list of objects (got ${show(rows)})`)
    const columns: string[] = []
    rows.forEach((row: unknown, index) => {
      if (!isPlainObject(row)) fail(at, ['rows', index], `must be an object (got ${show(row)})`)
      for (const key of Object.keys(row)) {
        if (!columns.includes(key)) columns.push(checkName(at, key, ['rows', index, key]))
      }
    })
    if (rows.length > 0 && columns.length === 0) fail(at, ['rows'], 'has rows without any column')
    return this.#queue<BulkInsertOperation>({
      kind: 'bulkInsert',
      table: checkedTable,
      schema: checkOptionalName(at, o['schema'], ['schema']),
      columns: Object.freeze(columns),
      rows: Object.freeze(
        rows.map((row) => Object.freeze(columns.map((column) => row[column] ?? null))),
      ),
    })
  }

  /**
   * Queues an operation built elsewhere (a reversed operation, a YAML revision's list).
   *
   * @example
   * ```ts
   * op.enqueue(op.renameTable('a', 'b').reverse())
   * ```
   */
  enqueue(operation: Operation): Operation {
    if (!isPlainObject(operation) || typeof operation.kind !== 'string') {
      throw new OperationError(`enqueue: expects an operation (got ${show(operation)})`)
    }
    this.#pending.push(operation)
    return operation
  }

  /**
   * Runs the queued operations, then `sql` with bound `parameters`, and returns its rows.
   * Online only: in offline `--sql` mode there is no database to read.
   *
   * @example
   * ```ts
   * const rows = await op.query('SELECT id FROM parent WHERE name = ?', ['a'])
   * ```
   */
  async query(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<readonly Record<string, unknown>[]> {
    const at = subject(`query(${show(sql)})`)
    const statement = sqlStatement(at, [], sql, parameters, 'sql', 'parameters')
    const run = this.#context.query
    if (this.#context.offline || run === undefined) {
      throw new OperationError(
        this.#context.offline
          ? 'op.query() needs a database connection; it cannot run in offline --sql mode'
          : 'op.query() needs a database connection; this Operations object was created without one',
        { code: 'query-unavailable' },
      )
    }
    return run(this.takePending(), statement.sql, statement.parameters)
  }

  /**
   * Returns the queued operations and empties the queue (the runtime calls it after
   * `upgrade(op)` resolves).
   *
   * @example
   * ```ts
   * const operations = op.takePending()
   * ```
   */
  takePending(): Operation[] {
    const pending = this.#pending
    this.#pending = []
    return pending
  }

  #queue<T extends Operation>(data: OperationData<T>): T {
    const operation = makeOperation<T>(data)
    this.#pending.push(operation)
    return operation
  }
}

function subject(label: string): Subject {
  return { label, base: [] }
}

function sqlStatement(
  at: Subject,
  path: readonly (string | number)[],
  sql: unknown,
  parameters: unknown,
  sqlKey: string,
  parametersKey: string,
): SqlStatement {
  const checked = checkString(at, sql, sqlKey === '' ? path : [...path, sqlKey])
  if (checked === undefined) fail(at, sqlKey === '' ? path : [...path, sqlKey], 'is required')
  if (parameters !== undefined && !Array.isArray(parameters)) {
    fail(at, [...path, parametersKey], `must be a list of values (got ${show(parameters)})`)
  }
  return Object.freeze({ sql: checked, parameters: Object.freeze([...(parameters ?? [])]) })
}

/** A comment, or `null` (no comment). */
function checkComment(at: Subject, value: unknown, path: ArgumentPath): string | null | undefined {
  if (value === null) return null
  return checkString(at, value, path, true)
}

function existingType(at: Subject, value: unknown): ColumnTypeSpec | undefined {
  if (value === undefined) return undefined
  if (isPlainObject(value) && 'type' in value) {
    const o = checkOptions(at, value, ['existingType'], ['type', ...COLUMN_TYPE_OPTION_KEYS])
    return checkColumnTypeSpec(at, o['type'], o, (key) =>
      key === 'type' ? ['existingType', 'type'] : ['existingType', key],
    )
  }
  return checkColumnTypeSpec(at, value, {}, () => ['existingType'])
}

function constraintDefinition(
  at: Subject,
  type: ConstraintType,
  name: string,
  value: unknown,
  path: ArgumentPath,
): TableConstraint {
  switch (type) {
    case 'primaryKey':
    case 'unique': {
      const d = checkOptions(at, value, path, ['columns'])
      const columns = checkNameList(at, d['columns'], [...path, 'columns'])
      return Object.freeze({ kind: type, name, columns })
    }
    case 'check': {
      const d = checkOptions(at, value, path, ['expression'])
      const expression = checkString(at, d['expression'], [...path, 'expression'])
      if (expression === undefined) fail(at, [...path, 'expression'], 'is required')
      return Object.freeze({ kind: 'check', name, expression })
    }
    case 'foreignKey': {
      const d = checkOptions(
        at,
        value,
        path,
        FOREIGN_KEY_KEYS.filter((key) => key !== 'name'),
      )
      return checkForeignKey(at, { ...d, name }, path)
    }
  }
}

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
