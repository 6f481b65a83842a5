import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import {
  checkAuthoredText,
  checkNoControlCharacters,
  writeRevision,
  type RevisionResult,
  type WriteRevisionOptions,
} from './write-revision.js'

/** Options of {@link merge}. */
export interface MergeOptions extends CommandOptions, WriteRevisionOptions {
  readonly message?: string | undefined
  readonly branchLabels?: readonly string[] | undefined
}

/**
 * Writes a merge revision whose parents are the revisions `identifiers` resolve to
 * (`['heads']` merges every head). Needs at least two revisions, none an ancestor of
 * another.
 *
 * @example
 * ```ts
 * const { revision: merged } = await merge(config, ['heads'], { message: 'merge feature branches' })
 * merged.downRevisions // ['a1b2c3d4e5f6', '0f9e8d7c6b5a']
 * ```
 */
export async function merge(
  config: Config,
  identifiers: readonly string[],
  options: MergeOptions = {},
): Promise<RevisionResult> {
  checkAuthoredText(options)
  for (const identifier of identifiers) checkNoControlCharacters('revision', identifier)
  const loaded = await loadRevisions(config, options)
  const { map } = loaded
  const parents: string[] = []
  for (const identifier of identifiers) {
    const target = map.resolve(identifier)
    const ids = target.kind === 'heads' ? map.heads : target.kind === 'revisions' ? target.ids : []
    for (const id of ids) if (!parents.includes(id)) parents.push(id)
  }
  if (parents.length < 2) {
    throw new RetortError(
      'nothing-to-merge',
      `${identifiers.map((i) => `'${i}'`).join(' ') || 'nothing'} resolves to ${parents.length === 0 ? 'no revision' : `only '${parents[0]}'`}; a merge needs two or more revisions (e.g. 'retort merge heads' when there are several heads)`,
    )
  }
  for (const id of parents) {
    const ancestor = parents.find(
      (other) => other !== id && map.ancestors([other], { includeSelf: false }).has(id),
    )
    if (ancestor !== undefined) {
      throw new RetortError(
        'merge-ancestor',
        `'${id}' is an ancestor of '${ancestor}', so merging them changes nothing; merge only the tips of separate branches`,
      )
    }
  }
  return writeRevision(
    config,
    loaded,
    {
      downRevisions: parents,
      branchLabels: [...(options.branchLabels ?? [])],
      dependsOn: [],
      message: options.message ?? `merge ${parents.join(', ')}`,
    },
    options,
  )
}
