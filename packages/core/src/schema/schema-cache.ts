import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'

/**
 * Bumped whenever what a cache entry holds (or how a snapshot is read) changes shape, so
 * that no entry written by an older Retort is ever reused.
 */
export const SCHEMA_CACHE_FORMAT = 'retort-schema-3'

/**
 * Where snapshots are kept: a directory, or `false` for no cache. Default (`undefined`):
 * {@link defaultSchemaCacheDirectory} of `near`.
 *
 * @example
 * ```ts
 * const options: SchemaCacheOptions = { directory: '/srv/app/.cache/retort-schemas' }
 * ```
 */
export interface SchemaCacheOptions {
  readonly directory?: string | false | undefined
  /** Where the default directory is looked for (the config's directory). */
  readonly near?: string | undefined
}

/**
 * The default cache directory: `node_modules/.cache/retort/schemas` in the nearest directory
 * at or above `near` that has a `node_modules` directory (where build tools keep their
 * caches, ignored by git and removed with the dependencies), else `retort-<user>/schemas`
 * in the system's temporary directory.
 *
 * @example
 * ```ts
 * defaultSchemaCacheDirectory('/srv/app') // '/srv/app/node_modules/.cache/retort/schemas'
 * ```
 */
export function defaultSchemaCacheDirectory(near: string | undefined): string {
  for (let dir = near; dir !== undefined;) {
    if (isDirectory(join(dir, 'node_modules')))
      return join(dir, 'node_modules', '.cache', 'retort', 'schemas')
    const parent = dirname(dir)
    dir = parent === dir ? undefined : parent
  }
  return join(tmpdir(), `retort-${userName()}`, 'schemas')
}

/**
 * The cache key of a list of parts (each a string: a format, a dialect, checksums ...): the
 * hex SHA-256 of the parts joined so that no two lists give the same text.
 *
 * @example
 * ```ts
 * schemaCacheKey(['sqlite', 'sha256:...']).length // 64
 * ```
 */
export function schemaCacheKey(parts: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([SCHEMA_CACHE_FORMAT, ...parts]), 'utf8')
    .digest('hex')
}

/**
 * Introspected schemas kept on disk by key, so that replaying the same revisions (or
 * materialising the same declared schema) a second time reads a file instead of a database.
 * Never fails a command: a directory that is absent, not creatable or read-only, an entry
 * that cannot be read or parsed, or a write that fails all mean "not cached". An entry is
 * written to a temporary file and renamed into place, so a reader never sees half of it; a
 * directory that belongs to another user is neither read nor written.
 *
 * @example
 * ```ts
 * const cache = SchemaCache.open({ near: config.directory })
 * const snapshot = cache.read(key) ?? (await compute())
 * cache.write(key, snapshot)
 * ```
 */
export class SchemaCache {
  /** The directory, or `undefined` when caching is off. */
  readonly directory: string | undefined

  constructor(directory: string | undefined) {
    this.directory = directory
  }

  /**
   * The cache chosen by `options` (see {@link SchemaCacheOptions}).
   *
   * @example
   * ```ts
   * SchemaCache.open({ directory: false }).directory // undefined
   * ```
   */
  static open(options: SchemaCacheOptions = {}): SchemaCache {
    if (options.directory === false) return new SchemaCache(undefined)
    return new SchemaCache(options.directory ?? defaultSchemaCacheDirectory(options.near))
  }

  /**
   * The snapshot stored under `key`, or `undefined`.
   *
   * @example
   * ```ts
   * const hit = cache.read(key)
   * ```
   */
  read(key: string): SchemaSnapshot | undefined {
    if (this.directory === undefined || !ownDirectory(this.directory)) return undefined
    try {
      const entry = JSON.parse(readFileSync(this.#path(key), 'utf8')) as Record<string, unknown>
      const snapshot = entry['snapshot'] as { tables?: unknown } | undefined
      if (
        entry['format'] !== SCHEMA_CACHE_FORMAT ||
        entry['key'] !== key ||
        typeof snapshot !== 'object' ||
        snapshot === null ||
        !Array.isArray(snapshot.tables)
      ) {
        return undefined
      }
      return deepFreeze(snapshot) as SchemaSnapshot
    } catch {
      return undefined
    }
  }

  /**
   * Stores `snapshot` under `key`; returns whether it was stored.
   *
   * @example
   * ```ts
   * cache.write(key, snapshot)
   * ```
   */
  write(key: string, snapshot: SchemaSnapshot): boolean {
    if (this.directory === undefined) return false
    const path = this.#path(key)
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      mkdirSync(this.directory, { recursive: true, mode: 0o700 })
      if (!ownDirectory(this.directory)) return false
      writeFileSync(
        temporary,
        `${JSON.stringify({ format: SCHEMA_CACHE_FORMAT, key, snapshot })}\n`,
        { flag: 'wx', mode: 0o600 },
      )
      renameSync(temporary, path)
      return true
    } catch {
      try {
        rmSync(temporary, { force: true })
      } catch {
        // Nothing was written where nothing can be.
      }
      return false
    }
  }

  #path(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new TypeError(`not a schema cache key: '${key}'`)
    return join(this.directory!, `${key}.json`)
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Whether the directory belongs to this user: an entry another user could have written (in
 * the shared temporary directory) is never read.
 */
function ownDirectory(path: string): boolean {
  if (typeof process.getuid !== 'function') return true
  try {
    return statSync(path).uid === process.getuid()
  } catch {
    return false
  }
}

/** A name for this user's own directory under the shared temporary directory. */
function userName(): string {
  try {
    return userInfo().username.replace(/[^A-Za-z0-9_.-]/g, '_') || 'user'
  } catch {
    return typeof process.getuid === 'function' ? String(process.getuid()) : 'user'
  }
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}
