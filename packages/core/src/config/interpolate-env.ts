import { ConfigError } from '../errors.js'
import { isPlainObject } from './is-plain-object.js'
import { describeKey } from './key-source.js'

/** The environment variables {@link interpolateEnv} reads. */
export type EnvVariables = Readonly<Record<string, string | undefined>>

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Options of {@link interpolateEnv}. */
export interface InterpolateEnvOptions {
  /** The line of each dotted key in the file, so that errors name it (`retort.yaml:7`). */
  readonly lines?: ReadonlyMap<string, number> | undefined
  /**
   * Called for an unset variable without a fallback, with the error that would be thrown;
   * returns the text to put instead. Default: throw the error.
   */
  readonly onUnset?: ((error: ConfigError) => string) | undefined
}

/**
 * Replaces `${NAME}` in every string of a parsed config value (lists and mappings
 * included; keys are left alone) with the environment variable `NAME`. `${NAME:-fallback}`
 * uses `fallback` when the variable is unset or empty; `$${` is a literal `${`. An unset
 * variable without a fallback is a ConfigError naming the variable and the key.
 *
 * @param source How errors name the file (`'/srv/app/retort.yaml'`).
 * @param key The dotted key of `value` (`'databases.main.url'`), for errors.
 * @param options Lines of keys for errors, and what to do with an unset variable.
 *
 * @example
 * ```ts
 * interpolateEnv({ url: 'postgresql://app:${PGPASSWORD}@db/app' }, { PGPASSWORD: 'x' }, 'retort.yaml')
 * // { url: 'postgresql://app:x@db/app' }
 * ```
 */
export function interpolateEnv(
  value: unknown,
  env: EnvVariables,
  source: string,
  key = '',
  options: InterpolateEnvOptions = {},
): unknown {
  if (typeof value === 'string') return interpolateString(value, env, source, key, options)
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      interpolateEnv(item, env, source, `${key}[${index}]`, options),
    )
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [
        name,
        interpolateEnv(item, env, source, key === '' ? name : `${key}.${name}`, options),
      ]),
    )
  }
  return value
}

function interpolateString(
  text: string,
  env: EnvVariables,
  source: string,
  key: string,
  options: InterpolateEnvOptions,
): string {
  const where =
    key === '' ? source : describeKey({ file: source, prefix: '', lines: options.lines }, key)
  let out = ''
  let at = 0
  while (at < text.length) {
    const dollar = text.indexOf('$', at)
    if (dollar < 0) break
    out += text.slice(at, dollar)
    if (text.startsWith('$${', dollar)) {
      out += '${'
      at = dollar + 3
      continue
    }
    if (!text.startsWith('${', dollar)) {
      out += '$'
      at = dollar + 1
      continue
    }
    const close = text.indexOf('}', dollar + 2)
    if (close < 0) {
      throw new ConfigError(
        `${where} has '\${' without a closing '}'; close it, or write '$\${' for a literal '\${'`,
      )
    }
    const inner = text.slice(dollar + 2, close)
    const split = inner.indexOf(':-')
    const name = split < 0 ? inner : inner.slice(0, split)
    if (!NAME.test(name)) {
      // Not shown: the text may be part of a password.
      throw new ConfigError(
        `${where} has a '\${...}' whose name is not a variable name; use letters, digits and '_', or write '$\${' for a literal '\${'`,
      )
    }
    const variable = env[name]
    if (split >= 0) {
      out += variable === undefined || variable === '' ? inner.slice(split + 2) : variable
    } else if (variable === undefined) {
      const error = new ConfigError(
        `${where} uses \${${name}}, but the environment variable '${name}' is not set; set it, or write \${${name}:-default}`,
      )
      if (options.onUnset === undefined) throw error
      out += options.onUnset(error)
    } else {
      out += variable
    }
    at = close + 1
  }
  return out + text.slice(at)
}
