/** Added to the version table's name to name the progress table (`retort_version_progress`). */
export const PROGRESS_TABLE_SUFFIX = '_progress'

/** Longest statement or error text kept in a progress record, in characters. */
export const PROGRESS_TEXT_LIMIT = 1000

/**
 * Column names of the progress table, in the order `selectProgress` returns them.
 *
 * @example
 * ```ts
 * PROGRESS_COLUMNS.statementsDone // 'statements_done'
 * ```
 */
export const PROGRESS_COLUMNS = Object.freeze({
  revision: 'revision',
  direction: 'direction',
  statementsDone: 'statements_done',
  statementCount: 'statement_count',
  statement: 'statement_sql',
  state: 'state',
  error: 'error_message',
  recordedAt: 'recorded_at',
} as const)

/**
 * The persistent trace of a revision that runs outside a transaction (MySQL DDL,
 * `transaction = false`, `transactionMode: 'none'`): which statement of which revision was
 * running or failed, and how many of its statements had completed. The runtime writes it
 * before the revision's first statement, updates it before each next one and deletes it
 * together with the version-row change; one that is still there means the revision
 * stopped part-way, and writing commands refuse to run until `stamp` clears it.
 *
 * @example
 * ```ts
 * const record: ProgressRecord = {
 *   revision: 'd4d4d4d4d4d4', direction: 'up', statementsDone: 2, statementCount: 4,
 *   statement: 'INSERT INTO no_such_table VALUES (1)', state: 'failed',
 *   error: "Table 'app.no_such_table' doesn't exist", recordedAt: '2025-01-01T00:00:00.000Z',
 * }
 * ```
 */
export interface ProgressRecord {
  readonly revision: string
  readonly direction: 'up' | 'down'
  /** How many statements of the revision completed (statements 1..statementsDone). */
  readonly statementsDone: number
  /**
   * How many statements the revision had when this was recorded. A revision that calls
   * `op.query()` compiles its later statements only when it gets there.
   */
  readonly statementCount: number
  /**
   * The statement after the completed ones (number `statementsDone + 1`): running when the
   * process stopped, or the one that failed. `null` when the failure was not in a
   * statement (the revision's own code threw, or its version-row change failed).
   */
  readonly statement: string | null
  /** `running`: the process stopped mid-revision (crash, kill); `failed`: an error was caught. */
  readonly state: 'running' | 'failed'
  /** The error of a `failed` record. */
  readonly error: string | null
  /** ISO 8601 time (UTC) of the last update. */
  readonly recordedAt: string
}

/**
 * Cuts a statement or error text to {@link PROGRESS_TEXT_LIMIT} characters.
 *
 * @example
 * ```ts
 * truncateProgressText('x'.repeat(5000)).length // 1000
 * ```
 */
export function truncateProgressText(text: string): string {
  if (text.length <= PROGRESS_TEXT_LIMIT) return text
  return `${text.slice(0, PROGRESS_TEXT_LIMIT - 3)}...`
}
