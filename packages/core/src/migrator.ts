import { Config } from './config/config.js'
import type { CommandOptions } from './commands/command-options.js'
import { branches } from './commands/branches.js'
import { current, type CurrentResult } from './commands/current.js'
import { downgrade } from './commands/downgrade.js'
import { ensureVersion } from './commands/ensure-version.js'
import { heads } from './commands/heads.js'
import { history } from './commands/history.js'
import { loadRevisions, type LoadedRevisions } from './commands/load-revisions.js'
import type { MigrateResult } from './commands/migrate-result.js'
import type { RevisionInfo } from './commands/revision-info.js'
import { show } from './commands/show.js'
import { stamp } from './commands/stamp.js'
import { upgrade } from './commands/upgrade.js'
import type { Dialect } from './dialect.js'
import type { DialectPackages } from './env/dialect-for-url.js'
import type { Logger, MigrationEvent } from './env/logger.js'
import type { TransactionMode } from './run-settings.js'
import type { MigrationsInput } from './script/module-source.js'

/** Options of {@link Migrator}. */
export interface MigratorOptions {
  /** The script directory: an absolute path or a file URL (`new URL('./migrations', import.meta.url)`). */
  readonly scriptLocation?: string | URL | undefined
  /** Bundled applications: the revision modules themselves, instead of a directory. */
  readonly migrations?: MigrationsInput | undefined
  /** The connection. When given, the env module is not run. */
  readonly dialect?: Dialect | undefined
  /** Dialect packages bundled with the application, for a config `url` (see `importDialectPackage`). */
  readonly dialectPackages?: DialectPackages | undefined
  /** A loaded config, or config values (`url`, `versionTable`, `settings` for the env module ...). */
  readonly config?: Config | Readonly<Record<string, unknown>> | undefined
  /** What `-x KEY=VALUE` gives the env module. */
  readonly xArgs?: Readonly<Record<string, string>> | undefined
  /** Defaults to silent: Retort never writes to the console or changes global logging. */
  readonly logger?: Logger | undefined
  /** Progress events for each step (start, done with timing). */
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
  readonly versionTable?: string | undefined
  readonly transactionMode?: TransactionMode | undefined
}

/**
 * Migrations from inside an application: no subprocess, no `chdir`, no global state, the
 * database location passed in. Every method returns data and never prints. The revisions
 * are read at the first call and kept while calls succeed (an application's revisions do
 * not change while it runs); create a new Migrator to see files added since.
 *
 * @example
 * ```ts
 * import { Migrator } from '@retort/core'
 * import { sqliteDialect } from '@retort/dialect-sqlite'
 *
 * const migrator = new Migrator({
 *   scriptLocation: new URL('./migrations', import.meta.url),
 *   dialect: sqliteDialect({ filename: userDbPath }),
 * })
 * await migrator.upgrade('head')
 * ```
 */
export class Migrator {
  readonly #config: Config
  readonly #options: CommandOptions
  #revisions: Promise<LoadedRevisions> | undefined

  constructor(options: MigratorOptions) {
    const base =
      options.config instanceof Config ? options.config : new Config({ ...(options.config ?? {}) })
    const config = base.clone()
    if (options.scriptLocation !== undefined) config.set('scriptLocation', options.scriptLocation)
    if (options.versionTable !== undefined) config.set('versionTable', options.versionTable)
    if (options.transactionMode !== undefined)
      config.set('transactionMode', options.transactionMode)
    this.#config = config
    this.#options = {
      dialect: options.dialect,
      dialectPackages: options.dialectPackages,
      migrations: options.migrations,
      xArgs: options.xArgs,
      logger: options.logger,
      onEvent: options.onEvent,
    }
  }

  /**
   * Runs a command with the revisions read by an earlier call: the script directory (or the
   * modules) is read once per Migrator, and a revision body imported once. After any
   * error they are read again by the next call, so a revision file fixed after a failure
   * is seen.
   */
  async #run<T>(command: (options: CommandOptions) => Promise<T>): Promise<T> {
    const revisions = (this.#revisions ??= loadRevisions(this.#config, this.#options))
    try {
      return await command({ ...this.#options, revisions: await revisions })
    } catch (error) {
      if (this.#revisions === revisions) this.#revisions = undefined
      throw error
    }
  }

  /** The effective configuration. */
  get config(): Config {
    return this.#config
  }

  /** Applies revisions up to `target` (default: every head). */
  upgrade(target = 'heads'): Promise<MigrateResult> {
    return this.#run((options) => upgrade(this.#config, target, options))
  }

  /** Un-applies revisions down to `target`. */
  downgrade(target: string): Promise<MigrateResult> {
    return this.#run((options) => downgrade(this.#config, target, options))
  }

  /** Tags the database at `target` (default: every head) without running revisions. */
  stamp(target = 'heads', options: { purge?: boolean } = {}): Promise<MigrateResult> {
    return this.#run((common) => stamp(this.#config, target, { ...common, ...options }))
  }

  /** The revisions the database is at. */
  current(options: { checkHeads?: boolean } = {}): Promise<CurrentResult> {
    return this.#run((common) => current(this.#config, { ...common, ...options }))
  }

  /** The SQL an upgrade to `target` (or a range `FROM:TO`) would run, without a connection. */
  async upgradeSql(target = 'heads'): Promise<string> {
    return (
      (await this.#run((options) => upgrade(this.#config, target, { ...options, sql: true })))
        .sql ?? ''
    )
  }

  /** The SQL a downgrade over the range `FROM:TO` would run, without a connection. */
  async downgradeSql(range: string): Promise<string> {
    return (
      (await this.#run((options) => downgrade(this.#config, range, { ...options, sql: true })))
        .sql ?? ''
    )
  }

  /** Creates the version table if it is missing. */
  ensureVersion(): Promise<void> {
    return this.#run((options) => ensureVersion(this.#config, options))
  }

  /** The heads of the revision graph. */
  heads(options: { resolveDependencies?: boolean } = {}): Promise<RevisionInfo[]> {
    return this.#run((common) => heads(this.#config, { ...common, ...options }))
  }

  /** Every revision, newest first. */
  history(options: { range?: string; indicateCurrent?: boolean } = {}): Promise<RevisionInfo[]> {
    return this.#run((common) => history(this.#config, { ...common, ...options }))
  }

  /** The revision(s) an identifier resolves to (`head`, a prefix, `label@head` ...). */
  show(identifier: string): Promise<RevisionInfo[]> {
    return this.#run((options) => show(this.#config, identifier, options))
  }

  /** The branch points of the revision graph, oldest first. */
  branches(): Promise<RevisionInfo[]> {
    return this.#run((options) => branches(this.#config, options))
  }
}
