import type { Config } from '../config/config.js'
import { migrate, type MigrateOptions, type MigrateResult } from '../session/migrate-result.js'

/**
 * Downgrades the database to `target` (`base`, a revision, `-1`, `LABEL@base` ...): un-applies
 * what is above the target, children first. A current head as target does nothing.
 *
 * @example
 * ```ts
 * await downgrade(config, '-1', { dialect })
 * ```
 */
export function downgrade(
  config: Config,
  target: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  return migrate(config, target, options, (to) => ({ kind: 'downgrade', target: to }))
}
