import type { CompiledStatement, Connection, Driver, ExecuteResult } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import type { Client, ClientBase, Pool, PoolClient, QueryResult } from 'pg'
import pg from 'pg'
import { numberPlaceholders, quoteIdentifier, toPostgresValue } from './postgres-literal.js'

/**
 * Where a {@link PostgresDriver} gets its session: a new client for each run from a
 * connection string (ended when the run closes it), or the application's pool (one client
 * per run, given back) or client (used as is); the application's are never ended.
 *
 * @example
 * ```ts
 * const source: PostgresConnectionSource = { kind: 'pool', pool: appPool }
 * ```
 */
export type PostgresConnectionSource =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'pool'; readonly pool: Pool }
  | { readonly kind: 'client'; readonly client: Client | PoolClient }

/**
 * Settings of the sessions a {@link PostgresDriver} opens.
 *
 * @example
 * ```ts
 * const settings: PostgresSessionSettings = { schema: 'tenant_a', applicationName: 'retort' }
 * ```
 */
export interface PostgresSessionSettings {
  /** Sets `search_path` to this schema alone for the run (restored afterwards on the application's sessions). */
  readonly schema?: string | undefined
  /** `application_name` of the sessions Retort opens itself (a URL's own `application_name` wins). */
  readonly applicationName?: string | undefined
}

/** SQLSTATE of `relation ... already exists`. */
const DUPLICATE_TABLE = '42P07'

/**
 * Opens {@link PostgresConnection}s. A run stays on one session: the migration lock is a
 * session-level advisory lock.
 *
 * @example
 * ```ts
 * const driver = postgresDialect({ connectionString: 'postgresql://app@db/app' }).createDriver()
 * const connection = await driver.connect()
 * ```
 */
export class PostgresDriver implements Driver {
  readonly #source: PostgresConnectionSource
  readonly #description: string
  readonly #redact: (text: string) => string
  readonly #settings: PostgresSessionSettings
  readonly #open = new Set<PostgresConnection>()

  constructor(
    source: PostgresConnectionSource,
    description: string,
    redact: (text: string) => string = (text) => text,
    settings: PostgresSessionSettings = {},
  ) {
    this.#source = source
    this.#description = description
    this.#redact = redact
    this.#settings = settings
  }

  /**
   * A connection for one run; sets `search_path` when the dialect has a `schema`.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect(): Promise<PostgresConnection> {
    const source = this.#source
    let session: ClientBase
    let finish: (broken: boolean) => Promise<void>
    try {
      switch (source.kind) {
        case 'connectionString': {
          const client = new pg.Client({
            connectionString: source.connectionString,
            ...(this.#settings.applicationName === undefined
              ? {}
              : { application_name: this.#settings.applicationName }),
          })
          // Without a listener, a session the server ends would crash the process.
          client.on('error', () => {})
          await client.connect()
          session = client
          finish = async () => {
            await client.end().catch(() => {})
          }
          break
        }
        case 'pool': {
          const client = await source.pool.connect()
          session = client
          finish = async (broken) => client.release(broken)
          break
        }
        case 'client':
          session = source.client
          finish = async () => {}
          break
      }
    } catch (error) {
      throw this.#connectError(error)
    }
    const connection = new PostgresConnection(session, source.kind !== 'connectionString', finish)
    this.#open.add(connection)
    connection.onClose(() => this.#open.delete(connection))
    if (this.#settings.schema !== undefined) {
      try {
        await connection.setSearchPath(quoteIdentifier(this.#settings.schema))
      } catch (error) {
        await connection.close()
        throw error
      }
    }
    return connection
  }

  /**
   * Closes what this driver opened and is still open; an application's pool or client
   * stays open.
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy(): Promise<void> {
    for (const connection of [...this.#open]) await connection.close()
  }

  #connectError(error: unknown): RetortError {
    const reason = error instanceof Error ? error.message : String(error)
    // No `cause`: a driver error may carry the connection string in its properties.
    const wrapped = new RetortError(
      'connection',
      `cannot connect to '${this.#description}': ${this.#redact(reason)}; check that the server runs and the URL's host, port, user, password and database`,
    )
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code === 'string') Object.assign(wrapped, { sqlState: code })
    return wrapped
  }
}

/**
 * One pg session behind the {@link Connection} interface. Statements run as extended-query
 * (parameterised) statements when they have values, so values travel apart from the SQL;
 * portable `?` placeholders are numbered first ({@link numberPlaceholders}). A statement
 * without values runs as a simple query, which also accepts several statements in one
 * text (the last one's rows are returned).
 *
 * @example
 * ```ts
 * const { rows } = await connection.execute({ sql: 'SELECT $1::int AS one', parameters: [1] })
 * ```
 */
export class PostgresConnection implements Connection {
  readonly #session: ClientBase
  readonly #borrowed: boolean
  readonly #finish: (broken: boolean) => Promise<void>
  readonly #closeListeners: (() => void)[] = []
  readonly #onError = (error: Error) => {
    this.#broken = error
  }
  #broken: Error | undefined
  #restoreSearchPath: string | undefined
  #closed = false

  constructor(session: ClientBase, borrowed: boolean, finish: (broken: boolean) => Promise<void>) {
    this.#session = session
    this.#borrowed = borrowed
    this.#finish = finish
    // While Retort holds an application's session, a server-side disconnect must not
    // crash the application for want of an 'error' listener.
    if (borrowed) session.on('error', this.#onError)
  }

  /** The pg session (for code of this dialect that needs more than `execute`). */
  get session(): ClientBase {
    return this.#session
  }

  /**
   * Runs one statement.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM "t" WHERE "id" = $1', parameters: [1] })
   * ```
   */
  async execute(statement: CompiledStatement): Promise<ExecuteResult> {
    this.#checkOpen()
    const numbered = numberPlaceholders(statement)
    const values = numbered.parameters.map(toPostgresValue)
    try {
      const result = (
        values.length === 0
          ? await this.#session.query(numbered.sql)
          : await this.#session.query({ text: numbered.sql, values })
      ) as QueryResult | QueryResult[]
      const last = Array.isArray(result) ? result.at(-1) : result
      return {
        rows: (last?.rows ?? []).map((row) => ({ ...(row as Record<string, unknown>) })),
        rowCount: last?.rowCount ?? 0,
      }
    } catch (error) {
      throw await this.#explain(error)
    }
  }

  /**
   * `BEGIN`. PostgreSQL's DDL is transactional: everything up to `COMMIT` or `ROLLBACK`
   * happens together or not at all.
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin(): Promise<void> {
    await this.execute({ sql: 'BEGIN', parameters: [] })
  }

  /**
   * `COMMIT`.
   *
   * @example
   * ```ts
   * await connection.commit()
   * ```
   */
  async commit(): Promise<void> {
    await this.execute({ sql: 'COMMIT', parameters: [] })
  }

  /**
   * `ROLLBACK`.
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback(): Promise<void> {
    await this.execute({ sql: 'ROLLBACK', parameters: [] })
  }

  /**
   * Sets `search_path` for the session (bound, never spliced). On an application's
   * session, the previous value is restored by {@link PostgresConnection.close}.
   *
   * @example
   * ```ts
   * await connection.setSearchPath('"tenant_a"')
   * ```
   */
  async setSearchPath(value: string): Promise<void> {
    if (this.#borrowed && this.#restoreSearchPath === undefined) {
      const { rows } = await this.execute({
        sql: "SELECT current_setting('search_path') AS path",
        parameters: [],
      })
      this.#restoreSearchPath = String(rows[0]?.['path'] ?? '')
    }
    await this.execute({
      sql: "SELECT set_config('search_path', $1, false)",
      parameters: [value],
    })
  }

  /**
   * Ends a session Retort opened; gives a pooled one back (its `search_path` restored); an
   * application's own client stays open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close(): Promise<void> {
    if (this.#closed) return
    let broken = this.#broken !== undefined
    if (this.#restoreSearchPath !== undefined && !broken) {
      try {
        await this.execute({
          sql: "SELECT set_config('search_path', $1, false)",
          parameters: [this.#restoreSearchPath],
        })
      } catch {
        // A session that cannot be reset goes back broken, so the pool discards it.
        broken = true
      }
    }
    this.#closed = true
    if (this.#borrowed) this.#session.removeListener('error', this.#onError)
    for (const listener of this.#closeListeners.splice(0)) listener()
    await this.#finish(broken)
  }

  /** Called once when the connection closes (the driver forgets it). */
  onClose(listener: () => void): void {
    this.#closeListeners.push(listener)
  }

  #checkOpen(): void {
    if (this.#closed) {
      throw new RetortError(
        'connection-closed',
        'this PostgreSQL connection was closed; connect again',
      )
    }
  }

  /**
   * A `CREATE INDEX CONCURRENTLY` that failed leaves an INVALID index behind; the next run
   * then fails with `relation ... already exists`. Say so, and what to do.
   */
  async #explain(error: unknown): Promise<unknown> {
    const code = (error as { code?: unknown } | null)?.code
    if (!(error instanceof Error) || code !== DUPLICATE_TABLE) return error
    const name = /relation "((?:[^"]|"")*)" already exists/.exec(error.message)?.[1]
    if (name === undefined) return error
    try {
      const { rows } = await this.#session.query({
        text: 'SELECT n.nspname AS schema FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND NOT i.indisvalid AND pg_table_is_visible(i.indrelid)',
        values: [name],
      })
      if (rows.length === 0) return error
      const explained = new Error(
        `${error.message}: the index "${name}" is INVALID, left behind by a CREATE INDEX CONCURRENTLY that failed; drop it (DROP INDEX CONCURRENTLY "${name}") and run the migration again`,
        { cause: error },
      )
      Object.assign(explained, { code })
      return explained
    } catch {
      // In an aborted transaction nothing can be read: the server's message stands.
      return error
    }
  }
}
