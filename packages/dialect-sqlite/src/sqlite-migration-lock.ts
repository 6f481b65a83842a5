import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { MigrationLockOptions } from '@retort/core'
import { LockTimeoutError, RetortError } from '@retort/core/errors'
import type Database from 'better-sqlite3'
import { loadSqliteModule, sqliteModule } from './native/sqlite-native-module.js'

/** Suffix of the sidecar lock files. */
export const SQLITE_LOCK_SUFFIX = '.retort-lock'

/**
 * The sidecar file that carries the migration lock of `versionTable` in the database file
 * `databaseFile`: `<databaseFile>-<versionTable>.retort-lock`, next to it. Characters other
 * than letters, digits, `_`, `.` and `-` in the table name are replaced, with a short hash
 * of the name so that different tables never share a file.
 *
 * @example
 * ```ts
 * sqliteLockPath('/data/app.db', 'retort_version') // '/data/app.db-retort_version.retort-lock'
 * ```
 */
export function sqliteLockPath(databaseFile: string, versionTable: string): string {
  const safe = /^[A-Za-z0-9_.-]+$/.test(versionTable)
    ? versionTable
    : `${versionTable.replace(/[^A-Za-z0-9_.-]/g, '_')}-${createHash('sha256').update(versionTable).digest('hex').slice(0, 8)}`
  return `${databaseFile}-${safe}${SQLITE_LOCK_SUFFIX}`
}

/**
 * The cross-process migration lock of SQLite. SQLite has no advisory locks, and holding a
 * lock on the database file itself would block the migration's own writes, so the lock is
 * an exclusive transaction (`BEGIN EXCLUSIVE`) on a separate small SQLite file next to
 * the database ({@link sqliteLockPath}). SQLite's file locks are released by the operating
 * system when the holding process dies, so a crashed migration never leaves a stale lock;
 * the sidecar file itself stays (deleting it could let two processes lock two different
 * files). Waiting polls with a short back-off instead of SQLite's busy handler, which would
 * block the event loop of the application for the whole wait.
 *
 * A database without a file (`:memory:`, a temporary database) needs no lock: no other
 * process can reach it. The lock lives as long as this object: if it is garbage-collected
 * while holding, better-sqlite3 closes the sidecar handle and the lock is gone.
 *
 * @example
 * ```ts
 * const lock = new SqliteMigrationLock()
 * await lock.acquire(db, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 })
 * try { ... } finally { await lock.release(db, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 }) }
 * ```
 */
export class SqliteMigrationLock {
  readonly #held = new Map<string, Database.Database>()

  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that.
   *
   * @example
   * ```ts
   * await lock.acquire(db, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(database: Database.Database, options: MigrationLockOptions): Promise<void> {
    const file = databaseFile(database, options.versionTable.schema)
    if (file === undefined) return
    const path = sqliteLockPath(file, options.versionTable.name)
    if (this.#held.has(path)) {
      throw new RetortError(
        'lock-held',
        `the migration lock '${path}' is already held by this adapter; release it before taking it again`,
      )
    }
    let lock: Database.Database
    await loadSqliteModule()
    try {
      lock = new (sqliteModule())(path, { timeout: 0 })
    } catch (error) {
      throw new RetortError(
        'lock-file',
        `cannot open the migration lock file '${path}' (${(error as Error).message}); the directory of the database must be writable`,
        { cause: error },
      )
    }
    const deadline = Date.now() + Math.max(0, options.timeoutMs)
    let pause = 10
    for (;;) {
      try {
        initialise(lock)
        lock.exec('BEGIN EXCLUSIVE')
        this.#held.set(path, lock)
        return
      } catch (error) {
        if (!isBusy(error)) {
          lock.close()
          throw error
        }
      }
      const left = deadline - Date.now()
      if (left <= 0) {
        lock.close()
        throw new LockTimeoutError(`${file} (${options.versionTable.name})`, options.timeoutMs)
      }
      await sleep(Math.min(pause, left))
      pause = Math.min(pause * 2, 200)
    }
  }

  /**
   * Releases the lock if this object holds it.
   *
   * @example
   * ```ts
   * await lock.release(db, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async release(database: Database.Database, options: MigrationLockOptions): Promise<void> {
    const file = databaseFile(database, options.versionTable.schema)
    if (file === undefined) return
    const path = sqliteLockPath(file, options.versionTable.name)
    const lock = this.#held.get(path)
    if (lock === undefined) return
    this.#held.delete(path)
    try {
      if (lock.inTransaction) lock.exec('ROLLBACK')
    } finally {
      lock.close()
    }
  }
}

/** The file of the main (or attached `schema`) database; `undefined` for in-memory ones. */
function databaseFile(database: Database.Database, schema: string | undefined): string | undefined {
  if (database.memory) return undefined
  const row = database
    .prepare<[string], { file: string | null }>(
      'SELECT file FROM pragma_database_list WHERE name = ?',
    )
    .get(schema ?? 'main')
  if (row === undefined) {
    throw new RetortError(
      'unknown-schema',
      `'${schema}' is not an attached database of this SQLite connection; attach it or drop versionTableSchema`,
    )
  }
  return row.file === null || row.file === '' ? undefined : row.file
}

/**
 * Gives a new sidecar one table, so it is a non-empty database: `BEGIN EXCLUSIVE` on an
 * empty file creates a `-journal` file, which is left behind when the holder is killed.
 */
function initialise(lock: Database.Database): void {
  if (lock.pragma('page_count', { simple: true }) === 0) {
    lock.exec('CREATE TABLE IF NOT EXISTS retort_lock (note TEXT)')
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}
