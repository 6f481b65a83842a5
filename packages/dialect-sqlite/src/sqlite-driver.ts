import type { CompiledStatement, Connection, Driver, ExecuteResult } from '@retort/core'
import { RetortError } from '@retort/core/errors'
import type Database from 'better-sqlite3'
import { loadSqliteModule, sqliteModule } from './native/sqlite-native-module.js'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { SqliteForeignKeyError } from './rebuild/sqlite-rebuild-error.js'
import { isRebuildStatement } from './rebuild/sqlite-rebuild-step.js'
import { runRebuildStep } from './rebuild/sqlite-table-rebuilder.js'
import { keepsForeignKeys } from './sqlite-compiler.js'
import { SqliteIntrospector } from './sqlite-introspector.js'
import { toSqliteValue } from './sqlite-literal.js'

/**
 * A better-sqlite3 handle and whether Retort opened it (and so closes it).
 *
 * @example
 * ```ts
 * const handle: SqliteHandle = { database: new Database(':memory:'), owned: false }
 * ```
 */
export interface SqliteHandle {
  /** The handle; for a file not created yet, an empty in-memory stand-in (see `create`). */
  readonly database: Database.Database
  /** `false` for the application's own handle, which Retort never closes. */
  readonly owned: boolean
  /**
   * Set when the file did not exist: reads run on the empty stand-in until the file
   * appears (another connection created it) or this connection writes (a write, a
   * transaction or the migration lock creates it).
   */
  readonly pending?: SqlitePendingFile | undefined
  /**
   * Retort's own handle without an explicit busy timeout: once the migration lock is taken,
   * waiting for another connection's write lasts as long as waiting for the lock.
   */
  readonly followsLockTimeout?: boolean | undefined
}

/**
 * A database file that did not exist when its connection was opened.
 *
 * @example
 * ```ts
 * const pending: SqlitePendingFile = { exists: () => existsSync(path), create: () => new Database(path) }
 * ```
 */
export interface SqlitePendingFile {
  /** Whether the file is there now. */
  exists(): boolean
  /** Opens the file, creating it; throws when it cannot be created there. */
  create(): Database.Database
}

/**
 * Opens {@link SqliteConnection}s through a function the dialect supplies (a new file
 * handle per connection, or the shared in-memory / application handle).
 *
 * @example
 * ```ts
 * const driver = new SqliteDriver(() => ({ database: new Database('app.db'), owned: true }))
 * const connection = await driver.connect()
 * ```
 */
export class SqliteDriver implements Driver {
  readonly #open: () => SqliteHandle
  readonly #connections = new Set<SqliteConnection>()

  constructor(open: () => SqliteHandle) {
    this.#open = open
  }

  /**
   * Opens a connection.
   *
   * @example
   * ```ts
   * const connection = await driver.connect()
   * ```
   */
  async connect(): Promise<SqliteConnection> {
    // better-sqlite3 is loaded by the first connection, not with this package.
    await loadSqliteModule()
    const connection = new SqliteConnection(this.#open(), () =>
      this.#connections.delete(connection),
    )
    this.#connections.add(connection)
    return connection
  }

  /**
   * Closes the connections this driver opened that are still open (never the
   * application's handle).
   *
   * @example
   * ```ts
   * await driver.destroy()
   * ```
   */
  async destroy(): Promise<void> {
    for (const connection of [...this.#connections]) await connection.close()
  }
}

/**
 * The key of {@link SqliteConnection}'s handle for this package's own code (the adapter's
 * lock): unlike {@link SqliteConnection.database}, taking it does not count as handing the
 * handle out. Not exported from the package.
 */
export const SQLITE_HANDLE: unique symbol = Symbol('retort.sqlite.handle')

/**
 * One better-sqlite3 handle behind the async {@link Connection} interface (the calls are
 * synchronous underneath). A statement that returns rows (`stmt.reader`) is read with
 * `all()`, others run with `run()` and report `changes` as `rowCount`. A table-rebuild
 * statement of the compiler runs as planned against the live table (`runRebuildStep`).
 *
 * Foreign keys: a transaction started with {@link SqliteConnection.begin} runs with
 * `PRAGMA foreign_keys` OFF when the handle had it ON (better-sqlite3's default), because
 * SQLite cannot switch it inside a transaction and a table rebuild with it ON would run the
 * ON DELETE actions (CASCADE, SET NULL) of the tables referencing the rebuilt one.
 * {@link SqliteConnection.commit} then runs `PRAGMA foreign_key_check` before COMMIT (unless
 * every statement of the transaction was one that cannot break a foreign key, see
 * `SqliteStatement`): a violation rolls back and throws {@link SqliteForeignKeyError}.
 * Inside such a transaction ON DELETE/UPDATE actions do not fire: a migration that deletes
 * parent rows deletes their children itself. The pragma is switched back on after COMMIT
 * or ROLLBACK on an application's handle (the application may use it between two steps).
 * On a handle Retort opened itself and never handed out ({@link SqliteConnection.database})
 * it stays off from one transaction to the next (a run of steps switches it once, not three
 * statements a step), and is switched back on before a statement runs outside a
 * transaction and on close: no statement ever runs outside a transaction with it off.
 *
 * @example
 * ```ts
 * const { rows } = await connection.execute({ sql: 'SELECT ? AS one', parameters: [1] })
 * ```
 */
export class SqliteConnection implements Connection {
  #handle: SqliteHandle
  readonly #onClose: () => void
  /**
   * `foreign_keys` was ON and is switched off by this connection: for the open transaction,
   * or, on Retort's own handle, since the last one (see the class notes).
   */
  #foreignKeysSuspended = false
  /** The handle was given out: something else may use it between two transactions. */
  #handedOut = false
  /** A statement of the open transaction may have broken a foreign key: check before COMMIT. */
  #foreignKeysAtRisk = false
  /** Reads the tables a rebuild changes and the foreign keys checked before COMMIT. */
  readonly #introspector = new SqliteIntrospector()
  /**
   * The statements prepared on {@link #preparedOn}, by SQL text: a run prepares the same few
   * (version rows, ledger rows) on every step. A prepared statement keeps its native memory
   * until the GC collects its wrapper, and V8 does not see that memory: 10,000 steps
   * preparing theirs afresh held tens of MB.
   */
  readonly #prepared = new Map<string, Database.Statement<unknown[]>>()
  #preparedOn: Database.Database | undefined

  constructor(handle: SqliteHandle, onClose: () => void = () => {}) {
    this.#handle = handle
    this.#onClose = onClose
  }

  /**
   * The better-sqlite3 handle (for the adapter and introspector of this dialect). A file
   * that does not exist yet is created here: whoever needs the handle itself (the
   * migration lock, a rebuild) is about to write. Whoever takes it may run statements of
   * its own between two transactions: from then on foreign keys are switched back on right
   * after each one (see the class notes).
   */
  get database(): Database.Database {
    const database = this.#created().database
    this.#handedOut = true
    if (!database.inTransaction) this.#resumeForeignKeys()
    return database
  }

  /** The handle, for this package's own code (see {@link SQLITE_HANDLE}). */
  [SQLITE_HANDLE](): Database.Database {
    return this.#created().database
  }

  /**
   * Waiting for another connection's write lock (`SQLITE_BUSY`) lasts `timeoutMs` from now
   * on, when this is Retort's own handle without a busy timeout of its own: the adapter
   * calls it once it holds the migration lock, so a second application migrating another
   * version table of the same file waits for the first one's transaction as long as it
   * would wait for a lock.
   *
   * @example
   * ```ts
   * connection.useLockTimeout(60_000)
   * ```
   */
  useLockTimeout(timeoutMs: number): void {
    const handle = this.#created()
    if (handle.followsLockTimeout !== true || !handle.database.open) return
    handle.database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(timeoutMs))}`)
  }

  /** The handle, once the file exists (creating it if it was not there). */
  #created(): SqliteHandle {
    const pending = this.#handle.pending
    // A closed connection stays closed: nothing is created for it.
    if (pending === undefined || !this.#handle.database.open) return this.#handle
    const database = pending.create()
    this.#handle.database.close()
    this.#handle = {
      database,
      owned: true,
      ...(this.#handle.followsLockTimeout ? { followsLockTimeout: true } : {}),
    }
    return this.#handle
  }

  /**
   * Runs one statement. A parameterless text of several statements (raw SQL from
   * `op.execute`) runs through `exec()`.
   *
   * @example
   * ```ts
   * await connection.execute({ sql: 'DELETE FROM "t" WHERE "id" = ?', parameters: [1] })
   * ```
   */
  async execute(statement: CompiledStatement): Promise<ExecuteResult> {
    // Off since the last transaction: a statement outside one runs with them on.
    if (this.#foreignKeysSuspended && !this.#handle.database.inTransaction) {
      this.#resumeForeignKeys()
    }
    if (isRebuildStatement(statement)) {
      this.#foreignKeysAtRisk = true
      // The compiler planned the change; it runs against the table as the introspector reads it.
      try {
        const database = this.#created().database
        await runRebuildStep(this, database, statement.rebuild, this.#introspector)
      } catch (error) {
        throw explainSqliteFileError(error, this.#handle.database.name)
      }
      return { rows: [], rowCount: 0 }
    }
    return this.#explained(() => this.#execute(statement))
  }

  #execute(statement: CompiledStatement): ExecuteResult {
    if (!keepsForeignKeys(statement)) this.#foreignKeysAtRisk = true
    // A file created meanwhile by another connection is opened (that creates nothing).
    if (this.#handle.pending?.exists() === true) this.#created()
    let database = this.#handle.database
    const parameters = statement.parameters.map(toSqliteValue)
    if (parameters.length === 0 && DDL.test(statement.sql)) {
      // DDL returns no rows and writes (on the file, created if need be): run through exec,
      // which finalizes its statement at once; a CREATE TABLE is run once, so a prepared one
      // would only wait for the GC, holding its native memory (see #prepared).
      this.#created().database.exec(statement.sql)
      return { rows: [], rowCount: 0 }
    }
    let prepared: Database.Statement<unknown[]>
    try {
      prepared = this.#prepare(database, statement.sql)
      // While the file does not exist, only queries run on the empty stand-in; anything
      // else (a write, ATTACH, a pragma that sets) runs on the file, which it creates.
      if (this.#handle.pending !== undefined && !(prepared.reader && prepared.readonly)) {
        database = this.#created().database
        prepared = this.#prepare(database, statement.sql)
      }
    } catch (error) {
      if (parameters.length === 0 && isMultiStatement(error)) {
        this.#created().database.exec(statement.sql)
        return { rows: [], rowCount: 0 }
      }
      throw error
    }
    if (prepared.reader) {
      const rows = prepared.all(...parameters) as Record<string, unknown>[]
      // A reader that writes is `INSERT/UPDATE/DELETE ... RETURNING`: one row per change.
      return { rows, rowCount: prepared.readonly ? 0 : rows.length }
    }
    const result = prepared.run(...parameters)
    return { rows: [], rowCount: result.changes }
  }

  /** `sql` prepared on `database`, reused while it is the handle (see #prepared). */
  #prepare(database: Database.Database, sql: string): Database.Statement<unknown[]> {
    if (this.#preparedOn !== database) {
      this.#prepared.clear()
      this.#preparedOn = database
    }
    let prepared = this.#prepared.get(sql)
    if (prepared === undefined) {
      prepared = database.prepare(sql)
      // A bound on the statements kept: those of a step are few; anything else is run once.
      if (this.#prepared.size >= PREPARED_KEPT) this.#prepared.clear()
      this.#prepared.set(sql, prepared)
    }
    return prepared
  }

  /**
   * `BEGIN IMMEDIATE`: takes the write lock now, so a concurrent writer is waited for
   * (busy timeout) here rather than failing half-way through a migration. With
   * `foreign_keys` ON, switches it off first (see the class notes).
   *
   * @example
   * ```ts
   * await connection.begin()
   * ```
   */
  async begin(): Promise<void> {
    this.#explained(() => this.#begin())
  }

  #begin(): void {
    const database = this.#created().database
    // Still off from this connection's previous transaction: nothing to read or switch.
    const stillOff = this.#foreignKeysSuspended && !database.inTransaction
    const suspend =
      !stillOff &&
      !database.inTransaction &&
      Number(database.pragma('foreign_keys', { simple: true })) === 1
    if (suspend) database.pragma('foreign_keys = OFF')
    try {
      database.exec('BEGIN IMMEDIATE')
    } catch (error) {
      if (suspend) database.pragma('foreign_keys = ON')
      throw error
    }
    if (!stillOff) this.#foreignKeysSuspended = suspend
    this.#foreignKeysAtRisk = false
  }

  /**
   * `COMMIT`. When `begin()` switched foreign keys off, `PRAGMA foreign_key_check` runs
   * first: a violation rolls back and throws {@link SqliteForeignKeyError}, naming the
   * table, the rowid and the parent table.
   *
   * @example
   * ```ts
   * await connection.commit()
   * ```
   */
  async commit(): Promise<void> {
    const database = this.#handle.database
    if (this.#foreignKeysSuspended && this.#foreignKeysAtRisk && database.inTransaction) {
      const { violations } = await this.#introspector.foreignKeyViolations(this)
      if (violations.length > 0) {
        database.exec('ROLLBACK')
        this.#resumeForeignKeys()
        throw new SqliteForeignKeyError(violations, 'before committing the migration')
      }
    }
    database.exec('COMMIT')
    this.#foreignKeysAtRisk = false
    this.#afterTransaction()
  }

  /**
   * `ROLLBACK`, when a transaction is open (SQLite may already have rolled back after
   * some errors).
   *
   * @example
   * ```ts
   * await connection.rollback()
   * ```
   */
  async rollback(): Promise<void> {
    if (this.#handle.database.inTransaction) this.#handle.database.exec('ROLLBACK')
    this.#foreignKeysAtRisk = false
    this.#afterTransaction()
  }

  /** Runs `work`; "file is not a database" becomes an error naming the file. */
  #explained<T>(work: () => T): T {
    try {
      return work()
    } catch (error) {
      throw explainSqliteFileError(error, this.#handle.database.name)
    }
  }

  /**
   * After COMMIT or ROLLBACK: an application's handle, or one handed out, gets foreign keys
   * back on now; Retort's own keeps them off for its next transaction until something else
   * needs them on.
   */
  #afterTransaction(): void {
    if (!this.#handle.owned || this.#handedOut) this.#resumeForeignKeys()
  }

  #resumeForeignKeys(): void {
    if (!this.#foreignKeysSuspended || this.#handle.database.inTransaction) return
    this.#foreignKeysSuspended = false
    if (this.#handle.database.open) this.#handle.database.pragma('foreign_keys = ON')
  }

  /**
   * Closes the handle if Retort opened it; the application's own handle stays open.
   *
   * @example
   * ```ts
   * await connection.close()
   * ```
   */
  async close(): Promise<void> {
    this.#prepared.clear()
    this.#preparedOn = undefined
    if (this.#handle.owned) {
      if (this.#handle.database.open) this.#handle.database.close()
    } else {
      this.#resumeForeignKeys()
    }
    this.#onClose()
  }
}

/** How many prepared statements a connection keeps (see SqliteConnection's #prepared). */
const PREPARED_KEPT = 32

/** A statement starting with CREATE, DROP or ALTER: SQLite's DDL, which returns no rows. */
const DDL = /^\s*(?:CREATE|DROP|ALTER)\s/i

function isMultiStatement(error: unknown): boolean {
  return error instanceof RangeError && /more than one statement/.test(error.message)
}

/**
 * How {@link openSqliteFile} opens a database file.
 *
 * @example
 * ```ts
 * const options: SqliteFileOptions = { timeoutMs: 5000, followsLockTimeout: true }
 * ```
 */
export interface SqliteFileOptions {
  /** Busy timeout of the handle, in ms. */
  readonly timeoutMs: number
  /** The busy timeout becomes the migration lock's timeout once the lock is taken. */
  readonly followsLockTimeout: boolean
}

/**
 * Opens a database file for one connection. A path that does not exist is not created
 * here: the handle starts as an empty in-memory stand-in, which reads see as an empty
 * database, and the first write creates the file (`pending`). So `retort current` on a new
 * path reports base and leaves nothing behind. A path that is a directory, or a file whose
 * directory is missing when it must be created, is a {@link RetortError} naming the path.
 *
 * @example
 * ```ts
 * const handle = openSqliteFile('/data/app.db', { timeoutMs: 5000, followsLockTimeout: true })
 * ```
 */
export function openSqliteFile(filename: string, options: SqliteFileOptions): SqliteHandle {
  let exists = true
  try {
    if (statSync(filename).isDirectory()) {
      throw new RetortError(
        'sqlite-path',
        `the SQLite database path '${filename}' is a directory; give the path of a database file, e.g. '${join(filename, 'app.db')}'`,
      )
    }
  } catch (error) {
    if (error instanceof RetortError) throw error
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    exists = false
  }
  if (exists) return { database: open(filename, options), owned: true, ...follows(options) }
  return {
    database: new (sqliteModule())(':memory:'),
    owned: true,
    ...follows(options),
    pending: {
      exists: () => existsSync(filename),
      create: () => {
        const directory = dirname(filename)
        let isDirectory = false
        try {
          isDirectory = statSync(directory).isDirectory()
        } catch {
          isDirectory = false
        }
        if (!isDirectory) {
          throw new RetortError(
            'sqlite-path',
            `cannot create the SQLite database '${filename}': the directory '${directory}' does not exist; create it, or correct the path`,
          )
        }
        return open(filename, options)
      },
    },
  }
}

function follows(options: SqliteFileOptions): { followsLockTimeout?: true } {
  return options.followsLockTimeout ? { followsLockTimeout: true } : {}
}

function open(filename: string, options: SqliteFileOptions): Database.Database {
  try {
    return new (sqliteModule())(filename, { timeout: options.timeoutMs })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new RetortError(
      'sqlite-path',
      `cannot open the SQLite database '${filename}' (${reason}); check the path and that this process may read and write it`,
      { cause: error },
    )
  }
}

/**
 * The error to throw for `error`, raised while using the database file `filename`: SQLite's
 * "file is not a database" becomes a {@link RetortError} naming the file and what to do (a
 * path that points at some other file is a mistake in the configuration); any other error
 * is returned as it is.
 *
 * @example
 * ```ts
 * try { db.prepare(sql) } catch (error) { throw explainSqliteFileError(error, db.name) }
 * ```
 */
export function explainSqliteFileError(error: unknown, filename: string): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'SQLITE_NOTADB') return error
  return new RetortError(
    'sqlite-not-a-database',
    `'${filename}' is not a SQLite database (${(error as Error).message}); check the path, or move that file away so that a new database can be created there`,
    { cause: error },
  )
}
