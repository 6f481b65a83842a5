import type { CompiledStatement, Compiler, ProgressCompiler, QualifiedName } from '../dialect.js'
import { RetortError } from '../errors.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import { PROGRESS_COLUMNS, type ProgressRecord } from '../progress-record.js'

const C = PROGRESS_COLUMNS

/**
 * The progress-table SQL of a dialect whose compiler does not write its own: the table is
 * a `createTable` operation of portable column types, the insert a `bulkInsert`, and the
 * read, update and delete `execute` operations with `?` parameters, all compiled by the
 * dialect's own `compile()`. So a third-party dialect gets the partial-failure record
 * without a line of code, as long as it compiles those three operations.
 *
 * @example
 * ```ts
 * const progress = new DefaultProgressCompiler(dialect.createCompiler())
 * progress.selectProgress({ name: 'retort_version_progress' })
 * ```
 */
export class DefaultProgressCompiler implements ProgressCompiler {
  readonly #compiler: Compiler

  constructor(compiler: Compiler) {
    this.#compiler = compiler
  }

  /**
   * `CREATE TABLE IF NOT EXISTS`, the revision as primary key.
   *
   * @example
   * ```ts
   * progress.createProgressTable({ name: 'retort_version_progress' }, 255)
   * ```
   */
  createProgressTable(table: QualifiedName, idLength: number): readonly CompiledStatement[] {
    const op = operations()
    op.createTable(
      table.name,
      [
        op.column(C.revision, 'string', { length: idLength, primaryKey: true }),
        op.column(C.direction, 'string', { length: 4, nullable: false }),
        op.column(C.statementsDone, 'integer', { nullable: false }),
        op.column(C.statementCount, 'integer', { nullable: false }),
        op.column(C.statement, 'text'),
        op.column(C.state, 'string', { length: 16, nullable: false }),
        op.column(C.error, 'text'),
        op.column(C.recordedAt, 'string', { length: 32, nullable: false }),
      ],
      { ifNotExists: true, ...(table.schema ? { schema: table.schema } : {}) },
    )
    return this.#compile(op.takePending())
  }

  /**
   * Reads every record, oldest first.
   *
   * @example
   * ```ts
   * progress.selectProgress({ name: 'retort_version_progress' })
   * ```
   */
  selectProgress(table: QualifiedName): CompiledStatement {
    const columns = Object.values(C).map((c) => this.#q(c))
    return this.#execute(
      `SELECT ${columns.join(', ')} FROM ${this.#table(table)} ORDER BY ${this.#q(C.recordedAt)}`,
      [],
    )
  }

  /**
   * Inserts a record, values bound.
   *
   * @example
   * ```ts
   * progress.insertProgress({ name: 'retort_version_progress' }, record)
   * ```
   */
  insertProgress(table: QualifiedName, record: ProgressRecord): CompiledStatement {
    const op = operations()
    op.bulkInsert(table.name, [rowOf(record)], table.schema ? { schema: table.schema } : {})
    return this.#one(op.takePending(), 'insertProgress')
  }

  /**
   * Overwrites the record of `record.revision`.
   *
   * @example
   * ```ts
   * progress.updateProgress({ name: 'retort_version_progress' }, { ...record, statementsDone: 3 })
   * ```
   */
  updateProgress(table: QualifiedName, record: ProgressRecord): CompiledStatement {
    const row = rowOf(record)
    const set = Object.keys(row).filter((column) => column !== C.revision)
    return this.#execute(
      `UPDATE ${this.#table(table)} SET ${set.map((column) => `${this.#q(column)} = ?`).join(', ')} WHERE ${this.#q(C.revision)} = ?`,
      [...set.map((column) => row[column]), record.revision],
    )
  }

  /**
   * Deletes the record of a revision.
   *
   * @example
   * ```ts
   * progress.deleteProgress({ name: 'retort_version_progress' }, 'a1')
   * ```
   */
  deleteProgress(table: QualifiedName, revision: string): CompiledStatement {
    return this.#execute(`DELETE FROM ${this.#table(table)} WHERE ${this.#q(C.revision)} = ?`, [
      revision,
    ])
  }

  #execute(sql: string, parameters: readonly unknown[]): CompiledStatement {
    const op = operations()
    op.execute(sql, [...parameters])
    return this.#one(op.takePending(), 'execute')
  }

  #one(pending: readonly Operation[], what: string): CompiledStatement {
    const statements = this.#compile(pending)
    if (statements.length !== 1) {
      throw new RetortError(
        'progress-compiler',
        `the dialect compiled the progress table's ${what} into ${statements.length} statements instead of 1; implement the ProgressCompiler methods on its compiler`,
      )
    }
    return statements[0]!
  }

  #compile(pending: readonly Operation[]): CompiledStatement[] {
    return pending.flatMap((operation) => [...this.#compiler.compile(operation)])
  }

  #q(name: string): string {
    return this.#compiler.quoteIdentifier(name)
  }

  #table(table: QualifiedName): string {
    return table.schema ? `${this.#q(table.schema)}.${this.#q(table.name)}` : this.#q(table.name)
  }
}

/**
 * The progress-table SQL of a compiler: its own methods where it has them, the
 * {@link DefaultProgressCompiler}'s for the rest.
 *
 * @example
 * ```ts
 * const progress = progressCompilerOf(dialect.createCompiler())
 * ```
 */
export function progressCompilerOf(compiler: Compiler): ProgressCompiler {
  const fallback = new DefaultProgressCompiler(compiler)
  return {
    createProgressTable: (table, idLength) =>
      compiler.createProgressTable?.(table, idLength) ??
      fallback.createProgressTable(table, idLength),
    selectProgress: (table) => compiler.selectProgress?.(table) ?? fallback.selectProgress(table),
    insertProgress: (table, record) =>
      compiler.insertProgress?.(table, record) ?? fallback.insertProgress(table, record),
    updateProgress: (table, record) =>
      compiler.updateProgress?.(table, record) ?? fallback.updateProgress(table, record),
    deleteProgress: (table, revision) =>
      compiler.deleteProgress?.(table, revision) ?? fallback.deleteProgress(table, revision),
  }
}

function operations(): Operations {
  return new Operations({ dialect: 'progress', offline: true })
}

function rowOf(record: ProgressRecord): Record<string, unknown> {
  return {
    [C.revision]: record.revision,
    [C.direction]: record.direction,
    [C.statementsDone]: record.statementsDone,
    [C.statementCount]: record.statementCount,
    [C.statement]: record.statement,
    [C.state]: record.state,
    [C.error]: record.error,
    [C.recordedAt]: record.recordedAt,
  }
}
