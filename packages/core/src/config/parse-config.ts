import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { ConfigError } from '../errors.js'
import { Config } from './config.js'
import type { ConfigValues } from './config-keys.js'
import type { EnvVariables } from './interpolate-env.js'
import { isPlainObject } from './is-plain-object.js'

/**
 * Builds a {@link Config} from the YAML text of a config file (what `loadConfig` does
 * once it has the file). A syntax error is a ConfigError with `file:line:column`; errors
 * about keys name their line.
 *
 * @example
 * ```ts
 * const config = parseConfig('scriptLocation: migrations\n', '/srv/app/retort.yaml', {})
 * ```
 */
export function parseConfig(text: string, path: string, env: EnvVariables, name?: string): Config {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
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
  const lines = new Map<string, number>()
  keyLines(document.contents, '', lines, lineCounter)
  return new Config(raw as ConfigValues, { path, name, env, lines })
}

/** Records the line of every key and list item under `node`, by dotted path. */
function keyLines(
  node: unknown,
  path: string,
  lines: Map<string, number>,
  counter: LineCounter,
): void {
  const lineAt = (at: readonly number[] | null | undefined) =>
    at === null || at === undefined ? undefined : counter.linePos(at[0] ?? 0).line
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      const dotted = path === '' ? key : `${path}.${key}`
      const line = lineAt((pair.key as { range?: readonly number[] } | null)?.range)
      if (line !== undefined && !lines.has(dotted)) lines.set(dotted, line)
      keyLines(pair.value, dotted, lines, counter)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const dotted = `${path}[${index}]`
      const line = lineAt((item as { range?: readonly number[] } | null)?.range)
      if (line !== undefined) lines.set(dotted, line)
      keyLines(item, dotted, lines, counter)
    })
  }
}
