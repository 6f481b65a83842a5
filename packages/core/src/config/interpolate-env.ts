import { ConfigError } from '../errors.js'
import { isPlainObject } from './is-plain-object.js'

/** The environment variables {@link interpolateEnv} reads. */
export type EnvVariables = Readonly<Record<string, string | undefined>>

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Replaces `${NAME}` in every string of a parsed config value (lists and mappings
 * included; keys are left alone) with the environment variable `NAME`. `${NAME:-fallback}`
 * uses `fallback` when the variable is unset or empty; `$${` is a literal `${`. An unset
 * variable without a fallback is a ConfigError naming the variable and the key.
 *
 * @param source How errors name the file (`'/srv/app/retort.yaml'`).
 * @param key The dotted key of `value` (`'databases.main.url'`), for errors.
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
): unknown {
  if (typeof value === 'string') return interpolateString(value, env, source, key)
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      interpolateEnv(item, env, source, `${key}[${index}]`),
    )
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [
        name,
        interpolateEnv(item, env, source, key === '' ? name : `${key}.${name}`),
      ]),
    )
  }
  return value
}

function interpolateString(text: string, env: EnvVariables, source: string, key: string): string {
  const where = key === '' ? source : `${source}: '${key}'`
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
      throw new ConfigError(
        `${where} has '\${${inner}}', which is not a variable name; use letters, digits and '_', or write '$\${' for a literal '\${'`,
      )
    }
    const variable = env[name]
    if (split >= 0) {
      out += variable === undefined || variable === '' ? inner.slice(split + 2) : variable
    } else if (variable === undefined) {
      throw new ConfigError(
        `${where} uses \${${name}}, but the environment variable '${name}' is not set; set it, or write \${${name}:-default}`,
      )
    } else {
      out += variable
    }
    at = close + 1
  }
  return out + text.slice(at)
}
