import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Dialect } from '../dialect.js'
import { MigrationError, RetortError } from '../errors.js'
import { planDowngrade, planUpgrade, type Plan } from '../graph/planner.js'
import type { RevisionMap } from '../graph/revision-map.js'
import type { RevisionSource } from '../revision.js'
import type { BackupSettings } from '../config/backup-settings.js'
import { databaseFilesOf, type DatabaseFiles } from '../database-files.js'
import type { MigrationAction, RunOptions, RunResult } from './migration-action.js'
import { runOnline } from './run-online.js'

/** What {@link runWithBackup} does around a run: the `backup` and `restoreOnFailure` settings. */
export interface BackupPolicy {
  readonly backup: BackupSettings
  readonly restoreOnFailure: boolean
}

/** The marker between a database file's name and the time of a backup of it. */
export const BACKUP_MARKER = '.retort-backup-'

/**
 * A failed run whose database file was then restored from the backup taken before it: the
 * file is as it was before the run (the revisions that had completed are undone too, and
 * no progress record is left). `cause` is the run's error.
 */
export class RestoredFromBackupError extends RetortError {
  constructor(
    /** The database file. */
    readonly database: string,
    /** The backup it was restored from (kept). */
    readonly backup: string,
    cause: unknown,
  ) {
    super(
      'restored-from-backup',
      `${failure(cause)}; the database '${database}' was restored from the backup '${backup}' taken before the run, so it is as it was before: fix the revision and run the command again`,
      { cause },
    )
  }
}

/**
 * `runOnline`, with a backup of a SQLite file taken first when the run will apply something
 * (an upgrade or downgrade whose plan has steps, on a database with no stopped revision),
 * and restored when the run fails and could not roll back: a revision with
 * `transaction = false`, `transactionMode: 'none'`, or a database without transactional DDL
 * (and `restoreOnFailure` is on). Nothing is backed up when there is nothing to do, for
 * other actions, for databases that are not files, or for a file that does not exist yet.
 *
 * @example
 * ```ts
 * await runWithBackup(dialect, source, map, { kind: 'upgrade', target: 'heads' }, settings, undefined, {
 *   backup: { keep: 3 },
 *   restoreOnFailure: true,
 * })
 * ```
 */
export async function runWithBackup(
  dialect: Dialect,
  source: RevisionSource,
  map: RevisionMap,
  action: MigrationAction,
  options: RunOptions,
  name: string | undefined,
  policy: BackupPolicy | undefined,
): Promise<RunResult> {
  const files = databaseFilesOf(dialect)
  const run = () => runOnline(dialect, source, map, action, options, name)
  if (
    policy === undefined ||
    (action.kind !== 'upgrade' && action.kind !== 'downgrade') ||
    files?.filename === undefined ||
    !existsSync(files.filename)
  ) {
    return run()
  }
  const read = await runOnline(dialect, source, map, { kind: 'current' }, options, name)
  if (read.incomplete !== undefined || read.unreadableProgress !== undefined) return run()
  let plan: Plan
  try {
    plan =
      action.kind === 'upgrade'
        ? planUpgrade(map, read.heads, action.target)
        : planDowngrade(map, read.heads, action.target)
  } catch {
    // The run gives the same error, before anything changes.
    return run()
  }
  if (plan.steps.length === 0) return run()

  const backup = await takeBackup(
    files as DatabaseFiles & { filename: string },
    policy.backup,
    options,
  )
  try {
    return await run()
  } catch (error) {
    const unprotected =
      options.transactionMode === 'none' ||
      !dialect.createAdapter().supportsTransactionalDdl ||
      plan.steps.some((step) => !step.revision.transaction)
    if (!policy.restoreOnFailure || !unprotected) throw error
    try {
      await files.restore(backup)
    } catch (restoreError) {
      options.logger.error(
        `could not restore '${files.filename}' from '${backup}': ${restoreError instanceof Error ? restoreError.message : String(restoreError)}`,
      )
      throw error
    }
    options.onEvent?.({ type: 'restored', database: files.filename, backup })
    options.logger.warn(`restored '${files.filename}' from the backup '${backup}'`)
    throw new RestoredFromBackupError(files.filename, backup, error)
  }
}

/** Takes the backup and deletes those beyond `keep`; returns its path. */
async function takeBackup(
  files: DatabaseFiles & { filename: string },
  settings: BackupSettings,
  options: RunOptions,
): Promise<string> {
  const database = resolve(files.filename)
  const directory = settings.dir ?? dirname(database)
  mkdirSync(directory, { recursive: true })
  const prefix = `${basename(database)}${BACKUP_MARKER}`
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '')
  let backup = join(directory, `${prefix}${stamp}`)
  for (let n = 1; existsSync(backup); n++) backup = join(directory, `${prefix}${stamp}-${n}`)
  options.onEvent?.({ type: 'backup-start', database, backup })
  const started = performance.now()
  await files.backup(backup)
  const ms = Math.round((performance.now() - started) * 1000) / 1000
  const removed = pruneBackups(directory, prefix, settings.keep)
  options.logger.info(`backed up '${database}' to '${backup}'`)
  options.onEvent?.({ type: 'backup-done', database, backup, ms, removed })
  return backup
}

/** Deletes the oldest backups of a database beyond the newest `keep` (names sort by time). */
function pruneBackups(directory: string, prefix: string, keep: number): string[] {
  const all = readdirSync(directory)
    .filter((name) => name.startsWith(prefix))
    .sort(byTime)
  const removed = all.slice(0, Math.max(0, all.length - keep)).map((name) => join(directory, name))
  for (const path of removed) rmSync(path, { force: true })
  return removed
}

/** `...-20261207T0338001230Z` before `...-20261207T0338001230Z-1`. */
function byTime(a: string, b: string): number {
  const [aTime = '', aN = '0'] = a.split(/-(?=\d+$)/)
  const [bTime = '', bN = '0'] = b.split(/-(?=\d+$)/)
  return aTime < bTime ? -1 : aTime > bTime ? 1 : Number(aN) - Number(bN)
}

function failure(cause: unknown): string {
  if (cause instanceof MigrationError && cause.cause !== undefined) {
    const reason = cause.cause instanceof Error ? cause.cause.message : String(cause.cause)
    const statement =
      cause.statement === undefined
        ? ''
        : ` at statement \`${cause.statement.replace(/\s+/g, ' ')}\``
    return `${cause.direction === 'up' ? 'upgrade' : 'downgrade'} of revision '${cause.revision}' failed${statement}: ${reason.replace(/\s+/g, ' ')}`
  }
  return (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ')
}
