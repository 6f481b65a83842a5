import type { Dialect } from '../dialect.js'
import { IncompleteMigrationError, UnreadableProgressError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RevisionSource } from '../revision.js'
import { ConnectionExecutor } from './connection-executor.js'
import { progressCompilerOf } from './default-progress-compiler.js'
import { checkInFlight } from './in-flight-statement.js'
import { describeIncomplete } from './incomplete-migration.js'
import type { MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { observedConnection } from './observed-connection.js'
import { ProgressTable, progressTableFor } from './progress-table.js'
import { StepRunner } from './step-runner.js'
import { VersionTable } from './version-table.js'

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
        const runner = new StepRunner({
          executor: new ConnectionExecutor({
            connection,
            transactionalDdl: adapter.supportsTransactionalDdl,
            versionTable: table,
            progress,
            progressRows,
            map,
            logger: options.logger,
          }),
          compiler,
          dialectName: dialect.name,
          map,
          source,
          transactionMode: options.transactionMode,
          logger: options.logger,
          onEvent: options.onEvent,
        })
        const pendingProgress =
          progressRows.records.length > 0 || progressRows.unreadable.length > 0
        const { applied, heads } = await runner.run(action, before, pendingProgress)
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
