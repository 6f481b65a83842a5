import type { ProgressRecord } from './progress-record.js'

/**
 * The error tree of Retort. Every error is one line that names the object (in quotes),
 * says what was expected and what to do next. Commands throw these; only the CLI prints
 * them and picks exit codes.
 *
 * ```
 * RetortError
 * ├── RevisionError                 (the revision graph)
 * │   ├── DuplicateRevisionError
 * │   ├── MissingRevisionError
 * │   ├── CycleDetectedError
 * │   ├── InvalidRevisionIdError
 * │   ├── DuplicateBranchLabelError
 * │   ├── RevisionFileError        (a file whose header cannot be read)
 * │   └── ResolutionError          (an identifier that does not resolve)
 * │       ├── AmbiguousRevisionError
 * │       ├── MultipleHeadsError
 * │       └── RelativeRangeError
 * ├── ConfigError
 * ├── UnknownDatabaseRevisionError  (the database is newer than this application)
 * ├── MigrationError                (a revision failed while running)
 * │   └── PartialMigrationError     (... outside a transaction, after some statements)
 * ├── IncompleteMigrationError      (a revision stopped part-way earlier: resolve first)
 * ├── UnreadableProgressError       (the progress table holds a record that cannot be read)
 * ├── VersionTableConflictError     (another process changed the version table)
 * ├── VersionTableShapeError        (the version table has the wrong columns)
 * └── LockTimeoutError
 * ```
 *
 * @example
 * ```ts
 * try {
 *   await migrator.upgrade('head')
 * } catch (error) {
 *   if (error instanceof UnknownDatabaseRevisionError) showUpdatePrompt(error.revisions)
 *   else throw error
 * }
 * ```
 */
export class RetortError extends Error {
  /** A stable machine-readable code, e.g. `'multiple-heads'`. */
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** Something is wrong with the revision graph or with a revision identifier. */
export class RevisionError extends RetortError {}

/** Two revision files declare the same revision id. */
export class DuplicateRevisionError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly paths: readonly string[],
  ) {
    super(
      'duplicate-revision',
      `revision '${revision}' is declared twice (${paths.map((p) => `'${p}'`).join(' and ')}); give one of them a new id`,
    )
  }
}

/** A `downRevision` or `dependsOn` names a revision that does not exist. */
export class MissingRevisionError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly missing: string,
    readonly field: 'downRevision' | 'dependsOn',
    readonly path: string | undefined,
  ) {
    super(
      'missing-revision',
      `revision '${revision}'${where(path)} has ${field} '${missing}', which is not a known revision; add the missing file or correct ${field}`,
    )
  }
}

/** The `downRevision`/`dependsOn` edges form a cycle. */
export class CycleDetectedError extends RevisionError {
  constructor(
    readonly cycle: readonly string[],
    readonly paths: readonly (string | undefined)[],
  ) {
    const first = paths.find((p) => p !== undefined)
    super(
      'cycle',
      `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `'${id}'`).join(' -> ')}${where(first)}; correct the downRevision or dependsOn of one of them`,
    )
  }
}

/** A revision id with characters outside `[A-Za-z0-9_]`, or empty. */
export class InvalidRevisionIdError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly path: string | undefined,
  ) {
    super(
      'invalid-revision-id',
      `revision id '${revision}'${where(path)} is not valid; use letters, digits and '_' only`,
    )
  }
}

/** Two revisions declare the same branch label, or a label equals a revision id. */
export class DuplicateBranchLabelError extends RevisionError {
  constructor(
    readonly label: string,
    readonly revisions: readonly string[],
    readonly path: string | undefined,
  ) {
    super(
      'duplicate-branch-label',
      `branch label '${label}' is declared by ${revisions.map((r) => `'${r}'`).join(' and ')}${where(path)}; branch labels must be unique and differ from revision ids`,
    )
  }
}

/** A revision file whose header cannot be read without executing it. */
export class RevisionFileError extends RevisionError {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super('revision-file', `${path}${line === undefined ? '' : `:${line}`}: ${detail}`)
  }
}

/** An identifier (`head`, a prefix, `label@head`, `-2` ...) does not resolve. */
export class ResolutionError extends RevisionError {
  constructor(
    readonly identifier: string,
    message: string,
    code = 'resolution',
  ) {
    super(code, message)
  }
}

/** A prefix matches several revisions. */
export class AmbiguousRevisionError extends ResolutionError {
  constructor(
    identifier: string,
    readonly candidates: readonly string[],
  ) {
    super(
      identifier,
      `'${identifier}' matches several revisions (${candidates.map((c) => `'${c}'`).join(', ')}); give more characters of the id`,
      'ambiguous-revision',
    )
  }
}

/** `head` (or a relative step from it) was asked for while the graph has several heads. */
export class MultipleHeadsError extends ResolutionError {
  constructor(
    identifier: string,
    readonly heads: readonly string[],
    scope = 'the revision graph',
  ) {
    super(
      identifier,
      `'${identifier}' is ambiguous: ${scope} has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(', ')}); use 'heads', 'LABEL@head' or a revision id, or merge them with 'retort merge heads'`,
      'multiple-heads',
    )
  }
}

/** A relative step (`+N`, `-N`, `base+N` ...) goes past the graph or through an ambiguous point. */
export class RelativeRangeError extends ResolutionError {
  constructor(identifier: string, message: string) {
    super(identifier, message, 'relative-range')
  }
}

/** A configuration file or value is wrong. */
export class ConfigError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options)
  }
}

/**
 * The version table holds revision ids that this application does not know: the database
 * was migrated by a newer version of the application. Catch it to ask the user to update.
 */
export class UnknownDatabaseRevisionError extends RetortError {
  constructor(readonly revisions: readonly string[]) {
    super(
      'database-newer',
      `the database is at revision ${revisions.map((r) => `'${r}'`).join(', ')}, which this application does not know; the database was migrated by a newer version: update the application, or 'stamp --purge' if the ids are wrong`,
    )
  }
}

/** A revision's upgrade or downgrade failed; the database stays at the last completed revision. */
export class MigrationError extends RetortError {
  constructor(
    readonly revision: string,
    readonly direction: 'up' | 'down',
    readonly path: string | undefined,
    readonly statement: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      'migration-failed',
      `${direction === 'up' ? 'upgrade' : 'downgrade'} of revision '${revision}'${where(path)} failed${statement === undefined ? '' : ` at statement \`${oneLine(statement)}\``}: ${oneLine(reason)}; fix the revision and run the command again`,
      { cause },
    )
  }
}

/** An UPDATE or DELETE of the version table did not match exactly one row. */
export class VersionTableConflictError extends RetortError {
  constructor(
    readonly table: string,
    detail: string,
  ) {
    super(
      'version-table-conflict',
      `version table '${table}' changed underneath this run (${detail}); another process may be migrating: run 'current' and try again`,
    )
  }
}

/**
 * The version table exists but is not shaped as Retort's: no `version_num` column, or one
 * that does not hold text. Raised when the table is read, before anything is written.
 *
 * @example
 * ```ts
 * new VersionTableShapeError('retort_version', "no column 'version_num'", ['id integer'], 255)
 * ```
 */
export class VersionTableShapeError extends RetortError {
  constructor(
    readonly table: string,
    /** What is wrong, e.g. `no column 'version_num'`. */
    readonly problem: string,
    /** The table's columns as the database reports them (`name type`). */
    readonly columns: readonly string[],
    idLength: number,
    options?: { cause?: unknown },
  ) {
    const has = columns.length === 0 ? '' : ` (it has ${columns.join(', ')})`
    super(
      'version-table-shape',
      `version table '${table}' is not shaped as Retort's: ${problem}${has}; it needs a column 'version_num' VARCHAR(${idLength}) NOT NULL, the primary key, one row per applied head: set 'versionTable' to another name if the table belongs to something else, or drop or fix it`,
      options,
    )
  }
}

/** The migration lock could not be taken in time. */
export class LockTimeoutError extends RetortError {
  constructor(
    readonly target: string,
    readonly timeoutMs: number,
    holder?: string,
  ) {
    super(
      'lock-timeout',
      `could not take the migration lock on '${target}' within ${timeoutMs} ms${holder ? ` (held by ${holder})` : ''}; another migration is running: wait for it or raise lockTimeout`,
    )
  }
}

/**
 * Whether the statement that was running when a process stopped took effect, as the live
 * schema tells: it created or dropped `object`, which `exists` now or not.
 *
 * @example
 * ```ts
 * const check: InFlightCheck = { object: "table 'invoice'", exists: true, completed: true }
 * ```
 */
export interface InFlightCheck {
  /** The table or index, as messages name it: `table 'invoice'`. */
  readonly object: string
  readonly exists: boolean
  /** Whether the statement took effect (a created object exists, a dropped one does not). */
  readonly completed: boolean
}

/**
 * What {@link PartialMigrationError} and {@link IncompleteMigrationError} say about a revision
 * that stopped part-way, and the `stamp` commands that resolve it.
 *
 * @example
 * ```ts
 * const details: IncompleteMigrationDetails = {
 *   record, path: 'versions/d4_add_index.ts', table: 'retort_version_progress',
 *   finish: ['d4d4d4d4d4d4'], undo: ['c3c3c3c3c3c3'],
 * }
 * ```
 */
export interface IncompleteMigrationDetails {
  readonly record: ProgressRecord
  /** The revision's file, when known. */
  readonly path: string | undefined
  /** The progress table holding the record. */
  readonly table: string
  /**
   * `stamp` targets, in order, that record the revision as done (after its remaining
   * statements are run by hand); `[]` means `stamp base`.
   */
  readonly finish: readonly string[] | undefined
  /** `stamp` targets that record it as not run (after its applied statements are undone). */
  readonly undo: readonly string[] | undefined
  /**
   * For a statement that was running when the process stopped: whether it took effect,
   * when the live schema can tell (a `CREATE`/`DROP` of a table or index). Absent, its
   * effect is unknown and the message says how to check.
   */
  readonly inFlight?: InFlightCheck | undefined
}

/**
 * A revision that runs outside a transaction (a database without transactional DDL such
 * as MySQL, `transaction = false`, `transactionMode: 'none'`) failed after some of its
 * statements had completed. Those stay applied, the version rows did not move, and the
 * progress table records how far it got: the next `upgrade`/`downgrade` refuses
 * ({@link IncompleteMigrationError}) until `stamp` clears the record.
 */
export class PartialMigrationError extends MigrationError {
  readonly details: IncompleteMigrationDetails

  constructor(details: IncompleteMigrationDetails, cause: unknown) {
    const { record, path } = details
    super(record.revision, record.direction, path, record.statement ?? undefined, cause)
    this.details = details
    const reason = cause instanceof Error ? cause.message : String(cause)
    const at =
      record.statement === null
        ? ` after ${statementRange(record.statementsDone)} of ${record.statementCount}`
        : ` at statement \`${oneLine(record.statement)}\` (${record.statementsDone + 1} of ${record.statementCount})`
    this.message = `${verb(record)} of revision '${record.revision}'${where(path)} failed${at}: ${oneLine(reason)}; ${statementRange(record.statementsDone)} stayed applied (the revision ran outside a transaction, so nothing was rolled back) and this is recorded in '${details.table}': ${advice(details)}`
  }
}

/**
 * A revision stopped part-way in an earlier run (it failed, or the process was killed)
 * while running outside a transaction, and its record is still in the progress table.
 * `upgrade` and `downgrade` refuse to run on top of that unknown state; the message says
 * what was applied and which `stamp` resolves it (stamp clears the record).
 *
 * @example
 * ```ts
 * try {
 *   await migrator.upgrade('head')
 * } catch (error) {
 *   if (error instanceof IncompleteMigrationError) console.error(error.details.record.statement)
 * }
 * ```
 */
export class IncompleteMigrationError extends RetortError {
  constructor(readonly details: IncompleteMigrationDetails) {
    const { record, path, table } = details
    super(
      'incomplete-migration',
      `the ${verb(record)} of revision '${record.revision}'${where(path)} stopped part-way (recorded in '${table}' at ${record.recordedAt}): ${appliedSummary(details)}; nothing runs on this database until that is resolved: ${advice(details)}`,
    )
  }
}

/**
 * The progress table holds a record Retort cannot read (a column with text where a number
 * belongs, an unknown direction or state, a table that is not Retort's): what ran of
 * which revision is unknown. `upgrade` and `downgrade` refuse; `stamp` clears the table
 * (rows without a readable revision must be deleted by hand).
 *
 * @example
 * ```ts
 * const error = new UnreadableProgressError({ table: 'retort_version_progress', revision: 'a1', problem: "statements_done is 'abc', expected a whole number" })
 * ```
 */
export class UnreadableProgressError extends RetortError {
  readonly table: string
  readonly problem: string
  readonly revision: string | undefined

  constructor(details: UnreadableProgressDetails) {
    const { table, problem, revision } = details
    super(
      'unreadable-progress',
      `the progress table '${table}' holds a record Retort cannot read (${revision === undefined ? '' : `revision '${revision}': `}${problem}), so what ran is unknown; nothing runs on this database until it is cleared: make the schema match a revision and run 'retort stamp' with that revision, which empties the progress table${revision === undefined ? `, after deleting that row from '${table}' by hand` : ''}`,
    )
    this.table = table
    this.problem = problem
    this.revision = revision
  }
}

/**
 * A progress record that cannot be read: its table, its revision when that much is
 * readable, and what is wrong (see {@link UnreadableProgressError}).
 *
 * @example
 * ```ts
 * const details: UnreadableProgressDetails = { table: 'retort_version_progress', revision: 'a1', problem: "statements_done is 'x', expected a whole number" }
 * ```
 */
export interface UnreadableProgressDetails {
  readonly table: string
  readonly revision: string | undefined
  readonly problem: string
}

function verb(record: ProgressRecord): string {
  return record.direction === 'up' ? 'upgrade' : 'downgrade'
}

function statementRange(count: number): string {
  if (count === 0) return 'no statement'
  return count === 1 ? 'statement 1' : `statements 1..${count}`
}

function appliedSummary(details: IncompleteMigrationDetails): string {
  const { record, inFlight } = details
  const done = record.statementsDone
  const next = done + 1
  const head = `${done === 0 ? 'no statement' : statementRange(done)} of ${record.statementCount} completed`
  if (record.statement === null) {
    return record.state === 'failed'
      ? `${head}, then it failed: ${oneLine(record.error ?? 'unknown error')}`
      : `${head}, then the process stopped`
  }
  const sql = `\`${oneLine(record.statement)}\``
  if (record.state === 'failed') {
    return `${head}; statement ${next} ${sql} failed${record.error ? `: ${oneLine(record.error)}` : ''}`
  }
  const running = `${head}; statement ${next} ${sql} was running when the process stopped`
  if (inFlight !== undefined) {
    return `${running}; ${inFlight.object} ${inFlight.exists ? 'exists' : 'does not exist'}, so statement ${next} ${inFlight.completed ? 'completed' : 'did not take effect'}`
  }
  return `${running} and its effect is unknown: check it by hand (after a CREATE or DROP, whether the table or index exists; after an ALTER, the table's definition)`
}

function advice(details: IncompleteMigrationDetails): string {
  const { record, finish, undo, inFlight } = details
  if (finish === undefined || undo === undefined) {
    return `make the schema match a revision by hand and run 'retort stamp' with that revision (stamp clears the record)`
  }
  const done = record.statementsDone
  if (record.state === 'running' && record.statement !== null) {
    // Whether the statement in flight completed decides how many statements are applied.
    if (inFlight !== undefined) {
      return `${choices(details, inFlight.completed ? done + 1 : done)} (stamp clears the record)`
    }
    return `if statement ${done + 1} took effect, ${choices(details, done + 1)}; if it did not, ${choices(details, done)} (stamp clears the record)`
  }
  return `${choices(details, done)} (stamp clears the record)`
}

/** The two ways out once `done` statements are known to be applied: finish or undo. */
function choices(details: IncompleteMigrationDetails, done: number): string {
  const { record, finish, undo } = details
  const count = Math.max(record.statementCount, done)
  const rest = count - done
  const remaining =
    rest <= 0
      ? undefined
      : rest === 1
        ? `statement ${done + 1}`
        : `statements ${done + 1}..${count}`
  const finishing = remaining
    ? `finish ${remaining} by hand and run ${stampCommands(finish!)}`
    : `run ${stampCommands(finish!)}`
  const undoing =
    done > 0
      ? `undo ${statementRange(done)} by hand and run ${stampCommands(undo!)}`
      : `run ${stampCommands(undo!)}`
  return `either ${finishing}, or ${undoing} and correct the revision before it runs again`
}

/** `'retort stamp a1'`, or several in order; a target may carry `--purge `. */
function stampCommands(targets: readonly string[]): string {
  if (targets.length === 0) return `'retort stamp base'`
  return targets.map((target) => `'retort stamp ${target}'`).join(' then ')
}

function where(path: string | undefined): string {
  return path === undefined ? '' : ` in '${path}'`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
