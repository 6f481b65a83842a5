import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { UnknownDatabaseRevisionError } from '../errors.js'
import type { RunMigrationsOptions } from '../env/env-context.js'
import { silentLogger } from '../env/logger.js'
import type { MigrationAction, RunOptions, RunResult } from '../runtime/migration-action.js'
import { runOffline } from '../runtime/run-offline.js'
import type { BackupPolicy } from '../runtime/run-with-backup.js'
import type { CommandOptions } from './command-options.js'
import type { LoadedRevisions } from './load-revisions.js'
import { appliedByOf, ledgerTableOf } from './verify-ledger.js'
import { visitDatabases } from './visit-databases.js'

/** Offline runs: where the script starts (the lower end of `a:b`). */
export interface OfflineStart {
  readonly rows: readonly string[]
}

/**
 * Runs an action on the database(s) chosen for this command: the caller's `dialect` when
 * given (the env module is then not run), else the env module of the script directory,
 * else the default env and the config's `url`. Returns one result per database the env
 * migrated.
 */
export async function runAction(
  config: Config,
  loaded: LoadedRevisions,
  action: MigrationAction,
  options: CommandOptions,
  offline?: OfflineStart,
  newer: 'error' | 'ignore' = 'error',
): Promise<RunResult[]> {
  const results: RunResult[] = []
  const logger = options.logger ?? silentLogger
  const run = async (dialect: Dialect, runOptions: RunMigrationsOptions = {}) => {
    const settings = { ...runSettings(config, runOptions, options), squashes: loaded.squashes }
    logger.debug(
      `${offline ? 'compiling' : 'migrating'} ${dialect.description}${runOptions.name ? ` (${runOptions.name})` : ''}`,
    )
    if (offline) {
      results.push(
        await runOffline(
          dialect,
          loaded.source,
          loaded.map,
          action,
          offline.rows,
          settings,
          runOptions.name,
        ),
      )
      return
    }
    // The online runtime is loaded by the first online run: an offline run (`--sql`) never
    // loads it.
    const { runWithBackup } = await import('../runtime/run-with-backup.js')
    const result = await runWithBackup(
      dialect,
      loaded.source,
      loaded.map,
      action,
      settings,
      runOptions.name,
      backupPolicy(config, runOptions),
    ).catch(async (error: unknown) => {
      // 'ignore': this database is newer than the application; the planner refused it
      // before anything ran, so read where it stands and go on to the next database.
      if (newer !== 'ignore' || !(error instanceof UnknownDatabaseRevisionError)) throw error
      logger.info(
        `${dialect.description}${runOptions.name ? ` (${runOptions.name})` : ''} is at revisions this application does not know; left as it is`,
      )
      const read = await runWithBackup(
        dialect,
        loaded.source,
        loaded.map,
        { kind: 'current' },
        settings,
        runOptions.name,
        undefined,
      )
      return { ...read, newerDatabase: error.revisions }
    })
    results.push(result)
  }

  await visitDatabases(config, loaded, options, offline !== undefined, run)
  return results
}

/**
 * The `backup` and `restoreOnFailure` settings of the config, or of its `databases:` entry
 * when the env names one; `undefined` when backups are off.
 *
 * @example
 * ```ts
 * const policy = backupPolicy(config, { name: 'main' })
 * ```
 */
export function backupPolicy(
  config: Config,
  runOptions: RunMigrationsOptions,
): BackupPolicy | undefined {
  const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
  const backup = target.backup
  return backup === undefined ? undefined : { backup, restoreOnFailure: target.restoreOnFailure }
}

/**
 * How a run on one database behaves: the version table, transaction mode and lock timeout
 * of the config (or of its `databases:` entry), overridden by what the env module passed.
 *
 * @example
 * ```ts
 * const settings = runSettings(config, { name: 'billing' }, { logger })
 * settings.versionTable.name // 'retort_version'
 * ```
 */
export function runSettings(
  config: Config,
  runOptions: RunMigrationsOptions,
  options: CommandOptions,
): RunOptions {
  const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
  const table = target.versionTable
  return {
    versionTable: {
      name: runOptions.versionTable ?? table.name,
      schema: runOptions.versionTableSchema ?? runOptions.schema ?? table.schema,
    },
    transactionMode: runOptions.transactionMode ?? target.transactionMode,
    lockTimeoutMs: target.lockTimeout,
    logger: options.logger ?? silentLogger,
    onEvent: options.onEvent,
    ledger: {
      table: ledgerTableOf(target, {
        name: runOptions.versionTable ?? table.name,
        schema: runOptions.versionTableSchema ?? runOptions.schema ?? table.schema,
      }),
      appliedBy: appliedByOf(target),
    },
  }
}
