import type { Config } from '../config/config.js'
import { ConfigError, UnknownDatabaseRevisionError } from '../errors.js'
import type { MigrateOptions, MigrateResult } from '../session/migrate-result.js'
import { current } from '../commands/current.js'
import { upgrade } from '../commands/upgrade.js'

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
  /** Set when the upgrade was skipped because the database is newer than this application. */
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
  run: (options: MigrateOptions) => Promise<MigrateResult> = (o) => upgrade(config, target, o),
): Promise<UpgradeResult> {
  const { onNewerDatabase = 'error', ...rest } = options
  checkOnNewerDatabase(onNewerDatabase)
  try {
    return await run(rest)
  } catch (error) {
    if (onNewerDatabase !== 'ignore' || !(error instanceof UnknownDatabaseRevisionError))
      throw error
    const read = await current(config, rest)
    return Object.freeze({
      applied: [],
      heads: read.heads,
      databases: read.databases,
      newerDatabase: error.revisions,
    })
  }
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
