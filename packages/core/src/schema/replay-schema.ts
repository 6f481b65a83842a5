import type { LoadedRevisions } from '../session/load-revisions.js'
import { readSchemaSnapshot, type SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { Dialect, ScratchDatabase } from '../dialect.js'
import { silentLogger, type Logger, type MigrationEvent } from '../env/logger.js'
import { planUpgrade, type TargetInput } from '../graph/planner.js'
import {
  DEFAULT_LOCK_TIMEOUT,
  DEFAULT_TRANSACTION_MODE,
  DEFAULT_VERSION_TABLE,
  type TransactionMode,
} from '../run-settings.js'
import { ledgerTableFor } from '../runtime/ledger-record.js'
import type { RunResult } from '../runtime/migration-action.js'
import { progressTableFor } from '../runtime/progress-table.js'
import { runOnline } from '../runtime/run-online.js'
import { revisionFileChecksum } from './revision-checksum.js'
import { SchemaCache, schemaCacheKey, type SchemaCacheOptions } from './schema-cache.js'
import { openScratchDatabase, scratchDialect, type OpenScratchOptions } from './scratch-database.js'

/**
 * Options of {@link replayRevisions}.
 *
 * @example
 * ```ts
 * const options: ReplayRevisionsOptions = { target: 'heads', versionTable: 'retort_version' }
 * ```
 */
export interface ReplayRevisionsOptions {
  /** How far to upgrade: any upgrade target (`heads`, `head`, an id, `label@head` ...). Default `heads`. */
  readonly target?: TargetInput | undefined
  /** The version table's name in the scratch database (default `retort_version`). */
  readonly versionTable?: string | undefined
  /** Default `each`, as for a real upgrade. */
  readonly transactionMode?: TransactionMode | undefined
  /** Default: silent. The replay is not the user's upgrade, so nothing is logged by default. */
  readonly logger?: Logger | undefined
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
}

/**
 * Upgrades a scratch database (see `openScratchDatabase`) to `options.target` with the
 * revisions, exactly as `retort upgrade` would (the same run loop, version table and
 * transaction mode), and returns the run's result. The version table is created in the
 * scratch database (in its schema, on PostgreSQL).
 *
 * @example
 * ```ts
 * const loaded = await loadRevisions(config)
 * await withScratchDatabase(dialect, async (scratch) => {
 *   const { applied } = await replayRevisions(scratch, loaded, { target: 'heads' })
 *   applied.map((a) => a.revision)
 * })
 * ```
 */
export async function replayRevisions(
  scratch: ScratchDatabase,
  revisions: LoadedRevisions,
  options: ReplayRevisionsOptions = {},
): Promise<RunResult> {
  return runOnline(
    scratch.dialect,
    revisions.source,
    revisions.map,
    { kind: 'upgrade', target: options.target ?? 'heads' },
    {
      versionTable: {
        name: options.versionTable ?? DEFAULT_VERSION_TABLE,
        schema: scratch.schema,
      },
      transactionMode: options.transactionMode ?? DEFAULT_TRANSACTION_MODE,
      lockTimeoutMs: DEFAULT_LOCK_TIMEOUT,
      logger: options.logger ?? silentLogger,
      onEvent: options.onEvent,
    },
  )
}

/**
 * Options of {@link readScratchSchema}.
 *
 * @example
 * ```ts
 * const options: ReadScratchSchemaOptions = { versionTable: 'retort_version' }
 * ```
 */
export interface ReadScratchSchemaOptions {
  /** The version table left out, with its progress and ledger tables (default `retort_version`). */
  readonly versionTable?: string | undefined
}

/**
 * Introspects a scratch database into the {@link SchemaSnapshot} that `diffSchemas`
 * compares: every table of its schema but the version table and its progress table.
 *
 * @example
 * ```ts
 * const snapshot = await readScratchSchema(scratch)
 * snapshot.tables.map((t) => t.name) // ['account', 'invoice']
 * ```
 */
export async function readScratchSchema(
  scratch: ScratchDatabase,
  options: ReadScratchSchemaOptions = {},
): Promise<SchemaSnapshot> {
  const name = options.versionTable ?? DEFAULT_VERSION_TABLE
  return readSchemaSnapshot(scratch.dialect, {
    schema: scratch.schema,
    exclude: [name, progressTableFor({ name }).name, ledgerTableFor({ name }).name],
  })
}

/**
 * Options of {@link replaySchema}.
 *
 * @example
 * ```ts
 * const options: ReplaySchemaOptions = { target: 'heads', cache: { near: config.directory } }
 * ```
 */
export interface ReplaySchemaOptions extends ReplayRevisionsOptions, OpenScratchOptions {
  /** Where replayed schemas are kept (see `SchemaCacheOptions`); `false`: no cache. */
  readonly cache?: SchemaCacheOptions | false | undefined
}

/**
 * What {@link replaySchema} returns.
 *
 * @example
 * ```ts
 * const { snapshot, cached } = await replaySchema(dialect, loaded)
 * ```
 */
export interface ReplayedSchema {
  /** The schema the revisions produce (version tables left out). */
  readonly snapshot: SchemaSnapshot
  /** The revisions an upgrade from base to the target applies, in order. */
  readonly revisions: readonly string[]
  /**
   * The cache key ({@link replayCacheKey}); `undefined` when the revisions cannot be cached
   * (one of them has no file, e.g. bundled modules).
   */
  readonly key: string | undefined
  /** `true` when the snapshot came from the cache and no database was opened. */
  readonly cached: boolean
}

/**
 * The schema the revisions produce, computed without the user's database: a scratch
 * database of `from`'s kind (see `openScratchDatabase`) is upgraded from base to the
 * target ({@link replayRevisions}), introspected ({@link readScratchSchema}) and dropped.
 * The snapshot is cached under {@link replayCacheKey} (the dialect, where it connects, the
 * version table, and the id and checksum of every revision applied), so a second run with
 * unchanged revision files opens no database at all.
 *
 * @example
 * ```ts
 * const loaded = await loadRevisions(config)
 * const { snapshot, cached } = await replaySchema(sqliteDialect({ filename: ':memory:' }), loaded, {
 *   cache: { near: config.directory },
 * })
 * ```
 */
export async function replaySchema(
  from: Dialect | string,
  revisions: LoadedRevisions,
  options: ReplaySchemaOptions = {},
): Promise<ReplayedSchema> {
  const target = options.target ?? 'heads'
  const ids = planUpgrade(revisions.map, [], target).steps.map((step) => step.revision.id)
  const cache = options.cache === false ? undefined : SchemaCache.open(options.cache)
  const dialect = await scratchDialect(from, options)
  const key = replayCacheKey(dialect, revisions, ids, options.versionTable ?? DEFAULT_VERSION_TABLE)
  const hit = key === undefined ? undefined : cache?.read(key)
  if (hit !== undefined) {
    return Object.freeze({ snapshot: hit, revisions: Object.freeze(ids), key, cached: true })
  }
  const scratch = await openScratchDatabase(dialect)
  let snapshot: SchemaSnapshot
  try {
    await replayRevisions(scratch, revisions, { ...options, target })
    snapshot = await readScratchSchema(scratch, options)
  } finally {
    await scratch.dispose()
  }
  if (key !== undefined) cache?.write(key, snapshot)
  return Object.freeze({ snapshot, revisions: Object.freeze(ids), key, cached: false })
}

/**
 * The cache key of a replay: the dialect's name and description (where it connects, no
 * password), the version table, and `id=checksum` of each revision applied, in order
 * (checksums by `revisionFileChecksum`, so line endings and trailing whitespace do not
 * count). `undefined` when a revision has no file to take a checksum of, or a file cannot be
 * read.
 *
 * @example
 * ```ts
 * const key = replayCacheKey(dialect, loaded, ['a1', 'b2'], 'retort_version')
 * ```
 */
export function replayCacheKey(
  dialect: Dialect,
  revisions: LoadedRevisions,
  ids: readonly string[],
  versionTable: string,
): string | undefined {
  const parts = ['replay', dialect.name, dialect.description, versionTable]
  for (const id of ids) {
    const path = revisions.map.get(id)?.path
    if (path === undefined) return undefined
    try {
      parts.push(`${id}=${revisionFileChecksum(path)}`)
    } catch {
      return undefined
    }
  }
  return schemaCacheKey(parts)
}
