import { parseServerUrl } from '@retort/core/config/database-url'
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
