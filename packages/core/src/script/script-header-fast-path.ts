import { REVISION_ID_PATTERN, type RevisionHeader } from '../revision.js'
import { repeatedItem } from './check-header-value.js'
import { isIdentPart } from './script-characters.js'

/**
 * `export const NAME = <simple literal>` up to the end of its line, and the blank lines and
 * line comments after it: 1 the name, 2/3 a string without escapes, 4 null/true/false,
 * 5 the items of a one-line list of such strings, 6 the `;` if any.
 * Sticky: it matches at lastIndex.
 */
export const SIMPLE_HEADER =
  /export[ \t]+const[ \t]+(revision|downRevision|dependsOn|branchLabels|message|transaction|replaces)[ \t]*=[ \t]*(?:'([^'\\\n\r]*)'|"([^"\\\n\r]*)"|(null|true|false)(?![\w$])|\[[ \t]*(?:((?:'[^'\\\n\r]*'|"[^"\\\n\r]*")(?:[ \t]*,[ \t]*(?:'[^'\\\n\r]*'|"[^"\\\n\r]*"))*)[ \t]*,?[ \t]*)?\])[ \t]*(;)?[ \t]*(?:\/\/[^\n]*)?(?:\r?\n|$)(?:[ \t\r\n]+|\/\/[^\n]*)*/y
/** One item of a list matched by SIMPLE_HEADER: 1 or 2 its text. */
const SIMPLE_ITEM = /'([^']*)'|"([^"]*)"/g
/**
 * The start of a usual file (sticky, always matches): a BOM, a `#!` line, then whitespace,
 * comments and `import ... from '...'` statements. It stops before anything else.
 */
export const PREAMBLE =
  /\uFEFF?(?:#![^\n]*)?(?:[ \t\r\n]+|\/\/[^\n]*|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|import[ \t]+(?:type[ \t]+)?(?:\{[^}'"`/]*\}|\*[ \t]*as[ \t]+[\w$]+|[\w$]+)[ \t]*from[ \t]*(?:'[^'\\\n\r]*'|"[^"\\\n\r]*")[ \t]*;?)*/y
/** A single-quoted string without escapes or line breaks; group 1 its text. */
const GENERATED_STRING = String.raw`'([^'\\\n\r]*)'`
/** `null`, a string, or a one-line list of strings (`[]` too): 3 groups. */
const GENERATED_IDS = String.raw`(?:(null)|${GENERATED_STRING}|\[((?:'[^'\\\n\r]*'(?:, '[^'\\\n\r]*')*)?)\])`
/** Blank lines and comments between the header and the first function. */
const GENERATED_GAP = String.raw`(?:[ \t]*\n|[ \t]*\/\/[^\n]*\n|[ \t]*\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/[ \t]*\n)*`
/**
 * A whole generated header (see readGeneratedHeader), sticky at 0: 1 the revision; 2-4
 * downRevision, 5-7 branchLabels, 8-10 dependsOn (null, string, list items); 11 a null
 * message, 12 the message. It ends before the first `export [async] function`.
 */
const GENERATED_HEADER = new RegExp(
  PREAMBLE.source +
    String.raw`export const revision = '([A-Za-z0-9_]+)';?\n` +
    String.raw`export const downRevision = ${GENERATED_IDS};?\n` +
    String.raw`(?:export const branchLabels = ${GENERATED_IDS};?\n)?` +
    String.raw`(?:export const dependsOn = ${GENERATED_IDS};?\n)?` +
    String.raw`export const message = (?:(null)|${GENERATED_STRING});?\n` +
    GENERATED_GAP +
    String.raw`(?=export (?:async )?function[ (])`,
  'y',
)
/** `export [async] function` (sticky). */
export const FUNCTION_EXPORT = /export[ \t]+(?:async[ \t]+)?function(?![\w$])/y
/**
 * Any export the reader must see: every `export` but `export [async] function upgrade(` and
 * `downgrade(`, since any other could be a header, a near miss of one, or a header name the
 * reader would not see as a literal. Where this finds nothing in the rest of a file, the
 * readers stop: a file's functions (usually most of it) are searched natively, once.
 */
export const ESM_AFTER_HEADER =
  /(?<![\w$.])export(?![\w$])(?![ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\()/g

/**
 * The header of a file as `retort revision` writes it (and as most hand-edited files stay),
 * read with a single native match: imports and comments, then `revision`, `downRevision`,
 * optionally `branchLabels` and `dependsOn`, and `message`, one a line in this order, with
 * plain single-quoted strings, `null` or one-line lists, then blank lines or comments
 * before `export [async] function`, and no header key written after that. `undefined` for
 * anything else, which readUsualHeader and then HeaderScanner read instead: like
 * readUsualHeader, this decides nothing on its own, it only reads the commonest file with
 * the least work (one match, one test and one object; no per-line matches). Exported for
 * its tests; readScriptHeader is the API.
 *
 * @example
 * ```ts
 * readGeneratedHeader("export const revision = 'a1'\nexport const downRevision = null\nexport const message = 'init'\n")
 * // { revision: 'a1', downRevision: null, message: 'init', ... (the other keys undefined) }
 * ```
 */
export function readGeneratedHeader(text: string): RevisionHeader | undefined {
  GENERATED_HEADER.lastIndex = 0
  const match = GENERATED_HEADER.exec(text)
  if (match === null) return undefined
  ESM_AFTER_HEADER.lastIndex = GENERATED_HEADER.lastIndex
  if (ESM_AFTER_HEADER.test(text)) return undefined
  const downRevision = generatedIds(match, 2)
  const dependsOn = generatedIds(match, 8)
  const branchLabels = generatedIds(match, 5)
  if (!plainIds(downRevision) || !plainIds(dependsOn) || !plainIds(branchLabels)) return undefined
  const message = match[12]
  return {
    revision: match[1]!,
    downRevision,
    dependsOn,
    branchLabels,
    message:
      message === undefined ? (match[11] === undefined ? undefined : null) : detached(message),
    transaction: undefined,
    replaces: undefined,
  }
}

/**
 * Whether ids read by a fast path are neither empty nor repeated; anything else is left to
 * HeaderScanner, which reports it.
 */
function plainIds(value: string | readonly string[] | null | undefined): boolean {
  if (typeof value === 'string') return value !== ''
  if (value === null || value === undefined) return true
  return !value.includes('') && repeatedItem(value) === undefined
}

/** The value of GENERATED_IDS whose first group is `group`: `null`, a string or a list. */
function generatedIds(match: RegExpExecArray, group: number): string | string[] | null | undefined {
  if (match[group] !== undefined) return null
  const single = match[group + 1]
  if (single !== undefined) return single
  const list = match[group + 2]
  if (list === undefined) return undefined
  const items: string[] = []
  SIMPLE_ITEM.lastIndex = 0
  for (let item = SIMPLE_ITEM.exec(list); item !== null; item = SIMPLE_ITEM.exec(list))
    items.push((item[1] ?? item[2]) as string)
  return items
}

/**
 * The header of a usual file, read with a few native regular expression matches: imports
 * and comments, then one simple header statement a line, then `export [async] function`
 * with no header key written after it (or the end of the file). `undefined` for anything
 * else, including every error, so that HeaderScanner reads (and reports on) the file
 * instead: this only makes the common case fast, it decides nothing on its own.
 *
 * It runs once per revision file before the JIT has warmed up, so it does little besides
 * the matches: the values are checked inline (the same rules as checkHeaderValue, for the
 * value kinds SIMPLE_HEADER can match) and kept in locals until the one result object.
 */
export function readUsualHeader(text: string): RevisionHeader | undefined {
  const n = text.length
  PREAMBLE.lastIndex = 0
  PREAMBLE.test(text)
  let i = PREAMBLE.lastIndex
  let revision: string | undefined
  let downRevision: string | string[] | null | undefined
  let dependsOn: string | string[] | null | undefined
  let branchLabels: string | string[] | null | undefined
  let message: string | null | undefined
  let transaction: boolean | undefined
  let replaces: string | string[] | null | undefined
  /** The keys seen so far, one bit each: a key declared twice is left to the scanner. */
  let seen = 0
  for (;;) {
    SIMPLE_HEADER.lastIndex = i
    const match = SIMPLE_HEADER.exec(text)
    if (match === null) break
    const end = SIMPLE_HEADER.lastIndex
    if (match[6] === undefined && end < n && !isExportWord(text, end)) return undefined
    const value = simpleValue(match)
    switch (match[1]) {
      case 'revision':
        if (seen & 1 || typeof value !== 'string' || !REVISION_ID_PATTERN.test(value))
          return undefined
        seen |= 1
        revision = value
        break
      case 'downRevision':
        if (seen & 2 || typeof value === 'boolean' || !plainIds(value)) return undefined
        seen |= 2
        downRevision = value
        break
      case 'dependsOn':
        if (seen & 4 || typeof value === 'boolean' || !plainIds(value)) return undefined
        seen |= 4
        dependsOn = value
        break
      case 'branchLabels':
        if (seen & 8 || typeof value === 'boolean' || !plainIds(value)) return undefined
        seen |= 8
        branchLabels = value
        break
      case 'message':
        if (seen & 16 || (value !== null && typeof value !== 'string')) return undefined
        seen |= 16
        message = typeof value === 'string' ? detached(value) : value
        break
      case 'replaces':
        if (seen & 64 || typeof value === 'boolean' || !plainIds(value)) return undefined
        seen |= 64
        replaces = value
        break
      default:
        // transaction
        if (seen & 32 || typeof value !== 'boolean') return undefined
        seen |= 32
        transaction = value
    }
    i = end
  }
  if (revision === undefined || downRevision === undefined) return undefined
  if (i < n) {
    FUNCTION_EXPORT.lastIndex = i
    if (!FUNCTION_EXPORT.test(text)) return undefined
    ESM_AFTER_HEADER.lastIndex = i
    if (ESM_AFTER_HEADER.test(text)) return undefined
  }
  // One shape for every header (absent keys stay undefined) keeps the callers monomorphic.
  return { revision, downRevision, dependsOn, branchLabels, message, transaction, replaces }
}

/**
 * `text`, copied when V8 would keep it as a view into the whole file (a slice of 13 or more
 * characters does): a message kept for each of 10,000 revisions would otherwise keep every
 * file's text in memory.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** The value of a SIMPLE_HEADER match. */
export function simpleValue(match: RegExpExecArray): string | string[] | boolean | null {
  if (match[2] !== undefined) return match[2]
  if (match[3] !== undefined) return match[3]
  const literal = match[4]
  if (literal !== undefined) return literal === 'null' ? null : literal === 'true'
  const items: string[] = []
  const list = match[5]
  if (list !== undefined) {
    SIMPLE_ITEM.lastIndex = 0
    for (let item = SIMPLE_ITEM.exec(list); item !== null; item = SIMPLE_ITEM.exec(list))
      items.push((item[1] ?? item[2]) as string)
  }
  return items
}

/**
 * Whether the word `export` (not a longer identifier) starts at `i`.
 *
 * @example
 * ```ts
 * isExportWord('exports.x = 1', 0) // false
 * ```
 */
export function isExportWord(text: string, i: number): boolean {
  return text.startsWith('export', i) && !isIdentPart(text.charCodeAt(i + 6))
}
