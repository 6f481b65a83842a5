import { isAbsolute, join, normalize } from 'node:path'
import { ConfigError } from '../errors.js'
import { maskUrl } from './mask-url.js'

/** A SQLite database URL: a file (absolute after parsing) or `:memory:`. */
export interface SqliteDatabaseUrl {
  readonly kind: 'sqlite'
  readonly scheme: 'sqlite'
  /** An absolute path, or `':memory:'`. */
  readonly filename: string
  /** The query parameters (`?mode=ro` ...), for the dialect to interpret. */
  readonly options: Readonly<Record<string, string>>
  /** The URL with any password replaced by `***`: safe to print. */
  readonly redacted: string
}

/** A PostgreSQL URL (`postgres://` or `postgresql://`), kept as the driver's connection string. */
export interface PostgresDatabaseUrl {
  readonly kind: 'postgresql'
  readonly scheme: 'postgresql'
  readonly connectionString: string
  readonly redacted: string
}

/** A MySQL or MariaDB URL, kept as the driver's URI (`mariadb://` is written as `mysql://`). */
export interface MysqlDatabaseUrl {
  readonly kind: 'mysql'
  readonly scheme: 'mysql'
  readonly uri: string
  /** The URL was written `mariadb://`. */
  readonly mariadb: boolean
  readonly redacted: string
}

/** A URL of a scheme Retort has no dialect for; a custom `resolveDialect` may know it. */
export interface OtherDatabaseUrl {
  readonly kind: 'other'
  /** The scheme in lower case, without `:`. */
  readonly scheme: string
  readonly url: string
  readonly redacted: string
}

/** The result of {@link parseDatabaseUrl}; `kind` tells which dialect it is for. */
export type DatabaseUrl =
  SqliteDatabaseUrl | PostgresDatabaseUrl | MysqlDatabaseUrl | OtherDatabaseUrl

/** The filename SQLite uses for a private in-memory database. */
export const SQLITE_MEMORY = ':memory:'

/**
 * Parses a database URL. SQLite forms (`baseDir` is the config file's directory):
 *
 * - `sqlite:///relative.db`: relative to `baseDir` (a ConfigError when there is none);
 * - `sqlite:////abs/path.db` (or `sqlite:///C:/path.db` on Windows): absolute;
 * - `sqlite::memory:`, `sqlite:///:memory:` and `sqlite://`: in memory.
 *
 * `postgres(ql)://`, `mysql://` and `mariadb://` URLs are kept as connection strings for the
 * driver. Errors show the URL through {@link maskUrl}.
 *
 * @example
 * ```ts
 * parseDatabaseUrl('sqlite:///data/app.db', '/srv/app') // { kind: 'sqlite', filename: '/srv/app/data/app.db', ... }
 * parseDatabaseUrl('postgresql://app:secret@db/app').redacted // 'postgresql://app:***@db/app'
 * ```
 */
export function parseDatabaseUrl(url: string, baseDir?: string): DatabaseUrl {
  if (typeof url !== 'string') {
    throw new ConfigError(
      `a database URL must be a string, not ${url === null ? 'null' : typeof url}`,
    )
  }
  const redacted = maskUrl(url)
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(url.trim())
  if (match === null) {
    throw new ConfigError(
      `'${redacted}' is not a database URL${/^[A-Za-z][A-Za-z0-9+.-]*\/\//.test(url.trim()) ? " (a ':' is missing after the scheme)" : ''}; write it as sqlite:///app.db, postgresql://user@host/db or mysql://user@host/db`,
    )
  }
  const scheme = match[1]!.toLowerCase()
  const rest = match[2]!
  switch (scheme) {
    case 'sqlite':
      return Object.freeze({
        kind: 'sqlite',
        scheme: 'sqlite',
        ...parseSqlite(rest, redacted, baseDir),
        redacted,
      })
    case 'postgres':
    case 'postgresql':
      return Object.freeze({
        kind: 'postgresql',
        scheme: 'postgresql',
        connectionString: url.trim(),
        redacted,
      })
    case 'mysql':
    case 'mariadb':
      return Object.freeze({
        kind: 'mysql',
        scheme: 'mysql',
        uri: `mysql:${rest}`,
        mariadb: scheme === 'mariadb',
        redacted,
      })
    default:
      return Object.freeze({ kind: 'other', scheme, url, redacted })
  }
}

function parseSqlite(
  rest: string,
  redacted: string,
  baseDir: string | undefined,
): { filename: string; options: Readonly<Record<string, string>> } {
  const queryAt = rest.indexOf('?')
  const options = Object.freeze(
    queryAt < 0 ? {} : Object.fromEntries(new URLSearchParams(rest.slice(queryAt + 1))),
  )
  let location = queryAt < 0 ? rest : rest.slice(0, queryAt)
  if (location.startsWith('//')) {
    const slash = location.indexOf('/', 2)
    const host = slash < 0 ? location.slice(2) : location.slice(2, slash)
    if (host !== '' && host !== 'localhost') {
      throw new ConfigError(
        `the SQLite URL '${redacted}' names a host ('${maskUrl(host)}'); SQLite opens files: write sqlite:///relative.db or sqlite:////absolute/path.db`,
      )
    }
    location = slash < 0 ? '' : location.slice(slash + 1)
  }
  let path: string
  try {
    path = decodeURIComponent(location)
  } catch {
    throw new ConfigError(
      `the SQLite URL '${redacted}' has a broken %-escape; write the path as it is`,
    )
  }
  if (path === '' || path === SQLITE_MEMORY) return { filename: SQLITE_MEMORY, options }
  if (isAbsolute(path)) return { filename: normalize(path), options }
  if (baseDir === undefined) {
    throw new ConfigError(
      `the SQLite URL '${redacted}' has the relative path '${path}' and there is no config file to resolve it against; use an absolute path (sqlite:////abs/path.db)`,
    )
  }
  return { filename: join(baseDir, path), options }
}

/** A server URL taken apart by {@link parseServerUrl}. */
export interface ServerUrl {
  /** The WHATWG parse (`host`, `port`, `pathname`, `searchParams` ...). */
  readonly url: URL
  /** The user and password, %-decoded (`''` when absent). Never print the password. */
  readonly user: string
  readonly password: string
  /** Scheme, user, host, port and database, the password as `***`, no query: safe to print. */
  readonly description: string
}

/**
 * Parses the URL of a database server (`scheme://user:password@host:port/database?options`)
 * as the drivers do, for a dialect package. The errors, prefixed with `owner`
 * (`'postgresDialect'`), show the URL through {@link maskUrl}; a user or password with a
 * broken %-escape is refused here rather than failing at connect time as "URI malformed".
 *
 * @example
 * ```ts
 * parseServerUrl('mysql://app:s3cret@db:3306/app', 'mysqlDialect').description // 'mysql://app:***@db:3306/app'
 * ```
 */
export function parseServerUrl(text: string, owner: string): ServerUrl {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new ConfigError(
      `${owner}: '${maskUrl(trimmed)}' is not a valid URL; %-encode special characters in the user and password (@ as %40, / as %2F, ? as %3F, # as %23, % as %25)`,
    )
  }
  const decode = (part: string, name: string): string => {
    try {
      return decodeURIComponent(part)
    } catch {
      throw new ConfigError(
        `${owner}: the ${name} in '${maskUrl(trimmed)}' has a '%' that is not followed by two hex digits; write a literal '%' as %25`,
      )
    }
  }
  const user = decode(url.username, 'user')
  const password = decode(url.password, 'password')
  const userinfo = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`
  const scheme = url.protocol.slice(0, -1).toLowerCase()
  const path = url.pathname === '/' ? '' : url.pathname
  return Object.freeze({
    url,
    user,
    password,
    description: `${scheme}://${userinfo}${url.host}${path}`,
  })
}

/**
 * The URL with its password replaced by `***`: the same as {@link maskUrl}, under the name
 * earlier releases exported.
 *
 * @example
 * ```ts
 * redactUrl('postgresql://app:s3cret@db.internal:5432/app') // 'postgresql://app:***@db.internal:5432/app'
 * ```
 */
export function redactUrl(url: string): string {
  return maskUrl(url)
}
