import type { Connection, MigrationLockOptions } from '@retort/core'
import { LockTimeoutError, RetortError } from '@retort/core/errors'
import { createHash } from 'node:crypto'
import { text } from './mysql-introspector.js'

/** Prefix of Retort's `GET_LOCK` names. */
export const MYSQL_LOCK_PREFIX = 'retort:'

/** MySQL's limit on a user-level lock name, in characters. */
export const MAX_LOCK_NAME_LENGTH = 64

/**
 * The `GET_LOCK` name of the migration lock of `table` in `database`:
 * `retort:<database>.<table>`, or `retort:` and a hash of both when that is longer than
 * MySQL's 64 characters. User-level locks are server-wide, so the database is part of the
 * name; names compare case-insensitively.
 *
 * @example
 * ```ts
 * mysqlLockName('app', 'retort_version') // 'retort:app.retort_version'
 * ```
 */
export function mysqlLockName(database: string, table: string): string {
  const plain = `${MYSQL_LOCK_PREFIX}${database}.${table}`
  if (Array.from(plain).length <= MAX_LOCK_NAME_LENGTH) return plain
  const hash = createHash('sha256').update(`${database}\0${table}`).digest('hex')
  return `${MYSQL_LOCK_PREFIX}${hash.slice(0, MAX_LOCK_NAME_LENGTH - MYSQL_LOCK_PREFIX.length)}`
}

/**
 * The cross-process migration lock of MySQL/MariaDB: a user-level lock
 * (`GET_LOCK(name, timeout)`) named by {@link mysqlLockName}, held by the session of the
 * run's connection. The wait happens in the server, which wakes the waiter as soon as
 * the holder releases; after `timeoutMs` it fails with {@link LockTimeoutError} naming
 * the holder: its connection id (`IS_USED_LOCK`) and, when `information_schema.PROCESSLIST`
 * shows it to this user, its user and host. The server releases the lock when the
 * holding session ends (a crash, a killed connection), so a lock is never left behind.
 *
 * MariaDB honours fractions of a second in the timeout; MySQL rounds it to whole seconds.
 *
 * @example
 * ```ts
 * const lock = new MysqlMigrationLock()
 * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 })
 * try { ... } finally { await lock.release(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 }) }
 * ```
 */
export class MysqlMigrationLock {
  readonly #held = new Map<Connection, Set<string>>()

  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that.
   *
   * @example
   * ```ts
   * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(connection: Connection, options: MigrationLockOptions): Promise<void> {
    const database = await databaseOf(connection, options)
    const name = mysqlLockName(database, options.versionTable.name)
    const held = this.#held.get(connection) ?? new Set<string>()
    // GET_LOCK twice in one session nests (two releases needed): refuse instead.
    if (held.has(name)) {
      throw new RetortError(
        'lock-held',
        `the migration lock '${name}' is already held by this connection; release it before taking it again`,
      )
    }
    const seconds = Math.max(0, options.timeoutMs) / 1000
    const { rows } = await connection.execute({
      sql: 'SELECT GET_LOCK(?, ?) AS locked',
      parameters: [name, seconds],
    })
    const locked = rows[0]?.['locked']
    if (locked === null || locked === undefined) {
      throw new RetortError(
        'lock-failed',
        `the server could not take the migration lock '${name}' (GET_LOCK returned NULL: the session was killed or ran out of memory); run the command again`,
      )
    }
    if (Number(locked) !== 1) {
      throw new LockTimeoutError(
        `${database}.${options.versionTable.name}`,
        options.timeoutMs,
        await holderOf(connection, name),
      )
    }
    held.add(name)
    this.#held.set(connection, held)
  }

  /**
   * Releases the lock if this object took it on this connection. A lock already gone
   * (the session ended) is not an error.
   *
   * @example
   * ```ts
   * await lock.release(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async release(connection: Connection, options: MigrationLockOptions): Promise<void> {
    const held = this.#held.get(connection)
    if (held === undefined || held.size === 0) return
    const database = await databaseOf(connection, options)
    const name = mysqlLockName(database, options.versionTable.name)
    if (!held.delete(name)) return
    if (held.size === 0) this.#held.delete(connection)
    await connection.execute({ sql: 'SELECT RELEASE_LOCK(?) AS released', parameters: [name] })
  }
}

/** The database the version table lives in: its schema, else the connection's database. */
async function databaseOf(connection: Connection, options: MigrationLockOptions): Promise<string> {
  const schema = options.versionTable.schema
  if (schema !== undefined && schema !== '') return schema
  const { rows } = await connection.execute({ sql: 'SELECT DATABASE() AS name', parameters: [] })
  const name = rows[0]?.['name']
  if (name === null || name === undefined) {
    throw new RetortError(
      'no-database',
      `the MySQL connection has no database selected, so the version table '${options.versionTable.name}' has no home; put the database in the URL (mysql://user@host/DATABASE) or set versionTableSchema`,
    )
  }
  return text(name)
}

/** `connection 42 (app@10.0.0.7:51234)`, or less when the lock is free again or the process list is hidden. */
async function holderOf(connection: Connection, name: string): Promise<string | undefined> {
  try {
    const { rows } = await connection.execute({
      sql: 'SELECT IS_USED_LOCK(?) AS holder',
      parameters: [name],
    })
    const holder = rows[0]?.['holder']
    if (holder === null || holder === undefined) return undefined
    const id = text(holder)
    const process = await connection.execute({
      sql: 'SELECT USER AS user, HOST AS host FROM information_schema.PROCESSLIST WHERE ID = ?',
      parameters: [id],
    })
    const row = process.rows[0]
    return row === undefined
      ? `connection ${id}`
      : `connection ${id} (${text(row['user'])}@${text(row['host'])})`
  } catch {
    // Naming the holder is a courtesy: the timeout is the error.
    return undefined
  }
}
