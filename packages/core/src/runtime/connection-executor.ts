import type { CompiledStatement, Connection, ExecuteResult } from '../dialect.js'
import type { Logger } from '../env/logger.js'
import { PartialMigrationError } from '../errors.js'
import type { MigrationStep } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RowChange } from '../graph/version-rows.js'
import { truncateProgressText, type ProgressRecord } from '../progress-record.js'
import { describeIncomplete } from './incomplete-migration.js'
import type { ProgressRows, ProgressTable } from './progress-table.js'
import type { StepExecutor, UnprotectedStep } from './step-executor.js'
import type { VersionTable } from './version-table.js'
import { wrapStepError } from './wrap-step-error.js'

/** Where an unprotected step (one outside a transaction) has got to. */
interface StepProgress {
  readonly step: MigrationStep
  /** Statements completed. */
  done: number
  /** Statements known so far. */
  count: number
  /** Whether its record is in the progress table. */
  written: boolean
}

/**
 * The {@link StepExecutor} of a live database: statements run on the connection, version
 * rows change in the version table, and a step outside a transaction leaves a
 * {@link ProgressRecord} in the progress table while it runs (updated before each
 * statement, deleted with its version-row change; on failure it says `failed` and the
 * error is a {@link PartialMigrationError}).
 *
 * @example
 * ```ts
 * const executor = new ConnectionExecutor({ connection, transactionalDdl: true, versionTable, progress, progressRows, map, logger })
 * ```
 */
export class ConnectionExecutor implements StepExecutor {
  readonly offline = false
  readonly transactionalDdl: boolean
  readonly #connection: Connection
  readonly #table: VersionTable
  readonly #progress: ProgressTable
  readonly #progressRows: ProgressRows
  readonly #map: RevisionMap
  readonly #logger: Logger
  #open = false
  /** The statement being executed, for the error message when it fails. */
  #statement: string | undefined
  /** Set while an unprotected step runs: its statements are tracked in the progress table. */
  #tracking: StepProgress | undefined

  constructor(options: ConnectionExecutorOptions) {
    this.#connection = options.connection
    this.transactionalDdl = options.transactionalDdl
    this.#table = options.versionTable
    this.#progress = options.progress
    this.#progressRows = options.progressRows
    this.#map = options.map
    this.#logger = options.logger
  }

  get statement(): string | undefined {
    return this.#statement
  }

  beginRun(): Promise<void> {
    return this.begin()
  }

  async begin(): Promise<void> {
    if (this.#open) return
    await this.#connection.begin()
    this.#open = true
  }

  async commit(): Promise<void> {
    if (!this.#open) return
    this.#open = false
    await this.#connection.commit()
  }

  async rollback(): Promise<void> {
    if (!this.#open) return
    this.#open = false
    try {
      await this.#connection.rollback()
    } catch (error) {
      this.#logger.warn(
        `rollback failed${this.transactionalDdl ? '' : ' (this database cannot roll back DDL)'}: ${messageOf(error)}`,
      )
    }
  }

  ensureVersionTable(): Promise<void> {
    return this.#table.ensure()
  }

  purgeVersionRows(rows: readonly string[]): Promise<void> {
    return this.#table.purge(rows)
  }

  applyRows(rows: readonly RowChange[]): Promise<void> {
    return this.#table.apply(rows)
  }

  clearProgress(): Promise<void> {
    return this.#progress.clear(this.#progressRows)
  }

  startPlan(): void {}

  startStep(): void {}

  endStep(): void {
    this.#statement = undefined
  }

  async execute(statement: CompiledStatement, left: number): Promise<ExecuteResult> {
    const tracking = this.#tracking
    if (tracking !== undefined) {
      tracking.count = Math.max(tracking.count, tracking.done + left)
      const record: ProgressRecord = {
        revision: tracking.step.revision.id,
        direction: tracking.step.direction,
        statementsDone: tracking.done,
        statementCount: tracking.count,
        statement: truncateProgressText(statement.sql),
        state: 'running',
        error: null,
        recordedAt: new Date().toISOString(),
      }
      if (tracking.written) {
        await this.#progress.update(record)
      } else {
        await this.#progress.insert(record)
        tracking.written = true
      }
    }
    this.#statement = statement.sql
    const result = await this.#connection.execute(statement)
    this.#statement = undefined
    if (tracking !== undefined) tracking.done += 1
    return result
  }

  trackStep(step: MigrationStep): UnprotectedStep {
    const tracking: StepProgress = { step, done: 0, count: 0, written: false }
    this.#tracking = tracking
    return {
      bodyDone: () => {
        this.#tracking = undefined
      },
      finish: async () => {
        if (tracking.written) await this.#progress.delete(step.revision.id)
      },
      fail: (statement, error) => this.#recordFailure(tracking, statement, error),
    }
  }

  /**
   * After an unprotected step failed: no record when nothing ran or only its first
   * statement (which failed whole); otherwise the record says `failed` with the error, and
   * the error says what stayed applied and how to resolve it.
   */
  async #recordFailure(
    tracking: StepProgress,
    statement: string | undefined,
    error: unknown,
  ): Promise<unknown> {
    this.#statement = undefined
    const { step } = tracking
    if (!tracking.written) return wrapStepError(step, statement, error)
    if (tracking.done === 0 && statement !== undefined) {
      try {
        await this.#progress.delete(step.revision.id)
      } catch (cleanup) {
        this.#warn(
          'could not delete the progress record of a revision that applied nothing',
          cleanup,
        )
      }
      return wrapStepError(step, statement, error)
    }
    const record: ProgressRecord = {
      revision: step.revision.id,
      direction: step.direction,
      statementsDone: tracking.done,
      statementCount: Math.max(tracking.count, tracking.done),
      statement: statement === undefined ? null : truncateProgressText(statement),
      state: 'failed',
      error: truncateProgressText(messageOf(error)),
      recordedAt: new Date().toISOString(),
    }
    try {
      await this.#progress.update(record)
    } catch (cleanup) {
      // The record written before the statement stays ('running'): still a refusal.
      this.#warn('could not record the failure in the progress table', cleanup)
    }
    let rows: readonly string[] = []
    try {
      rows = await this.#table.read()
    } catch (cleanup) {
      this.#warn('could not read the version table after the failure', cleanup)
    }
    return new PartialMigrationError(
      describeIncomplete(record, this.#map, rows, this.#progress.displayName),
      error,
    )
  }

  #warn(what: string, error: unknown): void {
    this.#logger.warn(`${what}: ${messageOf(error)}`)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** What a {@link ConnectionExecutor} works on. */
export interface ConnectionExecutorOptions {
  readonly connection: Connection
  readonly transactionalDdl: boolean
  readonly versionTable: VersionTable
  readonly progress: ProgressTable
  /** The progress rows read at the start of the run (what a stamp clears). */
  readonly progressRows: ProgressRows
  /** For the message of a revision that stopped part-way. */
  readonly map: RevisionMap
  readonly logger: Logger
}
