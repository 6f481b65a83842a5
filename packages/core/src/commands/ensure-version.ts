import type { Config } from '../config/config.js'
import type { CommandOptions } from './command-options.js'
import { loadRevisions } from './load-revisions.js'
import { runAction } from './run-action.js'

/**
 * Creates the version table if it does not exist, and nothing else.
 *
 * @example
 * ```ts
 * await ensureVersion(config, { dialect })
 * ```
 */
export async function ensureVersion(config: Config, options: CommandOptions = {}): Promise<void> {
  const loaded = await loadRevisions(config, options)
  await runAction(config, loaded, { kind: 'ensureVersion' }, options)
}
