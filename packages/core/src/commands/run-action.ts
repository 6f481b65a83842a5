import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError } from '../errors.js'
import { defaultEnv } from '../env/default-env.js'
import type { EnvContext, RunMigrationsOptions } from '../env/env-context.js'
import { loadEnvModule } from '../env/load-env-module.js'
import { silentLogger } from '../env/logger.js'
import type { MigrationAction, RunOptions, RunResult } from '../runtime/migration-action.js'
import { runOffline } from '../runtime/run-offline.js'
import { runOnline } from '../runtime/run-online.js'
import type { CommandOptions } from './command-options.js'
import type { LoadedRevisions } from './load-revisions.js'

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
): Promise<RunResult[]> {
  const results: RunResult[] = []
  const logger = options.logger ?? silentLogger
  const run = async (dialect: Dialect, runOptions: RunMigrationsOptions = {}) => {
    const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
    const table = target.versionTable
    const settings: RunOptions = {
      versionTable: {
        name: runOptions.versionTable ?? table.name,
        schema: runOptions.versionTableSchema ?? runOptions.schema ?? table.schema,
      },
      transactionMode: runOptions.transactionMode ?? target.transactionMode,
      lockTimeoutMs: target.lockTimeout,
      logger,
      onEvent: options.onEvent,
    }
    logger.debug(`${offline ? 'compiling' : 'migrating'} ${dialect.description}${runOptions.name ? ` (${runOptions.name})` : ''}`)
    const result = offline
      ? await runOffline(dialect, loaded.source, loaded.map, action, offline.rows, settings, runOptions.name)
      : await runOnline(dialect, loaded.source, loaded.map, action, settings, runOptions.name)
    results.push(result)
  }

  if (options.dialect !== undefined) {
    await run(options.dialect)
    return results
  }

  const env = loaded.envPath
    ? await loadEnvModule(loaded.envPath)
    : defaultEnv(options.resolveDialect ? { resolveDialect: options.resolveDialect } : {})
  const context: EnvContext = {
    config,
    xArgs: Object.freeze({ ...(options.xArgs ?? {}) }),
    logger,
    offline: offline !== undefined,
    runMigrations: async (runOptions) => {
      const dialect = runOptions.dialect
      if (dialect === undefined) {
        throw new ConfigError(
          `ctx.runMigrations() was called without a dialect${loaded.envPath ? ` in '${loaded.envPath}'` : ''}; pass { dialect: sqliteDialect({ filename }) } or another dialect`,
        )
      }
      await run(dialect, runOptions)
    },
  }
  await env.run(context)
  if (results.length === 0) {
    throw new ConfigError(
      `the env module${loaded.envPath ? ` '${loaded.envPath}'` : ''} finished without calling ctx.runMigrations(); call it with the dialect to migrate`,
    )
  }
  return results
}
