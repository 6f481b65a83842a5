import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'
import { runAction } from '../session/run-action.js'

/** Options of {@link history}. */
export interface HistoryOptions extends CommandOptions {
  /** `LOWER:UPPER`, either side optional (`base:head`, `ae10:`, `-3:current`). */
  readonly range?: string | undefined
  /** Read the database and mark the revisions it is at (`isCurrent`). */
  readonly indicateCurrent?: boolean | undefined
}

/**
 * Revisions newest first (children before parents). Reads the database only for
 * `indicateCurrent` or a range that names `current` or a relative step.
 *
 * @example
 * ```ts
 * const last = await history(config, { range: '-3:' , dialect })
 * ```
 */
export async function history(
  config: Config,
  options: HistoryOptions = {},
): Promise<RevisionInfo[]> {
  const loaded = await loadRevisions(config, options)
  const { map } = loaded
  const needsDatabase =
    options.indicateCurrent === true ||
    (options.range !== undefined && /current|^[+-]|[:@][+-]/.test(options.range))
  let rows: readonly string[] | undefined
  if (needsDatabase) {
    const databases = await runAction(config, loaded, { kind: 'current' }, options)
    rows = databases[databases.length - 1]?.heads ?? []
  }
  const range =
    options.range === undefined ? {} : map.resolveRange(options.range, { current: rows })
  const current = options.indicateCurrent ? new Set(rows) : undefined
  return map.history(range).map((revision) => revisionInfo(map, revision, current))
}
