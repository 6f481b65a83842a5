import type { CompiledStatement, ExecuteResult } from '../dialect.js'
import type { MigrationStep } from '../graph/planner.js'
import type { RowChange } from '../graph/version-rows.js'

/**
 * Where the {@link StepRunner} sends what a run does: a live connection
 * ({@link ConnectionExecutor}) or an offline SQL script ({@link ScriptExecutor}). The runner
 * decides the order (transactions, version rows, which steps are protected); an executor
 * only carries each call out in its medium, so online and offline cannot drift apart.
 *
 * @example
 * ```ts
 * const runner = new StepRunner({ executor: new ScriptExecutor(script, compiler, options), ... })
 * ```
 */
export interface StepExecutor {
  /** `true` when nothing is executed (an offline script): revisions cannot `op.query()`. */
  readonly offline: boolean
  /** DDL rolls back with its transaction (SQLite, PostgreSQL; not MySQL). */
  readonly transactionalDdl: boolean
  /** The statement being executed when a step failed, for its error; offline none. */
  readonly statement: string | undefined

  /**
   * Opens the transaction that holds a whole run (mode `all`, a stamp), DDL included. A
   * script writes one only where DDL can roll back; a connection always opens it.
   */
  beginRun(): Promise<void>
  /** Opens a transaction unless one is open. */
  begin(): Promise<void>
  /** Commits the open transaction, if any. */
  commit(): Promise<void>
  /** Rolls back the open transaction, if any; never throws. */
  rollback(): Promise<void>

  /** Creates the version table when it may be missing. */
  ensureVersionTable(): Promise<void>
  /** Deletes the given version rows (`stamp --purge`). */
  purgeVersionRows(rows: readonly string[]): Promise<void>
  /** Applies version-row changes. */
  applyRows(rows: readonly RowChange[]): Promise<void>
  /** Deletes what the progress table holds (a stamp resolves a revision that stopped). */
  clearProgress(): Promise<void>

  /** Before the first step of a migration plan that has steps. */
  startPlan(steps: readonly MigrationStep[]): void
  /** Before a step's statements; `protect`: whether one transaction covers all it does. */
  startStep(step: MigrationStep, protect: boolean): void
  /** After a step and its version-row change. */
  endStep(step: MigrationStep): void

  /**
   * Executes (or writes) one statement of a revision; `left` counts it and those compiled
   * after it. Offline the result has no rows.
   */
  execute(statement: CompiledStatement, left: number): Promise<ExecuteResult>
  /**
   * A step that runs outside a transaction begins: its statements commit one by one, so a
   * connection tracks them in the progress table until the step's version-row change.
   */
  trackStep(step: MigrationStep): UnprotectedStep
}

/** The tracking of one step that runs outside a transaction. */
export interface UnprotectedStep {
  /** The revision's statements are done: stop counting them. */
  bodyDone(): void
  /** Inside the version-row transaction: the step's progress record goes. */
  finish(): Promise<void>
  /** After a failure (the transaction rolled back): the error to throw. */
  fail(statement: string | undefined, error: unknown): Promise<unknown>
}
