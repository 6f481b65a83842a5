import type { Dialect, ScratchDatabase } from '@retort/core'
import { parseServerUrl } from '@retort/core/dialect'
import { maskSecrets, maskUrl } from '@retort/core/dialect'
import { ConfigError } from '@retort/core/errors'
import { randomBytes } from 'node:crypto'
import type { Client, Pool, PoolClient } from 'pg'
import { PostgresAdapter } from './postgres-adapter.js'
import { PostgresCompiler } from './postgres-compiler.js'
import { type PostgresConnectionSource, PostgresDriver } from './postgres-driver.js'
import { PostgresIntrospector } from './postgres-introspector.js'

/** `application_name` of the sessions Retort opens from a connection string. */
export const DEFAULT_APPLICATION_NAME = 'retort'

/**
 * Options every way of reaching the server shares.
 *
 * @example
 * ```ts
 * const options: PostgresDialectOptions = { schema: 'tenant_a' }
 * ```
 */
export interface PostgresDialectOptions {
  /**
   * Schema-per-tenant: the run's `search_path` is this schema alone, so unqualified names
   * (the revisions' tables, the version table) live there; a missing schema is created
   * under the migration lock by the first write. On the application's pool or client the
   * previous `search_path` is restored after the run.
   */
  readonly schema?: string | undefined
  /** `application_name` of the sessions Retort opens (default {@link DEFAULT_APPLICATION_NAME}); a URL's own wins. */
  readonly applicationName?: string | undefined
}

/**
 * How {@link postgresDialect} reaches the server: a connection string (Retort opens one
 * session per run and ends it), or the application's own pg `Pool` or `Client`, which
 * Retort uses and never ends.
 *
 * @example
 * ```ts
 * const byUrl: PostgresDialectConfig = { connectionString: 'postgresql://app:secret@db:5432/app' }
 * const byPool: PostgresDialectConfig = { pool: new pg.Pool({ connectionString }), schema: 'tenant_a' }
 * ```
 */
export type PostgresDialectConfig =
  | (PostgresDialectOptions & {
      /** `postgresql://user:password@host:5432/database?options` (or `postgres://`). */
      readonly connectionString: string
    })
  | (PostgresDialectOptions & {
      /** The application's pool; each run takes one client and gives it back. */
      readonly pool: Pool
    })
  | (PostgresDialectOptions & {
      /** The application's connected client; never ended. Do not share it with concurrent work. */
      readonly client: Client | PoolClient
    })

/**
 * The PostgreSQL dialect (pg).
 *
 * @example
 * ```ts
 * const migrator = new Migrator({
 *   scriptLocation: './migrations',
 *   dialect: postgresDialect({ connectionString: process.env.DATABASE_URL! }),
 * })
 * ```
 */
export function postgresDialect(config: PostgresDialectConfig): PostgresDialect {
  return new PostgresDialect(config)
}

/**
 * The {@link Dialect} made by {@link postgresDialect}. Creating it does not connect.
 *
 * @example
 * ```ts
 * const dialect = new PostgresDialect({ pool: appPool })
 * ```
 */
export class PostgresDialect implements Dialect {
  readonly name = 'postgresql'
  readonly description: string
  readonly #source: PostgresConnectionSource
  readonly #redact: (text: string) => string
  readonly #schema: string | undefined
  readonly #applicationName: string
  readonly #config: PostgresDialectConfig

  constructor(config: PostgresDialectConfig) {
    if (typeof config !== 'object' || config === null) {
      throw new ConfigError('postgresDialect needs { connectionString }, { pool } or { client }')
    }
    this.#config = config
    this.#schema = checkSchema(config.schema)
    this.#applicationName = config.applicationName ?? DEFAULT_APPLICATION_NAME
    const suffix = this.#schema === undefined ? '' : ` (schema ${this.#schema})`
    if ('connectionString' in config && config.connectionString !== undefined) {
      const parsed = parsePostgresConnectionString(config.connectionString)
      const secrets = [parsed.password, encodeURIComponent(parsed.password)].filter((s) => s !== '')
      this.#redact = (text) =>
        secrets.reduce((out, secret) => scrubPassword(out, secret), scrubPassword(text, ''))
      this.description = `${parsed.description}${suffix}`
      this.#source = { kind: 'connectionString', connectionString: parsed.connectionString }
      return
    }
    this.#redact = (text) => scrubPassword(text, '')
    if ('pool' in config && config.pool !== undefined) {
      const pool = config.pool as Partial<Pool>
      if (typeof pool.connect !== 'function' || typeof pool.query !== 'function') {
        throw new ConfigError('postgresDialect: pool must be a pg Pool (new pg.Pool(...))')
      }
      this.description = `${where((config.pool as { options?: unknown }).options)} (application pool)${suffix}`
      this.#source = { kind: 'pool', pool: config.pool }
      return
    }
    if ('client' in config && config.client !== undefined) {
      const client = config.client as Partial<Client>
      if (typeof client.query !== 'function' || typeof client.on !== 'function') {
        throw new ConfigError('postgresDialect: client must be a connected pg Client')
      }
      this.description = `${where(config.client)} (application client)${suffix}`
      this.#source = { kind: 'client', client: config.client }
      return
    }
    throw new ConfigError('postgresDialect needs { connectionString }, { pool } or { client }')
  }

  /**
   * A new driver (sessions); ends the sessions it opened in `destroy()`.
   *
   * @example
   * ```ts
   * const driver = postgresDialect({ connectionString }).createDriver()
   * ```
   */
  createDriver(): PostgresDriver {
    return new PostgresDriver(this.#source, this.description, this.#redact, {
      schema: this.#schema,
      applicationName: this.#applicationName,
    })
  }

  /**
   * A new compiler (pure).
   *
   * @example
   * ```ts
   * const compiler = postgresDialect({ connectionString }).createCompiler()
   * ```
   */
  createCompiler(): PostgresCompiler {
    return new PostgresCompiler({ schema: this.#schema })
  }

  /**
   * A new adapter (capabilities and lock; one per run).
   *
   * @example
   * ```ts
   * const adapter = postgresDialect({ connectionString }).createAdapter()
   * ```
   */
  createAdapter(): PostgresAdapter {
    return new PostgresAdapter(this.#schema)
  }

  /**
   * A new introspector.
   *
   * @example
   * ```ts
   * const introspector = postgresDialect({ connectionString }).createIntrospector()
   * ```
   */
  createIntrospector(): PostgresIntrospector {
    return new PostgresIntrospector()
  }

  /**
   * A new, empty schema `retort_autogen_<random>` in the same database, reached the same way
   * (what `revision --autogenerate` upgrades and compares with this one). It is created by
   * the first write into it; `dispose()` drops it with everything in it.
   *
   * @example
   * ```ts
   * const scratch = await postgresDialect({ connectionString }).createScratch()
   * await scratch.dispose()
   * ```
   */
  async createScratch(): Promise<ScratchDatabase> {
    const schema = `retort_autogen_${randomBytes(6).toString('hex')}`
    const dialect = new PostgresDialect({ ...this.#config, schema })
    return {
      dialect,
      schema,
      async dispose() {
        const driver = dialect.createDriver()
        try {
          const connection = await driver.connect()
          try {
            const name = dialect.createCompiler().quoteIdentifier(schema)
            await connection.execute({
              sql: `DROP SCHEMA IF EXISTS ${name} CASCADE`,
              parameters: [],
            })
          } finally {
            await connection.close()
          }
        } finally {
          await driver.destroy()
        }
      },
    }
  }
}

function checkSchema(schema: unknown): string | undefined {
  if (schema === undefined) return undefined
  if (typeof schema !== 'string' || schema === '' || schema.includes('\0')) {
    throw new ConfigError(
      `postgresDialect: schema must be a non-empty name without NUL (got ${JSON.stringify(schema) ?? String(schema)})`,
    )
  }
  return schema
}

/** `postgresql://user@host:port/database` from a pg pool's options or a client; never the password. */
function where(config: unknown): string {
  const c = config as Record<string, unknown> | undefined | null
  if (c === undefined || c === null) return 'postgresql'
  if (typeof c['connectionString'] === 'string' && c['host'] === undefined) {
    try {
      return parsePostgresConnectionString(c['connectionString']).description
    } catch {
      return 'postgresql'
    }
  }
  const text = (key: string) =>
    typeof c[key] === 'string' && c[key] !== '' ? (c[key] as string) : undefined
  const user = text('user') === undefined ? '' : `${text('user')}@`
  const host = text('host') ?? 'localhost'
  const port = c['port'] === undefined || c['port'] === null ? '' : `:${String(c['port'])}`
  const database = text('database') === undefined ? '' : `/${text('database')}`
  return `postgresql://${user}${host}${port}${database}`
}

/**
 * A `postgres://` or `postgresql://` connection string taken apart: a description safe to
 * print, and the password (to scrub from driver messages).
 *
 * @example
 * ```ts
 * const parsed: PostgresConnectionString = parsePostgresConnectionString('postgresql://app:secret@db:5432/app')
 * parsed.description // 'postgresql://app:***@db:5432/app'
 * ```
 */
export interface PostgresConnectionString {
  /** The connection string as pg takes it. */
  readonly connectionString: string
  /** Scheme, user, host, port and database, the password replaced by `***`, no query string. */
  readonly description: string
  /** The decoded password (userinfo or `?password=`), or `''`. Never printed. */
  readonly password: string
}

/**
 * Parses a PostgreSQL URL (`postgresql://user:password@host:5432/database?options`). Errors
 * show the URL through core's `maskUrl`, never the password.
 *
 * @example
 * ```ts
 * parsePostgresConnectionString('postgres://postgres@127.0.0.1:5432/test').description
 * // 'postgres://postgres@127.0.0.1:5432/test'
 * ```
 */
export function parsePostgresConnectionString(connectionString: string): PostgresConnectionString {
  if (typeof connectionString !== 'string') {
    throw new ConfigError(
      `postgresDialect: connectionString must be a string (got ${connectionString === null ? 'null' : typeof connectionString})`,
    )
  }
  const trimmed = connectionString.trim()
  const match = /^(postgres|postgresql):\/\//i.exec(trimmed)
  if (match === null) {
    throw new ConfigError(
      `postgresDialect: '${maskUrl(trimmed)}' is not a PostgreSQL URL; write it as postgresql://user:password@host:5432/database`,
    )
  }
  const parsed = parseServerUrl(trimmed, 'postgresDialect')
  const password =
    parsed.password !== '' ? parsed.password : (parsed.url.searchParams.get('password') ?? '')
  return Object.freeze({ connectionString: trimmed, description: parsed.description, password })
}

/**
 * Replaces every occurrence of the password, and the password of every URL in the text, by
 * `***` (core's `maskSecrets`): for the driver's messages.
 *
 * @example
 * ```ts
 * scrubPassword('failed for postgres://u:s3cret@h/d', 's3cret') // 'failed for postgres://u:***@h/d'
 * ```
 */
export function scrubPassword(text: string, password: string): string {
  return maskSecrets(text, [password])
}
