import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { runSettings } from '../session/run-action.js'
import { visitDatabases } from '../session/visit-databases.js'
import { operate, type OperateResult, type OperationsBody } from './operate.js'

/** Options of {@link operateCommand}. */
export interface OperateCommandOptions extends CommandOptions {
  /** Compile only and return the SQL script. */
  readonly sql?: boolean | undefined
}

/** What {@link operateCommand} returns: the last database's result, and one per database. */
export interface OperateCommandResult extends OperateResult {
  readonly databases: readonly OperateResult[]
}

/**
 * {@link operate} on the database(s) chosen as for a migration: the caller's `dialect`, else
 * each one the env module hands to `ctx.runMigrations()` (its `connection` adopted as
 * there), with the migration lock of the config's version table (or of that database's
 * entry) and its lock timeout.
 *
 * @example
 * ```ts
 * await operateCommand(config, (op) => op.addColumn('account', op.column('note', 'text')), { dialect })
 * ```
 */
export async function operateCommand(
  config: Config,
  body: OperationsBody,
  options: OperateCommandOptions = {},
): Promise<OperateCommandResult> {
  const loaded = await loadRevisions(config, options)
  const results: OperateResult[] = []
  await visitDatabases(
    config,
    loaded,
    options,
    options.sql === true,
    async (dialect, runOptions) => {
      const settings = runSettings(config, runOptions, options)
      results.push(
        await operate(dialect, body, {
          sql: options.sql,
          versionTable: settings.versionTable,
          lockTimeoutMs: settings.lockTimeoutMs,
          onEvent: options.onEvent,
        }),
      )
    },
  )
  const last = results[results.length - 1]!
  return Object.freeze({
    ...last,
    ...(options.sql ? { sql: results.map((result) => result.sql ?? '').join('\n') } : {}),
    databases: Object.freeze(results),
  })
}
