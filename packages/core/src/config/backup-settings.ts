import { ConfigError } from '../errors.js'
import { nearestName } from '../operations/nearest-name.js'

/** Default number of backups kept per database file. */
export const DEFAULT_BACKUP_KEEP = 3

/**
 * Backups before a run that applies something to a SQLite file: where (`dir`, default next
 * to the database) and how many to keep (the oldest beyond `keep` are deleted).
 *
 * @example
 * ```ts
 * const settings: BackupSettings = { dir: '/var/backups/app', keep: 5 }
 * ```
 */
export interface BackupSettings {
  readonly dir?: string | undefined
  readonly keep: number
}

/** What `backup:` takes in the config and the Migrator's options. */
export type BackupOption =
  boolean | { readonly dir?: string | URL | undefined; readonly keep?: number | undefined }

const BACKUP_KEYS = ['dir', 'keep'] as const

/**
 * Checks a `backup` value (`true`, `false`, or `{ dir, keep }`) and returns it normalised:
 * `false`, or the settings with `keep` filled in. `dir` stays as written (the config
 * resolves it against its file).
 *
 * @example
 * ```ts
 * normalizeBackupOption(true, "config key 'backup'") // { keep: 3 }
 * normalizeBackupOption({ kep: 2 }, "config key 'backup'") // throws: did you mean 'keep'?
 * ```
 */
export function normalizeBackupOption(
  value: unknown,
  what: string,
): false | { readonly dir?: string | URL; readonly keep: number } {
  const flag = value === 'true' ? true : value === 'false' ? false : value
  if (flag === false) return false
  if (flag === true) return Object.freeze({ keep: DEFAULT_BACKUP_KEEP })
  if (typeof flag !== 'object' || flag === null || Array.isArray(flag)) {
    throw new ConfigError(
      `${what} must be true, false or { dir, keep }, not ${JSON.stringify(value) ?? String(value)}`,
    )
  }
  const entries = flag as Record<string, unknown>
  for (const key of Object.keys(entries)) {
    if ((BACKUP_KEYS as readonly string[]).includes(key)) continue
    const near = nearestName(key, BACKUP_KEYS)
    throw new ConfigError(
      `${what} has the key '${key}', which is not a backup setting; ${near === undefined ? 'the keys are dir and keep' : `did you mean '${near}'?`}`,
    )
  }
  const { dir, keep: rawKeep } = entries
  const keep =
    rawKeep === undefined
      ? DEFAULT_BACKUP_KEEP
      : typeof rawKeep === 'string' && /^\d+$/.test(rawKeep.trim())
        ? Number(rawKeep)
        : rawKeep
  if (typeof keep !== 'number' || !Number.isSafeInteger(keep) || keep < 1) {
    throw new ConfigError(
      `${what}.keep must be a whole number of backups to keep (1 or more), not ${JSON.stringify(rawKeep)}`,
    )
  }
  if (
    dir !== undefined &&
    !(dir instanceof URL) &&
    (typeof dir !== 'string' || dir.trim() === '')
  ) {
    throw new ConfigError(`${what}.dir must be a directory path, not ${JSON.stringify(dir)}`)
  }
  return Object.freeze({ ...(dir === undefined ? {} : { dir: dir as string | URL }), keep })
}
