/**
 * A command line that cannot be run as written (a missing argument, a bad flag value):
 * the CLI exits with {@link EXIT_USAGE}.
 *
 * @example
 * ```ts
 * throw new UsageError("-x expects KEY=VALUE, not 'tenant'")
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Exit code: success. */
export const EXIT_OK = 0
/** Exit code: a user-facing error (one line on stderr naming the object and what to do). */
export const EXIT_ERROR = 1
/** Exit code: the command line is wrong. */
export const EXIT_USAGE = 2
