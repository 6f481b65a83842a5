/** C0 and C1 control characters and DEL: what a terminal would act on instead of show. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * User text (a revision message, a statement) made safe for a terminal: control characters
 * are shown as `\xNN` instead of acting (an escape sequence in a message cannot restyle or
 * clear the screen). With `keepNewlines`, line breaks stay line breaks.
 *
 * @example
 * ```ts
 * terminalText('a\x1b[2Jb') // 'a\\x1b[2Jb'
 * ```
 */
export function terminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(CONTROL, (char) =>
    options.keepNewlines === true && char === '\n'
      ? char
      : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}
