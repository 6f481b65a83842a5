import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'

/**
 * The revision(s) an identifier resolves to (`heads` gives every head, `base` none).
 * Relative identifiers here move from graph points (`head-1`), not from a database.
 *
 * @example
 * ```ts
 * const [revision] = await show(config, 'head')
 * ```
 */
export async function show(
  config: Config,
  identifier: string,
  options: CommandOptions = {},
): Promise<RevisionInfo[]> {
  const { map } = await loadRevisions(config, options, 'graph')
  const target = map.resolve(identifier)
  const ids = target.kind === 'heads' ? map.heads : target.kind === 'revisions' ? target.ids : []
  return ids.map((id) => revisionInfo(map, map.get(id)!))
}
