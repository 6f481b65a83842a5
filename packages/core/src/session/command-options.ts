import type { Dialect } from '../dialect.js'
import type { DialectPackages } from '../env/dialect-for-url.js'
import type { Logger, MigrationEvent } from '../env/logger.js'
import type { MigrationsInput } from '../script/module-source.js'
import type { LoadedRevisions } from './load-revisions.js'

/**
 * Options every command takes besides the config. None of them is required: without a
 * `dialect` the env module (or the default env and the config's `url`) chooses the
 * connection.
 *
 * @example
 * ```ts
 * await upgrade(config, 'heads', { dialect: sqliteDialect({ filename }), logger: myLogger })
 * ```
 */
export interface CommandOptions {
  /** The connection to use. When given, the env module is not run. */
  readonly dialect?: Dialect | undefined
  /** Revision modules of a bundled application, instead of the script directory. */
  readonly migrations?: MigrationsInput | undefined
  /**
   * Revisions already read by {@link loadRevisions}, used instead of reading the script
   * directory (or `migrations`) again: what lets a long-lived caller such as `Migrator`
   * read a directory of thousands of revisions once.
   */
  readonly revisions?: LoadedRevisions | undefined
  /** What `-x KEY=VALUE` gives the env module. */
  readonly xArgs?: Readonly<Record<string, string>> | undefined
  /** Defaults to a silent logger. */
  readonly logger?: Logger | undefined
  /** Progress events (step start/done with timing). */
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
  /**
   * Chooses the dialect for a URL when the default env runs, instead of the dialect
   * packages (a dialect of a scheme Retort does not know).
   */
  readonly resolveDialect?: ((url: string) => Dialect | Promise<Dialect>) | undefined
  /**
   * The running program's own dialect packages, used for a URL or an application's
   * connection when the project has none installed next to its config (the `retort` CLI
   * passes the three it depends on; a bundled application the ones it bundles). See
   * `importDialectPackage` for the whole rule.
   */
  readonly dialectPackages?: DialectPackages | undefined
}
