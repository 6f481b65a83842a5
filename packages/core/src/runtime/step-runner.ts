import { MigrationError } from '../errors.js'
import type { Logger, MigrationEvent } from '../env/logger.js'
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
import type { TransactionMode } from '../run-settings.js'
import type { Compiler } from '../dialect.js'
import { loadStepBodies } from './load-step-bodies.js'
import type { AppliedRevision, MigrationAction } from './migration-action.js'
import type { StepExecutor } from './step-executor.js'
import { wrapStepError } from './wrap-step-error.js'

/** The outcome of a writing action. */
export interface StepRunResult {
  readonly applied: readonly AppliedRevision[]
  /** The version rows at the end. */
  readonly heads: readonly string[]
}

/**
 * The one step loop of every run, online and offline: plans a writing action from the
 * version rows, loads and checks every body before the first step, then applies the steps in
 * the transaction mode through its {@link StepExecutor}. A step is protected when a
 * transaction can roll back all it does (transactional DDL, the revision allows a
 * transaction, the mode opens one); an unprotected step runs on its own, what came before
 * committed first, and its version-row change commits by itself.
 *
 * @example
 * ```ts
 * const runner = new StepRunner({ executor, compiler, dialectName: 'sqlite', map, source, transactionMode: 'each' })
 * const { applied, heads } = await runner.run({ kind: 'upgrade', target: 'heads' }, before)
 * ```
 */
export class StepRunner {
  readonly #executor: StepExecutor
  readonly #compiler: Compiler
  readonly #options: StepRunnerOptions
  readonly #mode: TransactionMode

  constructor(options: StepRunnerOptions) {
    this.#options = options
    this.#executor = options.executor
    this.#compiler = options.compiler
    this.#mode = options.transactionMode
  }

  /**
   * Runs a writing action from the version rows `before`. `pendingProgress`: the progress
   * table holds records a stamp clears (so a stamp that changes no row still runs).
   */
  async run(
    action: Exclude<MigrationAction, { kind: 'current' }>,
    before: readonly string[],
    pendingProgress = false,
  ): Promise<StepRunResult> {
    const { map } = this.#options
    switch (action.kind) {
      case 'ensureVersion':
        await this.#executor.ensureVersionTable()
        return { applied: [], heads: before }
      case 'stamp': {
        const plan = planStamp(map, before, action.target, { purge: action.purge })
        await this.stamp(plan, before, pendingProgress)
        return { applied: [], heads: plan.after }
      }
      case 'upgrade':
      case 'downgrade': {
        const plan =
          action.kind === 'upgrade'
            ? planUpgrade(map, before, action.target)
            : planDowngrade(map, before, action.target)
        return { applied: await this.migrate(plan), heads: plan.after }
      }
    }
  }

  /** Writes a stamp's row changes in one transaction, clearing the progress table. */
  async stamp(
    plan: Plan<StampStep>,
    before: readonly string[],
    pendingProgress: boolean,
  ): Promise<void> {
    if (plan.steps.length === 0 && before.length > 0 && !pendingProgress) return
    const executor = this.#executor
    try {
      await this.#beginRun()
      await executor.ensureVersionTable()
      await this.#begin()
      for (const step of plan.steps) {
        if (step.purge) await executor.purgeVersionRows(before)
        await executor.applyRows(step.rows)
      }
      // Stamping is how a revision that stopped part-way is resolved: its record goes too.
      await executor.clearProgress()
      await executor.commit()
    } catch (error) {
      await executor.rollback()
      throw error
    }
  }

  /** Applies the steps of a migration plan; what ran, with timings. */
  async migrate(plan: Plan): Promise<AppliedRevision[]> {
    const { onEvent, logger } = this.#options
    const executor = this.#executor
    const applied: AppliedRevision[] = []
    const total = plan.steps.length
    // Every body is imported and checked before the first step changes anything.
    await loadStepBodies(this.#options.source, plan.steps)
    if (total > 0) executor.startPlan(plan.steps)
    try {
      if (this.#mode === 'all') await this.#beginRun()
      await executor.ensureVersionTable()
      for (const [index, step] of plan.steps.entries()) {
        const started = performance.now()
        const { id: revision, message } = step.revision
        onEvent?.({
          type: 'step-start',
          revision,
          message,
          direction: step.direction,
          index,
          total,
        })
        logger?.info(describeStep(step))
        await this.#runStep(step)
        const ms = Math.round((performance.now() - started) * 1000) / 1000
        applied.push({ revision, message, direction: step.direction, ms })
        onEvent?.({
          type: 'step-done',
          revision,
          message,
          direction: step.direction,
          index,
          total,
          ms,
        })
      }
      if (this.#mode === 'all') await executor.commit()
      return applied
    } catch (error) {
      await executor.rollback()
      throw error
    }
  }

  async #runStep(step: MigrationStep): Promise<void> {
    const executor = this.#executor
    const protect = executor.transactionalDdl && step.revision.transaction && this.#mode !== 'none'
    if (!protect) return this.#runUnprotected(step)
    executor.startStep(step, true)
    const each = this.#mode === 'each'
    try {
      if (each) await this.#begin()
      await this.#runBody(step)
      await executor.applyRows(step.rows)
      if (each) await executor.commit()
    } catch (error) {
      throw wrapStepError(step, executor.statement, error)
    }
    executor.endStep(step)
  }

  /**
   * A step whose statements cannot be rolled back: each commits as it runs; then the
   * version-row change (and the end of its tracking) commit together. In mode `all` what
   * came before is committed first, and a new transaction starts after.
   */
  async #runUnprotected(step: MigrationStep): Promise<void> {
    const executor = this.#executor
    await executor.commit()
    executor.startStep(step, false)
    const tracking = executor.trackStep(step)
    try {
      try {
        await this.#runBody(step)
      } finally {
        tracking.bodyDone()
      }
      await this.#begin()
      await executor.applyRows(step.rows)
      await tracking.finish()
      await executor.commit()
      if (this.#mode === 'all') await this.#beginRun()
    } catch (error) {
      const statement = executor.statement
      await executor.rollback()
      throw await tracking.fail(statement, error)
    }
    executor.endStep(step)
  }

  /**
   * Calls the step's `upgrade` or `downgrade` with an {@link Operations} builder and sends
   * what it builds through the executor. The operations queued before an `op.query()` are
   * compiled and executed first; everything else after the function returns. Each batch is
   * compiled before any of it runs: a compile error applies nothing of it.
   */
  async #runBody(step: MigrationStep): Promise<void> {
    const body = await this.#options.source.load(step.revision)
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
    const executor = this.#executor
    const op = executor.offline
      ? new Operations({ dialect: this.#options.dialectName, offline: true })
      : new Operations({
          dialect: this.#options.dialectName,
          offline: false,
          query: async (pending, sql, parameters) => {
            await this.#send(pending)
            return (await executor.execute({ sql, parameters }, 1)).rows
          },
        })
    await fn(op)
    await this.#send(op.takePending())
  }

  async #send(operations: readonly Operation[]): Promise<void> {
    const statements = operations.flatMap((operation) => [...this.#compiler.compile(operation)])
    for (const [index, statement] of statements.entries()) {
      await this.#executor.execute(statement, statements.length - index)
    }
  }

  /** Transaction mode `none` opens no transaction at all. */
  async #begin(): Promise<void> {
    if (this.#mode !== 'none') await this.#executor.begin()
  }

  async #beginRun(): Promise<void> {
    if (this.#mode !== 'none') await this.#executor.beginRun()
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

/** What a {@link StepRunner} works with. */
export interface StepRunnerOptions {
  /** Where the statements go: a connection or an offline script. */
  readonly executor: StepExecutor
  /** Compiles the operations the revisions build. */
  readonly compiler: Compiler
  /** The dialect's name, as `op.dialect` tells a revision. */
  readonly dialectName: string
  readonly map: RevisionMap
  readonly source: RevisionSource
  readonly transactionMode: TransactionMode
  /** Told each step as it runs (`Running upgrade ...`); none offline. */
  readonly logger?: Logger | undefined
  /** Step events (start, done with timing); none offline. */
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
}
