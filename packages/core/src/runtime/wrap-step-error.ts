import { MigrationError, RevisionError, VersionTableConflictError } from '../errors.js'
import type { MigrationStep } from '../graph/planner.js'

/**
 * The error to throw when a step failed. Errors that already say where they come from pass
 * as they are: a failed revision, the version table changed by another process, a revision
 * file that cannot be loaded. Any other (a bad operation, a compile error of the dialect, a
 * database error) is wrapped in a {@link MigrationError}, so that it names the revision, its
 * file and the statement; the original stays its `cause`.
 *
 * @example
 * ```ts
 * throw wrapStepError(step, 'CREATE TABLE "t" ()', error)
 * ```
 */
export function wrapStepError(
  step: MigrationStep,
  statement: string | undefined,
  error: unknown,
): unknown {
  if (
    error instanceof MigrationError ||
    error instanceof VersionTableConflictError ||
    error instanceof RevisionError
  ) {
    return error
  }
  return new MigrationError(step.revision.id, step.direction, step.revision.path, statement, error)
}
