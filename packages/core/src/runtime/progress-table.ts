import type { Adapter, Connection, ProgressCompiler, QualifiedName } from '../dialect.js'
import { RetortError, type UnreadableProgressDetails } from '../errors.js'
import { PROGRESS_COLUMNS, PROGRESS_TABLE_SUFFIX, type ProgressRecord } from '../progress-record.js'
import { VERSION_ID_LENGTH } from '../run-settings.js'
import { displayName } from './version-table.js'

const C = PROGRESS_COLUMNS

/**
 * The progress table that goes with a version table: same schema, name plus
 * {@link PROGRESS_TABLE_SUFFIX}.
 *
 * @example
 * ```ts
 * progressTableFor({ name: 'retort_version', schema: 'app' }) // { name: 'retort_version_progress', schema: 'app' }
 * ```
 */
export function progressTableFor(versionTable: QualifiedName): QualifiedName {
  return { name: `${versionTable.name}${PROGRESS_TABLE_SUFFIX}`, schema: versionTable.schema }
}

/**
 * The progress table of one database (`<versionTable>_progress`), which holds a
 * {@link ProgressRecord} while a revision runs outside a transaction. Like the version
 * table, reading never creates it; it is created the first time a record is written.
 *
 * @example
 * ```ts
 * const progress = new ProgressTable(connection, progressCompilerOf(compiler), adapter, progressTableFor(versionTable))
 * const { records } = await progress.readRows() // []: nothing stopped part-way
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

  /** Every row, oldest first, read or not; none when the table does not exist (it is not created). */
  async readRows(): Promise<ProgressRows> {
    this.#exists = await this.#adapter.hasTable(this.#connection, this.#table)
    if (!this.#exists) return { records: [], unreadable: [] }
    let result: Awaited<ReturnType<Connection['execute']>>
    try {
      result = await this.#connection.execute(this.#compiler.selectProgress(this.#table))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new RetortError(
        'unreadable-progress',
        `cannot read the progress table '${this.displayName}' (${reason.replace(/\s+/g, ' ').trim()}); Retort keeps the columns ${Object.values(C).join(', ')} there: if this table is something else of the same name, rename or drop it, or choose another versionTable`,
        { cause: error },
      )
    }
    const records: ProgressRecord[] = []
    const unreadable: UnreadableProgressRow[] = []
    for (const row of result.rows) {
      const read = toRecord(row)
      if ('problem' in read) unreadable.push(read)
      else records.push(read)
    }
    return { records, unreadable }
  }

  /** What is said about a row that cannot be read, naming this table. */
  unreadableDetails(row: UnreadableProgressRow): UnreadableProgressDetails {
    return Object.freeze({ table: this.displayName, revision: row.revision, problem: row.problem })
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

  /** Deletes the given records, and the rows that could not be read but name a revision (`stamp` clears them). */
  async clear(rows: ProgressRows): Promise<void> {
    for (const record of rows.records) await this.delete(record.revision)
    for (const row of rows.unreadable)
      if (row.revision !== undefined) await this.delete(row.revision)
  }
}

/**
 * The rows of the progress table: those read as records, and those that could not be.
 *
 * @example
 * ```ts
 * const { records, unreadable } = await progress.readRows()
 * ```
 */
export interface ProgressRows {
  readonly records: readonly ProgressRecord[]
  readonly unreadable: readonly UnreadableProgressRow[]
}

/**
 * A progress row that is not a record Retort wrote: its revision when it has a readable
 * one (so `stamp` can delete it), and what is wrong with it.
 *
 * @example
 * ```ts
 * const row: UnreadableProgressRow = { revision: 'a1', problem: "statements_done is 'x', expected a whole number" }
 * ```
 */
export interface UnreadableProgressRow {
  readonly revision: string | undefined
  readonly problem: string
}

/**
 * A row as a record, or what makes it unreadable: every field is checked, since the
 * table may have been edited by hand or belong to something else of the same name.
 */
function toRecord(row: Readonly<Record<string, unknown>>): ProgressRecord | UnreadableProgressRow {
  const text = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value)
  const rawRevision = row[C.revision]
  const revision =
    (typeof rawRevision === 'string' || typeof rawRevision === 'number') &&
    String(rawRevision) !== ''
      ? String(rawRevision)
      : undefined
  const fail = (problem: string): UnreadableProgressRow => Object.freeze({ revision, problem })
  if (revision === undefined)
    return fail(`${C.revision} is ${shown(rawRevision)}, expected a revision id`)
  const direction = row[C.direction]
  if (direction !== 'up' && direction !== 'down') {
    return fail(`${C.direction} is ${shown(direction)}, expected 'up' or 'down'`)
  }
  const statementsDone = wholeNumber(row[C.statementsDone])
  if (statementsDone === undefined) {
    return fail(`${C.statementsDone} is ${shown(row[C.statementsDone])}, expected a whole number`)
  }
  const statementCount = wholeNumber(row[C.statementCount])
  if (statementCount === undefined) {
    return fail(`${C.statementCount} is ${shown(row[C.statementCount])}, expected a whole number`)
  }
  if (statementsDone > statementCount) {
    return fail(
      `${C.statementsDone} (${statementsDone}) is more than ${C.statementCount} (${statementCount})`,
    )
  }
  const state = row[C.state]
  if (state !== 'running' && state !== 'failed') {
    return fail(`${C.state} is ${shown(state)}, expected 'running' or 'failed'`)
  }
  const recordedAt = row[C.recordedAt]
  return Object.freeze({
    revision,
    direction,
    statementsDone,
    statementCount,
    statement: text(row[C.statement]),
    state,
    error: text(row[C.error]),
    recordedAt: recordedAt instanceof Date ? recordedAt.toISOString() : String(recordedAt),
  })
}

/** A count as the drivers return it (a number, a bigint, or digits in a string). */
function wholeNumber(value: unknown): number | undefined {
  const number =
    typeof value === 'number' || typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined
}

/** A value of the table for a one-line message: quoted, short, without control characters. */
function shown(value: unknown): string {
  if (value === undefined) return 'missing (no such column)'
  if (value === null) return 'NULL'
  const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ')
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`
}
