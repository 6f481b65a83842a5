import { RevisionFileError } from '../errors.js'
import type { Revision, RevisionBody } from '../revision.js'

/**
 * Checks the exports of an imported revision module against the revision its header gave,
 * and returns its body: `upgrade` must be a function, `downgrade` a function or absent,
 * and `revision` (when exported) the id the header stated. `where` names the file or entry
 * in errors ({@link RevisionFileError}).
 *
 * @example
 * ```ts
 * const body = checkBody(await import('./versions/a1.js'), revision, 'versions/a1.js')
 * ```
 */
export function checkBody(
  exports: Readonly<Record<string, unknown>>,
  revision: Revision,
  where: string,
): RevisionBody {
  const { upgrade, downgrade } = exports
  const declared = exports['revision']
  if (declared !== undefined && declared !== revision.id) {
    throw changedRevisionError(where, String(declared), revision.id)
  }
  if (typeof upgrade !== 'function') {
    throw new RevisionFileError(
      where,
      undefined,
      `revision '${revision.id}' exports no upgrade function; add export async function upgrade(op) { ... }`,
    )
  }
  if (downgrade !== undefined && downgrade !== null && typeof downgrade !== 'function') {
    throw new RevisionFileError(
      where,
      undefined,
      `revision '${revision.id}' exports a downgrade that is not a function; export async function downgrade(op) { ... } or remove it`,
    )
  }
  return Object.freeze({
    upgrade: upgrade as RevisionBody['upgrade'],
    downgrade: (downgrade ?? undefined) as RevisionBody['downgrade'],
  })
}

/**
 * The exports of an imported module: its namespace, or its `default` export when that is
 * where the revision is (a CommonJS module imported natively puts `module.exports` there).
 *
 * @example
 * ```ts
 * moduleExports({ default: { revision: 'a1', upgrade() {} } }) // { revision: 'a1', upgrade() {} }
 * ```
 */
export function moduleExports(module: unknown): Readonly<Record<string, unknown>> {
  const exports = (typeof module === 'object' && module !== null ? module : {}) as Record<
    string,
    unknown
  >
  if (exports['revision'] === undefined && typeof exports['upgrade'] !== 'function') {
    const inner = exports['default']
    if (typeof inner === 'object' && inner !== null && 'revision' in inner) {
      return inner as Record<string, unknown>
    }
  }
  return exports
}

/**
 * The error for a module whose `revision` export differs from the id its header gave.
 *
 * @example
 * ```ts
 * throw changedRevisionError('versions/a1.ts', 'b2', 'a1')
 * ```
 */
export function changedRevisionError(
  where: string,
  found: string,
  expected: string,
): RevisionFileError {
  return new RevisionFileError(
    where,
    undefined,
    `exports revision '${found}', but its header was read as '${expected}'; the file changed after the revisions were read (or its revision is not a literal): run the command again`,
  )
}
