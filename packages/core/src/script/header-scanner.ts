import { RevisionFileError } from '../errors.js'
import type { RevisionHeader } from '../revision.js'
import {
  checkHeaderValue,
  HEADER_EXPECTED,
  headerExample,
  isHeaderKey,
  REVISION_KEYS,
  type HeaderKey,
} from './check-header-value.js'
import { nearestName } from '../operations/nearest-name.js'
import {
  LF,
  CR,
  BANG,
  DQUOTE,
  DOLLAR,
  PERCENT,
  AMP,
  SQUOTE,
  LPAREN,
  RPAREN,
  STAR,
  PLUS,
  COMMA,
  MINUS,
  DOT,
  SLASH,
  ZERO,
  NINE,
  COLON,
  SEMI,
  LT,
  EQ,
  GT,
  QUESTION,
  LBRACKET,
  BACKSLASH,
  RBRACKET,
  CARET,
  BACKTICK,
  LBRACE,
  PIPE,
  RBRACE,
  isWhitespace,
  isIdentStart,
  isIdentPart,
  isDigit,
} from './script-characters.js'
import {
  SIMPLE_HEADER,
  PREAMBLE,
  FUNCTION_EXPORT,
  ESM_AFTER_HEADER,
  simpleValue,
  isExportWord,
} from './script-header-fast-path.js'

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_KEYWORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
])

const KEY_BY_NAME: ReadonlyMap<string, HeaderKey> = new Map<string, HeaderKey>([
  ['revision', 'revision'],
  ['downRevision', 'downRevision'],
  ['dependsOn', 'dependsOn'],
  ['branchLabels', 'branchLabels'],
  ['message', 'message'],
  ['transaction', 'transaction'],
  ['replaces', 'replaces'],
])

/** The places where the scanner must look: see `HeaderScanner.scan`. */
const ESM_TOKENS = /[/'"`{}]|(?<![\w$.])export(?![\w$])/g
const COMMONJS_TOKENS = /[/'"`{}]|(?<![\w$.])(?:exports?|module)(?![\w$])/g
/** After `export`: ` [async] function upgrade(` or `downgrade(` (sticky). */
const BODY_FUNCTION = /[ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\(/y
/** {@link ESM_AFTER_HEADER}, and `exports` / `module` for CommonJS files. */
const COMMONJS_AFTER_HEADER =
  /(?<![\w$.])(?:export(?![\w$])(?![ \t]+(?:async[ \t]+)?function[ \t]+(?:upgrade|downgrade)[ \t]*\()|(?:exports|module)(?![\w$]))/g
/** The names an export may misspell: the header keys, `upgrade` and `downgrade`. */
const REVISION_NAMES: readonly string[] = REVISION_KEYS

/**
 * The character-level scanner `readScriptHeader` falls back to when no fast path reads
 * a file: it reads every header a TypeScript/JavaScript file may write and reports every
 * mistake as a {@link RevisionFileError} naming the line.
 *
 * @example
 * ```ts
 * const scanner = new HeaderScanner("export const revision = 'a1'\nexport const downRevision = null\n", 'versions/a1.ts', false)
 * scanner.scan()
 * scanner.header() // { revision: 'a1', downRevision: null, ... }
 * ```
 */
export class HeaderScanner {
  readonly #text: string
  readonly #path: string
  readonly #commonJs: boolean
  readonly #n: number
  /** The header values found so far, by key. */
  readonly #values: Partial<Record<HeaderKey, unknown>> = {}
  /** Where each declaration starts (for duplicate declarations). */
  readonly #declaredAt: Partial<Record<HeaderKey, number>> = {}
  /** The value of the last literal parsed by #literal. */
  #value: unknown = undefined
  /** The key whose value is being read (for messages). */
  #key: HeaderKey = 'revision'
  /** Set by #templateChunk: whether the chunk ended at `${` rather than at the closing backtick. */
  #templateOpen = false
  /** Cached position of the next `${` (see #templateChunk), or -1 when there is none. */
  #nextInterpolation = -2

  constructor(text: string, path: string, commonJs: boolean) {
    this.#text = text
    this.#path = path
    this.#commonJs = commonJs
    this.#n = text.length
  }

  scan(): void {
    const text = this.#text
    // The usual file, read natively: blank lines, comments and imports, then one header
    // statement a line. Both stop between two tokens at the top level, where the general
    // scan below can take over.
    PREAMBLE.lastIndex = 0
    PREAMBLE.test(text)
    let i = PREAMBLE.lastIndex
    for (;;) {
      const end = this.#simpleExport(i)
      if (end === -1) break
      i = end
    }
    // Then usually `export async function upgrade`: when no header key is written after
    // it, no header can follow (see the same check below).
    const afterHeader = this.#commonJs ? COMMONJS_AFTER_HEADER : ESM_AFTER_HEADER
    FUNCTION_EXPORT.lastIndex = i
    if (FUNCTION_EXPORT.test(text)) {
      afterHeader.lastIndex = i
      if (!afterHeader.test(text)) return
    }
    let depth = 0
    /** The brace depth at which each open `${` of a template started. */
    const templates: number[] = []
    // The regular expression skips plain code natively, stopping only where the lexical
    // state can change (comments, strings, templates, braces, regex literals) or where a
    // header statement can start. It is stateless here: lastIndex is set before each use.
    const tokens = this.#commonJs ? COMMONJS_TOKENS : ESM_TOKENS
    while (i < this.#n) {
      tokens.lastIndex = i
      if (!tokens.test(text)) return
      const tokenEnd = tokens.lastIndex
      const last = text.charCodeAt(tokenEnd - 1)
      // The words end in 't' (export), 's' (exports) and 'e' (module); the rest are one character.
      const tokenLength = last === 116 ? 6 : last === 115 ? 7 : last === 101 ? 6 : 1
      const at = tokenEnd - tokenLength
      const c = text.charCodeAt(at)
      if (c === SLASH) {
        const d = text.charCodeAt(at + 1)
        if (d === SLASH) i = this.#lineEnd(at + 2)
        else if (d === STAR) i = this.#blockEnd(at + 2)
        else i = this.#slashStartsRegex(at) ? this.#regexEnd(at) : at + 1
      } else if (c === SQUOTE || c === DQUOTE) {
        i = this.#stringEnd(at, c)
      } else if (c === BACKTICK) {
        i = this.#templateChunk(at + 1)
        if (this.#templateOpen) templates.push(depth++)
      } else if (c === LBRACE) {
        depth++
        i = at + 1
      } else if (c === RBRACE) {
        depth--
        i = at + 1
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop()
          i = this.#templateChunk(i)
          if (this.#templateOpen) templates.push(depth++)
        }
      } else {
        // `export`, `exports` or `module`, as a whole word not after a `.`.
        const wordEnd = tokenEnd
        i = wordEnd
        if (depth !== 0) continue
        let end = -1
        if (c !== 101 /* e */) end = this.#moduleExports(wordEnd)
        else if (tokenLength === 7) end = this.#commonJsExport(wordEnd)
        else {
          end = this.#simpleExport(at)
          if (end === -1) end = this.#export(wordEnd)
        }
        if (end !== -1) i = end
        else {
          // A top-level export that is not a header (`export async function upgrade`): when no
          // other export follows anywhere after it, no header can follow, so stop here. In a
          // typical file that skips every function body.
          afterHeader.lastIndex = wordEnd
          if (!afterHeader.test(text)) return
        }
      }
    }
  }

  /** Whether the `/` at `at` (not a comment) starts a regular expression literal. */
  #slashStartsRegex(at: number): boolean {
    const text = this.#text
    let k = at - 1
    while (k >= 0 && isWhitespace(text.charCodeAt(k))) k--
    if (k < 0) return true
    const c = text.charCodeAt(k)
    if (c === RPAREN || c === RBRACKET || c === SQUOTE || c === DQUOTE || c === BACKTICK)
      return false
    if (!isIdentPart(c)) return true
    let start = k
    while (start > 0 && isIdentPart(text.charCodeAt(start - 1))) start--
    return REGEX_KEYWORDS.has(text.slice(start, k + 1))
  }

  /** The header read (its values were checked as they were found). */
  header(): RevisionHeader {
    const values = this.#values
    if (!('revision' in values)) {
      const form = this.#commonJs
        ? "`export const revision = '<id>'` (or `exports.revision = '<id>'`)"
        : "`export const revision = '<id>'`"
      throw new RevisionFileError(
        this.#path,
        undefined,
        `declares no \`export const revision\`; add ${form} with a literal id, or rename the file to start with '_' if it is not a revision`,
      )
    }
    if (!('downRevision' in values)) {
      // Without it the revision would silently become a second root.
      const form = this.#commonJs
        ? '`export const downRevision = ...` (or `exports.downRevision = ...`)'
        : '`export const downRevision = ...`'
      throw this.#error(
        this.#declaredAt.revision!,
        `revision '${values.revision as string}' declares no ${form}; add it after the revision: null for a root revision, the parent's id, or a list of ids for a merge`,
      )
    }
    return values as RevisionHeader
  }

  // --- header statements ---------------------------------------------------------------

  /**
   * The common form, matched natively: `export const NAME = 'text'` (or `"text"`, `null`,
   * `true`, `false`) on one line, with no escape. Gives exactly what #export would; returns
   * -1 to leave anything else (or a line that the next one continues) to #export.
   */
  #simpleExport(at: number): number {
    SIMPLE_HEADER.lastIndex = at
    const match = SIMPLE_HEADER.exec(this.#text)
    if (match === null) return -1
    const end = SIMPLE_HEADER.lastIndex
    // No `;`: the statement ends at the line break unless the next token (the regular
    // expression skipped to it) continues it. It is almost always `export`.
    if (
      match[6] === undefined &&
      end < this.#n &&
      !isExportWord(this.#text, end) &&
      this.#continues(end)
    )
      return -1
    const key = match[1] as HeaderKey
    const value = simpleValue(match)
    // The whole statement is on one line, so `at` gives the line of the name and the value.
    this.#record(key, value, at, at)
    return end
  }

  /**
   * After `export`: `const NAME [: Type] = literal` is a header (returns its end). Any other
   * export returns -1 once checked: a header name (or a near miss of one) the reader would
   * not see as a literal is an error: `export let`/`var`, `export { p as downRevision }`,
   * `export * from`, a function or class of that name, a destructuring.
   */
  #export(from: number): number {
    const text = this.#text
    // The usual export after a header, passed natively.
    BODY_FUNCTION.lastIndex = from
    if (BODY_FUNCTION.test(text)) return -1
    const k = this.#skipTrivia(from)
    const c = text.charCodeAt(k)
    if (c === LBRACE) {
      this.#exportClause(k)
      return -1
    }
    if (c === STAR) {
      this.#exportStar(k)
      return -1
    }
    const wordEnd = this.#identEnd(k)
    const word = text.slice(k, wordEnd)
    switch (word) {
      case 'const':
      case 'let':
      case 'var': {
        const nameStart = this.#skipTrivia(wordEnd)
        const open = text.charCodeAt(nameStart)
        if (open === LBRACE || open === LBRACKET) {
          this.#exportPattern(nameStart)
          return -1
        }
        const nameEnd = this.#identEnd(nameStart)
        const name = text.slice(nameStart, nameEnd)
        const key = KEY_BY_NAME.get(name)
        if (key === undefined) {
          this.#checkExportName(name, nameStart)
          return -1
        }
        if (word !== 'const') {
          throw this.#error(
            k,
            `header '${key}' is declared with 'export ${word}'; declare it with export const (the reader reads only const literals), like ${headerExample(key, 'script')}`,
          )
        }
        return this.#declaration(key, nameStart, nameEnd, true)
      }
      case 'async':
      case 'function':
      case 'class':
      case 'enum':
      case 'abstract': {
        // The declared name: after `function` (and a `*`), `class` or `enum`.
        let at = this.#skipTrivia(wordEnd)
        if (this.#wordAt(at, 'function')) at = this.#skipTrivia(at + 8)
        else if (this.#wordAt(at, 'class')) at = this.#skipTrivia(at + 5)
        if (text.charCodeAt(at) === STAR) at = this.#skipTrivia(at + 1)
        const name = text.slice(at, this.#identEnd(at))
        const key = KEY_BY_NAME.get(name)
        if (key !== undefined) {
          throw this.#error(
            at,
            `header '${key}' is exported as a ${word === 'async' ? 'function' : word}; declare it as a literal, like ${headerExample(key, 'script')}`,
          )
        }
        this.#checkExportName(name, at)
        return -1
      }
      default:
        // `export default`, and TypeScript's type-only and ambient exports, which give no value.
        return -1
    }
  }

  /** `export { a, b as c } [from '...']`: no exported name may be a header or near one. */
  #exportClause(open: number): void {
    const text = this.#text
    let k = this.#skipTrivia(open + 1)
    while (k < this.#n && text.charCodeAt(k) !== RBRACE) {
      // `type X` exports a type only.
      let typeOnly = false
      if (this.#wordAt(k, 'type')) {
        const after = this.#skipTrivia(k + 4)
        const d = text.charCodeAt(after)
        if (d !== COMMA && d !== RBRACE && !this.#wordAt(after, 'as')) {
          typeOnly = true
          k = after
        }
      }
      const local = this.#exportedName(k)
      if (local === undefined) return
      let name = local.name
      let nameAt = k
      k = this.#skipTrivia(local.end)
      if (this.#wordAt(k, 'as')) {
        nameAt = this.#skipTrivia(k + 2)
        const exported = this.#exportedName(nameAt)
        if (exported === undefined) return
        name = exported.name
        k = this.#skipTrivia(exported.end)
      }
      if (!typeOnly) {
        const key = KEY_BY_NAME.get(name)
        if (key !== undefined) {
          throw this.#error(
            nameAt,
            `header '${key}' is re-exported by 'export { ... }', which the reader does not follow; declare it in this file, like ${headerExample(key, 'script')}`,
          )
        }
        this.#checkExportName(name, nameAt)
      }
      if (text.charCodeAt(k) !== COMMA) return
      k = this.#skipTrivia(k + 1)
    }
  }

  /** An identifier or a string literal (`export { x as 'y' }`): its text and end. */
  #exportedName(at: number): { readonly name: string; readonly end: number } | undefined {
    const c = this.#text.charCodeAt(at)
    if (c === SQUOTE || c === DQUOTE) {
      const end = this.#quoted(at, c)
      return { name: this.#value as string, end }
    }
    const end = this.#identEnd(at)
    return end === at ? undefined : { name: this.#text.slice(at, end), end }
  }

  /** `export * from '...'` can bring in any header; `export * as NAME` exports NAME alone. */
  #exportStar(star: number): void {
    const k = this.#skipTrivia(star + 1)
    if (this.#wordAt(k, 'as')) {
      const at = this.#skipTrivia(k + 2)
      const exported = this.#exportedName(at)
      if (exported === undefined) return
      const key = KEY_BY_NAME.get(exported.name)
      if (key !== undefined) {
        throw this.#error(
          at,
          `header '${key}' is exported as a module namespace; declare it as a literal, like ${headerExample(key, 'script')}`,
        )
      }
      this.#checkExportName(exported.name, at)
      return
    }
    throw this.#error(
      star,
      `'export * from' can re-export header names (revision, downRevision, ...) that the reader does not see; export the names you need one by one: export { name } from '...'`,
    )
  }

  /** `export const { a, b: c } = ...` (or `[a, b]`): no binding may be a header or near one. */
  #exportPattern(open: number): void {
    const text = this.#text
    let depth = 0
    let k = open
    while (k < this.#n) {
      const c = text.charCodeAt(k)
      if (c === LBRACE || c === LBRACKET) {
        depth++
        k++
      } else if (c === RBRACE || c === RBRACKET) {
        depth--
        k++
        if (depth === 0) return
      } else if (isIdentStart(c)) {
        const end = this.#identEnd(k)
        const after = this.#skipTrivia(end)
        // `key: binding` names a property, not an export.
        if (text.charCodeAt(after) !== COLON) {
          const name = text.slice(k, end)
          const key = KEY_BY_NAME.get(name)
          if (key !== undefined) {
            throw this.#error(
              k,
              `header '${key}' is declared by destructuring; declare it on its own, like ${headerExample(key, 'script')}`,
            )
          }
          this.#checkExportName(name, k)
        }
        k = end
      } else if (c === SLASH || c === SQUOTE || c === DQUOTE || c === BACKTICK) {
        // Default values with strings or comments: leave the rest to the general scan.
        return
      } else k++
    }
  }

  /** An export whose name is close to a header key, `upgrade` or `downgrade` is misspelt. */
  #checkExportName(name: string, at: number): void {
    if (name === '') return
    const nearest = nearestName(name, REVISION_NAMES)
    if (nearest === undefined) return
    const like = isHeaderKey(nearest)
      ? headerExample(nearest, 'script')
      : `export async function ${nearest}(op) { ... }`
    throw this.#error(
      at,
      `exports '${name}', which is not a revision key; did you mean '${nearest}'? Rename it, like ${like}`,
    )
  }

  /** After `exports`: `.NAME = literal`. */
  #commonJsExport(from: number): number {
    const k = this.#skipTrivia(from)
    if (this.#text.charCodeAt(k) !== DOT) return -1
    const nameStart = this.#skipTrivia(k + 1)
    const nameEnd = this.#identEnd(nameStart)
    const name = this.#text.slice(nameStart, nameEnd)
    const key = KEY_BY_NAME.get(name)
    if (key === undefined) {
      this.#checkExportName(name, nameStart)
      return -1
    }
    return this.#declaration(key, nameStart, nameEnd, false)
  }

  /** After `module`: `.exports.NAME = literal`. */
  #moduleExports(from: number): number {
    const k = this.#skipTrivia(from)
    if (this.#text.charCodeAt(k) !== DOT) return -1
    const word = this.#skipTrivia(k + 1)
    if (!this.#wordAt(word, 'exports')) return -1
    return this.#commonJsExport(word + 7)
  }

  /** From the name of a header const to the end of its statement; returns that end. */
  #declaration(key: HeaderKey, nameStart: number, nameEnd: number, esm: boolean): number {
    const text = this.#text
    this.#key = key
    let k = this.#skipTrivia(nameEnd)
    // Only `export const` takes a type annotation (`exports.x: T` is not JS).
    if (esm && text.charCodeAt(k) === COLON) k = this.#typeEnd(k + 1)
    const assigns =
      k !== -1 &&
      text.charCodeAt(k) === EQ &&
      text.charCodeAt(k + 1) !== EQ &&
      text.charCodeAt(k + 1) !== GT
    if (!assigns) {
      // `exports.revision === x` only reads the export; `export const revision: string` with
      // no value is not a literal header.
      if (!esm) return -1
      throw this.#notLiteral(key, nameStart)
    }
    const valueStart = this.#skipTrivia(k + 1)
    let end = this.#literal(valueStart)
    if (end === -1) throw this.#notLiteral(key, valueStart)
    const value = this.#value

    // Optional `as const`.
    let t = this.#skipTrivia(end)
    if (this.#wordAt(t, 'as')) {
      const w = this.#skipTrivia(t + 2)
      if (!this.#wordAt(w, 'const')) throw this.#notLiteral(key, valueStart)
      end = w + 5
    }
    // The statement must end here: `;`, the end of the file, or a line break that does not
    // continue the expression (automatic semicolon insertion).
    const { at, newline } = this.#statementEnd(end)
    t = at
    const c = text.charCodeAt(t)
    if (t < this.#n && c !== SEMI && c !== RBRACE && (!newline || this.#continues(t))) {
      if (c === COMMA)
        throw this.#error(
          t,
          `header '${key}' must be the only const of its statement; declare each header in its own statement, like ${headerExample(key, 'script')}`,
        )
      throw this.#notLiteral(key, valueStart)
    }
    this.#record(key, value, nameStart, valueStart)
    return c === SEMI ? t + 1 : t
  }

  #record(key: HeaderKey, value: unknown, nameStart: number, valueStart: number): void {
    const previous = this.#declaredAt[key]
    if (previous !== undefined)
      throw this.#error(
        nameStart,
        `header '${key}' is declared twice (first on line ${this.#lineOf(previous)}); keep one`,
      )
    const problem = checkHeaderValue(key, value, 'script')
    if (problem !== undefined) throw this.#error(valueStart, problem)
    this.#values[key] = value
    this.#declaredAt[key] = nameStart
  }

  /** Skips a type annotation; returns the position of its `=`, or -1 when there is none. */
  #typeEnd(from: number): number {
    const text = this.#text
    const n = this.#n
    let nesting = 0
    let i = from
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = this.#lineEnd(i + 2)
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR) i = this.#blockEnd(i + 2)
      else if (c === SQUOTE || c === DQUOTE) i = this.#stringEnd(i, c)
      else if (c === BACKTICK) {
        i = this.#templateChunk(i + 1)
        if (this.#templateOpen) return -1
      } else if (c === EQ) {
        if (text.charCodeAt(i + 1) === GT) i += 2
        else if (nesting === 0) return i
        else i++
      } else {
        if (c === LPAREN || c === LBRACKET || c === LBRACE || c === LT) nesting++
        else if (c === RPAREN || c === RBRACKET || c === RBRACE || c === GT) nesting--
        else if (c === SEMI && nesting <= 0) return -1
        i++
      }
    }
    return -1
  }

  /** Skips spaces and comments after a value; tells whether a line break was crossed. */
  #statementEnd(from: number): { at: number; newline: boolean } {
    const text = this.#text
    const n = this.#n
    let newline = false
    let i = from
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === LF || c === CR || c === 0x2028 || c === 0x2029) {
        newline = true
        i++
      } else if (isWhitespace(c)) i++
      else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = this.#lineEnd(i + 2)
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = this.#blockEnd(i + 2)
        if (!newline && text.slice(i, end).includes('\n')) newline = true
        i = end
      } else break
    }
    return { at: i, newline }
  }

  /** Whether the token at `i`, first on a new line, continues the previous expression. */
  #continues(i: number): boolean {
    const text = this.#text
    const c = text.charCodeAt(i)
    switch (c) {
      case DOT:
      case STAR:
      case SLASH:
      case PERCENT:
      case QUESTION:
      case PIPE:
      case AMP:
      case CARET:
      case LT:
      case GT:
      case EQ:
      case COMMA:
      case LPAREN:
      case LBRACKET:
      case BACKTICK:
        return true
      case PLUS:
      case MINUS:
        // `++x` / `--x` on the next line start a new statement.
        return text.charCodeAt(i + 1) !== c
      case BANG:
        return text.charCodeAt(i + 1) === EQ
      case 97: // a
      case 105: // i
      case 115: // s
        return (
          this.#wordAt(i, 'in') ||
          this.#wordAt(i, 'instanceof') ||
          this.#wordAt(i, 'as') ||
          this.#wordAt(i, 'satisfies')
        )
      default:
        return false
    }
  }

  // --- literals --------------------------------------------------------------------------

  /** Parses a literal at `i` into #value; returns its end, or -1 when it is not a literal. */
  #literal(i: number): number {
    const text = this.#text
    const c = text.charCodeAt(i)
    if (c === SQUOTE || c === DQUOTE) return this.#quoted(i, c)
    if (c === BACKTICK) return this.#template(i)
    if (c === LBRACKET) return this.#array(i)
    if ((c >= ZERO && c <= NINE) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1
      while (j < this.#n && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === DOT)) j++
      const number = Number(text.slice(i, j).replaceAll('_', ''))
      if (Number.isNaN(number)) return -1
      this.#value = number
      return j
    }
    if (this.#wordAt(i, 'null')) {
      this.#value = null
      return i + 4
    }
    if (this.#wordAt(i, 'true')) {
      this.#value = true
      return i + 4
    }
    if (this.#wordAt(i, 'false')) {
      this.#value = false
      return i + 5
    }
    return -1
  }

  #array(i: number): number {
    const text = this.#text
    const items: unknown[] = []
    let k = i + 1
    for (;;) {
      k = this.#skipTrivia(k)
      if (text.charCodeAt(k) === RBRACKET) break
      const end = this.#literal(k)
      if (end === -1) return -1
      items.push(this.#value)
      k = this.#skipTrivia(end)
      const c = text.charCodeAt(k)
      if (c === COMMA) k++
      else if (c === RBRACKET) break
      else return -1
    }
    this.#value = items
    return k + 1
  }

  /** A quoted string, escapes decoded. */
  #quoted(i: number, quote: number): number {
    const text = this.#text
    const n = this.#n
    // The common case, found natively: no escape and no line break before the closing quote.
    const close = text.indexOf(quote === SQUOTE ? "'" : '"', i + 1)
    if (close !== -1) {
      const value = text.slice(i + 1, close)
      if (!value.includes('\\') && !value.includes('\n') && !value.includes('\r')) {
        this.#value = value
        return close + 1
      }
    }
    let j = i + 1
    let start = j
    let value = ''
    while (j < n) {
      const c = text.charCodeAt(j)
      if (c === quote) {
        this.#value = value + text.slice(start, j)
        return j + 1
      }
      if (c === LF || c === CR) break
      if (c === BACKSLASH) {
        value += text.slice(start, j)
        j = this.#escape(j, (decoded) => (value += decoded))
        start = j
      } else j++
    }
    throw this.#error(
      i,
      `unterminated string in header '${this.#key}'; close the quote on the same line`,
    )
  }

  /** A template literal without `${}`; -1 when it has one (an expression). */
  #template(i: number): number {
    const text = this.#text
    const n = this.#n
    let j = i + 1
    let start = j
    let value = ''
    while (j < n) {
      const c = text.charCodeAt(j)
      if (c === BACKTICK) {
        this.#value = value + text.slice(start, j)
        return j + 1
      }
      if (c === DOLLAR && text.charCodeAt(j + 1) === LBRACE) return -1
      if (c === CR) {
        // Template literals normalise CRLF and CR to LF.
        value += `${text.slice(start, j)}\n`
        j += text.charCodeAt(j + 1) === LF ? 2 : 1
        start = j
      } else if (c === BACKSLASH) {
        value += text.slice(start, j)
        j = this.#escape(j, (decoded) => (value += decoded))
        start = j
      } else j++
    }
    throw this.#error(i, `unterminated template string in header '${this.#key}'; close it with \``)
  }

  /** Decodes the escape sequence at `i` (a backslash); returns the position after it. */
  #escape(i: number, emit: (decoded: string) => void): number {
    const text = this.#text
    const c = text.charCodeAt(i + 1)
    switch (c) {
      case 110: // n
        emit('\n')
        return i + 2
      case 116: // t
        emit('\t')
        return i + 2
      case 114: // r
        emit('\r')
        return i + 2
      case 98: // b
        emit('\b')
        return i + 2
      case 102: // f
        emit('\f')
        return i + 2
      case 118: // v
        emit('\v')
        return i + 2
      case ZERO:
        emit('\0')
        return i + 2
      case 120: {
        // \xHH
        const code = parseHex(text.slice(i + 2, i + 4), 2)
        if (code === undefined) throw this.#badEscape(i)
        emit(String.fromCharCode(code))
        return i + 4
      }
      case 117: {
        // \uHHHH or \u{H...}
        if (text.charCodeAt(i + 2) === LBRACE) {
          const close = text.indexOf('}', i + 3)
          const code = close === -1 ? undefined : parseHex(text.slice(i + 3, close), -1)
          if (code === undefined || code > 0x10ffff) throw this.#badEscape(i)
          emit(String.fromCodePoint(code))
          return close + 1
        }
        const code = parseHex(text.slice(i + 2, i + 6), 4)
        if (code === undefined) throw this.#badEscape(i)
        emit(String.fromCharCode(code))
        return i + 6
      }
      case CR:
        // A line continuation.
        return text.charCodeAt(i + 2) === LF ? i + 3 : i + 2
      case LF:
      case 0x2028:
      case 0x2029:
        return i + 2
      default:
        if (Number.isNaN(c)) throw this.#error(i, `unterminated string in header '${this.#key}'`)
        emit(text[i + 1] as string)
        return i + 2
    }
  }

  // --- skipping --------------------------------------------------------------------------

  #lineEnd(i: number): number {
    const end = this.#text.indexOf('\n', i)
    return end === -1 ? this.#n : end
  }

  #blockEnd(i: number): number {
    const end = this.#text.indexOf('*/', i)
    return end === -1 ? this.#n : end + 2
  }

  /** The position after a quoted string starting at `i`. */
  #stringEnd(i: number, quote: number): number {
    const text = this.#text
    const q = quote === SQUOTE ? "'" : '"'
    let end = text.indexOf(q, i + 1)
    while (end !== -1) {
      if (!isEscaped(text, end)) {
        // A line break inside is a syntax error; stop there so the rest of the file is read as code.
        const lf = text.indexOf('\n', i + 1)
        if (lf !== -1 && lf < end && !isEscaped(text, lf) && !isCrLfContinuation(text, lf))
          return lf
        return end + 1
      }
      end = text.indexOf(q, end + 1)
    }
    return this.#n
  }

  /**
   * Scans a template literal from `i` (just after a backtick or after the `}` closing an
   * interpolation) to its closing backtick or to the next `${`. Sets #templateOpen.
   */
  #templateChunk(i: number): number {
    const text = this.#text
    let j = i
    for (;;) {
      const tick = text.indexOf('`', j)
      if (this.#nextInterpolation !== -1 && this.#nextInterpolation < j)
        this.#nextInterpolation = text.indexOf('${', j)
      const dollar = this.#nextInterpolation
      if (tick === -1 && dollar === -1) {
        this.#templateOpen = false
        return this.#n
      }
      const open = dollar !== -1 && (tick === -1 || dollar < tick)
      const at = open ? dollar : tick
      if (isEscaped(text, at)) {
        j = at + 1
        continue
      }
      this.#templateOpen = open
      return open ? at + 2 : at + 1
    }
  }

  /** The position after a regular expression literal starting at `i`, or `i + 1` if it is not one. */
  #regexEnd(i: number): number {
    const text = this.#text
    const n = this.#n
    let inClass = false
    let j = i + 1
    while (j < n) {
      const c = text.charCodeAt(j)
      if (c === LF || c === CR) return i + 1
      if (c === BACKSLASH) j += 2
      else {
        if (c === LBRACKET) inClass = true
        else if (c === RBRACKET) inClass = false
        else if (c === SLASH && !inClass) {
          j++
          while (j < n && isIdentPart(text.charCodeAt(j))) j++
          return j
        }
        j++
      }
    }
    return i + 1
  }

  /** Skips whitespace (line breaks included) and comments. */
  #skipTrivia(i: number): number {
    const text = this.#text
    const n = this.#n
    while (i < n) {
      const c = text.charCodeAt(i)
      if (isWhitespace(c)) i++
      else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = this.#lineEnd(i + 2)
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR) i = this.#blockEnd(i + 2)
      else break
    }
    return i
  }

  #identEnd(i: number): number {
    const text = this.#text
    if (!isIdentStart(text.charCodeAt(i))) return i
    let j = i + 1
    while (j < this.#n && isIdentPart(text.charCodeAt(j))) j++
    return j
  }

  /** Whether the whole word `word` stands at `i`. */
  #wordAt(i: number, word: string): boolean {
    return (
      this.#text.startsWith(word, i) &&
      !isIdentPart(this.#text.charCodeAt(i + word.length)) &&
      (i === 0 || !isIdentPart(this.#text.charCodeAt(i - 1)))
    )
  }

  // --- errors ----------------------------------------------------------------------------

  #lineOf(position: number): number {
    const text = this.#text
    let line = 1
    let i = text.indexOf('\n')
    while (i !== -1 && i < position) {
      line++
      i = text.indexOf('\n', i + 1)
    }
    return line
  }

  #error(position: number, detail: string): RevisionFileError {
    return new RevisionFileError(this.#path, this.#lineOf(position), detail)
  }

  #notLiteral(key: HeaderKey, position: number): RevisionFileError {
    return this.#error(
      position,
      `header '${key}' must be a literal (${HEADER_EXPECTED[key]}), not an expression; write the value itself`,
    )
  }

  #badEscape(position: number): RevisionFileError {
    return this.#error(
      position,
      `invalid escape sequence in header '${this.#key}'; write the character itself`,
    )
  }
}

/** Whether the character at `i` is preceded by an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let backslashes = 0
  while (i - backslashes - 1 >= 0 && text.charCodeAt(i - backslashes - 1) === BACKSLASH)
    backslashes++
  return backslashes % 2 === 1
}

/** Whether the LF at `i` ends a `\` + CRLF line continuation. */
function isCrLfContinuation(text: string, i: number): boolean {
  return text.charCodeAt(i - 1) === CR && isEscaped(text, i - 1)
}

/** Parses `digits` hex digits (`-1`: any positive number of them). */
function parseHex(text: string, digits: number): number | undefined {
  if ((digits !== -1 && text.length !== digits) || text.length === 0) return undefined
  if (!/^[0-9A-Fa-f]+$/.test(text)) return undefined
  return Number.parseInt(text, 16)
}
