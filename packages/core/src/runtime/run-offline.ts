import type { CompiledStatement, Compiler, Dialect } from '../dialect.js'
import { MigrationError, RetortError } from '../errors.js'
import { planDowngrade, planStamp, planUpgrade, type MigrationStep } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { Operations } from '../operations/operations.js'
import type { RevisionSource } from '../revision.js'
import { loadStepBodies } from './load-step-bodies.js'
import type { MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { describeStep } from './run-online.js'
import { VERSION_ID_LENGTH, versionStatements } from './version-table.js'
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
  const lines: string[] = [`-- Retort migration script (${dialect.name})`]
  const emit = (statement: CompiledStatement) => lines.push(`${compiler.inline(statement)};`)
  const mode = options.transactionMode
  const createTable = () => {
    for (const statement of compiler.createVersionTable(table, VERSION_ID_LENGTH)) emit(statement)
  }

  switch (action.kind) {
    case 'current':
      throw new RetortError(
        'needs-database',
        `'current' reads the database; it has no offline (--sql) form`,
      )
    case 'ensureVersion':
      lines.push('')
      createTable()
      return { name, applied: [], before: start, heads: start, sql: finish(lines) }
    case 'stamp': {
      const plan = planStamp(map, start, action.target, { purge: action.purge })
      lines.push('', 'BEGIN;')
      if (start.length === 0 || action.purge) createTable()
      for (const step of plan.steps) {
        if (step.purge) lines.push(`-- purge: delete every row of the version table first`)
        for (const statement of versionStatements(compiler, table, step.rows)) emit(statement)
      }
      lines.push('COMMIT;')
      return { name, applied: [], before: start, heads: plan.after, sql: finish(lines) }
    }
    case 'upgrade':
    case 'downgrade': {
      const plan =
        action.kind === 'upgrade'
          ? planUpgrade(map, start, action.target)
          : planDowngrade(map, start, action.target)
      await loadStepBodies(source, plan.steps)
      lines.push('')
      if (mode === 'all') lines.push('BEGIN;', '')
      if (start.length === 0) {
        createTable()
        lines.push('')
      }
      for (const step of plan.steps) {
        lines.push(
          `-- ${describeStep(step)}${step.revision.path ? ` (${step.revision.path})` : ''}`,
        )
        const transactional = mode === 'each' && step.revision.transaction
        if (transactional) lines.push('BEGIN;')
        for (const statement of await compileStep(step, source, compiler, dialect.name))
          emit(statement)
        for (const statement of versionStatements(compiler, table, step.rows)) emit(statement)
        if (transactional) lines.push('COMMIT;')
        lines.push('')
      }
      if (mode === 'all') lines.push('COMMIT;')
      return { name, applied: [], before: start, heads: plan.after, sql: finish(lines) }
    }
  }
}

async function compileStep(
  step: MigrationStep,
  source: RevisionSource,
  compiler: Compiler,
  dialectName: string,
): Promise<CompiledStatement[]> {
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
    return op.takePending().flatMap((operation) => [...compiler.compile(operation)])
  } catch (error) {
    throw wrapStepError(step, undefined, error)
  }
}

function finish(lines: string[]): string {
  return `${lines.join('\n').trimEnd()}\n`
}
