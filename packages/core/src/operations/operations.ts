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
  type ColumnDefinition,
  type ColumnOptions,
  type ColumnSpec,
  type ColumnType,
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
  type TableConstraint,
} from './table-constraint.js'
import {
  checkExistingTableDefinition,
  checkIndexColumns,
  checkIndexDefinition,
  checkTableDefinition,
  checkTableDefinitionInput,
} from './table-definition-input.js'
import type {
  CreateTableOptions,
  DropTableOptions,
  SchemaOptions,
  RebuildOptions,
  DropColumnOptions,
  AlterColumnOptions,
  CreateForeignKeyOptions,
  DropConstraintOptions,
  CreateTableCommentOptions,
  DropTableCommentOptions,
  CreateIndexOptions,
  DropIndexOptions,
  ExecuteOptions,
} from './operation-options.js'
import { CONSTRAINT_TYPES, OPTION_KEYS } from './operation-option-keys.js'

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
