import type { CompiledStatement, Compiler, Dialect } from '../dialect.js'
import { MigrationError, RetortError } from '../errors.js'
import {
  planDowngrade,
  planStamp,
  planUpgrade,
  type MigrationStep,
} from '../graph/planner.js'
import type { RowChange } from '../graph/version-rows.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { Operations } from '../operations/operations.js'
import type { RevisionSource } from '../revision.js'
import { loadStepBodies } from './load-step-bodies.js'
import type { MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { OfflineScript } from './offline-script.js'
import { describeStep } from './run-online.js'
import { VERSION_ID_LENGTH } from '../run-settings.js'
import { versionStatements } from './version-table.js'
import { wrapStepError } from './wrap-step-error.js'

/**
 * Offline mode: plans from the given starting rows (the lower end of an `a:b` range) and
 * compiles the revisions and version-table changes into a SQL script, without a
 * connection. `op.query()` is unavailable here.
 *
 * @example
 * ```ts
 * const { sql } = await runOffline(dialect, source, map, { kind: 'upgrade', target: 'head' }, [], options)
 * ```
 */
export async function runOffline(
  dialect: Dialect,
  source: RevisionSource,
  map: RevisionMap,
  action: MigrationAction,
  start: readonly string[],
  options: RunOptions,
  name?: string,
): Promise<RunResult> {
  const compiler = dialect.createCompiler()
  const table = options.versionTable
  const mode = options.transactionMode
  // The capability, not the dialect's name: a database that commits each DDL statement
  // gets no BEGIN/COMMIT around DDL, as online.
  const transactionalDdl = dialect.createAdapter().supportsTransactionalDdl
  const script = new OfflineScript(`Retort migration script (${dialect.name})`, compiler, {
    transactions: mode !== 'none',
    versionTable: table,
  })
  const createTable = () => {
    for (const statement of compiler.createVersionTable(table, VERSION_ID_LENGTH))
      script.statement(statement)
  }
  const applyRows = (rows: readonly RowChange[]) => {
    for (const statement of versionStatements(compiler, table, rows)) script.statement(statement)
  }

  switch (action.kind) {
    case 'current':
      throw new RetortError(
        'needs-database',
        `'current' reads the database; it has no offline (--sql) form`,
      )
    case 'ensureVersion':
      script.blank()
      createTable()
      return { name, applied: [], before: start, heads: start, sql: script.text() }
    case 'stamp': {
      const plan = planStamp(map, start, action.target, { purge: action.purge })
      script.blank()
      if (transactionalDdl) script.begin()
      if (start.length === 0 || action.purge) createTable()
      script.begin()
      for (const step of plan.steps) {
        if (step.purge) script.comment('purge: delete every row of the version table first')
        applyRows(step.rows)
      }
      script.commit()
      return { name, applied: [], before: start, heads: plan.after, sql: script.text() }
    }
    case 'upgrade':
    case 'downgrade': {
      const plan =
        action.kind === 'upgrade'
          ? planUpgrade(map, start, action.target)
          : planDowngrade(map, start, action.target)
      await loadStepBodies(source, plan.steps)
      if (!transactionalDdl && plan.steps.length > 0) {
        script.comment(
          'this database commits each DDL statement as it runs (no transactional DDL): the revisions are not wrapped in BEGIN/COMMIT (only their version-table changes are), and one that fails part-way leaves its earlier statements applied',
        )
      }
      script.blank()
      if (mode === 'all' && transactionalDdl) script.begin()
      if (start.length === 0) {
        createTable()
        script.blank()
      }
      for (const step of plan.steps) {
        const statements = await compileStep(step, source, compiler, dialect.name)
        // As online, a step is protected when a transaction can roll back all it does.
        const protect = transactionalDdl && step.revision.transaction && mode !== 'none'
        // An unprotected step runs on its own: what came before is committed first.
        if (!protect) script.commit()
        script.comment(
          `${describeStep(step)}${step.revision.path ? ` (${step.revision.path})` : ''}`,
        )
        if (protect) {
          if (mode === 'each') script.begin()
          for (const { statement, text } of statements) script.statement(statement, text)
          applyRows(step.rows)
          if (mode === 'each') script.commit()
        } else {
          if (transactionalDdl && mode !== 'none') {
            script.comment('transaction = false: runs outside a transaction')
          }
          for (const { statement, text } of statements) script.statement(statement, text)
          // Its version-row change commits by itself; 'all' goes on in a new transaction.
          script.begin()
          applyRows(step.rows)
          script.commit()
          if (mode === 'all' && transactionalDdl) script.begin()
        }
        script.blank()
      }
      return { name, applied: [], before: start, heads: plan.after, sql: script.text() }
    }
  }
}

/**
 * The SQL text of one step's statements. Writing a statement out can fail too (a SQLite
 * rebuild or a MySQL column restatement without the hints an offline script needs): such
 * an error names the revision like a compile error does.
 */
async function compileStep(
  step: MigrationStep,
  source: RevisionSource,
  compiler: Compiler,
  dialectName: string,
): Promise<{ readonly statement: CompiledStatement; readonly text: string }[]> {
  const body = await source.load(step.revision)
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
  const op = new Operations({ dialect: dialectName, offline: true })
  try {
    await fn(op)
    return (
      op
        .takePending()
        .flatMap((operation) => [...compiler.compile(operation)])
        // Inlined here, so an error that only writing the statement finds names the revision.
        .map((statement) => ({ statement, text: compiler.inline(statement) }))
    )
  } catch (error) {
    throw wrapStepError(step, undefined, error)
  }
}
