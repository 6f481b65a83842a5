import { maskSecrets, printableText } from '@retort/core/cli'
import { RetortError } from '@retort/core/errors'
import type { Colors } from '../colors.js'
import type { TextStream } from '../cli-context.js'
import { EXIT_ERROR, EXIT_USAGE, UsageError } from '../usage-error.js'

/** Where and how {@link renderError} prints. */
export interface ErrorOutput {
  /** Colours of stderr. */
  readonly colors: Colors
  readonly stderr: TextStream
  /** Set with `--json`: the error is also one JSON document there. */
  readonly json?: TextStream | undefined
  /** `--debug`: the stack (and each cause's) follows the line on stderr. */
  readonly debug: boolean
  /** Texts never to print (the passwords of the URLs the command was given). */
  readonly secrets: readonly string[]
}

/**
 * Prints an error as one line on stderr (`error: ...`; `--debug` adds the stacks) and,
 * with `--json`, as the document `{ "error": { "type", "code", "message", "exitCode", ... } }`
 * on stdout, so that a script always has JSON to parse. Everything printed goes through
 * core's `maskSecrets`: no password of a URL reaches the terminal, a stack included.
 * Returns the exit code: {@link EXIT_USAGE} for a usage error, {@link EXIT_ERROR} for
 * anything else. An error that is not a Retort error (a bug, or an exception thrown by an
 * env module) says how to see its stack.
 *
 * @example
 * ```ts
 * process.exitCode = renderError({ colors, stderr: process.stderr, debug: false, secrets: [] }, error)
 * ```
 */
export function renderError(out: ErrorOutput, error: unknown): number {
  const c = out.colors
  const mask = (text: string) => maskSecrets(text, out.secrets)
  const usage = error instanceof UsageError
  const exitCode = usage ? EXIT_USAGE : EXIT_ERROR
  // One line: the line breaks of a message (a driver's, say) become spaces, and any other
  // control character it quotes (from a file name, a message, a label) is escaped.
  const line = mask(printableText(oneLine(error instanceof Error ? error.message : String(error))))
  const known = usage || error instanceof RetortError
  const hint = known || out.debug ? '' : ' (run with --debug for the stack)'
  out.stderr.write(`${c.red(c.bold('error:'))} ${line}${hint}\n`)
  if (out.debug && error instanceof Error && error.stack) {
    out.stderr.write(`${c.dim(mask(error.stack))}\n`)
    let cause = error.cause
    while (cause instanceof Error) {
      out.stderr.write(`${c.dim(mask(`caused by: ${cause.stack ?? cause.message}`))}\n`)
      cause = cause.cause
    }
  }
  if (out.json !== undefined) {
    out.json.write(`${mask(errorJson(error, line, exitCode))}\n`)
  }
  return exitCode
}

/**
 * The `--json` document of an error: its type (class name), code, one-line message, the
 * exit code, and the details a Retort error carries (`heads`, `candidates`, `identifier` ...).
 *
 * @example
 * ```ts
 * stdout.write(errorJson(new UsageError("unknown option '--bogus'"), "unknown option '--bogus'", 2))
 * ```
 */
export function errorJson(error: unknown, message: string, exitCode: number): string {
  const details: Record<string, unknown> = {}
  if (error instanceof Error) {
    for (const [key, value] of Object.entries(error)) {
      if (!['name', 'message', 'stack', 'cause', 'code'].includes(key)) details[key] = value
    }
  }
  const type = error instanceof Error ? error.name : 'Error'
  const code = (error as { code?: unknown } | null)?.code
  const document = {
    error: {
      type,
      ...(typeof code === 'string' ? { code } : {}),
      message,
      exitCode,
      ...details,
    },
  }
  try {
    return JSON.stringify(document, jsonValue, 2)
  } catch {
    // A detail with a cycle: the document without details.
    return JSON.stringify({ error: { type, message, exitCode } }, null, 2)
  }
}

function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}

/** A message on one line: line breaks and the indentation after them become one space. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim()
}
