import {
  InsideSquashError,
  sourceChecksum
} from "./chunk-MILIBH32.js";
import {
  Operations
} from "./chunk-HZY5M4HB.js";
import {
  parseDatabaseUrl
} from "./chunk-MO6UAS4U.js";
import {
  sqlComment
} from "./chunk-55XL33YF.js";
import {
  silentLogger
} from "./chunk-JK4IOFY3.js";
import {
  VERSION_ID_LENGTH
} from "./chunk-PKVIK35M.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  maskSecrets,
  maskUrl,
  urlSecrets
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  IncompleteMigrationError,
  MigrationError,
  PartialMigrationError,
  ResolutionError,
  RetortError,
  RevisionError,
  UnknownDatabaseRevisionError,
  UnreadableProgressError,
  VersionTableConflictError,
  VersionTableShapeError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/runtime/ledger-record.js
var LEDGER_TABLE_SUFFIX = "_ledger";
var LEDGER_COLUMNS = Object.freeze({
  id: "id",
  revision: "revision",
  direction: "direction",
  checksum: "checksum",
  outcome: "outcome",
  ranAt: "ran_at",
  durationMs: "duration_ms",
  retortVersion: "retort_version",
  appliedBy: "applied_by",
  note: "note"
});
function ledgerTableFor(versionTable, name) {
  return { name: name ?? `${versionTable.name}${LEDGER_TABLE_SUFFIX}`, schema: versionTable.schema };
}

// ../core/dist/progress-record.js
var PROGRESS_TABLE_SUFFIX = "_progress";
var PROGRESS_TEXT_LIMIT = 1e3;
var PROGRESS_COLUMNS = Object.freeze({
  revision: "revision",
  direction: "direction",
  statementsDone: "statements_done",
  statementCount: "statement_count",
  statement: "statement_sql",
  state: "state",
  error: "error_message",
  recordedAt: "recorded_at"
});
function truncateProgressText(text) {
  if (text.length <= PROGRESS_TEXT_LIMIT)
    return text;
  return `${text.slice(0, PROGRESS_TEXT_LIMIT - 3)}...`;
}

// ../core/dist/runtime/version-table.js
var VERSION_COLUMN = "version_num";
var VersionTable = class {
  #connection;
  #compiler;
  #adapter;
  #table;
  #introspector;
  constructor(connection, compiler, adapter, table, introspector) {
    this.#connection = connection;
    this.#compiler = compiler;
    this.#adapter = adapter;
    this.#table = table;
    this.#introspector = introspector;
  }
  /** The table's name as written in messages. */
  get displayName() {
    return displayName(this.#table);
  }
  exists() {
    return this.#adapter.hasTable(this.#connection, this.#table);
  }
  /**
   * The current rows; `[]` when the table does not exist (and it is not created). The read is
   * also the check of the table's shape: a SELECT of `version_num` that fails, or gives
   * something other than text, makes the table's columns be looked up, and a table without a
   * text `version_num` is a {@link VersionTableShapeError}. A table that reads well costs
   * nothing more.
   */
  async read() {
    if (!await this.exists())
      return [];
    let result;
    try {
      result = await this.#connection.execute(this.#compiler.selectVersions(this.#table));
    } catch (error) {
      throw await this.#shapeError(error) ?? error;
    }
    const ids = [];
    for (const row of result.rows) {
      const value = row[VERSION_COLUMN];
      if (typeof value !== "string") {
        const shape = await this.#shapeError(void 0);
        if (shape !== void 0)
          throw shape;
      }
      ids.push(String(value));
    }
    return ids;
  }
  /**
   * What is wrong with the table's columns, as an error; `undefined` when they look right (the
   * failure that led here was something else: a permission, a lost connection).
   */
  async #shapeError(cause) {
    let columns;
    try {
      const info = await this.#introspector.getTable(this.#connection, this.#table);
      if (info === void 0)
        return void 0;
      columns = info.columns;
    } catch {
      return void 0;
    }
    const column = columns.find((c) => c.name === VERSION_COLUMN) ?? columns.find((c) => c.name.toLowerCase() === VERSION_COLUMN);
    let problem;
    if (column === void 0) {
      problem = `no column '${VERSION_COLUMN}'`;
    } else if (column.type !== "" && !/char|text|clob|string/i.test(column.type)) {
      problem = `column '${column.name}' is ${column.type}, not text`;
    } else {
      return void 0;
    }
    return new VersionTableShapeError(this.displayName, problem, columns.map((c) => `${c.name} ${c.type || "(no type)"}`.trim()), VERSION_ID_LENGTH, cause === void 0 ? void 0 : { cause });
  }
  /** Creates the table if it is missing. */
  async ensure() {
    for (const statement of this.#compiler.createVersionTable(this.#table, VERSION_ID_LENGTH)) {
      await this.#connection.execute(statement);
    }
  }
  /** Deletes every row (`stamp --purge`). */
  async purge(current) {
    for (const id of current) {
      await this.#run(this.#compiler.deleteVersion(this.#table, id), `delete '${id}'`, false);
    }
  }
  /** Applies row changes, checking each UPDATE/DELETE touched exactly one row. */
  async apply(changes) {
    const statements = versionStatements(this.#compiler, this.#table, changes);
    for (const [index, change] of changes.entries()) {
      await this.#run(statements[index], describeChange(change), change.op !== "insert");
    }
  }
  async #run(statement, what, exactlyOne) {
    const result = await this.#connection.execute(statement);
    if (exactlyOne && result.rowCount !== 1) {
      throw new VersionTableConflictError(this.displayName, `${what} matched ${result.rowCount} rows instead of 1`);
    }
  }
};
function displayName(table) {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}
function versionStatements(compiler, table, changes) {
  return changes.map((change) => {
    switch (change.op) {
      case "insert":
        return compiler.insertVersion(table, change.revision);
      case "update":
        return compiler.updateVersion(table, change.from, change.to);
      case "delete":
        return compiler.deleteVersion(table, change.revision);
    }
  });
}
function describeChange(change) {
  switch (change.op) {
    case "insert":
      return `insert '${change.revision}'`;
    case "update":
      return `update '${change.from}' to '${change.to}'`;
    case "delete":
      return `delete '${change.revision}'`;
  }
}

// ../core/dist/runtime/progress-table.js
var C = PROGRESS_COLUMNS;
function progressTableFor(versionTable) {
  return { name: `${versionTable.name}${PROGRESS_TABLE_SUFFIX}`, schema: versionTable.schema };
}
var ProgressTable = class {
  #connection;
  #compiler;
  #adapter;
  #table;
  #exists;
  constructor(connection, compiler, adapter, table) {
    this.#connection = connection;
    this.#compiler = compiler;
    this.#adapter = adapter;
    this.#table = table;
  }
  /** The table's name as written in messages. */
  get displayName() {
    return displayName(this.#table);
  }
  /** Every row, oldest first, read or not; none when the table does not exist (it is not created). */
  async readRows() {
    this.#exists = await this.#adapter.hasTable(this.#connection, this.#table);
    if (!this.#exists)
      return { records: [], unreadable: [] };
    let result;
    try {
      result = await this.#connection.execute(this.#compiler.selectProgress(this.#table));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RetortError("unreadable-progress", `cannot read the progress table '${this.displayName}' (${reason.replace(/\s+/g, " ").trim()}); Retort keeps the columns ${Object.values(C).join(", ")} there: if this table is something else of the same name, rename or drop it, or choose another versionTable`, { cause: error });
    }
    const records = [];
    const unreadable = [];
    for (const row of result.rows) {
      const read = toRecord(row);
      if ("problem" in read)
        unreadable.push(read);
      else
        records.push(read);
    }
    return { records, unreadable };
  }
  /** What is said about a row that cannot be read, naming this table. */
  unreadableDetails(row) {
    return Object.freeze({ table: this.displayName, revision: row.revision, problem: row.problem });
  }
  /** Writes the first record of a revision, creating the table if needed. */
  async insert(record) {
    if (this.#exists !== true) {
      for (const statement of this.#compiler.createProgressTable(this.#table, VERSION_ID_LENGTH)) {
        await this.#connection.execute(statement);
      }
      this.#exists = true;
    }
    await this.#connection.execute(this.#compiler.insertProgress(this.#table, record));
  }
  /** Overwrites the record of `record.revision`. */
  async update(record) {
    await this.#connection.execute(this.#compiler.updateProgress(this.#table, record));
  }
  /** Deletes the record of a revision. */
  async delete(revision) {
    await this.#connection.execute(this.#compiler.deleteProgress(this.#table, revision));
  }
  /** Deletes the given records, and the rows that could not be read but name a revision (`stamp` clears them). */
  async clear(rows) {
    for (const record of rows.records)
      await this.delete(record.revision);
    for (const row of rows.unreadable)
      if (row.revision !== void 0)
        await this.delete(row.revision);
  }
};
function toRecord(row) {
  const text = (value) => value === null || value === void 0 ? null : String(value);
  const rawRevision = row[C.revision];
  const revision = (typeof rawRevision === "string" || typeof rawRevision === "number") && String(rawRevision) !== "" ? String(rawRevision) : void 0;
  const fail = (problem) => Object.freeze({ revision, problem });
  if (revision === void 0)
    return fail(`${C.revision} is ${shown(rawRevision)}, expected a revision id`);
  const direction = row[C.direction];
  if (direction !== "up" && direction !== "down") {
    return fail(`${C.direction} is ${shown(direction)}, expected 'up' or 'down'`);
  }
  const statementsDone = wholeNumber(row[C.statementsDone]);
  if (statementsDone === void 0) {
    return fail(`${C.statementsDone} is ${shown(row[C.statementsDone])}, expected a whole number`);
  }
  const statementCount = wholeNumber(row[C.statementCount]);
  if (statementCount === void 0) {
    return fail(`${C.statementCount} is ${shown(row[C.statementCount])}, expected a whole number`);
  }
  if (statementsDone > statementCount) {
    return fail(`${C.statementsDone} (${statementsDone}) is more than ${C.statementCount} (${statementCount})`);
  }
  const state = row[C.state];
  if (state !== "running" && state !== "failed") {
    return fail(`${C.state} is ${shown(state)}, expected 'running' or 'failed'`);
  }
  const recordedAt = row[C.recordedAt];
  return Object.freeze({
    revision,
    direction,
    statementsDone,
    statementCount,
    statement: text(row[C.statement]),
    state,
    error: text(row[C.error]),
    recordedAt: recordedAt instanceof Date ? recordedAt.toISOString() : String(recordedAt)
  });
}
function wholeNumber(value) {
  const number = typeof value === "number" || typeof value === "bigint" ? Number(value) : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : void 0;
}
function shown(value) {
  if (value === void 0)
    return "missing (no such column)";
  if (value === null)
    return "NULL";
  const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, " ");
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
}

// ../core/dist/graph/version-rows.js
function appliedRevisions(map, current) {
  checkKnownRows(map, current);
  const applied = map.ancestors(current);
  if (current.length > 1) {
    const below = map.ancestors(current, { includeSelf: false });
    const redundant = current.filter((id) => below.has(id));
    if (redundant.length > 0) {
      throw new RevisionError("inconsistent-version-table", `the version table holds ${describeRows(redundant)} together with a revision that descends from it; fix it with 'retort stamp REV' (or 'stamp --purge REV')`);
    }
  }
  return applied;
}
function checkKnownRows(map, current) {
  const unknown = current.filter((id) => !map.has(id));
  if (unknown.length > 0)
    throw new UnknownDatabaseRevisionError(unknown);
}
function stampRowChanges(before, after) {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  const rows = [];
  const pairs = Math.min(removed.length, added.length);
  for (let i = 0; i < pairs; i++)
    rows.push({ op: "update", from: removed[i], to: added[i] });
  for (const id of removed.slice(pairs))
    rows.push({ op: "delete", revision: id });
  for (const id of added.slice(pairs))
    rows.push({ op: "insert", revision: id });
  return rows;
}
var AppliedState = class {
  applied;
  #rows;
  #map;
  constructor(map, current) {
    this.#map = map;
    this.applied = appliedRevisions(map, current);
    this.#rows = new Set(current);
  }
  rowList() {
    return [...this.#rows];
  }
  /** Applies `id` (all its requirements are applied): the rows it supersedes make way for it. */
  apply(id) {
    const superseded = unique(this.#map.requirements(id)).filter((r) => this.#rows.has(r));
    const rows = [];
    if (superseded.length === 0) {
      rows.push({ op: "insert", revision: id });
    } else {
      for (const other of superseded.slice(1))
        rows.push({ op: "delete", revision: other });
      rows.push({ op: "update", from: superseded[0], to: id });
    }
    for (const r of superseded)
      this.#rows.delete(r);
    this.#rows.add(id);
    this.applied.add(id);
    return rows;
  }
  /** Un-applies `id` (a current row): its requirements that nothing else applied needs come back. */
  unapply(id) {
    this.applied.delete(id);
    this.#rows.delete(id);
    const restored = unique(this.#map.requirements(id)).filter((r) => !this.#map.children(r).some((c) => this.applied.has(c)) && !this.#map.dependents(r).some((d) => this.applied.has(d)));
    const rows = [];
    if (restored.length === 0) {
      rows.push({ op: "delete", revision: id });
    } else {
      rows.push({ op: "update", from: id, to: restored[0] });
      for (const other of restored.slice(1))
        rows.push({ op: "insert", revision: other });
    }
    for (const r of restored)
      this.#rows.add(r);
    return rows;
  }
};
function describeRows(rows) {
  return rows.length === 0 ? "base" : rows.map((r) => `'${r}'`).join(", ");
}
function unique(ids) {
  return ids.length < 2 ? [...ids] : [...new Set(ids)];
}

// ../core/dist/graph/planner.js
function planUpgrade(map, current, target) {
  const state = new AppliedState(map, current);
  const resolved = resolveTarget(map, target, current);
  let wanted;
  switch (resolved.kind) {
    case "base":
      if (resolved.branch !== void 0) {
        throw new ResolutionError(`${resolved.branch}@base`, `'${resolved.branch}@base' is a downgrade target; to upgrade the branch use '${resolved.branch}@head'`);
      }
      wanted = [];
      break;
    case "heads":
      wanted = map.heads;
      break;
    case "revisions":
      wanted = resolved.ids;
      break;
  }
  const needed = [...map.ancestors(wanted)].filter((id) => !state.applied.has(id));
  needed.sort((a, b) => map.position(a) - map.position(b));
  const steps = needed.map((id) => migrationStep(map, id, "up", state.apply(id)));
  return { steps, before: [...current], after: state.rowList() };
}
function planDowngrade(map, current, target) {
  const state = new AppliedState(map, current);
  const resolved = resolveTarget(map, target, current);
  if (resolved.kind === "heads") {
    throw new ResolutionError("heads", `'heads' is an upgrade target; a downgrade needs a revision, 'base' or 'LABEL@base'`);
  }
  const steps = removedBy(map, state, resolved, current).map((id) => migrationStep(map, id, "down", state.unapply(id)));
  return { steps, before: [...current], after: state.rowList() };
}
function removedBy(map, state, target, current) {
  let start;
  if (target.passedOver !== void 0) {
    start = target.passedOver;
  } else if (target.kind === "base") {
    start = target.branch === void 0 ? state.applied : map.branchMembers(target.branch);
  } else {
    const above = /* @__PURE__ */ new Set();
    for (const id of target.ids) {
      if (!state.applied.has(id)) {
        throw new ResolutionError(id, `cannot downgrade to '${id}': it is not applied (the database is at ${describeRows(current)}); to move forward use upgrade`, "not-applied");
      }
      for (const child of map.descendants([id], { downOnly: true, includeSelf: false }))
        above.add(child);
    }
    start = above;
  }
  const appliedStart = [...start].filter((id) => state.applied.has(id));
  const removed = appliedStart.length === 0 ? [] : [...map.descendants(appliedStart)].filter((id) => state.applied.has(id));
  return removed.sort((a, b) => map.position(b) - map.position(a));
}
function planStamp(map, current, target, options = {}) {
  const purge = options.purge ?? false;
  const before = purge ? [] : current;
  if (!purge)
    checkKnownRows(map, current);
  const resolved = resolveTarget(map, target, before);
  if (resolved.kind !== "heads" && resolved.passedOver !== void 0) {
    const state = new AppliedState(map, before);
    for (const id of removedBy(map, state, resolved, before))
      state.unapply(id);
    return stampPlan(current, state.rowList(), purge);
  }
  let targets;
  switch (resolved.kind) {
    case "base":
      if (resolved.branch !== void 0) {
        throw new ResolutionError(`${resolved.branch}@base`, `stamp cannot take '${resolved.branch}@base'; stamp a revision (the branch point below the branch), 'heads' or 'base'`);
      }
      return stampPlan(current, [], purge);
    case "heads":
      targets = [...map.heads];
      break;
    case "revisions":
      targets = [...resolved.ids];
      break;
  }
  const covered = /* @__PURE__ */ new Set();
  for (const id of targets)
    for (const a of map.ancestors([id], { includeSelf: false }))
      covered.add(a);
  targets = targets.filter((id) => !covered.has(id));
  let rows = [...before];
  for (const id of targets) {
    const ancestors = map.ancestors([id]);
    rows = rows.filter((row) => !ancestors.has(row) && !map.ancestors([row]).has(id));
    rows.push(id);
  }
  return stampPlan(current, rows, purge);
}
function stampPlan(current, after, purge) {
  const rows = stampRowChanges(purge ? [] : current, after);
  const steps = rows.length === 0 && !purge ? [] : [{ kind: "stamp", purge, rows }];
  return { steps, before: [...current], after: [...after] };
}
function migrationStep(map, id, direction, rows) {
  return { kind: "migration", revision: map.get(id), direction, rows };
}
function resolveTarget(map, target, current) {
  if (typeof target !== "string")
    return target;
  const options = { current };
  return map.resolve(target, options);
}

// ../core/dist/runtime/incomplete-migration.js
function describeIncomplete(record, map, rows, table, inFlight) {
  const revision = map.get(record.revision);
  const base = { record, path: revision?.path, table, ...inFlight ? { inFlight } : {} };
  if (revision === void 0)
    return { ...base, finish: void 0, undo: void 0 };
  try {
    const after = record.direction === "up" ? planStamp(map, rows, revision.id).after : rowsWithout(map, rows, revision.id);
    return { ...base, finish: stampTargets(map, rows, after), undo: stampTargets(map, rows, rows) };
  } catch {
    return { ...base, finish: void 0, undo: void 0 };
  }
}
function rowsWithout(map, rows, id) {
  const applied = appliedRevisions(map, rows);
  applied.delete(id);
  const covered = /* @__PURE__ */ new Set();
  for (const a of applied)
    for (const ancestor of map.ancestors([a], { includeSelf: false }))
      covered.add(ancestor);
  return [...applied].filter((a) => !covered.has(a)).sort();
}
function stampTargets(map, rows, wanted) {
  if (wanted.length === 0)
    return [];
  let current = rows;
  for (const id of wanted)
    current = planStamp(map, current, id).after;
  if (sameSet(current, wanted))
    return [...wanted];
  return [`--purge ${wanted[0]}`, ...wanted.slice(1)];
}
function sameSet(a, b) {
  return a.length === b.length && a.every((id) => b.includes(id));
}

// ../core/dist/runtime/wrap-step-error.js
function wrapStepError(step, statement, error) {
  if (error instanceof MigrationError || error instanceof VersionTableConflictError || error instanceof RevisionError) {
    return error;
  }
  return new MigrationError(step.revision.id, step.direction, step.revision.path, statement, error);
}

// ../core/dist/runtime/ledger-table.js
import { readFileSync } from "node:fs";
var C2 = LEDGER_COLUMNS;
var RETORT_VERSION = readVersion();
function readVersion() {
  try {
    const json = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    return typeof json.version === "string" ? json.version : "unknown";
  } catch {
    return "unknown";
  }
}
var LedgerTable = class {
  #connection;
  #compiler;
  #adapter;
  #table;
  #exists;
  constructor(connection, compiler, adapter, table) {
    this.#connection = connection;
    this.#compiler = compiler;
    this.#adapter = adapter;
    this.#table = table;
  }
  /** The table's name as written in messages. */
  get displayName() {
    return displayName(this.#table);
  }
  /** Whether the table exists (asked once, then remembered). */
  async exists() {
    return this.#exists ??= await this.#adapter.hasTable(this.#connection, this.#table);
  }
  /** Asks again whether the table exists (after a rollback that may have undone its creation). */
  forgetExists() {
    this.#exists = void 0;
  }
  /** Every row, oldest first; none when the table does not exist. */
  async read() {
    if (!await this.exists())
      return [];
    const columns = Object.values(C2).map((c) => this.#q(c));
    let rows;
    try {
      rows = (await this.#connection.execute(this.#execute(`SELECT ${columns.join(", ")} FROM ${this.#name()} ORDER BY ${this.#q(C2.id)}`, []))).rows;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RetortError("unreadable-ledger", `cannot read the ledger table '${this.displayName}' (${reason.replace(/\s+/g, " ").trim()}); Retort keeps the columns ${Object.values(C2).join(", ")} there: if this table is something else of the same name, rename it or set 'ledgerTable' in the config to another name`, { cause: error });
    }
    return rows.map(toRecord2);
  }
  /** The statements that create the table if it is missing. */
  createStatements() {
    const op = operations();
    op.createTable(this.#table.name, [
      op.column(C2.id, "integer", { primaryKey: true, autoincrement: true }),
      op.column(C2.revision, "string", { length: VERSION_ID_LENGTH, nullable: false }),
      op.column(C2.direction, "string", { length: 4, nullable: false }),
      op.column(C2.checksum, "string", { length: 80 }),
      op.column(C2.outcome, "string", { length: 16, nullable: false }),
      op.column(C2.ranAt, "string", { length: 32, nullable: false }),
      op.column(C2.durationMs, "integer", { nullable: false }),
      op.column(C2.retortVersion, "string", { length: 40, nullable: false }),
      op.column(C2.appliedBy, "string", { length: 255 }),
      op.column(C2.note, "text")
    ], { ifNotExists: true, ...this.#table.schema ? { schema: this.#table.schema } : {} });
    return this.#compile(op.takePending());
  }
  /** Creates the table if it is missing. */
  async ensure() {
    if (await this.exists())
      return;
    for (const statement of this.createStatements())
      await this.#connection.execute(statement);
    this.#exists = true;
  }
  /** The statement that appends one row (values bound). */
  insertStatement(entry) {
    const op = operations();
    op.bulkInsert(this.#table.name, [
      {
        [C2.revision]: entry.revision,
        [C2.direction]: entry.direction,
        [C2.checksum]: entry.checksum,
        [C2.outcome]: entry.outcome,
        [C2.ranAt]: entry.ranAt,
        [C2.durationMs]: Math.max(0, Math.round(entry.durationMs)),
        [C2.retortVersion]: entry.retortVersion,
        [C2.appliedBy]: entry.appliedBy === null ? null : entry.appliedBy.slice(0, 255),
        [C2.note]: entry.note === null ? null : truncateProgressText(entry.note)
      }
    ], this.#table.schema ? { schema: this.#table.schema } : {});
    const [statement, ...rest] = this.#compile(op.takePending());
    if (statement === void 0 || rest.length > 0) {
      throw new RetortError("ledger-compiler", "the dialect compiled the ledger table's insert into several statements instead of 1; its compiler must compile a one-row bulkInsert into one statement");
    }
    return statement;
  }
  /** Appends one row, creating the table first if needed. */
  async append(entry) {
    await this.ensure();
    await this.#connection.execute(this.insertStatement(entry));
  }
  #execute(sql, parameters) {
    const op = operations();
    op.execute(sql, [...parameters]);
    return this.#compile(op.takePending())[0];
  }
  #compile(pending) {
    return pending.flatMap((operation) => [...this.#compiler.compile(operation)]);
  }
  #name() {
    return this.#table.schema ? `${this.#q(this.#table.schema)}.${this.#q(this.#table.name)}` : this.#q(this.#table.name);
  }
  #q(name) {
    return this.#compiler.quoteIdentifier(name);
  }
};
function operations() {
  return new Operations({ dialect: "ledger", offline: true });
}
var OUTCOMES = ["applied", "failed", "adopted", "accepted"];
function toRecord2(row) {
  const text = (value) => value === null || value === void 0 ? null : String(value);
  const outcome = String(row[C2.outcome]);
  return Object.freeze({
    id: Number(row[C2.id]),
    revision: String(row[C2.revision]),
    direction: row[C2.direction] === "down" ? "down" : "up",
    checksum: text(row[C2.checksum]),
    outcome: OUTCOMES.includes(outcome) ? outcome : "failed",
    ranAt: String(row[C2.ranAt]),
    durationMs: Number(row[C2.durationMs]),
    retortVersion: String(row[C2.retortVersion]),
    appliedBy: text(row[C2.appliedBy]),
    note: text(row[C2.note])
  });
}
async function readLedger(dialect, table) {
  return withLedger(dialect, table, (ledger) => ledger.read());
}
async function appendLedger(dialect, table, entries) {
  if (entries.length === 0)
    return;
  await withLedger(dialect, table, async (ledger, connection, adapter) => {
    if (!adapter.supportsTransactionalDdl)
      await ledger.ensure();
    await connection.begin();
    try {
      for (const entry of entries)
        await ledger.append(entry);
      await connection.commit();
    } catch (error) {
      await connection.rollback();
      throw error;
    }
  });
}
async function withLedger(dialect, table, work) {
  const driver = dialect.createDriver();
  try {
    const connection = await driver.connect();
    try {
      const adapter = dialect.createAdapter();
      const ledger = new LedgerTable(connection, dialect.createCompiler(), adapter, table);
      return await work(ledger, connection, adapter);
    } finally {
      await connection.close();
    }
  } finally {
    await driver.destroy();
  }
}

// ../core/dist/runtime/connection-executor.js
var ConnectionExecutor = class {
  offline = false;
  transactionalDdl;
  #connection;
  #table;
  #progress;
  #progressRows;
  #map;
  #logger;
  #open = false;
  /** The statement being executed, for the error message when it fails. */
  #statement;
  /** Set while an unprotected step runs: its statements are tracked in the progress table. */
  #tracking;
  #ledger;
  #appliedBy;
  #source;
  /** The step running and when it started, for its ledger row. */
  #current;
  constructor(options) {
    this.#ledger = options.ledger;
    this.#appliedBy = options.appliedBy ?? null;
    this.#source = options.source;
    this.#connection = options.connection;
    this.transactionalDdl = options.transactionalDdl;
    this.#table = options.versionTable;
    this.#progress = options.progress;
    this.#progressRows = options.progressRows;
    this.#map = options.map;
    this.#logger = options.logger;
  }
  get statement() {
    return this.#statement;
  }
  beginRun() {
    return this.begin();
  }
  async begin() {
    if (this.#open)
      return;
    await this.#connection.begin();
    this.#open = true;
  }
  async commit() {
    if (!this.#open)
      return;
    this.#open = false;
    await this.#connection.commit();
  }
  async rollback() {
    if (!this.#open)
      return;
    this.#open = false;
    try {
      await this.#connection.rollback();
    } catch (error) {
      this.#logger.warn(`rollback failed${this.transactionalDdl ? "" : " (this database cannot roll back DDL)"}: ${messageOf(error)}`);
    }
  }
  async ensureVersionTable() {
    await this.#table.ensure();
    await this.#ledger?.ensure();
  }
  purgeVersionRows(rows) {
    return this.#table.purge(rows);
  }
  /** The version-row change of a step, and its ledger row in the same transaction. */
  async applyRows(rows) {
    await this.#table.apply(rows);
    if (this.#current !== void 0)
      await this.#appendLedger("applied", null);
  }
  /**
   * After a run failed and was rolled back: the ledger says which step failed and how
   * (rolled back, or stopped part-way with a progress record). Its own statement, after the
   * rollback, so that it stays; a failure to write it is a warning, never the error.
   */
  async recordFailedStep(error) {
    const current = this.#current;
    if (current === void 0 || this.#ledger === void 0)
      return;
    const how = error instanceof PartialMigrationError ? "stopped part-way (see the progress table)" : current.protect ? "rolled back" : "failed";
    try {
      this.#ledger.forgetExists();
      await this.#appendLedger("failed", `${how}: ${messageOf(error)}`);
    } catch (cleanup) {
      this.#logger.warn(`could not record the failure in the ledger: ${messageOf(cleanup)}`);
    } finally {
      this.#current = void 0;
    }
  }
  async #appendLedger(outcome, note) {
    const current = this.#current;
    if (this.#ledger === void 0 || current === void 0)
      return;
    const { step } = current;
    await this.#ledger.append({
      revision: step.revision.id,
      direction: step.direction,
      checksum: this.#source === void 0 ? null : sourceChecksum(this.#source, step.revision) ?? null,
      outcome,
      ranAt: current.at,
      durationMs: performance.now() - current.started,
      retortVersion: RETORT_VERSION,
      appliedBy: this.#appliedBy,
      note
    });
  }
  clearProgress() {
    return this.#progress.clear(this.#progressRows);
  }
  startPlan() {
  }
  startStep(step, protect) {
    this.#current = { step, protect, started: performance.now(), at: (/* @__PURE__ */ new Date()).toISOString() };
  }
  endStep() {
    this.#statement = void 0;
    this.#current = void 0;
  }
  async execute(statement, left) {
    const tracking = this.#tracking;
    if (tracking !== void 0) {
      tracking.count = Math.max(tracking.count, tracking.done + left);
      const record = {
        revision: tracking.step.revision.id,
        direction: tracking.step.direction,
        statementsDone: tracking.done,
        statementCount: tracking.count,
        statement: truncateProgressText(statement.sql),
        state: "running",
        error: null,
        recordedAt: (/* @__PURE__ */ new Date()).toISOString()
      };
      if (tracking.written) {
        await this.#progress.update(record);
      } else {
        await this.#progress.insert(record);
        tracking.written = true;
      }
    }
    this.#statement = statement.sql;
    const result = await this.#connection.execute(statement);
    this.#statement = void 0;
    if (tracking !== void 0)
      tracking.done += 1;
    return result;
  }
  trackStep(step) {
    const tracking = { step, done: 0, count: 0, written: false };
    this.#tracking = tracking;
    return {
      bodyDone: () => {
        this.#tracking = void 0;
      },
      finish: async () => {
        if (tracking.written)
          await this.#progress.delete(step.revision.id);
      },
      fail: (statement, error) => this.#recordFailure(tracking, statement, error)
    };
  }
  /**
   * After an unprotected step failed: no record when nothing ran or only its first
   * statement (which failed whole); otherwise the record says `failed` with the error, and
   * the error says what stayed applied and how to resolve it.
   */
  async #recordFailure(tracking, statement, error) {
    this.#statement = void 0;
    const { step } = tracking;
    if (!tracking.written)
      return wrapStepError(step, statement, error);
    if (tracking.done === 0 && statement !== void 0) {
      try {
        await this.#progress.delete(step.revision.id);
      } catch (cleanup) {
        this.#warn("could not delete the progress record of a revision that applied nothing", cleanup);
      }
      return wrapStepError(step, statement, error);
    }
    const record = {
      revision: step.revision.id,
      direction: step.direction,
      statementsDone: tracking.done,
      statementCount: Math.max(tracking.count, tracking.done),
      statement: statement === void 0 ? null : truncateProgressText(statement),
      state: "failed",
      error: truncateProgressText(messageOf(error)),
      recordedAt: (/* @__PURE__ */ new Date()).toISOString()
    };
    try {
      await this.#progress.update(record);
    } catch (cleanup) {
      this.#warn("could not record the failure in the progress table", cleanup);
    }
    let rows = [];
    try {
      rows = await this.#table.read();
    } catch (cleanup) {
      this.#warn("could not read the version table after the failure", cleanup);
    }
    return new PartialMigrationError(describeIncomplete(record, this.#map, rows, this.#progress.displayName), error);
  }
  #warn(what, error) {
    this.#logger.warn(`${what}: ${messageOf(error)}`);
  }
};
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// ../core/dist/runtime/default-progress-compiler.js
var C3 = PROGRESS_COLUMNS;
var DefaultProgressCompiler = class {
  #compiler;
  constructor(compiler) {
    this.#compiler = compiler;
  }
  /**
   * `CREATE TABLE IF NOT EXISTS`, the revision as primary key.
   *
   * @example
   * ```ts
   * progress.createProgressTable({ name: 'retort_version_progress' }, 255)
   * ```
   */
  createProgressTable(table, idLength) {
    const op = operations2();
    op.createTable(table.name, [
      op.column(C3.revision, "string", { length: idLength, primaryKey: true }),
      op.column(C3.direction, "string", { length: 4, nullable: false }),
      op.column(C3.statementsDone, "integer", { nullable: false }),
      op.column(C3.statementCount, "integer", { nullable: false }),
      op.column(C3.statement, "text"),
      op.column(C3.state, "string", { length: 16, nullable: false }),
      op.column(C3.error, "text"),
      op.column(C3.recordedAt, "string", { length: 32, nullable: false })
    ], { ifNotExists: true, ...table.schema ? { schema: table.schema } : {} });
    return this.#compile(op.takePending());
  }
  /**
   * Reads every record, oldest first.
   *
   * @example
   * ```ts
   * progress.selectProgress({ name: 'retort_version_progress' })
   * ```
   */
  selectProgress(table) {
    const columns = Object.values(C3).map((c) => this.#q(c));
    return this.#execute(`SELECT ${columns.join(", ")} FROM ${this.#table(table)} ORDER BY ${this.#q(C3.recordedAt)}`, []);
  }
  /**
   * Inserts a record, values bound.
   *
   * @example
   * ```ts
   * progress.insertProgress({ name: 'retort_version_progress' }, record)
   * ```
   */
  insertProgress(table, record) {
    const op = operations2();
    op.bulkInsert(table.name, [rowOf(record)], table.schema ? { schema: table.schema } : {});
    return this.#one(op.takePending(), "insertProgress");
  }
  /**
   * Overwrites the record of `record.revision`.
   *
   * @example
   * ```ts
   * progress.updateProgress({ name: 'retort_version_progress' }, { ...record, statementsDone: 3 })
   * ```
   */
  updateProgress(table, record) {
    const row = rowOf(record);
    const set = Object.keys(row).filter((column) => column !== C3.revision);
    return this.#execute(`UPDATE ${this.#table(table)} SET ${set.map((column) => `${this.#q(column)} = ?`).join(", ")} WHERE ${this.#q(C3.revision)} = ?`, [...set.map((column) => row[column]), record.revision]);
  }
  /**
   * Deletes the record of a revision.
   *
   * @example
   * ```ts
   * progress.deleteProgress({ name: 'retort_version_progress' }, 'a1')
   * ```
   */
  deleteProgress(table, revision) {
    return this.#execute(`DELETE FROM ${this.#table(table)} WHERE ${this.#q(C3.revision)} = ?`, [
      revision
    ]);
  }
  #execute(sql, parameters) {
    const op = operations2();
    op.execute(sql, [...parameters]);
    return this.#one(op.takePending(), "execute");
  }
  #one(pending, what) {
    const statements = this.#compile(pending);
    if (statements.length !== 1) {
      throw new RetortError("progress-compiler", `the dialect compiled the progress table's ${what} into ${statements.length} statements instead of 1; implement the ProgressCompiler methods on its compiler`);
    }
    return statements[0];
  }
  #compile(pending) {
    return pending.flatMap((operation) => [...this.#compiler.compile(operation)]);
  }
  #q(name) {
    return this.#compiler.quoteIdentifier(name);
  }
  #table(table) {
    return table.schema ? `${this.#q(table.schema)}.${this.#q(table.name)}` : this.#q(table.name);
  }
};
function progressCompilerOf(compiler) {
  const fallback = new DefaultProgressCompiler(compiler);
  return {
    createProgressTable: (table, idLength) => compiler.createProgressTable?.(table, idLength) ?? fallback.createProgressTable(table, idLength),
    selectProgress: (table) => compiler.selectProgress?.(table) ?? fallback.selectProgress(table),
    insertProgress: (table, record) => compiler.insertProgress?.(table, record) ?? fallback.insertProgress(table, record),
    updateProgress: (table, record) => compiler.updateProgress?.(table, record) ?? fallback.updateProgress(table, record),
    deleteProgress: (table, revision) => compiler.deleteProgress?.(table, revision) ?? fallback.deleteProgress(table, revision)
  };
}
function operations2() {
  return new Operations({ dialect: "progress", offline: true });
}
function rowOf(record) {
  return {
    [C3.revision]: record.revision,
    [C3.direction]: record.direction,
    [C3.statementsDone]: record.statementsDone,
    [C3.statementCount]: record.statementCount,
    [C3.statement]: record.statement,
    [C3.state]: record.state,
    [C3.error]: record.error,
    [C3.recordedAt]: record.recordedAt
  };
}

// ../core/dist/runtime/in-flight-statement.js
function statementObject(sql) {
  const tokens = tokenize(sql);
  let i = 0;
  const word = (...words) => {
    const token = tokens[i];
    if (token?.kind === "word" && words.includes(token.text.toUpperCase())) {
      i += 1;
      return true;
    }
    return false;
  };
  const name = () => {
    const first = tokens[i];
    if (first === void 0 || first.kind === "symbol")
      return void 0;
    i += 1;
    if (tokens[i]?.text === "." && tokens[i + 1] !== void 0 && tokens[i + 1].kind !== "symbol") {
      const second = tokens[i + 1];
      i += 2;
      return { name: second.value, schema: first.value };
    }
    return { name: first.value };
  };
  const ifExists = () => {
    const at = i;
    if (word("IF")) {
      word("NOT");
      if (word("EXISTS"))
        return;
    }
    i = at;
  };
  let action;
  if (word("CREATE"))
    action = "create";
  else if (word("DROP"))
    action = "drop";
  else
    return void 0;
  if (action === "create") {
    word("TEMPORARY", "TEMP");
    word("UNLOGGED");
    word("UNIQUE");
  }
  let kind;
  if (word("TABLE"))
    kind = "table";
  else if (word("INDEX"))
    kind = "index";
  else
    return void 0;
  word("CONCURRENTLY");
  ifExists();
  const object = name();
  if (object === void 0)
    return void 0;
  if (kind === "table")
    return { action, kind, name: object.name, schema: object.schema };
  let table;
  if (word("ON")) {
    word("ONLY");
    table = name();
  }
  const schema = object.schema ?? table?.schema;
  return {
    action,
    kind,
    name: object.name,
    schema,
    table: table === void 0 ? void 0 : { name: table.name, schema }
  };
}
async function checkInFlight(record, connection, introspector) {
  if (record.state !== "running" || record.statement === null)
    return void 0;
  const target = statementObject(record.statement);
  if (target === void 0)
    return void 0;
  try {
    let exists;
    let object;
    if (target.kind === "table") {
      object = `table '${target.name}'`;
      exists = await introspector.getTable(connection, target) !== void 0;
    } else {
      if (target.table === void 0)
        return void 0;
      object = `index '${target.name}' of table '${target.table.name}'`;
      const table = await introspector.getTable(connection, target.table);
      exists = table?.indexes.some((index) => index.name === target.name) ?? false;
    }
    const completed = target.action === "create" ? exists : !exists;
    return Object.freeze({ object, exists, completed });
  } catch {
    return void 0;
  }
}
function tokenize(sql) {
  const tokens = [];
  let i = 0;
  while (i < sql.length && tokens.length < 40) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === '"' || c === "`" || c === "[") {
      const close = c === "[" ? "]" : c;
      let j = i + 1;
      let value = "";
      while (j < sql.length) {
        if (sql[j] === close) {
          if (close !== "]" && sql[j + 1] === close) {
            value += close;
            j += 2;
            continue;
          }
          break;
        }
        value += sql[j];
        j += 1;
      }
      tokens.push({ kind: "quoted", text: sql.slice(i, j + 1), value });
      i = j + 1;
    } else if (/[A-Za-z0-9_$\u0080-\uffff]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j]))
        j += 1;
      const text = sql.slice(i, j);
      tokens.push({ kind: "word", text, value: text });
      i = j;
    } else {
      tokens.push({ kind: "symbol", text: c, value: c });
      i += 1;
    }
  }
  return tokens;
}

// ../core/dist/runtime/observed-connection.js
function observedConnection(connection, onEvent) {
  if (onEvent === void 0)
    return connection;
  const observed = {
    execute: (statement) => {
      onEvent({
        type: "statement",
        sql: statement.sql,
        parameterCount: statement.parameters.length
      });
      return connection.execute(statement);
    },
    begin: () => {
      onEvent({ type: "transaction", action: "begin" });
      return connection.begin();
    },
    commit: () => {
      onEvent({ type: "transaction", action: "commit" });
      return connection.commit();
    },
    rollback: () => {
      onEvent({ type: "transaction", action: "rollback" });
      return connection.rollback();
    }
  };
  return new Proxy(connection, {
    get(target, property) {
      const own = observed[property];
      if (own !== void 0)
        return own;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
}

// ../core/dist/runtime/load-step-bodies.js
var CONCURRENT_LOADS = 8;
async function loadStepBodies(source, steps) {
  const failures = /* @__PURE__ */ new Map();
  let next = 0;
  const worker = async () => {
    while (next < steps.length && failures.size === 0) {
      const index = next++;
      const step = steps[index];
      try {
        checkStepFunction(step, await source.load(step.revision));
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOADS, steps.length) }, () => worker()));
  if (failures.size > 0)
    throw failures.get(Math.min(...failures.keys()));
}
function checkStepFunction(step, body) {
  const fn = step.direction === "up" ? body.upgrade : body.downgrade;
  if (typeof fn === "function")
    return;
  throw new MigrationError(step.revision.id, step.direction, step.revision.path, void 0, new Error(`the revision has no ${step.direction === "up" ? "upgrade" : "downgrade"} function; add one`));
}

// ../core/dist/runtime/step-runner.js
var StepRunner = class {
  #executor;
  #compiler;
  #options;
  #mode;
  constructor(options) {
    this.#options = options;
    this.#executor = options.executor;
    this.#compiler = options.compiler;
    this.#mode = options.transactionMode;
  }
  /**
   * Runs a writing action from the version rows `before`. `pendingProgress`: the progress
   * table holds records a stamp clears (so a stamp that changes no row still runs).
   */
  async run(action, before, pendingProgress = false) {
    const { map } = this.#options;
    switch (action.kind) {
      case "ensureVersion":
        await this.#executor.ensureVersionTable();
        return { applied: [], heads: before };
      case "stamp": {
        const plan = planStamp(map, before, action.target, { purge: action.purge });
        await this.stamp(plan, before, pendingProgress);
        return { applied: [], heads: plan.after };
      }
      case "upgrade":
      case "downgrade": {
        const plan = action.kind === "upgrade" ? planUpgrade(map, before, action.target) : planDowngrade(map, before, action.target);
        return { applied: await this.migrate(plan), heads: plan.after };
      }
    }
  }
  /** Writes a stamp's row changes in one transaction, clearing the progress table. */
  async stamp(plan, before, pendingProgress) {
    if (plan.steps.length === 0 && before.length > 0 && !pendingProgress)
      return;
    const executor = this.#executor;
    try {
      await this.#beginRun();
      await executor.ensureVersionTable();
      await this.#begin();
      for (const step of plan.steps) {
        if (step.purge)
          await executor.purgeVersionRows(before);
        await executor.applyRows(step.rows);
      }
      await executor.clearProgress();
      await executor.commit();
    } catch (error) {
      await executor.rollback();
      throw error;
    }
  }
  /** Applies the steps of a migration plan; what ran, with timings. */
  async migrate(plan) {
    const { onEvent, logger } = this.#options;
    const executor = this.#executor;
    const applied = [];
    const total = plan.steps.length;
    await loadStepBodies(this.#options.source, plan.steps);
    if (total > 0)
      executor.startPlan(plan.steps);
    try {
      if (this.#mode === "all")
        await this.#beginRun();
      await executor.ensureVersionTable();
      for (const [index, step] of plan.steps.entries()) {
        const started = performance.now();
        const { id: revision, message } = step.revision;
        onEvent?.({
          type: "step-start",
          revision,
          message,
          direction: step.direction,
          index,
          total
        });
        logger?.info(describeStep(step));
        await this.#runStep(step);
        const ms = Math.round((performance.now() - started) * 1e3) / 1e3;
        applied.push({ revision, message, direction: step.direction, ms });
        onEvent?.({
          type: "step-done",
          revision,
          message,
          direction: step.direction,
          index,
          total,
          ms
        });
      }
      if (this.#mode === "all")
        await executor.commit();
      return applied;
    } catch (error) {
      await executor.rollback();
      throw error;
    }
  }
  async #runStep(step) {
    const executor = this.#executor;
    const protect = executor.transactionalDdl && step.revision.transaction && this.#mode !== "none";
    if (!protect)
      return this.#runUnprotected(step);
    executor.startStep(step, true);
    const each = this.#mode === "each";
    try {
      if (each)
        await this.#begin();
      await this.#runBody(step);
      await executor.applyRows(step.rows);
      if (each)
        await executor.commit();
    } catch (error) {
      throw wrapStepError(step, executor.statement, error);
    }
    executor.endStep(step);
  }
  /**
   * A step whose statements cannot be rolled back: each commits as it runs; then the
   * version-row change (and the end of its tracking) commit together. In mode `all` what
   * came before is committed first, and a new transaction starts after.
   */
  async #runUnprotected(step) {
    const executor = this.#executor;
    await executor.commit();
    executor.startStep(step, false);
    const tracking = executor.trackStep(step);
    try {
      try {
        await this.#runBody(step);
      } finally {
        tracking.bodyDone();
      }
      await this.#begin();
      await executor.applyRows(step.rows);
      await tracking.finish();
      await executor.commit();
      if (this.#mode === "all")
        await this.#beginRun();
    } catch (error) {
      const statement = executor.statement;
      await executor.rollback();
      throw await tracking.fail(statement, error);
    }
    executor.endStep(step);
  }
  /**
   * Calls the step's `upgrade` or `downgrade` with an {@link Operations} builder and sends
   * what it builds through the executor. The operations queued before an `op.query()` are
   * compiled and executed first; everything else after the function returns. Each batch is
   * compiled before any of it runs: a compile error applies nothing of it.
   */
  async #runBody(step) {
    const body = await this.#options.source.load(step.revision);
    const fn = step.direction === "up" ? body.upgrade : body.downgrade;
    if (typeof fn !== "function") {
      throw new MigrationError(step.revision.id, step.direction, step.revision.path, void 0, new Error(`the revision has no ${step.direction === "up" ? "upgrade" : "downgrade"} function; add one`));
    }
    const executor = this.#executor;
    const op = executor.offline ? new Operations({ dialect: this.#options.dialectName, offline: true }) : new Operations({
      dialect: this.#options.dialectName,
      offline: false,
      query: async (pending, sql, parameters) => {
        await this.#send(pending);
        return (await executor.execute({ sql, parameters }, 1)).rows;
      }
    });
    await fn(op);
    await this.#send(op.takePending());
  }
  async #send(operations3) {
    const statements = operations3.flatMap((operation) => [...this.#compiler.compile(operation)]);
    for (const [index, statement] of statements.entries()) {
      await this.#executor.execute(statement, statements.length - index);
    }
  }
  /** Transaction mode `none` opens no transaction at all. */
  async #begin() {
    if (this.#mode !== "none")
      await this.#executor.begin();
  }
  async #beginRun() {
    if (this.#mode !== "none")
      await this.#executor.beginRun();
  }
};
function describeStep(step) {
  const id = step.revision.id;
  const parents = step.revision.downRevisions.join(", ");
  const arrow = step.direction === "up" ? `${parents || "base"} -> ${id}` : `${id} -> ${parents || "base"}`;
  const message = step.revision.message ? `: ${step.revision.message}` : "";
  return `Running ${step.direction === "up" ? "upgrade" : "downgrade"} ${arrow}${message}`;
}

// ../core/dist/runtime/pass-squashes.js
async function passSquashes(squashes, before, map, table, upgrade, migrate, database) {
  if (squashes.isEmpty || !before.some((row) => squashes.placeOf(row) !== void 0)) {
    return { rows: before, applied: [] };
  }
  const applied = [];
  for (const row of before) {
    const place = squashes.placeOf(row);
    if (place === void 0)
      continue;
    const ids = squashes.squashes.get(place.squash);
    const last = ids[ids.length - 1];
    if (!place.last) {
      if (!upgrade) {
        const { missing } = squashes.remaining(row);
        if (missing.length > 0)
          throw new InsideSquashError(row, place.squash, missing, database);
        throw new InsideSquashError(row, place.squash, [], database);
      }
      const legacy = squashes.legacyMap(row, map, database);
      applied.push(...await migrate(legacy, planUpgrade(legacy, [row], last)));
    }
    await table.apply([{ op: "update", from: last, to: place.squash }]);
  }
  const rows = [];
  for (const row of before) {
    const id = squashes.placeOf(row)?.squash ?? row;
    if (!rows.includes(id))
      rows.push(id);
  }
  return { rows, applied };
}

// ../core/dist/runtime/run-online.js
async function runOnline(dialect, source, map, action, options, name) {
  const driver = dialect.createDriver();
  try {
    const connection = observedConnection(await driver.connect(), options.onEvent);
    try {
      const compiler = dialect.createCompiler();
      const adapter = dialect.createAdapter();
      const table = new VersionTable(connection, compiler, adapter, options.versionTable, dialect.createIntrospector());
      const progress = new ProgressTable(connection, progressCompilerOf(compiler), adapter, progressTableFor(options.versionTable));
      if (action.kind === "current") {
        const rows = await table.read();
        const progressRows = await progress.readRows();
        const [record] = progressRows.records;
        const [unreadable] = progressRows.unreadable;
        const inFlight = record && await checkInFlight(record, connection, dialect.createIntrospector());
        const incomplete = record && describeIncomplete(record, map, rows, progress.displayName, inFlight);
        return {
          name,
          applied: [],
          before: rows,
          heads: rows,
          ...incomplete ? { incomplete } : {},
          ...unreadable ? { unreadableProgress: progress.unreadableDetails(unreadable) } : {}
        };
      }
      const lock = { versionTable: options.versionTable, timeoutMs: options.lockTimeoutMs };
      await adapter.acquireMigrationLock(connection, lock);
      try {
        const before = await table.read();
        const progressRows = await progress.readRows();
        const migrates = action.kind === "upgrade" || action.kind === "downgrade";
        const [unreadable] = progressRows.unreadable;
        if (unreadable !== void 0 && migrates) {
          throw new UnreadableProgressError(progress.unreadableDetails(unreadable));
        }
        const [record] = progressRows.records;
        const inFlight = record && migrates ? await checkInFlight(record, connection, dialect.createIntrospector()) : void 0;
        const incomplete = record && describeIncomplete(record, map, before, progress.displayName, inFlight);
        if (incomplete !== void 0 && migrates)
          throw new IncompleteMigrationError(incomplete);
        const ledger = options.ledger && new LedgerTable(connection, compiler, adapter, options.ledger.table);
        const runnerFor = (graph) => {
          const executor2 = new ConnectionExecutor({
            connection,
            transactionalDdl: adapter.supportsTransactionalDdl,
            versionTable: table,
            progress,
            progressRows,
            map: graph,
            logger: options.logger,
            ledger,
            appliedBy: options.ledger?.appliedBy ?? null,
            source
          });
          const runner2 = new StepRunner({
            executor: executor2,
            compiler,
            dialectName: dialect.name,
            map: graph,
            source,
            transactionMode: options.transactionMode,
            logger: options.logger,
            onEvent: options.onEvent
          });
          return { executor: executor2, runner: runner2 };
        };
        const { executor, runner } = runnerFor(map);
        const pendingProgress = progressRows.records.length > 0 || progressRows.unreadable.length > 0;
        let result;
        try {
          let rows = before;
          let passedSteps = [];
          if (options.squashes !== void 0 && action.kind !== "ensureVersion") {
            const passed = await passSquashes(options.squashes, before, map, table, action.kind === "upgrade", async (legacy, plan) => {
              const finishing = runnerFor(legacy);
              try {
                return await finishing.runner.migrate(plan);
              } catch (error) {
                await finishing.executor.recordFailedStep(error);
                throw error;
              }
            }, name);
            rows = passed.rows;
            passedSteps = passed.applied;
          }
          const ran = await runner.run(action, rows, pendingProgress);
          result = { applied: [...passedSteps, ...ran.applied], heads: ran.heads };
        } catch (error) {
          await executor.recordFailedStep(error);
          throw error;
        }
        const { applied, heads } = result;
        options.logger.debug(`version table '${table.displayName}' now at ${heads.join(", ") || "base"}`);
        return { name, applied, before, heads, ...incomplete ? { incomplete } : {} };
      } finally {
        await adapter.releaseMigrationLock(connection, lock);
      }
    } finally {
      await connection.close();
    }
  } finally {
    await driver.destroy();
  }
}

// ../core/dist/env/dialect-for-url.js
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
var DIALECT_PACKAGES = Object.freeze({
  sqlite: Object.freeze({ package: "@retort/dialect-sqlite", factory: "sqliteDialect" }),
  postgresql: Object.freeze({ package: "@retort/dialect-postgres", factory: "postgresDialect" }),
  mysql: Object.freeze({ package: "@retort/dialect-mysql", factory: "mysqlDialect" })
});
async function dialectForUrl(url, options = {}) {
  try {
    return await createDialect(url, options);
  } catch (error) {
    throw inSetting(error, url, options.setting);
  }
}
function inSetting(error, url, setting) {
  const message = maskSecrets(error instanceof Error ? error.message : String(error), urlSecrets(url));
  const line = `${setting === void 0 ? "" : `${setting}: `}${message.replace(/\s+/g, " ").trim()}`;
  if (error instanceof ConfigError && setting === void 0 && line === error.message)
    return error;
  return new ConfigError(line, error instanceof RetortError ? { cause: error } : void 0);
}
async function createDialect(url, options) {
  const parsed = parseDatabaseUrl(url, options.baseDir);
  let argument;
  switch (parsed.kind) {
    case "sqlite":
      argument = { filename: parsed.filename };
      break;
    case "postgresql":
      argument = { connectionString: parsed.connectionString };
      break;
    case "mysql":
      argument = { uri: parsed.mariadb ? parsed.uri.replace(/^mysql:/, "mariadb:") : parsed.uri };
      break;
    case "other":
      throw new ConfigError(/^[^/]*@/.test(parsed.url.slice(parsed.scheme.length + 1)) ? `the url '${parsed.redacted}' has no scheme (it starts with a user and password); put postgresql://, mysql:// or mariadb:// in front of it` : `the url '${parsed.redacted}' has the scheme '${parsed.scheme}', which no Retort dialect handles; use sqlite:, postgresql:, mysql: or mariadb:, or choose the dialect in an env module`);
    default:
      return parsed;
  }
  return dialectFromPackage(parsed.kind, argument, options, `the url '${maskUrl(url)}'`);
}
async function dialectFromPackage(kind, argument, options, subject) {
  const { package: name, factory } = DIALECT_PACKAGES[kind];
  const namespace = await importDialectPackage(name, options).catch((error) => {
    throw notLoaded(error, name, subject);
  });
  const create = namespace?.[factory];
  if (typeof create !== "function") {
    throw new ConfigError(`${name} does not export ${factory}(); install a version of ${name} that matches @retort/core`);
  }
  return create(argument);
}
async function importDialectPackage(name, options = {}) {
  if (options.importer !== void 0)
    return options.importer(name);
  const from = options.projectDir ?? options.baseDir;
  const project = from === void 0 ? void 0 : projectPackage(from, name);
  if (project !== void 0)
    return import(pathToFileURL(project).href);
  const own = options.packages?.[name];
  if (own !== void 0)
    return own();
  return import(
    /* webpackIgnore: true */
    /* @vite-ignore */
    name
  );
}
function projectDirectory(config) {
  if (config.directory !== void 0)
    return config.directory;
  try {
    return config.scriptLocation;
  } catch {
    return void 0;
  }
}
function projectPackage(baseDir, name) {
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name, "package.json")))
      return createRequire(join(dir, "noop.js")).resolve(name);
    if (dirname(dir) === dir)
      return void 0;
  }
}
function notLoaded(error, name, subject) {
  const reason = error instanceof Error ? error.message : String(error);
  const code = error?.code;
  const missing = (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || /cannot find (package|module)/i.test(reason)) && reason.includes(name);
  if (missing) {
    return new ConfigError(`${subject} needs ${name}; install it (npm install ${name})`, { cause: error });
  }
  return new ConfigError(`${name} (for ${subject}) failed to load: ${maskSecrets(reason.replace(/\s+/g, " ").trim())}`, { cause: error });
}

// ../core/dist/env/define-env.js
function defineEnv(run, options = {}) {
  if (typeof run !== "function") {
    throw new TypeError("defineEnv needs a function: defineEnv(async (ctx) => { ... })");
  }
  const { targets } = options;
  if (targets !== void 0 && typeof targets !== "function") {
    throw new TypeError("defineEnv: targets must be a function returning the databases: { targets: (ctx) => [{ name, dialect }] }");
  }
  return Object.freeze({ kind: "env", run, ...targets === void 0 ? {} : { targets } });
}
function isEnvModule(value) {
  return typeof value === "object" && value !== null && value.kind === "env" && typeof value.run === "function";
}

// ../core/dist/env/default-env.js
var DEFAULT_ENV_X_ARGS = Object.freeze(["url"]);
function defaultEnv(options = {}) {
  return defineEnv(async (ctx) => {
    const { config } = ctx;
    for (const key of Object.keys(ctx.xArgs)) {
      if (DEFAULT_ENV_X_ARGS.includes(key))
        continue;
      const near = nearestName(key, DEFAULT_ENV_X_ARGS);
      throw new ConfigError(`-x ${key}: the default env (the script directory has no env module) reads only ${DEFAULT_ENV_X_ARGS.map((name) => `-x ${name}`).join(", ")}; ${near === void 0 ? `remove it, or write an env module that reads ctx.xArgs['${key}']` : `did you mean '${near}'?`}`);
    }
    const fromX = ctx.xArgs["url"];
    const url = fromX ?? config.url;
    if (url === void 0) {
      const names = config.databaseNames;
      throw new ConfigError(names.length > 0 && config.name === void 0 ? `no top-level 'url' in ${config.path ?? "the config"}, which lists databases ${names.join(", ")}: select one of them, or write an env.ts that migrates each` : `no 'url' in ${config.path ?? "the config"}: set url, pass -x url=..., pass a dialect, or write an env.ts`);
    }
    const setting = fromX === void 0 ? config.describeKey("url") : "-x url";
    const baseDir = config.directory;
    const dialect = options.resolveDialect ? await options.resolveDialect(url, { baseDir, setting }) : options.importer ? await dialectForUrl(url, { baseDir, setting, importer: options.importer }) : await ctx.dialectForUrl(url, { setting });
    ctx.logger.debug(`default env: ${dialect.name} dialect for ${dialect.description}`);
    try {
      await ctx.runMigrations(config.name === void 0 ? { dialect } : { dialect, name: config.name });
    } catch (error) {
      throw error instanceof RetortError && error.code === "connection" ? inSetting2(error, setting) : error;
    }
  });
}
function inSetting2(error, setting) {
  const named = new RetortError(error.code, `${setting}: ${error.message}`, { cause: error });
  for (const [key, value] of Object.entries(error)) {
    if (!(key in named))
      Object.assign(named, { [key]: value });
  }
  return named;
}

// ../core/dist/env/dialect-for-connection.js
function connectionKind(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const has = (name) => typeof value[name] === "function";
  if (has("prepare") && has("exec") && has("pragma")) {
    return { dialect: "sqlite", key: "database", label: "a better-sqlite3 Database" };
  }
  if (has("getConnection") && has("query")) {
    return { dialect: "mysql", key: "pool", label: "a mysql2 pool" };
  }
  if (has("execute") && has("query") && has("beginTransaction")) {
    return { dialect: "mysql", key: "connection", label: "a mysql2 connection" };
  }
  if (has("query") && has("connect") && typeof value["totalCount"] === "number") {
    return { dialect: "postgresql", key: "pool", label: "a pg Pool" };
  }
  if (has("query") && ("connectionParameters" in value || has("release"))) {
    return { dialect: "postgresql", key: "client", label: "a pg Client" };
  }
  return void 0;
}
async function dialectForConnection(connection, options = {}) {
  const kind = connectionKind(connection);
  if (kind === void 0) {
    throw new ConfigError(`ctx.runMigrations({ connection })${options.where ?? ""} got ${describe(connection)}, which is not a better-sqlite3 Database, a pg Pool or Client, or a mysql2 pool or connection; pass one of those, or { dialect }`);
  }
  return dialectFromPackage(kind.dialect, { [kind.key]: connection }, options, `the connection (${kind.label})`);
}
function describe(value) {
  if (value === null)
    return "null";
  if (typeof value !== "object")
    return typeof value === "string" ? "a string" : `a ${typeof value}`;
  const name = value.constructor?.name;
  return typeof name === "string" && /^[A-Za-z_$][\w$]{0,40}$/.test(name) && name !== "Object" ? `an object of class ${name}` : "a plain object";
}

// ../core/dist/env/env-context.js
function createEnvContext(parts) {
  return Object.freeze({
    config: parts.config,
    xArgs: Object.freeze({ ...parts.xArgs ?? {} }),
    logger: parts.logger ?? silentLogger,
    offline: parts.offline ?? false,
    runMigrations: parts.runMigrations,
    dialectForUrl: (url, options = {}) => dialectForUrl(url, {
      baseDir: parts.config.directory,
      projectDir: projectDirectory(parts.config),
      packages: parts.dialectPackages,
      setting: options.setting
    })
  });
}

// ../core/dist/env/load-env-module.js
import { stat } from "node:fs/promises";
import { extname, isAbsolute } from "node:path";
import { fileURLToPath, pathToFileURL as pathToFileURL2 } from "node:url";
var NATIVE = /* @__PURE__ */ new Set([".js", ".mjs", ".cjs"]);
var TYPESCRIPT = /* @__PURE__ */ new Set([".ts", ".mts"]);
async function loadEnvModule(path) {
  const file = path instanceof URL || path.startsWith("file:") ? fileURLToPath(path) : path;
  if (!isAbsolute(file)) {
    throw new ConfigError(`env module path '${file}' is relative; pass an absolute path or a file URL`);
  }
  const extension = extname(file).toLowerCase();
  if (!NATIVE.has(extension) && !TYPESCRIPT.has(extension)) {
    throw new ConfigError(`env module '${file}' has the extension '${extension}'; name it env.ts, env.mts, env.js or env.mjs`);
  }
  try {
    if (!(await stat(file)).isFile())
      throw new Error("not a file");
  } catch {
    throw new ConfigError(`env module '${file}' does not exist; create it or remove the reference to it`);
  }
  let namespace;
  try {
    namespace = NATIVE.has(extension) ? await import(pathToFileURL2(file).href) : await importTypeScript(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`env module '${file}' failed to load: ${reason.replace(/\s+/g, " ").trim()}; fix the error in that file`, {
      cause: error
    });
  }
  const exported = namespace?.default;
  const candidate = isEnvModule(exported) ? exported : exported?.default;
  if (!isEnvModule(candidate)) {
    throw new ConfigError(`'${file}' must \`export default defineEnv(async (ctx) => ...)\``);
  }
  return candidate;
}
async function importTypeScript(file) {
  const { TypeScriptLoader } = await import("./typescript-loader-ZNYBL6AV.js");
  return new TypeScriptLoader().import(file);
}

// ../core/dist/commands/visit-databases.js
async function visitDatabases(config, loaded, options, offline, visit) {
  if (options.dialect !== void 0) {
    await visit(options.dialect, {});
    return;
  }
  const env = loaded.envPath ? await loadEnvModule(loaded.envPath) : defaultEnv(options.resolveDialect ? { resolveDialect: options.resolveDialect } : {});
  let visited = 0;
  const context = createEnvContext({
    config,
    xArgs: options.xArgs,
    logger: options.logger,
    offline,
    dialectPackages: options.dialectPackages,
    runMigrations: async (runOptions) => {
      visited += 1;
      await visit(await dialectOf(runOptions, config, loaded.envPath, options), runOptions);
    }
  });
  await env.run(context);
  if (visited === 0) {
    throw new ConfigError(`the env module${loaded.envPath ? ` '${loaded.envPath}'` : ""} finished without calling ctx.runMigrations(); call it with the dialect to migrate`);
  }
}
async function dialectOf(runOptions, config, envPath, options) {
  const where = envPath ? ` in '${envPath}'` : "";
  const { dialect, connection } = runOptions;
  if (dialect !== void 0 && connection !== void 0) {
    throw new ConfigError(`ctx.runMigrations() was given both a dialect and a connection${where}; pass one of them`);
  }
  if (dialect !== void 0)
    return dialect;
  if (connection !== void 0 && connection !== null) {
    return dialectForConnection(connection, {
      baseDir: config.directory,
      projectDir: projectDirectory(config),
      packages: options.dialectPackages,
      where
    });
  }
  throw new ConfigError(`ctx.runMigrations() was called without a dialect or connection${where}; pass { dialect: sqliteDialect({ filename }) } or another dialect, or { connection } with the application's open connection`);
}

// ../core/dist/runtime/offline-script.js
var NO_FRAME = Object.freeze({
  notes: [],
  start: [],
  check: () => [],
  end: []
});
var OfflineScript = class {
  #lines = [];
  #compiler;
  #frame;
  #transactions;
  #wanted = false;
  #open = false;
  /** Statements written since the last check. */
  #unchecked = [];
  /**
   * `transactions`: whether BEGIN/COMMIT are written at all (not in transaction mode
   * `none`); `versionTable` is handed to the compiler's `scriptFrame`.
   */
  constructor(title, compiler, options) {
    this.#compiler = compiler;
    this.#frame = compiler.scriptFrame?.(options.versionTable) ?? NO_FRAME;
    this.#transactions = options.transactions;
    this.comment(title);
    for (const note of this.#frame.notes)
      this.comment(note);
    for (const statement of this.#frame.start)
      this.#write(statement);
  }
  /** A comment line; any text is safe here. */
  comment(text) {
    this.#lines.push(sqlComment(text));
  }
  blank() {
    if (this.#lines.at(-1) !== "")
      this.#lines.push("");
  }
  /**
   * A statement, after BEGIN when a transaction was asked for and is not open yet. `text` is
   * the statement already inlined, when the caller has it.
   */
  statement(statement, text) {
    if (this.#wanted && !this.#open) {
      this.#lines.push("BEGIN;");
      this.#open = true;
    }
    if (text === void 0)
      this.#write(statement);
    else
      this.#lines.push(`${text};`);
    this.#unchecked.push(statement);
  }
  /** Asks for a transaction from the next statement on (nothing in mode `none`). */
  begin() {
    if (this.#transactions)
      this.#wanted = true;
  }
  /** Ends the open transaction, its checks first; drops a request no statement used. */
  commit() {
    this.#wanted = false;
    if (!this.#open)
      return;
    while (this.#lines.at(-1) === "")
      this.#lines.pop();
    this.#check();
    this.#lines.push("COMMIT;");
    this.#open = false;
    this.blank();
  }
  /** The script: the open transaction committed, the last checks and the dialect's `end`. */
  text() {
    this.commit();
    this.#check();
    if (this.#frame.end.length > 0)
      this.blank();
    for (const statement of this.#frame.end)
      this.#write(statement);
    return `${this.#lines.join("\n").trim()}
`;
  }
  #check() {
    const checks = this.#frame.check(this.#unchecked);
    this.#unchecked = [];
    for (const statement of checks)
      this.#write(statement);
  }
  #write(statement) {
    this.#lines.push(`${this.#compiler.inline(statement)};`);
  }
};

// ../core/dist/runtime/script-executor.js
var NO_ROWS = Object.freeze({ rows: [], rowCount: 0 });
var ScriptExecutor = class {
  offline = true;
  transactionalDdl;
  statement = void 0;
  #script;
  #compiler;
  #options;
  constructor(options) {
    this.#options = options;
    this.#script = options.script;
    this.#compiler = options.compiler;
    this.transactionalDdl = options.transactionalDdl;
  }
  /** A script that cannot roll back DDL gets no BEGIN around it: it would promise a rollback. */
  async beginRun() {
    if (this.transactionalDdl)
      this.#script.begin();
  }
  async begin() {
    this.#script.begin();
  }
  async commit() {
    this.#script.commit();
  }
  /** The script is discarded when a run fails: nothing to undo. */
  async rollback() {
  }
  async ensureVersionTable() {
    this.#script.blank();
    if (!this.#options.createsVersionTable)
      return;
    const { versionTable } = this.#options;
    for (const statement of this.#compiler.createVersionTable(versionTable, VERSION_ID_LENGTH))
      this.#script.statement(statement);
  }
  async purgeVersionRows() {
    this.#script.comment("purge: delete every row of the version table first");
  }
  async applyRows(rows) {
    const { versionTable } = this.#options;
    for (const statement of versionStatements(this.#compiler, versionTable, rows))
      this.#script.statement(statement);
  }
  /** An offline script has no progress table. */
  async clearProgress() {
  }
  startPlan() {
    if (!this.transactionalDdl) {
      this.#script.comment("this database commits each DDL statement as it runs (no transactional DDL): the revisions are not wrapped in BEGIN/COMMIT (only their version-table changes are), and one that fails part-way leaves its earlier statements applied");
    }
  }
  startStep(step, protect) {
    this.#script.blank();
    this.#script.comment(`${describeStep(step)}${step.revision.path ? ` (${step.revision.path})` : ""}`);
    if (!protect && this.transactionalDdl && this.#options.transactions) {
      this.#script.comment("transaction = false: runs outside a transaction");
    }
  }
  endStep() {
    this.#script.blank();
  }
  /**
   * Writes the statement inlined; inlining can fail too (a SQLite rebuild or a MySQL column
   * restatement without the hints an offline script needs), and the runner names the
   * revision in that error as in a compile error.
   */
  async execute(statement) {
    this.#script.statement(statement, this.#compiler.inline(statement));
    return NO_ROWS;
  }
  /** Nothing to track offline: whoever runs the script decides what a failure leaves. */
  trackStep(step) {
    return {
      bodyDone: () => {
      },
      finish: async () => {
      },
      fail: async (statement, error) => wrapStepError(step, statement, error)
    };
  }
};

// ../core/dist/runtime/run-offline.js
async function runOffline(dialect, source, map, action, start, options, name) {
  if (action.kind === "current") {
    throw new RetortError("needs-database", `'current' reads the database; it has no offline (--sql) form`);
  }
  const compiler = dialect.createCompiler();
  const transactions = options.transactionMode !== "none";
  const script = new OfflineScript(`Retort migration script (${dialect.name})`, compiler, {
    transactions,
    versionTable: options.versionTable
  });
  const runner = new StepRunner({
    executor: new ScriptExecutor({
      script,
      compiler,
      versionTable: options.versionTable,
      // The capability, not the dialect's name: a database that commits each DDL statement
      // gets no BEGIN/COMMIT around DDL, as online.
      transactionalDdl: dialect.createAdapter().supportsTransactionalDdl,
      createsVersionTable: start.length === 0 || action.kind === "ensureVersion" || action.kind === "stamp" && action.purge,
      transactions
    }),
    compiler,
    dialectName: dialect.name,
    map,
    source,
    transactionMode: options.transactionMode
  });
  const { heads } = await runner.run(action, start);
  return { name, applied: [], before: start, heads, sql: script.text() };
}

// ../core/dist/runtime/run-with-backup.js
import { existsSync as existsSync2, mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname as dirname2, join as join2, resolve as resolve2 } from "node:path";

// ../core/dist/database-files.js
function databaseFilesOf(dialect) {
  const files = dialect.files;
  if (typeof files !== "object" || files === null)
    return void 0;
  const candidate = files;
  return typeof candidate.memory === "function" && typeof candidate.backup === "function" && typeof candidate.restore === "function" ? files : void 0;
}

// ../core/dist/runtime/run-with-backup.js
var BACKUP_MARKER = ".retort-backup-";
var RestoredFromBackupError = class extends RetortError {
  database;
  backup;
  constructor(database, backup, cause) {
    super("restored-from-backup", `${failure(cause)}; the database '${database}' was restored from the backup '${backup}' taken before the run, so it is as it was before: fix the revision and run the command again`, { cause });
    this.database = database;
    this.backup = backup;
  }
};
async function runWithBackup(dialect, source, map, action, options, name, policy) {
  const files = databaseFilesOf(dialect);
  const run = () => runOnline(dialect, source, map, action, options, name);
  if (policy === void 0 || action.kind !== "upgrade" && action.kind !== "downgrade" || files?.filename === void 0 || !existsSync2(files.filename)) {
    return run();
  }
  const read = await runOnline(dialect, source, map, { kind: "current" }, options, name);
  if (read.incomplete !== void 0 || read.unreadableProgress !== void 0)
    return run();
  let plan;
  try {
    plan = action.kind === "upgrade" ? planUpgrade(map, read.heads, action.target) : planDowngrade(map, read.heads, action.target);
  } catch {
    return run();
  }
  if (plan.steps.length === 0)
    return run();
  const backup = await takeBackup(files, policy.backup, options);
  try {
    return await run();
  } catch (error) {
    const unprotected = options.transactionMode === "none" || !dialect.createAdapter().supportsTransactionalDdl || plan.steps.some((step) => !step.revision.transaction);
    if (!policy.restoreOnFailure || !unprotected)
      throw error;
    try {
      await files.restore(backup);
    } catch (restoreError) {
      options.logger.error(`could not restore '${files.filename}' from '${backup}': ${restoreError instanceof Error ? restoreError.message : String(restoreError)}`);
      throw error;
    }
    options.onEvent?.({ type: "restored", database: files.filename, backup });
    options.logger.warn(`restored '${files.filename}' from the backup '${backup}'`);
    throw new RestoredFromBackupError(files.filename, backup, error);
  }
}
async function takeBackup(files, settings, options) {
  const database = resolve2(files.filename);
  const directory = settings.dir ?? dirname2(database);
  mkdirSync(directory, { recursive: true });
  const prefix = `${basename(database)}${BACKUP_MARKER}`;
  const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[-:]/g, "").replace(".", "");
  let backup = join2(directory, `${prefix}${stamp}`);
  for (let n = 1; existsSync2(backup); n++)
    backup = join2(directory, `${prefix}${stamp}-${n}`);
  options.onEvent?.({ type: "backup-start", database, backup });
  const started = performance.now();
  await files.backup(backup);
  const ms = Math.round((performance.now() - started) * 1e3) / 1e3;
  const removed = pruneBackups(directory, prefix, settings.keep);
  options.logger.info(`backed up '${database}' to '${backup}'`);
  options.onEvent?.({ type: "backup-done", database, backup, ms, removed });
  return backup;
}
function pruneBackups(directory, prefix, keep) {
  const all = readdirSync(directory).filter((name) => name.startsWith(prefix)).sort(byTime);
  const removed = all.slice(0, Math.max(0, all.length - keep)).map((name) => join2(directory, name));
  for (const path of removed)
    rmSync(path, { force: true });
  return removed;
}
function byTime(a, b) {
  const [aTime = "", aN = "0"] = a.split(/-(?=\d+$)/);
  const [bTime = "", bN = "0"] = b.split(/-(?=\d+$)/);
  return aTime < bTime ? -1 : aTime > bTime ? 1 : Number(aN) - Number(bN);
}
function failure(cause) {
  if (cause instanceof MigrationError && cause.cause !== void 0) {
    const reason = cause.cause instanceof Error ? cause.cause.message : String(cause.cause);
    const statement = cause.statement === void 0 ? "" : ` at statement \`${cause.statement.replace(/\s+/g, " ")}\``;
    return `${cause.direction === "up" ? "upgrade" : "downgrade"} of revision '${cause.revision}' failed${statement}: ${reason.replace(/\s+/g, " ")}`;
  }
  return (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, " ");
}

// ../core/dist/commands/verify-ledger.js
function ledgerState(rows) {
  const state = /* @__PURE__ */ new Map();
  for (const row of rows) {
    if (row.outcome === "failed")
      continue;
    if (row.direction === "up")
      state.set(row.revision, row.checksum);
    else
      state.delete(row.revision);
  }
  return state;
}
function verifyLedger(rows, map, source, heads, replaced = /* @__PURE__ */ new Set()) {
  const state = ledgerState(rows);
  const applied = map.ancestors(heads.filter((id) => map.has(id)));
  const changed = [];
  const missing = [];
  for (const [id, recorded] of state) {
    if (!map.has(id)) {
      if (!replaced.has(id))
        missing.push(id);
      continue;
    }
    if (recorded === null || !applied.has(id))
      continue;
    const current = sourceChecksum(source, map.get(id));
    if (current === void 0)
      missing.push(id);
    else if (current !== recorded)
      changed.push(Object.freeze({ revision: id, recorded, current }));
  }
  return Object.freeze({ changed: Object.freeze(changed), missing: Object.freeze(missing) });
}
function ledgerTableOf(config, versionTable) {
  return ledgerTableFor(versionTable, config.get("ledgerTable"));
}
function appliedByOf(config, env = process.env) {
  const configured = config.get("appliedBy");
  const value = configured ?? env["RETORT_APPLIED_BY"];
  return value === void 0 || value.trim() === "" ? null : value.trim();
}

// ../core/dist/commands/run-action.js
async function runAction(config, loaded, action, options, offline) {
  const results = [];
  const logger = options.logger ?? silentLogger;
  const run = async (dialect, runOptions = {}) => {
    const settings = { ...runSettings(config, runOptions, options), squashes: loaded.squashes };
    logger.debug(`${offline ? "compiling" : "migrating"} ${dialect.description}${runOptions.name ? ` (${runOptions.name})` : ""}`);
    const result = offline ? await runOffline(dialect, loaded.source, loaded.map, action, offline.rows, settings, runOptions.name) : await runWithBackup(dialect, loaded.source, loaded.map, action, settings, runOptions.name, backupPolicy(config, runOptions));
    results.push(result);
  };
  await visitDatabases(config, loaded, options, offline !== void 0, run);
  return results;
}
function backupPolicy(config, runOptions) {
  const target = runOptions.name === void 0 ? config : config.forDatabase(runOptions.name);
  const backup = target.backup;
  return backup === void 0 ? void 0 : { backup, restoreOnFailure: target.restoreOnFailure };
}
function runSettings(config, runOptions, options) {
  const target = runOptions.name === void 0 ? config : config.forDatabase(runOptions.name);
  const table = target.versionTable;
  return {
    versionTable: {
      name: runOptions.versionTable ?? table.name,
      schema: runOptions.versionTableSchema ?? runOptions.schema ?? table.schema
    },
    transactionMode: runOptions.transactionMode ?? target.transactionMode,
    lockTimeoutMs: target.lockTimeout,
    logger: options.logger ?? silentLogger,
    onEvent: options.onEvent,
    ledger: {
      table: ledgerTableOf(target, {
        name: runOptions.versionTable ?? table.name,
        schema: runOptions.versionTableSchema ?? runOptions.schema ?? table.schema
      }),
      appliedBy: appliedByOf(target)
    }
  };
}

export {
  ledgerTableFor,
  displayName,
  progressTableFor,
  planUpgrade,
  RETORT_VERSION,
  readLedger,
  appendLedger,
  loadStepBodies,
  runOnline,
  databaseFilesOf,
  runWithBackup,
  ledgerState,
  verifyLedger,
  ledgerTableOf,
  appliedByOf,
  dialectForUrl,
  projectDirectory,
  dialectForConnection,
  loadEnvModule,
  visitDatabases,
  runAction,
  backupPolicy,
  runSettings
};
