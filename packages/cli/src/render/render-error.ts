import { printableText } from '@retort/core/env/printable-text'
import { RetortError } from '@retort/core/errors'
import type { Colors } from '../colors.js'
import type { TextStream } from '../cli-context.js'
import { EXIT_ERROR, EXIT_USAGE, UsageError } from '../usage-error.js'

/**
 * Prints an error as one line on stderr (`error: ...`; `--debug` adds the stack) and
 * returns the exit code: {@link EXIT_USAGE} for a usage error, {@link EXIT_ERROR} for
 * anything else. An error that is not a Retort error (a bug, or an exception thrown by an
 * env module) says how to see its stack.
 *
 * @example
 * ```ts
 * process.exitCode = renderError(colors, process.stderr, error, false)
 * ```
 */
export function renderError(c: Colors, stream: TextStream, error: unknown, debug: boolean): number {
  const usage = error instanceof UsageError
  const message = error instanceof Error ? error.message : String(error)
  // One line: the line breaks of a message (a driver's, say) become spaces, and any other
  // control character it quotes (from a file name, a message, a label) is escaped.
  const line = printableText(message.replace(/\s*\n\s*/g, ' ').trim())
  const known = usage || error instanceof RetortError
  const hint = known || debug ? '' : ' (run with --debug for the stack)'
  stream.write(`${c.red(c.bold('error:'))} ${line}${hint}\n`)
  if (debug && error instanceof Error && error.stack) {
    stream.write(`${c.dim(error.stack)}\n`)
    let cause = error.cause
    while (cause instanceof Error) {
      stream.write(`${c.dim(`caused by: ${cause.stack ?? cause.message}`)}\n`)
      cause = cause.cause
    }
  }
  return usage ? EXIT_USAGE : EXIT_ERROR
}
