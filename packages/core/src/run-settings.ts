/**
 * How a run is set up when nothing says otherwise: the transaction mode, the lock wait and
 * the version table. Config, env, the migrator and the runtime read these; this file imports
 * nothing.
 */

/** How revisions are wrapped in transactions. */
export type TransactionMode = 'each' | 'all' | 'none'

/** Default: each revision in its own transaction together with its version-row change. */
export const DEFAULT_TRANSACTION_MODE: TransactionMode = 'each'

/** Default wait for another process's migration lock, in ms. */
export const DEFAULT_LOCK_TIMEOUT = 60_000

/** Default name of the version table. */
export const DEFAULT_VERSION_TABLE = 'retort_version'

/** Width of `version_num`: room for long custom ids. */
export const VERSION_ID_LENGTH = 255
