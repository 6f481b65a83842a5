import type { QualifiedName } from '../dialect.js'

/** Added to the version table's name to name the ledger table (`retort_version_ledger`). */
export const LEDGER_TABLE_SUFFIX = '_ledger'

/**
 * Column names of the ledger table, in the order the ledger reads them.
 *
 * @example
 * ```ts
 * LEDGER_COLUMNS.durationMs // 'duration_ms'
 * ```
 */
export const LEDGER_COLUMNS = Object.freeze({
  id: 'id',
  revision: 'revision',
  direction: 'direction',
  checksum: 'checksum',
  outcome: 'outcome',
  ranAt: 'ran_at',
  durationMs: 'duration_ms',
  retortVersion: 'retort_version',
  appliedBy: 'applied_by',
  note: 'note',
} as const)

/**
 * What a ledger row says happened: `applied` (the step ran and its version-row change was
 * made), `failed` (the step stopped with an error: rolled back, or part-way outside a
 * transaction, as the note says), `adopted` (`retort ledger --adopt` recorded the checksum
 * of a revision applied before the ledger existed), `accepted` (`check --allow-changed`
 * accepted an edit of an applied revision: the row holds the new checksum).
 *
 * @example
 * ```ts
 * const outcome: LedgerOutcome = 'applied'
 * ```
 */
export type LedgerOutcome = 'applied' | 'failed' | 'adopted' | 'accepted'

/**
 * One row of the ledger: the append-only history of every step run against a database,
 * beside the version table (which holds only where the database is now).
 *
 * @example
 * ```ts
 * const row: LedgerRecord = {
 *   id: 1, revision: '3f1c2a9b7d10', direction: 'up', checksum: 'sha256:9c1f...', outcome: 'applied',
 *   ranAt: '2026-01-05T10:00:00.000Z', durationMs: 12, retortVersion: '0.1.0', appliedBy: 'deploy@ci', note: null,
 * }
 * ```
 */
export interface LedgerRecord {
  /** Increasing with every row: the order things happened in. */
  readonly id: number
  readonly revision: string
  readonly direction: 'up' | 'down'
  /** `revisionChecksum` of the revision's content when it ran; `null` when it had none. */
  readonly checksum: string | null
  readonly outcome: LedgerOutcome
  /** ISO 8601 time (UTC) the step started. */
  readonly ranAt: string
  readonly durationMs: number
  readonly retortVersion: string
  readonly appliedBy: string | null
  /** The error of a `failed` row, or why a checksum was accepted. */
  readonly note: string | null
}

/**
 * The ledger table that goes with a version table: `name` when the config sets
 * `ledgerTable`, else the version table's name plus {@link LEDGER_TABLE_SUFFIX}; always in
 * the version table's schema.
 *
 * @example
 * ```ts
 * ledgerTableFor({ name: 'retort_version', schema: 'app' }) // { name: 'retort_version_ledger', schema: 'app' }
 * ```
 */
export function ledgerTableFor(versionTable: QualifiedName, name?: string): QualifiedName {
  return { name: name ?? `${versionTable.name}${LEDGER_TABLE_SUFFIX}`, schema: versionTable.schema }
}
