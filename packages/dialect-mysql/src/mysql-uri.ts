import { ConfigError } from '@retort/core/errors'

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
 * never show the password.
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
      `mysqlDialect: '${redactMysqlUri(uri)}' is not a MySQL URI; write it as mysql://user:password@host:3306/database (or mariadb://...)`,
    )
  }
  const scheme = match[1]!.toLowerCase()
  const rest = match[2]!
  let url: URL
  try {
    url = new URL(`mysql://${rest}`)
  } catch {
    throw new ConfigError(
      `mysqlDialect: '${redactMysqlUri(uri)}' is not a valid URI; %-encode special characters in the user and password`,
    )
  }
  let password: string
  try {
    password = decodeURIComponent(url.password)
  } catch {
    password = url.password
  }
  const user = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`
  const description = `${scheme}://${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`
  return Object.freeze({
    uri: `mysql://${rest.trim()}`,
    mariadb: scheme === 'mariadb',
    description,
    password,
  })
}

/**
 * The URI with the password (userinfo or a `password=` option) replaced by `***`. For
 * messages about URIs that did not parse.
 *
 * @example
 * ```ts
 * redactMysqlUri('mysql://app:s3cret@db/app') // 'mysql://app:***@db/app'
 * ```
 */
export function redactMysqlUri(uri: string): string {
  const text = String(uri).replace(/([?&](?:password|pass|pwd)=)[^&#]*/gi, '$1***')
  const marker = text.indexOf('://')
  // Without a scheme (`user:password@host/db`), the userinfo starts the text.
  const start = marker < 0 ? 0 : marker + 3
  const rest = text.slice(start)
  const end = rest.search(/[?#]/)
  const authority = end < 0 ? rest : rest.slice(0, end)
  // The userinfo ends at the last '@': a password may hold an unescaped '@' or '/', so
  // odd URIs are over-redacted rather than leak part of a password.
  const at = authority.lastIndexOf('@')
  if (at < 0) return text
  const colon = authority.indexOf(':')
  if (colon < 0 || colon > at) return text
  return `${text.slice(0, start + colon + 1)}***${text.slice(start + at)}`
}
