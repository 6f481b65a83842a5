import type { RevisionHeader } from '../revision.js'
import { HeaderScanner } from './header-scanner.js'
import { readGeneratedHeader, readUsualHeader } from './script-header-fast-path.js'

/**
 * Reads the header of a TypeScript/JavaScript revision file without executing it: the
 * top-level `export const NAME = <literal>` statements (and, with `commonJs`,
 * `exports.NAME = <literal>` / `module.exports.NAME = <literal>`) for the header keys.
 *
 * A hand-written scanner, not a parser: it skips comments, strings, template literals
 * (with their `${}` expressions) and regular expression literals, tracks `{}` depth, and
 * reads only the values of header keys. A header const may stand anywhere at the top
 * level: the scan stops only where no header key's name is written further on (usually
 * at `export async function upgrade`). A usual file is read by a few native regular
 * expression matches; anything else falls back to the scanner, which gives the same
 * values. Errors are {@link RevisionFileError}s naming the line.
 *
 * @example
 * ```ts
 * readScriptHeader("export const revision = 'a1'\nexport const downRevision = null\n", 'versions/a1.ts', false)
 * // { revision: 'a1', downRevision: null }
 * ```
 */
export function readScriptHeader(text: string, path: string, commonJs: boolean): RevisionHeader {
  const generated = readGeneratedHeader(text)
  if (generated !== undefined) return generated
  const simple = readUsualHeader(text)
  if (simple !== undefined) return simple
  const scanner = new HeaderScanner(text, path, commonJs)
  scanner.scan()
  return scanner.header()
}
