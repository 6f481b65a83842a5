import { ConfigError } from '@retort/core/errors'
import type Database from 'better-sqlite3'
import { createRequire } from 'node:module'

/** better-sqlite3's `Database` constructor. */
export type DatabaseConstructor = typeof Database

let constructor: DatabaseConstructor | undefined
let loading: Promise<DatabaseConstructor> | undefined

/**
 * Loads better-sqlite3 (once) with a dynamic `import()`, which bundlers follow. Every
 * asynchronous way into a database (a connection, the migration lock, a scratch database,
 * a backup) awaits it first, so a run that needs no database (`--sql`, `heads`) never loads
 * the native module. A missing package is a {@link ConfigError} naming the install command,
 * raised before anything runs.
 *
 * @example
 * ```ts
 * const Database = await loadSqliteModule()
 * const db = new Database(':memory:')
 * ```
 */
export function loadSqliteModule(): Promise<DatabaseConstructor> {
  if (constructor !== undefined) return Promise.resolve(constructor)
  loading ??= import('better-sqlite3').then(
    (module) => (constructor = constructorOf(module)),
    (error: unknown) => {
      loading = undefined
      throw notLoaded(error)
    },
  )
  return loading
}

/**
 * better-sqlite3's `Database`, for the synchronous parts of this dialect (opening a file
 * inside `connect`, an in-memory database for `files.memory()`): the module
 * {@link loadSqliteModule} loaded, else loaded here with `require` (an application that
 * calls such a function before any connection).
 *
 * @example
 * ```ts
 * const db = new (sqliteModule())(':memory:')
 * ```
 */
export function sqliteModule(): DatabaseConstructor {
  if (constructor !== undefined) return constructor
  let module: unknown
  try {
    module = createRequire(import.meta.url)('better-sqlite3')
  } catch (error) {
    throw notLoaded(error)
  }
  constructor = constructorOf(module)
  return constructor
}

function constructorOf(module: unknown): DatabaseConstructor {
  const value = (module as { default?: unknown }).default ?? module
  return value as DatabaseConstructor
}

/**
 * The {@link ConfigError} for better-sqlite3 failing to load: the install command when it is
 * not installed, else the reason. Exported for tests.
 *
 * @example
 * ```ts
 * notLoaded(error).message // 'the SQLite dialect needs better-sqlite3; install it (npm install better-sqlite3)'
 * ```
 */
export function notLoaded(error: unknown): ConfigError {
  const reason = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const missing =
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    reason.includes('better-sqlite3')
  return new ConfigError(
    missing
      ? 'the SQLite dialect needs better-sqlite3; install it (npm install better-sqlite3)'
      : `better-sqlite3 (for the SQLite dialect) failed to load: ${reason.replace(/\s+/g, ' ').trim()}; reinstall it (npm rebuild better-sqlite3)`,
    { cause: error },
  )
}
