import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { runAction } from '../session/run-action.js'

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
