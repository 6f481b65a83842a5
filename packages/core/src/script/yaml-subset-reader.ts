/**
 * Reads a YAML revision file written in the subset that Retort writes and people write by
 * hand, without the `yaml` package (whose parser, with the garbage it makes, was most of
 * `upgrade --sql` on thousands of YAML revisions). Returns the top-level mapping as plain
 * data, equal to `parseDocument(text).toJS()`, or `undefined` for any text outside the
 * subset; the caller then parses the text with the `yaml` package, which also reports every
 * error. This decides nothing on its own: it only makes the common case fast.
 *
 * The subset: a block mapping at the top (no indentation), whose values are block mappings,
 * block sequences (`- item`, also at the key's own indentation, and `- key: value` with the
 * item's map continued below), single-line flow collections (`{ name: id, type: integer }`,
 * `[a, b]`, nested), and single-line scalars: plain (`create table`, `12`, `1.5`, `null`,
 * `true`), 'single' and "double" quoted (with the escapes `\\ \" \/ \n \t \r \b \f \0 \a
 * \v \e \N \_ \L \P \  \xHH \uHHHH`); blank lines; comments on their own line and after a
 * value. Keys are plain words (`[A-Za-z_][A-Za-z0-9_]*`, not `null`, `true`, `false` or
 * `__proto__`), each once per mapping.
 *
 * Outside it, and so read by the `yaml` package: document markers and directives, anchors,
 * aliases, tags, block scalars (`|`, `>`), multi-line scalars and flow collections, explicit
 * keys (`?`), quoted or non-word keys, an empty sequence item, a trailing comma in a flow
 * collection, plain scalars that YAML reads as a number other than a plain decimal
 * (`0x1f`, `1e3`, `+1`, `.inf`, `0012`) or that hold `: `, `#` or flow indicators where
 * they would need thought, a tab, a carriage return, a byte order mark, control characters,
 * characters outside the Basic Multilingual Plane, and every error.
 *
 * @example
 * ```ts
 * readYamlSubset('revision: a1\ndownRevision: null\nupgrade:\n  - dropTable: { name: t }\n')
 * // { revision: 'a1', downRevision: null, upgrade: [{ dropTable: { name: 't' } }] }
 * readYamlSubset('revision: &id a1\n') // undefined
 * ```
 */
export function readYamlSubset(text: string): Record<string, unknown> | undefined {
  if (!SUBSET_TEXT.test(text)) return undefined
  try {
    return new SubsetReader(text).document()
  } catch (error) {
    if (error === OUTSIDE) return undefined
    throw error
  }
}

/**
 * Line feeds, printable ASCII and the Basic Multilingual Plane without the C1 controls, the
 * no-break space, the line and paragraph separators, surrogates and the byte order mark.
 */
const SUBSET_TEXT = /^[\n\x20-\x7e\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
const OUTSIDE: unique symbol = Symbol('outside the YAML subset')

function outside(): never {
  throw OUTSIDE
}

/** Plain scalars the YAML 1.2 core schema reads as null or a boolean. */
const WORDS: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
])

/** Decimal integers read here (exactly, as `parseInt` does): no sign, no leading zero. */
const SIMPLE_INT = /^(?:0|-?[1-9][0-9]{0,14})$/
const SIMPLE_FLOAT = /^-?[0-9]+\.[0-9]+$/
/** Every other plain scalar the core schema reads as a number (its int and float tests). */
const NUMBERS = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
]

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
}

const SPACE = 0x20
const HASH = 0x23
const COLON = 0x3a
const DASH = 0x2d

function isWordStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 0x30 && code <= 0x39)
}

/**
 * Whether a plain scalar may start with `code` here: letters, digits, `_ $ / ( . + - ~` and
 * characters beyond ASCII. Indicators (`- ? : , [ ] { } # & * ! | > ' " % @` and the
 * backquote) and the rest of punctuation are left to the `yaml` package.
 */
function isPlainStart(code: number): boolean {
  return (
    isWordPart(code) ||
    code === 0x24 ||
    code === 0x2f ||
    code === 0x28 ||
    code === 0x2e ||
    code === 0x2b ||
    code === DASH ||
    code === 0x7e ||
    code > 0x7f
  )
}

/**
 * A reader over the significant lines (not blank, not a comment) of one text. The current
 * line is `#start` (its first character), `#indent` (spaces before its content) and `#end`
 * (its line feed, or the end of the text).
 */
class SubsetReader {
  readonly #text: string
  #start = 0
  #indent = 0
  #end = 0
  #eof = false
  /** Where the last value read by {@link SubsetReader.#flowValue} ends. */
  #after = 0

  constructor(text: string) {
    this.#text = text
    this.#seek(0)
  }

  document(): Record<string, unknown> {
    if (this.#eof || this.#indent !== 0) outside()
    const map = this.#map(0)
    if (!this.#eof) outside()
    return map
  }

  /** Moves to the first significant line starting at or after `from`. */
  #seek(from: number): void {
    const text = this.#text
    const length = text.length
    let p = from
    while (p < length) {
      let end = text.indexOf('\n', p)
      if (end === -1) end = length
      let i = p
      while (i < end && text.charCodeAt(i) === SPACE) i++
      if (i < end && text.charCodeAt(i) !== HASH) {
        this.#start = p
        this.#indent = i - p
        this.#end = end
        return
      }
      p = end + 1
    }
    this.#eof = true
  }

  #isSequenceLine(): boolean {
    const p = this.#start + this.#indent
    return (
      this.#text.charCodeAt(p) === DASH &&
      (p + 1 === this.#end || this.#text.charCodeAt(p + 1) === SPACE)
    )
  }

  /** The end of the word key at `p` when a `:` and a space or the line's end follow, else -1. */
  #keyEnd(p: number): number {
    const text = this.#text
    if (!isWordStart(text.charCodeAt(p))) return -1
    let i = p + 1
    while (isWordPart(text.charCodeAt(i))) i++
    // YAML limits an implicit key to 1024 characters.
    if (text.charCodeAt(i) !== COLON || i - p > 1000) return -1
    return i + 1 === this.#end || text.charCodeAt(i + 1) === SPACE ? i : -1
  }

  /** A block mapping whose keys are at column `indent`, from the current line. */
  #map(indent: number): Record<string, unknown> {
    const text = this.#text
    const map: Record<string, unknown> = {}
    while (!this.#eof && this.#indent === indent) {
      const p = this.#start + indent
      const keyEnd = this.#keyEnd(p)
      if (keyEnd === -1) outside()
      const key = text.slice(p, keyEnd)
      if (isReservedKey(key) || Object.hasOwn(map, key)) outside()
      const end = this.#end
      let q = keyEnd + 1
      while (q < end && text.charCodeAt(q) === SPACE) q++
      if (q === end || text.charCodeAt(q) === HASH) {
        // The value is on the lines below: more indented, or a sequence at this column.
        this.#seek(end + 1)
        if (!this.#eof && this.#indent > indent) {
          map[key] = this.#isSequenceLine() ? this.#sequence(this.#indent) : this.#map(this.#indent)
        } else if (!this.#eof && this.#indent === indent && this.#isSequenceLine()) {
          map[key] = this.#sequence(indent)
        } else map[key] = null
      } else {
        map[key] = this.#inline(q)
        this.#seek(end + 1)
        // A more indented line would continue the scalar over several lines.
        if (!this.#eof && this.#indent > indent) outside()
      }
    }
    if (!this.#eof && this.#indent > indent) outside()
    return map
  }

  /** A block sequence whose `-` are at column `indent`, from the current line. */
  #sequence(indent: number): unknown[] {
    const text = this.#text
    const items: unknown[] = []
    while (!this.#eof && this.#indent === indent && this.#isSequenceLine()) {
      const end = this.#end
      let q = this.#start + indent + 1
      while (q < end && text.charCodeAt(q) === SPACE) q++
      // An empty item, a value on the lines below, or a sequence in a sequence.
      if (q === end || text.charCodeAt(q) === HASH) outside()
      if (text.charCodeAt(q) === DASH && (q + 1 === end || text.charCodeAt(q + 1) === SPACE))
        outside()
      if (this.#keyEnd(q) !== -1) {
        // `- key: value`: a mapping whose keys are at the column of this first key.
        this.#indent = q - this.#start
        items.push(this.#map(this.#indent))
      } else {
        items.push(this.#inline(q))
        this.#seek(end + 1)
        if (!this.#eof && this.#indent > indent) outside()
      }
    }
    if (!this.#eof && this.#indent > indent) outside()
    return items
  }

  /** A value that fills the rest of the current line from `p` (a comment may follow). */
  #inline(p: number): unknown {
    const text = this.#text
    const end = this.#end
    const code = text.charCodeAt(p)
    if (code === 0x22 || code === 0x27 || code === 0x5b || code === 0x7b) {
      const value = this.#flowValue(p)
      const after = this.#after
      let q = after
      while (q < end && text.charCodeAt(q) === SPACE) q++
      if (q < end && !(text.charCodeAt(q) === HASH && q > after)) outside()
      return value
    }
    // A plain scalar: up to a comment (` #`) or the end of the line.
    let q = p
    let last = p
    while (q < end) {
      const c = text.charCodeAt(q)
      if (c === HASH && text.charCodeAt(q - 1) === SPACE) break
      // `: ` would start a nested mapping.
      if (c === COLON && (q + 1 === end || text.charCodeAt(q + 1) === SPACE)) outside()
      if (c !== SPACE) last = q + 1
      q++
    }
    return plainScalar(text.slice(p, last))
  }

  /**
   * A quoted scalar or flow collection at `p`, on the current line: its value (its end goes
   * to {@link SubsetReader.#after}).
   */
  #flowValue(p: number): unknown {
    const text = this.#text
    const end = this.#end
    const code = text.charCodeAt(p)
    if (code === 0x22) return this.#doubleQuoted(p)
    if (code === 0x27) return this.#singleQuoted(p)
    if (code === 0x5b || code === 0x7b) {
      const close = code === 0x5b ? 0x5d : 0x7d
      const list: unknown[] = []
      const map: Record<string, unknown> = {}
      let q = skipSpaces(text, p + 1, end)
      if (text.charCodeAt(q) === close) {
        this.#after = q + 1
        return code === 0x5b ? list : map
      }
      for (;;) {
        if (q >= end) outside()
        if (code === 0x5b) {
          list.push(this.#flowValue(q))
          q = this.#after
        } else {
          if (!isWordStart(text.charCodeAt(q))) outside()
          let k = q + 1
          while (isWordPart(text.charCodeAt(k))) k++
          if (text.charCodeAt(k) !== COLON || text.charCodeAt(k + 1) !== SPACE || k - q > 1000)
            outside()
          const key = text.slice(q, k)
          if (isReservedKey(key) || Object.hasOwn(map, key)) outside()
          map[key] = this.#flowValue(skipSpaces(text, k + 2, end))
          q = this.#after
        }
        q = skipSpaces(text, q, end)
        const c = text.charCodeAt(q)
        if (c === close) {
          this.#after = q + 1
          return code === 0x5b ? list : map
        }
        if (c !== 0x2c || q >= end) outside()
        q = skipSpaces(text, q + 1, end)
        // A trailing comma.
        if (text.charCodeAt(q) === close) outside()
      }
    }
    // A plain scalar inside a flow collection: up to `,`, `]` or `}`.
    let q = p
    let last = p
    while (q < end) {
      const c = text.charCodeAt(q)
      if (c === 0x2c || c === 0x5d || c === 0x7d) break
      if (c === 0x5b || c === 0x7b || c === COLON || c === HASH) outside()
      if (c !== SPACE) last = q + 1
      q++
    }
    if (q === end) outside()
    this.#after = q
    return plainScalar(text.slice(p, last))
  }

  #doubleQuoted(p: number): string {
    const text = this.#text
    const end = this.#end
    let value = ''
    let from = p + 1
    let q = from
    while (q < end) {
      const c = text.charCodeAt(q)
      if (c === 0x22) {
        this.#after = q + 1
        return value + text.slice(from, q)
      }
      if (c === 0x5c) {
        value += text.slice(from, q)
        const next = text[q + 1]
        if (next === undefined || q + 1 >= end) outside()
        const escaped = ESCAPES[next]
        if (escaped !== undefined) q += 2
        else if (next === 'x' || next === 'u') {
          const digits = next === 'x' ? 2 : 4
          const hex = text.slice(q + 2, q + 2 + digits)
          if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) outside()
          value += String.fromCharCode(parseInt(hex, 16))
          q += 2 + digits
          from = q
          continue
        } else outside()
        value += escaped
        from = q
        continue
      }
      q++
    }
    // The closing quote is on another line.
    return outside()
  }

  #singleQuoted(p: number): string {
    const text = this.#text
    const end = this.#end
    let value = ''
    let from = p + 1
    let q = from
    while (q < end) {
      if (text.charCodeAt(q) === 0x27) {
        value += text.slice(from, q)
        if (text.charCodeAt(q + 1) !== 0x27) {
          this.#after = q + 1
          return value
        }
        value += "'"
        q += 2
        from = q
        continue
      }
      q++
    }
    return outside()
  }
}

/** Keys the core schema does not read as a string, or that `toJS` treats apart. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...WORDS.keys(), '__proto__'])

/** Whether a word key is one of {@link RESERVED_KEYS} (which all start with n, t, f or _). */
function isReservedKey(key: string): boolean {
  const first = key.charCodeAt(0) | 0x20
  return (
    (first === 0x6e || first === 0x74 || first === 0x66 || first === 0x7f) && RESERVED_KEYS.has(key)
  )
}

function skipSpaces(text: string, p: number, end: number): number {
  while (p < end && text.charCodeAt(p) === SPACE) p++
  return p
}

/** A plain scalar as the YAML 1.2 core schema reads it, when it is plainly a string, null, a boolean or a decimal. */
function plainScalar(source: string): unknown {
  if (source === '') outside()
  const first = source.charCodeAt(0)
  if (!isPlainStart(first)) outside()
  const word = WORDS.get(source)
  if (word !== undefined) return word
  if (first === 0x7e) outside()
  // `-` followed by a space or nothing is a sequence entry, not a scalar.
  if (first === DASH && (source.length === 1 || source.charCodeAt(1) === SPACE)) outside()
  if ((first >= 0x30 && first <= 0x39) || first === DASH || first === 0x2b || first === 0x2e) {
    if (SIMPLE_INT.test(source)) return parseInt(source, 10)
    if (SIMPLE_FLOAT.test(source)) return parseFloat(source)
    for (const pattern of NUMBERS) if (pattern.test(source)) outside()
  }
  return source
}
