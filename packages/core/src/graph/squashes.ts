import { RetortError, RevisionError } from '../errors.js'
import type { Revision } from '../revision.js'
import { RevisionMap } from './revision-map.js'

/** The revision as its file states it, for each one whose references were turned to a squash. */
const ORIGINALS = new WeakMap<Revision, Revision>()

/**
 * The revision as its file states it: `revision` itself, unless {@link Squashes.split}
 * turned its reference to a range's last revision into one to the squash (the file still
 * names the replaced revision, and its body is checked against what it says).
 *
 * @example
 * ```ts
 * stated(map.get('t101')!).downRevisions // ['a100'], where the graph has ['f00d00000001']
 * ```
 */
export function stated(revision: Revision): Revision {
  return ORIGINALS.get(revision) ?? revision
}

/**
 * Where a replaced revision sits in its squash.
 *
 * @example
 * ```ts
 * const place: SquashPlace = { squash: 'f00d00000001', index: 49, last: false }
 * ```
 */
export interface SquashPlace {
  /** The squash revision that replaces it. */
  readonly squash: string
  /** Its position in the squash's `replaces` list (0: the entry). */
  readonly index: number
  /** Whether it is the last one (the exit): a database there is at the squash revision. */
  readonly last: boolean
}

/**
 * The squash revisions of a script directory (those with `replaces: [...]`) and the
 * revisions they replace. The revision graph is built without the replaced revisions: a
 * squash revision stands for its whole range, and a revision that named the range's last
 * revision as `downRevision` (or `dependsOn`) is read as naming the squash. The replaced
 * revisions whose files are still there are kept aside, to finish the range for a
 * database that stopped inside it.
 *
 * @example
 * ```ts
 * const { revisions, squashes } = Squashes.split(directory.revisions)
 * const map = new RevisionMap(revisions)
 * squashes.placeOf('a1a1a1a1a1a1') // { squash: 'f00d00000001', index: 0, last: false }
 * ```
 */
export class Squashes {
  /** The squash revisions by id, with their `replaces` list. */
  readonly squashes: ReadonlyMap<string, readonly string[]>
  readonly #places: ReadonlyMap<string, SquashPlace>
  /** The replaced revisions whose files are present, by id. */
  readonly #originals: ReadonlyMap<string, Revision>

  private constructor(
    squashes: ReadonlyMap<string, readonly string[]>,
    places: ReadonlyMap<string, SquashPlace>,
    originals: ReadonlyMap<string, Revision>,
  ) {
    this.squashes = squashes
    this.#places = places
    this.#originals = originals
  }

  /** None: a graph without squash revisions. */
  static readonly NONE = new Squashes(new Map(), new Map(), new Map())

  /**
   * Splits revisions into those of the graph (replaced ones left out, references to a
   * range's last revision turned into references to its squash) and the squash index.
   * Throws when a revision is replaced by two squashes, or a squash replaces itself.
   *
   * @example
   * ```ts
   * const { revisions, squashes } = Squashes.split(source.revisions)
   * ```
   */
  static split(all: readonly Revision[]): { revisions: Revision[]; squashes: Squashes } {
    const squashing = all.filter((revision) => revision.replaces.length > 0)
    if (squashing.length === 0) return { revisions: [...all], squashes: Squashes.NONE }
    const squashes = new Map<string, readonly string[]>()
    const places = new Map<string, SquashPlace>()
    for (const squash of squashing) {
      squashes.set(squash.id, squash.replaces)
      squash.replaces.forEach((id, index) => {
        const other = places.get(id)
        if (other !== undefined || id === squash.id) {
          throw new RevisionError(
            'squash-overlap',
            id === squash.id
              ? `squash revision '${squash.id}' lists itself in replaces; remove it`
              : `revision '${id}' is replaced by two squash revisions ('${other!.squash}' and '${squash.id}'); a revision belongs to one squash`,
          )
        }
        places.set(id, { squash: squash.id, index, last: index === squash.replaces.length - 1 })
      })
    }
    const exits = new Map<string, string>()
    for (const [squash, ids] of squashes) exits.set(ids[ids.length - 1]!, squash)
    const alias = (ids: readonly string[]) => {
      if (!ids.some((id) => exits.has(id))) return ids
      return Object.freeze([...new Set(ids.map((id) => exits.get(id) ?? id))])
    }
    const originals = new Map<string, Revision>()
    const revisions: Revision[] = []
    for (const revision of all) {
      if (places.has(revision.id)) {
        originals.set(revision.id, revision)
        continue
      }
      const downRevisions = alias(revision.downRevisions)
      const dependsOn = alias(revision.dependsOn)
      if (downRevisions === revision.downRevisions && dependsOn === revision.dependsOn) {
        revisions.push(revision)
      } else {
        const aliased = Object.freeze({ ...revision, downRevisions, dependsOn })
        ORIGINALS.set(aliased, revision)
        revisions.push(aliased)
      }
    }
    return { revisions, squashes: new Squashes(squashes, places, originals) }
  }

  /** Whether there is no squash revision. */
  get isEmpty(): boolean {
    return this.squashes.size === 0
  }

  /** Every replaced id, of every squash. */
  get replaced(): ReadonlySet<string> {
    return new Set(this.#places.keys())
  }

  /** Where a replaced revision sits; `undefined` when `id` is not replaced. */
  placeOf(id: string): SquashPlace | undefined {
    return this.#places.get(id)
  }

  /** Whether the file of a replaced revision is still there. */
  hasFile(id: string): boolean {
    return this.#originals.has(id)
  }

  /**
   * Version rows as the graph sees them: a row at a range's last revision is at its squash.
   *
   * @example
   * ```ts
   * squashes.normalizeRows(['a100']) // ['f00d00000001']
   * ```
   */
  normalizeRows(rows: readonly string[]): string[] {
    const out: string[] = []
    for (const row of rows) {
      const place = this.#places.get(row)
      const id = place?.last ? place.squash : row
      if (!out.includes(id)) out.push(id)
    }
    return out
  }

  /**
   * The replaced revisions a database at `id` (inside a squash, not its last one) still
   * has to run, in order, and those of them whose files are missing.
   *
   * @example
   * ```ts
   * squashes.remaining('a050') // { squash: 'f00d...', ids: ['a051', ..., 'a100'], missing: [] }
   * ```
   */
  remaining(id: string): { squash: string; ids: string[]; missing: string[] } {
    const place = this.#places.get(id)
    if (place === undefined) return { squash: '', ids: [], missing: [] }
    const ids = this.squashes.get(place.squash)!.slice(place.index + 1)
    return { squash: place.squash, ids, missing: ids.filter((r) => !this.#originals.has(r)) }
  }

  /**
   * The graph that finishes a squash's range for a database inside it: the revisions the
   * squash builds on (the ancestors of its `downRevision` in `map`) and the replaced
   * revisions, as they were before the squash. Throws {@link InsideSquashError} when a
   * replaced revision the database still has to run has no file.
   *
   * @example
   * ```ts
   * const legacy = squashes.legacyMap('a050', map)
   * planUpgrade(legacy, ['a050'], 'a100')
   * ```
   */
  legacyMap(row: string, map: RevisionMap, database?: string): RevisionMap {
    const { squash, missing } = this.remaining(row)
    if (missing.length > 0) throw new InsideSquashError(row, squash, missing, database)
    const entryParents = map.get(squash)?.downRevisions ?? []
    const base = [...map.ancestors(entryParents)].map((id) => map.get(id)!)
    const place = this.#places.get(row)!
    const ids = this.squashes.get(squash)!
    const originals = ids.slice(0, ids.length).flatMap((id, index) => {
      const revision = this.#originals.get(id)
      if (revision !== undefined) return [revision]
      // Revisions the database already ran whose files are gone: headers enough to plan.
      if (index <= place.index) {
        return [
          Object.freeze({
            kind: 'revision' as const,
            id,
            downRevisions: index === 0 ? entryParents : [ids[index - 1]!],
            dependsOn: [],
            branchLabels: [],
            message: '',
            path: undefined,
            transaction: true,
            replaces: [],
          }),
        ]
      }
      return []
    })
    return new RevisionMap([...base, ...originals])
  }
}

/**
 * A database stands inside a squash (at a replaced revision that is not the last one), and
 * finishing the range needs old revision files that are gone.
 */
export class InsideSquashError extends RetortError {
  constructor(
    readonly row: string,
    readonly squash: string,
    readonly missing: readonly string[],
    database?: string,
  ) {
    const where = database === undefined ? 'the database' : `the database '${database}'`
    const n = missing.length
    super(
      'inside-squash',
      n === 0
        ? `${where} is at '${row}', inside the squash revision '${squash}'; run 'retort upgrade' first to finish the replaced revisions`
        : `${where} is at '${row}', inside the squash revision '${squash}'; finishing it needs the replaced revision file${n === 1 ? '' : 's'} ${missing
            .slice(0, 5)
            .map((id) => `'${id}'`)
            .join(
              ', ',
            )}${n > 5 ? ` and ${n - 5} more` : ''}, which ${n === 1 ? 'is' : 'are'} missing; restore ${n === 1 ? 'it' : 'them'} from version control, upgrade, then delete ${n === 1 ? 'it' : 'them'} again`,
    )
  }
}
