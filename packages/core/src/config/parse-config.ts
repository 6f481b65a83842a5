import { parseDocument } from 'yaml'
import { ConfigError } from '../errors.js'
import { Config } from './config.js'
import type { ConfigValues } from './config-keys.js'
import { interpolateEnv, type EnvVariables } from './interpolate-env.js'
import { isPlainObject } from './is-plain-object.js'

/**
 * Builds a {@link Config} from the YAML text of a config file (what `loadConfig` does
 * once it has the file). A syntax error is a ConfigError with `file:line:column`.
 *
 * @example
 * ```ts
 * const config = parseConfig('scriptLocation: migrations\n', '/srv/app/retort.yaml', {})
 * ```
 */
export function parseConfig(text: string, path: string, env: EnvVariables, name?: string): Config {
  const document = parseDocument(text)
  const [error] = document.errors
  if (error !== undefined) {
    const position = error.linePos?.[0]
    const where = position === undefined ? path : `${path}:${position.line}:${position.col}`
    const detail = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    throw new ConfigError(`${where}: ${detail}; fix the YAML syntax`, { cause: error })
  }
  const raw: unknown = document.toJS() ?? {}
  if (!isPlainObject(raw)) {
    throw new ConfigError(
      `${path}: the file must be a mapping of keys (scriptLocation: migrations ...), not a ${Array.isArray(raw) ? 'list' : typeof raw}`,
    )
  }
  const values = interpolateEnv(raw, env, path) as ConfigValues
  return new Config(values, { path, name })
}
