import { createHash } from 'node:crypto'
import { RetortError } from '@retort/core/errors'

/** PostgreSQL's limit on identifier length, in bytes (NAMEDATALEN - 1); longer names are truncated by the server. */
export const MAX_IDENTIFIER_BYTES = 63

/**
 * `"name"` with `"` doubled. Every identifier Retort writes goes through it, so keywords and
 * names with quotes, spaces or capitals work. Rejects empty names and NUL characters.
 *
 * @example
 * ```ts
 * quoteIdentifier('my "table"') // '"my ""table"""'
 * ```
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
    throw new RetortError(
      'postgres-identifier',
      `'${String(name)}' is not a valid PostgreSQL identifier; use a non-empty name without NUL`,
    )
  }
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * The name itself when it fits PostgreSQL's 63 bytes, else its first characters and a short
 * hash of the whole, so that different long names stay different (the server would cut
 * them to the same 63 bytes).
 *
 * @example
 * ```ts
 * Buffer.byteLength(fitIdentifier('x'.repeat(100))) // 63
 * ```
 */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10)
  let head = ''
  for (const character of name) {
    if (Buffer.byteLength(head + character) > MAX_IDENTIFIER_BYTES - hash.length - 1) break
    head += character
  }
  return `${head}_${hash}`
}

/**
 * The name Retort gives the foreign key of a column-level `references`:
 * `<table>_<column>_fkey` (PostgreSQL's own default name), shortened with a hash when
 * longer than 63 bytes.
 *
 * @example
 * ```ts
 * foreignKeyName('child', 'parent_id') // 'child_parent_id_fkey'
 * ```
 */
export function foreignKeyName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}_fkey`)
}
