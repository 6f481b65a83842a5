import type { Connection, MigrationLockOptions, QualifiedName } from '@retort/core'
import { AdapterBase } from '@retort/core/dialect'
import { quoteIdentifier } from './postgres-literal.js'
import { PostgresMigrationLock } from './postgres-migration-lock.js'

/**
 * PostgreSQL capabilities and migration lock. DDL is transactional, so a revision that
 * fails rolls back with its version-row change. The lock is a {@link PostgresMigrationLock}
 * (a session-level advisory lock); once it is held, a missing schema of the version table
 * or of the dialect's `schema` is created (writes only: a read never creates anything).
 *
 * @example
 * ```ts
 * const adapter = postgresDialect({ connectionString }).createAdapter()
 * await adapter.hasTable(connection, { name: 'retort_version' })
 * ```
 */
export class PostgresAdapter extends AdapterBase {
  readonly #lock: PostgresMigrationLock
  readonly #schema: string | undefined

  /** `schema`: the dialect's `schema` option (the run's `search_path`). */
  constructor(schema?: string) {
    super()
    this.#schema = schema
    this.#lock = new PostgresMigrationLock(schema)
  }

  override get supportsTransactionalDdl(): boolean {
    return true
  }

  /**
   * Whether the table exists in its schema (default: the session's `current_schema()`),
   * read from `pg_class` with bound names; never creates anything.
   *
   * @example
   * ```ts
   * await adapter.hasTable(connection, { name: 'retort_version', schema: 'tenant_a' })
   * ```
   */
  async hasTable(connection: Connection, table: QualifiedName): Promise<boolean> {
    const { rows } = await connection.execute({
      sql: "SELECT 1 AS found FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema()) AND c.relkind IN ('r', 'p')",
      parameters: [
        table.name,
        table.schema === undefined || table.schema === '' ? null : table.schema,
      ],
    })
    return rows.length > 0
  }

  /**
   * Takes the cross-process lock of this database, schema and version table; throws
   * `LockTimeoutError` after `timeoutMs`, naming the session that holds it. Then creates
   * the schemas the run writes to when they are missing.
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
    try {
      for (const schema of new Set([options.versionTable.schema, this.#schema])) {
        if (schema !== undefined && schema !== '') await ensureSchema(connection, schema)
      }
    } catch (error) {
      await this.#lock.release(connection, options)
      throw error
    }
  }

  /**
   * Releases the lock taken by {@link PostgresAdapter.acquireMigrationLock}.
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

/**
 * `CREATE SCHEMA` when it is missing. Not `CREATE SCHEMA IF NOT EXISTS`: that needs the
 * CREATE privilege on the database even when the schema exists.
 */
async function ensureSchema(connection: Connection, schema: string): Promise<void> {
  const { rows } = await connection.execute({
    sql: 'SELECT 1 AS found FROM pg_namespace WHERE nspname = $1',
    parameters: [schema],
  })
  if (rows.length > 0) return
  await connection.execute({
    sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`,
    parameters: [],
  })
}
