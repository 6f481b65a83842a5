/**
 * Reads a config file written in the simplest YAML without the `yaml` package (which takes
 * tens of milliseconds to load, a large part of a command such as `retort heads`): only
 * top-level `key: value` lines whose value is a plain scalar that YAML reads as a string,
 * blank lines, and comments. Returns the mapping, or `undefined` for anything else: nesting,
 * lists, quotes, flow collections, anchors, tags, directives, document markers, values that
 * YAML reads as a number, boolean or null, a key written twice, a tab, a non-ASCII
 * character. The caller then parses the file with the `yaml` package, which also reports
 * every error; this only makes the common case fast and decides nothing on its own.
 *
 * For every text it accepts, the result equals `parseDocument(text).toJS()`.
 *
 * @example
 * ```ts
 * readSimpleYaml('# config\nscriptLocation: migrations\nurl: sqlite:///app.db  # dev\n')
 * // { scriptLocation: 'migrations', url: 'sqlite:///app.db' }
 * readSimpleYaml('databases:\n  main:\n    url: sqlite:///main.db\n') // undefined
 * ```
 */
export function readSimpleYaml(text: string): Record<string, string> | undefined {
  // Printable ASCII, line feeds and carriage returns only: no tab, BOM or other character
  // whose treatment in YAML would need thought.
  if (!SIMPLE_TEXT.test(text)) return undefined
  const result: Record<string, string> = {}
  let keys = 0
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    // A carriage return alone is a line break too.
    if (line.includes('\r')) return undefined
    if (line.startsWith('#') || line.trim() === '') continue
    const match = KEY_LINE.exec(line)
    if (match === null) return undefined
    const key = match[1] as string
    let value = match[2] as string
    // ` #` starts a comment (a `#` right after a character does not).
    const comment = value.indexOf(' #')
    if (comment !== -1) value = value.slice(0, comment)
    value = value.trimEnd()
    if (!PLAIN_STRING.test(value) || RESERVED.has(value)) return undefined
    if (Object.hasOwn(result, key)) return undefined
    result[key] = value
    keys++
  }
  return keys === 0 ? undefined : result
}

const SIMPLE_TEXT = /^[\x20-\x7e\r\n]*$/
/** `key: value` at the start of a line; the key a plain word, one space or more after `:`. */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*): +(\S.*)$/
/**
 * A plain scalar YAML reads as a string: it starts with a letter, `/`, `$` or `_` (never a
 * digit, sign or `.`, so never a number, and never an indicator), and it has no `: ` or
 * final `:` (a nested mapping) and no `#` after a space (a comment, cut before).
 */
const PLAIN_STRING = /^[A-Za-z/$_](?:[^:#]|:(?! |$)|(?<! )#)*$/
/** Plain scalars that the YAML 1.2 core schema reads as null or a boolean. */
const RESERVED: ReadonlySet<string> = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
])
