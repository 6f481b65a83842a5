import { printableText } from './printable-text.js'

/** Extra structured details of a log message. */
export type LogData = Readonly<Record<string, unknown>>

/**
 * Where Retort writes what it is doing. Core never writes to the console: the default is
 * {@link silentLogger}; the CLI passes {@link consoleLogger}; an application passes its own
 * (pino, winston ... all fit this shape).
 *
 * @example
 * ```ts
 * const logger: Logger = {
 *   debug: (message) => log.debug(message),
 *   info: (message) => log.info(message),
 *   warn: (message) => log.warn(message),
 *   error: (message) => log.error(message),
 * }
 * ```
 */
export interface Logger {
  debug(message: string, data?: LogData): void
  info(message: string, data?: LogData): void
  warn(message: string, data?: LogData): void
  error(message: string, data?: LogData): void
}

/** The levels of a {@link Logger}, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Default level of {@link consoleLogger}. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'info'

/**
 * A logger that drops everything: the default of the API, so an application's console stays
 * its own.
 *
 * @example
 * ```ts
 * const migrator = new Migrator({ scriptLocation: '/app/migrations', logger: silentLogger })
 * ```
 */
export const silentLogger: Logger = Object.freeze({
  debug(): void {},
  info(): void {},
  warn(): void {},
  error(): void {},
})

/** Where {@link consoleLogger} writes: anything with `write(text)`. */
export interface LogStream {
  write(text: string): unknown
}

/** Options of {@link consoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Messages below this level are dropped (default {@link DEFAULT_LOG_LEVEL}). */
  readonly level?: LogLevel | undefined
  /** Default: `process.stderr`, so that stdout stays free for `--json` documents and SQL. */
  readonly stream?: LogStream | undefined
}

/**
 * A new logger writing one line per message to stderr (for the CLI). A factory, not a
 * shared instance: each caller picks its level and stream. Control characters in a
 * message are written as escapes (`\n`, `\x1b`), so a line stays one line and text from a
 * revision file never drives the terminal.
 *
 * @example
 * ```ts
 * const logger = consoleLogger({ level: debug ? 'debug' : 'info' })
 * logger.info('upgrading to heads')
 * ```
 */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const { level = DEFAULT_LOG_LEVEL, stream = process.stderr } = options
  const threshold = LOG_LEVELS.indexOf(level)
  if (threshold < 0) {
    throw new TypeError(
      `consoleLogger: level must be one of ${LOG_LEVELS.join(', ')}, not '${String(level)}'`,
    )
  }
  const write = (at: LogLevel, message: string, data: LogData | undefined): void => {
    if (LOG_LEVELS.indexOf(at) < threshold) return
    const prefix = at === 'info' ? '' : `${at === 'warn' ? 'warning' : at}: `
    const details = data === undefined || Object.keys(data).length === 0 ? '' : ` ${safeJson(data)}`
    // One line each, whatever the message holds (a revision message from a file, say).
    stream.write(`${prefix}${printableText(message)}${details}\n`)
  }
  return Object.freeze({
    debug: (message: string, data?: LogData) => write('debug', message, data),
    info: (message: string, data?: LogData) => write('info', message, data),
    warn: (message: string, data?: LogData) => write('warn', message, data),
    error: (message: string, data?: LogData) => write('error', message, data),
  })
}

function safeJson(data: LogData): string {
  try {
    return JSON.stringify(data, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    )
  } catch {
    // A cycle or a throwing getter must not turn a log line into a failed migration.
    return '[unserializable data]'
  }
}

/**
 * Progress of a run, passed to the optional `onEvent` callback of the API: one event per step
 * (`index` counts from 0; `total` is the number of steps of the run; `ms` is the wall time of
 * the step, its version-row change included), and on a live database one `statement` event
 * as each SQL statement starts and one `transaction` event per BEGIN, COMMIT or ROLLBACK
 * (what `retort --debug` prints). A `statement` event carries the SQL with its placeholders
 * and the number of bound values, never the values: they may be secrets.
 *
 * @example
 * ```ts
 * const onEvent = (event: MigrationEvent) => {
 *   if (event.type === 'step-done') bar.update((event.index + 1) / event.total)
 * }
 * ```
 */
export type MigrationEvent =
  | {
      readonly type: 'step-start'
      readonly revision: string
      /** The revision's message. */
      readonly message: string
      readonly direction: 'up' | 'down'
      readonly index: number
      readonly total: number
    }
  | {
      readonly type: 'step-done'
      readonly revision: string
      /** The revision's message. */
      readonly message: string
      readonly direction: 'up' | 'down'
      readonly index: number
      readonly total: number
      readonly ms: number
    }
  | {
      readonly type: 'statement'
      /** The statement as sent, with the dialect's placeholders (`?`, `$1`). */
      readonly sql: string
      /** How many values are bound to it (not the values). */
      readonly parameterCount: number
    }
  | { readonly type: 'transaction'; readonly action: 'begin' | 'commit' | 'rollback' }
  /** A backup of a SQLite file starts (`backup: true` and the run will apply something). */
  | { readonly type: 'backup-start'; readonly database: string; readonly backup: string }
  /** The backup is complete; `removed` lists older backups deleted to keep the last `keep`. */
  | {
      readonly type: 'backup-done'
      readonly database: string
      readonly backup: string
      readonly ms: number
      readonly removed: readonly string[]
    }
  /** A failed run that could not roll back was undone by copying the backup back. */
  | { readonly type: 'restored'; readonly database: string; readonly backup: string }
