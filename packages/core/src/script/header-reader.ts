import type { RevisionHeader } from '../revision.js'
import { readScriptHeader } from './read-script-header.js'
import { readYamlHeader } from './yaml-header-reader.js'

/**
 * Reads the header of a revision file from its text, without executing it. The format
 * follows the extension of `path` (lower case, as a script directory lists them):
 *
 * - `.yaml`/`.yml`: the top-level keys `revision`, `downRevision`, `dependsOn`,
 *   `branchLabels`, `message`, `transaction`. An id that YAML reads as a number
 *   (`1234e5678901`) is an error asking to quote it, never converted.
 * - anything else (`.ts`, `.mts`, `.js`, `.mjs`, `.cjs`): top-level
 *   `export const NAME = <literal>` statements, with an optional type annotation and
 *   `as const`. `.js` and `.cjs` files may also use `exports.NAME = <literal>` and
 *   `module.exports.NAME = <literal>` (a `.js` file is CommonJS in a package without
 *   `"type": "module"`). A literal is a quoted string, a template string without `${}`,
 *   `null`, `true`, `false`, or a list of strings (trailing comma, comments and line breaks
 *   allowed). Header consts may stand anywhere at the top level (before or after the
 *   functions); comments, strings, template literals and regular expressions are skipped,
 *   so a header written inside them does not count, and neither does one inside a block.
 *
 * Errors are {@link RevisionFileError}s naming the file and line: a missing `revision` or
 * `downRevision` (`null` for a root: never implied), a value that is an expression rather
 * than a literal, a value of the wrong type, an empty or repeated id, a header declared
 * twice; an export or YAML key that misspells a revision key (`downRevison`, `upgrades`:
 * "did you mean"); a header name exported as something the reader cannot read as a literal
 * (`export let`/`var`, `export { p as downRevision }`, `export * from`); in YAML, an unknown
 * top-level key and a missing `upgrade` list. The characters of an id are not checked here:
 * the revision graph rejects invalid ids with `InvalidRevisionIdError`.
 *
 * @example
 * ```ts
 * const header = readHeader(
 *   "export const revision = '3f1c2a9b7d10'\nexport const downRevision = null\n",
 *   '/app/migrations/versions/3f1c2a9b7d10_init.ts',
 * )
 * createRevision(header, '/app/migrations/versions/3f1c2a9b7d10_init.ts')
 * ```
 */
export function readHeader(text: string, path: string): RevisionHeader {
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return readYamlHeader(text, path)
  return readScriptHeader(text, path, path.endsWith('.js') || path.endsWith('.cjs'))
}
