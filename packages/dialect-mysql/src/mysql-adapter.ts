import type { Connection, MigrationLockOptions, QualifiedName } from '@retort/core'
import { AdapterBase } from '@retort/core/dialect'
import { findMysqlTable } from './mysql-introspector.js'
import { MysqlMigrationLock } from './mysql-migration-lock.js'

/**
 * MySQL/MariaDB capabilities and migration lock. DDL is not transactional: each DDL
 * statement commits implicitly, so a revision that fails half-way leaves its earlier
 * statements applied. The lock is a {@link MysqlMigrationLock} (`GET_LOCK`).
 *
 * @example
 * ```ts
 * const adapter = mysqlDialect({ uri: 'mysql://app@db/app' }).createAdapter()
 * await adapter.hasTable(connection, { name: 'retort_version' })
 * ```
 */
export class MysqlAdapter extends AdapterBase {
  readonly #lock = new MysqlMigrationLock()

  override get supportsTransactionalDdl(): boolean {
    return false
  }

  /**
   * Whether the table exists, read from `information_schema.TABLES` with bound names; the
   * schema defaults to the connection's database.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version', schema: 'app' })
   * ```
   */
  async hasTable(connection: Connection, table: QualifiedName): Promise<boolean> {
    return (await findMysqlTable(connection, table)) !== undefined
  }

  /**
   * Takes the cross-process lock of this database and version table; throws
   * `LockTimeoutError` after `timeoutMs`, naming the connection that holds it.
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
    await this.#lock.acquire(connection, options)
  }

  /**
   * Releases the lock taken by {@link MysqlAdapter.acquireMigrationLock}.
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
    await this.#lock.release(connection, options)
  }
}
