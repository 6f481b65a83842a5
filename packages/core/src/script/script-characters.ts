// The character codes and character classes the script header readers test `charCodeAt`
// results against.

// Character codes.
const TAB = 9
export const LF = 10
export const CR = 13
const SPACE = 32
export const BANG = 33
export const DQUOTE = 34
const HASH = 35
export const DOLLAR = 36
export const PERCENT = 37
export const AMP = 38
export const SQUOTE = 39
export const LPAREN = 40
export const RPAREN = 41
export const STAR = 42
export const PLUS = 43
export const COMMA = 44
export const MINUS = 45
export const DOT = 46
export const SLASH = 47
export const ZERO = 48
export const NINE = 57
export const COLON = 58
export const SEMI = 59
export const LT = 60
export const EQ = 61
export const GT = 62
export const QUESTION = 63
export const LBRACKET = 91
export const BACKSLASH = 92
export const RBRACKET = 93
export const CARET = 94
const UNDERSCORE = 95
export const BACKTICK = 96
export const LBRACE = 123
export const PIPE = 124
export const RBRACE = 125

/**
 * Whether `c` is JavaScript whitespace or a line terminator.
 *
 * @example
 * ```ts
 * isWhitespace(0x20) // true
 * ```
 */
export function isWhitespace(c: number): boolean {
  return (
    c === SPACE ||
    c === LF ||
    c === CR ||
    c === TAB ||
    c === 11 ||
    c === 12 ||
    (c > 127 &&
      (c === 0xa0 ||
        c === 0xfeff ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000))
  )
}

/**
 * Whether `c` may start an identifier (a letter, `_`, `$`, the `\` of an escape, or any
 * non-whitespace character above ASCII).
 *
 * @example
 * ```ts
 * isIdentStart(0x24) // true: `$`
 * ```
 */
export function isIdentStart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    c === UNDERSCORE ||
    c === DOLLAR ||
    c === BACKSLASH ||
    (c > 127 && !isWhitespace(c))
  )
}

/**
 * Whether `c` may continue an identifier: {@link isIdentStart} or a digit.
 *
 * @example
 * ```ts
 * isIdentPart(0x31) // true: `1`
 * ```
 */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= ZERO && c <= NINE)
}

/**
 * Whether `c` is an ASCII digit.
 *
 * @example
 * ```ts
 * isDigit(0x30) // true: `0`
 * ```
 */
export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE
}
