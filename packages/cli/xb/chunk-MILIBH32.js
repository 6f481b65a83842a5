import {
  didYouMean,
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  AmbiguousRevisionError,
  ConfigError,
  CycleDetectedError,
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  InvalidRevisionIdError,
  MissingRevisionError,
  MultipleHeadsError,
  RelativeRangeError,
  ResolutionError,
  RetortError,
  RevisionError,
  RevisionFileError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/revision.js
var REVISION_ID_PATTERN = /^[A-Za-z0-9_]+$/;
function createRevision(header, path) {
  return Object.freeze({
    kind: "revision",
    id: header.revision,
    downRevisions: toList(header.downRevision),
    dependsOn: toList(header.dependsOn),
    branchLabels: toList(header.branchLabels),
    message: header.message ?? "",
    path,
    transaction: header.transaction ?? true,
    replaces: toList(header.replaces)
  });
}
var NO_IDS = Object.freeze([]);
function toList(value) {
  if (value === null || value === void 0 || value === "")
    return NO_IDS;
  return Object.freeze(typeof value === "string" ? [value] : [...value]);
}

// ../core/dist/graph/identifier.js
var RELATIVE = /^(?:([^@]+)@)?(\w*)([+-]\d+)$/;
function parseIdentifier(text) {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(":");
  if (colon >= 0) {
    const upper = trimmed.slice(colon + 1).trim() || "heads";
    throw new ResolutionError(trimmed, `'${trimmed}' is a range, not a revision: only offline SQL (--sql) and 'history -r' take FROM:TO; name a single target such as '${upper}'`, "range-not-allowed");
  }
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const [, branch, point = "", steps = "0"] = relative;
    if (point === "heads") {
      const step = `${steps.startsWith("-") ? "-" : "+"}${steps.replace(/^[+-]/, "")}`;
      throw new ResolutionError(trimmed, `'${trimmed}' cannot move: 'heads' stands for every head at once; write 'REV@${step}' or 'LABEL@${step}' to move along one branch, or '${step}' when the database is at a single revision`, "relative-from-heads");
    }
    return { kind: "relative", branch, point, steps: Number(steps), text: trimmed };
  }
  const at = trimmed.indexOf("@");
  if (at >= 0) {
    const left = trimmed.slice(0, at);
    const right = trimmed.slice(at + 1);
    if (right === "heads") {
      throw new ResolutionError(trimmed, `'${trimmed}' names one branch, which has a single head: write '${left}@head'`, "branch-heads");
    }
    if (right === "head")
      return { kind: "head", branch: left, text: trimmed };
    if (right === "base")
      return { kind: "base", branch: left, text: trimmed };
    return { kind: "onBranch", branch: left, ref: right, text: trimmed };
  }
  switch (trimmed) {
    case "heads":
      return { kind: "heads", text: trimmed };
    case "head":
      return { kind: "head", text: trimmed };
    case "base":
      return { kind: "base", text: trimmed };
    case "current":
      return { kind: "current", text: trimmed };
    default:
      return { kind: "revision", ref: trimmed, text: trimmed };
  }
}

// ../core/dist/graph/target.js
var BASE_TARGET = Object.freeze({ kind: "base" });
var HEADS_TARGET = Object.freeze({ kind: "heads" });
function revisionsTarget(ids) {
  if (ids.length === 0)
    return BASE_TARGET;
  return Object.freeze({ kind: "revisions", ids: Object.freeze([...ids]) });
}
function relativeDownTarget(ids, passedOver) {
  const passed = Object.freeze([...passedOver]);
  if (ids.length === 0)
    return Object.freeze({ kind: "base", passedOver: passed });
  return Object.freeze({ kind: "revisions", ids: Object.freeze([...ids]), passedOver: passed });
}

// ../core/dist/graph/revision-map.js
var MIN_PREFIX_LENGTH = 4;
var LABEL_PATTERN = /^[A-Za-z0-9_.-]+$/;
var RevisionMap = class {
  /** Every revision, in input order; the other per-revision arrays share its indexes. */
  #list = [];
  /** The index in #list of each revision id. */
  #index = /* @__PURE__ */ new Map();
  /** Children through `downRevision` (undefined: none), by index. */
  #children;
  /** Dependents through `dependsOn` (undefined: none), by index. */
  #dependents;
  /** Resolved `dependsOn` ids (undefined: none), by index. */
  #dependencies;
  #labels = /* @__PURE__ */ new Map();
  #labelMembers;
  /** Every revision, parents and dependencies before their children. */
  #order;
  /** The position in #order, by index. */
  #position;
  /**
   * The parents' indexes, in declared order: those of revision i are #parentIndexes[
   * #parentStart[i]] up to (not including) #parentIndexes[#parentStart[i + 1]].
   */
  #parentStart;
  #parentIndexes;
  /** The children's indexes in the same layout, built by the first walk down. */
  #childEdges;
  #heads;
  #bases;
  #sortedIds;
  constructor(revisions) {
    const list = this.#list;
    const index = this.#index;
    let labelled;
    let depending;
    const bases = [];
    for (const revision of revisions) {
      const id = revision.id;
      if (!REVISION_ID_PATTERN.test(id))
        throw new InvalidRevisionIdError(id, revision.path);
      const existing = index.get(id);
      if (existing !== void 0) {
        throw new DuplicateRevisionError(id, [
          list[existing].path ?? "(in memory)",
          revision.path ?? "(in memory)"
        ]);
      }
      index.set(id, list.length);
      if (revision.branchLabels.length > 0)
        (labelled ??= []).push(revision);
      if (revision.dependsOn.length > 0)
        (depending ??= []).push(list.length);
      if (revision.downRevisions.length === 0)
        bases.push(id);
      list.push(revision);
    }
    const n = list.length;
    for (const revision of labelled ?? []) {
      for (const label of revision.branchLabels) {
        if (!LABEL_PATTERN.test(label)) {
          throw new RevisionError("invalid-branch-label", `branch label '${label}' of revision '${revision.id}'${where(revision)} is not valid; use letters, digits, '_', '-' and '.' only`);
        }
        const owner = this.#labels.get(label);
        if (owner !== void 0 || index.has(label)) {
          throw new DuplicateBranchLabelError(label, owner === void 0 ? [revision.id] : [owner, revision.id], revision.path);
        }
        this.#labels.set(label, revision.id);
      }
    }
    const children = new Array(n).fill(void 0);
    const parentStart = new Int32Array(n + 1);
    const parentIndexes = [];
    for (let i = 0; i < n; i++) {
      const revision = list[i];
      const parents = revision.downRevisions;
      parentStart[i] = parentIndexes.length;
      for (let k = 0; k < parents.length; k++) {
        const parent = index.get(parents[k]);
        if (parent === void 0) {
          throw new MissingRevisionError(revision.id, parents[k], "downRevision", revision.path);
        }
        parentIndexes.push(parent);
        const siblings = children[parent];
        if (siblings === void 0)
          children[parent] = [revision.id];
        else if (siblings[siblings.length - 1] !== revision.id)
          siblings.push(revision.id);
      }
    }
    parentStart[n] = parentIndexes.length;
    this.#parentStart = parentStart;
    this.#parentIndexes = parentIndexes;
    this.#children = children;
    const dependents = [];
    const dependencies = [];
    this.#dependents = dependents;
    this.#dependencies = dependencies;
    for (const i of depending ?? []) {
      const revision = list[i];
      const resolved = [];
      for (const dependency of revision.dependsOn) {
        const id = this.#lookupDependency(revision, dependency);
        const at = index.get(id);
        if (children[at]?.includes(revision.id) || dependents[at]?.includes(revision.id))
          continue;
        (dependents[at] ??= []).push(revision.id);
        resolved.push(id);
      }
      dependencies[i] = Object.freeze(resolved);
    }
    const heads = [];
    for (let i = 0; i < n; i++)
      if (children[i] === void 0)
        heads.push(list[i].id);
    this.#heads = Object.freeze(heads);
    this.#bases = Object.freeze(bases);
    this.#position = new Int32Array(n);
    this.#order = Object.freeze(this.#topologicalOrder());
  }
  /** Number of revisions. */
  get size() {
    return this.#list.length;
  }
  /** The revision with this exact id, if any. */
  get(id) {
    const at = this.#index.get(id);
    return at === void 0 ? void 0 : this.#list[at];
  }
  /** Whether a revision with this exact id exists. */
  has(id) {
    return this.#index.has(id);
  }
  /** Revisions with no children (through `downRevision`), in input order. */
  get heads() {
    return this.#heads;
  }
  /**
   * Heads with dependencies resolved: a head that another revision depends on is left out,
   * since applying the other head applies it too (Alembic's `heads --resolve-dependencies`).
   */
  get effectiveHeads() {
    return this.#heads.filter((id) => this.dependents(id).length === 0);
  }
  /** Revisions with no `downRevision` (roots), in input order. */
  get bases() {
    return this.#bases;
  }
  /** Revisions with several children. */
  get branchPoints() {
    return this.#order.filter((id) => this.isBranchPoint(id));
  }
  /** Revisions with several parents. */
  get mergePoints() {
    return this.#order.filter((id) => this.isMergePoint(id));
  }
  /** Every branch label and the revision that declares it. */
  get branchLabels() {
    return this.#labels;
  }
  /** Every revision id, parents and dependencies before their children (deterministic). */
  get topologicalOrder() {
    return this.#order;
  }
  isHead(id) {
    return this.children(id).length === 0;
  }
  isBase(id) {
    return this.#require(id).downRevisions.length === 0;
  }
  isMergePoint(id) {
    return this.#require(id).downRevisions.length > 1;
  }
  isBranchPoint(id) {
    return this.children(id).length > 1;
  }
  /** The revision's parents (its `downRevision`s). */
  parents(id) {
    return this.#require(id).downRevisions;
  }
  /** The revision's `dependsOn`, resolved to full ids. */
  dependencies(id) {
    const at = this.#index.get(id);
    return (at === void 0 ? void 0 : this.#dependencies[at]) ?? EMPTY;
  }
  /** Children through `downRevision` edges. */
  children(id) {
    return this.#outNeighbors(id, "down");
  }
  /** Revisions that name this one in `dependsOn`. */
  dependents(id) {
    return this.#outNeighbors(id, "depends");
  }
  /** Parents then dependencies: everything that must be applied before `id`. */
  requirements(id) {
    const deps = this.dependencies(id);
    const parents = this.parents(id);
    return deps.length === 0 ? parents : [...parents, ...deps];
  }
  /** Position of a revision in {@link topologicalOrder}. */
  position(id) {
    const at = this.#index.get(id);
    if (at === void 0)
      throw this.#unknown(id);
    return this.#position[at];
  }
  /**
   * Every ancestor of the given revisions through `downRevision` and `dependsOn` (and the
   * revisions themselves unless `includeSelf` is false).
   */
  ancestors(ids, options = {}) {
    return this.#walk(ids, options.includeSelf ?? true, "up");
  }
  /**
   * Every descendant of the given revisions: through `downRevision` only when `downOnly`,
   * else through `dependsOn` too (and the revisions themselves unless `includeSelf` is false).
   */
  descendants(ids, options = {}) {
    return this.#walk(ids, options.includeSelf ?? true, options.downOnly ? "children" : "down");
  }
  /** The branch labels that cover a revision (declared on it, an ancestor, or a descendant). */
  branchLabelsOf(id) {
    const labels = [];
    for (const [label, members] of this.#members())
      if (members.has(id))
        labels.push(label);
    return labels;
  }
  /** The revisions a branch label covers. */
  branchMembers(label) {
    const members = this.#members().get(label);
    if (!members)
      throw this.#unknownLabel(label);
    return members;
  }
  /**
   * Revisions newest first (children before parents), optionally limited to the revisions
   * between `lower` and `upper` (both included): descendants of `lower`, ancestors of `upper`.
   */
  history(range = {}) {
    const lowerIds = range.lower ? this.#targetIds(range.lower) : void 0;
    const upperIds = range.upper ? this.#targetIds(range.upper) : void 0;
    const above = lowerIds ? this.descendants(lowerIds) : void 0;
    const below = upperIds ? this.ancestors(upperIds) : void 0;
    const result = [];
    for (let i = this.#order.length - 1; i >= 0; i--) {
      const id = this.#order[i];
      if (above && !above.has(id))
        continue;
      if (below && !below.has(id))
        continue;
      result.push(this.get(id));
    }
    return result;
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
  resolve(identifier, options = {}) {
    return this.resolveParsed(parseIdentifier(identifier), options);
  }
  /** {@link resolve} for an already parsed identifier. */
  resolveParsed(identifier, options = {}) {
    switch (identifier.kind) {
      case "heads":
        return HEADS_TARGET;
      case "base":
        if (identifier.branch === void 0)
          return BASE_TARGET;
        this.branchMembers(identifier.branch);
        return Object.freeze({ kind: "base", branch: identifier.branch });
      case "head":
        return revisionsTarget([this.#head(identifier.text, identifier.branch)]);
      case "current":
        return revisionsTarget(this.#current(identifier.text, options));
      case "revision":
        return revisionsTarget([this.resolveId(identifier.ref)]);
      case "onBranch": {
        const members = this.branchMembers(identifier.branch);
        const id = this.resolveId(identifier.ref);
        if (!members.has(id)) {
          throw new ResolutionError(identifier.text, `revision '${id}' is not on branch '${identifier.branch}'; run 'retort branches' to see which revisions each label covers`);
        }
        return revisionsTarget([id]);
      }
      case "relative": {
        const labelled = identifier.branch === void 0 ? this.#labels.get(identifier.text) : void 0;
        if (labelled !== void 0)
          return revisionsTarget([labelled]);
        if ((identifier.point === "" || identifier.point === "current") && identifier.steps < 0)
          return this.#downFromRows(identifier, options);
        const point = this.#relative(identifier, options);
        return point === null ? BASE_TARGET : revisionsTarget([point]);
      }
      default: {
        const never = identifier;
        throw new Error(`unhandled identifier ${JSON.stringify(never)}`);
      }
    }
  }
  /**
   * Resolves a range `lower:upper` (either side optional) as `history -r` and offline SQL
   * take it.
   */
  resolveRange(range, options = {}) {
    const colon = range.indexOf(":");
    if (colon < 0) {
      throw new ResolutionError(range, `'${range}' is not a range; write 'LOWER:UPPER', e.g. 'base:head' or 'ae10:'`);
    }
    const lower = range.slice(0, colon).trim();
    const upper = range.slice(colon + 1).trim();
    return {
      ...lower === "" ? {} : { lower: this.resolve(lower, options) },
      ...upper === "" ? {} : { upper: this.resolve(upper, options) }
    };
  }
  /**
   * Resolves a full id, a unique prefix (4+ characters) or a branch label (the revision that
   * declares it) to a revision id.
   */
  resolveId(ref) {
    if (this.#index.has(ref))
      return ref;
    const labelled = this.#labels.get(ref);
    if (labelled !== void 0)
      return labelled;
    const matches = this.#prefixMatches(ref);
    if (matches.length === 1)
      return matches[0];
    if (matches.length > 1)
      throw new AmbiguousRevisionError(ref, matches);
    if (ref.length < MIN_PREFIX_LENGTH && REVISION_ID_PATTERN.test(ref)) {
      throw new ResolutionError(ref, `'${ref}' is too short to match a revision: give at least ${MIN_PREFIX_LENGTH} characters of the id`, "unknown-revision");
    }
    throw this.#unknown(ref);
  }
  #prefixMatches(prefix) {
    if (prefix.length < MIN_PREFIX_LENGTH)
      return [];
    const sorted = this.#sortedIds ??= this.#list.map((revision) => revision.id).sort();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (sorted[mid] < prefix)
        lo = mid + 1;
      else
        hi = mid;
    }
    const matches = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++)
      matches.push(sorted[i]);
    return matches;
  }
  #lookupDependency(revision, dependency) {
    if (this.#index.has(dependency))
      return dependency;
    const labelled = this.#labels.get(dependency);
    if (labelled !== void 0)
      return labelled;
    const matches = this.#prefixMatches(dependency);
    if (matches.length === 1)
      return matches[0];
    if (matches.length > 1) {
      throw new RevisionError("ambiguous-revision", `revision '${revision.id}'${where(revision)} has dependsOn '${dependency}', which matches several revisions (${matches.map((m) => `'${m}'`).join(", ")}); write the full id`);
    }
    throw new MissingRevisionError(revision.id, dependency, "dependsOn", revision.path);
  }
  #require(id) {
    const at = this.#index.get(id);
    if (at === void 0)
      throw this.#unknown(id);
    return this.#list[at];
  }
  #unknown(id) {
    return new ResolutionError(id, `no revision matches '${id}'; run 'retort history' to list the revisions`, "unknown-revision");
  }
  #unknownLabel(label) {
    const known = [...this.#labels.keys()];
    return new ResolutionError(label, `no branch label '${label}'${known.length ? ` (known: ${known.map((k) => `'${k}'`).join(", ")})` : " (the graph has no branch labels)"}; add it with 'retort revision --branch-label'`, "unknown-branch-label");
  }
  #outNeighbors(id, kind) {
    const at = this.#index.get(id);
    if (at === void 0)
      throw this.#unknown(id);
    return (kind === "down" ? this.#children[at] : this.#dependents[at]) ?? EMPTY;
  }
  /**
   * The revisions reached from `ids` (and `ids` themselves when `includeSelf`): `up` through
   * parents then dependencies, `down` through children then dependents, `children` through
   * children alone. Depth-first from a stack, neighbours in that order; a revision is added
   * the first time it is reached, so the set's order is the order of discovery. Indexes and a
   * byte per revision: no lookup by id inside the loop but for dependency edges.
   */
  #walk(ids, includeSelf, way) {
    const list = this.#list;
    const index = this.#index;
    const seen = new Uint8Array(list.length);
    const found = /* @__PURE__ */ new Set();
    const stack = [];
    for (const id of ids) {
      const at = index.get(id);
      if (at === void 0)
        throw this.#unknown(id);
      if (!includeSelf)
        stack.push(at);
      else if (seen[at] === 0) {
        seen[at] = 1;
        found.add(id);
        stack.push(at);
      }
    }
    const reach = (at) => {
      if (seen[at] === 0) {
        seen[at] = 1;
        found.add(list[at].id);
        stack.push(at);
      }
    };
    const { start, indexes } = way === "up" ? { start: this.#parentStart, indexes: this.#parentIndexes } : this.#childEdges ??= this.#indexChildren();
    const byId = way === "up" ? this.#dependencies : way === "down" ? this.#dependents : void 0;
    while (stack.length > 0) {
      const node = stack.pop();
      for (let k = start[node], end = start[node + 1]; k < end; k++)
        reach(indexes[k]);
      const more = byId?.[node];
      if (more !== void 0)
        for (let k = 0; k < more.length; k++)
          reach(index.get(more[k]));
    }
    return found;
  }
  /** Each revision's children's indexes, in input order (as in #children), from the parents'. */
  #indexChildren() {
    const n = this.#list.length;
    const parentStart = this.#parentStart;
    const parentIndexes = this.#parentIndexes;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < parentIndexes.length; k++) {
      const at = parentIndexes[k] + 1;
      start[at] = start[at] + 1;
    }
    for (let i = 0; i < n; i++)
      start[i + 1] = start[i + 1] + start[i];
    const next = start.slice(0, n);
    const indexes = new Int32Array(parentIndexes.length);
    for (let child = 0; child < n; child++) {
      for (let k = parentStart[child], end = parentStart[child + 1]; k < end; k++) {
        const parent = parentIndexes[k];
        indexes[next[parent]] = child;
        next[parent] = next[parent] + 1;
      }
    }
    return { start, indexes };
  }
  /**
   * Depth-first post-order from the heads (then from anything left, which only a cycle can
   * leave unreached), parents in declared order then dependencies: parents come first and
   * each line of work stays together. A node met again while still open closes a cycle.
   * Fills #position. The stack is kept in typed arrays: no object per visit.
   */
  #topologicalOrder() {
    const parentStart = this.#parentStart;
    const parentIndexes = this.#parentIndexes;
    const list = this.#list;
    const index = this.#index;
    const dependencies = this.#dependencies;
    const position = this.#position;
    const n = list.length;
    const order = [];
    const state = new Uint8Array(n);
    const stackNode = new Int32Array(n);
    const stackNext = new Int32Array(n);
    const visit = (root) => {
      if (state[root] !== 0)
        return;
      let top = 0;
      stackNode[0] = root;
      stackNext[0] = 0;
      state[root] = 1;
      while (top >= 0) {
        const node = stackNode[top];
        const next = stackNext[top];
        const first = parentStart[node];
        const parentCount = parentStart[node + 1] - first;
        const deps = dependencies[node];
        const count = deps === void 0 ? parentCount : parentCount + deps.length;
        if (next < count) {
          stackNext[top] = next + 1;
          const at = next < parentCount ? parentIndexes[first + next] : index.get(deps[next - parentCount]);
          const seen = state[at];
          if (seen === 1) {
            let from = top;
            while (stackNode[from] !== at)
              from--;
            const cycle = [];
            for (let k = from; k <= top; k++)
              cycle.push(list[stackNode[k]].id);
            throw new CycleDetectedError(cycle, cycle.map((id) => this.get(id)?.path));
          }
          if (seen === 0) {
            state[at] = 1;
            top++;
            stackNode[top] = at;
            stackNext[top] = 0;
          }
        } else {
          top--;
          state[node] = 2;
          position[node] = order.length;
          order.push(list[node].id);
        }
      }
    };
    for (const head of this.#heads)
      visit(index.get(head));
    for (let i = 0; i < n; i++)
      visit(i);
    return order;
  }
  #members() {
    if (this.#labelMembers)
      return this.#labelMembers;
    const result = /* @__PURE__ */ new Map();
    for (const [label, id] of this.#labels) {
      const members = this.descendants([id], { downOnly: true });
      let current = this.get(id);
      while (current.downRevisions.length === 1) {
        const parent = current.downRevisions[0];
        if (this.isBranchPoint(parent) || this.isMergePoint(parent))
          break;
        members.add(parent);
        current = this.get(parent);
      }
      result.set(label, members);
    }
    this.#labelMembers = result;
    return result;
  }
  #targetIds(target) {
    switch (target.kind) {
      case "heads":
        return this.#heads;
      case "revisions":
        return target.ids;
      case "base":
        return target.branch === void 0 ? this.#bases : this.#branchRoots(target.branch);
    }
  }
  /** Members of a branch whose parents are not members: where the branch starts. */
  #branchRoots(label) {
    const members = this.branchMembers(label);
    return [...members].filter((id) => this.parents(id).every((p) => !members.has(p)));
  }
  #head(text, branch) {
    if (branch === void 0) {
      if (this.#heads.length === 1)
        return this.#heads[0];
      if (this.#heads.length === 0) {
        throw new ResolutionError(text, `'${text}' has no revision: the graph is empty; create one with 'retort revision -m MESSAGE'`, "no-revisions");
      }
      throw new MultipleHeadsError(text, this.#heads);
    }
    let heads;
    let scope;
    if (this.#labels.has(branch)) {
      const members = this.branchMembers(branch);
      heads = this.#heads.filter((h) => members.has(h));
      scope = `branch '${branch}'`;
    } else {
      const id = this.#branchRevision(branch);
      const above = this.descendants([id], { downOnly: true });
      heads = this.#heads.filter((h) => above.has(h));
      scope = `the branch of '${id}'`;
    }
    if (heads.length !== 1)
      throw new MultipleHeadsError(text, heads, scope);
    return heads[0];
  }
  #current(text, options) {
    if (options.current === void 0) {
      throw new ResolutionError(text, `'${text}' needs the database's current revision; run it against a database (not offline), or name a revision`, "needs-database");
    }
    for (const id of options.current)
      this.#require(id);
    return options.current;
  }
  /**
   * A relative point: from a named point either way, or up from the database's rows (down
   * from them is `#downFromRows`).
   */
  #relative(identifier, options) {
    const { branch, point, steps, text } = identifier;
    const members = branch === void 0 ? void 0 : this.#branchScope(branch);
    let start;
    if (point === "" || point === "current") {
      let current = this.#current(text, options);
      if (members) {
        const onLine = (id) => members.has(id) || this.#onBranchLine(id, members);
        const rows = current;
        current = rows.filter(onLine);
        if (current.length === 0 && steps > 0 && rows.length > 0) {
          const below = [...this.ancestors(rows)].filter(onLine);
          current = below.filter((id) => !this.children(id).some((c) => below.includes(c)));
        }
      }
      if (current.length > 1) {
        throw new ResolutionError(text, `'${text}' is relative to the database's current revision, but it is at ${current.map((c) => `'${c}'`).join(", ")}; name the branch ('LABEL@${steps > 0 ? "+" : ""}${steps}') or a revision`, "multiple-heads");
      }
      start = current[0] ?? null;
    } else if (point === "head") {
      start = this.#head(text, branch);
    } else if (point === "base") {
      start = null;
    } else {
      start = this.resolveId(point);
    }
    return this.#step(text, start, steps, members);
  }
  /**
   * `-N`, `REV@-N` and `LABEL@-N`: N revisions down the line of one row of the database (any
   * row for `-N`, the row at or above REV, the row on LABEL's branch), keeping the revisions
   * passed over so that a downgrade takes those and nothing beside them (SEMANTICS.md,
   * "Upgrades and downgrades"). The last revision passed over may be a merge: un-applying it
   * restores all its parents, so the move ends on them (`-1` from a merge row is the merge
   * alone); a merge met before the last step is ambiguous unless the branch picks a parent.
   */
  #downFromRows(identifier, options) {
    const { branch, steps, text } = identifier;
    const rows = this.#current(text, options);
    let scope;
    let onLine = rows;
    let whichRow = "the database's row";
    if (branch !== void 0) {
      if (this.#labels.has(branch)) {
        const members = this.branchMembers(branch);
        scope = members;
        onLine = rows.filter((row) => members.has(row));
        whichRow = `the database's row on branch '${branch}'`;
      } else {
        const id = this.#branchRevision(branch);
        const above = this.descendants([id], { downOnly: true });
        scope = /* @__PURE__ */ new Set([...this.ancestors([id]), ...above]);
        onLine = rows.filter((row) => above.has(row));
        whichRow = `the database's row at or above '${id}'`;
      }
    }
    if (onLine.length > 1) {
      throw new ResolutionError(text, `'${text}' moves down from ${whichRow}, but there are several: ${quoteList(onLine)}; say which line to move down: ${onLine.map((row) => `'${row}@${steps}'`).join(" or ")} (or 'LABEL@${steps}')`, "multiple-heads");
    }
    if (onLine.length === 0 && rows.length > 0) {
      throw new ResolutionError(text, `'${text}' moves down from ${whichRow}, but there is none (the database is at ${quoteList(rows)}); name a row to move down from, e.g. '${rows[0]}@${steps}'`, "not-applied");
    }
    const start = onLine[0] ?? null;
    const count = -steps;
    const passed = [];
    let point = start;
    let end = [];
    for (let taken = 0; taken < count; taken++) {
      if (point === null)
        throw belowBase(text, taken, start);
      passed.push(point);
      let candidates = this.parents(point);
      if (scope !== void 0 && candidates.length > 1) {
        const picked = candidates.filter((c) => scope.has(c));
        if (picked.length > 0)
          candidates = picked;
      }
      if (taken === count - 1) {
        end = candidates;
      } else if (candidates.length > 1) {
        throw new RelativeRangeError(text, `'${text}' is ambiguous at '${point}', which is a merge point (${quoteList(candidates)}); name the branch ('LABEL@...') or a revision`);
      } else {
        point = candidates[0] ?? null;
      }
    }
    return relativeDownTarget(end, passed);
  }
  /** For `label@...`: the revisions a label covers (or a revision's line when it names one). */
  #branchScope(branch) {
    if (this.#labels.has(branch))
      return this.branchMembers(branch);
    const id = this.#branchRevision(branch);
    return /* @__PURE__ */ new Set([...this.ancestors([id]), ...this.descendants([id], { downOnly: true })]);
  }
  /** The revision named left of '@' when it is not a label; naming neither is about the label. */
  #branchRevision(branch) {
    try {
      return this.resolveId(branch);
    } catch (error) {
      if (!(error instanceof ResolutionError) || error.code !== "unknown-revision")
        throw error;
      const known = [...this.#labels.keys()];
      throw new ResolutionError(branch, `no branch label or revision matches '${branch}'${known.length ? ` (labels: ${known.map((k) => `'${k}'`).join(", ")})` : " (the graph has no branch labels)"}; run 'retort branches' to list the branches`, "unknown-branch-label");
    }
  }
  /**
   * Whether a current row sits below the branch: its line leads into the branch's first
   * revision. A row that reaches the branch only through a merge into it (another branch's
   * row below a merge the label covers) is not on the branch's line.
   */
  #onBranchLine(id, members) {
    for (const child of this.descendants([id], { downOnly: true })) {
      if (!members.has(child))
        continue;
      if (!this.parents(child).some((parent) => members.has(parent)))
        return true;
    }
    return false;
  }
  #step(text, start, steps, members) {
    let point = start;
    const count = Math.abs(steps);
    for (let taken = 0; taken < count; taken++) {
      let candidates;
      if (steps > 0) {
        candidates = point === null ? this.#bases : this.children(point);
      } else {
        if (point === null)
          throw belowBase(text, taken, start);
        candidates = this.parents(point);
        if (candidates.length === 0) {
          point = null;
          continue;
        }
      }
      if (members && candidates.length > 1) {
        const onBranch = candidates.filter((c) => members.has(c));
        if (onBranch.length > 0)
          candidates = onBranch;
      }
      if (candidates.length === 0) {
        throw new RelativeRangeError(text, `'${text}' goes past the head: only ${taken} step${taken === 1 ? "" : "s"} up from ${start === null ? "base" : `'${start}'`} ${taken === 1 ? "is" : "are"} possible${point === null ? "" : ` (head '${point}')`}`);
      }
      if (candidates.length > 1) {
        const where2 = point === null ? "base, which has several roots" : `'${point}', which is a ${steps > 0 ? "branch point" : "merge point"}`;
        throw new RelativeRangeError(text, `'${text}' is ambiguous at ${where2} (${candidates.map((c) => `'${c}'`).join(", ")}); name the branch ('LABEL@...') or a revision`);
      }
      point = candidates[0];
    }
    return point;
  }
};
var EMPTY = Object.freeze([]);
function quoteList(ids) {
  return ids.map((id) => `'${id}'`).join(", ");
}
function belowBase(text, taken, start) {
  const steps = `${taken} step${taken === 1 ? "" : "s"} down`;
  const from = start === null ? "" : ` from '${start}'`;
  return new RelativeRangeError(text, `'${text}' goes below base: only ${steps}${from} ${taken === 1 ? "is" : "are"} possible`);
}
function where(revision) {
  return revision.path === void 0 ? "" : ` in '${revision.path}'`;
}

// ../core/dist/graph/squashes.js
var ORIGINALS = /* @__PURE__ */ new WeakMap();
function stated(revision) {
  return ORIGINALS.get(revision) ?? revision;
}
var Squashes = class _Squashes {
  /** The squash revisions by id, with their `replaces` list. */
  squashes;
  #places;
  /** The replaced revisions whose files are present, by id. */
  #originals;
  constructor(squashes, places, originals) {
    this.squashes = squashes;
    this.#places = places;
    this.#originals = originals;
  }
  /** None: a graph without squash revisions. */
  static NONE = new _Squashes(/* @__PURE__ */ new Map(), /* @__PURE__ */ new Map(), /* @__PURE__ */ new Map());
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
  static split(all) {
    const squashing = all.filter((revision) => revision.replaces.length > 0);
    if (squashing.length === 0)
      return { revisions: [...all], squashes: _Squashes.NONE };
    const squashes = /* @__PURE__ */ new Map();
    const places = /* @__PURE__ */ new Map();
    for (const squash of squashing) {
      squashes.set(squash.id, squash.replaces);
      squash.replaces.forEach((id, index) => {
        const other = places.get(id);
        if (other !== void 0 || id === squash.id) {
          throw new RevisionError("squash-overlap", id === squash.id ? `squash revision '${squash.id}' lists itself in replaces; remove it` : `revision '${id}' is replaced by two squash revisions ('${other.squash}' and '${squash.id}'); a revision belongs to one squash`);
        }
        places.set(id, { squash: squash.id, index, last: index === squash.replaces.length - 1 });
      });
    }
    const exits = /* @__PURE__ */ new Map();
    for (const [squash, ids] of squashes)
      exits.set(ids[ids.length - 1], squash);
    const alias = (ids) => {
      if (!ids.some((id) => exits.has(id)))
        return ids;
      return Object.freeze([...new Set(ids.map((id) => exits.get(id) ?? id))]);
    };
    const originals = /* @__PURE__ */ new Map();
    const revisions = [];
    for (const revision of all) {
      if (places.has(revision.id)) {
        originals.set(revision.id, revision);
        continue;
      }
      const downRevisions = alias(revision.downRevisions);
      const dependsOn = alias(revision.dependsOn);
      if (downRevisions === revision.downRevisions && dependsOn === revision.dependsOn) {
        revisions.push(revision);
      } else {
        const aliased = Object.freeze({ ...revision, downRevisions, dependsOn });
        ORIGINALS.set(aliased, revision);
        revisions.push(aliased);
      }
    }
    return { revisions, squashes: new _Squashes(squashes, places, originals) };
  }
  /** Whether there is no squash revision. */
  get isEmpty() {
    return this.squashes.size === 0;
  }
  /** Every replaced id, of every squash. */
  get replaced() {
    return new Set(this.#places.keys());
  }
  /** Where a replaced revision sits; `undefined` when `id` is not replaced. */
  placeOf(id) {
    return this.#places.get(id);
  }
  /** Whether the file of a replaced revision is still there. */
  hasFile(id) {
    return this.#originals.has(id);
  }
  /**
   * Version rows as the graph sees them: a row at a range's last revision is at its squash.
   *
   * @example
   * ```ts
   * squashes.normalizeRows(['a100']) // ['f00d00000001']
   * ```
   */
  normalizeRows(rows) {
    const out = [];
    for (const row of rows) {
      const place = this.#places.get(row);
      const id = place?.last ? place.squash : row;
      if (!out.includes(id))
        out.push(id);
    }
    return out;
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
  remaining(id) {
    const place = this.#places.get(id);
    if (place === void 0)
      return { squash: "", ids: [], missing: [] };
    const ids = this.squashes.get(place.squash).slice(place.index + 1);
    return { squash: place.squash, ids, missing: ids.filter((r) => !this.#originals.has(r)) };
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
  legacyMap(row, map, database) {
    const { squash, missing } = this.remaining(row);
    if (missing.length > 0)
      throw new InsideSquashError(row, squash, missing, database);
    const entryParents = map.get(squash)?.downRevisions ?? [];
    const base = [...map.ancestors(entryParents)].map((id) => map.get(id));
    const place = this.#places.get(row);
    const ids = this.squashes.get(squash);
    const originals = ids.slice(0, ids.length).flatMap((id, index) => {
      const revision = this.#originals.get(id);
      if (revision !== void 0)
        return [revision];
      if (index <= place.index) {
        return [
          Object.freeze({
            kind: "revision",
            id,
            downRevisions: index === 0 ? entryParents : [ids[index - 1]],
            dependsOn: [],
            branchLabels: [],
            message: "",
            path: void 0,
            transaction: true,
            replaces: []
          })
        ];
      }
      return [];
    });
    return new RevisionMap([...base, ...originals]);
  }
};
var InsideSquashError = class extends RetortError {
  row;
  squash;
  missing;
  constructor(row, squash, missing, database) {
    const where2 = database === void 0 ? "the database" : `the database '${database}'`;
    const n = missing.length;
    super("inside-squash", n === 0 ? `${where2} is at '${row}', inside the squash revision '${squash}'; run 'retort upgrade' first to finish the replaced revisions` : `${where2} is at '${row}', inside the squash revision '${squash}'; finishing it needs the replaced revision file${n === 1 ? "" : "s"} ${missing.slice(0, 5).map((id) => `'${id}'`).join(", ")}${n > 5 ? ` and ${n - 5} more` : ""}, which ${n === 1 ? "is" : "are"} missing; restore ${n === 1 ? "it" : "them"} from version control, upgrade, then delete ${n === 1 ? "it" : "them"} again`);
    this.row = row;
    this.squash = squash;
    this.missing = missing;
  }
};

// ../core/dist/script/module-text.js
var YAML_TEXTS = /* @__PURE__ */ new WeakMap();
function revisionModuleText(module) {
  if (typeof module !== "object" || module === null)
    return void 0;
  const yaml = YAML_TEXTS.get(module);
  if (yaml !== void 0)
    return yaml;
  const exports = module;
  const lines = [];
  for (const key of [
    "revision",
    "downRevision",
    "dependsOn",
    "branchLabels",
    "message",
    "transaction"
  ]) {
    if (exports[key] !== void 0)
      lines.push(`${key}: ${JSON.stringify(exports[key])}`);
  }
  for (const key of ["upgrade", "downgrade"]) {
    const value = exports[key];
    if (typeof value === "function")
      lines.push(`${key}: ${Function.prototype.toString.call(value)}`);
  }
  return lines.join("\n");
}

// ../core/dist/schema/revision-checksum.js
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
function normalizeRevisionText(text) {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/[ \t]+$/, "")).join("\n").replace(/\n+$/, "");
}
function revisionChecksum(content) {
  const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
  return `sha256:${createHash("sha256").update(normalizeRevisionText(text), "utf8").digest("hex")}`;
}
function revisionFileChecksum(path) {
  return revisionChecksum(readFileSync(path));
}
function sourceChecksum(source, revision) {
  if (typeof source.checksum === "function")
    return source.checksum(revision);
  if (revision.path === void 0)
    return void 0;
  try {
    return revisionFileChecksum(revision.path);
  } catch {
    return void 0;
  }
}

// ../core/dist/script/script-directory.js
import { closeSync, constants, openSync, readdirSync, readFileSync as readFileSync2, readSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// ../core/dist/script/check-header-value.js
var HEADER_KEYS = [
  "revision",
  "downRevision",
  "dependsOn",
  "branchLabels",
  "message",
  "transaction",
  "replaces"
];
var REVISION_KEYS = [...HEADER_KEYS, "upgrade", "downgrade"];
var HEADER_EXPECTED = {
  revision: "a string (the revision id)",
  downRevision: "a string, null or a list of strings",
  dependsOn: "a string, null or a list of strings",
  branchLabels: "a string, null or a list of strings",
  message: "a string or null",
  transaction: "true or false",
  replaces: "a list of strings (the revision ids a squash replaces)"
};
var SCRIPT_EXAMPLES = {
  revision: "export const revision = '3f1c2a9b7d10'",
  downRevision: "export const downRevision = '9a0b1c2d3e4f' (or null, or ['a1', 'b2'] for a merge)",
  dependsOn: "export const dependsOn = ['9a0b1c2d3e4f']",
  branchLabels: "export const branchLabels = ['accounts']",
  message: "export const message = 'create account'",
  transaction: "export const transaction = false",
  replaces: "export const replaces = ['1f0c2a9b7d10', '2a7e4c1d9f32']"
};
var YAML_EXAMPLES = {
  revision: "revision: '3f1c2a9b7d10'",
  downRevision: "downRevision: '9a0b1c2d3e4f' (or null, or ['a1', 'b2'] for a merge)",
  dependsOn: "dependsOn: ['9a0b1c2d3e4f']",
  branchLabels: "branchLabels: [accounts]",
  message: "message: create account",
  transaction: "transaction: false",
  replaces: "replaces: ['1f0c2a9b7d10', '2a7e4c1d9f32']"
};
function isHeaderKey(name) {
  return HEADER_KEYS.includes(name);
}
function headerExample(key, syntax) {
  return (syntax === "yaml" ? YAML_EXAMPLES : SCRIPT_EXAMPLES)[key];
}
function checkHeaderValue(key, value, syntax) {
  if (isValid(key, value)) {
    if (key === "revision" && !REVISION_ID_PATTERN.test(value)) {
      return `revision id '${value}' is not valid; use letters, digits and '_' only`;
    }
    if (key === "downRevision" || key === "dependsOn" || key === "branchLabels" || key === "replaces")
      return checkIds(key, value);
    return void 0;
  }
  return `header '${key}' must be ${HEADER_EXPECTED[key]}, not ${describeValue(value)}; write it like ${headerExample(key, syntax)}`;
}
function checkIds(key, value) {
  const none = key === "downRevision" ? "write null for a root revision" : "write [] or leave the header out";
  if (value === "")
    return `header '${key}' is an empty string; ${none}`;
  if (!Array.isArray(value))
    return void 0;
  const items = value;
  if (items.includes(""))
    return `header '${key}' lists an empty string; remove it`;
  const repeated = repeatedItem(items);
  if (repeated !== void 0)
    return `header '${key}' lists '${repeated}' twice; list each ${key === "branchLabels" ? "label" : "revision"} once`;
  return void 0;
}
function repeatedItem(items) {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    for (let j = 0; j < i; j++)
      if (items[j] === item)
        return item;
  }
  return void 0;
}
function isValid(key, value) {
  switch (key) {
    case "revision":
      return typeof value === "string";
    case "message":
      return value === void 0 || value === null || typeof value === "string";
    case "transaction":
      return value === void 0 || typeof value === "boolean";
    default:
      return value === void 0 || value === null || typeof value === "string" || Array.isArray(value) && value.every((item) => typeof item === "string");
  }
}
function describeValue(value) {
  if (value === null)
    return "null";
  if (value === void 0)
    return "undefined";
  if (Array.isArray(value)) {
    const odd = value.findIndex((item) => typeof item !== "string");
    return odd === -1 ? "a list of strings" : `a list containing ${describeValue(value[odd])}`;
  }
  switch (typeof value) {
    case "string":
      return `a string ('${value.length > 40 ? `${value.slice(0, 40)}...` : value}')`;
    case "number":
      return `a number (${value})`;
    case "boolean":
      return String(value);
    case "function":
      return "a function";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

// ../core/dist/script/check-body.js
function checkBody(exports, revision, where2) {
  checkHeaderMatches(exports, revision, where2);
  checkExportNames(exports, where2);
  const { upgrade, downgrade } = exports;
  if (typeof upgrade !== "function") {
    throw new RevisionFileError(where2, void 0, `revision '${revision.id}' exports no upgrade function; add export async function upgrade(op) { ... }`);
  }
  if (downgrade !== void 0 && downgrade !== null && typeof downgrade !== "function") {
    throw new RevisionFileError(where2, void 0, `revision '${revision.id}' exports a downgrade that is not a function; export async function downgrade(op) { ... } or remove it`);
  }
  return Object.freeze({
    upgrade,
    downgrade: downgrade ?? void 0
  });
}
function checkHeaderMatches(header, graphRevision, where2) {
  const revision = stated(graphRevision);
  const declared = header["revision"];
  if (declared !== revision.id) {
    throw headerMismatchError(where2, "revision", declared, `'${revision.id}'`);
  }
  const ids = [
    ["downRevision", revision.downRevisions],
    ["dependsOn", revision.dependsOn],
    ["branchLabels", revision.branchLabels]
  ];
  for (const [key, expected] of ids) {
    const value = header[key];
    const same = key === "downRevision" && value === void 0 ? false : sameIds(value, expected);
    if (!same)
      throw headerMismatchError(where2, key, value, describeIds(expected, key));
  }
  const transaction = header["transaction"];
  if ((transaction ?? true) !== revision.transaction) {
    throw headerMismatchError(where2, "transaction", transaction, String(revision.transaction));
  }
}
function headerMismatchError(where2, key, found, expected) {
  const got = found === void 0 ? `no '${key}'` : `${key} ${describeExport(found)}`;
  return new RevisionFileError(where2, void 0, `exports ${got}, but its header was read as ${expected}; the file changed after the revisions were read, or the header is reassigned after its literal: run the command again, and keep header values plain literals`);
}
function checkExportNames(exports, where2) {
  for (const name of Object.keys(exports)) {
    if (REVISION_KEYS.includes(name))
      continue;
    const nearest = nearestName(name, REVISION_KEYS);
    if (nearest === void 0)
      continue;
    throw new RevisionFileError(where2, void 0, `exports '${name}', which is not a revision key; did you mean '${nearest}'? Rename it${isHeaderKey(nearest) ? "" : ` (export async function ${nearest}(op) { ... })`}`);
  }
}
function sameIds(value, expected) {
  if (value === null || value === void 0 || value === "")
    return expected.length === 0;
  if (typeof value === "string")
    return expected.length === 1 && expected[0] === value;
  if (!Array.isArray(value) || value.length !== expected.length)
    return false;
  return value.every((item, index) => item === expected[index]);
}
function describeIds(ids, key) {
  if (ids.length === 0)
    return key === "downRevision" ? "null" : "[]";
  if (ids.length === 1 && key === "downRevision")
    return `'${ids[0]}'`;
  return `[${ids.map((id) => `'${id}'`).join(", ")}]`;
}
function describeExport(value) {
  if (typeof value === "string")
    return `'${value}'`;
  if (Array.isArray(value) && value.every((item) => typeof item === "string"))
    return `[${value.map((item) => `'${item}'`).join(", ")}]`;
  if (value === null || typeof value === "boolean")
    return String(value);
  return describeValue(value);
}
function moduleExports(module) {
  const exports = typeof module === "object" && module !== null ? module : {};
  if (exports["revision"] === void 0 && typeof exports["upgrade"] !== "function") {
    const inner = exports["default"];
    if (typeof inner === "object" && inner !== null && "revision" in inner) {
      return inner;
    }
  }
  return exports;
}

// ../core/dist/script/read-script-header.js
function readScriptHeader(text, path, commonJs) {
  const generated = readGeneratedHeader(text);
  if (generated !== void 0)
    return generated;
  const simple = readUsualHeader(text);
  if (simple !== void 0)
    return simple;
  const scanner = new HeaderScanner(text, path, commonJs);
  scanner.scan();
  return scanner.header();
}
function readGeneratedHeader(text) {
  GENERATED_HEADER.lastIndex = 0;
  const match = GENERATED_HEADER.exec(text);
  if (match === null)
    return void 0;
  ESM_AFTER_HEADER.lastIndex = GENERATED_HEADER.lastIndex;
  if (ESM_AFTER_HEADER.test(text))
    return void 0;
  const downRevision = generatedIds(match, 2);
  const dependsOn = generatedIds(match, 8);
  const branchLabels = generatedIds(match, 5);
  if (!plainIds(downRevision) || !plainIds(dependsOn) || !plainIds(branchLabels))
    return void 0;
  const message = match[12];
  return {
    revision: match[1],
    downRevision,
    dependsOn,
    branchLabels,
    message: message === void 0 ? match[11] === void 0 ? void 0 : null : detached(message),
    transaction: void 0,
    replaces: void 0
  };
}
function plainIds(value) {
  if (typeof value === "string")
    return value !== "";
  if (value === null || value === void 0)
    return true;
  return !value.includes("") && repeatedItem(value) === void 0;
}
function generatedIds(match, group) {
  if (match[group] !== void 0)
    return null;
  const single = match[group + 1];
  if (single !== void 0)
    return single;
  const list = match[group + 2];
  if (list === void 0)
    return void 0;
  const items = [];
  SIMPLE_ITEM.lastIndex = 0;
  for (let item = SIMPLE_ITEM.exec(list); item !== null; item = SIMPLE_ITEM.exec(list))
    items.push(item[1] ?? item[2]);
  return items;
}
function readUsualHeader(text) {
  const n = text.length;
  PREAMBLE.lastIndex = 0;
  PREAMBLE.test(text);
  let i = PREAMBLE.lastIndex;
  let revision;
  let downRevision;
  let dependsOn;
  let branchLabels;
  let message;
  let transaction;
  let replaces;
  let seen = 0;
  for (; ; ) {
    SIMPLE_HEADER.lastIndex = i;
    const match = SIMPLE_HEADER.exec(text);
    if (match === null)
      break;
    const end = SIMPLE_HEADER.lastIndex;
    if (match[6] === void 0 && end < n && !isExportWord(text, end))
      return void 0;
    const value = simpleValue(match);
    switch (match[1]) {
      case "revision":
        if (seen & 1 || typeof value !== "string" || !REVISION_ID_PATTERN.test(value))
          return void 0;
        seen |= 1;
        revision = value;
        break;
      case "downRevision":
        if (seen & 2 || typeof value === "boolean" || !plainIds(value))
          return void 0;
        seen |= 2;
        downRevision = value;
        break;
      case "dependsOn":
        if (seen & 4 || typeof value === "boolean" || !plainIds(value))
          return void 0;
        seen |= 4;
        dependsOn = value;
        break;
      case "branchLabels":
        if (seen & 8 || typeof value === "boolean" || !plainIds(value))
          return void 0;
        seen |= 8;
        branchLabels = value;
        break;
      case "message":
        if (seen & 16 || value !== null && typeof value !== "string")
          return void 0;
        seen |= 16;
        message = typeof value === "string" ? detached(value) : value;
        break;
      case "replaces":
        if (seen & 64 || typeof value === "boolean" || !plainIds(value))
          return void 0;
        seen |= 64;
        replaces = value;
        break;
      default:
        if (seen & 32 || typeof value !== "boolean")
          return void 0;
        seen |= 32;
        transaction = value;
    }
    i = end;
  }
  if (revision === void 0 || downRevision === void 0)
    return void 0;
  if (i < n) {
    FUNCTION_EXPORT.lastIndex = i;
    if (!FUNCTION_EXPORT.test(text))
      return void 0;
    ESM_AFTER_HEADER.lastIndex = i;
    if (ESM_AFTER_HEADER.test(text))
      return void 0;
  }
  return { revision, downRevision, dependsOn, branchLabels, message, transaction, replaces };
}
function detached(text) {
  return text.length < 13 ? text : (" " + text).slice(1);
}
function simpleValue(match) {
  if (match[2] !== void 0)
    return match[2];
  if (match[3] !== void 0)
    return match[3];
  const literal = match[4];
  if (literal !== void 0)
    return literal === "null" ? null : literal === "true";
  const items = [];
  const list = match[5];
  if (list !== void 0) {
    SIMPLE_ITEM.lastIndex = 0;
    for (let item = SIMPLE_ITEM.exec(list); item !== null; item = SIMPLE_ITEM.exec(list))
      items.push(item[1] ?? item[2]);
  }
  return items;
}
function isExportWord(text, i) {
  return text.startsWith("export", i) && !isIdentPart(text.charCodeAt(i + 6));
}
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var BANG = 33;
var DQUOTE = 34;
var DOLLAR = 36;
var PERCENT = 37;
var AMP = 38;
var SQUOTE = 39;
var LPAREN = 40;
var RPAREN = 41;
var STAR = 42;
var PLUS = 43;
var COMMA = 44;
var MINUS = 45;
var DOT = 46;
var SLASH = 47;
var ZERO = 48;
var NINE = 57;
var COLON = 58;
var SEMI = 59;
var LT = 60;
var EQ = 61;
var GT = 62;
var QUESTION = 63;
var LBRACKET = 91;
var BACKSLASH = 92;
var RBRACKET = 93;
var CARET = 94;
var UNDERSCORE = 95;
var BACKTICK = 96;
var LBRACE = 123;
var PIPE = 124;
var RBRACE = 125;
function isWhitespace(c) {
  return c === SPACE || c === LF || c === CR || c === TAB || c === 11 || c === 12 || c > 127 && (c === 160 || c === 65279 || c === 8232 || c === 8233 || c === 5760 || c >= 8192 && c <= 8202 || c === 8239 || c === 8287 || c === 12288);
}
function isIdentStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === UNDERSCORE || c === DOLLAR || c === BACKSLASH || c > 127 && !isWhitespace(c);
}
function isIdentPart(c) {
  return isIdentStart(c) || c >= ZERO && c <= NINE;
}
var REGEX_KEYWORDS = /* @__PURE__ */ new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await"
]);
var KEY_BY_NAME = /* @__PURE__ */ new Map([
  ["revision", "revision"],
  ["downRevision", "downRevision"],
  ["dependsOn", "dependsOn"],
  ["branchLabels", "branchLabels"],
  ["message", "message"],
  ["transaction", "transaction"],
  ["replaces", "replaces"]
]);
var ESM_TOKENS = /[/'"`{}]|(?<![\w$.])export(?![\w$])/g;
var COMMONJS_TOKENS = /[/'"`{}]|(?<![\w$.])(?:exports?|module)(?![\w$])/g;
var SIMPLE_HEADER = /export[ \t]+const[ \t]+(revision|downRevision|dependsOn|branchLabels|message|transaction|replaces)[ \t]*=[ \t]*(?:'([^'\\\n\r]*)'|"([^"\\\n\r]*)"|(null|true|false)(?![\w$])|\[[ \t]*(?:((?:'[^'\\\n\r]*'|"[^"\\\n\r]*")(?:[ \t]*,[ \t]*(?:'[^'\\\n\r]*'|"[^"\\\n\r]*"))*)[ \t]*,?[ \t]*)?\])[ \t]*(;)?[ \t]*(?:\/\/[^\n]*)?(?:\r?\n|$)(?:[ \t\r\n]+|\/\/[^\n]*)*/y;
var SIMPLE_ITEM = /'([^']*)'|"([^"]*)"/g;
var PREAMBLE = /\uFEFF?(?:#![^\n]*)?(?:[ \t\r\n]+|\/\/[^\n]*|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|import[ \t]+(?:type[ \t]+)?(?:\{[^}'"`/]*\}|\*[ \t]*as[ \t]+[\w$]+|[\w$]+)[ \t]*from[ \t]*(?:'[^'\\\n\r]*'|"[^"\\\n\r]*")[ \t]*;?)*/y;
var GENERATED_STRING = String.raw`'([^'\\\n\r]*)'`;
var GENERATED_IDS = String.raw`(?:(null)|${GENERATED_STRING}|\[((?:'[^'\\\n\r]*'(?:, '[^'\\\n\r]*')*)?)\])`;
var GENERATED_GAP = String.raw`(?:[ \t]*\n|[ \t]*\/\/[^\n]*\n|[ \t]*\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/[ \t]*\n)*`;
var GENERATED_HEADER = new RegExp(PREAMBLE.source + String.raw`export const revision = '([A-Za-z0-9_]+)';?\n` + String.raw`export const downRevision = ${GENERATED_IDS};?\n` + String.raw`(?:export const branchLabels = ${GENERATED_IDS};?\n)?` + String.raw`(?:export const dependsOn = ${GENERATED_IDS};?\n)?` + String.raw`export const message = (?:(null)|${GENERATED_STRING});?\n` + GENERATED_GAP + String.raw`(?=export (?:async )?function[ (])`, "y");
var FUNCTION_EXPORT = /export[ \t]+(?:async[ \t]+)?function(?![\w$])/y;
var ESM_AFTER_HEADER = /(?<![\w$.])export(?![\w$])(?![ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\()/g;
var BODY_FUNCTION = /[ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\(/y;
var COMMONJS_AFTER_HEADER = /(?<![\w$.])(?:export(?![\w$])(?![ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\()|(?:exports|module)(?![\w$]))/g;
var REVISION_NAMES = REVISION_KEYS;
var HeaderScanner = class {
  #text;
  #path;
  #commonJs;
  #n;
  /** The header values found so far, by key. */
  #values = {};
  /** Where each declaration starts (for duplicate declarations). */
  #declaredAt = {};
  /** The value of the last literal parsed by #literal. */
  #value = void 0;
  /** The key whose value is being read (for messages). */
  #key = "revision";
  /** Set by #templateChunk: whether the chunk ended at `${` rather than at the closing backtick. */
  #templateOpen = false;
  /** Cached position of the next `${` (see #templateChunk), or -1 when there is none. */
  #nextInterpolation = -2;
  constructor(text, path, commonJs) {
    this.#text = text;
    this.#path = path;
    this.#commonJs = commonJs;
    this.#n = text.length;
  }
  scan() {
    const text = this.#text;
    PREAMBLE.lastIndex = 0;
    PREAMBLE.test(text);
    let i = PREAMBLE.lastIndex;
    for (; ; ) {
      const end = this.#simpleExport(i);
      if (end === -1)
        break;
      i = end;
    }
    const afterHeader = this.#commonJs ? COMMONJS_AFTER_HEADER : ESM_AFTER_HEADER;
    FUNCTION_EXPORT.lastIndex = i;
    if (FUNCTION_EXPORT.test(text)) {
      afterHeader.lastIndex = i;
      if (!afterHeader.test(text))
        return;
    }
    let depth = 0;
    const templates = [];
    const tokens = this.#commonJs ? COMMONJS_TOKENS : ESM_TOKENS;
    while (i < this.#n) {
      tokens.lastIndex = i;
      if (!tokens.test(text))
        return;
      const tokenEnd = tokens.lastIndex;
      const last = text.charCodeAt(tokenEnd - 1);
      const tokenLength = last === 116 ? 6 : last === 115 ? 7 : last === 101 ? 6 : 1;
      const at = tokenEnd - tokenLength;
      const c = text.charCodeAt(at);
      if (c === SLASH) {
        const d = text.charCodeAt(at + 1);
        if (d === SLASH)
          i = this.#lineEnd(at + 2);
        else if (d === STAR)
          i = this.#blockEnd(at + 2);
        else
          i = this.#slashStartsRegex(at) ? this.#regexEnd(at) : at + 1;
      } else if (c === SQUOTE || c === DQUOTE) {
        i = this.#stringEnd(at, c);
      } else if (c === BACKTICK) {
        i = this.#templateChunk(at + 1);
        if (this.#templateOpen)
          templates.push(depth++);
      } else if (c === LBRACE) {
        depth++;
        i = at + 1;
      } else if (c === RBRACE) {
        depth--;
        i = at + 1;
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          i = this.#templateChunk(i);
          if (this.#templateOpen)
            templates.push(depth++);
        }
      } else {
        const wordEnd = tokenEnd;
        i = wordEnd;
        if (depth !== 0)
          continue;
        let end = -1;
        if (c !== 101)
          end = this.#moduleExports(wordEnd);
        else if (tokenLength === 7)
          end = this.#commonJsExport(wordEnd);
        else {
          end = this.#simpleExport(at);
          if (end === -1)
            end = this.#export(wordEnd);
        }
        if (end !== -1)
          i = end;
        else {
          afterHeader.lastIndex = wordEnd;
          if (!afterHeader.test(text))
            return;
        }
      }
    }
  }
  /** Whether the `/` at `at` (not a comment) starts a regular expression literal. */
  #slashStartsRegex(at) {
    const text = this.#text;
    let k = at - 1;
    while (k >= 0 && isWhitespace(text.charCodeAt(k)))
      k--;
    if (k < 0)
      return true;
    const c = text.charCodeAt(k);
    if (c === RPAREN || c === RBRACKET || c === SQUOTE || c === DQUOTE || c === BACKTICK)
      return false;
    if (!isIdentPart(c))
      return true;
    let start = k;
    while (start > 0 && isIdentPart(text.charCodeAt(start - 1)))
      start--;
    return REGEX_KEYWORDS.has(text.slice(start, k + 1));
  }
  /** The header read (its values were checked as they were found). */
  header() {
    const values = this.#values;
    if (!("revision" in values)) {
      const form = this.#commonJs ? "`export const revision = '<id>'` (or `exports.revision = '<id>'`)" : "`export const revision = '<id>'`";
      throw new RevisionFileError(this.#path, void 0, `declares no \`export const revision\`; add ${form} with a literal id, or rename the file to start with '_' if it is not a revision`);
    }
    if (!("downRevision" in values)) {
      const form = this.#commonJs ? "`export const downRevision = ...` (or `exports.downRevision = ...`)" : "`export const downRevision = ...`";
      throw this.#error(this.#declaredAt.revision, `revision '${values.revision}' declares no ${form}; add it after the revision: null for a root revision, the parent's id, or a list of ids for a merge`);
    }
    return values;
  }
  // --- header statements ---------------------------------------------------------------
  /**
   * The common form, matched natively: `export const NAME = 'text'` (or `"text"`, `null`,
   * `true`, `false`) on one line, with no escape. Gives exactly what #export would; returns
   * -1 to leave anything else (or a line that the next one continues) to #export.
   */
  #simpleExport(at) {
    SIMPLE_HEADER.lastIndex = at;
    const match = SIMPLE_HEADER.exec(this.#text);
    if (match === null)
      return -1;
    const end = SIMPLE_HEADER.lastIndex;
    if (match[6] === void 0 && end < this.#n && !isExportWord(this.#text, end) && this.#continues(end))
      return -1;
    const key = match[1];
    const value = simpleValue(match);
    this.#record(key, value, at, at);
    return end;
  }
  /**
   * After `export`: `const NAME [: Type] = literal` is a header (returns its end). Any other
   * export returns -1 once checked: a header name (or a near miss of one) the reader would
   * not see as a literal is an error: `export let`/`var`, `export { p as downRevision }`,
   * `export * from`, a function or class of that name, a destructuring.
   */
  #export(from) {
    const text = this.#text;
    BODY_FUNCTION.lastIndex = from;
    if (BODY_FUNCTION.test(text))
      return -1;
    const k = this.#skipTrivia(from);
    const c = text.charCodeAt(k);
    if (c === LBRACE) {
      this.#exportClause(k);
      return -1;
    }
    if (c === STAR) {
      this.#exportStar(k);
      return -1;
    }
    const wordEnd = this.#identEnd(k);
    const word = text.slice(k, wordEnd);
    switch (word) {
      case "const":
      case "let":
      case "var": {
        const nameStart = this.#skipTrivia(wordEnd);
        const open = text.charCodeAt(nameStart);
        if (open === LBRACE || open === LBRACKET) {
          this.#exportPattern(nameStart);
          return -1;
        }
        const nameEnd = this.#identEnd(nameStart);
        const name = text.slice(nameStart, nameEnd);
        const key = KEY_BY_NAME.get(name);
        if (key === void 0) {
          this.#checkExportName(name, nameStart);
          return -1;
        }
        if (word !== "const") {
          throw this.#error(k, `header '${key}' is declared with 'export ${word}'; declare it with export const (the reader reads only const literals), like ${headerExample(key, "script")}`);
        }
        return this.#declaration(key, nameStart, nameEnd, true);
      }
      case "async":
      case "function":
      case "class":
      case "enum":
      case "abstract": {
        let at = this.#skipTrivia(wordEnd);
        if (this.#wordAt(at, "function"))
          at = this.#skipTrivia(at + 8);
        else if (this.#wordAt(at, "class"))
          at = this.#skipTrivia(at + 5);
        if (text.charCodeAt(at) === STAR)
          at = this.#skipTrivia(at + 1);
        const name = text.slice(at, this.#identEnd(at));
        const key = KEY_BY_NAME.get(name);
        if (key !== void 0) {
          throw this.#error(at, `header '${key}' is exported as a ${word === "async" ? "function" : word}; declare it as a literal, like ${headerExample(key, "script")}`);
        }
        this.#checkExportName(name, at);
        return -1;
      }
      default:
        return -1;
    }
  }
  /** `export { a, b as c } [from '...']`: no exported name may be a header or near one. */
  #exportClause(open) {
    const text = this.#text;
    let k = this.#skipTrivia(open + 1);
    while (k < this.#n && text.charCodeAt(k) !== RBRACE) {
      let typeOnly = false;
      if (this.#wordAt(k, "type")) {
        const after = this.#skipTrivia(k + 4);
        const d = text.charCodeAt(after);
        if (d !== COMMA && d !== RBRACE && !this.#wordAt(after, "as")) {
          typeOnly = true;
          k = after;
        }
      }
      const local = this.#exportedName(k);
      if (local === void 0)
        return;
      let name = local.name;
      let nameAt = k;
      k = this.#skipTrivia(local.end);
      if (this.#wordAt(k, "as")) {
        nameAt = this.#skipTrivia(k + 2);
        const exported = this.#exportedName(nameAt);
        if (exported === void 0)
          return;
        name = exported.name;
        k = this.#skipTrivia(exported.end);
      }
      if (!typeOnly) {
        const key = KEY_BY_NAME.get(name);
        if (key !== void 0) {
          throw this.#error(nameAt, `header '${key}' is re-exported by 'export { ... }', which the reader does not follow; declare it in this file, like ${headerExample(key, "script")}`);
        }
        this.#checkExportName(name, nameAt);
      }
      if (text.charCodeAt(k) !== COMMA)
        return;
      k = this.#skipTrivia(k + 1);
    }
  }
  /** An identifier or a string literal (`export { x as 'y' }`): its text and end. */
  #exportedName(at) {
    const c = this.#text.charCodeAt(at);
    if (c === SQUOTE || c === DQUOTE) {
      const end2 = this.#quoted(at, c);
      return { name: this.#value, end: end2 };
    }
    const end = this.#identEnd(at);
    return end === at ? void 0 : { name: this.#text.slice(at, end), end };
  }
  /** `export * from '...'` can bring in any header; `export * as NAME` exports NAME alone. */
  #exportStar(star) {
    const k = this.#skipTrivia(star + 1);
    if (this.#wordAt(k, "as")) {
      const at = this.#skipTrivia(k + 2);
      const exported = this.#exportedName(at);
      if (exported === void 0)
        return;
      const key = KEY_BY_NAME.get(exported.name);
      if (key !== void 0) {
        throw this.#error(at, `header '${key}' is exported as a module namespace; declare it as a literal, like ${headerExample(key, "script")}`);
      }
      this.#checkExportName(exported.name, at);
      return;
    }
    throw this.#error(star, `'export * from' can re-export header names (revision, downRevision, ...) that the reader does not see; export the names you need one by one: export { name } from '...'`);
  }
  /** `export const { a, b: c } = ...` (or `[a, b]`): no binding may be a header or near one. */
  #exportPattern(open) {
    const text = this.#text;
    let depth = 0;
    let k = open;
    while (k < this.#n) {
      const c = text.charCodeAt(k);
      if (c === LBRACE || c === LBRACKET) {
        depth++;
        k++;
      } else if (c === RBRACE || c === RBRACKET) {
        depth--;
        k++;
        if (depth === 0)
          return;
      } else if (isIdentStart(c)) {
        const end = this.#identEnd(k);
        const after = this.#skipTrivia(end);
        if (text.charCodeAt(after) !== COLON) {
          const name = text.slice(k, end);
          const key = KEY_BY_NAME.get(name);
          if (key !== void 0) {
            throw this.#error(k, `header '${key}' is declared by destructuring; declare it on its own, like ${headerExample(key, "script")}`);
          }
          this.#checkExportName(name, k);
        }
        k = end;
      } else if (c === SLASH || c === SQUOTE || c === DQUOTE || c === BACKTICK) {
        return;
      } else
        k++;
    }
  }
  /** An export whose name is close to a header key, `upgrade` or `downgrade` is misspelt. */
  #checkExportName(name, at) {
    if (name === "")
      return;
    const nearest = nearestName(name, REVISION_NAMES);
    if (nearest === void 0)
      return;
    const like = isHeaderKey(nearest) ? headerExample(nearest, "script") : `export async function ${nearest}(op) { ... }`;
    throw this.#error(at, `exports '${name}', which is not a revision key; did you mean '${nearest}'? Rename it, like ${like}`);
  }
  /** After `exports`: `.NAME = literal`. */
  #commonJsExport(from) {
    const k = this.#skipTrivia(from);
    if (this.#text.charCodeAt(k) !== DOT)
      return -1;
    const nameStart = this.#skipTrivia(k + 1);
    const nameEnd = this.#identEnd(nameStart);
    const name = this.#text.slice(nameStart, nameEnd);
    const key = KEY_BY_NAME.get(name);
    if (key === void 0) {
      this.#checkExportName(name, nameStart);
      return -1;
    }
    return this.#declaration(key, nameStart, nameEnd, false);
  }
  /** After `module`: `.exports.NAME = literal`. */
  #moduleExports(from) {
    const k = this.#skipTrivia(from);
    if (this.#text.charCodeAt(k) !== DOT)
      return -1;
    const word = this.#skipTrivia(k + 1);
    if (!this.#wordAt(word, "exports"))
      return -1;
    return this.#commonJsExport(word + 7);
  }
  /** From the name of a header const to the end of its statement; returns that end. */
  #declaration(key, nameStart, nameEnd, esm) {
    const text = this.#text;
    this.#key = key;
    let k = this.#skipTrivia(nameEnd);
    if (esm && text.charCodeAt(k) === COLON)
      k = this.#typeEnd(k + 1);
    const assigns = k !== -1 && text.charCodeAt(k) === EQ && text.charCodeAt(k + 1) !== EQ && text.charCodeAt(k + 1) !== GT;
    if (!assigns) {
      if (!esm)
        return -1;
      throw this.#notLiteral(key, nameStart);
    }
    const valueStart = this.#skipTrivia(k + 1);
    let end = this.#literal(valueStart);
    if (end === -1)
      throw this.#notLiteral(key, valueStart);
    const value = this.#value;
    let t = this.#skipTrivia(end);
    if (this.#wordAt(t, "as")) {
      const w = this.#skipTrivia(t + 2);
      if (!this.#wordAt(w, "const"))
        throw this.#notLiteral(key, valueStart);
      end = w + 5;
    }
    const { at, newline } = this.#statementEnd(end);
    t = at;
    const c = text.charCodeAt(t);
    if (t < this.#n && c !== SEMI && c !== RBRACE && (!newline || this.#continues(t))) {
      if (c === COMMA)
        throw this.#error(t, `header '${key}' must be the only const of its statement; declare each header in its own statement, like ${headerExample(key, "script")}`);
      throw this.#notLiteral(key, valueStart);
    }
    this.#record(key, value, nameStart, valueStart);
    return c === SEMI ? t + 1 : t;
  }
  #record(key, value, nameStart, valueStart) {
    const previous = this.#declaredAt[key];
    if (previous !== void 0)
      throw this.#error(nameStart, `header '${key}' is declared twice (first on line ${this.#lineOf(previous)}); keep one`);
    const problem = checkHeaderValue(key, value, "script");
    if (problem !== void 0)
      throw this.#error(valueStart, problem);
    this.#values[key] = value;
    this.#declaredAt[key] = nameStart;
  }
  /** Skips a type annotation; returns the position of its `=`, or -1 when there is none. */
  #typeEnd(from) {
    const text = this.#text;
    const n = this.#n;
    let nesting = 0;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === SLASH && text.charCodeAt(i + 1) === SLASH)
        i = this.#lineEnd(i + 2);
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR)
        i = this.#blockEnd(i + 2);
      else if (c === SQUOTE || c === DQUOTE)
        i = this.#stringEnd(i, c);
      else if (c === BACKTICK) {
        i = this.#templateChunk(i + 1);
        if (this.#templateOpen)
          return -1;
      } else if (c === EQ) {
        if (text.charCodeAt(i + 1) === GT)
          i += 2;
        else if (nesting === 0)
          return i;
        else
          i++;
      } else {
        if (c === LPAREN || c === LBRACKET || c === LBRACE || c === LT)
          nesting++;
        else if (c === RPAREN || c === RBRACKET || c === RBRACE || c === GT)
          nesting--;
        else if (c === SEMI && nesting <= 0)
          return -1;
        i++;
      }
    }
    return -1;
  }
  /** Skips spaces and comments after a value; tells whether a line break was crossed. */
  #statementEnd(from) {
    const text = this.#text;
    const n = this.#n;
    let newline = false;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === 8232 || c === 8233) {
        newline = true;
        i++;
      } else if (isWhitespace(c))
        i++;
      else if (c === SLASH && text.charCodeAt(i + 1) === SLASH)
        i = this.#lineEnd(i + 2);
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = this.#blockEnd(i + 2);
        if (!newline && text.slice(i, end).includes("\n"))
          newline = true;
        i = end;
      } else
        break;
    }
    return { at: i, newline };
  }
  /** Whether the token at `i`, first on a new line, continues the previous expression. */
  #continues(i) {
    const text = this.#text;
    const c = text.charCodeAt(i);
    switch (c) {
      case DOT:
      case STAR:
      case SLASH:
      case PERCENT:
      case QUESTION:
      case PIPE:
      case AMP:
      case CARET:
      case LT:
      case GT:
      case EQ:
      case COMMA:
      case LPAREN:
      case LBRACKET:
      case BACKTICK:
        return true;
      case PLUS:
      case MINUS:
        return text.charCodeAt(i + 1) !== c;
      case BANG:
        return text.charCodeAt(i + 1) === EQ;
      case 97:
      // a
      case 105:
      // i
      case 115:
        return this.#wordAt(i, "in") || this.#wordAt(i, "instanceof") || this.#wordAt(i, "as") || this.#wordAt(i, "satisfies");
      default:
        return false;
    }
  }
  // --- literals --------------------------------------------------------------------------
  /** Parses a literal at `i` into #value; returns its end, or -1 when it is not a literal. */
  #literal(i) {
    const text = this.#text;
    const c = text.charCodeAt(i);
    if (c === SQUOTE || c === DQUOTE)
      return this.#quoted(i, c);
    if (c === BACKTICK)
      return this.#template(i);
    if (c === LBRACKET)
      return this.#array(i);
    if (c >= ZERO && c <= NINE || c === DOT && isDigit(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < this.#n && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === DOT))
        j++;
      const number = Number(text.slice(i, j).replaceAll("_", ""));
      if (Number.isNaN(number))
        return -1;
      this.#value = number;
      return j;
    }
    if (this.#wordAt(i, "null")) {
      this.#value = null;
      return i + 4;
    }
    if (this.#wordAt(i, "true")) {
      this.#value = true;
      return i + 4;
    }
    if (this.#wordAt(i, "false")) {
      this.#value = false;
      return i + 5;
    }
    return -1;
  }
  #array(i) {
    const text = this.#text;
    const items = [];
    let k = i + 1;
    for (; ; ) {
      k = this.#skipTrivia(k);
      if (text.charCodeAt(k) === RBRACKET)
        break;
      const end = this.#literal(k);
      if (end === -1)
        return -1;
      items.push(this.#value);
      k = this.#skipTrivia(end);
      const c = text.charCodeAt(k);
      if (c === COMMA)
        k++;
      else if (c === RBRACKET)
        break;
      else
        return -1;
    }
    this.#value = items;
    return k + 1;
  }
  /** A quoted string, escapes decoded. */
  #quoted(i, quote) {
    const text = this.#text;
    const n = this.#n;
    const close = text.indexOf(quote === SQUOTE ? "'" : '"', i + 1);
    if (close !== -1) {
      const value2 = text.slice(i + 1, close);
      if (!value2.includes("\\") && !value2.includes("\n") && !value2.includes("\r")) {
        this.#value = value2;
        return close + 1;
      }
    }
    let j = i + 1;
    let start = j;
    let value = "";
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === quote) {
        this.#value = value + text.slice(start, j);
        return j + 1;
      }
      if (c === LF || c === CR)
        break;
      if (c === BACKSLASH) {
        value += text.slice(start, j);
        j = this.#escape(j, (decoded) => value += decoded);
        start = j;
      } else
        j++;
    }
    throw this.#error(i, `unterminated string in header '${this.#key}'; close the quote on the same line`);
  }
  /** A template literal without `${}`; -1 when it has one (an expression). */
  #template(i) {
    const text = this.#text;
    const n = this.#n;
    let j = i + 1;
    let start = j;
    let value = "";
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === BACKTICK) {
        this.#value = value + text.slice(start, j);
        return j + 1;
      }
      if (c === DOLLAR && text.charCodeAt(j + 1) === LBRACE)
        return -1;
      if (c === CR) {
        value += `${text.slice(start, j)}
`;
        j += text.charCodeAt(j + 1) === LF ? 2 : 1;
        start = j;
      } else if (c === BACKSLASH) {
        value += text.slice(start, j);
        j = this.#escape(j, (decoded) => value += decoded);
        start = j;
      } else
        j++;
    }
    throw this.#error(i, `unterminated template string in header '${this.#key}'; close it with \``);
  }
  /** Decodes the escape sequence at `i` (a backslash); returns the position after it. */
  #escape(i, emit) {
    const text = this.#text;
    const c = text.charCodeAt(i + 1);
    switch (c) {
      case 110:
        emit("\n");
        return i + 2;
      case 116:
        emit("	");
        return i + 2;
      case 114:
        emit("\r");
        return i + 2;
      case 98:
        emit("\b");
        return i + 2;
      case 102:
        emit("\f");
        return i + 2;
      case 118:
        emit("\v");
        return i + 2;
      case ZERO:
        emit("\0");
        return i + 2;
      case 120: {
        const code = parseHex(text.slice(i + 2, i + 4), 2);
        if (code === void 0)
          throw this.#badEscape(i);
        emit(String.fromCharCode(code));
        return i + 4;
      }
      case 117: {
        if (text.charCodeAt(i + 2) === LBRACE) {
          const close = text.indexOf("}", i + 3);
          const code2 = close === -1 ? void 0 : parseHex(text.slice(i + 3, close), -1);
          if (code2 === void 0 || code2 > 1114111)
            throw this.#badEscape(i);
          emit(String.fromCodePoint(code2));
          return close + 1;
        }
        const code = parseHex(text.slice(i + 2, i + 6), 4);
        if (code === void 0)
          throw this.#badEscape(i);
        emit(String.fromCharCode(code));
        return i + 6;
      }
      case CR:
        return text.charCodeAt(i + 2) === LF ? i + 3 : i + 2;
      case LF:
      case 8232:
      case 8233:
        return i + 2;
      default:
        if (Number.isNaN(c))
          throw this.#error(i, `unterminated string in header '${this.#key}'`);
        emit(text[i + 1]);
        return i + 2;
    }
  }
  // --- skipping --------------------------------------------------------------------------
  #lineEnd(i) {
    const end = this.#text.indexOf("\n", i);
    return end === -1 ? this.#n : end;
  }
  #blockEnd(i) {
    const end = this.#text.indexOf("*/", i);
    return end === -1 ? this.#n : end + 2;
  }
  /** The position after a quoted string starting at `i`. */
  #stringEnd(i, quote) {
    const text = this.#text;
    const q = quote === SQUOTE ? "'" : '"';
    let end = text.indexOf(q, i + 1);
    while (end !== -1) {
      if (!isEscaped(text, end)) {
        const lf = text.indexOf("\n", i + 1);
        if (lf !== -1 && lf < end && !isEscaped(text, lf) && !isCrLfContinuation(text, lf))
          return lf;
        return end + 1;
      }
      end = text.indexOf(q, end + 1);
    }
    return this.#n;
  }
  /**
   * Scans a template literal from `i` (just after a backtick or after the `}` closing an
   * interpolation) to its closing backtick or to the next `${`. Sets #templateOpen.
   */
  #templateChunk(i) {
    const text = this.#text;
    let j = i;
    for (; ; ) {
      const tick = text.indexOf("`", j);
      if (this.#nextInterpolation !== -1 && this.#nextInterpolation < j)
        this.#nextInterpolation = text.indexOf("${", j);
      const dollar = this.#nextInterpolation;
      if (tick === -1 && dollar === -1) {
        this.#templateOpen = false;
        return this.#n;
      }
      const open = dollar !== -1 && (tick === -1 || dollar < tick);
      const at = open ? dollar : tick;
      if (isEscaped(text, at)) {
        j = at + 1;
        continue;
      }
      this.#templateOpen = open;
      return open ? at + 2 : at + 1;
    }
  }
  /** The position after a regular expression literal starting at `i`, or `i + 1` if it is not one. */
  #regexEnd(i) {
    const text = this.#text;
    const n = this.#n;
    let inClass = false;
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === LF || c === CR)
        return i + 1;
      if (c === BACKSLASH)
        j += 2;
      else {
        if (c === LBRACKET)
          inClass = true;
        else if (c === RBRACKET)
          inClass = false;
        else if (c === SLASH && !inClass) {
          j++;
          while (j < n && isIdentPart(text.charCodeAt(j)))
            j++;
          return j;
        }
        j++;
      }
    }
    return i + 1;
  }
  /** Skips whitespace (line breaks included) and comments. */
  #skipTrivia(i) {
    const text = this.#text;
    const n = this.#n;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWhitespace(c))
        i++;
      else if (c === SLASH && text.charCodeAt(i + 1) === SLASH)
        i = this.#lineEnd(i + 2);
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR)
        i = this.#blockEnd(i + 2);
      else
        break;
    }
    return i;
  }
  #identEnd(i) {
    const text = this.#text;
    if (!isIdentStart(text.charCodeAt(i)))
      return i;
    let j = i + 1;
    while (j < this.#n && isIdentPart(text.charCodeAt(j)))
      j++;
    return j;
  }
  /** Whether the whole word `word` stands at `i`. */
  #wordAt(i, word) {
    return this.#text.startsWith(word, i) && !isIdentPart(this.#text.charCodeAt(i + word.length)) && (i === 0 || !isIdentPart(this.#text.charCodeAt(i - 1)));
  }
  // --- errors ----------------------------------------------------------------------------
  #lineOf(position) {
    const text = this.#text;
    let line = 1;
    let i = text.indexOf("\n");
    while (i !== -1 && i < position) {
      line++;
      i = text.indexOf("\n", i + 1);
    }
    return line;
  }
  #error(position, detail) {
    return new RevisionFileError(this.#path, this.#lineOf(position), detail);
  }
  #notLiteral(key, position) {
    return this.#error(position, `header '${key}' must be a literal (${HEADER_EXPECTED[key]}), not an expression; write the value itself`);
  }
  #badEscape(position) {
    return this.#error(position, `invalid escape sequence in header '${this.#key}'; write the character itself`);
  }
};
function isDigit(c) {
  return c >= ZERO && c <= NINE;
}
function isEscaped(text, i) {
  let backslashes = 0;
  while (i - backslashes - 1 >= 0 && text.charCodeAt(i - backslashes - 1) === BACKSLASH)
    backslashes++;
  return backslashes % 2 === 1;
}
function isCrLfContinuation(text, i) {
  return text.charCodeAt(i - 1) === CR && isEscaped(text, i - 1);
}
function parseHex(text, digits) {
  if (digits !== -1 && text.length !== digits || text.length === 0)
    return void 0;
  if (!/^[0-9A-Fa-f]+$/.test(text))
    return void 0;
  return Number.parseInt(text, 16);
}

// ../core/dist/script/yaml-header-reader.js
var ID_KEYS = /* @__PURE__ */ new Set([
  "revision",
  "downRevision",
  "dependsOn",
  "branchLabels",
  "replaces"
]);
function readYamlHeaderWith(yaml, text, path) {
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter });
  return readYamlDocumentHeaderWith(yaml, document, lineCounter, path);
}
function readYamlDocumentHeaderWith(yaml, document, lineCounter, path) {
  const lineOf = (offset) => offset === void 0 ? void 0 : lineCounter.linePos(offset).line;
  const syntaxError = document.errors[0];
  if (syntaxError !== void 0) {
    const line = syntaxError.linePos?.[0].line ?? lineOf(syntaxError.pos[0]);
    const reason = (syntaxError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new RevisionFileError(path, line, `invalid YAML: ${reason}; correct the YAML syntax`);
  }
  const { isMap, isScalar, isSeq } = yaml;
  const contents = document.contents;
  if (!isMap(contents)) {
    throw new RevisionFileError(path, lineOf(contents?.range?.[0]), `a YAML revision must be a map of keys starting with ${headerExample("revision", "yaml")}`);
  }
  const header = {};
  let upgradeFound = false;
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : void 0;
    if (typeof key !== "string" || !isHeaderKey(key)) {
      const keyLine = lineOf(rangeStart(pair.key) ?? rangeStart(pair.value));
      if (key === "upgrade" || key === "downgrade") {
        if (key === "upgrade")
          upgradeFound = true;
        checkOperationList(key, pair.value, lineOf(rangeStart(pair.value)) ?? keyLine);
        continue;
      }
      const written = typeof key === "string" ? key : String(isScalar(pair.key) ? key : pair.key);
      throw new RevisionFileError(path, keyLine, `unknown key '${written}'${didYouMean(written, REVISION_KEYS)}; a YAML revision has the keys ${REVISION_KEYS.join(", ")}`);
    }
    const node = pair.value;
    const line = lineOf(rangeStart(node) ?? rangeStart(pair.key));
    let value;
    if (node === null || node === void 0)
      value = null;
    else if (isScalar(node)) {
      value = node.value;
      if (ID_KEYS.has(key) || key === "message")
        checkScalarIsString(node, key, value, line);
    } else if (isSeq(node)) {
      value = node.items.map((item) => {
        if (!isScalar(item))
          return item === null ? null : { node: true };
        checkScalarIsString(item, key, item.value, lineOf(rangeStart(item)) ?? line);
        return item.value;
      });
    } else
      value = {};
    const problem = checkHeaderValue(key, value, "yaml");
    if (problem !== void 0)
      throw new RevisionFileError(path, line, problem);
    header[key] = value;
  }
  if (!("revision" in header)) {
    throw new RevisionFileError(path, void 0, `declares no 'revision' key; add ${headerExample("revision", "yaml")} at the top, or rename the file to start with '_' if it is not a revision`);
  }
  const revisionLine = lineOf(rangeStart(contents.get("revision", true)));
  if (!("downRevision" in header)) {
    throw new RevisionFileError(path, revisionLine, `revision '${header["revision"]}' declares no 'downRevision'; add it after the revision: downRevision: null for a root revision, the parent's id, or a list of ids for a merge`);
  }
  if (!upgradeFound) {
    throw new RevisionFileError(path, revisionLine, `revision '${header["revision"]}' declares no 'upgrade'; add the list of operations, or upgrade: [] for a revision that changes nothing`);
  }
  return Object.freeze(header);
  function checkOperationList(key, node, at) {
    if (isSeq(node))
      return;
    const empty = node === null || node === void 0 || isScalar(node) && node.value === null;
    const fix = key === "upgrade" ? "write upgrade: [] for a revision that changes nothing" : "write downgrade: [] for a downgrade that changes nothing, or leave the key out to reverse the upgrade";
    throw new RevisionFileError(path, at, `'${key}' must be a list of operations (- createTable: {...}), not ${empty ? "empty" : "a single value or map"}; ${fix}`);
  }
  function checkScalarIsString(node, key, value, at) {
    if (typeof value !== "number" && typeof value !== "boolean" && typeof value !== "bigint")
      return;
    const written = node.source ?? String(value);
    throw new RevisionFileError(path, at, `header '${key}' value ${written} is read by YAML as a ${typeof value === "boolean" ? "boolean" : "number"}, not a string; quote it: '${written}'`);
  }
}
function rangeStart(node) {
  const range = node?.range;
  return range?.[0] ?? void 0;
}

// ../core/dist/script/script-directory.js
var REVISION_FILE_EXTENSIONS = Object.freeze([
  ".ts",
  ".mts",
  ".js",
  ".mjs",
  ".cjs",
  ".yaml",
  ".yml"
]);
var ENV_FILE_NAMES = Object.freeze([
  "env.ts",
  "env.mts",
  "env.js",
  "env.mjs"
]);
var READ_BUFFER_SIZE = 64 * 1024;
var ScriptDirectory = class _ScriptDirectory {
  /** The script directory, as an absolute path. */
  scriptLocation;
  /** The directories searched for revision files, as absolute paths. */
  versionLocations;
  /** The env module (`env.ts`, `env.mts`, `env.js` or `env.mjs`, in that order), if any. */
  envPath;
  /** Every revision, from the file headers, sorted by path. */
  revisions;
  #paths;
  #bodies = /* @__PURE__ */ new Map();
  /**
   * Each YAML revision's text and what it holds as plain data, from the parse that read its
   * header: while the file still has that text, its body is built from the data without
   * parsing it again (taken out when used).
   */
  #yamlData;
  /**
   * Each file's text as its header was read, so that a checksum (the ledger's, the
   * template cache's) does not open the file once more.
   */
  #texts;
  #typescript;
  constructor(scriptLocation, versionLocations, envPath, revisions, yamlData, texts) {
    this.#yamlData = yamlData;
    this.#texts = texts;
    this.scriptLocation = scriptLocation;
    this.versionLocations = versionLocations;
    this.envPath = envPath;
    this.revisions = revisions;
  }
  /**
   * Opens a script directory and reads the header of every revision file in it. It is
   * synchronous: reading thousands of small files with synchronous calls is several times
   * faster than through the asynchronous API (10,000 files take about 70 ms on two cores,
   * two thirds of it in open/read/close).
   *
   * Paths must be absolute (or `file:` URLs): the config layer resolves relative paths
   * against the config file; the current directory is never used.
   *
   * Throws {@link ConfigError} for a relative path or a missing directory, and
   * {@link RevisionFileError} for a file whose header cannot be read.
   *
   * @example
   * ```ts
   * const directory = ScriptDirectory.open({ scriptLocation: '/app/migrations' })
   * directory.revisions.length
   * ```
   */
  static open(options) {
    const listing = listScriptDirectory(options);
    if (yamlPackage === void 0 && listing.paths.some(isYamlPath)) {
      yamlPackage = createRequire(import.meta.url)("yaml");
    }
    return _ScriptDirectory.#read(listing);
  }
  /**
   * {@link ScriptDirectory.open}, loading the YAML parser (when the directory has YAML
   * revisions) with a dynamic `import()`, which bundlers follow. The files are read
   * synchronously all the same.
   *
   * @example
   * ```ts
   * const directory = await ScriptDirectory.openAsync({ scriptLocation: '/app/migrations' })
   * ```
   */
  static async openAsync(options) {
    const listing = listScriptDirectory(options);
    if (yamlPackage === void 0 && listing.paths.some(isYamlPath))
      yamlPackage = await import("./dist-SNFYPLIA.js");
    return _ScriptDirectory.#read(listing);
  }
  static #read(listing) {
    const { paths } = listing;
    const buffer = Buffer.allocUnsafe(READ_BUFFER_SIZE);
    const revisions = [];
    const yamlData = /* @__PURE__ */ new Map();
    const texts = /* @__PURE__ */ new Map();
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      const text = readText(path, buffer);
      if (text === void 0)
        continue;
      texts.set(path, text);
      let header;
      if (isYamlPath(path)) {
        const yaml = yamlPackage;
        const lineCounter = new yaml.LineCounter();
        const document = yaml.parseDocument(text, { lineCounter });
        header = readYamlDocumentHeaderWith(yaml, document, lineCounter, path);
        try {
          yamlData.set(path, { text, data: document.toJS() });
        } catch {
        }
      } else {
        header = readScriptHeader(text, path, path.endsWith(".js") || path.endsWith(".cjs"));
      }
      revisions.push(createRevision(header, path));
    }
    return new _ScriptDirectory(listing.scriptLocation, Object.freeze(listing.locations), listing.envPath, Object.freeze(revisions), yamlData, texts);
  }
  /**
   * The checksum of a revision's file (`revisionChecksum`) from the text its header was
   * read from; a revision not read by this directory has its file read, and `undefined`
   * when that file cannot be read.
   *
   * @example
   * ```ts
   * directory.checksum(directory.revisions[0]!) // 'sha256:...'
   * ```
   */
  checksum(revision) {
    const text = revision.path === void 0 ? void 0 : this.#texts.get(revision.path);
    if (text !== void 0)
      return revisionChecksum(text);
    if (revision.path === void 0)
      return void 0;
    try {
      return revisionFileChecksum(revision.path);
    } catch {
      return void 0;
    }
  }
  /**
   * Imports the body of a revision of this directory (once; later calls return the same
   * body). `.js`/`.mjs`/`.cjs` files are imported natively; `.ts`/`.mts` files through a
   * {@link TypeScriptLoader} (compiled once into its cache; the compiler is loaded only then,
   * so an application that never loads TypeScript from disk never needs it); YAML files are
   * read and built by `loadYamlBody`. The module must export an `upgrade` function (and may
   * export `downgrade`), and its `revision`, `downRevision`, `dependsOn`, `branchLabels` and
   * `transaction` must be what its header stated (see `checkBody`).
   *
   * @example
   * ```ts
   * const body = await directory.load(revision)
   * await body.upgrade?.(op)
   * ```
   */
  load(revision) {
    const path = revision.path;
    this.#paths ??= new Set(this.revisions.map((r) => r.path));
    if (path === void 0 || !this.#paths.has(path)) {
      return Promise.reject(new RevisionError("unknown-revision-file", `revision '${revision.id}'${path === void 0 ? " (with no file)" : ` ('${path}')`} is not from the script directory '${this.scriptLocation}'; load it through the source that produced it`));
    }
    let body = this.#bodies.get(path);
    if (body === void 0) {
      body = this.#import(revision, path);
      this.#bodies.set(path, body);
      body.catch(() => this.#bodies.delete(path));
    }
    return body;
  }
  async #import(revision, path) {
    if (path.endsWith(".yaml") || path.endsWith(".yml"))
      return this.#loadYaml(revision, path);
    let module;
    try {
      if (path.endsWith(".ts") || path.endsWith(".mts")) {
        this.#typescript ??= import("./typescript-loader-ZNYBL6AV.js").then(({ TypeScriptLoader }) => new TypeScriptLoader());
        module = await (await this.#typescript).import(path);
      } else {
        module = await import(
          /* webpackIgnore: true */
          /* @vite-ignore */
          pathToFileURL(path).href
        );
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failure = new RevisionFileError(path, void 0, `failed to import: ${oneLine(reason)}; fix the error in this file`);
      failure.cause = error;
      throw failure;
    }
    return checkBody(moduleExports(module), revision, path);
  }
  async #loadYaml(revision, path) {
    const text = readFileSync2(path, "utf8");
    const parsed = this.#yamlData.get(path);
    this.#yamlData.delete(path);
    if (parsed !== void 0 && parsed.text === text) {
      const { loadYamlBody: loadYamlBody2 } = await import("./yaml-body-ITJZBO52.js");
      try {
        return loadYamlBody2(parsed.data, path);
      } catch (error) {
        if (!(error instanceof RevisionFileError))
          throw error;
      }
    }
    const [yaml, { loadYamlBody }] = await Promise.all([
      import("./dist-SNFYPLIA.js"),
      import("./yaml-body-ITJZBO52.js")
    ]);
    const lineCounter = new yaml.LineCounter();
    const document = yaml.parseDocument(text, { lineCounter });
    const header = readYamlDocumentHeaderWith(yaml, document, lineCounter, path);
    checkHeaderMatches(header, revision, path);
    return loadYamlBody(document, path, lineCounter);
  }
};
var yamlPackage;
function listScriptDirectory(options) {
  const scriptLocation = toAbsolutePath(options.scriptLocation, "scriptLocation");
  let scriptFiles;
  try {
    scriptFiles = readdirSync(scriptLocation);
  } catch (error) {
    throw directoryError(error, scriptLocation, "script directory", "scriptLocation");
  }
  const envName = ENV_FILE_NAMES.find((name) => scriptFiles.includes(name));
  const envPath = envName === void 0 ? void 0 : join(scriptLocation, envName);
  const locations = options.versionLocations === void 0 ? [join(scriptLocation, "versions")] : [
    ...new Set(options.versionLocations.map((location, index) => toAbsolutePath(location, `versionLocations[${index}]`)))
  ];
  const paths = [];
  for (const location of locations) {
    let entries;
    try {
      entries = readdirSync(location);
    } catch (error) {
      throw directoryError(error, location, "versions directory", options.versionLocations === void 0 ? "scriptLocation" : "versionLocations");
    }
    const names = [];
    for (const name of entries)
      if (isRevisionFileName(name))
        names.push(name);
    names.sort();
    const prefix = location.endsWith(sep) ? location : location + sep;
    for (const name of names)
      paths.push(prefix + name);
  }
  if (locations.length > 1)
    paths.sort();
  return { scriptLocation, locations, envPath, paths };
}
function isYamlPath(path) {
  return path.endsWith(".yaml") || path.endsWith(".yml");
}
function isRevisionFileName(name) {
  const first = name.charCodeAt(0);
  if (first === 46 || first === 95)
    return false;
  if (name.endsWith(".ts") || name.endsWith(".mts"))
    return !DECLARATION_FILE.test(name);
  return name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs") || name.endsWith(".yaml") || name.endsWith(".yml");
}
var DECLARATION_FILE = /\.d\.m?ts$/;
function readText(path, buffer) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (error) {
    throw new RevisionFileError(path, void 0, `cannot be read (${codeOf(error)}); check the file's permissions`);
  }
  let length;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } catch (error) {
    if (codeOf(error) === "EISDIR")
      return void 0;
    throw new RevisionFileError(path, void 0, `cannot be read (${codeOf(error)}); check the file`);
  } finally {
    closeSync(fd);
  }
  if (length === buffer.length)
    return readFileSync2(path, "utf8");
  return buffer.toString("utf8", 0, length);
}
function toAbsolutePath(location, key) {
  if (location instanceof URL || location.startsWith("file:")) {
    const url = location instanceof URL ? location : new URL(location);
    if (url.protocol !== "file:") {
      throw new ConfigError(`${key} '${url.href}' is not a file URL; pass an absolute path or a file: URL`);
    }
    return resolve(fileURLToPath(url));
  }
  if (!isAbsolute(location)) {
    throw new ConfigError(`${key} '${location}' is a relative path; pass an absolute path or a file URL (new URL('./migrations', import.meta.url)), or set it in retort.yaml, where it is relative to the file`);
  }
  return resolve(location);
}
function directoryError(error, path, what, key) {
  const code = codeOf(error);
  const message = code === "ENOENT" ? `${what} '${path}' does not exist; run 'retort init' to create a script directory, or correct ${key}` : code === "ENOTDIR" ? `${what} '${path}' is not a directory; correct ${key}` : `${what} '${path}' cannot be read (${code}); check its permissions`;
  return new ConfigError(message, { cause: error });
}
function codeOf(error) {
  return error?.code === void 0 ? String(error) : String(error.code);
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}

export {
  REVISION_ID_PATTERN,
  createRevision,
  revisionsTarget,
  relativeDownTarget,
  RevisionMap,
  Squashes,
  InsideSquashError,
  HEADER_KEYS,
  checkHeaderValue,
  describeValue,
  checkBody,
  checkExportNames,
  moduleExports,
  revisionModuleText,
  revisionChecksum,
  revisionFileChecksum,
  sourceChecksum,
  readScriptHeader,
  readYamlHeaderWith,
  ScriptDirectory
};
