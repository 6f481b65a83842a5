/** C0 controls (line breaks, tab, ESC, BEL ...), DEL and the C1 controls. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

/**
 * The first control character of `text` (C0, DEL or C1), or `undefined` when it has none.
 *
 * @example
 * ```ts
 * findControlCharacter('add index\nDROP') // '\n'
 * ```
 */
export function findControlCharacter(text: string): string | undefined {
  return CONTROL_CHARACTER.exec(text)?.[0]
}

/**
 * `text` with every control character written as an escape (`\n`, `\r`, `\t`, `\x1b`,
 * `\x07`, `\x9b` ...), so that text from a file or a database (a message, a label, a path,
 * a version row) cannot move the cursor, ring, recolour or rewrite a terminal, nor break
 * a one-line output in two. Everything else is kept as it is.
 *
 * @example
 * ```ts
 * printableText('add index\n\x1b[2Jgone') // 'add index\\n\\x1b[2Jgone'
 * ```
 */
export function printableText(text: string): string {
  if (!CONTROL_CHARACTER.test(text)) return text
  return text.replace(
    CONTROL_CHARACTERS,
    (c) => NAMED_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}
