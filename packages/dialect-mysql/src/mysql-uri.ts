import { parseServerUrl } from '@retort/core/config/database-url'
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
  const { password, description } = parseServerUrl(`${scheme}://${rest}`, 'mysqlDialect')
  return Object.freeze({
    uri: `mysql://${rest.trim()}`,
    mariadb: scheme === 'mariadb',
    description,
    password,
  })
}
