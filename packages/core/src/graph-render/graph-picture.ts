import type { RevisionMap } from '../graph/revision-map.js'

/**
 * One revision as the pictures of `retort graph` draw it.
 *
 * @example
 * ```ts
 * const node: GraphPictureNode = {
 *   id: 'b2', message: 'create note', parents: ['a1'], dependencies: [], branchLabels: [],
 *   isHead: true, isMergePoint: false, isBranchPoint: false, isBase: false, isCurrent: true,
 * }
 * ```
 */
export interface GraphPictureNode {
  readonly id: string
  readonly message: string
  /** Its `downRevision`s: the lines of the picture. */
  readonly parents: readonly string[]
  /** Its `dependsOn`, resolved to ids: drawn dashed, or named in text. */
  readonly dependencies: readonly string[]
  /** The branch labels declared on this revision. */
  readonly branchLabels: readonly string[]
  readonly isHead: boolean
  readonly isMergePoint: boolean
  readonly isBranchPoint: boolean
  readonly isBase: boolean
  /** The database has a version row at this revision. */
  readonly isCurrent: boolean
}

/**
 * What the pictures of the revision graph are drawn from: pure data, the same for every
 * format, so a renderer is a function of this value alone.
 *
 * @example
 * ```ts
 * const picture = graphPicture(map, ['b2'])
 * renderAsciiGraph(picture)
 * ```
 */
export interface GraphPicture {
  /** Every revision, newest first (children before parents, the order of `history`). */
  readonly nodes: readonly GraphPictureNode[]
  /** The version rows the database was read at; `undefined` when no database was read. */
  readonly current: readonly string[] | undefined
  /** Version rows that name no revision of the graph (a database newer than these files). */
  readonly unknownCurrent: readonly string[]
}

/**
 * The {@link GraphPicture} of a revision graph, with the database's version rows marked
 * when they were read.
 *
 * @example
 * ```ts
 * const picture = graphPicture(new RevisionMap(revisions), undefined)
 * picture.nodes.map((node) => node.id) // newest first
 * ```
 */
export function graphPicture(
  map: RevisionMap,
  current: readonly string[] | undefined,
): GraphPicture {
  const at = new Set(current ?? [])
  const nodes = map.history().map((revision) =>
    Object.freeze({
      id: revision.id,
      message: revision.message,
      parents: revision.downRevisions,
      dependencies: map.dependencies(revision.id),
      branchLabels: revision.branchLabels,
      isHead: map.isHead(revision.id),
      isMergePoint: revision.downRevisions.length > 1,
      isBranchPoint: map.isBranchPoint(revision.id),
      isBase: revision.downRevisions.length === 0,
      isCurrent: at.has(revision.id),
    }),
  )
  return Object.freeze({
    nodes: Object.freeze(nodes),
    current: current === undefined ? undefined : Object.freeze([...current]),
    unknownCurrent: Object.freeze((current ?? []).filter((id) => !map.has(id))),
  })
}
