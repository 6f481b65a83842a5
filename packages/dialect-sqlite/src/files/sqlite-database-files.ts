import type { DatabaseFiles, Dialect, MemoryDatabase } from '@retort/core'
import type Database from 'better-sqlite3'
import { loadSqliteModule, sqliteModule } from '../native/sqlite-native-module.js'

/**
 * The {@link DatabaseFiles} of a SQLite dialect: in-memory databases that serialize to the
 * bytes of a database file (what `createDatabase` writes), and online backup and restore
 * through SQLite's backup API (better-sqlite3's `backup()`), which copies a consistent
 * snapshot page by page while other connections keep writing, WAL mode included.
 *
 * @example
 * ```ts
 * const files = new SqliteDatabaseFiles('/data/app.db', undefined, (database) => sqliteDialect({ database }))
 * await files.backup('/data/app.db.bak')
 * ```
 */
export class SqliteDatabaseFiles implements DatabaseFiles {
  readonly filename: string | undefined
  /** The application's handle, when the dialect wraps one (backups read through it). */
  readonly #handle: Database.Database | undefined
  /** The dialect of a handle (passed in: the dialect module imports this one). */
  readonly #dialectOf: (database: Database.Database) => Dialect

  constructor(
    filename: string | undefined,
    handle: Database.Database | undefined,
    dialectOf: (database: Database.Database) => Dialect,
  ) {
    this.filename = filename
    this.#handle = handle
    this.#dialectOf = dialectOf
  }

  /**
   * A new private in-memory database.
   *
   * @example
   * ```ts
   * const memory = files.memory()
   * ```
   */
  memory(): MemoryDatabase {
    const database = new (sqliteModule())(':memory:')
    return {
      dialect: this.#dialectOf(database),
      serialize: () => database.serialize(),
      dispose: () => {
        if (database.open) database.close()
      },
    }
  }

  /**
   * An online backup into `destination`.
   *
   * @example
   * ```ts
   * await files.backup('/backups/app.db.1')
   * ```
   */
  async backup(destination: string): Promise<void> {
    const filename = this.#file('back up')
    await loadSqliteModule()
    if (this.#handle !== undefined && this.#handle.open) {
      await this.#handle.backup(destination)
      return
    }
    const source = new (sqliteModule())(filename, { readonly: true, fileMustExist: true })
    try {
      await source.backup(destination)
    } finally {
      source.close()
    }
  }

  /**
   * Copies the backup `source` over this dialect's database.
   *
   * @example
   * ```ts
   * await files.restore('/backups/app.db.1')
   * ```
   */
  async restore(source: string): Promise<void> {
    const filename = this.#file('restore')
    await loadSqliteModule()
    const backup = new (sqliteModule())(source, { readonly: true, fileMustExist: true })
    try {
      await backup.backup(filename)
    } finally {
      backup.close()
    }
  }

  #file(what: string): string {
    if (this.filename === undefined) {
      throw new Error(`cannot ${what} an in-memory SQLite database; use a database file`)
    }
    return this.filename
  }
}
