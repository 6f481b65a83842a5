import type { Config } from '../config/config.js'
import { ConfigError } from '../errors.js'
import { migrate, type MigrateOptions, type MigrateResult } from '../session/migrate-result.js'

/**
 * What an upgrade does when the database holds revisions this application does not know
 * (it was migrated by a newer version): `'error'` (the default) throws
 * {@link UnknownDatabaseRevisionError}; `'ignore'` leaves the database as it is and returns
 * an empty result whose `newerDatabase` lists the unknown ids.
 */
export type OnNewerDatabase = 'error' | 'ignore'

/** Every {@link OnNewerDatabase}. */
export const ON_NEWER_DATABASE: readonly OnNewerDatabase[] = Object.freeze(['error', 'ignore'])

/** Options of {@link upgradeUnlessNewer}. */
export interface UpgradeUnlessNewerOptions extends MigrateOptions {
  readonly onNewerDatabase?: OnNewerDatabase | undefined
}

/**
 * What {@link upgradeUnlessNewer} returns: an upgrade's result, and with
 * `onNewerDatabase: 'ignore'` on a newer database, the unknown ids.
 */
export interface UpgradeResult extends MigrateResult {
  /**
   * Set when a database was left alone because it is newer than this application: the ids
   * it holds that this application does not know (of every such database, when the env
   * module migrates several; each entry of `databases` says which).
   */
  readonly newerDatabase?: readonly string[] | undefined
}

/**
 * `upgrade`, with the "database newer than this application" case handled as
 * `onNewerDatabase` says. The planner refuses unknown rows before anything runs, so an
 * ignored database is left exactly as it was.
 *
 * @example
 * ```ts
 * const result = await upgradeUnlessNewer(config, 'heads', { dialect, onNewerDatabase: 'ignore' })
 * if (result.newerDatabase) openReadOnly()
 * ```
 */
export async function upgradeUnlessNewer(
  config: Config,
  target: string,
  options: UpgradeUnlessNewerOptions,
): Promise<UpgradeResult> {
  const { onNewerDatabase = 'error', ...rest } = options
  checkOnNewerDatabase(onNewerDatabase)
  // Each database is planned on its own: with 'ignore', a newer one is read and left as it
  // is, and the env module's next database still runs.
  const result = await migrate(
    config,
    target,
    rest,
    (to) => ({ kind: 'upgrade', target: to }),
    onNewerDatabase,
  )
  const newer = [...new Set(result.databases.flatMap((d) => d.newerDatabase ?? []))]
  return newer.length === 0 ? result : Object.freeze({ ...result, newerDatabase: newer })
}

/**
 * Throws a {@link ConfigError} unless `value` is one of {@link ON_NEWER_DATABASE}.
 *
 * @example
 * ```ts
 * checkOnNewerDatabase('ignore')
 * ```
 */
export function checkOnNewerDatabase(value: unknown): asserts value is OnNewerDatabase {
  if (!ON_NEWER_DATABASE.includes(value as OnNewerDatabase)) {
    throw new ConfigError(
      `onNewerDatabase must be 'error' or 'ignore', not ${JSON.stringify(value) ?? String(value)}`,
    )
  }
}
