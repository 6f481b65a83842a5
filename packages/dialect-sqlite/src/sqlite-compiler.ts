import type {
  CompiledStatement,
  Compiler,
  Operation,
  QualifiedName,
  ScriptFrame,
} from '@retort/core'
import { sqlComment } from '@retort/core/dialect'
import { describeOperation } from '@retort/core/dialect'
import { rebuildScript } from './rebuild/sqlite-rebuild-script.js'
import {
  isRebuildStatement,
  type SqliteNativeCondition,
  type SqliteRebuildStatement,
} from './rebuild/sqlite-rebuild-step.js'
import { renderColumn, renderCreateIndex, renderCreateTable } from './sqlite-column-type.js'
import {
  inlineStatement,
  qualifiedName,
  quoteIdentifier,
  renderLiteral,
  SqliteCompileError,
  toSqliteValue,
} from './sqlite-literal.js'

export { SqliteCompileError } from './sqlite-literal.js'

/** SQLite's default limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_PARAMETERS = 32766
/** Rows per INSERT statement of a bulk insert, below the parameter limit. */
const MAX_ROWS_PER_INSERT = 500

/**
 * The temporary table of an offline script's foreign-key check. Every insert into it fails
 * (`CHECK (0)`), with this constraint name as SQLite's message.
 */
const FOREIGN_KEY_CHECK_TABLE = 'retort_foreign_key_check'
const FOREIGN_KEY_CHECK_FAILED =
  'a foreign key has no parent row (PRAGMA foreign_key_check lists them); the open transaction is rolled back'

/**
 * Pure translation of operations to SQLite SQL. Identifiers are always double-quoted
 * (with `"` doubled); values are `?` parameters, except column defaults inside DDL, which
 * SQLite cannot bind and which are written with `renderLiteral`. A `schema` is the
 * name of an attached database (`"schema"."table"`).
 *
 * What SQLite cannot ALTER (a column's type, nullability or default, constraints, a
 * primary key, some ADD/DROP COLUMN) compiles to one {@link SqliteRebuildStatement}: a
 * planned table change (a copy-and-move rebuild, or the native statement under a condition
 * the step states, see `planTableChange`) that `SqliteConnection` runs against the live
 * table as the introspector reads it, and that {@link SqliteCompiler.inline} writes out
 * from the operation's `tableDefinition` for offline scripts. Table and column comments compile to nothing:
 * SQLite has no comments.
 *
 * @example
 * ```ts
 * const compiler = new SqliteCompiler()
 * const op = new Operations({ dialect: 'sqlite', offline: true })
 * compiler.compile(op.addColumn('account', op.column('note', 'text')))
 * // [{ sql: 'ALTER TABLE "account" ADD COLUMN "note" TEXT', parameters: [] }]
 * ```
 */
export class SqliteCompiler implements Compiler {
  /**
   * The statements of one operation.
   *
   * @example
   * ```ts
   * new SqliteCompiler().compile(op.renameTable('a', 'b'))
   * // [{ sql: 'ALTER TABLE "a" RENAME TO "b"', parameters: [] }]
   * ```
   */
  compile(operation: Operation): readonly CompiledStatement[] {
    switch (operation.kind) {
      case 'createTable':
        // A new table has no rows: nothing for a foreign key to miss.
        return [
          keysKept(
            renderCreateTable(
              operation.name,
              operation.schema,
              operation.columns,
              operation.constraints,
              operation.ifNotExists,
            ),
          ),
        ]
      case 'dropTable':
        return [
          ddl(
            `DROP TABLE ${operation.ifExists ? 'IF EXISTS ' : ''}${qualifiedName(operation.name, operation.schema)}`,
          ),
        ]
      case 'renameTable':
        // RENAME TO takes a bare name: the table stays in its database.
        return [
          ddl(
            `ALTER TABLE ${qualifiedName(operation.from, operation.schema)} RENAME TO ${quoteIdentifier(operation.to)}`,
          ),
        ]
      case 'addColumn': {
        const { column } = operation
        // SQLite refuses to ADD a PRIMARY KEY or UNIQUE column: rebuild.
        if (column.primaryKey || column.unique) return [rebuild(operation.table, operation)]
        const native = `ALTER TABLE ${qualifiedName(operation.table, operation.schema)} ADD COLUMN ${renderColumn(column, false)}`
        // Refused unless the table is empty: a NOT NULL column without a default, and an
        // expression default. Native on an empty table, else a rebuild.
        const refusedIfRows =
          (!column.nullable && column.default == null && column.defaultSql === undefined) ||
          column.defaultSql !== undefined
        return [
          refusedIfRows ? rebuild(operation.table, operation, native, 'emptyTable') : ddl(native),
        ]
      }
      case 'dropColumn':
        // Native since SQLite 3.35, but refused for key, UNIQUE, indexed, referencing or
        // otherwise used columns: then a rebuild drops it with the indexes and constraints
        // that use it.
        return [
          rebuild(
            operation.table,
            operation,
            `ALTER TABLE ${qualifiedName(operation.table, operation.schema)} DROP COLUMN ${quoteIdentifier(operation.name)}`,
            'columnUnused',
          ),
        ]
      case 'alterColumn': {
        const statements: CompiledStatement[] = []
        if (operation.newName !== undefined) {
          // Native: also renames the column in indexes, triggers, views and foreign keys.
          statements.push(
            ddl(
              `ALTER TABLE ${qualifiedName(operation.table, operation.schema)} RENAME COLUMN ${quoteIdentifier(operation.name)} TO ${quoteIdentifier(operation.newName)}`,
            ),
          )
        }
        if (
          operation.type !== undefined ||
          operation.nullable !== undefined ||
          operation.default !== undefined ||
          operation.defaultSql !== undefined
        ) {
          statements.push(rebuild(operation.table, operation))
        }
        // SQLite has no column comments: a comment alone compiles to nothing.
        return statements
      }
      case 'createIndex':
        return [keysKept(renderCreateIndex(operation))]
      case 'dropIndex':
        return [
          keysKept(
            `DROP INDEX ${operation.ifExists ? 'IF EXISTS ' : ''}${qualifiedName(operation.name, operation.schema)}`,
          ),
        ]
      case 'createUniqueConstraint':
      case 'createForeignKey':
      case 'createCheckConstraint':
      case 'createPrimaryKey':
      case 'dropConstraint':
        // SQLite has no ALTER TABLE ... ADD/DROP CONSTRAINT.
        return [rebuild(operation.table, operation)]
      case 'createTableComment':
      case 'dropTableComment':
        // SQLite has no table comments: documented no-op, so portable revisions still run.
        return []
      case 'execute':
        return [{ sql: operation.sql, parameters: operation.parameters.map(toSqliteValue) }]
      case 'bulkInsert':
        return this.#bulkInsert(
          operation.table,
          operation.schema,
          operation.columns,
          operation.rows,
        )
      default: {
        const _never: never = operation
        throw new SqliteCompileError(
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
   * new SqliteCompiler().quoteIdentifier('my "table"') // '"my ""table"""'
   * ```
   */
  quoteIdentifier(name: string): string {
    return quoteIdentifier(name)
  }

  /**
   * The statement with its parameters written in as literals, for offline SQL scripts. A
   * table rebuild ({@link SqliteRebuildStatement}) is written out as its statements,
   * separated by `;` and newlines, from the operation's `tableDefinition`; without one it
   * throws a {@link SqliteCompileError} saying to pass it (or gives the native statement,
   * when there is one to try).
   *
   * @example
   * ```ts
   * new SqliteCompiler().inline({ sql: 'DELETE FROM "t" WHERE "id" = ?', parameters: [1] })
   * // 'DELETE FROM "t" WHERE "id" = 1'
   * ```
   */
  inline(statement: CompiledStatement): string {
    if (isRebuildStatement(statement)) return rebuildScript(statement.rebuild).join(';\n')
    return inlineStatement(statement)
  }

  /**
   * What an offline script does around its statements, as `SqliteConnection` does online:
   * `PRAGMA foreign_keys = OFF` at the top (SQLite ignores the pragma inside a transaction,
   * and a table rebuild with foreign keys on would run the ON DELETE actions of the tables
   * that reference the rebuilt one), a check before COMMIT when a statement of the
   * transaction may have broken a foreign key, and `PRAGMA foreign_keys = ON` at the end. A
   * script cannot read the setting it started with, so it ends with foreign keys on (the
   * setting of better-sqlite3 and of Retort's online runs).
   *
   * The check inserts the rows of `pragma_foreign_key_check` (of `main`, as online, and of
   * the attached databases of the tables rebuilt) into a temporary table whose every insert
   * fails, with `INSERT OR ROLLBACK`: one violation
   * fails the statement (`CHECK constraint failed: a foreign key has no parent row ...`) and
   * rolls the transaction back, so the COMMIT after it has nothing to commit even in a
   * `sqlite3` session that goes on after errors.
   *
   * @example
   * ```ts
   * new SqliteCompiler().scriptFrame().start // [{ sql: 'PRAGMA foreign_keys = OFF', parameters: [] }]
   * ```
   */
  scriptFrame(): ScriptFrame {
    return Object.freeze({
      notes: [
        'run it so that it stops at the first error: sqlite3 -bail DATABASE < SCRIPT',
        'foreign keys are off while it runs (SQLite cannot switch them inside a transaction, and with them on a table rebuild runs ON DELETE actions), checked before COMMIT (a violation rolls back), and on at the end',
      ],
      start: [ddl('PRAGMA foreign_keys = OFF')],
      check: (statements: readonly CompiledStatement[]) =>
        statements.every(keepsForeignKeys) ? [] : foreignKeyCheck(statements),
      end: [ddl('PRAGMA foreign_keys = ON')],
    })
  }

  /**
   * `CREATE TABLE IF NOT EXISTS` of the version table.
   *
   * @example
   * ```ts
   * new SqliteCompiler().createVersionTable({ name: 'retort_version' }, 255)
   * ```
   */
  createVersionTable(table: QualifiedName, idLength: number): readonly SqliteStatement[] {
    if (!Number.isSafeInteger(idLength) || idLength < 1) {
      throw new SqliteCompileError(`version id length must be a positive integer (got ${idLength})`)
    }
    return [
      keysKept(
        `CREATE TABLE IF NOT EXISTS ${this.#qualified(table)} ("version_num" VARCHAR(${idLength}) NOT NULL, CONSTRAINT ${this.quoteIdentifier(`${table.name}_pkc`)} PRIMARY KEY ("version_num"))`,
      ),
    ]
  }

  /**
   * Reads the version rows.
   *
   * @example
   * ```ts
   * new SqliteCompiler().selectVersions({ name: 'retort_version' })
   * ```
   */
  selectVersions(table: QualifiedName): SqliteStatement {
    return keysKept(`SELECT "version_num" FROM ${this.#qualified(table)} ORDER BY "version_num"`)
  }

  /**
   * Inserts a version row.
   *
   * @example
   * ```ts
   * new SqliteCompiler().insertVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  insertVersion(table: QualifiedName, revision: string): SqliteStatement {
    return {
      sql: `INSERT INTO ${this.#qualified(table)} ("version_num") VALUES (?)`,
      keepsForeignKeys: true,
      parameters: [revision],
    }
  }

  /**
   * Moves a version row from one revision to another.
   *
   * @example
   * ```ts
   * new SqliteCompiler().updateVersion({ name: 'retort_version' }, 'a1', 'b2')
   * ```
   */
  updateVersion(table: QualifiedName, from: string, to: string): SqliteStatement {
    return {
      sql: `UPDATE ${this.#qualified(table)} SET "version_num" = ? WHERE "version_num" = ?`,
      keepsForeignKeys: true,
      parameters: [to, from],
    }
  }

  /**
   * Deletes a version row.
   *
   * @example
   * ```ts
   * new SqliteCompiler().deleteVersion({ name: 'retort_version' }, 'a1')
   * ```
   */
  deleteVersion(table: QualifiedName, revision: string): SqliteStatement {
    return {
      sql: `DELETE FROM ${this.#qualified(table)} WHERE "version_num" = ?`,
      keepsForeignKeys: true,
      parameters: [revision],
    }
  }

  #qualified(table: QualifiedName): string {
    return qualifiedName(table.name, table.schema)
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
    const head = `INSERT INTO ${qualifiedName(table, schema)} (${columns.map((c) => this.quoteIdentifier(c)).join(', ')}) VALUES `
    const tuple = `(${columns.map(() => '?').join(', ')})`
    const statements: CompiledStatement[] = []
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement)
      statements.push({
        sql: head + chunk.map(() => tuple).join(', '),
        parameters: chunk.flatMap((row) => row.map(toSqliteValue)),
      })
    }
    return statements
  }
}

/** The statements of {@link SqliteCompiler.scriptFrame}'s foreign-key check. */
function foreignKeyCheck(statements: readonly CompiledStatement[]): CompiledStatement[] {
  const schemas = new Set(['main'])
  for (const statement of statements) {
    if (isRebuildStatement(statement)) schemas.add(statement.rebuild.schema ?? 'main')
  }
  // A schema as a literal argument: SQLite 3.40 returns no rows for pragma_foreign_key_check
  // joined to pragma_database_list.
  const rows = [...schemas]
    .map((schema) => `SELECT "table" FROM pragma_foreign_key_check(NULL, ${renderLiteral(schema)})`)
    .join(' UNION ALL ')
  const table = quoteIdentifier(FOREIGN_KEY_CHECK_TABLE)
  return [
    ddl(
      `CREATE TEMP TABLE ${table} ("violation" TEXT, CONSTRAINT ${quoteIdentifier(FOREIGN_KEY_CHECK_FAILED)} CHECK (0))`,
    ),
    ddl(`INSERT OR ROLLBACK INTO temp.${table} ("violation") ${rows}`),
    ddl(`DROP TABLE temp.${table}`),
  ]
}

function ddl(sql: string): CompiledStatement {
  return { sql, parameters: [] }
}

function keysKept(sql: string): SqliteStatement {
  return { sql, parameters: [], keepsForeignKeys: true }
}

function rebuild(
  table: string,
  operation: Operation,
  native?: string,
  nativeWhen?: SqliteNativeCondition,
): SqliteRebuildStatement {
  const schema = 'schema' in operation ? operation.schema : undefined
  return Object.freeze({
    // An executor that does not know the marker runs the native statement, or fails on an
    // empty statement: it never silently skips the change.
    sql:
      native ??
      sqlComment(
        `table rebuild of ${qualifiedName(table, schema)}: ${describeOperation(operation)}`,
      ),
    parameters: [],
    rebuild: Object.freeze({
      table,
      ...(schema === undefined ? {} : { schema }),
      operation,
      ...(native === undefined ? {} : { native, nativeWhen }),
    }),
  })
}

/**
 * A statement of the SQLite compiler. `keepsForeignKeys` marks a statement that cannot
 * leave a row pointing at a missing parent (creating a table, which has no rows yet, or an
 * index; reading or writing the version table): a migration transaction made only of such
 * statements commits without `PRAGMA foreign_key_check`, which reads every table that has
 * foreign keys and would make each commit cost as much as the schema is large.
 *
 * @example
 * ```ts
 * const statement: SqliteStatement = { sql: 'CREATE INDEX "ix" ON "t" ("a")', parameters: [], keepsForeignKeys: true }
 * ```
 */
export interface SqliteStatement extends CompiledStatement {
  readonly keepsForeignKeys?: boolean | undefined
}

/**
 * Whether a statement is marked as unable to break a foreign key (see {@link SqliteStatement}).
 * Unmarked statements (raw SQL, inserts, drops, rebuilds) are assumed to be able to.
 *
 * @example
 * ```ts
 * keepsForeignKeys({ sql: 'DELETE FROM "parent"', parameters: [] }) // false
 * ```
 */
export function keepsForeignKeys(statement: CompiledStatement): boolean {
  return (statement as SqliteStatement).keepsForeignKeys === true
}
