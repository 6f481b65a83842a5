import { RetortError } from '@retort/core/errors'
import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { SqliteHandle } from './sqlite-driver.js'

/**
 * How {@link openSqliteFile} opens a database file.
 *
 * @example
 * ```ts
 * const options: SqliteFileOptions = { timeoutMs: 5000, followsLockTimeout: true }
 * ```
 */
export interface SqliteFileOptions {
  /** Busy timeout of the handle, in ms. */
  readonly timeoutMs: number
  /** The busy timeout becomes the migration lock's timeout once the lock is taken. */
  readonly followsLockTimeout: boolean
}

/**
 * Opens a database file for one connection. A path that does not exist is not created
 * here: the handle starts as an empty in-memory stand-in, which reads see as an empty
 * database, and the first write creates the file (`pending`). So `retort current` on a new
 * path reports base and leaves nothing behind. A path that is a directory, or a file whose
 * directory is missing when it must be created, is a {@link RetortError} naming the path.
 *
 * @example
 * ```ts
 * const handle = openSqliteFile('/data/app.db', { timeoutMs: 5000, followsLockTimeout: true })
 * ```
 */
export function openSqliteFile(filename: string, options: SqliteFileOptions): SqliteHandle {
  let exists = true
  try {
    if (statSync(filename).isDirectory()) {
      throw new RetortError(
        'sqlite-path',
        `the SQLite database path '${filename}' is a directory; give the path of a database file, e.g. '${join(filename, 'app.db')}'`,
      )
    }
  } catch (error) {
    if (error instanceof RetortError) throw error
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    exists = false
  }
  if (exists) return { database: open(filename, options), owned: true, ...follows(options) }
  return {
    database: new Database(':memory:'),
    owned: true,
    ...follows(options),
    pending: {
      exists: () => existsSync(filename),
      create: () => {
        const directory = dirname(filename)
        let isDirectory = false
        try {
          isDirectory = statSync(directory).isDirectory()
        } catch {
          isDirectory = false
        }
        if (!isDirectory) {
          throw new RetortError(
            'sqlite-path',
            `cannot create the SQLite database '${filename}': the directory '${directory}' does not exist; create it, or correct the path`,
          )
        }
        return open(filename, options)
      },
    },
  }
}

function follows(options: SqliteFileOptions): { followsLockTimeout?: true } {
  return options.followsLockTimeout ? { followsLockTimeout: true } : {}
}

function open(filename: string, options: SqliteFileOptions): Database.Database {
  try {
    return new Database(filename, { timeout: options.timeoutMs })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new RetortError(
      'sqlite-path',
      `cannot open the SQLite database '${filename}' (${reason}); check the path and that this process may read and write it`,
      { cause: error },
    )
  }
}
