import type { Config } from '../config/config.js'
import type { QualifiedName } from '../dialect.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RevisionSource } from '../revision.js'
import { ledgerTableFor, type LedgerRecord } from '../runtime/ledger-record.js'
import { sourceChecksum } from '../schema/revision-checksum.js'

/**
 * An applied revision whose content is not what ran: its checksum in the ledger, and now.
 *
 * @example
 * ```ts
 * const changed: ChangedRevision = { revision: 'a1', recorded: 'sha256:9c...', current: 'sha256:04...' }
 * ```
 */
export interface ChangedRevision {
  readonly revision: string
  readonly recorded: string
  readonly current: string
}

/** What {@link verifyLedger} found. */
export interface LedgerVerification {
  /** Applied revisions whose file (or module) changed since it ran. */
  readonly changed: readonly ChangedRevision[]
  /** Revisions the ledger says are applied that have no file in the script directory. */
  readonly missing: readonly string[]
}

/**
 * The revisions the ledger says are applied now, with the checksum each one ran with (or
 * was adopted or accepted with): every `up` row that did not fail sets it, every `down` row
 * that did not fail removes it. Rows are taken in order.
 *
 * @example
 * ```ts
 * ledgerState(rows).get('3f1c2a9b7d10') // 'sha256:9c1f...'
 * ```
 */
export function ledgerState(rows: readonly LedgerRecord[]): Map<string, string | null> {
  const state = new Map<string, string | null>()
  for (const row of rows) {
    if (row.outcome === 'failed') continue
    if (row.direction === 'up') state.set(row.revision, row.checksum)
    else state.delete(row.revision)
  }
  return state
}

/**
 * Compares a database's ledger with the revisions: an applied revision (an ancestor of the
 * version rows) whose checksum differs from the one recorded is `changed`; a revision the
 * ledger says is applied that is not in the graph (and that no revision in the graph
 * `replaces`) is `missing`. Revisions without a recorded checksum (stamped, or applied
 * before the ledger existed and not adopted) are not compared.
 *
 * @example
 * ```ts
 * const { changed, missing } = verifyLedger(rows, loaded.map, loaded.source, state.heads)
 * ```
 */
export function verifyLedger(
  rows: readonly LedgerRecord[],
  map: RevisionMap,
  source: RevisionSource,
  heads: readonly string[],
  replaced: ReadonlySet<string> = new Set(),
): LedgerVerification {
  const state = ledgerState(rows)
  const applied = map.ancestors(heads.filter((id) => map.has(id)))
  const changed: ChangedRevision[] = []
  const missing: string[] = []
  for (const [id, recorded] of state) {
    if (!map.has(id)) {
      if (!replaced.has(id)) missing.push(id)
      continue
    }
    if (recorded === null || !applied.has(id)) continue
    const current = sourceChecksum(source, map.get(id)!)
    if (current === undefined) missing.push(id)
    else if (current !== recorded) changed.push(Object.freeze({ revision: id, recorded, current }))
  }
  return Object.freeze({ changed: Object.freeze(changed), missing: Object.freeze(missing) })
}

/**
 * The ledger table of a database: the config's `ledgerTable` (of the `databases:` entry
 * when one is selected), else the version table's name plus `_ledger`, in the version
 * table's schema.
 *
 * @example
 * ```ts
 * ledgerTableOf(config, { name: 'retort_version' }) // { name: 'retort_version_ledger' }
 * ```
 */
export function ledgerTableOf(config: Config, versionTable: QualifiedName): QualifiedName {
  return ledgerTableFor(versionTable, config.get('ledgerTable') as string | undefined)
}

/**
 * Who runs the migrations, for the ledger: the config's `appliedBy`, else the environment
 * variable `RETORT_APPLIED_BY`, else `null`.
 *
 * @example
 * ```ts
 * appliedByOf(config, process.env) // 'deploy@ci'
 * ```
 */
export function appliedByOf(config: Config, env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = config.get('appliedBy') as string | undefined
  const value = configured ?? env['RETORT_APPLIED_BY']
  return value === undefined || value.trim() === '' ? null : value.trim()
}
