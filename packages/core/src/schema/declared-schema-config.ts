import { isAbsolute, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../config/config.js'
import type { ConfigLocation } from '../config/config-keys.js'
import { ConfigError } from '../errors.js'

/**
 * The config's `schema` (the declared schema file) as an absolute path, resolved against
 * the config file's directory; `undefined` when not set.
 *
 * @example
 * ```ts
 * declaredSchemaPath(config) // '/srv/app/src/db/schema.ts'
 * ```
 */
export function declaredSchemaPath(config: Config): string | undefined {
  const value = config.get('schema') as ConfigLocation | undefined
  if (value === undefined) return undefined
  if (value instanceof URL) return fileURLToPath(value)
  if (isAbsolute(value)) return normalize(value)
  const directory = config.directory
  if (directory === undefined) {
    throw new ConfigError(
      `config key 'schema' is the relative path '${value}' and there is no config file to resolve it against; pass an absolute path or a file URL`,
    )
  }
  return resolve(directory, value)
}

/**
 * The config's `ignore` patterns (see `checkIgnorePatterns`); empty when not set.
 *
 * @example
 * ```ts
 * ignorePatterns(config) // ['audit_*', 'account.legacy_*']
 * ```
 */
export function ignorePatterns(config: Config): readonly string[] {
  return (config.get('ignore') as readonly string[] | undefined) ?? []
}
