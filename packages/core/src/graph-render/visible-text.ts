/**
 * What a picture must not show as is: control characters (C0, DEL, C1), the line and
 * paragraph separators, the byte order mark, the bidirectional formatting characters (which
 * can make a label read as something it is not), lone surrogates and the two noncharacters
 * XML refuses.
 */
const UNSAFE =
  /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * User text (a message, a label) as a picture shows it: every character in {@link UNSAFE}
 * written as a visible escape (`\n`, `\x1b`, `\u202e`), so the text stays on its line, cannot
 * act on a terminal, and is valid in XML. With `keepNewlines`, `\n` stays a line break (a
 * tooltip may have several lines).
 *
 * @example
 * ```ts
 * visibleText('add\x1b[2J index') // 'add\\x1b[2J index'
 * ```
 */
export function visibleText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(UNSAFE, (character) =>
    options.keepNewlines === true && character === '\n'
      ? character
      : (NAMED[character] ?? escape(character)),
  )
}

function escape(character: string): string {
  const code = character.codePointAt(0) ?? 0
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}
