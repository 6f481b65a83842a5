import { Config } from './config/config.js'
import type { CommandOptions } from './session/command-options.js'
import { branches } from './commands/branches.js'
import type { CheckOptions, CheckResult } from './commands/check.js'
import { importUnbundled } from './script/import-unbundled.js'
import { current, type CurrentResult } from './commands/current.js'
import { downgrade } from './commands/downgrade.js'
import { ensureVersion } from './commands/ensure-version.js'
import { heads } from './commands/heads.js'
import { history } from './commands/history.js'
import { loadRevisions, type LoadedRevisions } from './session/load-revisions.js'
import type { MigrateResult } from './session/migrate-result.js'
import type { RevisionInfo } from './session/revision-info.js'
import { show } from './commands/show.js'
import { stamp } from './commands/stamp.js'
import { upgrade } from './commands/upgrade.js'
import type { Dialect } from './dialect.js'
import type { DialectPackages } from './env/dialect-for-url.js'
import type { Logger, MigrationEvent } from './env/logger.js'
import type { TransactionMode } from './run-settings.js'
import type { MigrationsInput } from './script/module-source.js'
import { status, type StatusResult } from './app/database-status.js'
import type { OperationsBody } from './app/operate.js'
import { createDatabase, type CreateDatabaseResult } from './app/create-database.js'
import { TemplateStore } from './app/database-template.js'
import type { BackupOption } from './config/backup-settings.js'
import { operateCommand, type OperateCommandResult } from './app/operate-command.js'
import {
  checkOnNewerDatabase,
  upgradeUnlessNewer,
  type OnNewerDatabase,
  type UpgradeResult,
} from './app/upgrade-unless-newer.js'

export { bundledYamlRevision } from './script/bundled-yaml-revision.js'
// The types an application meets through Migrator's options and results.
export type { Config } from './config/config.js'
export type { CheckOptions, CheckResult } from './commands/check.js'
export type { CurrentResult } from './commands/current.js'
export type { MigrateResult } from './session/migrate-result.js'
export type { RevisionInfo } from './session/revision-info.js'
export type { Dialect } from './dialect.js'
export type { DialectPackages } from './env/dialect-for-url.js'
export type { Logger, MigrationEvent } from './env/logger.js'
export type { TransactionMode } from './run-settings.js'
export type { MigrationsInput } from './script/module-source.js'
export type { StatusResult } from './app/database-status.js'
export type { OperationsBody } from './app/operate.js'
export type { CreateDatabaseResult } from './app/create-database.js'
export type { BackupOption } from './config/backup-settings.js'
export type { OperateCommandResult } from './app/operate-command.js'
export type { OnNewerDatabase, UpgradeResult } from './app/upgrade-unless-newer.js'

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
  /**
   * What `upgrade` does when the database holds revisions this application does not know:
   * `'error'` (default) throws `UnknownDatabaseRevisionError`, `'ignore'` leaves it alone
   * and returns `newerDatabase` (see {@link Migrator.status} to decide before opening it).
   */
  readonly onNewerDatabase?: OnNewerDatabase | undefined
  /**
   * `createDatabase`: a directory where database templates are kept between processes
   * (default: the config's `templateCache`, else memory only).
   */
  readonly templateCache?: string | URL | undefined
  /**
   * Back up a SQLite database file before a run that will apply something: `true` (next to
   * the file, keeping the last 3) or `{ dir, keep }`. Events `backup-start`, `backup-done`.
   */
  readonly backup?: BackupOption | undefined
  /**
   * When a run with a backup fails and could not roll back (`transactionMode: 'none'`, a
   * revision with `transaction = false`), copy the backup back (default `true`; event
   * `restored`; the error is a `RestoredFromBackupError`).
   */
  readonly restoreOnFailure?: boolean | undefined
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
  readonly #onNewerDatabase: OnNewerDatabase
  #templates: TemplateStore | undefined

  constructor(options: MigratorOptions) {
    this.#onNewerDatabase = options.onNewerDatabase ?? 'error'
    checkOnNewerDatabase(this.#onNewerDatabase)
    const base =
      options.config instanceof Config ? options.config : new Config({ ...(options.config ?? {}) })
    const config = base.clone()
    if (options.scriptLocation !== undefined) config.set('scriptLocation', options.scriptLocation)
    if (options.versionTable !== undefined) config.set('versionTable', options.versionTable)
    if (options.transactionMode !== undefined)
      config.set('transactionMode', options.transactionMode)
    if (options.templateCache !== undefined) config.set('templateCache', options.templateCache)
    if (options.backup !== undefined) config.set('backup', options.backup)
    if (options.restoreOnFailure !== undefined)
      config.set('restoreOnFailure', options.restoreOnFailure)
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

  /**
   * Applies revisions up to `target` (default: every head). With `onNewerDatabase: 'ignore'`
   * (here or in the constructor) a database migrated by a newer version is left alone and
   * the result's `newerDatabase` lists the ids this application does not know.
   */
  upgrade(
    target = 'heads',
    options: { onNewerDatabase?: OnNewerDatabase } = {},
  ): Promise<UpgradeResult> {
    const onNewerDatabase = options.onNewerDatabase ?? this.#onNewerDatabase
    return this.#run((common) =>
      upgradeUnlessNewer(this.#config, target, { ...common, onNewerDatabase }),
    )
  }

  /**
   * Where the database stands: `empty`, `behind`, `current`, `ahead` (newer than this
   * application), `diverged` or `incomplete`, with the pending revisions, the unknown ids
   * and any record of a revision that stopped part-way. A read: creates nothing.
   *
   * @example
   * ```ts
   * const { state } = await migrator.status()
   * if (state === 'ahead') openReadOnly()
   * else if (state !== 'current') await migrator.upgrade()
   * ```
   */
  status(): Promise<StatusResult> {
    return this.#run((options) => status(this.#config, options))
  }

  /**
   * Runs operations without a revision on this Migrator's database (its `dialect`, or those
   * of the env module): the same compilers and SQLite rebuild as a migration, in a
   * transaction where the database allows DDL in one, under the migration lock, without
   * touching the version table. `{ sql: true }` returns the SQL instead of running it.
   *
   * @example
   * ```ts
   * await migrator.operate((op) => {
   *   op.alterColumn('account', 'email', { nullable: true })
   * })
   * ```
   */
  operate(body: OperationsBody, options: { sql?: boolean } = {}): Promise<OperateCommandResult> {
    return this.#run((common) => operateCommand(this.#config, body, { ...common, ...options }))
  }

  /**
   * Creates a new SQLite database file already at the heads. The first call builds a
   * template (an in-memory database upgraded to the heads); later calls write its bytes, so
   * creating a database does not replay the history. With `templateCache` the template is
   * also kept on disk, keyed by the heads and the revision files' checksums. Refuses to
   * overwrite an existing file. Needs a SQLite `dialect` (only its kind is used).
   *
   * @example
   * ```ts
   * const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename: ':memory:' }) })
   * await migrator.createDatabase('/data/users/42.db')
   * ```
   */
  createDatabase(path: string): Promise<CreateDatabaseResult> {
    this.#templates ??= new TemplateStore(this.#config.templateCache)
    const templates = this.#templates
    return this.#run((options) => createDatabase(this.#config, path, { ...options, templates }))
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

  /**
   * The CI gate of `retort check`, as data: every revision loads, one head, and for the
   * database: nothing pending, no schema drift (the live schema against the schema its
   * applied revisions produce, replayed on a scratch database), no applied revision whose
   * file changed or is missing (from the ledger); and the declared schema when configured.
   */
  check(
    options: Omit<CheckOptions, keyof CommandOptions | 'declaredSchema' | 'renames'> = {},
  ): Promise<CheckResult> {
    return this.#run(async (common) => {
      // Loaded on call: the declared-schema side of core stays out of bundled applications.
      const { check } = await importUnbundled<typeof import('./commands/check.js')>(
        '../commands/check.js',
        'Migrator.check',
      )
      return check(this.#config, { ...common, ...options })
    })
  }

  /** The branch points of the revision graph, oldest first. */
  branches(): Promise<RevisionInfo[]> {
    return this.#run((options) => branches(this.#config, options))
  }
}
