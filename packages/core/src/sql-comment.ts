/**
 * Characters written as escapes in a comment: control characters (C0, DEL, C1), the line
 * and paragraph separators, the byte order mark and the bidirectional formatting
 * characters (which can make a line display as something it is not).
 */
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * One SQL comment line, `-- text`, that stays one comment line whatever `text` holds: a
 * line break (LF, CR, NEL, U+2028/U+2029) or any other control character is written as an
 * escape (`\n`, `\r`, `\t`, `\x1b`, `\u2028`), and so are the bidirectional formatting
 * characters; `/*` and `*\/` are broken up (`/\*`, `*\/`) so the text cannot open or close a
 * block comment either. User text (messages, paths, labels, table names) reaches offline SQL
 * scripts only through this function; every dialect uses it for the comments it writes.
 *
 * @example
 * ```ts
 * sqlComment('add index\nDROP TABLE accounts; --') // '-- add index\\nDROP TABLE accounts; --'
 * ```
 */
export function sqlComment(text: string): string {
  if (isPlainAscii(text)) return text === '' ? '--' : `-- ${text}`
  const safe = text
    .replace(UNSAFE, (character) => NAMED[character] ?? escape(character))
    .replaceAll('/*', '/\\*')
    .replaceAll('*/', '*\\/')
  return safe === '' ? '--' : `-- ${safe}`
}

function escape(character: string): string {
  const code = character.codePointAt(0) ?? 0
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** Printable ASCII without `/*` or `*\/`: written as it is (most comments are). */
function isPlainAscii(text: string): boolean {
  let previous = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code > 0x7e) return false
    // '/' after '*', or '*' after '/'
    if ((code === 0x2f && previous === 0x2a) || (code === 0x2a && previous === 0x2f)) return false
    previous = code
  }
  return true
}
