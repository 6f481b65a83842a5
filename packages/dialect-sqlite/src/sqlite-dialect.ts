import type { DatabaseFiles, Dialect, ScratchDatabase } from '@retort/core'
import { ConfigError } from '@retort/core/errors'
import type Database from 'better-sqlite3'
import { loadSqliteModule, sqliteModule } from './native/sqlite-native-module.js'
import { SqliteAdapter } from './sqlite-adapter.js'
import { SqliteCompiler } from './sqlite-compiler.js'
import { SqliteDatabaseFiles } from './files/sqlite-database-files.js'
import { openSqliteFile, SqliteDriver, type SqliteHandle } from './sqlite-driver.js'
import { SqliteIntrospector } from './sqlite-introspector.js'

/** Default busy timeout of the connections Retort opens, in ms. */
export const DEFAULT_SQLITE_TIMEOUT_MS = 5000

/**
 * How {@link sqliteDialect} reaches the database: a file it opens (and closes), or the
 * application's own better-sqlite3 handle (never closed by Retort).
 *
 * @example
 * ```ts
 * const byFile: SqliteDialectConfig = { filename: '/data/app.db', timeoutMs: 10_000 }
 * const byHandle: SqliteDialectConfig = { database: new Database('/data/app.db') }
 * ```
 */
export type SqliteDialectConfig =
  | {
      /** A path, or `':memory:'` (one in-memory database shared by everything this dialect opens). */
      readonly filename: string
      /**
       * Busy timeout while another connection writes, in ms. Default: while a migration
       * holds the lock, the lock timeout (`lockTimeout`); otherwise (reads such as
       * `current`) {@link DEFAULT_SQLITE_TIMEOUT_MS}.
       */
      readonly timeoutMs?: number | undefined
    }
  | {
      /** The application's handle; Retort never closes it. */
      readonly database: Database.Database
    }

/**
 * The SQLite dialect (better-sqlite3).
 *
 * @example
 * ```ts
 * const migrator = new Migrator({ scriptLocation: './migrations', dialect: sqliteDialect({ filename: userDbPath }) })
 * ```
 */
export function sqliteDialect(config: SqliteDialectConfig): Dialect {
  return new SqliteDialect(config)
}

/**
 * The {@link Dialect} made by {@link sqliteDialect}. With `filename`, each connection opens
 * the file; `':memory:'` (or `''`) is one database opened on first use and shared by all
 * connections of this dialect object, for as long as it lives. A file that does not exist
 * is created by the first write, never by a read (see `openSqliteFile`).
 *
 * @example
 * ```ts
 * const dialect = new SqliteDialect({ filename: ':memory:' })
 * ```
 */
export class SqliteDialect implements Dialect {
  readonly name = 'sqlite'
  readonly description: string
  /** In-memory databases, online backup and restore of this dialect's file (see `DatabaseFiles`). */
  readonly files: DatabaseFiles
  readonly #open: () => SqliteHandle

  constructor(config: SqliteDialectConfig) {
    if (typeof config !== 'object' || config === null) {
      throw new ConfigError('sqliteDialect needs { filename } or { database }')
    }
    if ('database' in config && config.database !== undefined) {
      const database = config.database
      if (typeof database.prepare !== 'function') {
        throw new ConfigError('sqliteDialect: database must be a better-sqlite3 Database')
      }
      this.description = `${database.name} (application handle)`
      this.files = new SqliteDatabaseFiles(
        database.memory ? undefined : database.name,
        database,
        (handle) => new SqliteDialect({ database: handle }),
      )
      this.#open = () => {
        if (!database.open) {
          throw new ConfigError(
            `the SQLite database '${database.name}' handed to sqliteDialect is closed; pass an open handle`,
          )
        }
        return { database, owned: false }
      }
      return
    }
    const { filename, timeoutMs: explicitTimeout } = config as {
      filename?: unknown
      timeoutMs?: number
    }
    const timeoutMs = explicitTimeout ?? DEFAULT_SQLITE_TIMEOUT_MS
    if (typeof filename !== 'string') {
      throw new ConfigError('sqliteDialect needs { filename: string } or { database }')
    }
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 0) {
      throw new ConfigError(
        `sqliteDialect: timeoutMs must be a non-negative integer (got ${String(timeoutMs)})`,
      )
    }
    this.description = filename === '' ? ':memory:' : filename
    this.files = new SqliteDatabaseFiles(
      filename === '' || filename === ':memory:' ? undefined : filename,
      undefined,
      (handle) => new SqliteDialect({ database: handle }),
    )
    if (filename === ':memory:' || filename === '') {
      let shared: Database.Database | undefined
      this.#open = () => {
        shared ??= new (sqliteModule())(':memory:')
        return { database: shared, owned: false }
      }
    } else {
      const options = { timeoutMs, followsLockTimeout: explicitTimeout === undefined }
      this.#open = () => openSqliteFile(filename, options)
    }
  }

  /**
   * A new driver (connections).
   *
   * @example
   * ```ts
   * const driver = sqliteDialect({ filename: 'app.db' }).createDriver()
   * ```
   */
  createDriver(): SqliteDriver {
    return new SqliteDriver(this.#open)
  }

  /**
   * A new compiler (pure).
   *
   * @example
   * ```ts
   * const compiler = sqliteDialect({ filename: 'app.db' }).createCompiler()
   * ```
   */
  createCompiler(): SqliteCompiler {
    return new SqliteCompiler()
  }

  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = sqliteDialect({ filename: 'app.db' }).createAdapter()
   * ```
   */
  createAdapter(): SqliteAdapter {
    return new SqliteAdapter()
  }

  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = sqliteDialect({ filename: 'app.db' }).createIntrospector()
   * ```
   */
  createIntrospector(): SqliteIntrospector {
    return new SqliteIntrospector()
  }

  /**
   * An empty private in-memory database, closed (and so gone) by `dispose()`: what
   * `revision --autogenerate` and `check` upgrade and compare. Every connection of the
   * scratch dialect shares the one handle, so they all see the same database. This
   * dialect's own database is never opened.
   *
   * @example
   * ```ts
   * const scratch = await sqliteDialect({ filename: 'app.db' }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch(): Promise<ScratchDatabase> {
    await loadSqliteModule()
    const database = new (sqliteModule())(':memory:')
    return {
      dialect: new SqliteDialect({ database }),
      async dispose() {
        if (database.open) database.close()
      },
    }
  }
}
