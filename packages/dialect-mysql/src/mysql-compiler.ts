import type {
  AlterColumnOperation,
  ColumnDefault,
  ColumnDefinition,
  ColumnTypeSpec,
  CompiledStatement,
  Compiler,
  CreateTableOperation,
  ForeignKeyReference,
  IndexColumn,
  Operation,
  QualifiedName,
  TableConstraint,
} from '@retort/core'
import { RetortError } from '@retort/core/errors'
import { createHash } from 'node:crypto'
import { isBlobType, mysqlColumnType, needsKeyPrefix } from './mysql-column-type.js'
import {
  formatUtcDateTime,
  inlineStatement,
  isLiteralExpression,
  renderCommentLiteral,
  renderLiteral,
  toMysqlValue,
} from './mysql-literal.js'
import type { MysqlColumnChange } from './restate/mysql-column-definition.js'
import {
  isRestateStatement,
  type MysqlColumnRestatement,
  type MysqlRestateStatement,
} from './restate/mysql-restate-statement.js'

/** Storage engine of the tables Retort creates. */
export const DEFAULT_MYSQL_ENGINE = 'InnoDB'

/** Default character set of the tables Retort creates (4-byte UTF-8, emoji included). */
export const DEFAULT_MYSQL_CHARSET = 'utf8mb4'

/**
 * Prefix length (characters; bytes for BLOBs) of key parts over TEXT/BLOB columns and over
 * strings too long to index whole: 191 × 4 bytes = 764 bytes fits every InnoDB row format,
 * the old 767-byte limit included.
 */
export const DEFAULT_INDEX_PREFIX_LENGTH = 191

/** MySQL's limit on identifier length, in characters. */
export const MAX_IDENTIFIER_LENGTH = 64

/** MySQL's limit on placeholders per prepared statement. */
const MAX_PARAMETERS = 65535
/** Rows per INSERT statement of a bulk insert, below the placeholder limit. */
const MAX_ROWS_PER_INSERT = 500

/** The referential actions InnoDB accepts; nothing else is written after ON DELETE/UPDATE. */
const REFERENTIAL_ACTIONS = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'] as const

/** Defaults written without parentheses: MySQL accepts them bare on DATETIME/TIMESTAMP columns. */
const BARE_DEFAULT = /^\s*(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)\b/i

/** Table options, charset and collation names: written into DDL, so checked strictly. */
const OPTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/

/**
 * Options of {@link MysqlCompiler} (and of `mysqlDialect`'s second argument).
 *
 * @example
 * ```ts
 * const options: MysqlCompilerOptions = { collation: 'utf8mb4_unicode_ci', flavor: 'mariadb' }
 * ```
 */
export interface MysqlCompilerOptions {
  /** `ENGINE=` of created tables (default {@link DEFAULT_MYSQL_ENGINE}). */
  readonly engine?: string | undefined
  /** `DEFAULT CHARSET=` of created tables (default {@link DEFAULT_MYSQL_CHARSET}). */
  readonly charset?: string | undefined
  /** `COLLATE=` of created tables; default: the charset's default collation on the server. */
  readonly collation?: string | undefined
  /**
   * Prefix length of key parts over TEXT/BLOB columns and long strings (default
   * {@link DEFAULT_INDEX_PREFIX_LENGTH}); `null` writes no prefix (MariaDB then builds a
   * hash-based unique key over the whole value, MySQL refuses the key).
   */
  readonly indexPrefixLength?: number | null | undefined
  /**
   * The server, when known: `'mysql'` refuses MariaDB-only syntax (`IF [NOT] EXISTS` on
   * indexes) at compile time, `'mariadb'` refuses MySQL-only syntax (functional index
   * parts). Unknown (the default), MariaDB-only syntax is written and the server decides;
   * a functional index part, which MariaDB cannot parse, is refused with what to do.
   */
  readonly flavor?: 'mysql' | 'mariadb' | undefined
  /**
   * What the server's `VERSION()` says (`8.0.36`, `10.11.19-MariaDB`): gives the flavor
   * when `flavor` is not set, and the version that features depend on (functional index
   * parts: MySQL 8.0.13+). `mysqlDialect` fills it in once it has connected.
   */
  readonly serverVersion?: string | undefined
}

/**
 * An operation MySQL/MariaDB cannot run as asked (a partial index, a deferrable foreign
 * key, an `alterColumn` without the existing definition ...); the message says how to
 * write it instead.
 *
 * @example
 * ```ts
 * try { compiler.compile(operation) } catch (error) { error instanceof MysqlCompileError }
 * ```
 */
export class MysqlCompileError extends RetortError {
  constructor(message: string) {
    super('mysql-compile', message)
  }
}

/**
 * Pure translation of operations to MySQL/MariaDB SQL. Identifiers are always quoted with
 * backticks (`` ` `` doubled); values are `?` parameters, except column defaults inside
 * DDL, which MySQL cannot bind and which are written with {@link renderLiteral}. A
 * `schema` is a database name (`` `db`.`table` ``). Created tables get
 * `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4` (see {@link MysqlCompilerOptions}).
 *
 * @example
 * ```ts
 * const compiler = new MysqlCompiler()
 * const op = new Operations({ dialect: 'mysql', offline: true })
 * compiler.compile(op.addColumn('account', op.column('note', 'text')))
 * // [{ sql: 'ALTER TABLE `account` ADD COLUMN `note` TEXT NULL', parameters: [] }]
 * ```
 */
export class MysqlCompiler implements Compiler {
  readonly #engine: string
  readonly #charset: string
  readonly #collation: string | undefined
  readonly #prefixLength: number | null
  readonly #flavor: 'mysql' | 'mariadb' | undefined
  readonly #server: MysqlServerVersion | undefined

  constructor(options: MysqlCompilerOptions = {}) {
    this.#engine = optionName('engine', options.engine ?? DEFAULT_MYSQL_ENGINE)
    this.#charset = optionName('charset', options.charset ?? DEFAULT_MYSQL_CHARSET)
    this.#collation =
      options.collation === undefined ? undefined : optionName('collation', options.collation)
    const prefix = options.indexPrefixLength
    if (prefix !== undefined && prefix !== null && (!Number.isSafeInteger(prefix) || prefix < 1)) {
      throw new MysqlCompileError(
        `indexPrefixLength must be a positive integer or null (got ${String(prefix)})`,
      )
    }
    this.#prefixLength = prefix === undefined ? DEFAULT_INDEX_PREFIX_LENGTH : prefix
    if (
      options.flavor !== undefined &&
      options.flavor !== 'mysql' &&
      options.flavor !== 'mariadb'
    ) {
      throw new MysqlCompileError(
        `flavor must be 'mysql' or 'mariadb' (got ${String(options.flavor)})`,
      )
    }
    this.#server =
      typeof options.serverVersion === 'string'
        ? parseMysqlServerVersion(options.serverVersion)
        : undefined
    this.#flavor = options.flavor ?? this.#server?.flavor
  }

  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new MysqlCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'RENAME TABLE `a` TO `b`', parameters: [] }]
   * ```
   */
  compile(operation: Operation): readonly CompiledStatement[] {
    switch (operation.kind) {
      case 'createTable':
        return [ddl(this.#createTable(operation))]
      case 'dropTable':
        return [
          ddl(
            `DROP TABLE ${operation.ifExists ? 'IF EXISTS ' : ''}${this.#table(operation.name, operation.schema)}`,
          ),
        ]
      case 'renameTable':
        // Both names qualified: an unqualified new name would move the table into the
        // connection's default database.
        return [
          ddl(
            `RENAME TABLE ${this.#table(operation.from, operation.schema)} TO ${this.#table(operation.to, operation.schema)}`,
          ),
        ]
      case 'addColumn': {
        const { column } = operation
        const parts = [`ADD COLUMN ${this.#column(column, inlineKeys(column, this.#prefixLength))}`]
        parts.push(
          ...this.#separateKeys([column], column.primaryKey ? [column] : []).map((k) => `ADD ${k}`),
        )
        if (column.references !== undefined) {
          parts.push(`ADD ${this.#columnForeignKey(operation.schema, operation.table, column)}`)
        }
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ${parts.join(', ')}`),
        ]
      }
      case 'dropColumn': {
        // MySQL refuses to drop a column a foreign key uses: drop the keys Retort knows of first.
        const keys = new Set<string>()
        const existing = operation.tableDefinition?.columns.find((c) => c.name === operation.name)
        if (operation.definition?.references !== undefined || existing?.references !== undefined) {
          keys.add(foreignKeyName(operation.table, operation.name))
        }
        for (const constraint of operation.tableDefinition?.constraints ?? []) {
          if (
            constraint.kind === 'foreignKey' &&
            constraint.name !== undefined &&
            constraint.columns.includes(operation.name)
          ) {
            keys.add(constraint.name)
          }
        }
        const parts = [...keys].map((key) => `DROP FOREIGN KEY ${this.quoteIdentifier(key)}`)
        parts.push(`DROP COLUMN ${this.quoteIdentifier(operation.name)}`)
        return [
          ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} ${parts.join(', ')}`),
        ]
      }
      case 'alterColumn':
        return this.#alterColumn(operation)
      case 'createIndex': {
        if (operation.where !== undefined) {
          throw new MysqlCompileError(
            `MySQL has no partial indexes: index '${operation.name}' on '${operation.table}' cannot have where '${operation.where}'; drop the where, or index a generated column that is NULL outside the predicate (op.execute)`,
          )
        }
        if (operation.ifNotExists)
          this.#mariadbOnly(`CREATE INDEX IF NOT EXISTS ('${operation.name}')`)
        const parts = operation.columns.map((column) =>
          this.#indexPart(column, operation.name, operation.table),
        )
        return [
          ddl(
            `CREATE ${operation.unique ? 'UNIQUE ' : ''}INDEX ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${this.quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)} (${parts.join(', ')})`,
          ),
        ]
      }
      case 'dropIndex': {
        if (operation.table === undefined) {
          throw new MysqlCompileError(
            `MySQL drops an index from its table: dropIndex('${operation.name}') needs the table, e.g. op.dropIndex('${operation.name}', { table: 'TABLE' })`,
          )
        }
        if (operation.ifExists) this.#mariadbOnly(`DROP INDEX IF EXISTS ('${operation.name}')`)
        return [
          ddl(
            `DROP INDEX ${operation.ifExists ? 'IF EXISTS ' : ''}${this.quoteIdentifier(operation.name)} ON ${this.#table(operation.table, operation.schema)}`,
          ),
        ]
      }
      case 'createUniqueConstraint':
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} UNIQUE (${this.#keyParts(operation.columns, operation.tableDefinition?.columns)})`,
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
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} CHECK (${operation.expression})`,
          ),
        ]
      case 'createPrimaryKey':
        // MySQL accepts the constraint name and ignores it: a primary key is always `PRIMARY`.
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} ADD CONSTRAINT ${this.quoteIdentifier(operation.name)} PRIMARY KEY (${this.#keyParts(operation.columns, operation.tableDefinition?.columns)})`,
          ),
        ]
      case 'dropConstraint': {
        const type = operation.type ?? operation.definition?.kind
        const table = this.#table(operation.table, operation.schema)
        const name = this.quoteIdentifier(operation.name)
        switch (type) {
          case 'primaryKey':
            return [ddl(`ALTER TABLE ${table} DROP PRIMARY KEY`)]
          case 'unique':
            // A UNIQUE constraint is a unique index of the same name.
            return [ddl(`ALTER TABLE ${table} DROP INDEX ${name}`)]
          case 'foreignKey':
            // The index MySQL created for the key stays (it may serve queries, and it is
            // reused if the key is added again).
            return [ddl(`ALTER TABLE ${table} DROP FOREIGN KEY ${name}`)]
          case 'check':
            // DROP CONSTRAINT: MariaDB 10.2+ and MySQL 8.0.19+ (MySQL's DROP CHECK is not in MariaDB).
            return [ddl(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`)]
          case undefined:
            throw new MysqlCompileError(
              `MySQL drops each kind of constraint differently: dropConstraint('${operation.name}', '${operation.table}') needs its type, e.g. { type: 'foreignKey' } (or 'unique', 'check', 'primaryKey')`,
            )
          default: {
            const _never: never = type
            throw new MysqlCompileError(`unknown constraint type '${String(_never)}'`)
          }
        }
      }
      case 'createTableComment':
        return [
          ddl(
            `ALTER TABLE ${this.#table(operation.table, operation.schema)} COMMENT = ${renderCommentLiteral(operation.comment)}`,
          ),
        ]
      case 'dropTableComment':
        return [ddl(`ALTER TABLE ${this.#table(operation.table, operation.schema)} COMMENT = ''`)]
      case 'execute':
        return [{ sql: operation.sql, parameters: operation.parameters.map(toMysqlValue) }]
      case 'bulkInsert':
        return this.#bulkInsert(
          operation.table,
          operation.schema,
          operation.columns,
          operation.rows,
        )
      default: {
        const _never: never = operation
        throw new MysqlCompileError(
          `unknown operation kind '${(_never as { kind: unknown }).kind}'`,
        )
      }
    }
  }

  /**
   * `` `name` `` with `` ` `` doubled. Rejects empty names and NUL characters.
   *
   * @example
   * ```ts
   * new MysqlCompiler().quoteIdentifier('my `table`') // '`my ``table```'
   * ```
   */
  quoteIdentifier(name: string): string {
    if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
      throw new MysqlCompileError(
        `'${String(name)}' is not a valid MySQL identifier; use a non-empty name without NUL`,
      )
    }
    return `\`${name.replaceAll('`', '``')}\``
  }

  /**
   * The statement with its parameters written in as literals, for offline SQL scripts. A
   * column restatement ({@link MysqlRestateStatement}) is written from the operation's
   * `existing*` hints; when one is missing it throws a {@link MysqlCompileError} naming it.
   *
   * @example
   * ```ts
   * new MysqlCompiler().inline({ sql: 'DELETE FROM `t` WHERE `id` = ?', parameters: [1] })
   * // 'DELETE FROM `t` WHERE `id` = 1'
   * ```
   */
  inline(statement: CompiledStatement): string {
    if (isRestateStatement(statement)) {
      const { offline } = statement.restate
      if ('missing' in offline) throw new MysqlCompileError(offline.missing)
      return offline.sql
    }
    return inlineStatement(statement)
  }

  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table. `version_num` is utf8mb4 with a
   * binary collation, so ids that differ only in letter case are different rows; 255 × 4
   * bytes fits InnoDB's 3072-byte key limit.
   *
   * @example
   * ```ts
   * new MysqlCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table: QualifiedName, idLength: number): readonly CompiledStatement[] {
    if (!Number.isSafeInteger(idLength) || idLength < 1 || idLength > 768) {
      throw new MysqlCompileError(
        `version id length must be an integer from 1 to 768 (InnoDB's key limit in utf8mb4; got ${idLength})`,
      )
    }
    return [
      ddl(
        `CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} (\`version_num\` VARCHAR(${idLength}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (\`version_num\`))${this.#tableOptions(undefined)}`,
      ),
    ]
  }

  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new MysqlCompiler().selectVersions({ name: 'retort_version', schema: 'app' })
   * ```
   */
  selectVersions(table: QualifiedName): CompiledStatement {
    return ddl(`SELECT \`version_num\` FROM ${this.#qualified(table)} ORDER BY \`version_num\``)
  }

  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new MysqlCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table: QualifiedName, revision: string): CompiledStatement {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} (\`version_num\`) VALUES (?)`,
      parameters: [revision],
    }
  }

  /**
   * Moves a version row from one revision to another. Its affected-row count is the
   * number of rows matched (mysql2 connects with `FOUND_ROWS`) and, since `from` differs
   * from `to`, also the number changed.
   *
   * @example
   * ```ts
   * new MysqlCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table: QualifiedName, from: string, to: string): CompiledStatement {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET \`version_num\` = ? WHERE \`version_num\` = ?`,
      parameters: [to, from],
    }
  }

  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new MysqlCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table: QualifiedName, revision: string): CompiledStatement {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE \`version_num\` = ?`,
      parameters: [revision],
    }
  }

  #qualified(table: QualifiedName): string {
    return this.#table(table.name, table.schema)
  }

  #table(name: string, schema: string | undefined): string {
    return schema === undefined || schema === ''
      ? this.quoteIdentifier(name)
      : `${this.quoteIdentifier(schema)}.${this.quoteIdentifier(name)}`
  }

  #tableOptions(comment: string | undefined): string {
    let options = ` ENGINE=${this.#engine} DEFAULT CHARSET=${this.#charset}`
    if (this.#collation !== undefined) options += ` COLLATE=${this.#collation}`
    if (comment !== undefined) options += ` COMMENT=${renderCommentLiteral(comment)}`
    return options
  }

  #createTable(operation: CreateTableOperation): string {
    const { columns } = operation
    const keyColumns = columns.filter((column) => column.primaryKey)
    const parts = columns.map((column) =>
      this.#column(column, {
        primaryKey: keyColumns.length === 1 && inlineKeys(column, this.#prefixLength).primaryKey,
        unique: inlineKeys(column, this.#prefixLength).unique,
      }),
    )
    parts.push(...this.#separateKeys(columns, keyColumns))
    for (const constraint of operation.constraints) {
      parts.push(this.#constraint(constraint, columns, operation.schema))
    }
    for (const column of columns) {
      if (column.references !== undefined) {
        parts.push(this.#columnForeignKey(operation.schema, operation.name, column))
      }
    }
    return `CREATE TABLE ${operation.ifNotExists ? 'IF NOT EXISTS ' : ''}${this.#table(operation.name, operation.schema)} (${parts.join(', ')})${this.#tableOptions(operation.comment)}`
  }

  /**
   * The keys that cannot be written on the column itself: a primary key over several
   * columns, and keys over columns that need a prefix length.
   */
  #separateKeys(
    columns: readonly ColumnDefinition[],
    keyColumns: readonly ColumnDefinition[],
  ): string[] {
    const keys: string[] = []
    const inlineKey =
      keyColumns.length === 1 && inlineKeys(keyColumns[0]!, this.#prefixLength).primaryKey
    if (keyColumns.length > 0 && !inlineKey) {
      keys.push(
        `PRIMARY KEY (${this.#keyParts(
          keyColumns.map((c) => c.name),
          columns,
        )})`,
      )
    }
    for (const column of columns) {
      if (column.unique && !inlineKeys(column, this.#prefixLength).unique) {
        keys.push(`UNIQUE (${this.#keyParts([column.name], columns)})`)
      }
    }
    return keys
  }

  /** `` `a`, `b`(191) ``: key parts, with a prefix length where the column's type needs one. */
  #keyParts(names: readonly string[], columns: readonly ColumnDefinition[] | undefined): string {
    return names
      .map((name) => {
        const column = columns?.find((c) => c.name === name)
        const prefix =
          column !== undefined && this.#prefixLength !== null && needsKeyPrefix(column)
            ? `(${this.#prefixLength})`
            : ''
        return `${this.quoteIdentifier(name)}${prefix}`
      })
      .join(', ')
  }

  /**
   * One key part. An expression part (a functional key part) exists only in MySQL 8.0.13+:
   * MariaDB answers it with a bare syntax error, so it is refused here unless the server is
   * known to be such a MySQL, with what to write instead (index a generated column).
   */
  #indexPart(column: IndexColumn, index: string, table: string): string {
    if (typeof column === 'string') return this.quoteIdentifier(column)
    const instead = `index a generated column instead: op.execute('ALTER TABLE \`${table}\` ADD COLUMN \`...\` <type> AS (${column.expression}) STORED') then op.createIndex('${index}', '${table}', ['...'])`
    if (this.#flavor === 'mariadb') {
      throw new MysqlCompileError(
        `MariaDB has no functional index parts: index '${index}' on '${table}' cannot index the expression (${column.expression}); ${instead}`,
      )
    }
    if (this.#flavor === undefined) {
      throw new MysqlCompileError(
        `index '${index}' on '${table}' indexes the expression (${column.expression}), which only MySQL 8.0.13+ can do (MariaDB cannot), and the server is not known here: if it is MySQL 8.0.13+, pass { flavor: 'mysql' } to mysqlDialect; otherwise ${instead}`,
      )
    }
    if (
      this.#server !== undefined &&
      this.#server.flavor === 'mysql' &&
      !atLeast(this.#server, 8, 0, 13)
    ) {
      throw new MysqlCompileError(
        `MySQL ${this.#server.text} has no functional index parts (they came in 8.0.13): index '${index}' on '${table}' cannot index the expression (${column.expression}); ${instead}`,
      )
    }
    // A functional key part is an expression in its own parentheses.
    // Raw SQL written by the migration author.
    return `(${column.expression})`
  }

  #column(
    column: ColumnDefinition,
    keys: { readonly primaryKey: boolean; readonly unique: boolean } = {
      primaryKey: false,
      unique: false,
    },
  ): string {
    let sql = `${this.quoteIdentifier(column.name)} ${mysqlColumnType(column)}`
    // NULL is written out: without it MySQL/MariaDB (explicit_defaults_for_timestamp=OFF)
    // make a TIMESTAMP column NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE ...
    sql += column.nullable ? ' NULL' : ' NOT NULL'
    sql += this.#default(column, column.default, column.defaultSql)
    if (column.autoincrement) sql += ' AUTO_INCREMENT'
    if (keys.unique) sql += ' UNIQUE'
    if (keys.primaryKey) sql += ' PRIMARY KEY'
    if (column.comment !== undefined) sql += ` COMMENT ${renderCommentLiteral(column.comment)}`
    return sql
  }

  /**
   * ` DEFAULT ...`: a literal as {@link defaultLiteral} writes it. A `defaultSql` is written as an expression in parentheses, except `CURRENT_TIMESTAMP`
   * and its synonyms, which MySQL wants bare (and which may be followed by `ON UPDATE ...`).
   */
  #default(
    column: ColumnDefinition | undefined,
    value: ColumnDefinition['default'],
    defaultSql: string | undefined,
  ): string {
    if (value !== undefined) return ` DEFAULT ${defaultLiteral(column, value)}`
    if (defaultSql !== undefined) {
      // Raw SQL written by the migration author.
      return ` DEFAULT ${BARE_DEFAULT.test(defaultSql) ? defaultSql.trim() : `(${defaultSql})`}`
    }
    return ''
  }

  #constraint(
    constraint: TableConstraint,
    columns: readonly ColumnDefinition[],
    schema: string | undefined,
  ): string {
    const name =
      constraint.name === undefined ? '' : `CONSTRAINT ${this.quoteIdentifier(constraint.name)} `
    switch (constraint.kind) {
      case 'primaryKey':
        return `${name}PRIMARY KEY (${this.#keyParts(constraint.columns, columns)})`
      case 'unique':
        return `${name}UNIQUE (${this.#keyParts(constraint.columns, columns)})`
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
        throw new MysqlCompileError(
          `unknown constraint kind '${(_never as { kind: unknown }).kind}'`,
        )
      }
    }
  }

  /**
   * A column-level `references` as a table-level key: MySQL parses an inline
   * `REFERENCES` and ignores it. The key is named `<table>_<column>_fkey` (PostgreSQL's
   * default name), so that dropping the column can drop the key first.
   */
  #columnForeignKey(schema: string | undefined, table: string, column: ColumnDefinition): string {
    const r = column.references!
    return this.#foreignKey(schema, foreignKeyName(table, column.name), [column.name], {
      table: r.table,
      schema: r.schema,
      columns: [r.column],
      onDelete: r.onDelete,
      onUpdate: r.onUpdate,
    })
  }

  /**
   * `FOREIGN KEY ... REFERENCES`; a referenced table without a schema is in the schema of
   * the table that has the key (written out, so it never depends on the connection's database).
   */
  #foreignKey(
    schema: string | undefined,
    name: string | undefined,
    columns: readonly string[],
    references: ForeignKeyReference,
    deferrable?: boolean,
    initially?: string,
  ): string {
    if (deferrable === true || initially !== undefined) {
      throw new MysqlCompileError(
        `MySQL checks foreign keys immediately and has no DEFERRABLE constraints: remove deferrable/initially from foreign key ${name === undefined ? `(${columns.join(', ')})` : `'${name}'`}`,
      )
    }
    const list = (names: readonly string[]) => names.map((c) => this.quoteIdentifier(c)).join(', ')
    const prefix = name === undefined ? '' : `CONSTRAINT ${this.quoteIdentifier(name)} `
    const onDelete =
      references.onDelete === undefined ? '' : ` ON DELETE ${action(references.onDelete)}`
    const onUpdate =
      references.onUpdate === undefined ? '' : ` ON UPDATE ${action(references.onUpdate)}`
    return `${prefix}FOREIGN KEY (${list(columns)}) REFERENCES ${this.#table(references.table, references.schema ?? schema)} (${list(references.columns)})${onDelete}${onUpdate}`
  }

  /**
   * MySQL has no `ALTER COLUMN ... SET NOT NULL` or `... TYPE`: a change of type,
   * nullability or comment restates the whole column (`MODIFY`/`CHANGE COLUMN`), which
   * resets everything not restated. So it compiles to a {@link MysqlRestateStatement}: run
   * online, the connection reads the live column and restates it with the change; in an
   * offline script it is written from the `existing*` hints (else `tableDefinition`), and
   * a hint that is missing is an error naming it. A change of default alone, or a rename
   * alone, is `ALTER COLUMN ... SET/DROP DEFAULT` / `RENAME COLUMN`, which keep the rest.
   */
  #alterColumn(operation: AlterColumnOperation): CompiledStatement[] {
    const table = this.#table(operation.table, operation.schema)
    const name = this.quoteIdentifier(operation.name)
    const newName =
      operation.newName !== undefined && operation.newName !== operation.name
        ? operation.newName
        : undefined
    const restates =
      operation.type !== undefined ||
      operation.nullable !== undefined ||
      operation.comment !== undefined
    const changesDefault = operation.default !== undefined || operation.defaultSql !== undefined
    const existing = operation.tableDefinition?.columns.find((c) => c.name === operation.name)
    const hinted = operation.existingType ?? existing
    const typed = (spec: ColumnTypeSpec | undefined): ColumnDefinition | undefined =>
      spec === undefined
        ? undefined
        : {
            name: operation.name,
            ...spec,
            nullable: true,
            primaryKey: false,
            autoincrement: false,
            unique: false,
          }

    if (!restates) {
      const parts: string[] = []
      if (changesDefault) {
        if (operation.default === null) {
          parts.push(`ALTER COLUMN ${name} DROP DEFAULT`)
        } else {
          // ALTER COLUMN ... SET DEFAULT takes a literal or, MySQL 8.0.23+/MariaDB, (expr).
          const value =
            operation.default !== undefined
              ? defaultLiteral(existing ?? typed(hinted), operation.default)
              : `(${operation.defaultSql!})`
          parts.push(`ALTER COLUMN ${name} SET DEFAULT ${value}`)
        }
      }
      if (newName !== undefined)
        parts.push(`RENAME COLUMN ${name} TO ${this.quoteIdentifier(newName)}`)
      return parts.length === 0 ? [] : [ddl(`ALTER TABLE ${table} ${parts.join(', ')}`)]
    }

    const where = `alterColumn('${operation.table}', '${operation.name}')`
    const newType = operation.type === undefined ? undefined : typed(operation.type)
    const defaultColumn = newType ?? existing ?? typed(hinted)
    const change: MysqlColumnChange = {
      ...(newName === undefined ? {} : { quotedName: this.quoteIdentifier(newName) }),
      ...(newType === undefined ? {} : { type: mysqlColumnType(newType) }),
      ...(operation.nullable === undefined ? {} : { nullable: operation.nullable }),
      ...(operation.default === null
        ? { default: null }
        : changesDefault
          ? {
              default: this.#default(defaultColumn, operation.default, operation.defaultSql).trim(),
            }
          : {}),
      ...(operation.comment === undefined
        ? {}
        : {
            comment:
              operation.comment === null
                ? null
                : `COMMENT ${renderCommentLiteral(operation.comment)}`,
          }),
    }
    const restatement: MysqlColumnRestatement = {
      table,
      column: operation.name,
      operation: where,
      change,
      offline: this.#restatedFromHints(operation, table, name, newName, existing, where),
    }
    const described = commentSafe(
      `ALTER TABLE ${table} ${newName === undefined ? 'MODIFY' : 'CHANGE'} COLUMN ${name}`,
    )
    const statement: MysqlRestateStatement = {
      sql: `/* ${described}: restated from the live column when it runs */`,
      parameters: [],
      restate: restatement,
    }
    return [statement]
  }

  /**
   * The `MODIFY`/`CHANGE COLUMN` of an offline script, written from the operation and its
   * `existing*` hints (else `tableDefinition`): every attribute it restates must be known,
   * or the script would silently reset it. Attributes that have no hint (character set,
   * collation, generated expression) are kept only by an online run.
   */
  #restatedFromHints(
    operation: AlterColumnOperation,
    table: string,
    name: string,
    newName: string | undefined,
    existing: ColumnDefinition | undefined,
    where: string,
  ): { readonly sql: string } | { readonly missing: string } {
    const missing: string[] = []
    const typeSpec = operation.type ?? operation.existingType ?? existing
    if (typeSpec === undefined) missing.push('existingType (or type)')
    const nullable = operation.nullable ?? operation.existingNullable ?? existing?.nullable
    if (nullable === undefined) missing.push('existingNullable (or nullable)')
    let value: ColumnDefinition['default']
    let defaultSql: string | undefined
    if (operation.default !== undefined) {
      value = operation.default === null ? undefined : operation.default
    } else if (operation.defaultSql !== undefined) {
      defaultSql = operation.defaultSql
    } else if (
      operation.existingDefault !== undefined ||
      operation.existingDefaultSql !== undefined
    ) {
      value = operation.existingDefault === null ? undefined : operation.existingDefault
      defaultSql = operation.existingDefaultSql
    } else if (existing !== undefined) {
      value = existing.default ?? undefined
      defaultSql = existing.defaultSql
    } else {
      missing.push('existingDefault (null when it has none) or existingDefaultSql')
    }
    let comment: string | null | undefined
    if (operation.comment !== undefined) comment = operation.comment
    else if (operation.existingComment !== undefined) comment = operation.existingComment
    else if (existing !== undefined) comment = existing.comment ?? null
    else missing.push('existingComment (null when it has none)')
    if (typeSpec === undefined || nullable === undefined || missing.length > 0) {
      return {
        missing: `MySQL restates the whole column to change it, and an offline script cannot read the live column: ${where} needs ${missing.join(', ')}; pass them (or tableDefinition), or run the migration online, where the live column is read`,
      }
    }
    const column: ColumnDefinition = {
      name: newName ?? operation.name,
      type: typeSpec.type,
      ...(typeSpec.length === undefined ? {} : { length: typeSpec.length }),
      ...(typeSpec.precision === undefined ? {} : { precision: typeSpec.precision }),
      ...(typeSpec.scale === undefined ? {} : { scale: typeSpec.scale }),
      nullable,
      primaryKey: false,
      // A primary key stays a key (MODIFY does not touch indexes), but AUTO_INCREMENT is a
      // column attribute: only the table definition says it is there.
      autoincrement: existing?.autoincrement ?? false,
      unique: false,
      ...(value === undefined ? {} : { default: value }),
      ...(defaultSql === undefined ? {} : { defaultSql }),
      ...(comment === undefined || comment === null ? {} : { comment }),
    }
    const clause =
      newName === undefined
        ? `MODIFY COLUMN ${this.#column(column)}`
        : `CHANGE COLUMN ${name} ${this.#column(column)}`
    return { sql: `ALTER TABLE ${table} ${clause}` }
  }

  #mariadbOnly(what: string): void {
    if (this.#flavor === 'mysql') {
      throw new MysqlCompileError(
        `MySQL has no ${what.replace(/ \(.*$/, '')}: ${what} is MariaDB syntax; drop the option, or use flavor 'mariadb' if the server is MariaDB`,
      )
    }
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
    const head = `INSERT INTO ${this.#table(table, schema)} (${columns.map((c) => this.quoteIdentifier(c)).join(', ')}) VALUES `
    const tuple = `(${columns.map(() => '?').join(', ')})`
    const statements: CompiledStatement[] = []
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement)
      statements.push({
        sql: head + chunk.map(() => tuple).join(', '),
        parameters: chunk.flatMap((row) => row.map(toMysqlValue)),
      })
    }
    return statements
  }
}

/**
 * The name Retort gives the foreign key of a column-level `references`:
 * `<table>_<column>_fkey`, shortened with a hash when longer than MySQL's 64 characters.
 *
 * @example
 * ```ts
 * foreignKeyName('child', 'parent_id') // 'child_parent_id_fkey'
 * ```
 */
export function foreignKeyName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}_fkey`)
}

/**
 * The name itself when it fits MySQL's 64-character limit, else its first characters and
 * a short hash of the whole (different long names stay different).
 *
 * @example
 * ```ts
 * fitIdentifier('x'.repeat(100)).length // 64
 * ```
 */
export function fitIdentifier(name: string): string {
  const characters = Array.from(name)
  if (characters.length <= MAX_IDENTIFIER_LENGTH) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10)
  return `${characters.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1).join('')}_${hash}`
}

/** Which keys a column can carry on itself (keys over TEXT/BLOB need a table-level key part). */
function inlineKeys(
  column: ColumnDefinition,
  prefixLength: number | null,
): { primaryKey: boolean; unique: boolean } {
  const inline = prefixLength === null || !needsKeyPrefix(column)
  return { primaryKey: column.primaryKey && inline, unique: column.unique && inline }
}

/**
 * A literal default as `DEFAULT` takes it: bare, or in parentheses when it is an
 * expression (the hex form of a string) or the column is TEXT/BLOB/JSON, where MySQL 8
 * accepts only expression defaults (`DEFAULT ('x')`, also fine on MariaDB). A `Date` on a
 * DATE or TIME column is its UTC date or time alone (strict mode refuses the rest).
 */
function defaultLiteral(column: ColumnDefinition | undefined, value: ColumnDefault): string {
  let literal: string
  if (value instanceof Date && column?.type === 'date') {
    literal = `'${formatUtcDateTime(value).slice(0, 10)}'`
  } else if (value instanceof Date && column?.type === 'time') {
    literal = `'${formatUtcDateTime(value).slice(11)}'`
  } else {
    literal = renderLiteral(value)
  }
  const expression =
    isLiteralExpression(literal) || (column !== undefined && isBlobType(column) && value !== null)
  return expression ? `(${literal})` : literal
}

/** Text safe inside a `/* ... *\/` comment: a `*\/` in a name cannot end it early. */
function commentSafe(text: string): string {
  return text.replaceAll('*/', '* /')
}

function ddl(sql: string): CompiledStatement {
  return { sql, parameters: [] }
}

function optionName(option: string, value: string): string {
  if (typeof value !== 'string' || !OPTION_NAME.test(value)) {
    throw new MysqlCompileError(
      `${option} must be a plain name like 'InnoDB' or 'utf8mb4_unicode_ci' (got '${String(value)}')`,
    )
  }
  return value
}

/** Operations are plain data: check the action again rather than splice whatever is there. */
function action(value: string): string {
  const known = REFERENTIAL_ACTIONS.find((a) => a === value)
  if (known === undefined) {
    throw new MysqlCompileError(
      value === 'SET DEFAULT'
        ? `InnoDB rejects foreign keys with SET DEFAULT; use one of ${REFERENTIAL_ACTIONS.join(', ')}`
        : `'${value}' is not a referential action; use one of ${REFERENTIAL_ACTIONS.join(', ')}`,
    )
  }
  return known
}

/**
 * A server as `SELECT VERSION()` names it: MySQL or MariaDB, and its version numbers.
 *
 * @example
 * ```ts
 * const server: MysqlServerVersion = { flavor: 'mariadb', version: [10, 11, 19], text: '10.11.19-MariaDB' }
 * ```
 */
export interface MysqlServerVersion {
  readonly flavor: 'mysql' | 'mariadb'
  /** Major, minor, patch. */
  readonly version: readonly [number, number, number]
  /** What the server said. */
  readonly text: string
}

/**
 * Reads `VERSION()`: `8.0.36` is MySQL, `10.11.19-MariaDB-0+deb12u1` (or, through some
 * proxies, `5.5.5-10.11.19-MariaDB`) is MariaDB. `undefined` when it has no version number.
 *
 * @example
 * ```ts
 * parseMysqlServerVersion('8.0.36')?.flavor // 'mysql'
 * ```
 */
export function parseMysqlServerVersion(text: string): MysqlServerVersion | undefined {
  const mariadb = /mariadb/i.test(text)
  // The 5.5.5- prefix is what MariaDB's handshake shows old clients; the version follows it.
  const numbers = (mariadb ? text.replace(/^5\.5\.5-/, '') : text).match(/^(\d+)\.(\d+)\.(\d+)/)
  if (numbers === null) return undefined
  return Object.freeze({
    flavor: mariadb ? 'mariadb' : 'mysql',
    version: Object.freeze([Number(numbers[1]), Number(numbers[2]), Number(numbers[3])]) as [
      number,
      number,
      number,
    ],
    text,
  })
}

/**
 * Whether a server version is at least `major.minor.patch`.
 *
 * @example
 * ```ts
 * atLeast(parseMysqlServerVersion('8.0.36')!, 8, 0, 13) // true
 * ```
 */
export function atLeast(
  server: MysqlServerVersion,
  major: number,
  minor: number,
  patch: number,
): boolean {
  const [a, b, c] = server.version
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch
}
