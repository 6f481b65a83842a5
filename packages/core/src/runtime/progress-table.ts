import type { Adapter, Connection, ProgressCompiler, QualifiedName } from '../dialect.js'
import { PROGRESS_COLUMNS, type ProgressRecord } from './progress-record.js'
import { VERSION_ID_LENGTH, displayName } from './version-table.js'

const C = PROGRESS_COLUMNS

/**
 * The progress table of one database (`<versionTable>_progress`), which holds a
 * {@link ProgressRecord} while a revision runs outside a transaction. Like the version
 * table, reading never creates it; it is created the first time a record is written.
 *
 * @example
 * ```ts
 * const progress = new ProgressTable(connection, progressCompilerOf(compiler), adapter, progressTableFor(versionTable))
 * const record = await progress.read() // undefined: nothing stopped part-way
 * ```
 */
export class ProgressTable {
  readonly #connection: Connection
  readonly #compiler: ProgressCompiler
  readonly #adapter: Adapter
  readonly #table: QualifiedName
  #exists: boolean | undefined

  constructor(
    connection: Connection,
    compiler: ProgressCompiler,
    adapter: Adapter,
    table: QualifiedName,
  ) {
    this.#connection = connection
    this.#compiler = compiler
    this.#adapter = adapter
    this.#table = table
  }

  /** The table's name as written in messages. */
  get displayName(): string {
    return displayName(this.#table)
  }

  /** The oldest record, or `undefined` (also when the table does not exist; it is not created). */
  async read(): Promise<ProgressRecord | undefined> {
    return (await this.readAll())[0]
  }

  /** Every record, oldest first; `[]` when the table does not exist. */
  async readAll(): Promise<ProgressRecord[]> {
    this.#exists = await this.#adapter.hasTable(this.#connection, this.#table)
    if (!this.#exists) return []
    const result = await this.#connection.execute(this.#compiler.selectProgress(this.#table))
    return result.rows.map(toRecord)
  }

  /** Writes the first record of a revision, creating the table if needed. */
  async insert(record: ProgressRecord): Promise<void> {
    if (this.#exists !== true) {
      for (const statement of this.#compiler.createProgressTable(this.#table, VERSION_ID_LENGTH)) {
        await this.#connection.execute(statement)
      }
      this.#exists = true
    }
    await this.#connection.execute(this.#compiler.insertProgress(this.#table, record))
  }

  /** Overwrites the record of `record.revision`. */
  async update(record: ProgressRecord): Promise<void> {
    await this.#connection.execute(this.#compiler.updateProgress(this.#table, record))
  }

  /** Deletes the record of a revision. */
  async delete(revision: string): Promise<void> {
    await this.#connection.execute(this.#compiler.deleteProgress(this.#table, revision))
  }

  /** Deletes the given records (`stamp` clears them). */
  async clear(records: readonly ProgressRecord[]): Promise<void> {
    for (const record of records) await this.delete(record.revision)
  }
}

function toRecord(row: Readonly<Record<string, unknown>>): ProgressRecord {
  const text = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value)
  const recordedAt = row[C.recordedAt]
  return Object.freeze({
    revision: String(row[C.revision]),
    direction: row[C.direction] === 'down' ? 'down' : 'up',
    statementsDone: Number(row[C.statementsDone]),
    statementCount: Number(row[C.statementCount]),
    statement: text(row[C.statement]),
    state: row[C.state] === 'failed' ? 'failed' : 'running',
    error: text(row[C.error]),
    recordedAt: recordedAt instanceof Date ? recordedAt.toISOString() : String(recordedAt),
  })
}
