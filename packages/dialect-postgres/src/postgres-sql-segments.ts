/**
 * A piece of a SQL text: `code`, or something placeholders are never looked for in
 * (a string or dollar-quoted literal, a quoted identifier, a comment).
 *
 * @example
 * ```ts
 * const segment: SqlSegment = { code: false, text: "'?'" }
 * ```
 */
export interface SqlSegment {
  readonly code: boolean
  readonly text: string
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/

/**
 * Splits a PostgreSQL text into code and non-code segments: `'...'` (`''` inside),
 * `E'...'` (backslash escapes), `"..."` identifiers, `$tag$...$tag$` strings, `--` line
 * comments and nested `/* *\/` comments. An unterminated literal runs to the end.
 *
 * @example
 * ```ts
 * sqlSegments("SELECT '?' , ?").map((s) => s.code) // [true, false, true]
 * ```
 */
export function sqlSegments(sql: string): SqlSegment[] {
  const segments: SqlSegment[] = []
  let code = ''
  const skip = (text: string) => {
    if (code !== '') segments.push({ code: true, text: code })
    code = ''
    segments.push({ code: false, text })
  }
  let i = 0
  while (i < sql.length) {
    const c = sql[i] as string
    const previous = i === 0 ? '' : (sql[i - 1] as string)
    if (c === "'") {
      // E'...' (and e'...') strings take backslash escapes; the E is part of the literal.
      const escaped =
        (previous === 'E' || previous === 'e') && !IDENTIFIER_CHAR.test(sql[i - 2] ?? ' ')
      let j = i + 1
      for (; j < sql.length; j++) {
        const d = sql[j]
        if (escaped && d === '\\') j++
        else if (d === "'") {
          if (sql[j + 1] === "'") j++
          else break
        }
      }
      skip(sql.slice(i, j + 1))
      i = j + 1
      continue
    }
    if (c === '"') {
      let j = i + 1
      for (; j < sql.length; j++) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j++
          else break
        }
      }
      skip(sql.slice(i, j + 1))
      i = j + 1
      continue
    }
    if (c === '$' && !IDENTIFIER_CHAR.test(previous === '' ? ' ' : previous)) {
      const tag = DOLLAR_TAG.exec(sql.slice(i))
      if (tag !== null) {
        const end = sql.indexOf(tag[0], i + tag[0].length)
        const stop = end === -1 ? sql.length : end + tag[0].length
        skip(sql.slice(i, stop))
        i = stop
        continue
      }
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end === -1 ? sql.length : end
      skip(sql.slice(i, stop))
      i = stop
      continue
    }
    if (c === '/' && sql[i + 1] === '*') {
      let depth = 1
      let j = i + 2
      while (j < sql.length && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++
          j += 2
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--
          j += 2
        } else j++
      }
      skip(sql.slice(i, j))
      i = j
      continue
    }
    code += c
    i++
  }
  if (code !== '') segments.push({ code: true, text: code })
  return segments
}
