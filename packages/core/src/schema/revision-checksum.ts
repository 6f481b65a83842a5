import type * as Crypto from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Revision, RevisionSource } from '../revision.js'

/**
 * node:crypto, required the first time a checksum is taken: loading it costs every process
 * that imports this module (every command that reads a script directory) a few milliseconds,
 * and most of them (`heads`, `history`) take no checksum.
 */
let crypto: typeof Crypto | undefined
function sha256(): Crypto.Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto
  return crypto.createHash('sha256')
}

/**
 * The text of a revision file as its checksum sees it: a leading byte-order mark removed,
 * line endings as `\n` (CRLF and lone CR too), trailing spaces and tabs removed from every
 * line, and blank lines at the end removed. So a file re-saved by an editor on another
 * operating system, or stripped of trailing whitespace by a formatter, keeps its checksum;
 * any other change (even inside a comment) changes it.
 *
 * @example
 * ```ts
 * normalizeRevisionText('a  \r\nb\r\n\r\n') // 'a\nb'
 * ```
 */
export function normalizeRevisionText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '')
}

/**
 * The checksum of a revision file's content: `sha256:` and the hex SHA-256 of
 * {@link normalizeRevisionText} (UTF-8). Bytes are read as UTF-8.
 *
 * @example
 * ```ts
 * revisionChecksum('export const revision = "a1"\n') === revisionChecksum('export const revision = "a1"\r\n') // true
 * ```
 */
export function revisionChecksum(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)
  return `sha256:${sha256().update(normalizeRevisionText(text), 'utf8').digest('hex')}`
}

/**
 * {@link revisionChecksum} of a file, read synchronously. Throws the file system's error
 * (`ENOENT` ...) when it cannot be read.
 *
 * @example
 * ```ts
 * const checksum = revisionFileChecksum('/app/migrations/versions/3f1c2a9b7d10_create_account.ts')
 * ```
 */
export function revisionFileChecksum(path: string): string {
  return revisionChecksum(readFileSync(path))
}

/**
 * The checksum of a revision's content as its source sees it: the source's own `checksum`
 * (bundled modules: their YAML text or module source), else the checksum of its file.
 * `undefined` when there is nothing to take it of (no file, or the file cannot be read).
 *
 * @example
 * ```ts
 * const checksum = sourceChecksum(loaded.source, loaded.map.get('3f1c2a9b7d10')!)
 * ```
 */
export function sourceChecksum(source: RevisionSource, revision: Revision): string | undefined {
  if (typeof source.checksum === 'function') return source.checksum(revision)
  if (revision.path === undefined) return undefined
  try {
    return revisionFileChecksum(revision.path)
  } catch {
    return undefined
  }
}
