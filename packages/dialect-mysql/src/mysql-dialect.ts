import type { Dialect, ScratchDatabase } from '@retort/core'
import { parseServerUrl } from '@retort/core/dialect'
import { maskSecrets, maskUrl, urlSecrets } from '@retort/core/dialect'
import { ConfigError } from '@retort/core/errors'
import type { Connection as CallbackConnection, Pool as CallbackPool } from 'mysql2'
import type { Connection as PromiseConnection, Pool as PromisePool } from 'mysql2/promise'
import mysql from 'mysql2/promise'
import { randomBytes } from 'node:crypto'
import { MysqlAdapter } from './mysql-adapter.js'
import { MysqlCompiler, type MysqlCompilerOptions } from './mysql-compiler.js'
import { type MysqlConnectionSource, MysqlDriver, type MysqlServerNote } from './mysql-driver.js'
import { MysqlIntrospector } from './mysql-introspector.js'

/**
 * How {@link mysqlDialect} reaches the server: a URI (Retort creates a pool and ends it
 * after each run), or the application's own mysql2 pool or connection (promise or callback
 * API), which Retort uses and never ends.
 *
 * @example
 * ```ts
 * const byUri: MysqlDialectConfig = { uri: 'mysql://app:secret@db:3306/app' }
 * const byPool: MysqlDialectConfig = { pool: mysql.createPool({ host: 'db', user: 'app', database: 'app' }) }
 * ```
 */
export type MysqlDialectConfig =
  | {
      /** `mysql://user:password@host:3306/database?options` or `mariadb://...`. */
      readonly uri: string
    }
  | {
      /** The application's pool; each run takes one connection and gives it back. */
      readonly pool: PromisePool | CallbackPool
    }
  | {
      /** The application's connection; Retort never ends it. Do not share it with concurrent work. */
      readonly connection: PromiseConnection | CallbackConnection
    }

/**
 * Options of {@link mysqlDialect}: those of the compiler (engine, charset, collation,
 * index prefix length, server flavor).
 *
 * @example
 * ```ts
 * const options: MysqlDialectOptions = { collation: 'utf8mb4_0900_ai_ci', flavor: 'mysql' }
 * ```
 */
export type MysqlDialectOptions = MysqlCompilerOptions

/**
 * The MySQL and MariaDB dialect (mysql2).
 *
 * @example
 * ```ts
 * const migrator = new Migrator({
 *   scriptLocation: './migrations',
 *   dialect: mysqlDialect({ uri: process.env.DATABASE_URL! }),
 * })
 * ```
 */
export function mysqlDialect(
  config: MysqlDialectConfig,
  options?: MysqlDialectOptions,
): MysqlDialect {
  return new MysqlDialect(config, options)
}

/**
 * The {@link Dialect} made by {@link mysqlDialect}. Creating it does not connect.
 *
 * The pool Retort creates for a URI reads and writes `DATETIME` values as UTC
 * (`timezone: 'Z'`) and returns integers beyond 2^53 as strings (`supportBigNumbers`);
 * options in the URI's query string (`?ssl=...`) override these. A `mariadb://` URI sets
 * `flavor: 'mariadb'` unless the options say otherwise.
 *
 * @example
 * ```ts
 * const dialect = new MysqlDialect({ pool: appPool })
 * ```
 */
export class MysqlDialect implements Dialect {
  readonly name = 'mysql'
  readonly description: string
  readonly #source: MysqlConnectionSource
  readonly #redact: (text: string) => string
  readonly #options: MysqlCompilerOptions
  readonly #dialectOptions: MysqlDialectOptions
  /** The URI this dialect was made from (`mysql://...`), when it was. */
  readonly #uri: string | undefined
  /** The server's `VERSION()`, noted by the first connection. */
  readonly #server: MysqlServerNote = { version: undefined }

  constructor(config: MysqlDialectConfig, options: MysqlDialectOptions = {}) {
    this.#dialectOptions = options
    this.#uri = undefined
    if (typeof config !== 'object' || config === null) {
      throw new ConfigError('mysqlDialect needs { uri }, { pool } or { connection }')
    }
    this.#redact = (text) => text
    if ('uri' in config && config.uri !== undefined) {
      const parsed = parseMysqlUri(config.uri)
      this.#uri = config.uri.trim()
      this.description = parsed.description
      const secrets = urlSecrets(config.uri)
      this.#redact = (text) => maskSecrets(text, secrets)
      this.#source = {
        kind: 'pool',
        owned: true,
        pool: () => mysql.createPool({ uri: parsed.uri, timezone: 'Z', supportBigNumbers: true }),
      }
      this.#options = checkOptions(
        parsed.mariadb && options.flavor === undefined
          ? { ...options, flavor: 'mariadb' }
          : options,
      )
      return
    }
    this.#options = checkOptions(options)
    if ('pool' in config && config.pool !== undefined) {
      const pool = promisePool(config.pool)
      this.description = `${where(pool.pool?.config)} (application pool)`
      this.#source = { kind: 'pool', owned: false, pool: () => pool }
      return
    }
    if ('connection' in config && config.connection !== undefined) {
      const connection = promiseConnection(config.connection)
      this.description = `${where(connection.config ?? (connection as { connection?: { config?: unknown } }).connection?.config)} (application connection)`
      this.#source = { kind: 'connection', connection }
      return
    }
    throw new ConfigError('mysqlDialect needs { uri }, { pool } or { connection }')
  }

  /**
   * A new driver (connections); ends the pool it created in `destroy()`.
   *
   * @example
   * ```ts
   * const driver = mysqlDialect({ uri }).createDriver()
   * ```
   */
  createDriver(): MysqlDriver {
    return new MysqlDriver(this.#source, this.description, this.#redact, this.#server)
  }

  /**
   * A new compiler (pure). Once a driver of this dialect has connected, the compiler knows
   * the server's version (`serverVersion`), so what depends on it (MySQL-only or
   * MariaDB-only syntax, functional index parts) is decided before anything runs.
   *
   * @example
   * ```ts
   * const compiler = mysqlDialect({ uri }).createCompiler()
   * ```
   */
  createCompiler(): MysqlCompiler {
    const version = this.#server.version
    return new MysqlCompiler(
      version === undefined ? this.#options : { ...this.#options, serverVersion: version },
    )
  }

  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = mysqlDialect({ uri }).createAdapter()
   * ```
   */
  createAdapter(): MysqlAdapter {
    return new MysqlAdapter()
  }

  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = mysqlDialect({ uri }).createIntrospector()
   * ```
   */
  createIntrospector(): MysqlIntrospector {
    return new MysqlIntrospector()
  }

  /**
   * A new, empty database `<database>_retort_autogen_<random>` on the same server (what
   * `revision --autogenerate` upgrades and compares with this one); `dispose()` drops it.
   * Needs a dialect made from a URI (the user must be allowed to create databases).
   *
   * @example
   * ```ts
   * const scratch = await mysqlDialect({ uri }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch(): Promise<ScratchDatabase> {
    const uri = this.#uri
    if (uri === undefined) {
      throw new ConfigError(
        'a scratch database needs a MySQL dialect made from a URI (mysqlDialect({ uri })), not an application pool or connection',
      )
    }
    const url = new URL(uri.replace(/^mariadb:/i, 'mysql:'))
    const current = decodeURIComponent(url.pathname.replace(/^\//, ''))
    const suffix = `_retort_autogen_${randomBytes(6).toString('hex')}`
    // MySQL names are at most 64 characters.
    const name = `${(current || 'retort').slice(0, 64 - suffix.length)}${suffix}`
    const scheme = /^\s*mariadb:/i.test(uri) ? 'mariadb:' : 'mysql:'
    url.pathname = `/${encodeURIComponent(name)}`
    const scratchUri = `${scheme}${url.toString().slice('mysql:'.length)}`
    const quoted = this.createCompiler().quoteIdentifier(name)
    const [settings] = await this.#run(
      'SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()',
    )
    // The same character set as this database, so that columns compare alike. Both are
    // names from the server's catalog; checked anyway before they are written into DDL.
    const word = (value: unknown) =>
      typeof value === 'string' && /^[A-Za-z0-9_]+$/.test(value) ? value : undefined
    const charset = word(settings?.['charset'])
    const collation = word(settings?.['collation'])
    await this.#run(
      `CREATE DATABASE ${quoted}${charset ? ` CHARACTER SET ${charset}` : ''}${collation ? ` COLLATE ${collation}` : ''}`,
    )
    return {
      dialect: new MysqlDialect({ uri: scratchUri }, this.#dialectOptions),
      dispose: async () => {
        await this.#run(`DROP DATABASE IF EXISTS ${quoted}`)
      },
    }
  }

  async #run(sql: string): Promise<readonly Record<string, unknown>[]> {
    const driver = this.createDriver()
    try {
      const connection = await driver.connect()
      try {
        return (await connection.execute({ sql, parameters: [] })).rows
      } finally {
        await connection.close()
      }
    } finally {
      await driver.destroy()
    }
  }
}

/** Bad options fail when the dialect is made, not at the first compile. */
function checkOptions(options: MysqlDialectOptions): MysqlDialectOptions {
  try {
    new MysqlCompiler(options)
  } catch (error) {
    throw new ConfigError(
      `mysqlDialect: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    )
  }
  return options
}

function promisePool(pool: PromisePool | CallbackPool): PromisePool {
  const candidate = pool as Partial<CallbackPool> & Partial<PromisePool>
  // The callback API's pool has promise(); the promise API's has not.
  const promised =
    typeof candidate.promise === 'function' ? candidate.promise() : (pool as PromisePool)
  if (typeof promised?.getConnection !== 'function') {
    throw new ConfigError('mysqlDialect: pool must be a mysql2 pool (mysql.createPool(...))')
  }
  return promised
}

function promiseConnection(connection: PromiseConnection | CallbackConnection): PromiseConnection {
  const candidate = connection as Partial<CallbackConnection> & Partial<PromiseConnection>
  const promised =
    typeof candidate.promise === 'function'
      ? candidate.promise()
      : (connection as PromiseConnection)
  if (
    typeof promised?.execute !== 'function' ||
    typeof promised.query !== 'function' ||
    typeof promised.beginTransaction !== 'function'
  ) {
    throw new ConfigError(
      'mysqlDialect: connection must be a mysql2 connection (await mysql.createConnection(...))',
    )
  }
  return promised
}

/** `mysql://user@host:port/database` from a mysql2 config; never the password. */
function where(config: unknown): string {
  const c = ((config as { connectionConfig?: unknown } | undefined)?.connectionConfig ?? config) as
    Record<string, unknown> | undefined
  if (c === undefined || c === null) return 'mysql'
  const user = typeof c['user'] === 'string' && c['user'] !== '' ? `${c['user']}@` : ''
  const host =
    typeof c['socketPath'] === 'string' && c['socketPath'] !== ''
      ? String(c['socketPath'])
      : `${String(c['host'] ?? 'localhost')}${c['port'] === undefined ? '' : `:${String(c['port'])}`}`
  const database =
    typeof c['database'] === 'string' && c['database'] !== '' ? `/${c['database']}` : ''
  return `mysql://${user}${host}${database}`
}

/**
 * A `mysql://` or `mariadb://` URI taken apart: the URI for mysql2 (always `mysql://`),
 * a description safe to print, and the password (to scrub from driver messages).
 *
 * @example
 * ```ts
 * const parsed: MysqlUri = parseMysqlUri('mariadb://app:secret@db:3306/app')
 * parsed.description // 'mariadb://app:***@db:3306/app'
 * ```
 */
export interface MysqlUri {
  /** The URI mysql2 connects with (`mariadb://` is written `mysql://`). */
  readonly uri: string
  /** The URI was written `mariadb://`. */
  readonly mariadb: boolean
  /** Scheme, user, host, port and database, the password replaced by `***`, no query string. */
  readonly description: string
  /** The decoded password, or `''`. Never printed. */
  readonly password: string
}

/**
 * Parses a MySQL/MariaDB URI (`mysql://user:password@host:port/database?options`). Errors
 * show the URI through core's `maskUrl`, never the password.
 *
 * @example
 * ```ts
 * parseMysqlUri('mysql://root@127.0.0.1:3306/test').description // 'mysql://root@127.0.0.1:3306/test'
 * ```
 */
export function parseMysqlUri(uri: string): MysqlUri {
  if (typeof uri !== 'string') {
    throw new ConfigError(
      `mysqlDialect: uri must be a string (got ${uri === null ? 'null' : typeof uri})`,
    )
  }
  const match = /^\s*(mysql|mariadb):\/\/(.*)$/is.exec(uri)
  if (match === null) {
    throw new ConfigError(
      `mysqlDialect: '${maskUrl(uri)}' is not a MySQL URI; write it as mysql://user:password@host:3306/database (or mariadb://...)`,
    )
  }
  const scheme = match[1]!.toLowerCase()
  const rest = match[2]!
  const { password, description } = parseServerUrl(`${scheme}://${rest}`, 'mysqlDialect')
  return Object.freeze({
    uri: `mysql://${rest.trim()}`,
    mariadb: scheme === 'mariadb',
    description,
    password,
  })
}
