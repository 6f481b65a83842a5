import { DirectedGraph } from 'graphology'
import {
  AmbiguousRevisionError,
  CycleDetectedError,
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  InvalidRevisionIdError,
  MissingRevisionError,
  MultipleHeadsError,
  RelativeRangeError,
  ResolutionError,
  RevisionError,
} from '../errors.js'
import { REVISION_ID_PATTERN, type Revision } from '../revision.js'
import { parseIdentifier, type Identifier } from './identifier.js'
import {
  BASE_TARGET,
  HEADS_TARGET,
  relativeDownTarget,
  revisionsTarget,
  type Target,
} from './target.js'

/** Edges of the graph: `down` from a parent to its child, `depends` from a dependency to its dependent. */
type EdgeKind = 'down' | 'depends'

/** Minimum length of a revision id prefix. */
export const MIN_PREFIX_LENGTH = 4

const LABEL_PATTERN = /^[A-Za-z0-9_.-]+$/

/** Options for identifier resolution that needs the database's state. */
export interface ResolveOptions {
  /** The database's current version rows, for `current`, `+N` and `-N`. */
  readonly current?: readonly string[] | undefined
}

/** A point reached by walking the graph: a revision id, or `null` for base. */
type Point = string | null

/**
 * The revision graph: pure, built from an in-memory list of revisions, validated on
 * construction. Parent-to-child (`downRevision`) and dependency (`dependsOn`) edges are kept
 * in a graphology graph; both count as ancestry for ordering, only `downRevision` makes
 * branches, heads and merges.
 *
 * @example
 * ```ts
 * const map = new RevisionMap([
 *   createRevision({ revision: 'a1', downRevision: null }),
 *   createRevision({ revision: 'b2', downRevision: 'a1' }),
 * ])
 * map.heads // ['b2']
 * map.resolve('head-1') // { kind: 'revisions', ids: ['a1'] }
 * ```
 */
export class RevisionMap {
  /**
   * The graphology graph of both edge kinds, built on the first query that walks it: the
   * queries every command needs (heads, bases, order, children) run on the plain adjacency
   * lists below, so `heads` on 10,000 revisions does not pay for building it.
   */
  #graph: DirectedGraph<Record<string, never>, { kind: EdgeKind }> | undefined
  /** Every revision, in input order; the other per-revision arrays share its indexes. */
  readonly #list: Revision[] = []
  /** The index in #list of each revision id. */
  readonly #index = new Map<string, number>()
  /** Children through `downRevision` (undefined: none), by index. */
  readonly #children: (string[] | undefined)[]
  /** Dependents through `dependsOn` (undefined: none), by index. */
  readonly #dependents: (string[] | undefined)[]
  /** Resolved `dependsOn` ids (undefined: none), by index. */
  readonly #dependencies: (readonly string[] | undefined)[]
  readonly #labels = new Map<string, string>()
  #labelMembers: Map<string, ReadonlySet<string>> | undefined
  /** Every revision, parents and dependencies before their children. */
  readonly #order: readonly string[]
  /** The position in #order, by index. */
  readonly #position: Int32Array
  readonly #heads: readonly string[]
  readonly #bases: readonly string[]
  #sortedIds: readonly string[] | undefined

  constructor(revisions: Iterable<Revision>) {
    // Few passes over plain arrays indexed by input position: this runs on every command,
    // on every revision, before any JIT has warmed up. The checks run in a fixed order (ids,
    // then labels, then parents, then dependencies), so the same graph always reports the
    // same error first.
    const list = this.#list
    const index = this.#index
    let labelled: Revision[] | undefined
    let depending: number[] | undefined
    const bases: string[] = []
    for (const revision of revisions) {
      const id = revision.id
      if (!REVISION_ID_PATTERN.test(id)) throw new InvalidRevisionIdError(id, revision.path)
      const existing = index.get(id)
      if (existing !== undefined) {
        throw new DuplicateRevisionError(id, [
          list[existing]!.path ?? '(in memory)',
          revision.path ?? '(in memory)',
        ])
      }
      index.set(id, list.length)
      if (revision.branchLabels.length > 0) (labelled ??= []).push(revision)
      if (revision.dependsOn.length > 0) (depending ??= []).push(list.length)
      if (revision.downRevisions.length === 0) bases.push(id)
      list.push(revision)
    }
    const n = list.length
    for (const revision of labelled ?? []) {
      for (const label of revision.branchLabels) {
        if (!LABEL_PATTERN.test(label)) {
          throw new RevisionError(
            'invalid-branch-label',
            `branch label '${label}' of revision '${revision.id}'${where(revision)} is not valid; use letters, digits, '_', '-' and '.' only`,
          )
        }
        const owner = this.#labels.get(label)
        if (owner !== undefined || index.has(label)) {
          // A label equal to a revision id is declared by this revision alone.
          throw new DuplicateBranchLabelError(
            label,
            owner === undefined ? [revision.id] : [owner, revision.id],
            revision.path,
          )
        }
        this.#labels.set(label, revision.id)
      }
    }
    const children = new Array<string[] | undefined>(n).fill(undefined)
    // The parents' indexes, for the walk below: those of revision i are
    // parentIndexes[parentStart[i]] up to (not including) parentIndexes[parentStart[i + 1]].
    const parentStart = new Int32Array(n + 1)
    const parentIndexes: number[] = []
    for (let i = 0; i < n; i++) {
      const revision = list[i]!
      const parents = revision.downRevisions
      parentStart[i] = parentIndexes.length
      for (let k = 0; k < parents.length; k++) {
        const parent = index.get(parents[k]!)
        if (parent === undefined) {
          throw new MissingRevisionError(revision.id, parents[k]!, 'downRevision', revision.path)
        }
        parentIndexes.push(parent)
        const siblings = children[parent]
        // A parent named twice by the same revision was pushed just before.
        if (siblings === undefined) children[parent] = [revision.id]
        else if (siblings[siblings.length - 1] !== revision.id) siblings.push(revision.id)
      }
    }
    parentStart[n] = parentIndexes.length
    this.#children = children
    // Filled only at the indexes of revisions with dependencies (usually none): reading
    // past the end gives undefined like a hole.
    const dependents: (string[] | undefined)[] = []
    const dependencies: (readonly string[] | undefined)[] = []
    this.#dependents = dependents
    this.#dependencies = dependencies
    for (const i of depending ?? []) {
      const revision = list[i]!
      const resolved: string[] = []
      for (const dependency of revision.dependsOn) {
        const id = this.#lookupDependency(revision, dependency)
        const at = index.get(id)!
        // A dependency that is also a parent adds no edge (it is already one).
        if (children[at]?.includes(revision.id) || dependents[at]?.includes(revision.id)) continue
        ;(dependents[at] ??= []).push(revision.id)
        resolved.push(id)
      }
      dependencies[i] = Object.freeze(resolved)
    }

    const heads: string[] = []
    for (let i = 0; i < n; i++) if (children[i] === undefined) heads.push(list[i]!.id)
    this.#heads = Object.freeze(heads)
    this.#bases = Object.freeze(bases)
    this.#position = new Int32Array(n)
    this.#order = Object.freeze(this.#topologicalOrder(parentStart, parentIndexes))
  }

  /** Number of revisions. */
  get size(): number {
    return this.#list.length
  }

  /** The revision with this exact id, if any. */
  get(id: string): Revision | undefined {
    const at = this.#index.get(id)
    return at === undefined ? undefined : this.#list[at]
  }

  /** Whether a revision with this exact id exists. */
  has(id: string): boolean {
    return this.#index.has(id)
  }

  /** Revisions with no children (through `downRevision`), in input order. */
  get heads(): readonly string[] {
    return this.#heads
  }

  /**
   * Heads with dependencies resolved: a head that another revision depends on is left out,
   * since applying the other head applies it too (Alembic's `heads --resolve-dependencies`).
   */
  get effectiveHeads(): readonly string[] {
    return this.#heads.filter((id) => this.dependents(id).length === 0)
  }

  /** Revisions with no `downRevision` (roots), in input order. */
  get bases(): readonly string[] {
    return this.#bases
  }

  /** Revisions with several children. */
  get branchPoints(): readonly string[] {
    return this.#order.filter((id) => this.isBranchPoint(id))
  }

  /** Revisions with several parents. */
  get mergePoints(): readonly string[] {
    return this.#order.filter((id) => this.isMergePoint(id))
  }

  /** Every branch label and the revision that declares it. */
  get branchLabels(): ReadonlyMap<string, string> {
    return this.#labels
  }

  /** Every revision id, parents and dependencies before their children (deterministic). */
  get topologicalOrder(): readonly string[] {
    return this.#order
  }

  isHead(id: string): boolean {
    return this.children(id).length === 0
  }

  isBase(id: string): boolean {
    return this.#require(id).downRevisions.length === 0
  }

  isMergePoint(id: string): boolean {
    return this.#require(id).downRevisions.length > 1
  }

  isBranchPoint(id: string): boolean {
    return this.children(id).length > 1
  }

  /** The revision's parents (its `downRevision`s). */
  parents(id: string): readonly string[] {
    return this.#require(id).downRevisions
  }

  /** The revision's `dependsOn`, resolved to full ids. */
  dependencies(id: string): readonly string[] {
    const at = this.#index.get(id)
    return (at === undefined ? undefined : this.#dependencies[at]) ?? EMPTY
  }

  /** Children through `downRevision` edges. */
  children(id: string): readonly string[] {
    return this.#outNeighbors(id, 'down')
  }

  /** Revisions that name this one in `dependsOn`. */
  dependents(id: string): readonly string[] {
    return this.#outNeighbors(id, 'depends')
  }

  /** Parents then dependencies: everything that must be applied before `id`. */
  requirements(id: string): readonly string[] {
    const deps = this.dependencies(id)
    const parents = this.parents(id)
    return deps.length === 0 ? parents : [...parents, ...deps]
  }

  /** Position of a revision in {@link topologicalOrder}. */
  position(id: string): number {
    const at = this.#index.get(id)
    if (at === undefined) throw this.#unknown(id)
    return this.#position[at]!
  }

  /**
   * Every ancestor of the given revisions through `downRevision` and `dependsOn` (and the
   * revisions themselves unless `includeSelf` is false).
   */
  ancestors(ids: Iterable<string>, options: { includeSelf?: boolean } = {}): Set<string> {
    return this.#walk(ids, options.includeSelf ?? true, (id) => this.requirements(id))
  }

  /**
   * Every descendant of the given revisions: through `downRevision` only when `downOnly`,
   * else through `dependsOn` too (and the revisions themselves unless `includeSelf` is false).
   */
  descendants(
    ids: Iterable<string>,
    options: { includeSelf?: boolean; downOnly?: boolean } = {},
  ): Set<string> {
    const next = options.downOnly
      ? (id: string) => this.children(id)
      : (id: string) => this.#graphology().outNeighbors(id)
    return this.#walk(ids, options.includeSelf ?? true, next)
  }

  /** The branch labels that cover a revision (declared on it, an ancestor, or a descendant). */
  branchLabelsOf(id: string): readonly string[] {
    const labels: string[] = []
    for (const [label, members] of this.#members()) if (members.has(id)) labels.push(label)
    return labels
  }

  /** The revisions a branch label covers. */
  branchMembers(label: string): ReadonlySet<string> {
    const members = this.#members().get(label)
    if (!members) throw this.#unknownLabel(label)
    return members
  }

  /**
   * Revisions newest first (children before parents), optionally limited to the revisions
   * between `lower` and `upper` (both included): descendants of `lower`, ancestors of `upper`.
   */
  history(range: { lower?: Target; upper?: Target } = {}): readonly Revision[] {
    const lowerIds = range.lower ? this.#targetIds(range.lower) : undefined
    const upperIds = range.upper ? this.#targetIds(range.upper) : undefined
    const above = lowerIds ? this.descendants(lowerIds) : undefined
    const below = upperIds ? this.ancestors(upperIds) : undefined
    const result: Revision[] = []
    for (let i = this.#order.length - 1; i >= 0; i--) {
      const id = this.#order[i]!
      if (above && !above.has(id)) continue
      if (below && !below.has(id)) continue
      result.push(this.get(id)!)
    }
    return result
  }

  /**
   * Resolves an identifier (DESIGN.md grammar) to a {@link Target}. Relative steps from the
   * database's state and `current` need `options.current`.
   *
   * @example
   * ```ts
   * map.resolve('ae10')                           // a unique prefix
   * map.resolve('-1', { current: ['b2'] })         // one step below the database's head
   * ```
   */
  resolve(identifier: string, options: ResolveOptions = {}): Target {
    return this.resolveParsed(parseIdentifier(identifier), options)
  }

  /** {@link resolve} for an already parsed identifier. */
  resolveParsed(identifier: Identifier, options: ResolveOptions = {}): Target {
    switch (identifier.kind) {
      case 'heads':
        return HEADS_TARGET
      case 'base':
        if (identifier.branch === undefined) return BASE_TARGET
        this.branchMembers(identifier.branch)
        return Object.freeze({ kind: 'base', branch: identifier.branch })
      case 'head':
        return revisionsTarget([this.#head(identifier.text, identifier.branch)])
      case 'current':
        return revisionsTarget(this.#current(identifier.text, options))
      case 'revision':
        return revisionsTarget([this.resolveId(identifier.ref)])
      case 'onBranch': {
        const members = this.branchMembers(identifier.branch)
        const id = this.resolveId(identifier.ref)
        if (!members.has(id)) {
          throw new ResolutionError(
            identifier.text,
            `revision '${id}' is not on branch '${identifier.branch}'; run 'retort branches' to see which revisions each label covers`,
          )
        }
        return revisionsTarget([id])
      }
      case 'relative': {
        // A label may end in '-N' or '+N' ('release-2'): written alone it names the label.
        const labelled =
          identifier.branch === undefined ? this.#labels.get(identifier.text) : undefined
        if (labelled !== undefined) return revisionsTarget([labelled])
        if ((identifier.point === '' || identifier.point === 'current') && identifier.steps < 0)
          return this.#downFromRows(identifier, options)
        const point = this.#relative(identifier, options)
        return point === null ? BASE_TARGET : revisionsTarget([point])
      }
      default: {
        const never: never = identifier
        throw new Error(`unhandled identifier ${JSON.stringify(never)}`)
      }
    }
  }

  /**
   * Resolves a range `lower:upper` (either side optional) as `history -r` and offline SQL
   * take it.
   */
  resolveRange(range: string, options: ResolveOptions = {}): { lower?: Target; upper?: Target } {
    const colon = range.indexOf(':')
    if (colon < 0) {
      throw new ResolutionError(
        range,
        `'${range}' is not a range; write 'LOWER:UPPER', e.g. 'base:head' or 'ae10:'`,
      )
    }
    const lower = range.slice(0, colon).trim()
    const upper = range.slice(colon + 1).trim()
    return {
      ...(lower === '' ? {} : { lower: this.resolve(lower, options) }),
      ...(upper === '' ? {} : { upper: this.resolve(upper, options) }),
    }
  }

  /**
   * Resolves a full id, a unique prefix (4+ characters) or a branch label (the revision that
   * declares it) to a revision id.
   */
  resolveId(ref: string): string {
    if (this.#index.has(ref)) return ref
    const labelled = this.#labels.get(ref)
    if (labelled !== undefined) return labelled
    const matches = this.#prefixMatches(ref)
    if (matches.length === 1) return matches[0]!
    if (matches.length > 1) throw new AmbiguousRevisionError(ref, matches)
    if (ref.length < MIN_PREFIX_LENGTH && REVISION_ID_PATTERN.test(ref)) {
      throw new ResolutionError(
        ref,
        `'${ref}' is too short to match a revision: give at least ${MIN_PREFIX_LENGTH} characters of the id`,
        'unknown-revision',
      )
    }
    throw this.#unknown(ref)
  }

  #prefixMatches(prefix: string): string[] {
    if (prefix.length < MIN_PREFIX_LENGTH) return []
    // Ids sorted once; a prefix's matches are a contiguous run found by binary search.
    const sorted = (this.#sortedIds ??= this.#list.map((revision) => revision.id).sort())
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sorted[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const matches: string[] = []
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++)
      matches.push(sorted[i]!)
    return matches
  }

  #lookupDependency(revision: Revision, dependency: string): string {
    if (this.#index.has(dependency)) return dependency
    const labelled = this.#labels.get(dependency)
    if (labelled !== undefined) return labelled
    const matches = this.#prefixMatches(dependency)
    if (matches.length === 1) return matches[0]!
    if (matches.length > 1) {
      throw new RevisionError(
        'ambiguous-revision',
        `revision '${revision.id}'${where(revision)} has dependsOn '${dependency}', which matches several revisions (${matches.map((m) => `'${m}'`).join(', ')}); write the full id`,
      )
    }
    throw new MissingRevisionError(revision.id, dependency, 'dependsOn', revision.path)
  }

  #require(id: string): Revision {
    const at = this.#index.get(id)
    if (at === undefined) throw this.#unknown(id)
    return this.#list[at]!
  }

  #unknown(id: string): ResolutionError {
    return new ResolutionError(
      id,
      `no revision matches '${id}'; run 'retort history' to list the revisions`,
      'unknown-revision',
    )
  }

  #unknownLabel(label: string): ResolutionError {
    const known = [...this.#labels.keys()]
    return new ResolutionError(
      label,
      `no branch label '${label}'${known.length ? ` (known: ${known.map((k) => `'${k}'`).join(', ')})` : ' (the graph has no branch labels)'}; add it with 'retort revision --branch-label'`,
      'unknown-branch-label',
    )
  }

  #outNeighbors(id: string, kind: EdgeKind): readonly string[] {
    const at = this.#index.get(id)
    if (at === undefined) throw this.#unknown(id)
    return (kind === 'down' ? this.#children[at] : this.#dependents[at]) ?? EMPTY
  }

  #graphology(): DirectedGraph<Record<string, never>, { kind: EdgeKind }> {
    if (this.#graph !== undefined) return this.#graph
    const graph = new DirectedGraph<Record<string, never>, { kind: EdgeKind }>()
    for (const revision of this.#list) graph.addNode(revision.id)
    for (let i = 0; i < this.#list.length; i++) {
      const id = this.#list[i]!.id
      for (const child of this.#children[i] ?? EMPTY)
        graph.addDirectedEdge(id, child, { kind: 'down' })
      for (const dependent of this.#dependents[i] ?? EMPTY)
        graph.addDirectedEdge(id, dependent, { kind: 'depends' })
    }
    this.#graph = graph
    return graph
  }

  #walk(
    ids: Iterable<string>,
    includeSelf: boolean,
    next: (id: string) => readonly string[],
  ): Set<string> {
    const seen = new Set<string>()
    const stack: string[] = []
    for (const id of ids) {
      this.#require(id)
      if (includeSelf) {
        if (!seen.has(id)) {
          seen.add(id)
          stack.push(id)
        }
      } else {
        stack.push(id)
      }
    }
    while (stack.length > 0) {
      for (const other of next(stack.pop()!)) {
        if (!seen.has(other)) {
          seen.add(other)
          stack.push(other)
        }
      }
    }
    return seen
  }

  /**
   * Depth-first post-order from the heads (then from anything left, which only a cycle can
   * leave unreached), parents in declared order then dependencies: parents come first and
   * each line of work stays together. A node met again while still open closes a cycle.
   * Fills #position. The stack is kept in typed arrays: no object per visit.
   */
  #topologicalOrder(parentStart: Int32Array, parentIndexes: readonly number[]): string[] {
    const list = this.#list
    const index = this.#index
    const dependencies = this.#dependencies
    const position = this.#position
    const n = list.length
    const order: string[] = []
    const state = new Uint8Array(n) // 0 new, 1 open, 2 done
    const stackNode = new Int32Array(n)
    const stackNext = new Int32Array(n)
    const visit = (root: number) => {
      if (state[root] !== 0) return
      let top = 0
      stackNode[0] = root
      stackNext[0] = 0
      state[root] = 1
      while (top >= 0) {
        const node = stackNode[top]!
        const next = stackNext[top]!
        const first = parentStart[node]!
        const parentCount = parentStart[node + 1]! - first
        const deps = dependencies[node]
        const count = deps === undefined ? parentCount : parentCount + deps.length
        if (next < count) {
          stackNext[top] = next + 1
          const at =
            next < parentCount
              ? parentIndexes[first + next]!
              : index.get(deps![next - parentCount]!)!
          const seen = state[at]
          if (seen === 1) {
            let from = top
            while (stackNode[from] !== at) from--
            const cycle: string[] = []
            for (let k = from; k <= top; k++) cycle.push(list[stackNode[k]!]!.id)
            throw new CycleDetectedError(
              cycle,
              cycle.map((id) => this.get(id)?.path),
            )
          }
          if (seen === 0) {
            state[at] = 1
            top++
            stackNode[top] = at
            stackNext[top] = 0
          }
        } else {
          top--
          state[node] = 2
          position[node] = order.length
          order.push(list[node]!.id)
        }
      }
    }
    for (const head of this.#heads) visit(index.get(head)!)
    for (let i = 0; i < n; i++) visit(i)
    return order
  }

  #members(): Map<string, ReadonlySet<string>> {
    if (this.#labelMembers) return this.#labelMembers
    const result = new Map<string, ReadonlySet<string>>()
    for (const [label, id] of this.#labels) {
      const members = this.descendants([id], { downOnly: true })
      // Back up through single-parent revisions until (not including) a branch point or
      // merge point: the unlabelled start of the branch belongs to it.
      let current = this.get(id)!
      while (current.downRevisions.length === 1) {
        const parent = current.downRevisions[0]!
        if (this.isBranchPoint(parent) || this.isMergePoint(parent)) break
        members.add(parent)
        current = this.get(parent)!
      }
      result.set(label, members)
    }
    this.#labelMembers = result
    return result
  }

  #targetIds(target: Target): readonly string[] {
    switch (target.kind) {
      case 'heads':
        return this.#heads
      case 'revisions':
        return target.ids
      case 'base':
        return target.branch === undefined ? this.#bases : this.#branchRoots(target.branch)
    }
  }

  /** Members of a branch whose parents are not members: where the branch starts. */
  #branchRoots(label: string): readonly string[] {
    const members = this.branchMembers(label)
    return [...members].filter((id) => this.parents(id).every((p) => !members.has(p)))
  }

  #head(text: string, branch: string | undefined): string {
    if (branch === undefined) {
      if (this.#heads.length === 1) return this.#heads[0]!
      if (this.#heads.length === 0) {
        throw new ResolutionError(
          text,
          `'${text}' has no revision: the graph is empty; create one with 'retort revision -m MESSAGE'`,
          'no-revisions',
        )
      }
      throw new MultipleHeadsError(text, this.#heads)
    }
    let heads: readonly string[]
    let scope: string
    if (this.#labels.has(branch)) {
      const members = this.branchMembers(branch)
      heads = this.#heads.filter((h) => members.has(h))
      scope = `branch '${branch}'`
    } else {
      const id = this.#branchRevision(branch)
      const above = this.descendants([id], { downOnly: true })
      heads = this.#heads.filter((h) => above.has(h))
      scope = `the branch of '${id}'`
    }
    if (heads.length !== 1) throw new MultipleHeadsError(text, heads, scope)
    return heads[0]!
  }

  #current(text: string, options: ResolveOptions): readonly string[] {
    if (options.current === undefined) {
      throw new ResolutionError(
        text,
        `'${text}' needs the database's current revision; run it against a database (not offline), or name a revision`,
        'needs-database',
      )
    }
    for (const id of options.current) this.#require(id)
    return options.current
  }

  /**
   * A relative point: from a named point either way, or up from the database's rows (down
   * from them is `#downFromRows`).
   */
  #relative(identifier: Identifier & { kind: 'relative' }, options: ResolveOptions): Point {
    const { branch, point, steps, text } = identifier
    const members = branch === undefined ? undefined : this.#branchScope(branch)
    let start: Point
    if (point === '' || point === 'current') {
      let current = this.#current(text, options)
      if (members) {
        const onLine = (id: string) => members.has(id) || this.#onBranchLine(id, members)
        const rows = current
        current = rows.filter(onLine)
        if (current.length === 0 && steps > 0 && rows.length > 0) {
          // The branch is not started (the rows are on another branch): move up from the
          // applied revisions it grows from, e.g. the branch point both share.
          const below = [...this.ancestors(rows)].filter(onLine)
          current = below.filter((id) => !this.children(id).some((c) => below.includes(c)))
        }
      }
      if (current.length > 1) {
        throw new ResolutionError(
          text,
          `'${text}' is relative to the database's current revision, but it is at ${current.map((c) => `'${c}'`).join(', ')}; name the branch ('LABEL@${steps > 0 ? '+' : ''}${steps}') or a revision`,
          'multiple-heads',
        )
      }
      start = current[0] ?? null
    } else if (point === 'head') {
      start = this.#head(text, branch)
    } else if (point === 'base') {
      start = null
    } else {
      start = this.resolveId(point)
    }
    return this.#step(text, start, steps, members)
  }

  /**
   * `-N`, `REV@-N` and `LABEL@-N`: N revisions down the line of one row of the database (any
   * row for `-N`, the row at or above REV, the row on LABEL's branch), keeping the revisions
   * passed over so that a downgrade takes those and nothing beside them (SEMANTICS.md,
   * "Upgrades and downgrades"). The last revision passed over may be a merge: un-applying it
   * restores all its parents, so the move ends on them (`-1` from a merge row is the merge
   * alone); a merge met before the last step is ambiguous unless the branch picks a parent.
   */
  #downFromRows(identifier: Identifier & { kind: 'relative' }, options: ResolveOptions): Target {
    const { branch, steps, text } = identifier
    const rows = this.#current(text, options)
    let scope: ReadonlySet<string> | undefined
    let onLine = rows
    let whichRow = "the database's row"
    if (branch !== undefined) {
      if (this.#labels.has(branch)) {
        const members = this.branchMembers(branch)
        scope = members
        onLine = rows.filter((row) => members.has(row))
        whichRow = `the database's row on branch '${branch}'`
      } else {
        const id = this.#branchRevision(branch)
        const above = this.descendants([id], { downOnly: true })
        scope = new Set([...this.ancestors([id]), ...above])
        onLine = rows.filter((row) => above.has(row))
        whichRow = `the database's row at or above '${id}'`
      }
    }
    if (onLine.length > 1) {
      throw new ResolutionError(
        text,
        `'${text}' moves down from ${whichRow}, but there are several: ${quoteList(onLine)}; say which line to move down: ${onLine.map((row) => `'${row}@${steps}'`).join(' or ')} (or 'LABEL@${steps}')`,
        'multiple-heads',
      )
    }
    if (onLine.length === 0 && rows.length > 0) {
      throw new ResolutionError(
        text,
        `'${text}' moves down from ${whichRow}, but there is none (the database is at ${quoteList(rows)}); name a row to move down from, e.g. '${rows[0]}@${steps}'`,
        'not-applied',
      )
    }
    const start: Point = onLine[0] ?? null
    const count = -steps
    const passed: string[] = []
    let point = start
    let end: readonly string[] = []
    for (let taken = 0; taken < count; taken++) {
      if (point === null) throw belowBase(text, taken, start)
      passed.push(point)
      let candidates = this.parents(point)
      if (scope !== undefined && candidates.length > 1) {
        const picked = candidates.filter((c) => scope.has(c))
        if (picked.length > 0) candidates = picked
      }
      if (taken === count - 1) {
        end = candidates
      } else if (candidates.length > 1) {
        throw new RelativeRangeError(
          text,
          `'${text}' is ambiguous at '${point}', which is a merge point (${quoteList(candidates)}); name the branch ('LABEL@...') or a revision`,
        )
      } else {
        point = candidates[0] ?? null
      }
    }
    return relativeDownTarget(end, passed)
  }

  /** For `label@...`: the revisions a label covers (or a revision's line when it names one). */
  #branchScope(branch: string): ReadonlySet<string> {
    if (this.#labels.has(branch)) return this.branchMembers(branch)
    const id = this.#branchRevision(branch)
    return new Set([...this.ancestors([id]), ...this.descendants([id], { downOnly: true })])
  }

  /** The revision named left of '@' when it is not a label; naming neither is about the label. */
  #branchRevision(branch: string): string {
    try {
      return this.resolveId(branch)
    } catch (error) {
      if (!(error instanceof ResolutionError) || error.code !== 'unknown-revision') throw error
      const known = [...this.#labels.keys()]
      throw new ResolutionError(
        branch,
        `no branch label or revision matches '${branch}'${known.length ? ` (labels: ${known.map((k) => `'${k}'`).join(', ')})` : ' (the graph has no branch labels)'}; run 'retort branches' to list the branches`,
        'unknown-branch-label',
      )
    }
  }

  /**
   * Whether a current row sits below the branch: its line leads into the branch's first
   * revision. A row that reaches the branch only through a merge into it (another branch's
   * row below a merge the label covers) is not on the branch's line.
   */
  #onBranchLine(id: string, members: ReadonlySet<string>): boolean {
    for (const child of this.descendants([id], { downOnly: true })) {
      if (!members.has(child)) continue
      if (!this.parents(child).some((parent) => members.has(parent))) return true
    }
    return false
  }

  #step(
    text: string,
    start: Point,
    steps: number,
    members: ReadonlySet<string> | undefined,
  ): Point {
    let point = start
    const count = Math.abs(steps)
    for (let taken = 0; taken < count; taken++) {
      let candidates: readonly string[]
      if (steps > 0) {
        candidates = point === null ? this.#bases : this.children(point)
      } else {
        if (point === null) throw belowBase(text, taken, start)
        candidates = this.parents(point)
        if (candidates.length === 0) {
          point = null
          continue
        }
      }
      if (members && candidates.length > 1) {
        // The label picks the way at a fork; when it covers none of them, the fork stays ambiguous.
        const onBranch = candidates.filter((c) => members.has(c))
        if (onBranch.length > 0) candidates = onBranch
      }
      if (candidates.length === 0) {
        throw new RelativeRangeError(
          text,
          `'${text}' goes past the head: only ${taken} step${taken === 1 ? '' : 's'} up from ${start === null ? 'base' : `'${start}'`} ${taken === 1 ? 'is' : 'are'} possible${point === null ? '' : ` (head '${point}')`}`,
        )
      }
      if (candidates.length > 1) {
        const where =
          point === null
            ? 'base, which has several roots'
            : `'${point}', which is a ${steps > 0 ? 'branch point' : 'merge point'}`
        throw new RelativeRangeError(
          text,
          `'${text}' is ambiguous at ${where} (${candidates.map((c) => `'${c}'`).join(', ')}); name the branch ('LABEL@...') or a revision`,
        )
      }
      point = candidates[0]!
    }
    return point
  }
}

const EMPTY: readonly string[] = Object.freeze([])

function quoteList(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ')
}

function belowBase(text: string, taken: number, start: Point): RelativeRangeError {
  const steps = `${taken} step${taken === 1 ? '' : 's'} down`
  const from = start === null ? '' : ` from '${start}'`
  return new RelativeRangeError(
    text,
    `'${text}' goes below base: only ${steps}${from} ${taken === 1 ? 'is' : 'are'} possible`,
  )
}

function where(revision: Revision): string {
  return revision.path === undefined ? '' : ` in '${revision.path}'`
}
