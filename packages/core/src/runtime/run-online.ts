import type { Compiler, Connection, Dialect } from '../dialect.js'
import { MigrationError, RetortError } from '../errors.js'
import { planDowngrade, planStamp, planUpgrade, type MigrationStep, type Plan, type StampStep } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import type { RevisionSource } from '../revision.js'
import type { AppliedRevision, MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { VersionTable } from './version-table.js'

/**
 * Runs an action against a live database: connect, take the migration lock (writes only),
 * read the version rows, plan from them, then apply step by step in the configured
 * transaction mode. Planning happens after the lock is taken, so a process that waited
 * for another one sees what that one did and finds nothing left to do.
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
    const connection = await driver.connect()
    try {
      const compiler = dialect.createCompiler()
      const adapter = dialect.createAdapter()
      const table = new VersionTable(connection, compiler, adapter, options.versionTable)
      if (action.kind === 'current') {
        const rows = await table.read()
        return { name, applied: [], before: rows, heads: rows }
      }
      const lock = { versionTable: options.versionTable, timeoutMs: options.lockTimeoutMs }
      await adapter.acquireMigrationLock(connection, lock)
      try {
        const runner = new StepRunner(connection, compiler, adapter.supportsTransactionalDdl, table, source, options, dialect.name)
        const before = await table.read()
        let applied: readonly AppliedRevision[] = []
        let heads: readonly string[] = before
        switch (action.kind) {
          case 'ensureVersion':
            await table.ensure()
            break
          case 'stamp': {
            const plan = planStamp(map, before, action.target, { purge: action.purge })
            await runner.stamp(plan, before)
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
        options.logger.debug(`version table '${table.displayName}' now at ${heads.join(', ') || 'base'}`)
        return { name, applied, before, heads }
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

/** Applies the steps of a plan on one connection. */
class StepRunner {
  readonly #connection: Connection
  readonly #compiler: Compiler
  readonly #transactionalDdl: boolean
  readonly #table: VersionTable
  readonly #source: RevisionSource
  readonly #options: RunOptions
  readonly #dialectName: string
  #open = false
  /** The statement being executed, for the error message when it fails. */
  #statement: string | undefined

  constructor(
    connection: Connection,
    compiler: Compiler,
    transactionalDdl: boolean,
    table: VersionTable,
    source: RevisionSource,
    options: RunOptions,
    dialectName: string,
  ) {
    this.#connection = connection
    this.#compiler = compiler
    this.#transactionalDdl = transactionalDdl
    this.#table = table
    this.#source = source
    this.#options = options
    this.#dialectName = dialectName
  }

  async stamp(plan: Plan<StampStep>, before: readonly string[]): Promise<void> {
    if (plan.steps.length === 0 && before.length > 0) return
    try {
      await this.#begin()
      await this.#table.ensure()
      for (const step of plan.steps) {
        if (step.purge) await this.#table.purge(before)
        await this.#table.apply(step.rows)
      }
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
    try {
      if (mode === 'all') await this.#begin()
      await this.#table.ensure()
      for (const [index, step] of plan.steps.entries()) {
        const started = performance.now()
        this.#options.onEvent?.({ type: 'step-start', revision: step.revision.id, direction: step.direction, index, total })
        this.#options.logger.info(describeStep(step))
        await this.#runStep(step)
        const ms = Math.round((performance.now() - started) * 1000) / 1000
        applied.push({ revision: step.revision.id, direction: step.direction, ms })
        this.#options.onEvent?.({ type: 'step-done', revision: step.revision.id, direction: step.direction, index, total, ms })
      }
      if (mode === 'all') await this.#commit()
      return applied
    } catch (error) {
      await this.#rollback()
      throw error
    }
  }

  async #runStep(step: MigrationStep): Promise<void> {
    const mode = this.#options.transactionMode
    const transactional = step.revision.transaction
    try {
      if (mode === 'all' && !transactional) {
        // A revision that opts out of transactions cannot run inside the run's transaction:
        // what came before is committed first, and a new transaction starts after it.
        await this.#commit()
        await this.#execute(step)
        await this.#begin()
        await this.#table.apply(step.rows)
      } else if (mode === 'each' && transactional) {
        await this.#begin()
        await this.#execute(step)
        await this.#table.apply(step.rows)
        await this.#commit()
      } else if (mode === 'each') {
        await this.#execute(step)
        await this.#begin()
        await this.#table.apply(step.rows)
        await this.#commit()
      } else {
        await this.#execute(step)
        await this.#table.apply(step.rows)
      }
    } catch (error) {
      if (error instanceof RetortError) throw error
      throw new MigrationError(step.revision.id, step.direction, step.revision.path, this.#statement, error)
    } finally {
      this.#statement = undefined
    }
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
        new Error(`the revision has no ${step.direction === 'up' ? 'upgrade' : 'downgrade'} function; add one`),
      )
    }
    const op = new Operations({
      dialect: this.#dialectName,
      offline: false,
      query: async (pending, sql, parameters) => {
        await this.#runOperations(pending)
        this.#statement = sql
        const result = await this.#connection.execute({ sql, parameters })
        this.#statement = undefined
        return result.rows
      },
    })
    await fn(op)
    await this.#runOperations(op.takePending())
  }

  async #runOperations(operations: readonly Operation[]): Promise<void> {
    for (const operation of operations) {
      for (const statement of this.#compiler.compile(operation)) {
        this.#statement = statement.sql
        await this.#connection.execute(statement)
      }
    }
    this.#statement = undefined
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
  const arrow = step.direction === 'up' ? `${parents || 'base'} -> ${id}` : `${id} -> ${parents || 'base'}`
  const message = step.revision.message ? `: ${step.revision.message}` : ''
  return `Running ${step.direction === 'up' ? 'upgrade' : 'downgrade'} ${arrow}${message}`
}
