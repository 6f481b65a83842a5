import { REVISION_ID_PATTERN } from '../revision.js'

/** The header keys a revision file or module may state. */
export const HEADER_KEYS = [
  'revision',
  'downRevision',
  'dependsOn',
  'branchLabels',
  'message',
  'transaction',
  'replaces',
] as const

/**
 * Every name a revision file or module gives meaning to: the {@link HEADER_KEYS}, then
 * `upgrade` and `downgrade` (the keys of a YAML revision, the exports of a script one).
 */
export const REVISION_KEYS = [...HEADER_KEYS, 'upgrade', 'downgrade'] as const

/**
 * One of {@link HEADER_KEYS}.
 *
 * @example
 * ```ts
 * const key: HeaderKey = 'downRevision'
 * ```
 */
export type HeaderKey = (typeof HEADER_KEYS)[number]

/**
 * How a header is written where the error points: `script` for TS/JS files and modules
 * (`export const message = 'x'`), `yaml` for YAML files (`message: x`).
 *
 * @example
 * ```ts
 * const syntax: HeaderSyntax = 'yaml'
 * ```
 */
export type HeaderSyntax = 'script' | 'yaml'

/**
 * What each header key accepts, in words, for error messages.
 *
 * @example
 * ```ts
 * HEADER_EXPECTED.transaction // 'true or false'
 * ```
 */
export const HEADER_EXPECTED: Readonly<Record<HeaderKey, string>> = {
  revision: 'a string (the revision id)',
  downRevision: 'a string, null or a list of strings',
  dependsOn: 'a string, null or a list of strings',
  branchLabels: 'a string, null or a list of strings',
  message: 'a string or null',
  transaction: 'true or false',
  replaces: 'a list of strings (the revision ids a squash replaces)',
}

const SCRIPT_EXAMPLES: Readonly<Record<HeaderKey, string>> = {
  revision: "export const revision = '3f1c2a9b7d10'",
  downRevision: "export const downRevision = '9a0b1c2d3e4f' (or null, or ['a1', 'b2'] for a merge)",
  dependsOn: "export const dependsOn = ['9a0b1c2d3e4f']",
  branchLabels: "export const branchLabels = ['accounts']",
  message: "export const message = 'create account'",
  transaction: 'export const transaction = false',
  replaces: "export const replaces = ['1f0c2a9b7d10', '2a7e4c1d9f32']",
}

const YAML_EXAMPLES: Readonly<Record<HeaderKey, string>> = {
  revision: "revision: '3f1c2a9b7d10'",
  downRevision: "downRevision: '9a0b1c2d3e4f' (or null, or ['a1', 'b2'] for a merge)",
  dependsOn: "dependsOn: ['9a0b1c2d3e4f']",
  branchLabels: 'branchLabels: [accounts]',
  message: 'message: create account',
  transaction: 'transaction: false',
  replaces: "replaces: ['1f0c2a9b7d10', '2a7e4c1d9f32']",
}

/**
 * Whether `name` is one of the {@link HEADER_KEYS}.
 *
 * @example
 * ```ts
 * isHeaderKey('message') // true
 * ```
 */
export function isHeaderKey(name: string): name is HeaderKey {
  return (HEADER_KEYS as readonly string[]).includes(name)
}

/**
 * An example of a correct header line for `key`, for the "what to do" part of a message.
 *
 * @example
 * ```ts
 * headerExample('transaction', 'yaml') // 'transaction: false'
 * ```
 */
export function headerExample(key: HeaderKey, syntax: HeaderSyntax): string {
  return (syntax === 'yaml' ? YAML_EXAMPLES : SCRIPT_EXAMPLES)[key]
}

/**
 * Checks the type of one header value. Returns `undefined` when it is right, else the
 * message detail (`header 'message' must be a string or null, not a list of strings; write
 * it like export const message = 'create account'`). `undefined` values count as absent,
 * except for `revision`, which is required (callers report a missing `revision` themselves
 * with a better message).
 *
 * @example
 * ```ts
 * checkHeaderValue('downRevision', ['a1', 2], 'script')
 * // "header 'downRevision' must be a string, null or a list of strings, not a list containing a number (2); ..."
 * ```
 */
export function checkHeaderValue(
  key: HeaderKey,
  value: unknown,
  syntax: HeaderSyntax,
): string | undefined {
  if (isValid(key, value)) {
    // The id's characters are checked here too, where the file's line is known.
    if (key === 'revision' && !REVISION_ID_PATTERN.test(value as string)) {
      return `revision id '${value as string}' is not valid; use letters, digits and '_' only`
    }
    if (
      key === 'downRevision' ||
      key === 'dependsOn' ||
      key === 'branchLabels' ||
      key === 'replaces'
    )
      return checkIds(key, value as string | readonly string[] | null | undefined)
    return undefined
  }
  return `header '${key}' must be ${HEADER_EXPECTED[key]}, not ${describeValue(value)}; write it like ${headerExample(key, syntax)}`
}

/**
 * An empty id would read as "no parent" (a second root) and a repeated one as a merge of a
 * revision with itself: both are mistakes, never meant.
 */
function checkIds(
  key: 'downRevision' | 'dependsOn' | 'branchLabels' | 'replaces',
  value: string | readonly string[] | null | undefined,
): string | undefined {
  const none =
    key === 'downRevision' ? 'write null for a root revision' : 'write [] or leave the header out'
  if (value === '') return `header '${key}' is an empty string; ${none}`
  if (!Array.isArray(value)) return undefined
  const items = value as readonly string[]
  if (items.includes('')) return `header '${key}' lists an empty string; remove it`
  const repeated = repeatedItem(items)
  if (repeated !== undefined)
    return `header '${key}' lists '${repeated}' twice; list each ${key === 'branchLabels' ? 'label' : 'revision'} once`
  return undefined
}

/**
 * The first item of `items` that appears twice, or `undefined`.
 *
 * @example
 * ```ts
 * repeatedItem(['a1', 'b2', 'a1']) // 'a1'
 * ```
 */
export function repeatedItem(items: readonly string[]): string | undefined {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!
    for (let j = 0; j < i; j++) if (items[j] === item) return item
  }
  return undefined
}

function isValid(key: HeaderKey, value: unknown): boolean {
  switch (key) {
    case 'revision':
      return typeof value === 'string'
    case 'message':
      return value === undefined || value === null || typeof value === 'string'
    case 'transaction':
      return value === undefined || typeof value === 'boolean'
    default:
      return (
        value === undefined ||
        value === null ||
        typeof value === 'string' ||
        (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      )
  }
}

/**
 * A value in words for error messages: `null`, `a number (12)`, `a list containing null`.
 *
 * @example
 * ```ts
 * describeValue([1]) // 'a list containing a number (1)'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) {
    const odd = value.findIndex((item) => typeof item !== 'string')
    return odd === -1 ? 'a list of strings' : `a list containing ${describeValue(value[odd])}`
  }
  switch (typeof value) {
    case 'string':
      return `a string ('${value.length > 40 ? `${value.slice(0, 40)}...` : value}')`
    case 'number':
      return `a number (${value})`
    case 'boolean':
      return String(value)
    case 'function':
      return 'a function'
    case 'object':
      return 'an object'
    default:
      return `a ${typeof value}`
  }
}
