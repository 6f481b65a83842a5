/**
 * Where config values come from, for error messages: the config file (or none, for values
 * passed in code), the key path above the key (`'databases.analytics.'`), and the line of
 * each key in the file by its dotted path (`'databases.analytics.url'` -> 7).
 */
export interface KeySource {
  readonly file: string | undefined
  readonly prefix: string
  readonly lines?: ReadonlyMap<string, number> | undefined
}

/**
 * How a message names a key: `/app/retort.yaml:7: 'databases.analytics.url'` (the line
 * when known), or `config key 'url'` for values passed in code.
 *
 * @example
 * ```ts
 * describeKey({ file: '/app/retort.yaml', prefix: '', lines: new Map([['url', 3]]) }, 'url')
 * // "/app/retort.yaml:3: 'url'"
 * ```
 */
export function describeKey(source: KeySource, key: string): string {
  const full = `${source.prefix}${key}`
  if (source.file === undefined) return `config key '${full}'`
  const line = lineOf(source, full)
  return `${source.file}${line === undefined ? '' : `:${line}`}: '${full}'`
}

/**
 * The line of a dotted key, or of the nearest key above it that has one (a list item's
 * line is its list's when the item has none of its own).
 *
 * @example
 * ```ts
 * lineOf({ file: 'f', prefix: '', lines: new Map([['postWriteHooks', 4]]) }, 'postWriteHooks[1]') // 4
 * ```
 */
export function lineOf(source: KeySource, dotted: string): number | undefined {
  const lines = source.lines
  if (lines === undefined) return undefined
  let key = dotted
  for (;;) {
    const line = lines.get(key)
    if (line !== undefined) return line
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['))
    if (cut <= 0) return undefined
    key = key.slice(0, cut)
  }
}
