import type { Dialect, ScratchDatabase } from '../dialect.js'
import { dialectForUrl, type DialectPackages } from '../env/dialect-for-url.js'
import { ConfigError } from '../errors.js'

/**
 * Options of {@link openScratchDatabase}, used when `from` is a URL.
 *
 * @example
 * ```ts
 * const options: OpenScratchOptions = { baseDir: config.directory }
 * ```
 */
export interface OpenScratchOptions {
  /** Base of a relative SQLite path, and where the dialect package is looked up first. */
  readonly baseDir?: string | undefined
  /** Where the project's dialect package is looked up, when not `baseDir` (see `projectDirectory`). */
  readonly projectDir?: string | undefined
  /** Makes the dialect of a URL instead of `dialectForUrl`. */
  readonly resolveDialect?: ((url: string) => Dialect | Promise<Dialect>) | undefined
  /** The running program's own dialect packages (see `importDialectPackage`). */
  readonly dialectPackages?: DialectPackages | undefined
}

/**
 * Opens an empty, throw-away database of the same kind as `from` (a {@link Dialect}, or a
 * database URL: the real database's, or a test server's): SQLite gets a private in-memory
 * database, PostgreSQL a new schema `retort_autogen_<random>` in the same database, MySQL
 * and MariaDB a new database `<name>_retort_autogen_<random>` on the same server (the user
 * must be allowed to create one). Nothing of `from`'s own database is read or changed.
 *
 * The caller must call `dispose()` (it drops the scratch database; calling it again does
 * nothing); {@link withScratchDatabase} does that for you. Throws {@link ConfigError} when
 * the dialect cannot make scratch databases (it has no `createScratch()`).
 *
 * @example
 * ```ts
 * const scratch = await openScratchDatabase('postgresql://app@db.internal/app')
 * try {
 *   await replayRevisions(scratch, loaded, { target: 'heads' })
 *   const snapshot = await readScratchSchema(scratch)
 * } finally {
 *   await scratch.dispose()
 * }
 * ```
 */
export async function openScratchDatabase(
  from: Dialect | string,
  options: OpenScratchOptions = {},
): Promise<ScratchDatabase> {
  const dialect = await scratchDialect(from, options)
  if (typeof dialect.createScratch !== 'function') {
    throw new ConfigError(
      `the ${dialect.name} dialect cannot make a scratch database (it has no createScratch()); use a dialect package that can, or compare against a database you upgrade yourself`,
    )
  }
  const scratch = await dialect.createScratch()
  let disposed: Promise<void> | undefined
  return Object.freeze({
    dialect: scratch.dialect,
    ...(scratch.schema === undefined ? {} : { schema: scratch.schema }),
    dispose: () => (disposed ??= scratch.dispose()),
  })
}

/**
 * The dialect of `from`: itself, or the dialect of a URL (made without connecting).
 *
 * @example
 * ```ts
 * const dialect = await scratchDialect('sqlite:///app.db', { baseDir: config.directory })
 * dialect.name // 'sqlite'
 * ```
 */
export async function scratchDialect(
  from: Dialect | string,
  options: OpenScratchOptions = {},
): Promise<Dialect> {
  if (typeof from !== 'string') return from
  return (
    options.resolveDialect?.(from) ??
    dialectForUrl(from, {
      baseDir: options.baseDir,
      projectDir: options.projectDir,
      packages: options.dialectPackages,
      setting: 'the scratch database URL',
    })
  )
}

/**
 * Runs `work` with a scratch database of `from` (see {@link openScratchDatabase}) and drops
 * it afterwards, whether `work` succeeds or throws.
 *
 * @example
 * ```ts
 * const snapshot = await withScratchDatabase(dialect, async (scratch) => {
 *   await replayRevisions(scratch, loaded)
 *   return readScratchSchema(scratch)
 * })
 * ```
 */
export async function withScratchDatabase<T>(
  from: Dialect | string,
  work: (scratch: ScratchDatabase) => Promise<T>,
  options: OpenScratchOptions = {},
): Promise<T> {
  const scratch = await openScratchDatabase(from, options)
  try {
    return await work(scratch)
  } finally {
    await scratch.dispose()
  }
}
