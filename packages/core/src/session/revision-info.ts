import type { RevisionMap } from '../graph/revision-map.js'
import type { Revision } from '../revision.js'

/**
 * A revision as commands return it and `--json` prints it.
 *
 * @example
 * ```ts
 * const [head] = await heads(config)
 * console.log(head.revision, head.message, head.isMergePoint)
 * ```
 */
export interface RevisionInfo {
  readonly revision: string
  readonly downRevisions: readonly string[]
  readonly dependsOn: readonly string[]
  /** Labels declared on this revision. */
  readonly branchLabels: readonly string[]
  /** Every label whose branch covers this revision. */
  readonly branches: readonly string[]
  readonly message: string
  readonly path: string | null
  readonly isHead: boolean
  readonly isBase: boolean
  readonly isMergePoint: boolean
  readonly isBranchPoint: boolean
  /** A squash revision: the revisions it replaces, oldest first. */
  readonly replaces?: readonly string[]
  /** Only when the database was read (`history --indicate-current`, `current`). */
  readonly isCurrent?: boolean
}

/** Builds the {@link RevisionInfo} of a revision of `map`. */
export function revisionInfo(
  map: RevisionMap,
  revision: Revision,
  current?: ReadonlySet<string>,
): RevisionInfo {
  return {
    revision: revision.id,
    downRevisions: revision.downRevisions,
    dependsOn: map.dependencies(revision.id),
    branchLabels: revision.branchLabels,
    branches: map.branchLabels.size === 0 ? [] : map.branchLabelsOf(revision.id),
    message: revision.message,
    path: revision.path ?? null,
    isHead: map.isHead(revision.id),
    isBase: revision.downRevisions.length === 0,
    isMergePoint: revision.downRevisions.length > 1,
    isBranchPoint: map.isBranchPoint(revision.id),
    ...(current === undefined ? {} : { isCurrent: current.has(revision.id) }),
    ...(revision.replaces.length === 0 ? {} : { replaces: revision.replaces }),
  }
}
