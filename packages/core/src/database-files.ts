import type { Dialect } from './dialect.js'

/**
 * A private in-memory database made by {@link DatabaseFiles.memory}: `dialect` connects to
 * it (every connection shares it), `serialize()` gives its bytes as a database file holds
 * them, `dispose()` frees it.
 *
 * @example
 * ```ts
 * const memory = files.memory()
 * await upgrade(config, 'heads', { dialect: memory.dialect })
 * writeFileSync('/tmp/at-head.db', memory.serialize())
 * memory.dispose()
 * ```
 */
export interface MemoryDatabase {
  readonly dialect: Dialect
  serialize(): Uint8Array
  dispose(): void
}

/**
 * What a dialect whose databases are single files (SQLite) offers besides the
 * {@link Dialect} interface: creating databases from bytes, online backups and restores.
 * Core finds it with {@link databaseFilesOf}; dialects of database servers have none.
 *
 * @example
 * ```ts
 * const files = databaseFilesOf(dialect)
 * if (files?.filename !== undefined) await files.backup('/backups/app.db.1')
 * ```
 */
export interface DatabaseFiles {
  /** The file this dialect's database lives in; `undefined` for an in-memory database. */
  readonly filename: string | undefined
  /** A new, empty, private in-memory database of this kind. */
  memory(): MemoryDatabase
  /**
   * An online backup of this dialect's database into the file `destination` (a consistent
   * copy even while other connections write; the file is replaced if it exists).
   */
  backup(destination: string): Promise<void>
  /** Copies the database file `source` (a backup) over this dialect's database, page by page. */
  restore(source: string): Promise<void>
}

/**
 * The {@link DatabaseFiles} of a dialect, when it has them (`dialect.files`).
 *
 * @example
 * ```ts
 * databaseFilesOf(sqliteDialect({ filename: 'app.db' }))?.filename // 'app.db'
 * databaseFilesOf(postgresDialect({ connectionString })) // undefined
 * ```
 */
export function databaseFilesOf(dialect: Dialect): DatabaseFiles | undefined {
  const files = (dialect as { files?: unknown }).files
  if (typeof files !== 'object' || files === null) return undefined
  const candidate = files as Partial<DatabaseFiles>
  return typeof candidate.memory === 'function' &&
    typeof candidate.backup === 'function' &&
    typeof candidate.restore === 'function'
    ? (files as DatabaseFiles)
    : undefined
}
