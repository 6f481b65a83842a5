import type { Dialect } from '../dialect.js'
import { RetortError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RevisionSource } from '../revision.js'
import type { MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { OfflineScript } from './offline-script.js'
import { ScriptExecutor } from './script-executor.js'
import { StepRunner } from './step-runner.js'

/**
 * Offline mode: plans from the given starting rows (the lower end of an `a:b` range) and
 * writes the revisions and version-table changes into a SQL script through the same
 * {@link StepRunner} as an online run, without a connection. `op.query()` is unavailable
 * here.
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
  if (action.kind === 'current') {
    throw new RetortError(
      'needs-database',
      `'current' reads the database; it has no offline (--sql) form`,
    )
  }
  const compiler = dialect.createCompiler()
  const transactions = options.transactionMode !== 'none'
  const script = new OfflineScript(`Retort migration script (${dialect.name})`, compiler, {
    transactions,
    versionTable: options.versionTable,
  })
  const runner = new StepRunner({
    executor: new ScriptExecutor({
      script,
      compiler,
      versionTable: options.versionTable,
      // The capability, not the dialect's name: a database that commits each DDL statement
      // gets no BEGIN/COMMIT around DDL, as online.
      transactionalDdl: dialect.createAdapter().supportsTransactionalDdl,
      createsVersionTable:
        start.length === 0 ||
        action.kind === 'ensureVersion' ||
        (action.kind === 'stamp' && action.purge),
      transactions,
    }),
    compiler,
    dialectName: dialect.name,
    map,
    source,
    transactionMode: options.transactionMode,
  })
  const { heads } = await runner.run(action, start)
  return { name, applied: [], before: start, heads, sql: script.text() }
}
