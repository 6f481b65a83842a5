import type { CompiledStatement, Connection, Driver, ExecuteResult } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import type {
  Connection as PromiseConnection,
  Pool as PromisePool,
  PoolConnection as PromisePoolConnection,
} from 'mysql2/promise'
import { inlineStatement, toMysqlValue } from './mysql-literal.js'
import { restateColumn } from './restate/mysql-column-restater.js'
import { isRestateStatement } from './restate/mysql-restate-statement.js'

/**
 * Where a {@link MysqlDriver} gets its connections: a pool (its own, created lazily and
 * ended by `destroy()`, or the application's, never ended), or the application's single
 * connection (never ended either).
 *
 * @example
 * ```ts
 * const source: MysqlConnectionSource = { kind: 'pool', pool: appPool, owned: false }
 * ```
 */
export type MysqlConnectionSource =
  | { readonly kind: 'pool'; readonly pool: () => PromisePool; readonly owned: boolean }
  | { readonly kind: 'connection'; readonly connection: PromiseConnection }

/**
 * Where a dialect keeps what its server said `VERSION()` is: every driver of the dialect
 * writes it at its first connection (the same server each time), and the compilers made
 * afterwards know the flavor and version (see `MysqlCompilerOptions.serverVersion`).
 *
 * @example
 * ```ts
 * const note: MysqlServerNote = { version: undefined }
 * ```
 */
export interface MysqlServerNote {
  version: string | undefined
}

/** MySQL error numbers that get advice added to their message. */
const ER_TOO_LONG_KEY = 1071
const ER_BLOB_KEY_WITHOUT_LENGTH = 1170
const ER_UNSUPPORTED_PS = 1295

/**
 * Opens {@link MysqlConnection}s. With a pool, each `connect()` takes one pooled
 * connection for the whole run (the migration lock is a session lock, so a run must stay
 * on one session) and `close()` gives it back.
 *
 * @example
 * ```ts
 * const driver = mysqlDialect({ uri: 'mysql://app@db/app' }).createDriver()
 * const connection = await driver.connect()
 * ```
 */
export class MysqlDriver implements Driver {
  readonly #source: MysqlConnectionSource
  readonly #description: string
  readonly #redact: (text: string) => string
  readonly #server: MysqlServerNote | undefined
  #pool: PromisePool | undefined

  constructor(
    source: MysqlConnectionSource,
    description: string,
    redact: (text: string) => string = (text) => text,
    server?: MysqlServerNote,
  ) {
    this.#source = source
    this.#description = description
    this.#redact = redact
    this.#server = server
  }

  /** The first connection asks the server's `VERSION()` for the note, if there is one. */
  async #noteServer(connection: MysqlConnection): Promise<MysqlConnection> {
    if (this.#server === undefined || this.#server.version !== undefined) return connection
    try {
      const { rows } = await connection.execute({ sql: 'SELECT VERSION() AS v', parameters: [] })
      if (typeof rows[0]?.['v'] === 'string') this.#server.version = rows[0]['v']
    } catch (error) {
      await connection.close()
      throw error
    }
    return connection
  }

  /**
   * A connection for one run.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect(): Promise<MysqlConnection> {
    const source = this.#source
    if (source.kind === 'connection') {
      return this.#noteServer(new MysqlConnection(source.connection, () => {}))
    }
    this.#pool ??= source.pool()
    let pooled: PromisePoolConnection
    try {
      pooled = await this.#pool.getConnection()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new RetortError(
        'connection',
        `cannot connect to '${this.#description}': ${this.#redact(reason)}; check that the server runs and the URL's host, port, user, password and database`,
        { cause: error },
      )
    }
    return this.#noteServer(new MysqlConnection(pooled, () => pooled.release()))
  }

  /**
   * Ends the pool this driver created; an application's pool or connection stays open.
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy(): Promise<void> {
    const pool = this.#pool
    this.#pool = undefined
    if (pool !== undefined && this.#source.kind === 'pool' && this.#source.owned) await pool.end()
  }
}

/**
 * One mysql2 (promise API) session behind the {@link Connection} interface. A column
 * restatement of the compiler (`MysqlRestateStatement`) runs as a `MODIFY COLUMN` written
 * from the live column (`restateColumn`). A statement
 * with parameters runs as a server-side prepared statement (`execute`): values travel
 * apart from the SQL and are never escaped into it, whatever the `sql_mode`. A statement
 * without parameters runs as plain text (`query`), which also accepts the statements the
 * prepared-statement protocol does not.
 *
 * `rowCount` is the server's affected-row count for writes (0 for reads). mysql2 connects
 * with `FOUND_ROWS` unless the application turned it off, so an UPDATE counts the rows it
 * matched; the version table's UPDATE always changes the id, so it counts the same either
 * way.
 *
 * @example
 * ```ts
 * const { rows } = await connection.execute({ sql: 'SELECT ? AS one', parameters: [1] })
 * ```
 */
export class MysqlConnection implements Connection {
  readonly #session: PromiseConnection
  readonly #onClose: () => void
  #closed = false

  constructor(session: PromiseConnection, onClose: () => void) {
    this.#session = session
    this.#onClose = onClose
  }

  /** The mysql2 session (for code of this dialect that needs more than `execute`). */
  get session(): PromiseConnection {
    return this.#session
  }

  /**
   * Runs one statement.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM `t` WHERE `id` = ?', parameters: [1] })
   * ```
   */
  async execute(statement: CompiledStatement): Promise<ExecuteResult> {
    this.#checkOpen()
    if (isRestateStatement(statement)) {
      // MODIFY COLUMN resets what it does not restate: write it from the live column.
      await restateColumn((sql) => this.execute({ sql, parameters: [] }), statement.restate)
      return { rows: [], rowCount: 0 }
    }
    const values = statement.parameters.map(toMysqlValue)
    try {
      const [result] =
        values.length === 0
          ? await this.#session.query(statement.sql)
          : await this.#session.execute(statement.sql, values)
      return toExecuteResult(result)
    } catch (error) {
      if (errno(error) === ER_UNSUPPORTED_PS && values.length > 0) {
        // A statement the prepared-statement protocol refuses: write the values in as
        // literals that read the same in every sql_mode (never the driver's escaping).
        const [result] = await this.#session.query(inlineStatement(statement))
        return toExecuteResult(result)
      }
      throw explain(error)
    }
  }

  /**
   * `START TRANSACTION`. DDL commits implicitly in MySQL/MariaDB, whatever is open.
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin(): Promise<void> {
    this.#checkOpen()
    await this.#session.beginTransaction()
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
    this.#checkOpen()
    await this.#session.commit()
  }

  /**
   * `ROLLBACK` (of the data changes since the last implicit commit).
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback(): Promise<void> {
    this.#checkOpen()
    await this.#session.rollback()
  }

  /**
   * Gives a pooled connection back to its pool; an application's own connection stays
   * open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#onClose()
  }

  #checkOpen(): void {
    if (this.#closed) {
      throw new RetortError('connection-closed', 'this MySQL connection was closed; connect again')
    }
  }
}

function toExecuteResult(result: unknown): ExecuteResult {
  if (Array.isArray(result)) {
    // A CALL returns its result sets followed by a status header: the first set is the result.
    const first: unknown = result.find((item) => Array.isArray(item))
    const rows = (first ?? result.filter((item) => !isHeader(item))) as unknown[]
    return { rows: rows.map((row) => ({ ...(row as Record<string, unknown>) })), rowCount: 0 }
  }
  if (isHeader(result)) return { rows: [], rowCount: Number(result.affectedRows) }
  return { rows: [], rowCount: 0 }
}

function isHeader(value: unknown): value is { affectedRows: number } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'affectedRows' in value
  )
}

function errno(error: unknown): unknown {
  return (error as { errno?: unknown } | null)?.errno
}

/** Adds what to do to the server's message for the key-length errors a portable migration meets. */
function explain(error: unknown): unknown {
  const number = errno(error)
  if (
    !(error instanceof Error) ||
    (number !== ER_BLOB_KEY_WITHOUT_LENGTH && number !== ER_TOO_LONG_KEY)
  ) {
    return error
  }
  const advice =
    "MySQL indexes TEXT/BLOB columns and long strings only with a prefix length; index a `string` column of at most 768 characters, or create this index with op.execute('CREATE INDEX `ix` ON `t` (`col`(191))') and a reverse"
  const explained = new Error(`${error.message}; ${advice}`, { cause: error })
  for (const key of ['code', 'errno', 'sqlState', 'sqlMessage'] as const) {
    if (key in error)
      Object.assign(explained, { [key]: (error as unknown as Record<string, unknown>)[key] })
  }
  return explained
}
