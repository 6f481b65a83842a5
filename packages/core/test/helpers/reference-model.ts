/**
 * A reference for the planner, written from SEMANTICS.md ("Identifiers", "Upgrades and
 * downgrades", "Version table") as plain set logic over the revision graph. It shares no
 * code with src/graph: the graph is a list of ids with parents and dependencies, and targets
 * come in as structured forms, so the identifier parser is not part of what it assumes.
 */

/** One revision as the model sees it; `dependsOn` holds resolved ids, none of them a parent. */
export interface ModelRevision {
  readonly id: string
  readonly parents: readonly string[]
  readonly dependsOn: readonly string[]
  readonly label?: string | undefined
}

/** A target identifier by its form; `ref` is a full id, a prefix or a label, as a user types it. */
export type TargetForm =
  | { readonly form: 'rev'; readonly ref: string } // REV, partial id, LABEL
  | { readonly form: 'revUp'; readonly ref: string; readonly n: number } // REV+N
  | { readonly form: 'revMinus'; readonly ref: string; readonly n: number } // REV-N
  | { readonly form: 'headMinus'; readonly n: number } // head-N
  | { readonly form: 'head' | 'heads' | 'base' | 'current' }
  | { readonly form: 'labelHead' | 'labelBase'; readonly label: string } // LABEL@head, LABEL@base
  | { readonly form: 'up' | 'down'; readonly n: number } // +N, -N
  | { readonly form: 'branchDown'; readonly on: string; readonly n: number } // REV@-N, LABEL@-N

/** What a command must do: refuse, or end at these applied revisions and rows. */
export type ModelOutcome =
  | { readonly kind: 'refused'; readonly why: string }
  | {
      readonly kind: 'done'
      readonly applied: ReadonlySet<string>
      readonly rows: ReadonlySet<string>
      /** Revisions run: applied by an upgrade, un-applied by a downgrade; none for a stamp. */
      readonly changed: ReadonlySet<string>
    }

type Resolved =
  | { readonly kind: 'refused'; readonly why: string }
  | { readonly kind: 'heads' }
  | { readonly kind: 'base'; readonly branch?: string }
  | { readonly kind: 'points'; readonly ids: readonly string[] }
  /** A move down from the rows: the revisions it passed over. */
  | { readonly kind: 'passed'; readonly ids: readonly string[] }

const refuse = (why: string): { kind: 'refused'; why: string } => ({ kind: 'refused', why })

export class ReferenceModel {
  readonly ids: readonly string[]
  readonly #parents = new Map<string, readonly string[]>()
  /** Parents and dependencies: what must be applied first. */
  readonly #needs = new Map<string, readonly string[]>()
  readonly #children = new Map<string, string[]>()
  /** Children and dependents: what needs this revision. */
  readonly #neededBy = new Map<string, string[]>()
  readonly #labels = new Map<string, string>()

  constructor(revisions: readonly ModelRevision[]) {
    this.ids = revisions.map((r) => r.id)
    for (const id of this.ids) {
      this.#children.set(id, [])
      this.#neededBy.set(id, [])
    }
    for (const r of revisions) {
      this.#parents.set(r.id, r.parents)
      this.#needs.set(r.id, [...r.parents, ...r.dependsOn])
      for (const p of r.parents) this.#children.get(p)!.push(r.id)
      for (const n of [...r.parents, ...r.dependsOn]) this.#neededBy.get(n)!.push(r.id)
      if (r.label !== undefined) this.#labels.set(r.label, r.id)
    }
  }

  parents(id: string): readonly string[] {
    return this.#parents.get(id)!
  }

  needs(id: string): readonly string[] {
    return this.#needs.get(id)!
  }

  neededBy(id: string): readonly string[] {
    return this.#neededBy.get(id)!
  }

  /** The ids and everything they need, transitively. */
  ancestors(ids: Iterable<string>): Set<string> {
    return closure(ids, (id) => this.#needs.get(id)!)
  }

  /** The ids and everything that needs one of them, transitively (children and dependents). */
  dependents(ids: Iterable<string>): Set<string> {
    return closure(ids, (id) => this.#neededBy.get(id)!)
  }

  /** The ids and their descendants through children only. */
  above(ids: Iterable<string>): Set<string> {
    return closure(ids, (id) => this.#children.get(id)!)
  }

  /** Revisions with no children. */
  get heads(): string[] {
    return this.ids.filter((id) => this.#children.get(id)!.length === 0)
  }

  get labels(): ReadonlyMap<string, string> {
    return this.#labels
  }

  /**
   * The version rows of an applied set: the revisions nothing else applied needs. Applied
   * sets are closed under `needs`, so "needed through a chain" reduces to "needed directly".
   */
  rowsOf(applied: ReadonlySet<string>): Set<string> {
    const below = new Set<string>()
    for (const id of applied) for (const n of this.#needs.get(id)!) below.add(n)
    return new Set([...applied].filter((id) => !below.has(id)))
  }

  /**
   * A label covers its revision, that revision's descendants, and its ancestors back to (not
   * including) the previous branch point or merge.
   */
  members(label: string): Set<string> {
    const labelled = this.#labels.get(label)!
    const members = this.above([labelled])
    let at = labelled
    while (this.#parents.get(at)!.length === 1) {
      const parent = this.#parents.get(at)![0]!
      if (this.#children.get(parent)!.length > 1 || this.#parents.get(parent)!.length > 1) break
      members.add(parent)
      at = parent
    }
    return members
  }

  upgrade(rows: readonly string[], form: TargetForm): ModelOutcome {
    const target = this.#resolve(form, rows)
    const applied = this.ancestors(rows)
    let wanted: readonly string[]
    switch (target.kind) {
      case 'refused':
        return target
      case 'heads':
        wanted = this.ids
        break
      case 'base':
        if (target.branch !== undefined) return refuse('LABEL@base is no upgrade target')
        wanted = []
        break
      case 'points':
        wanted = target.ids
        break
      case 'passed':
        // Where a move down ends is below the rows: applied already.
        wanted = []
        break
    }
    const after = new Set([...applied, ...this.ancestors(wanted)])
    return this.#done(
      after,
      [...after].filter((id) => !applied.has(id)),
    )
  }

  downgrade(rows: readonly string[], form: TargetForm): ModelOutcome {
    const target = this.#resolve(form, rows)
    if (target.kind === 'refused') return target
    if (target.kind === 'heads') return refuse('heads is no downgrade target')
    const applied = this.ancestors(rows)
    const removed = this.#removed(applied, target)
    if (!Array.isArray(removed)) return removed
    return this.#done(new Set([...applied].filter((id) => !removed.includes(id))), removed)
  }

  stamp(rows: readonly string[], form: TargetForm, purge: boolean): ModelOutcome {
    const start = purge ? [] : rows
    const target = this.#resolve(form, start)
    let after: Set<string>
    switch (target.kind) {
      case 'refused':
        return target
      case 'heads':
        // Every revision is then applied, so the rows are its maximal ones.
        after = this.rowsOf(new Set(this.ids))
        break
      case 'base':
        if (target.branch !== undefined) return refuse('stamp takes no LABEL@base')
        after = new Set()
        break
      case 'points':
        after = new Set(start)
        for (const id of target.ids) {
          const below = this.ancestors([id])
          for (const row of [...after])
            if (below.has(row) || this.ancestors([row]).has(id)) after.delete(row)
          after.add(id)
        }
        break
      case 'passed': {
        const applied = this.ancestors(start)
        const removed = this.#removed(applied, target)
        if (!Array.isArray(removed)) return removed
        after = this.rowsOf(new Set([...applied].filter((id) => !removed.includes(id))))
        break
      }
    }
    return { kind: 'done', applied: this.ancestors(after), rows: after, changed: new Set() }
  }

  #done(applied: Set<string>, changed: readonly string[]): ModelOutcome {
    return { kind: 'done', applied, rows: this.rowsOf(applied), changed: new Set(changed) }
  }

  /** What a downgrade un-applies, or a refusal. */
  #removed(
    applied: ReadonlySet<string>,
    target: Resolved & { kind: 'base' | 'points' | 'passed' },
  ): string[] | { kind: 'refused'; why: string } {
    let from: Set<string>
    if (target.kind === 'passed') {
      from = new Set(target.ids)
    } else if (target.kind === 'base') {
      from = target.branch === undefined ? new Set(applied) : this.members(target.branch)
    } else {
      from = new Set()
      for (const id of target.ids) {
        if (!applied.has(id)) return refuse(`'${id}' is not applied`)
        for (const above of this.above([id])) if (above !== id) from.add(above)
      }
    }
    return [...this.dependents(from)].filter((id) => applied.has(id))
  }

  #resolve(form: TargetForm, rows: readonly string[]): Resolved {
    switch (form.form) {
      case 'heads':
        return { kind: 'heads' }
      case 'base':
        return { kind: 'base' }
      case 'current':
        return rows.length === 0 ? { kind: 'base' } : { kind: 'points', ids: rows }
      case 'head':
        return this.heads.length === 1 ? points(this.heads[0]!) : refuse('several heads')
      case 'rev': {
        const id = this.#ref(form.ref)
        return id === undefined ? refuse(`'${form.ref}' names no one revision`) : points(id)
      }
      case 'labelHead': {
        const members = this.members(form.label)
        const heads = this.heads.filter((h) => members.has(h))
        return heads.length === 1 ? points(heads[0]!) : refuse('the branch has several heads')
      }
      case 'labelBase':
        return { kind: 'base', branch: form.label }
      case 'revUp': {
        const id = this.#ref(form.ref)
        return id === undefined
          ? refuse(`'${form.ref}' names no one revision`)
          : this.#up(id, form.n)
      }
      case 'up':
        return rows.length > 1 ? refuse('+N from several rows') : this.#up(rows[0] ?? null, form.n)
      case 'revMinus': {
        const id = this.#ref(form.ref)
        return id === undefined
          ? refuse(`'${form.ref}' names no one revision`)
          : this.#down(id, form.n)
      }
      case 'headMinus':
        return this.heads.length === 1
          ? this.#down(this.heads[0]!, form.n)
          : refuse('several heads')
      case 'down':
        return this.#moveDown(rows, undefined, form.n)
      case 'branchDown': {
        if (this.#labels.has(form.on)) {
          const members = this.members(form.on)
          const onBranch = rows.filter((row) => members.has(row))
          return this.#moveDown(onBranch, members, form.n)
        }
        const id = this.#ref(form.on)
        if (id === undefined) return refuse(`'${form.on}' names no one revision or label`)
        const above = this.above([id])
        const line = new Set([...this.ancestors([id]), ...above])
        return this.#moveDown(
          rows.filter((row) => above.has(row)),
          line,
          form.n,
        )
      }
    }
  }

  /** A full id, then a label, then a prefix of at least 4 characters matching one id. */
  #ref(ref: string): string | undefined {
    if (this.ids.includes(ref)) return ref
    if (this.#labels.has(ref)) return this.#labels.get(ref)
    if (ref.length < 4) return undefined
    const matches = this.ids.filter((id) => id.startsWith(ref))
    return matches.length === 1 ? matches[0] : undefined
  }

  /** N steps up from a named point (base: from the roots); a fork or a head refuses. */
  #up(start: string | null, n: number): Resolved {
    let at = start
    for (let i = 0; i < n; i++) {
      const next =
        at === null
          ? this.ids.filter((id) => this.#parents.get(id)!.length === 0)
          : this.#children.get(at)!
      if (next.length !== 1) return refuse(next.length === 0 ? 'past the head' : 'ambiguous fork')
      at = next[0]!
    }
    return points(at!)
  }

  /** N steps down from a named point; a merge refuses, going below base refuses. */
  #down(start: string, n: number): Resolved {
    let at: string | null = start
    for (let i = 0; i < n; i++) {
      if (at === null) return refuse('below base')
      const parents: readonly string[] = this.#parents.get(at)!
      if (parents.length > 1) return refuse('ambiguous merge')
      at = parents[0] ?? null
    }
    return at === null ? { kind: 'base' } : points(at)
  }

  /**
   * N revisions down from the one row given, keeping what was passed over. At a merge the
   * line (when given) picks the parents on it; only the last revision passed over may still
   * have several.
   */
  #moveDown(rows: readonly string[], line: ReadonlySet<string> | undefined, n: number): Resolved {
    if (rows.length !== 1)
      return refuse(rows.length === 0 ? 'no row to move down from' : 'several rows')
    const passed: string[] = []
    let at: string | null = rows[0]!
    for (let i = 0; i < n; i++) {
      if (at === null) return refuse('below base')
      passed.push(at)
      let parents: readonly string[] = this.#parents.get(at)!
      const onLine = parents.filter((p) => line?.has(p))
      if (parents.length > 1 && onLine.length > 0) parents = onLine
      if (i < n - 1 && parents.length > 1) return refuse('ambiguous merge')
      at = parents[0] ?? null
    }
    return { kind: 'passed', ids: passed }
  }
}

function points(id: string): Resolved {
  return { kind: 'points', ids: [id] }
}

function closure(ids: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...ids]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...next(id))
  }
  return seen
}
