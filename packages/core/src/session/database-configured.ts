import type { Config } from '../config/config.js'
import type { CommandOptions } from './command-options.js'
import type { LoadedRevisions } from './load-revisions.js'

/**
 * Whether a command can reach a database without failing for lack of one: a dialect was
 * passed, the script directory has an env module, the config has a `url` (or lists
 * `databases`), or `-x url=...` names one (the default env reads it). Commands that only optionally read the database (`graph`, `rebase`,
 * `check`) use it to decide.
 *
 * @example
 * ```ts
 * if (databaseConfigured(config, loaded, options)) rows = await readRows()
 * ```
 */
export function databaseConfigured(
  config: Config,
  loaded: LoadedRevisions,
  options: CommandOptions,
): boolean {
  return (
    options.dialect !== undefined ||
    loaded.envPath !== undefined ||
    config.url !== undefined ||
    options.xArgs?.['url'] !== undefined ||
    config.databaseNames.length > 0
  )
}
