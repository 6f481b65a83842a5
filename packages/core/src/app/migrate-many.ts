import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, RetortError, UnknownDatabaseRevisionError } from '../errors.js'
import { dialectForConnection } from '../env/dialect-for-connection.js'
import { dialectForUrl, type DialectForUrlOptions } from '../env/dialect-for-url.js'
import type { EnvTarget, RunMigrationsOptions } from '../env/env-context.js'
import { loadEnvModule } from '../env/load-env-module.js'
import { silentLogger } from '../env/logger.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions, type LoadedRevisions } from '../session/load-revisions.js'
import { backupPolicy, runSettings } from '../session/run-action.js'
import type { AppliedRevision } from '../runtime/migration-action.js'
import { runWithBackup } from '../runtime/run-with-backup.js'
import { checkOnNewerDatabase, type OnNewerDatabase } from './upgrade-unless-newer.js'

/** Default number of databases migrated at the same time by {@link migrateMany}. */
export const DEFAULT_CONCURRENCY = 4

/** Options of {@link migrateMany}. */
export interface MigrateManyOptions extends CommandOptions {
  /** Where every database goes (default `heads`). */
  readonly target?: string | undefined
  /** Databases migrated at the same time (default {@link DEFAULT_CONCURRENCY}). */
  readonly concurrency?: number | undefined
  /** After the first failure, start no other database (those running finish). */
  readonly failFast?: boolean | undefined
  /** A database newer than this application: a failure (`'error'`) or left alone (`'ignore'`). */
  readonly onNewerDatabase?: OnNewerDatabase | undefined
  /** Progress: each database as it starts and ends, and each revision as it starts. */
  readonly onProgress?: ((event: ManyProgressEvent) => void) | undefined
}

/** The outcome of one database of {@link migrateMany}. */
export interface DatabaseOutcome {
  readonly name: string
  /** Where it connects, with any password removed. */
  readonly description: string
  readonly ok: boolean
  readonly applied: readonly AppliedRevision[]
  /** Version rows before and after (after: as far as it got). */
  readonly before: readonly string[]
  readonly heads: readonly string[]
  /** Set when it was left alone as newer than this application (`onNewerDatabase: 'ignore'`). */
  readonly newerDatabase?: readonly string[] | undefined
  readonly error?:
    { readonly type: string; readonly code: string; readonly message: string } | undefined
  readonly ms: number
}

/** Progress of {@link migrateMany}. */
export type ManyProgressEvent =
  | {
      readonly type: 'database-start'
      readonly name: string
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'revision-start'; readonly name: string; readonly revision: string }
  | {
      readonly type: 'database-done'
      readonly outcome: DatabaseOutcome
      readonly done: number
      readonly failed: number
      readonly total: number
    }

/** What {@link migrateMany} returns. Failures are in the result: it throws only before starting. */
export interface MigrateManyResult {
  /** One per database that ran, in the order of the targets. */
  readonly databases: readonly DatabaseOutcome[]
  readonly total: number
  readonly succeeded: number
  /** The names of the databases that failed. */
  readonly failed: readonly string[]
  /** With `failFast`: the databases never started. */
  readonly notStarted: readonly string[]
  readonly ms: number
}

/**
 * Upgrades many databases (one SQLite file per tenant, one PostgreSQL schema per tenant ...)
 * with the same revisions, at most `concurrency` at a time. Each database runs on its own
 * connection with the settings a single upgrade would have (version table, transaction mode,
 * backups); a failure is recorded and the others go on, unless `failFast`. Targets with the
 * same name are refused before anything runs.
 *
 * @example
 * ```ts
 * const result = await migrateMany(config, [
 *   { name: 'a', dialect: sqliteDialect({ filename: 'tenants/a.db' }) },
 *   { name: 'b', dialect: sqliteDialect({ filename: 'tenants/b.db' }) },
 * ], { concurrency: 2 })
 * if (result.failed.length > 0) console.error(result.failed)
 * ```
 */
export async function migrateMany(
  config: Config,
  targets: readonly EnvTarget[],
  options: MigrateManyOptions = {},
): Promise<MigrateManyResult> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ConfigError(
      `concurrency must be a whole number of databases (1 or more), not ${String(concurrency)}`,
    )
  }
  const onNewerDatabase = options.onNewerDatabase ?? 'error'
  checkOnNewerDatabase(onNewerDatabase)
  checkTargets(targets)
  const loaded = await loadRevisions(config, options)
  // Every dialect is made before the first database runs: a bad target changes nothing.
  const dialects: Dialect[] = []
  for (const target of targets) dialects.push(await dialectOf(target, config))
  const started = performance.now()
  const outcomes: (DatabaseOutcome | undefined)[] = new Array(targets.length)
  let next = 0
  let done = 0
  let failed = 0
  let stop = false
  const worker = async () => {
    while (!stop && next < targets.length) {
      const index = next++
      const target = targets[index]!
      options.onProgress?.({
        type: 'database-start',
        name: target.name,
        done,
        total: targets.length,
      })
      const outcome = await migrateOne(
        config,
        loaded,
        target,
        dialects[index]!,
        options,
        onNewerDatabase,
      )
      outcomes[index] = outcome
      done += 1
      if (!outcome.ok) {
        failed += 1
        if (options.failFast) stop = true
      }
      options.onProgress?.({ type: 'database-done', outcome, done, failed, total: targets.length })
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker))
  const databases = outcomes.filter((o): o is DatabaseOutcome => o !== undefined)
  return Object.freeze({
    databases: Object.freeze(databases),
    total: targets.length,
    succeeded: databases.filter((o) => o.ok).length,
    failed: Object.freeze(databases.filter((o) => !o.ok).map((o) => o.name)),
    notStarted: Object.freeze(
      targets.filter((_, i) => outcomes[i] === undefined).map((t) => t.name),
    ),
    ms: Math.round((performance.now() - started) * 1000) / 1000,
  })
}

async function migrateOne(
  config: Config,
  loaded: LoadedRevisions,
  target: EnvTarget,
  dialect: Dialect,
  options: MigrateManyOptions,
  onNewerDatabase: OnNewerDatabase,
): Promise<DatabaseOutcome> {
  const started = performance.now()
  const runOptions: RunMigrationsOptions = { ...target, name: target.entry }
  const base = { name: target.name, description: dialect.description }
  let before: readonly string[] = []
  let heads: readonly string[] = []
  const applied: AppliedRevision[] = []
  const onEvent = options.onEvent
  const settings = runSettings(config, runOptions, {
    ...options,
    onEvent: (event) => {
      if (event.type === 'step-start') {
        options.onProgress?.({
          type: 'revision-start',
          name: target.name,
          revision: event.revision,
        })
      }
      if (event.type === 'step-done') {
        applied.push({
          revision: event.revision,
          direction: event.direction,
          message: event.message,
          ms: event.ms,
        })
      }
      onEvent?.(event)
    },
  })
  const ms = () => Math.round((performance.now() - started) * 1000) / 1000
  try {
    const result = await runWithBackup(
      dialect,
      loaded.source,
      loaded.map,
      { kind: 'upgrade', target: options.target ?? 'heads' },
      settings,
      target.entry,
      backupPolicy(config, runOptions),
    )
    before = result.before
    heads = result.heads
    return Object.freeze({ ...base, ok: true, applied: result.applied, before, heads, ms: ms() })
  } catch (error) {
    if (onNewerDatabase === 'ignore' && error instanceof UnknownDatabaseRevisionError) {
      return Object.freeze({
        ...base,
        ok: true,
        applied: [],
        before,
        heads,
        newerDatabase: error.revisions,
        ms: ms(),
      })
    }
    ;(options.logger ?? silentLogger).debug(`'${target.name}' failed: ${describe(error).message}`)
    return Object.freeze({
      ...base,
      ok: false,
      applied,
      before,
      heads,
      error: describe(error),
      ms: ms(),
    })
  }
}

function describe(error: unknown): { type: string; code: string; message: string } {
  if (error instanceof RetortError) {
    return { type: error.name, code: error.code, message: error.message }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { type: error instanceof Error ? error.name : 'Error', code: 'error', message }
}

function checkTargets(targets: readonly EnvTarget[]): void {
  if (!Array.isArray(targets)) {
    throw new ConfigError('migrateMany needs a list of targets: [{ name, dialect }, ...]')
  }
  const seen = new Set<string>()
  for (const [index, target] of targets.entries()) {
    if (
      typeof target !== 'object' ||
      target === null ||
      typeof target.name !== 'string' ||
      target.name === ''
    ) {
      throw new ConfigError(`target ${index} has no name; give each target { name, dialect }`)
    }
    if (seen.has(target.name)) {
      throw new ConfigError(
        `two targets are named '${target.name}'; give each database its own name`,
      )
    }
    seen.add(target.name)
  }
}

async function dialectOf(target: EnvTarget, config: Config): Promise<Dialect> {
  const { dialect, connection } = target
  if (dialect !== undefined && connection !== undefined) {
    throw new ConfigError(
      `target '${target.name}' has both a dialect and a connection; pass one of them`,
    )
  }
  if (dialect !== undefined) return dialect
  if (connection !== undefined && connection !== null) {
    return dialectForConnection(connection, {
      baseDir: config.directory,
      where: ` (target '${target.name}')`,
    })
  }
  throw new ConfigError(
    `target '${target.name}' has no dialect or connection; pass { name, dialect }`,
  )
}

/**
 * The databases `retort upgrade --all` runs over: those the env module's `targets` lists,
 * else every `databases:` entry of the config with a `url` (its settings apply to it).
 * Throws when there is none.
 *
 * @example
 * ```ts
 * const targets = await listTargets(config, { resolveDialect })
 * await migrateMany(config, targets, { concurrency: 4 })
 * ```
 */
export async function listTargets(
  config: Config,
  options: CommandOptions = {},
): Promise<EnvTarget[]> {
  const loaded = await loadRevisions(config, options)
  if (loaded.envPath !== undefined) {
    const env = await loadEnvModule(loaded.envPath)
    if (env.targets !== undefined) {
      const listed = await env.targets({
        config,
        xArgs: Object.freeze({ ...(options.xArgs ?? {}) }),
        logger: options.logger ?? silentLogger,
      })
      if (!Array.isArray(listed)) {
        throw new ConfigError(
          `the targets function of '${loaded.envPath}' must return a list of { name, dialect }`,
        )
      }
      return [...listed]
    }
  }
  const targets: EnvTarget[] = []
  for (const name of config.databaseNames) {
    const entry = config.forDatabase(name)
    const url = entry.url
    if (url === undefined) continue
    const context = { baseDir: config.directory, setting: entry.describeKey('url') }
    // The CLI's resolver takes the context too (as the default env passes it).
    const resolve = options.resolveDialect as
      ((url: string, context: DialectForUrlOptions) => Dialect | Promise<Dialect>) | undefined
    const dialect = resolve ? await resolve(url, context) : await dialectForUrl(url, context)
    targets.push({ name, entry: name, dialect })
  }
  if (targets.length === 0) {
    throw new ConfigError(
      `there are no databases to run over: list them under 'databases:' in the config (each with a url), or export them from the env module: defineEnv(run, { targets: (ctx) => [{ name, dialect }] })`,
    )
  }
  return targets
}
