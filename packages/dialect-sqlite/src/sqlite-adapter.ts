import type { Connection, MigrationLockOptions, QualifiedName } from '@retort/core'
import { AdapterBase } from '@retort/core/dialect'
import { RetortError } from '@retort/core/errors'
import type Database from 'better-sqlite3'
import { explainSqliteFileError, SQLITE_HANDLE, SqliteConnection } from './sqlite-driver.js'
import { SqliteMigrationLock } from './sqlite-migration-lock.js'

/**
 * SQLite's capabilities and its migration lock. DDL is transactional. The lock is a
 * {@link SqliteMigrationLock}: an exclusive transaction on a sidecar file
 * `<database>-<versionTable>.retort-lock`, released by the OS if the process dies.
 *
 * @example
 * ```ts
 * const adapter = sqliteDialect({ filename: 'app.db' }).createAdapter()
 * await adapter.hasTable(connection, { name: 'retort_version' })
 * ```
 */
export class SqliteAdapter extends AdapterBase {
  readonly #lock = new SqliteMigrationLock()

  override get supportsTransactionalDdl(): boolean {
    return true
  }

  /**
   * Whether the table exists in `sqlite_master` (of the attached database `schema`).
   * SQLite table names are case-insensitive, and so is this.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version' })
   * ```
   */
  async hasTable(connection: Connection, table: QualifiedName): Promise<boolean> {
    const master = table.schema
      ? `"${table.schema.replaceAll('"', '""')}".sqlite_master`
      : 'sqlite_master'
    const result = await connection.execute({
      sql: `SELECT 1 AS found FROM ${master} WHERE type = 'table' AND name = ? COLLATE NOCASE`,
      parameters: [table.name],
    })
    return result.rows.length > 0
  }

  /**
   * Takes the cross-process lock for this database file and version table; throws
   * `LockTimeoutError` after `timeoutMs`. A no-op for in-memory databases. Then Retort's own
   * connection waits up to `timeoutMs` for another connection's write lock too (see
   * `SqliteConnection.useLockTimeout`).
   *
   * @example
   * ```ts
   * await adapter.acquireMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  override async acquireMigrationLock(
    connection: Connection,
    options: MigrationLockOptions,
  ): Promise<void> {
    const database = databaseOf(connection)
    try {
      await this.#lock.acquire(database, options)
    } catch (error) {
      throw explainSqliteFileError(error, database.name)
    }
    // Another application's version table in the same file does not share this lock, but
    // its transactions hold the file's write lock: wait for them as long as for this lock.
    if (connection instanceof SqliteConnection) connection.useLockTimeout(options.timeoutMs)
  }

  /**
   * Releases the lock taken by {@link SqliteAdapter.acquireMigrationLock}.
   *
   * @example
   * ```ts
   * await adapter.releaseMigrationLock(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 5000 })
   * ```
   */
  override async releaseMigrationLock(
    connection: Connection,
    options: MigrationLockOptions,
  ): Promise<void> {
    await this.#lock.release(databaseOf(connection), options)
  }
}

/**
 * The better-sqlite3 handle behind a connection of this dialect.
 *
 * @example
 * ```ts
 * const db = databaseOf(await driver.connect())
 * ```
 */
export function databaseOf(connection: Connection): Database.Database {
  // This package's own key first: taking the handle that way does not count as handing it
  // out (see SqliteConnection.database).
  const own = (connection as { [SQLITE_HANDLE]?: unknown })[SQLITE_HANDLE]
  const database =
    typeof own === 'function'
      ? (own as () => unknown).call(connection)
      : (connection as { database?: unknown }).database
  if (
    typeof database !== 'object' ||
    database === null ||
    typeof (database as Database.Database).prepare !== 'function'
  ) {
    throw new RetortError(
      'wrong-connection',
      'the SQLite adapter needs a connection from the SQLite driver; pass the connections of the same dialect',
    )
  }
  return database as Database.Database
}
