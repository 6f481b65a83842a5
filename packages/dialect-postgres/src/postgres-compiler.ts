import type {
  AlterColumnOperation,
  ColumnDefault,
  ColumnDefinition,
  ColumnTypeSpec,
  CompiledStatement,
  Compiler,
  ConstraintInitially,
  CreateTableOperation,
  ForeignKeyReference,
  IndexColumn,
  Operation,
  QualifiedName,
  ScriptFrame,
  TableConstraint,
} from '@retort/core'
import { RetortError } from '@retort/core/errors'
import { needsUsingCast, postgresColumnType } from './postgres-column-type.js'
import {
  fitIdentifier,
  foreignKeyName,
  inlineStatement,
  numberPlaceholders,
  quoteIdentifier,
  quoteString,
  renderLiteral,
  toPostgresValue,
} from './postgres-literal.js'

/** PostgreSQL's limit on bind parameters per statement. */
export const MAX_PARAMETERS = 65535

/** Rows per INSERT statement of a bulk insert (fewer when the placeholder limit says so). */
export const MAX_ROWS_PER_INSERT = 1000

/**
 * An operation PostgreSQL cannot run as asked; the message says how to write it instead.
 *
 * @example
 * ```ts
 * try { compiler.compile(operation) } catch (error) { error instanceof PostgresCompileError }
 * ```
 */
export class PostgresCompileError extends RetortError {
  constructor(message: string) {
    super('postgres-compile', message)
  }
}

/**
 * Options of {@link PostgresCompiler}.
 *
 * @example
 * ```ts
 * const options: PostgresCompilerOptions = { schema: 'tenant_a' }
 * ```
 */
export interface PostgresCompilerOptions {
  /**
   * The dialect's `schema` (the `search_path` of an online run): offline scripts create it
   * when missing and set `search_path` to it at the top ({@link PostgresCompiler.scriptFrame}).
   */
  readonly schema?: string | undefined
}

/**
 * Pure translation of operations to PostgreSQL SQL. Identifiers are always quoted (`"`
 * doubled); values are `$n` parameters, except column defaults and comments inside DDL,
 * which PostgreSQL cannot bind and which are written as literals ({@link renderLiteral}).
 * A `schema` qualifies the table (`"tenant"."account"`); without one, names resolve
 * through the connection's `search_path`. Comments are separate `COMMENT ON` statements.
 *
 * @example
 * ```ts
 * const compiler = new PostgresCompiler()
 * const op = new Operations({ dialect: 'postgresql', offline: true })
 * compiler.compile(op.addColumn('account', op.column('note', 'text')))
 * // [{ sql: 'ALTER TABLE "account" ADD COLUMN "note" TEXT', parameters: [] }]
 * ```
 */
export class PostgresCompiler implements Compiler {
  readonly #schema: string | undefined

  constructor(options: PostgresCompilerOptions = {}) {
    this.#schema = options.schema === '' ? undefined : options.schema
  }

  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new PostgresCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'ALTER TABLE "a" RENAME TO "b"', parameters: [] }]
   * ```
   */
  compile(operation: Operation): readonly CompiledStatement[] {
    switch (operation.kind) {
      case 'createTable':
        return this.#createTable(operation)
      case 'dropTable':
        return [
          ddl(
            `DROP TABLE ${operation.ifExists ? 'IF EXISTS ' : ''}${this.#table(operation.name, operation.schema)}`,
          ),
        ]
      case 'renameTable':
        // The new name is unqualified: RENAME TO keeps the table in its schema.
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.from, operation.schema)} RENAME TO ${quoteIdentifier(operation.to)}`,
          ),
        ]
      case 'addColumn': {
        const table = this.#table(operation.table, operation.schema)
        const statements = [
          ddl(
            `ALTER TABLE ${table} ADD COLUMN ${this.#column(operation.column, operation.table, operation.schema, true)}`,
          ),
        ]
        if (operation.column.comment !== undefined) {
          statements.push(
            this.#columnComment(table, operation.column.name, operation.column.comment),
          )
        }
        return statements
      }
      case 'dropColumn':
        // Constraints and indexes that use only this column go with it.
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} DROP COLUMN ${quoteIdentifier(operation.name)}`,
          ),
        ]
      case 'alterColumn':
        return this.#alterColumn(operation)
      case 'createIndex': {
        const parts = operation.columns.map((column) => indexPart(column))
        // Raw SQL predicate written by the migration author.
        const where = operation.where === undefined ? '' : ` WHERE ${operation.where}`
        return [
          ddl(
            `CREATE ${operation.unique ? 'UNIQUE ' : ''}INDEX ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)} (${parts.join(', ')})${where}`,
          ),
        ]
      }
      case 'dropIndex':
        // An index lives in its table's schema.
        return [
          ddl(
            `DROP INDEX ${operation.ifExists ? 'IF EXISTS ' : ''}${this.#table(operation.name, operation.schema)}`,
          ),
        ]
      case 'createUniqueConstraint':
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} UNIQUE (${list(operation.columns)})`,
          ),
        ]
      case 'createForeignKey':
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD ${this.#foreignKey(operation.schema, operation.name, operation.columns, operation.references, operation.deferrable, operation.initially)}`,
          ),
        ]
      case 'createCheckConstraint':
        // Raw SQL written by the migration author.
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} CHECK (${operation.expression})`,
          ),
        ]
      case 'createPrimaryKey':
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${quoteIdentifier(operation.name)} PRIMARY KEY (${list(operation.columns)})`,
          ),
        ]
      case 'dropConstraint':
        // PostgreSQL drops every kind of constraint by name: the type is not needed.
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} DROP CONSTRAINT ${quoteIdentifier(operation.name)}`,
          ),
        ]
      case 'createTableComment':
        return [
          ddl(
            `COMMENT ON TABLE ${this.#table(operation.table, operation.schema)} IS ${quoteString(operation.comment)}`,
          ),
        ]
      case 'dropTableComment':
        return [ddl(`COMMENT ON TABLE ${this.#table(operation.table, operation.schema)} IS NULL`)]
      case 'execute':
        return [
          numberPlaceholders({
            sql: operation.sql,
            parameters: operation.parameters.map(toPostgresValue),
          }),
        ]
      case 'bulkInsert':
        return this.#bulkInsert(
          operation.table,
          operation.schema,
          operation.columns,
          operation.rows,
        )
      default: {
        const _never: never = operation
        throw new PostgresCompileError(
          `unknown operation kind '${(_never as { kind: unknown }).kind}'`,
        )
      }
    }
  }

  /**
   * `"name"` with `"` doubled. Rejects empty names and NUL characters.
   *
   * @example
   * ```ts
   * new PostgresCompiler().quoteIdentifier('select') // '"select"'
   * ```
   */
  quoteIdentifier(name: string): string {
    return quoteIdentifier(name)
  }

  /**
   * The statement with its parameters written in as literals, for offline SQL scripts.
   *
   * @example
   * ```ts
   * new PostgresCompiler().inline({ sql: 'DELETE FROM "t" WHERE "id" = $1', parameters: [1] })
   * // 'DELETE FROM "t" WHERE "id" = 1'
   * ```
   */
  inline(statement: CompiledStatement): string {
    return inlineStatement(statement)
  }

  /**
   * What an offline script does before its statements, as an online run does on its
   * session: each schema it writes to (the version table's, the dialect's `schema`) is
   * created when missing, by a `DO` block that looks first (`CREATE SCHEMA IF NOT EXISTS`
   * needs the CREATE privilege even when the schema exists), and `search_path` is set to
   * the dialect's `schema` alone.
   *
   * @example
   * ```ts
   * new PostgresCompiler({ schema: 'tenant_a' }).scriptFrame({ name: 'retort_version' }).start
   * // [{ sql: 'DO $retort$ BEGIN IF NOT EXISTS ... $retort$', parameters: [] }, { sql: 'SET search_path TO "tenant_a"', parameters: [] }]
   * ```
   */
  scriptFrame(versionTable: QualifiedName): ScriptFrame {
    const schemas = [...new Set([versionTable.schema, this.#schema])].filter(
      (schema): schema is string => schema !== undefined && schema !== '',
    )
    const start = schemas.map((schema) =>
      ddl(
        dollarQuoted(
          'DO',
          `BEGIN IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${quoteString(schema)}) THEN CREATE SCHEMA ${quoteIdentifier(schema)}; END IF; END`,
        ),
      ),
    )
    if (this.#schema !== undefined) {
      start.push(ddl(`SET search_path TO ${quoteIdentifier(this.#schema)}`))
    }
    return Object.freeze({
      notes: ['run it so that it stops at the first error: psql -v ON_ERROR_STOP=1 -f SCRIPT'],
      start,
      check: () => [],
      end: [],
    })
  }

  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table, its primary key named
   * `<table>_pkc`. A `schema` must exist (online runs create a missing one under the
   * migration lock, offline scripts at their top: see {@link PostgresCompiler.scriptFrame}).
   *
   * @example
   * ```ts
   * new PostgresCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table: QualifiedName, idLength: number): readonly CompiledStatement[] {
    if (!Number.isSafeInteger(idLength) || idLength < 1 || idLength > 10_485_760) {
      throw new PostgresCompileError(
        `version id length must be an integer from 1 to 10485760 (got ${idLength})`,
      )
    }
    return [
      ddl(
        `CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} ("version_num" VARCHAR(${idLength}) NOT NULL, CONSTRAINT ${quoteIdentifier(fitIdentifier(`${table.name}_pkc`))} PRIMARY KEY ("version_num"))`,
      ),
    ]
  }

  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new PostgresCompiler().selectVersions({ name: 'retort_version', schema: 'tenant_a' })
   * ```
   */
  selectVersions(table: QualifiedName): CompiledStatement {
    return ddl(`SELECT "version_num" FROM ${this.#qualified(table)} ORDER BY "version_num"`)
  }

  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new PostgresCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table: QualifiedName, revision: string): CompiledStatement {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} ("version_num") VALUES ($1)`,
      parameters: [revision],
    }
  }

  /**
   * Moves a version row from one revision to another.
   *
   * @example
   * ```ts
   * new PostgresCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table: QualifiedName, from: string, to: string): CompiledStatement {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET "version_num" = $1 WHERE "version_num" = $2`,
      parameters: [to, from],
    }
  }

  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new PostgresCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table: QualifiedName, revision: string): CompiledStatement {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE "version_num" = $1`,
      parameters: [revision],
    }
  }

  #qualified(table: QualifiedName): string {
    return this.#table(table.name, table.schema)
  }

  #table(name: string, schema: string | undefined): string {
    return schema === undefined || schema === ''
      ? quoteIdentifier(name)
      : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`
  }

  #createTable(operation: CreateTableOperation): CompiledStatement[] {
    const { columns } = operation
    const keyColumns = columns.filter((column) => column.primaryKey)
    const parts = columns.map((column) =>
      this.#column(column, operation.name, operation.schema, keyColumns.length === 1),
    )
    if (keyColumns.length > 1) parts.push(`PRIMARY KEY (${list(keyColumns.map((c) => c.name))})`)
    for (const constraint of operation.constraints) {
      parts.push(this.#constraint(constraint, operation.schema))
    }
    const table = this.#table(operation.name, operation.schema)
    const statements = [
      ddl(
        `CREATE TABLE ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${table} (${parts.join(', ')})`,
      ),
    ]
    if (operation.comment !== undefined) {
      statements.push(ddl(`COMMENT ON TABLE ${table} IS ${quoteString(operation.comment)}`))
    }
    for (const column of columns) {
      if (column.comment !== undefined) {
        statements.push(this.#columnComment(table, column.name, column.comment))
      }
    }
    return statements
  }

  #columnComment(table: string, column: string, comment: string | null): CompiledStatement {
    return ddl(
      `COMMENT ON COLUMN ${table}.${quoteIdentifier(column)} IS ${comment === null ? 'NULL' : quoteString(comment)}`,
    )
  }

  /** A column definition; the primary key is inline when it is the table's only key column. */
  #column(
    column: ColumnDefinition,
    table: string,
    schema: string | undefined,
    inlinePrimaryKey: boolean,
  ): string {
    let sql = `${quoteIdentifier(column.name)} ${postgresColumnType(column)}`
    if (column.autoincrement) sql += ' GENERATED BY DEFAULT AS IDENTITY'
    if (!column.nullable) sql += ' NOT NULL'
    if (column.default !== undefined) sql += ` DEFAULT ${defaultLiteral(column, column.default)}`
    // Raw SQL written by the migration author.
    else if (column.defaultSql !== undefined) sql += ` DEFAULT ${column.defaultSql}`
    if (column.unique) sql += ' UNIQUE'
    if (column.primaryKey && inlinePrimaryKey) sql += ' PRIMARY KEY'
    const r = column.references
    if (r !== undefined) {
      sql += ` CONSTRAINT ${quoteIdentifier(foreignKeyName(table, column.name))} REFERENCES ${this.#table(r.table, r.schema ?? schema)} (${quoteIdentifier(r.column)})${actions(r.onDelete, r.onUpdate)}`
    }
    return sql
  }

  #constraint(constraint: TableConstraint, schema: string | undefined): string {
    const name =
      constraint.name === undefined ? '' : `CONSTRAINT ${quoteIdentifier(constraint.name)} `
    switch (constraint.kind) {
      case 'primaryKey':
        return `${name}PRIMARY KEY (${list(constraint.columns)})`
      case 'unique':
        return `${name}UNIQUE (${list(constraint.columns)})`
      case 'foreignKey':
        return this.#foreignKey(
          schema,
          constraint.name,
          constraint.columns,
          constraint.references,
          constraint.deferrable,
          constraint.initially,
        )
      case 'check':
        // Raw SQL written by the migration author.
        return `${name}CHECK (${constraint.expression})`
      default: {
        const _never: never = constraint
        throw new PostgresCompileError(
          `unknown constraint kind '${(_never as { kind: unknown }).kind}'`,
        )
      }
    }
  }

  /**
   * `FOREIGN KEY ... REFERENCES`; a referenced table without a schema is in the schema of
   * the table that has the key.
   */
  #foreignKey(
    schema: string | undefined,
    name: string | undefined,
    columns: readonly string[],
    references: ForeignKeyReference,
    deferrable: boolean | undefined,
    initially: ConstraintInitially | undefined,
  ): string {
    const prefix = name === undefined ? '' : `CONSTRAINT ${quoteIdentifier(name)} `
    let sql = `${prefix}FOREIGN KEY (${list(columns)}) REFERENCES ${this.#table(references.table, references.schema ?? schema)} (${list(references.columns)})${actions(references.onDelete, references.onUpdate)}`
    if (deferrable !== undefined) sql += deferrable ? ' DEFERRABLE' : ' NOT DEFERRABLE'
    if (initially !== undefined) sql += ` INITIALLY ${checkInitially(initially)}`
    return sql
  }

  /**
   * Native `ALTER COLUMN`: type (with `USING "col"::type` where the cast may need to be
   * explicit), nullability and default in one `ALTER TABLE`, then the rename, then the
   * comment (on the new name). Nothing that is not asked for changes, so no `existing*`
   * hints are needed.
   */
  #alterColumn(operation: AlterColumnOperation): CompiledStatement[] {
    const table = this.#table(operation.table, operation.schema)
    const name = quoteIdentifier(operation.name)
    const clauses: string[] = []
    if (operation.type !== undefined) {
      const type = postgresColumnType(operation.type)
      const using = needsUsingCast(operation.type) ? ` USING ${name}::${type}` : ''
      clauses.push(`ALTER COLUMN ${name} TYPE ${type}${using}`)
    }
    if (operation.nullable !== undefined) {
      clauses.push(`ALTER COLUMN ${name} ${operation.nullable ? 'DROP' : 'SET'} NOT NULL`)
    }
    if (operation.default === null) {
      clauses.push(`ALTER COLUMN ${name} DROP DEFAULT`)
    } else if (operation.default !== undefined) {
      const typed: ColumnTypeSpec | undefined =
        operation.type ??
        operation.existingType ??
        operation.tableDefinition?.columns.find((c) => c.name === operation.name)
      clauses.push(`ALTER COLUMN ${name} SET DEFAULT ${defaultLiteral(typed, operation.default)}`)
    } else if (operation.defaultSql !== undefined) {
      // Raw SQL written by the migration author.
      clauses.push(`ALTER COLUMN ${name} SET DEFAULT ${operation.defaultSql}`)
    }
    const statements: CompiledStatement[] = []
    if (clauses.length > 0) statements.push(ddl(`ALTER TABLE ${table} ${clauses.join(', ')}`))
    const newName =
      operation.newName !== undefined && operation.newName !== operation.name
        ? operation.newName
        : undefined
    if (newName !== undefined) {
      statements.push(
        ddl(`ALTER TABLE ${table} RENAME COLUMN ${name} TO ${quoteIdentifier(newName)}`),
      )
    }
    if (operation.comment !== undefined) {
      statements.push(this.#columnComment(table, newName ?? operation.name, operation.comment))
    }
    return statements
  }

  #bulkInsert(
    table: string,
    schema: string | undefined,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): CompiledStatement[] {
    if (rows.length === 0) return []
    const perStatement = Math.max(
      1,
      Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)),
    )
    const head = `INSERT INTO ${this.#table(table, schema)} (${list(columns)}) VALUES `
    const statements: CompiledStatement[] = []
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement)
      let n = 0
      const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`)
      statements.push({
        sql: head + tuples.join(', '),
        parameters: chunk.flatMap((row) => row.map(toPostgresValue)),
      })
    }
    return statements
  }
}

/** `"a", "b"` */
function list(names: readonly string[]): string {
  return names.map((name) => quoteIdentifier(name)).join(', ')
}

/** An index entry: a quoted column, or the author's raw expression in parentheses. */
function indexPart(column: IndexColumn): string {
  return typeof column === 'string' ? quoteIdentifier(column) : `(${column.expression})`
}

/** The referential actions PostgreSQL knows; operations are plain data, so check again. */
const REFERENTIAL_ACTIONS: readonly string[] = [
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
  'RESTRICT',
  'NO ACTION',
]

function actions(onDelete: string | undefined, onUpdate: string | undefined): string {
  const check = (value: string) => {
    if (!REFERENTIAL_ACTIONS.includes(value)) {
      throw new PostgresCompileError(
        `'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(', ')}`,
      )
    }
    return value
  }
  return `${onDelete === undefined ? '' : ` ON DELETE ${check(onDelete)}`}${onUpdate === undefined ? '' : ` ON UPDATE ${check(onUpdate)}`}`
}

function checkInitially(value: string): ConstraintInitially {
  if (value !== 'DEFERRED' && value !== 'IMMEDIATE') {
    throw new PostgresCompileError(`initially must be DEFERRED or IMMEDIATE (got '${value}')`)
  }
  return value
}

/**
 * A literal default: a `Date` on a DATE or TIME column is its UTC date or time alone;
 * everything else as {@link renderLiteral} writes it.
 */
function defaultLiteral(column: ColumnTypeSpec | undefined, value: ColumnDefault): string {
  if (value instanceof Date && column?.type === 'date') {
    return `'${toPostgresValue(value) as string}'`.replace(/T.*'$/, "'")
  }
  if (value instanceof Date && column?.type === 'time') {
    return `'${(toPostgresValue(value) as string).slice(11, 23)}'`
  }
  return renderLiteral(value)
}

function ddl(sql: string): CompiledStatement {
  return { sql, parameters: [] }
}

/** `keyword $tag$body$tag$`, with a tag the body does not contain. */
function dollarQuoted(keyword: string, body: string): string {
  let tag = '$retort$'
  for (let n = 1; body.includes(tag); n++) tag = `$retort${n}$`
  return `${keyword} ${tag} ${body} ${tag}`
}
