import { RetortError } from '../errors.js'

/** C0 controls (line breaks, tab, ESC, BEL ...), DEL and the C1 controls. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
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

/**
 * Refuses text with a control character where Retort writes it into a new revision file
 * (a message, a branch label, an id): such a character has no use there and would reach
 * terminals, comments and generated SQL. `what` names the value in the error
 * (`message`, `branch label`, `--rev-id`). Throws a {@link RetortError} with code
 * `control-character`.
 *
 * @example
 * ```ts
 * checkNoControlCharacters('message', options.message)
 * ```
 */
export function checkNoControlCharacters(what: string, text: string | undefined): void {
  if (text === undefined) return
  const found = CONTROL_CHARACTER.exec(text)
  if (found === null) return
  throw new RetortError(
    'control-character',
    `${what} '${printableText(text)}' contains the control character ${printableText(found[0])}; write it on one line without control characters`,
  )
}
