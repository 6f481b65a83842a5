import type { Dialect } from '../dialect.js'
import { ConfigError } from '../errors.js'
import {
  DIALECT_PACKAGES,
  dialectFromPackage,
  type DialectForUrlOptions,
} from './dialect-for-url.js'

/**
 * Which dialect package takes an application's open connection, and under which key of its
 * factory's config: `sqliteDialect({ database })`, `postgresDialect({ pool })` or
 * `({ client })`, `mysqlDialect({ pool })` or `({ connection })`.
 *
 * @example
 * ```ts
 * const kind: ConnectionKind = { dialect: 'postgresql', key: 'pool', label: 'a pg Pool' }
 * ```
 */
export interface ConnectionKind {
  readonly dialect: keyof typeof DIALECT_PACKAGES
  readonly key: 'database' | 'pool' | 'client' | 'connection'
  /** What it is, in messages. */
  readonly label: string
}

/**
 * Recognises a driver's connection object by its shape (core depends on no driver): a
 * better-sqlite3 `Database` (`prepare`, `exec`, `pragma`), a mysql2 pool (`getConnection`)
 * or connection (`execute`, `query`, `beginTransaction`), promise or callback API, a pg
 * `Pool` (`connect`, `query`, `totalCount`) or `Client`/pool client (`query`, with
 * `connectionParameters` or `release`). `undefined` for anything else.
 *
 * @example
 * ```ts
 * connectionKind(new Database(':memory:')) // { dialect: 'sqlite', key: 'database', label: 'a better-sqlite3 Database' }
 * ```
 */
export function connectionKind(value: unknown): ConnectionKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const has = (name: string) => typeof (value as Record<string, unknown>)[name] === 'function'
  if (has('prepare') && has('exec') && has('pragma')) {
    return { dialect: 'sqlite', key: 'database', label: 'a better-sqlite3 Database' }
  }
  if (has('getConnection') && has('query')) {
    return { dialect: 'mysql', key: 'pool', label: 'a mysql2 pool' }
  }
  if (has('execute') && has('query') && has('beginTransaction')) {
    return { dialect: 'mysql', key: 'connection', label: 'a mysql2 connection' }
  }
  if (has('query') && has('connect') && typeof (value as Record<string, unknown>)['totalCount'] === 'number') {
    return { dialect: 'postgresql', key: 'pool', label: 'a pg Pool' }
  }
  if (has('query') && ('connectionParameters' in value || has('release'))) {
    return { dialect: 'postgresql', key: 'client', label: 'a pg Client' }
  }
  return undefined
}

/**
 * The dialect for an application's open connection, made by its dialect package exactly as
 * the application would make it for a `Migrator` (`sqliteDialect({ database })` ...). The
 * connection stays the application's: Retort never closes or ends it. Anything that is not
 * such a connection is a {@link ConfigError} saying what is accepted.
 *
 * @example
 * ```ts
 * const dialect = await dialectForConnection(pool, { baseDir: config.directory })
 * ```
 */
export async function dialectForConnection(
  connection: unknown,
  options: DialectForUrlOptions & { readonly where?: string | undefined } = {},
): Promise<Dialect> {
  const kind = connectionKind(connection)
  if (kind === undefined) {
    throw new ConfigError(
      `ctx.runMigrations({ connection })${options.where ?? ''} got ${describe(connection)}, which is not a better-sqlite3 Database, a pg Pool or Client, or a mysql2 pool or connection; pass one of those, or { dialect }`,
    )
  }
  return dialectFromPackage(
    kind.dialect,
    { [kind.key]: connection },
    options,
    `the connection (${kind.label})`,
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value === 'string' ? 'a string' : `a ${typeof value}`
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,40}$/.test(name) && name !== 'Object'
    ? `an object of class ${name}`
    : 'a plain object'
}
