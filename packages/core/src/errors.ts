/**
 * The error tree of Retort. Every error is one line that names the object (in quotes),
 * says what was expected and what to do next. Commands throw these; only the CLI prints
 * them and picks exit codes.
 *
 * ```
 * RetortError
 * ├── RevisionError                 (the revision graph)
 * │   ├── DuplicateRevisionError
 * │   ├── MissingRevisionError
 * │   ├── CycleDetectedError
 * │   ├── InvalidRevisionIdError
 * │   ├── DuplicateBranchLabelError
 * │   ├── RevisionFileError        (a file whose header cannot be read)
 * │   └── ResolutionError          (an identifier that does not resolve)
 * │       ├── AmbiguousRevisionError
 * │       ├── MultipleHeadsError
 * │       └── RelativeRangeError
 * ├── ConfigError
 * ├── UnknownDatabaseRevisionError  (the database is newer than this application)
 * ├── MigrationError                (a revision failed while running)
 * ├── VersionTableConflictError     (another process changed the version table)
 * └── LockTimeoutError
 * ```
 *
 * @example
 * ```ts
 * try {
 *   await migrator.upgrade('head')
 * } catch (error) {
 *   if (error instanceof UnknownDatabaseRevisionError) showUpdatePrompt(error.revisions)
 *   else throw error
 * }
 * ```
 */
export class RetortError extends Error {
  /** A stable machine-readable code, e.g. `'multiple-heads'`. */
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** Something is wrong with the revision graph or with a revision identifier. */
export class RevisionError extends RetortError {}

/** Two revision files declare the same revision id. */
export class DuplicateRevisionError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly paths: readonly string[],
  ) {
    super(
      'duplicate-revision',
      `revision '${revision}' is declared twice (${paths.map((p) => `'${p}'`).join(' and ')}); give one of them a new id`,
    )
  }
}

/** A `downRevision` or `dependsOn` names a revision that does not exist. */
export class MissingRevisionError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly missing: string,
    readonly field: 'downRevision' | 'dependsOn',
    readonly path: string | undefined,
  ) {
    super(
      'missing-revision',
      `revision '${revision}'${where(path)} has ${field} '${missing}', which is not a known revision; add the missing file or correct ${field}`,
    )
  }
}

/** The `downRevision`/`dependsOn` edges form a cycle. */
export class CycleDetectedError extends RevisionError {
  constructor(
    readonly cycle: readonly string[],
    readonly paths: readonly (string | undefined)[],
  ) {
    const first = paths.find((p) => p !== undefined)
    super(
      'cycle',
      `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `'${id}'`).join(' -> ')}${where(first)}; correct the downRevision or dependsOn of one of them`,
    )
  }
}

/** A revision id with characters outside `[A-Za-z0-9_]`, or empty. */
export class InvalidRevisionIdError extends RevisionError {
  constructor(
    readonly revision: string,
    readonly path: string | undefined,
  ) {
    super(
      'invalid-revision-id',
      `revision id '${revision}'${where(path)} is not valid; use letters, digits and '_' only`,
    )
  }
}

/** Two revisions declare the same branch label, or a label equals a revision id. */
export class DuplicateBranchLabelError extends RevisionError {
  constructor(
    readonly label: string,
    readonly revisions: readonly string[],
    readonly path: string | undefined,
  ) {
    super(
      'duplicate-branch-label',
      `branch label '${label}' is declared by ${revisions.map((r) => `'${r}'`).join(' and ')}${where(path)}; branch labels must be unique and differ from revision ids`,
    )
  }
}

/** A revision file whose header cannot be read without executing it. */
export class RevisionFileError extends RevisionError {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super('revision-file', `${path}${line === undefined ? '' : `:${line}`}: ${detail}`)
  }
}

/** An identifier (`head`, a prefix, `label@head`, `-2` ...) does not resolve. */
export class ResolutionError extends RevisionError {
  constructor(
    readonly identifier: string,
    message: string,
    code = 'resolution',
  ) {
    super(code, message)
  }
}

/** A prefix matches several revisions. */
export class AmbiguousRevisionError extends ResolutionError {
  constructor(
    identifier: string,
    readonly candidates: readonly string[],
  ) {
    super(
      identifier,
      `'${identifier}' matches several revisions (${candidates.map((c) => `'${c}'`).join(', ')}); give more characters of the id`,
      'ambiguous-revision',
    )
  }
}

/** `head` (or a relative step from it) was asked for while the graph has several heads. */
export class MultipleHeadsError extends ResolutionError {
  constructor(
    identifier: string,
    readonly heads: readonly string[],
    scope = 'the revision graph',
  ) {
    super(
      identifier,
      `'${identifier}' is ambiguous: ${scope} has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(', ')}); use 'heads', 'LABEL@head' or a revision id, or merge them with 'retort merge heads'`,
      'multiple-heads',
    )
  }
}

/** A relative step (`+N`, `-N`, `base+N` ...) goes past the graph or through an ambiguous point. */
export class RelativeRangeError extends ResolutionError {
  constructor(identifier: string, message: string) {
    super(identifier, message, 'relative-range')
  }
}

/** A configuration file or value is wrong. */
export class ConfigError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options)
  }
}

/**
 * The version table holds revision ids that this application does not know: the database
 * was migrated by a newer version of the application. Catch it to ask the user to update.
 */
export class UnknownDatabaseRevisionError extends RetortError {
  constructor(readonly revisions: readonly string[]) {
    super(
      'database-newer',
      `the database is at revision ${revisions.map((r) => `'${r}'`).join(', ')}, which this application does not know; the database was migrated by a newer version: update the application, or 'stamp --purge' if the ids are wrong`,
    )
  }
}

/** A revision's upgrade or downgrade failed; the database stays at the last completed revision. */
export class MigrationError extends RetortError {
  constructor(
    readonly revision: string,
    readonly direction: 'up' | 'down',
    readonly path: string | undefined,
    readonly statement: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      'migration-failed',
      `${direction === 'up' ? 'upgrade' : 'downgrade'} of revision '${revision}'${where(path)} failed${statement === undefined ? '' : ` at statement \`${oneLine(statement)}\``}: ${oneLine(reason)}; fix the revision and run the command again`,
      { cause },
    )
  }
}

/** An UPDATE or DELETE of the version table did not match exactly one row. */
export class VersionTableConflictError extends RetortError {
  constructor(
    readonly table: string,
    detail: string,
  ) {
    super(
      'version-table-conflict',
      `version table '${table}' changed underneath this run (${detail}); another process may be migrating: run 'current' and try again`,
    )
  }
}

/** The migration lock could not be taken in time. */
export class LockTimeoutError extends RetortError {
  constructor(
    readonly target: string,
    readonly timeoutMs: number,
    holder?: string,
  ) {
    super(
      'lock-timeout',
      `could not take the migration lock on '${target}' within ${timeoutMs} ms${holder ? ` (held by ${holder})` : ''}; another migration is running: wait for it or raise lockTimeout`,
    )
  }
}

function where(path: string | undefined): string {
  return path === undefined ? '' : ` in '${path}'`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
