import {
  loadConfig,
  urlSecrets,
  consoleLogger,
  type CommandOptions,
  type Config,
  type Logger,
  type MigrationEvent,
} from '@retort/core/cli'
import { createColorsFor, useColor, type Colors } from './colors.js'
import { CLI_DIALECT_PACKAGES } from './dialect-packages.js'
import { renderStatementEvent } from './render/render-statement-event.js'
import { UsageError } from './usage-error.js'

/** The global flags, as commander parses them. */
export interface GlobalFlags {
  readonly config?: string | undefined
  readonly name?: string | undefined
  readonly x?: readonly string[] | undefined
  readonly json?: boolean | undefined
  readonly debug?: boolean | undefined
}

/** A writable text stream (`process.stdout`, or a buffer in tests). */
export interface TextStream {
  write(text: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

/** What the CLI touches of its process: passed in, so nothing reads globals below `main`. */
export interface CliIo {
  readonly stdout: TextStream
  readonly stderr: TextStream
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
}

/**
 * Everything a command needs besides its own flags: output streams with their colours,
 * the global flags, and the config and core options built from them.
 *
 * @example
 * ```ts
 * const config = await ctx.loadConfig()
 * const result = await heads(config, ctx.commandOptions())
 * ```
 */
export class CliContext {
  readonly flags: GlobalFlags
  readonly io: CliIo
  /** Colours of stdout. */
  readonly colors: Colors
  /** Colours of stderr. */
  readonly errColors: Colors
  readonly logger: Logger
  #xArgs: Readonly<Record<string, string>> | undefined
  #intercept: ((text: string) => void) | undefined
  #config: Config | undefined

  constructor(flags: GlobalFlags, io: CliIo) {
    this.flags = flags
    this.io = io
    this.colors = createColorsFor(useColor(io.stdout, io.env, this.json))
    this.errColors = createColorsFor(useColor(io.stderr, io.env, false))
    const stream = {
      write: (text: string) => (this.#intercept ? this.#intercept(text) : io.stderr.write(text)),
    }
    this.logger = consoleLogger({ level: flags.debug ? 'debug' : 'info', stream })
  }

  get json(): boolean {
    return this.flags.json === true
  }

  get debug(): boolean {
    return this.flags.debug === true
  }

  /** Whether live progress can be drawn (a terminal on stderr, not `--json`). */
  get interactive(): boolean {
    return this.io.stderr.isTTY === true && !this.json && this.io.env['CI'] === undefined
  }

  /** Routes log lines through `write` (a progress line clears and redraws itself around them); `undefined` restores stderr. */
  interceptLog(write: ((text: string) => void) | undefined): void {
    this.#intercept = write
  }

  /** Writes lines to stdout. */
  out(...lines: string[]): void {
    for (const line of lines) this.io.stdout.write(`${line}\n`)
  }

  /** Writes lines to stderr. */
  err(...lines: string[]): void {
    for (const line of lines) this.io.stderr.write(`${line}\n`)
  }

  /** Prints one JSON document on stdout. */
  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /** The `-x KEY=VALUE` arguments. */
  get xArgs(): Readonly<Record<string, string>> {
    if (this.#xArgs === undefined) {
      const out: Record<string, string> = {}
      for (const item of this.flags.x ?? []) {
        const at = item.indexOf('=')
        if (at <= 0) throw new UsageError(`-x expects KEY=VALUE, not '${item}'`)
        out[item.slice(0, at)] = item.slice(at + 1)
      }
      this.#xArgs = Object.freeze(out)
    }
    return this.#xArgs
  }

  /** Loads the config named by `-c`, `RETORT_CONFIG` or found in the current directory; `-n` selects a database. */
  async loadConfig(): Promise<Config> {
    this.#config = await loadConfig({
      file: this.flags.config,
      cwd: this.io.cwd,
      env: this.io.env,
      name: this.flags.name,
    })
    return this.#config
  }

  /**
   * The passwords of the URLs this command was given (`-x` values, the config's `url` of
   * the top level and of every `databases` entry it can resolve), and the value of a `-x`
   * key that names a secret (`password`, `token` ...): the error output masks them.
   */
  secrets(): readonly string[] {
    const found: string[] = []
    for (const item of this.flags.x ?? []) {
      const at = item.indexOf('=')
      if (at <= 0) continue
      const value = item.slice(at + 1)
      found.push(...urlSecrets(value))
      if (/pass|secret|token|key|pwd/i.test(item.slice(0, at))) found.push(value)
    }
    const config = this.#config
    if (config !== undefined) {
      const urls = [config.url]
      for (const name of config.databaseNames) {
        try {
          urls.push(config.forDatabase(name).url)
        } catch {
          // An entry with an unset variable holds no password yet.
        }
      }
      for (const url of urls) if (url !== undefined) found.push(...urlSecrets(url))
    }
    return found
  }

  /**
   * The options every core command takes: `-x` arguments, the logger, the CLI's own dialect
   * packages (for a project that has none installed),
   * and with `--debug` the SQL of the run as it goes (see {@link renderStatementEvent}).
   */
  commandOptions(extraXArgs: Readonly<Record<string, string>> = {}): CommandOptions {
    return {
      xArgs: { ...this.xArgs, ...extraXArgs },
      logger: this.logger,
      dialectPackages: CLI_DIALECT_PACKAGES,
      onEvent: this.debug ? this.#traceStatements : undefined,
    }
  }

  readonly #traceStatements = (event: MigrationEvent): void => {
    const line = renderStatementEvent(event)
    if (line !== undefined) this.logger.debug(line)
  }
}
