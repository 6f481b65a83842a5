import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, RetortError } from '../errors.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { upgrade } from '../commands/upgrade.js'
import { databaseFilesOf, type DatabaseFiles } from '../database-files.js'
import { dialectForUrl, projectDirectory } from '../env/dialect-for-url.js'
import { TemplateStore, templateKey } from './database-template.js'

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions extends CommandOptions {
  /**
   * Templates already built (kept by a `Migrator` across calls). Default: a new store with
   * the disk cache of `templateCache`.
   */
  readonly templates?: TemplateStore | undefined
  /** A directory where templates are kept between processes (default: memory only). */
  readonly templateCache?: string | undefined
}

/** What {@link createDatabase} returns. */
export interface CreateDatabaseResult {
  /** The new database file (absolute). */
  readonly path: string
  /** Its version rows: the heads of the graph. */
  readonly heads: readonly string[]
  /** Where the bytes came from: built now, or a template kept in memory or on disk. */
  readonly template: 'built' | 'memory' | 'disk'
  readonly bytes: number
}

/**
 * Creates a new SQLite database file already at the heads, without replaying the history
 * for each file: the first call builds a template (an in-memory database upgraded to the
 * heads, serialized), and every later call with the same revisions writes those bytes, so
 * the cost does not grow with the length of the history. Templates are keyed by the heads
 * and the checksums of the revision files ({@link templateKey}). Refuses to overwrite an
 * existing file. The SQLite dialect is the caller's `dialect` (any SQLite dialect: it is
 * used for its kind, never opened), else the one `resolveDialect` gives for the path.
 *
 * @example
 * ```ts
 * await createDatabase(config, '/data/users/42.db', { dialect: sqliteDialect({ filename: ':memory:' }) })
 * ```
 */
export async function createDatabase(
  config: Config,
  path: string,
  options: CreateDatabaseOptions = {},
): Promise<CreateDatabaseResult> {
  if (typeof path !== 'string' || path.trim() === '' || path === ':memory:') {
    throw new ConfigError(
      `createDatabase needs the path of the new database file, not ${JSON.stringify(path)}`,
    )
  }
  const target = resolve(config.directory ?? process.cwd(), path)
  checkTarget(target)
  const files = await filesFor(config, target, options)
  const loaded = await loadRevisions(config, options)
  const store = options.templates ?? new TemplateStore(options.templateCache)
  const { key, durable } = templateKey(loaded, 'sqlite', config.versionTable)
  let template: CreateDatabaseResult['template'] = 'built'
  let bytes: Uint8Array
  const found = store.get(key, durable)
  if (found !== undefined) {
    bytes = found.bytes
    template = found.source
  } else {
    const memory = files.memory()
    try {
      await upgrade(config, 'heads', { ...options, dialect: memory.dialect, revisions: loaded })
      bytes = store.put(key, durable, memory.serialize())
    } finally {
      memory.dispose()
    }
  }
  writeNewFile(target, bytes)
  return Object.freeze({
    path: target,
    heads: Object.freeze([...loaded.map.heads]),
    template,
    bytes: bytes.byteLength,
  })
}

function checkTarget(target: string): void {
  if (existsSync(target)) {
    throw new RetortError(
      'database-exists',
      `'${target}' already exists; createDatabase never overwrites a file: remove it or choose another path`,
    )
  }
  let parent: ReturnType<typeof statSync> | undefined
  try {
    parent = statSync(dirname(target))
  } catch {
    parent = undefined
  }
  if (parent === undefined || !parent.isDirectory()) {
    throw new ConfigError(
      `the directory of '${target}' does not exist; create '${dirname(target)}' first`,
    )
  }
}

async function filesFor(
  config: Config,
  target: string,
  options: CreateDatabaseOptions,
): Promise<DatabaseFiles> {
  let dialect: Dialect | undefined = options.dialect
  // Only its kind matters: the in-memory database is the one that is built. The SQLite
  // package comes by the one rule every URL follows (the project's, then the program's).
  if (dialect === undefined && options.resolveDialect !== undefined) {
    dialect = await options.resolveDialect('sqlite::memory:')
  } else if (dialect === undefined) {
    dialect = await dialectForUrl('sqlite::memory:', {
      baseDir: config.directory,
      projectDir: projectDirectory(config),
      packages: options.dialectPackages,
    })
  }
  const files = dialect === undefined ? undefined : databaseFilesOf(dialect)
  if (files === undefined) {
    throw new ConfigError(
      `createDatabase makes SQLite files; the dialect '${dialect?.name ?? 'given'}' has no database files: pass dialect: sqliteDialect({ filename: ':memory:' }) (any SQLite dialect; it is not opened)`,
    )
  }
  return files
}

/**
 * Writes the bytes to a temporary file in the same directory, then links it to `target`:
 * the new file appears whole or not at all, and a file created meanwhile by someone else
 * is never replaced (the link fails).
 */
function writeNewFile(target: string, bytes: Uint8Array): void {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' })
    try {
      linkSync(temporary, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new RetortError(
          'database-exists',
          `'${target}' already exists; createDatabase never overwrites a file: remove it or choose another path`,
        )
      }
      throw error
    }
  } finally {
    rmSync(temporary, { force: true })
  }
}
