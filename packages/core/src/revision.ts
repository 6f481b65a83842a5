import type { Operations } from './operations/operations.js'

/**
 * One migration, as the graph sees it: frozen plain data read from a file header (or a
 * module passed in by a bundled application). The body (`upgrade`/`downgrade`) is loaded
 * only when the revision runs, through the {@link RevisionSource} that produced it.
 *
 * @example
 * ```ts
 * const rev = createRevision({ revision: 'a1', downRevision: null, message: 'init' })
 * rev.downRevisions // []
 * ```
 */
export interface Revision {
  readonly kind: 'revision'
  /** The id: `[A-Za-z0-9_]+`. */
  readonly id: string
  /** Parents: none for a base root, one, or several for a merge point. */
  readonly downRevisions: readonly string[]
  /** Extra ordering edges (ids, unique prefixes or branch labels as written). */
  readonly dependsOn: readonly string[]
  readonly branchLabels: readonly string[]
  readonly message: string
  /** The file the revision came from, when it came from one. */
  readonly path: string | undefined
  /** `false` when the revision opts out of running inside a transaction. */
  readonly transaction: boolean
  /** The revisions this squash revision stands for, oldest first (empty: not a squash). */
  readonly replaces: readonly string[]
}

/** The header fields as a revision file or module states them (before normalising). */
export interface RevisionHeader {
  readonly revision: string
  readonly downRevision?: string | readonly string[] | null | undefined
  readonly dependsOn?: string | readonly string[] | null | undefined
  readonly branchLabels?: string | readonly string[] | null | undefined
  readonly message?: string | null | undefined
  readonly transaction?: boolean | undefined
  readonly replaces?: string | readonly string[] | null | undefined
}

/** What a revision module exports besides its header. */
export interface RevisionBody {
  readonly upgrade?: ((op: Operations) => unknown) | undefined
  readonly downgrade?: ((op: Operations) => unknown) | undefined
}

/** A revision module as imported: header consts plus `upgrade`/`downgrade`. */
export type RevisionModule = RevisionHeader & RevisionBody

/**
 * Where revisions come from: a script directory on disk, or module values passed in by a
 * bundled application. `load` imports a revision's body only when it is about to run.
 */
export interface RevisionSource {
  readonly revisions: readonly Revision[]
  load(revision: Revision): Promise<RevisionBody>
  /**
   * The checksum of a revision's content (`revisionChecksum`): of its file, or of the module
   * source or YAML of a bundled revision; `undefined` when it has none (the file is gone).
   * Optional: a source without it has its revisions' files read by `path`.
   */
  checksum?(revision: Revision): string | undefined
}

/** A revision id must match this. */
export const REVISION_ID_PATTERN = /^[A-Za-z0-9_]+$/

/**
 * Normalises a header into a frozen {@link Revision}: `downRevision` of `null`, a string or a
 * list becomes a list, and so do `dependsOn` and `branchLabels`.
 *
 * @example
 * ```ts
 * createRevision({ revision: 'm1', downRevision: ['a2', 'b2'], message: 'merge' }, 'versions/m1.ts')
 * ```
 */
export function createRevision(header: RevisionHeader, path?: string): Revision {
  return Object.freeze({
    kind: 'revision' as const,
    id: header.revision,
    downRevisions: toList(header.downRevision),
    dependsOn: toList(header.dependsOn),
    branchLabels: toList(header.branchLabels),
    message: header.message ?? '',
    path,
    transaction: header.transaction ?? true,
    replaces: toList(header.replaces),
  })
}

/** Shared by every revision without parents, dependencies or labels (it is frozen). */
const NO_IDS: readonly string[] = Object.freeze([])

function toList(value: string | readonly string[] | null | undefined): readonly string[] {
  if (value === null || value === undefined || value === '') return NO_IDS
  return Object.freeze(typeof value === 'string' ? [value] : [...value])
}
