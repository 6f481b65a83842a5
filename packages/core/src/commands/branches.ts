import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'

/**
 * The branch points of the revision graph (revisions with several children), oldest first.
 *
 * @example
 * ```ts
 * for (const point of await branches(config)) console.log(point.revision)
 * ```
 */
export async function branches(
  config: Config,
  options: CommandOptions = {},
): Promise<RevisionInfo[]> {
  const { map } = await loadRevisions(config, options, 'graph')
  return map.branchPoints.map((id) => revisionInfo(map, map.get(id)!))
}
