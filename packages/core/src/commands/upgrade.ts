import type { Config } from '../config/config.js'
import { migrate, type MigrateOptions, type MigrateResult } from '../session/migrate-result.js'

/**
 * Upgrades the database to `target` (default `heads`): applies every ancestor of the target
 * not applied yet, parents first. An already applied target does nothing.
 *
 * @example
 * ```ts
 * const result = await upgrade(config, 'head', { dialect: sqliteDialect({ filename: '/data/app.db' }) })
 * result.applied // [{ revision: 'a1b2c3d4e5f6', message: 'create account', direction: 'up', ms: 3.2 }]
 * ```
 */
export function upgrade(
  config: Config,
  target = 'heads',
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  return migrate(config, target, options, (to) => ({ kind: 'upgrade', target: to }))
}
