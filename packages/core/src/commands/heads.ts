import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'

/** Options of {@link heads}. */
export interface HeadsOptions extends CommandOptions {
  /** Leave out heads that another head depends on. */
  readonly resolveDependencies?: boolean | undefined
  /** Fail when there is more than one head (a CI gate for parallel branches). */
  readonly check?: boolean | undefined
}

/**
 * The heads of the revision graph. Reads no database.
 *
 * @example
 * ```ts
 * const tips = await heads(config)
 * if (tips.length > 1) console.log('merge needed')
 * ```
 */
export async function heads(config: Config, options: HeadsOptions = {}): Promise<RevisionInfo[]> {
  const { map } = await loadRevisions(config, options, 'graph')
  const ids = options.resolveDependencies ? map.effectiveHeads : map.heads
  if (options.check && ids.length > 1) {
    throw new RetortError(
      'multiple-heads',
      `the revision graph has ${ids.length} heads (${ids.map((id) => `'${id}'`).join(', ')}); merge them with 'retort merge -m "merge" heads'`,
    )
  }
  return ids.map((id) => revisionInfo(map, map.get(id)!))
}
