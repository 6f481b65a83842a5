import { RetortError } from '@retort/core/errors'

/**
 * The error to throw for `error`, raised while using the database file `filename`: SQLite's
 * "file is not a database" becomes a {@link RetortError} naming the file and what to do (a
 * path that points at some other file is a mistake in the configuration); any other error
 * is returned as it is.
 *
 * @example
 * ```ts
 * try { db.prepare(sql) } catch (error) { throw explainSqliteFileError(error, db.name) }
 * ```
 */
export function explainSqliteFileError(error: unknown, filename: string): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'SQLITE_NOTADB') return error
  return new RetortError(
    'sqlite-not-a-database',
    `'${filename}' is not a SQLite database (${(error as Error).message}); check the path, or move that file away so that a new database can be created there`,
    { cause: error },
  )
}
