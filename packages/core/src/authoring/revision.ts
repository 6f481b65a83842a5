import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import {
  checkAuthoredText,
  checkNoControlCharacters,
  writeRevision,
  type RevisionResult,
  type WriteRevisionOptions,
} from './write-revision.js'

/** Options of {@link revision}. */
export interface RevisionOptions extends CommandOptions, WriteRevisionOptions {
  readonly message?: string | undefined
  /**
   * The parent (`--head`): a head, `LABEL@head`, `base` for a new root, or with `splice`
   * any revision. Default: the only head (an error when there are several).
   */
  readonly head?: string | undefined
  /** Allow a parent that is not a head: the new revision starts a branch there. */
  readonly splice?: boolean | undefined
  readonly branchLabels?: readonly string[] | undefined
  /** Revisions (ids, prefixes or branch labels) that must be applied first. */
  readonly dependsOn?: readonly string[] | undefined
}

/**
 * Writes a new revision file whose parent is the current head (or `head`), and returns it.
 * Its body is empty, or queues `options.operations` (what `autogenerate` passes).
 * Refuses when the graph has several heads and no `head` is given (merge them
 * or pick one), a non-head parent without `splice`, and a control character (a line
 * break, ESC ...) in the message, a label, the id or another identifier.
 *
 * @example
 * ```ts
 * const { path, revision: rev } = await revision(config, { message: 'create account' })
 * ```
 */
export async function revision(
  config: Config,
  options: RevisionOptions = {},
): Promise<RevisionResult> {
  checkAuthoredText(options)
  checkNoControlCharacters('--head', options.head)
  for (const dependency of options.dependsOn ?? [])
    checkNoControlCharacters('--depends-on', dependency)
  const loaded = await loadRevisions(config, options)
  const { map } = loaded
  const parents = chooseParents(map, options.head, options.splice === true)
  const dependsOn = (options.dependsOn ?? []).map((dependency) =>
    resolveDependency(map, dependency),
  )
  return writeRevision(
    config,
    loaded,
    {
      downRevisions: parents,
      branchLabels: [...(options.branchLabels ?? [])],
      dependsOn,
      message: options.message ?? '',
    },
    options,
  )
}

function chooseParents(map: RevisionMap, head: string | undefined, splice: boolean): string[] {
  if (head === undefined) {
    const heads = map.heads
    if (heads.length > 1) {
      throw new RetortError(
        'multiple-heads',
        `the revision graph has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(', ')}); pass --head with one of them (or LABEL@head), or merge them first with 'retort merge -m "merge" heads'`,
      )
    }
    return [...heads]
  }
  if (head === 'base') return []
  const target = map.resolve(head)
  if (target.kind === 'base') return []
  const ids = target.kind === 'heads' ? map.heads : target.ids
  if (ids.length !== 1) {
    throw new RetortError(
      'multiple-heads',
      `--head '${head}' names ${ids.length} revisions (${ids.map((h) => `'${h}'`).join(', ')}); a new revision has one parent: name one of them, or use 'retort merge'`,
    )
  }
  const parent = ids[0]!
  if (!splice && !map.isHead(parent)) {
    throw new RetortError(
      'not-a-head',
      `revision '${parent}' is not a head (it has children ${map
        .children(parent)
        .map((c) => `'${c}'`)
        .join(', ')}); pass --splice to start a new branch from it`,
    )
  }
  return [parent]
}

/** A `dependsOn` entry as stored: a branch label as written, a prefix as the full id. */
function resolveDependency(map: RevisionMap, dependency: string): string {
  if (map.branchLabels.has(dependency)) return dependency
  const target = map.resolve(dependency)
  const ids = target.kind === 'revisions' ? target.ids : target.kind === 'heads' ? map.heads : []
  if (ids.length !== 1) {
    throw new RetortError(
      'resolution',
      `--depends-on '${dependency}' must name one revision (an id, a unique prefix or a branch label), not ${ids.length === 0 ? 'base' : ids.map((id) => `'${id}'`).join(', ')}`,
    )
  }
  return ids[0]!
}
