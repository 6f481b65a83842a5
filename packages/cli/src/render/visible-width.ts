import { eastAsianWidth } from 'get-east-asian-width'

/** Code points that take no column of their own: combining marks, joiners, selectors. */
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}]$/u

/** The graphemes of a text (a letter with its accents, an emoji sequence). */
function graphemes(text: string): Iterable<string> {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
    (part) => part.segment,
  )
}

/** Columns one grapheme takes: 2 for East Asian wide and fullwidth characters, else 1 or 0. */
function graphemeWidth(grapheme: string): number {
  for (const char of grapheme) {
    if (ZERO_WIDTH.test(char)) continue
    const code = char.codePointAt(0)!
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0
    return eastAsianWidth(code)
  }
  return 0
}

/**
 * The columns a text takes on a terminal (text without escape sequences).
 *
 * @example
 * ```ts
 * visibleWidth('表a') // 3
 * ```
 */
export function visibleWidth(text: string): number {
  let width = 0
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme)
  return width
}

/**
 * The longest start of `text` that fits in `width` columns, never splitting a grapheme (nor
 * a wide character across the edge); with `ellipsis`, a cut text ends in `…`.
 *
 * @example
 * ```ts
 * fitWidth('表表表', 5) // '表表'
 * fitWidth('create account', 8, { ellipsis: true }) // 'create …'
 * ```
 */
export function fitWidth(
  text: string,
  width: number,
  options: { ellipsis?: boolean } = {},
): string {
  if (width <= 0) return ''
  if (visibleWidth(text) <= width) return text
  const room = options.ellipsis === true ? width - 1 : width
  let out = ''
  let used = 0
  for (const grapheme of graphemes(text)) {
    const w = graphemeWidth(grapheme)
    if (used + w > room) break
    out += grapheme
    used += w
  }
  return options.ellipsis === true ? `${out}…` : out
}

/** A run of text and the style it is drawn in. */
export type StyledPiece = readonly [text: string, style?: (text: string) => string]

/**
 * Styled pieces laid out in at most `width` columns: cut by what is seen (escape sequences
 * take no column), each piece styled after it is cut so every style is closed, and a full
 * reset at the end, so nothing drawn later inherits a style.
 *
 * @example
 * ```ts
 * fitLine([['[1/3]', colors.dim], [' create account']], 10)
 * ```
 */
export function fitLine(pieces: readonly StyledPiece[], width: number): string {
  let out = ''
  let left = width
  for (const [text, style] of pieces) {
    if (left <= 0) break
    const part = fitWidth(text, left)
    if (part !== '') out += style === undefined ? part : style(part)
    left -= visibleWidth(part)
  }
  return `${out}\x1b[0m`
}
