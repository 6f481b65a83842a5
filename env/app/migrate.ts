import { Migrator, type Logger, type MigrateResult } from '@retort/core/migrator'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { migrations } from './migrations.generated.js'

/**
 * Brings the SQLite database at `filename` to the newest revision. Safe to call at every
 * start-up: an up-to-date database is left alone. Throws a `RetortError` when the database
 * was migrated by a newer version of the application (`code: 'database-newer'`).
 *
 * @example
 * ```ts
 * const { applied } = await migrateDatabase(join(app.getPath('userData'), 'data.db'))
 * ```
 */
export async function migrateDatabase(filename: string, logger?: Logger): Promise<MigrateResult> {
  const migrator = new Migrator({ migrations, dialect: sqliteDialect({ filename }), logger })
  return migrator.upgrade('heads')
}
