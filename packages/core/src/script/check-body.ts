import { stated } from '../graph/squashes.js'
import { RevisionFileError } from '../errors.js'
import type { Revision, RevisionBody } from '../revision.js'
import { describeValue, isHeaderKey, REVISION_KEYS } from './check-header-value.js'
import { nearestName } from '../operations/nearest-name.js'

/**
 * Checks the exports of an imported revision module against the revision its header gave,
 * and returns its body: `revision`, `downRevision`, `dependsOn`, `branchLabels` and
 * `transaction` must be what the header stated (see {@link checkHeaderMatches}), no export
 * may be a near miss of a revision key (`downgarde`), `upgrade` must be a function and
 * `downgrade` a function or absent. `where` names the file or entry in errors
 * ({@link RevisionFileError}).
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
  checkHeaderMatches(exports, revision, where)
  checkExportNames(exports, where)
  const { upgrade, downgrade } = exports
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
 * Checks that the header values of a module as imported (or of a YAML file read again when
 * its body loads) are those the revision graph was built from: `revision`, `downRevision`
 * (required), `dependsOn`, `branchLabels` and `transaction`. They differ when the file
 * changed after the headers were read, or when a module reassigns what the header reader
 * saw as a literal; running it then would record the wrong edges in the version table.
 *
 * @example
 * ```ts
 * checkHeaderMatches(await import('./versions/a1.js'), revision, 'versions/a1.js')
 * ```
 */
export function checkHeaderMatches(
  header: Readonly<Record<string, unknown>>,
  graphRevision: Revision,
  where: string,
): void {
  // A reference to a squashed range's last revision is read as one to the squash.
  const revision = stated(graphRevision)
  const declared = header['revision']
  if (declared !== revision.id) {
    throw headerMismatchError(where, 'revision', declared, `'${revision.id}'`)
  }
  const ids = [
    ['downRevision', revision.downRevisions],
    ['dependsOn', revision.dependsOn],
    ['branchLabels', revision.branchLabels],
  ] as const
  for (const [key, expected] of ids) {
    const value = header[key]
    const same = key === 'downRevision' && value === undefined ? false : sameIds(value, expected)
    if (!same) throw headerMismatchError(where, key, value, describeIds(expected, key))
  }
  const transaction = header['transaction']
  if ((transaction ?? true) !== revision.transaction) {
    throw headerMismatchError(where, 'transaction', transaction, String(revision.transaction))
  }
}

/**
 * The error for a module whose header export `key` differs from what its header gave.
 *
 * @example
 * ```ts
 * throw headerMismatchError('versions/a1.ts', 'downRevision', 'b2', "'a0'")
 * ```
 */
export function headerMismatchError(
  where: string,
  key: string,
  found: unknown,
  expected: string,
): RevisionFileError {
  const got = found === undefined ? `no '${key}'` : `${key} ${describeExport(found)}`
  return new RevisionFileError(
    where,
    undefined,
    `exports ${got}, but its header was read as ${expected}; the file changed after the revisions were read, or the header is reassigned after its literal: run the command again, and keep header values plain literals`,
  )
}

/**
 * Checks that no export of a revision module is a near miss of a revision key
 * (`downgarde`, `down_revision`): it would be ignored.
 *
 * @example
 * ```ts
 * checkExportNames({ revision: 'a1', downRevision: null, upgarde() {} }, 'migrations[0]')
 * // throws: migrations[0]: exports 'upgarde', which is not a revision key; did you mean 'upgrade'? ...
 * ```
 */
export function checkExportNames(exports: Readonly<Record<string, unknown>>, where: string): void {
  for (const name of Object.keys(exports)) {
    if ((REVISION_KEYS as readonly string[]).includes(name)) continue
    const nearest = nearestName(name, REVISION_KEYS)
    if (nearest === undefined) continue
    throw new RevisionFileError(
      where,
      undefined,
      `exports '${name}', which is not a revision key; did you mean '${nearest}'? Rename it${isHeaderKey(nearest) ? '' : ` (export async function ${nearest}(op) { ... })`}`,
    )
  }
}

/** Whether an exported value names the same ids, in the same order, as `expected`. */
function sameIds(value: unknown, expected: readonly string[]): boolean {
  if (value === null || value === undefined || value === '') return expected.length === 0
  if (typeof value === 'string') return expected.length === 1 && expected[0] === value
  if (!Array.isArray(value) || value.length !== expected.length) return false
  return value.every((item, index) => item === expected[index])
}

function describeIds(ids: readonly string[], key: string): string {
  if (ids.length === 0) return key === 'downRevision' ? 'null' : '[]'
  if (ids.length === 1 && key === 'downRevision') return `'${ids[0]}'`
  return `[${ids.map((id) => `'${id}'`).join(', ')}]`
}

function describeExport(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return `[${value.map((item) => `'${item as string}'`).join(', ')}]`
  if (value === null || typeof value === 'boolean') return String(value)
  return describeValue(value)
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
