import { maskSecrets, maskUrl } from '@retort/core/config/mask-url'
import { ConfigError } from '@retort/core/errors'

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
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new ConfigError(
      `postgresDialect: '${maskUrl(trimmed)}' is not a valid URL; %-encode special characters in the user and password (@ as %40, / as %2F, ? as %3F, # as %23, % as %25)`,
    )
  }
  // pg decodes the user and password itself, and a broken escape would fail at connect
  // time as a bare "URI malformed".
  const decode = (text: string, part: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      throw new ConfigError(
        `postgresDialect: the ${part} in '${maskUrl(trimmed)}' has a '%' that is not followed by two hex digits; write a literal '%' as %25`,
      )
    }
  }
  decode(url.username, 'user')
  const password =
    url.password !== ''
      ? decode(url.password, 'password')
      : (url.searchParams.get('password') ?? '')
  const user = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`
  const scheme = match[1]!.toLowerCase()
  const description = `${scheme}://${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`
  return Object.freeze({ connectionString: trimmed, description, password })
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
