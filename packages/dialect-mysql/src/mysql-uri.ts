import { maskUrl } from '@retort/core/config/mask-url'
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
  let url: URL
  try {
    url = new URL(`mysql://${rest}`)
  } catch {
    throw new ConfigError(
      `mysqlDialect: '${maskUrl(uri)}' is not a valid URI; %-encode special characters in the user and password (@ as %40, / as %2F, ? as %3F, # as %23, % as %25)`,
    )
  }
  // mysql2 decodes the user and password itself, and a broken escape would fail at connect
  // time as a bare "URI malformed".
  const decode = (text: string, part: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      throw new ConfigError(
        `mysqlDialect: the ${part} in '${maskUrl(uri)}' has a '%' that is not followed by two hex digits; write a literal '%' as %25`,
      )
    }
  }
  decode(url.username, 'user')
  const password = decode(url.password, 'password')
  const user = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`
  const description = `${scheme}://${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`
  return Object.freeze({
    uri: `mysql://${rest.trim()}`,
    mariadb: scheme === 'mariadb',
    description,
    password,
  })
}
