import { createHash } from 'node:crypto'
import type { Connection, MigrationLockOptions } from '@retort/core'
import { LockTimeoutError, RetortError } from '@retort/core/errors'

/** SQLSTATE `lock_not_available`: `lock_timeout` expired. */
const LOCK_NOT_AVAILABLE = '55P03'

/**
 * The advisory-lock key of the migration lock of `table` in `schema` of `database`: the
 * first 8 bytes of a SHA-256 of the three names (JSON-encoded, so they cannot run into each other), as a signed 64-bit integer (in decimal
 * text, as `pg_advisory_lock(bigint)` takes it). Another database, schema or version table
 * is another key, so unrelated migrations on one server never wait for each other.
 *
 * @example
 * ```ts
 * postgresLockKey('app', 'public', 'retort_version') // '-4095...' (a bigint in decimal)
 * ```
 */
export function postgresLockKey(database: string, schema: string, table: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['retort', database, schema, table]))
    .digest()
  return digest.readBigInt64BE(0).toString()
}

/**
 * The cross-process migration lock of PostgreSQL: a session-level advisory lock keyed by
 * {@link postgresLockKey} on the database, the version table's schema (else the session's
 * `current_schema()`) and the version table. `pg_try_advisory_lock` first; when another
 * session holds it, `pg_advisory_lock` waits in the server (woken as soon as the holder
 * releases) under `lock_timeout`, after which it fails with {@link LockTimeoutError} naming
 * the holder's pid, `application_name`, user and client address (from `pg_locks` and
 * `pg_stat_activity`). The server releases the lock when the holding session ends (a
 * crash, `kill -9`, `pg_terminate_backend`), so it is never left behind.
 *
 * @example
 * ```ts
 * const lock = new PostgresMigrationLock()
 * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 })
 * try { ... } finally { await lock.release(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 10_000 }) }
 * ```
 */
export class PostgresMigrationLock {
  readonly #defaultSchema: string | undefined
  readonly #held = new Map<Connection, Set<string>>()

  /** `defaultSchema`: the dialect's `schema`, used when the version table names none. */
  constructor(defaultSchema?: string) {
    this.#defaultSchema = defaultSchema
  }

  /**
   * Takes the lock, waiting up to `timeoutMs` for another holder; throws
   * {@link LockTimeoutError} after that. Call it outside a transaction.
   *
   * @example
   * ```ts
   * await lock.acquire(connection, { versionTable: { name: 'retort_version' }, timeoutMs: 0 })
   * ```
   */
  async acquire(connection: Connection, options: MigrationLockOptions): Promise<void> {
    const { key, target } = await this.#key(connection, options)
    const held = this.#held.get(connection) ?? new Set<string>()
    // Advisory locks nest within a session (two unlocks needed): refuse instead.
    if (held.has(key)) {
      throw new RetortError(
        'lock-held',
        `the migration lock on '${target}' is already held by this connection; release it before taking it again`,
      )
    }
    const { rows } = await connection.execute({
      sql: 'SELECT pg_try_advisory_lock($1::bigint) AS locked',
      parameters: [key],
    })
    if (rows[0]?.['locked'] !== true) {
      const timeoutMs = Math.floor(options.timeoutMs)
      if (!(timeoutMs > 0)) {
        throw new LockTimeoutError(target, options.timeoutMs, await holderOf(connection, key))
      }
      await waitFor(connection, key, timeoutMs, async () => {
        throw new LockTimeoutError(target, options.timeoutMs, await holderOf(connection, key))
      })
    }
    held.add(key)
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
    const { key } = await this.#key(connection, options)
    if (!held.delete(key)) return
    if (held.size === 0) this.#held.delete(connection)
    await connection.execute({
      sql: 'SELECT pg_advisory_unlock($1::bigint) AS released',
      parameters: [key],
    })
  }

  async #key(
    connection: Connection,
    options: MigrationLockOptions,
  ): Promise<{ key: string; target: string }> {
    const { rows } = await connection.execute({
      sql: 'SELECT current_database() AS database, current_schema() AS schema',
      parameters: [],
    })
    const database = String(rows[0]?.['database'] ?? '')
    const given = options.versionTable.schema
    const schema =
      given !== undefined && given !== ''
        ? given
        : (this.#defaultSchema ?? (rows[0]?.['schema'] as string | null | undefined) ?? 'public')
    const table = options.versionTable.name
    return {
      key: postgresLockKey(database, schema, table),
      target: `${database}.${schema}.${table}`,
    }
  }
}

/**
 * Waits for the lock in the server: `pg_advisory_lock` under a transaction-local
 * `lock_timeout`. A session-level advisory lock taken inside a transaction stays held
 * after it commits.
 */
async function waitFor(
  connection: Connection,
  key: string,
  timeoutMs: number,
  onTimeout: () => Promise<never>,
): Promise<void> {
  await connection.begin()
  try {
    await connection.execute({
      sql: "SELECT set_config('lock_timeout', $1, true)",
      parameters: [`${timeoutMs}ms`],
    })
    await connection.execute({ sql: 'SELECT pg_advisory_lock($1::bigint)', parameters: [key] })
  } catch (error) {
    await connection.rollback()
    if ((error as { code?: unknown } | null)?.code === LOCK_NOT_AVAILABLE) await onTimeout()
    throw error
  }
  await connection.commit()
}

/**
 * `pid 4242 (application_name 'billing', user 'app', client 10.0.0.7)`, or less when the lock
 * is free again or `pg_stat_activity` hides the details from this user.
 */
async function holderOf(connection: Connection, key: string): Promise<string | undefined> {
  const value = BigInt.asUintN(64, BigInt(key))
  const classid = (value >> 32n).toString()
  const objid = (value & 0xffffffffn).toString()
  try {
    const { rows } = await connection.execute({
      sql: "SELECT l.pid, a.application_name, a.usename, host(a.client_addr) AS client_addr FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1 LIMIT 1",
      parameters: [classid, objid],
    })
    const row = rows[0]
    if (row === undefined) return undefined
    const details = [
      row['application_name'] ? `application_name '${String(row['application_name'])}'` : '',
      row['usename'] ? `user '${String(row['usename'])}'` : '',
      row['client_addr'] ? `client ${String(row['client_addr'])}` : '',
    ].filter((part) => part !== '')
    return `pid ${String(row['pid'])}${details.length === 0 ? '' : ` (${details.join(', ')})`}`
  } catch {
    // Naming the holder is a courtesy: the timeout is the error.
    return undefined
  }
}
