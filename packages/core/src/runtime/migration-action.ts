import type { QualifiedName } from '../dialect.js'
import type { Squashes } from '../graph/squashes.js'
import type { Logger, MigrationEvent } from '../env/logger.js'
import type { TargetInput } from '../graph/planner.js'
import type {
  IncompleteMigrationDetails,
  UnreadableProgressDetails,
  UnreadableProgressError,
} from '../errors.js'
import type { TransactionMode } from '../run-settings.js'

/** What a run does once it has a connection (or, offline, a compiler). */
export type MigrationAction =
  | { readonly kind: 'upgrade'; readonly target: TargetInput }
  | { readonly kind: 'downgrade'; readonly target: TargetInput }
  | { readonly kind: 'stamp'; readonly target: TargetInput; readonly purge: boolean }
  | { readonly kind: 'current' }
  | { readonly kind: 'ensureVersion' }

/** How a run behaves, whoever chose the connection. */
export interface RunOptions {
  readonly versionTable: QualifiedName
  readonly transactionMode: TransactionMode
  readonly lockTimeoutMs: number
  readonly logger: Logger
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
  /**
   * The ledger to append a row to for every step run (see `LedgerTable`); none when
   * absent (replays on scratch databases).
   */
  readonly ledger?: LedgerOptions | undefined
  /**
   * The squash revisions of the graph: a database at a range's last revision is moved to
   * its squash, one inside a range finishes it first (upgrade). Absent: none.
   */
  readonly squashes?: Squashes | undefined
}

/** Where a run writes its ledger rows, and who it says ran them. */
export interface LedgerOptions {
  readonly table: QualifiedName
  readonly appliedBy: string | null
}

/** One revision that ran. */
export interface AppliedRevision {
  readonly revision: string
  readonly direction: 'up' | 'down'
  /** The revision's message (what progress and summary lines show). */
  readonly message: string
  /** Wall time of the revision, its version-row change included. */
  readonly ms: number
}

/** The outcome of one run against one database. */
export interface RunResult {
  /** Which database target ran (`databases:` name), when the env named one. */
  readonly name: string | undefined
  readonly applied: readonly AppliedRevision[]
  /** Version rows before the run. */
  readonly before: readonly string[]
  /** Version rows after the run: the heads the database is at. */
  readonly heads: readonly string[]
  /** Offline runs: the SQL script. */
  readonly sql?: string | undefined
  /**
   * A revision that stopped part-way outside a transaction, as recorded in the progress
   * table at the start of the run (with the `stamp` commands that resolve it): still
   * there after `current`, cleared by `stamp`.
   */
  readonly incomplete?: IncompleteMigrationDetails | undefined
  /**
   * A row of the progress table that cannot be read (reported by `current`; `upgrade` and
   * `downgrade` refuse with {@link UnreadableProgressError}, `stamp` clears it).
   */
  readonly unreadableProgress?: UnreadableProgressDetails | undefined
  /**
   * Set when an upgrade with `onNewerDatabase: 'ignore'` left this database alone because
   * it holds revisions this application does not know: those ids.
   */
  readonly newerDatabase?: readonly string[] | undefined
}
