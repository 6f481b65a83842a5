import type { CompiledStatement, Compiler, ExecuteResult, QualifiedName } from '../dialect.js'
import type { MigrationStep } from '../graph/planner.js'
import type { RowChange } from '../graph/version-rows.js'
import { VERSION_ID_LENGTH } from '../run-settings.js'
import type { OfflineScript } from './offline-script.js'
import type { StepExecutor, UnprotectedStep } from './step-executor.js'
import { describeStep } from './step-runner.js'
import { versionStatements } from './version-table.js'
import { wrapStepError } from './wrap-step-error.js'

const NO_ROWS: ExecuteResult = Object.freeze({ rows: [], rowCount: 0 })

/**
 * The {@link StepExecutor} of an offline run: writes each statement, inlined, into an
 * {@link OfflineScript}, with a comment naming each revision (and its file) and one saying
 * when a revision runs outside a transaction. Version-row changes are written as the
 * compiler's statements; nothing is ever executed and no progress is recorded.
 *
 * @example
 * ```ts
 * const executor = new ScriptExecutor({ script, compiler, versionTable, transactionalDdl: true, createsVersionTable: true, transactions: true })
 * ```
 */
export class ScriptExecutor implements StepExecutor {
  readonly offline = true
  readonly transactionalDdl: boolean
  readonly statement = undefined
  readonly #script: OfflineScript
  readonly #compiler: Compiler
  readonly #options: ScriptExecutorOptions

  constructor(options: ScriptExecutorOptions) {
    this.#options = options
    this.#script = options.script
    this.#compiler = options.compiler
    this.transactionalDdl = options.transactionalDdl
  }

  /** A script that cannot roll back DDL gets no BEGIN around it: it would promise a rollback. */
  async beginRun(): Promise<void> {
    if (this.transactionalDdl) this.#script.begin()
  }

  async begin(): Promise<void> {
    this.#script.begin()
  }

  async commit(): Promise<void> {
    this.#script.commit()
  }

  /** The script is discarded when a run fails: nothing to undo. */
  async rollback(): Promise<void> {}

  async ensureVersionTable(): Promise<void> {
    this.#script.blank()
    if (!this.#options.createsVersionTable) return
    const { versionTable } = this.#options
    for (const statement of this.#compiler.createVersionTable(versionTable, VERSION_ID_LENGTH))
      this.#script.statement(statement)
  }

  async purgeVersionRows(): Promise<void> {
    this.#script.comment('purge: delete every row of the version table first')
  }

  async applyRows(rows: readonly RowChange[]): Promise<void> {
    const { versionTable } = this.#options
    for (const statement of versionStatements(this.#compiler, versionTable, rows))
      this.#script.statement(statement)
  }

  /** An offline script has no progress table. */
  async clearProgress(): Promise<void> {}

  startPlan(): void {
    if (!this.transactionalDdl) {
      this.#script.comment(
        'this database commits each DDL statement as it runs (no transactional DDL): the revisions are not wrapped in BEGIN/COMMIT (only their version-table changes are), and one that fails part-way leaves its earlier statements applied',
      )
    }
  }

  startStep(step: MigrationStep, protect: boolean): void {
    this.#script.blank()
    this.#script.comment(
      `${describeStep(step)}${step.revision.path ? ` (${step.revision.path})` : ''}`,
    )
    if (!protect && this.transactionalDdl && this.#options.transactions) {
      this.#script.comment('transaction = false: runs outside a transaction')
    }
  }

  endStep(): void {
    this.#script.blank()
  }

  /**
   * Writes the statement inlined; inlining can fail too (a SQLite rebuild or a MySQL column
   * restatement without the hints an offline script needs), and the runner names the
   * revision in that error as in a compile error.
   */
  async execute(statement: CompiledStatement): Promise<ExecuteResult> {
    this.#script.statement(statement, this.#compiler.inline(statement))
    return NO_ROWS
  }

  /** Nothing to track offline: whoever runs the script decides what a failure leaves. */
  trackStep(step: MigrationStep): UnprotectedStep {
    return {
      bodyDone: () => {},
      finish: async () => {},
      fail: async (statement, error) => wrapStepError(step, statement, error),
    }
  }
}

/** What a {@link ScriptExecutor} writes with. */
export interface ScriptExecutorOptions {
  readonly script: OfflineScript
  readonly compiler: Compiler
  readonly versionTable: QualifiedName
  readonly transactionalDdl: boolean
  /**
   * Whether the script creates the version table (`CREATE TABLE IF NOT EXISTS`): when it
   * starts from base, purges it or is `ensureVersion`; a script from a revision on expects it.
   */
  readonly createsVersionTable: boolean
  /** Whether the script writes BEGIN/COMMIT at all (not in transaction mode `none`). */
  readonly transactions: boolean
}
