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
 * never show the password.
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
      `postgresDialect: '${redactConnectionString(trimmed)}' is not a PostgreSQL URL; write it as postgresql://user:password@host:5432/database`,
    )
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new ConfigError(
      `postgresDialect: '${redactConnectionString(trimmed)}' is not a valid URL; %-encode special characters in the user and password`,
    )
  }
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  }
  const password =
    url.password !== '' ? decode(url.password) : (url.searchParams.get('password') ?? '')
  const user = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`
  const scheme = match[1]!.toLowerCase()
  const description = `${scheme}://${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`
  return Object.freeze({ connectionString: trimmed, description, password })
}

/**
 * Replaces every occurrence of the password, and any URL's userinfo password, by `***`.
 *
 * @example
 * ```ts
 * scrubPassword('failed for postgres://u:s3cret@h/d', 's3cret') // 'failed for postgres://u:***@h/d'
 * ```
 */
export function scrubPassword(text: string, password: string): string {
  const scrubbed = password.length === 0 ? text : text.replaceAll(password, '***')
  return scrubbed.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi, (url) => redactConnectionString(url))
}

/**
 * The text with the password of a connection string (userinfo, with or without a scheme,
 * or a `password=` option) replaced by `***`. For messages about strings that did not parse.
 *
 * @example
 * ```ts
 * redactConnectionString('app:s3cret@db/app') // 'app:***@db/app'
 * ```
 */
export function redactConnectionString(text: string): string {
  const masked = String(text).replace(/([?&\s](?:password|sslpassword)=)[^&#\s]*/gi, '$1***')
  const marker = masked.indexOf('://')
  const start = marker < 0 ? 0 : marker + 3
  const rest = masked.slice(start)
  const end = rest.search(/[?#]/)
  const authority = end < 0 ? rest : rest.slice(0, end)
  // The userinfo ends at the last '@': a password may hold an unescaped '@' or '/', so odd
  // strings are over-redacted rather than leak part of a password.
  const at = authority.lastIndexOf('@')
  if (at < 0) return masked
  const colon = authority.indexOf(':')
  if (colon < 0 || colon > at) return masked
  return `${masked.slice(0, start + colon + 1)}***${masked.slice(start + at)}`
}
