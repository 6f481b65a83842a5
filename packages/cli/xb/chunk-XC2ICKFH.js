// ../core/dist/errors.js
var RetortError = class extends Error {
  /** A stable machine-readable code, e.g. `'multiple-heads'`. */
  code;
  constructor(code, message, options) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
};
var RevisionError = class extends RetortError {
};
var DuplicateRevisionError = class extends RevisionError {
  revision;
  paths;
  constructor(revision, paths) {
    super("duplicate-revision", `revision '${revision}' is declared twice (${paths.map((p) => `'${p}'`).join(" and ")}); give one of them a new id`);
    this.revision = revision;
    this.paths = paths;
  }
};
var MissingRevisionError = class extends RevisionError {
  revision;
  missing;
  field;
  path;
  constructor(revision, missing, field, path) {
    super("missing-revision", `revision '${revision}'${where(path)} has ${field} '${missing}', which is not a known revision; add the missing file or correct ${field}`);
    this.revision = revision;
    this.missing = missing;
    this.field = field;
    this.path = path;
  }
};
var CycleDetectedError = class extends RevisionError {
  cycle;
  paths;
  constructor(cycle, paths) {
    const first = paths.find((p) => p !== void 0);
    super("cycle", `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `'${id}'`).join(" -> ")}${where(first)}; correct the downRevision or dependsOn of one of them`);
    this.cycle = cycle;
    this.paths = paths;
  }
};
var InvalidRevisionIdError = class extends RevisionError {
  revision;
  path;
  constructor(revision, path) {
    super("invalid-revision-id", `revision id '${revision}'${where(path)} is not valid; use letters, digits and '_' only`);
    this.revision = revision;
    this.path = path;
  }
};
var DuplicateBranchLabelError = class extends RevisionError {
  label;
  revisions;
  path;
  constructor(label, revisions, path) {
    super("duplicate-branch-label", `branch label '${label}' is declared by ${revisions.map((r) => `'${r}'`).join(" and ")}${where(path)}; branch labels must be unique and differ from revision ids`);
    this.label = label;
    this.revisions = revisions;
    this.path = path;
  }
};
var RevisionFileError = class extends RevisionError {
  path;
  line;
  constructor(path, line, detail) {
    super("revision-file", `${path}${line === void 0 ? "" : `:${line}`}: ${detail}`);
    this.path = path;
    this.line = line;
  }
};
var ResolutionError = class extends RevisionError {
  identifier;
  constructor(identifier, message, code = "resolution") {
    super(code, message);
    this.identifier = identifier;
  }
};
var AmbiguousRevisionError = class extends ResolutionError {
  candidates;
  constructor(identifier, candidates) {
    super(identifier, `'${identifier}' matches several revisions (${candidates.map((c) => `'${c}'`).join(", ")}); give more characters of the id`, "ambiguous-revision");
    this.candidates = candidates;
  }
};
var MultipleHeadsError = class extends ResolutionError {
  heads;
  constructor(identifier, heads, scope = "the revision graph") {
    super(identifier, `'${identifier}' is ambiguous: ${scope} has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(", ")}); use 'heads', 'LABEL@head' or a revision id, or merge them with 'retort merge heads'`, "multiple-heads");
    this.heads = heads;
  }
};
var RelativeRangeError = class extends ResolutionError {
  constructor(identifier, message) {
    super(identifier, message, "relative-range");
  }
};
var ConfigError = class extends RetortError {
  constructor(message, options) {
    super("config", message, options);
  }
};
var UnknownDatabaseRevisionError = class extends RetortError {
  revisions;
  constructor(revisions) {
    super("database-newer", `the database is at revision ${revisions.map((r) => `'${r}'`).join(", ")}, which this application does not know; the database was migrated by a newer version: update the application, or 'stamp --purge' if the ids are wrong`);
    this.revisions = revisions;
  }
};
var MigrationError = class extends RetortError {
  revision;
  direction;
  path;
  statement;
  constructor(revision, direction, path, statement, cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("migration-failed", `${direction === "up" ? "upgrade" : "downgrade"} of revision '${revision}'${where(path)} failed${statement === void 0 ? "" : ` at statement \`${oneLine(statement)}\``}: ${oneLine(reason)}; fix the revision and run the command again`, { cause });
    this.revision = revision;
    this.direction = direction;
    this.path = path;
    this.statement = statement;
  }
};
var VersionTableConflictError = class extends RetortError {
  table;
  constructor(table, detail) {
    super("version-table-conflict", `version table '${table}' changed underneath this run (${detail}); another process may be migrating: run 'current' and try again`);
    this.table = table;
  }
};
var VersionTableShapeError = class extends RetortError {
  table;
  problem;
  columns;
  constructor(table, problem, columns, idLength, options) {
    const has = columns.length === 0 ? "" : ` (it has ${columns.join(", ")})`;
    super("version-table-shape", `version table '${table}' is not shaped as Retort's: ${problem}${has}; it needs a column 'version_num' VARCHAR(${idLength}) NOT NULL, the primary key, one row per applied head: set 'versionTable' to another name if the table belongs to something else, or drop or fix it`, options);
    this.table = table;
    this.problem = problem;
    this.columns = columns;
  }
};
var LockTimeoutError = class extends RetortError {
  target;
  timeoutMs;
  constructor(target, timeoutMs, holder) {
    super("lock-timeout", `could not take the migration lock on '${target}' within ${timeoutMs} ms${holder ? ` (held by ${holder})` : ""}; another migration is running: wait for it or raise lockTimeout`);
    this.target = target;
    this.timeoutMs = timeoutMs;
  }
};
var PartialMigrationError = class extends MigrationError {
  details;
  constructor(details, cause) {
    const { record, path } = details;
    super(record.revision, record.direction, path, record.statement ?? void 0, cause);
    this.details = details;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const at = record.statement === null ? ` after ${statementRange(record.statementsDone)} of ${record.statementCount}` : ` at statement \`${oneLine(record.statement)}\` (${record.statementsDone + 1} of ${record.statementCount})`;
    this.message = `${verb(record)} of revision '${record.revision}'${where(path)} failed${at}: ${oneLine(reason)}; ${statementRange(record.statementsDone)} stayed applied (the revision ran outside a transaction, so nothing was rolled back) and this is recorded in '${details.table}': ${advice(details)}`;
  }
};
var IncompleteMigrationError = class extends RetortError {
  details;
  constructor(details) {
    const { record, path, table } = details;
    super("incomplete-migration", `the ${verb(record)} of revision '${record.revision}'${where(path)} stopped part-way (recorded in '${table}' at ${record.recordedAt}): ${appliedSummary(details)}; nothing runs on this database until that is resolved: ${advice(details)}`);
    this.details = details;
  }
};
var UnreadableProgressError = class extends RetortError {
  table;
  problem;
  revision;
  constructor(details) {
    const { table, problem, revision } = details;
    super("unreadable-progress", `the progress table '${table}' holds a record Retort cannot read (${revision === void 0 ? "" : `revision '${revision}': `}${problem}), so what ran is unknown; nothing runs on this database until it is cleared: make the schema match a revision and run 'retort stamp' with that revision, which empties the progress table${revision === void 0 ? `, after deleting that row from '${table}' by hand` : ""}`);
    this.table = table;
    this.problem = problem;
    this.revision = revision;
  }
};
function verb(record) {
  return record.direction === "up" ? "upgrade" : "downgrade";
}
function statementRange(count) {
  if (count === 0)
    return "no statement";
  return count === 1 ? "statement 1" : `statements 1..${count}`;
}
function appliedSummary(details) {
  const { record, inFlight } = details;
  const done = record.statementsDone;
  const next = done + 1;
  const head = `${done === 0 ? "no statement" : statementRange(done)} of ${record.statementCount} completed`;
  if (record.statement === null) {
    return record.state === "failed" ? `${head}, then it failed: ${oneLine(record.error ?? "unknown error")}` : `${head}, then the process stopped`;
  }
  const sql = `\`${oneLine(record.statement)}\``;
  if (record.state === "failed") {
    return `${head}; statement ${next} ${sql} failed${record.error ? `: ${oneLine(record.error)}` : ""}`;
  }
  const running = `${head}; statement ${next} ${sql} was running when the process stopped`;
  if (inFlight !== void 0) {
    return `${running}; ${inFlight.object} ${inFlight.exists ? "exists" : "does not exist"}, so statement ${next} ${inFlight.completed ? "completed" : "did not take effect"}`;
  }
  return `${running} and its effect is unknown: check it by hand (after a CREATE or DROP, whether the table or index exists; after an ALTER, the table's definition)`;
}
function advice(details) {
  const { record, finish, undo, inFlight } = details;
  if (finish === void 0 || undo === void 0) {
    return `make the schema match a revision by hand and run 'retort stamp' with that revision (stamp clears the record)`;
  }
  const done = record.statementsDone;
  if (record.state === "running" && record.statement !== null) {
    if (inFlight !== void 0) {
      return `${choices(details, inFlight.completed ? done + 1 : done)} (stamp clears the record)`;
    }
    return `if statement ${done + 1} took effect, ${choices(details, done + 1)}; if it did not, ${choices(details, done)} (stamp clears the record)`;
  }
  return `${choices(details, done)} (stamp clears the record)`;
}
function choices(details, done) {
  const { record, finish, undo } = details;
  const count = Math.max(record.statementCount, done);
  const rest = count - done;
  const remaining = rest <= 0 ? void 0 : rest === 1 ? `statement ${done + 1}` : `statements ${done + 1}..${count}`;
  const finishing = remaining ? `finish ${remaining} by hand and run ${stampCommands(finish)}` : `run ${stampCommands(finish)}`;
  const undoing = done > 0 ? `undo ${statementRange(done)} by hand and run ${stampCommands(undo)}` : `run ${stampCommands(undo)}`;
  return `either ${finishing}, or ${undoing} and correct the revision before it runs again`;
}
function stampCommands(targets) {
  if (targets.length === 0)
    return `'retort stamp base'`;
  return targets.map((target) => `'retort stamp ${target}'`).join(" then ");
}
function where(path) {
  return path === void 0 ? "" : ` in '${path}'`;
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}

export {
  RetortError,
  RevisionError,
  DuplicateRevisionError,
  MissingRevisionError,
  CycleDetectedError,
  InvalidRevisionIdError,
  DuplicateBranchLabelError,
  RevisionFileError,
  ResolutionError,
  AmbiguousRevisionError,
  MultipleHeadsError,
  RelativeRangeError,
  ConfigError,
  UnknownDatabaseRevisionError,
  MigrationError,
  VersionTableConflictError,
  VersionTableShapeError,
  LockTimeoutError,
  PartialMigrationError,
  IncompleteMigrationError,
  UnreadableProgressError
};
