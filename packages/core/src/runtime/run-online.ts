import type { CompiledStatement, Compiler, Connection, Dialect, ExecuteResult } from '../dialect.js'
import {
  IncompleteMigrationError,
  MigrationError,
  PartialMigrationError,
  UnreadableProgressError,
} from '../errors.js'
import {
  planDowngrade,
  planStamp,
  planUpgrade,
  type MigrationStep,
  type Plan,
  type StampStep,
} from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import type { RevisionSource } from '../revision.js'
import { progressCompilerOf } from './default-progress-compiler.js'
import { describeIncomplete } from './incomplete-migration.js'
import { loadStepBodies } from './load-step-bodies.js'
import type { AppliedRevision, MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { observedConnection } from './observed-connection.js'
import { progressTableFor, truncateProgressText, type ProgressRecord } from './progress-record.js'
import { checkInFlight } from './in-flight-statement.js'
import { ProgressTable, type ProgressRows } from './progress-table.js'
import { VersionTable } from './version-table.js'
import { wrapStepError } from './wrap-step-error.js'

/**
 * Runs an action against a live database: connect, take the migration lock (writes only),
 * read the version rows, plan from them, then apply step by step in the configured
 * transaction mode. Planning happens after the lock is taken, so a process that waited
 * for another one sees what that one did and finds nothing left to do.
 *
 * A revision that runs outside a transaction (the database cannot roll back DDL, the
 * revision says `transaction = false`, or the mode is `none`) leaves a
 * {@link ProgressRecord} in `<versionTable>_progress` while it runs; one still there at
 * the start of an upgrade or downgrade makes it throw {@link IncompleteMigrationError},
 * and `stamp` clears it.
 *
 * @example
 * ```ts
 * const result = await runOnline(sqliteDialect({ filename }), source, map, { kind: 'upgrade', target: 'heads' }, options)
 * ```
 */
export async function runOnline(
  dialect: Dialect,
  source: RevisionSource,
  map: RevisionMap,
  action: MigrationAction,
  options: RunOptions,
  name?: string,
): Promise<RunResult> {
  const driver = dialect.createDriver()
  try {
    const connection = observedConnection(await driver.connect(), options.onEvent)
    try {
      const compiler = dialect.createCompiler()
      const adapter = dialect.createAdapter()
      const table = new VersionTable(
        connection,
        compiler,
        adapter,
        options.versionTable,
        dialect.createIntrospector(),
      )
      const progress = new ProgressTable(
        connection,
        progressCompilerOf(compiler),
        adapter,
        progressTableFor(options.versionTable),
      )
      if (action.kind === 'current') {
        const rows = await table.read()
        const progressRows = await progress.readRows()
        const [record] = progressRows.records
        const [unreadable] = progressRows.unreadable
        // A statement in flight when the process stopped: look whether it took effect.
        const inFlight =
          record && (await checkInFlight(record, connection, dialect.createIntrospector()))
        const incomplete =
          record && describeIncomplete(record, map, rows, progress.displayName, inFlight)
        return {
          name,
          applied: [],
          before: rows,
          heads: rows,
          ...(incomplete ? { incomplete } : {}),
          ...(unreadable ? { unreadableProgress: progress.unreadableDetails(unreadable) } : {}),
        }
      }
      const lock = { versionTable: options.versionTable, timeoutMs: options.lockTimeoutMs }
      await adapter.acquireMigrationLock(connection, lock)
      try {
        const before = await table.read()
        const progressRows = await progress.readRows()
        const migrates = action.kind === 'upgrade' || action.kind === 'downgrade'
        const [unreadable] = progressRows.unreadable
        if (unreadable !== undefined && migrates) {
          throw new UnreadableProgressError(progress.unreadableDetails(unreadable))
        }
        const [record] = progressRows.records
        const inFlight =
          record && migrates
            ? await checkInFlight(record, connection, dialect.createIntrospector())
            : undefined
        const incomplete =
          record && describeIncomplete(record, map, before, progress.displayName, inFlight)
        if (incomplete !== undefined && migrates) throw new IncompleteMigrationError(incomplete)
        const runner = new StepRunner(
          connection,
          compiler,
          adapter.supportsTransactionalDdl,
          table,
          progress,
          map,
          source,
          options,
          dialect.name,
        )
        let applied: readonly AppliedRevision[] = []
        let heads: readonly string[] = before
        switch (action.kind) {
          case 'ensureVersion':
            await table.ensure()
            break
          case 'stamp': {
            const plan = planStamp(map, before, action.target, { purge: action.purge })
            await runner.stamp(plan, before, progressRows)
            heads = plan.after
            break
          }
          case 'upgrade':
          case 'downgrade': {
            const plan =
              action.kind === 'upgrade'
                ? planUpgrade(map, before, action.target)
                : planDowngrade(map, before, action.target)
            applied = await runner.migrate(plan)
            heads = plan.after
            break
          }
        }
        options.logger.debug(
          `version table '${table.displayName}' now at ${heads.join(', ') || 'base'}`,
        )
        return { name, applied, before, heads, ...(incomplete ? { incomplete } : {}) }
      } finally {
        await adapter.releaseMigrationLock(connection, lock)
      }
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}

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

/** Applies the steps of a plan on one connection. */
class StepRunner {
  readonly #connection: Connection
  readonly #compiler: Compiler
  readonly #transactionalDdl: boolean
  readonly #table: VersionTable
  readonly #progress: ProgressTable
  readonly #map: RevisionMap
  readonly #source: RevisionSource
  readonly #options: RunOptions
  readonly #dialectName: string
  #open = false
  /** The statement being executed, for the error message when it fails. */
  #statement: string | undefined
  /** Set while an unprotected step runs: its statements are tracked in the progress table. */
  #tracking: StepProgress | undefined

  constructor(
    connection: Connection,
    compiler: Compiler,
    transactionalDdl: boolean,
    table: VersionTable,
    progress: ProgressTable,
    map: RevisionMap,
    source: RevisionSource,
    options: RunOptions,
    dialectName: string,
  ) {
    this.#connection = connection
    this.#compiler = compiler
    this.#transactionalDdl = transactionalDdl
    this.#table = table
    this.#progress = progress
    this.#map = map
    this.#source = source
    this.#options = options
    this.#dialectName = dialectName
  }

  async stamp(
    plan: Plan<StampStep>,
    before: readonly string[],
    progressRows: ProgressRows,
  ): Promise<void> {
    const noRecords = progressRows.records.length === 0 && progressRows.unreadable.length === 0
    if (plan.steps.length === 0 && before.length > 0 && noRecords) return
    try {
      await this.#begin()
      await this.#table.ensure()
      for (const step of plan.steps) {
        if (step.purge) await this.#table.purge(before)
        await this.#table.apply(step.rows)
      }
      // Stamping is how a revision that stopped part-way is resolved: its record goes too.
      await this.#progress.clear(progressRows)
      await this.#commit()
    } catch (error) {
      await this.#rollback()
      throw error
    }
  }

  async migrate(plan: Plan): Promise<AppliedRevision[]> {
    const mode = this.#options.transactionMode
    const applied: AppliedRevision[] = []
    const total = plan.steps.length
    // Every body is imported and checked before the first step changes anything.
    await loadStepBodies(this.#source, plan.steps)
    try {
      if (mode === 'all') await this.#begin()
      await this.#table.ensure()
      for (const [index, step] of plan.steps.entries()) {
        const started = performance.now()
        this.#options.onEvent?.({
          type: 'step-start',
          revision: step.revision.id,
          message: step.revision.message,
          direction: step.direction,
          index,
          total,
        })
        this.#options.logger.info(describeStep(step))
        await this.#runStep(step)
        const ms = Math.round((performance.now() - started) * 1000) / 1000
        const { id: revision, message } = step.revision
        applied.push({ revision, message, direction: step.direction, ms })
        this.#options.onEvent?.({
          type: 'step-done',
          revision,
          message,
          direction: step.direction,
          index,
          total,
          ms,
        })
      }
      if (mode === 'all') await this.#commit()
      return applied
    } catch (error) {
      await this.#rollback()
      throw error
    }
  }

  /**
   * A step is protected when a failure rolls back all it did: DDL is transactional, the
   * revision allows a transaction and the mode opens one.
   */
  #isProtected(step: MigrationStep): boolean {
    return (
      this.#transactionalDdl &&
      step.revision.transaction &&
      this.#options.transactionMode !== 'none'
    )
  }

  async #runStep(step: MigrationStep): Promise<void> {
    if (!this.#isProtected(step)) return this.#runUnprotected(step)
    const each = this.#options.transactionMode === 'each'
    try {
      if (each) await this.#begin()
      await this.#execute(step)
      await this.#table.apply(step.rows)
      if (each) await this.#commit()
    } catch (error) {
      throw this.#wrap(step, error)
    } finally {
      this.#statement = undefined
    }
  }

  /**
   * Runs a step whose statements cannot be rolled back: each commits as it runs (in
   * autocommit, so the record says exactly what is applied), tracked in the progress
   * table; then the version-row change and the deletion of the record commit together.
   */
  async #runUnprotected(step: MigrationStep): Promise<void> {
    // In 'all' mode what came before is committed first, and a new transaction starts after.
    await this.#commit()
    const tracking: StepProgress = { step, done: 0, count: 0, written: false }
    this.#tracking = tracking
    try {
      try {
        await this.#execute(step)
      } finally {
        this.#tracking = undefined
      }
      await this.#begin()
      await this.#table.apply(step.rows)
      if (tracking.written) await this.#progress.delete(step.revision.id)
      await this.#commit()
      if (this.#options.transactionMode === 'all') await this.#begin()
    } catch (error) {
      const statement = this.#statement
      await this.#rollback()
      throw await this.#recordFailure(tracking, statement, error)
    } finally {
      this.#statement = undefined
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
    const { step } = tracking
    if (!tracking.written) return this.#wrap(step, error)
    if (tracking.done === 0 && statement !== undefined) {
      try {
        await this.#progress.delete(step.revision.id)
      } catch (cleanup) {
        this.#warn(
          'could not delete the progress record of a revision that applied nothing',
          cleanup,
        )
      }
      return this.#wrap(step, error)
    }
    const record: ProgressRecord = {
      revision: step.revision.id,
      direction: step.direction,
      statementsDone: tracking.done,
      statementCount: Math.max(tracking.count, tracking.done),
      statement: statement === undefined ? null : truncateProgressText(statement),
      state: 'failed',
      error: truncateProgressText(error instanceof Error ? error.message : String(error)),
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

  #wrap(step: MigrationStep, error: unknown): unknown {
    return wrapStepError(step, this.#statement, error)
  }

  async #execute(step: MigrationStep): Promise<void> {
    const body = await this.#source.load(step.revision)
    const fn = step.direction === 'up' ? body.upgrade : body.downgrade
    if (typeof fn !== 'function') {
      throw new MigrationError(
        step.revision.id,
        step.direction,
        step.revision.path,
        undefined,
        new Error(
          `the revision has no ${step.direction === 'up' ? 'upgrade' : 'downgrade'} function; add one`,
        ),
      )
    }
    const op = new Operations({
      dialect: this.#dialectName,
      offline: false,
      query: async (pending, sql, parameters) => {
        await this.#runOperations(pending)
        const result = await this.#run({ sql, parameters }, 1)
        return result.rows
      },
    })
    await fn(op)
    await this.#runOperations(op.takePending())
  }

  async #runOperations(operations: readonly Operation[]): Promise<void> {
    // Compiled before any runs: a compile error applies nothing, and the count is known.
    const statements = operations.flatMap((operation) => [...this.#compiler.compile(operation)])
    for (const [index, statement] of statements.entries()) {
      await this.#run(statement, statements.length - index)
    }
  }

  /** Runs one statement of a revision; `left` counts it and those compiled after it. */
  async #run(statement: CompiledStatement, left: number): Promise<ExecuteResult> {
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

  #warn(what: string, error: unknown): void {
    this.#options.logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  }

  async #begin(): Promise<void> {
    if (this.#open || this.#options.transactionMode === 'none') return
    await this.#connection.begin()
    this.#open = true
  }

  async #commit(): Promise<void> {
    if (!this.#open) return
    this.#open = false
    await this.#connection.commit()
  }

  async #rollback(): Promise<void> {
    if (!this.#open) return
    this.#open = false
    try {
      await this.#connection.rollback()
    } catch (error) {
      this.#options.logger.warn(
        `rollback failed${this.#transactionalDdl ? '' : ' (this database cannot roll back DDL)'}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
}

/** `Running upgrade a1 -> b2: add email` */
export function describeStep(step: MigrationStep): string {
  const id = step.revision.id
  const parents = step.revision.downRevisions.join(', ')
  const arrow =
    step.direction === 'up' ? `${parents || 'base'} -> ${id}` : `${id} -> ${parents || 'base'}`
  const message = step.revision.message ? `: ${step.revision.message}` : ''
  return `Running ${step.direction === 'up' ? 'upgrade' : 'downgrade'} ${arrow}${message}`
}
