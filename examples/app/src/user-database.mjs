// Start-up: look at where the user's database stands, then create it, back it up and
// upgrade it, or open it read-only when a newer version of the app wrote it.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { Migrator } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../migrations/env.mjs'

/** The migrations ship next to the code; found from this file, never from the working directory. */
export const MIGRATIONS = new URL('../migrations', import.meta.url)

/**
 * A Migrator that creates new user databases at the head from a template (built once per
 * set of revisions, kept in `templateDir` between runs). Only its dialect's kind matters.
 *
 * @param {{ logger: import('@retort/core').Logger, templateDir?: string }} options
 */
export function databaseCreator({ logger, templateDir }) {
  return new Migrator({
    scriptLocation: MIGRATIONS,
    dialect: sqliteDialect({ filename: ':memory:' }),
    logger,
    ...(templateDir ? { templateCache: templateDir } : {}),
  })
}

/**
 * Opens the database in `dataDir`:
 * - no file yet: created already at the head (`createDatabase`), no history replayed;
 * - behind: backed up into `<dataDir>/backups` (the last 3 kept), then upgraded;
 * - ahead (written by a newer version of the app): opened read-only, untouched;
 * - anything else unexpected: an error that says what to do.
 * No dialect is passed for the user's file: the env module of the migrations picks it from
 * the `dataDir` xArg. Returns the handle and whether it is read-only.
 *
 * @param {{ dataDir: string, logger: import('@retort/core').Logger }} options
 * @returns {Promise<{ db: import('better-sqlite3').Database, readOnly: boolean }>}
 */
export async function openUserDatabase({ dataDir, logger }) {
  mkdirSync(dataDir, { recursive: true })
  const filename = path.join(dataDir, DATABASE_FILE)
  if (!existsSync(filename)) {
    const created = await databaseCreator({ logger }).createDatabase(filename)
    logger.info(`database created at ${created.heads.join(', ')} (template: ${created.template})`)
    return { db: new Database(filename), readOnly: false }
  }
  const migrator = new Migrator({
    scriptLocation: MIGRATIONS,
    xArgs: { dataDir },
    logger,
    backup: { dir: path.join(dataDir, 'backups'), keep: 3 },
    onEvent: (event) => {
      if (event.type === 'step-done')
        logger.debug(`migration ${event.index + 1}/${event.total} done: ${event.revision}`)
      if (event.type === 'backup-done') logger.info(`backed up to ${event.backup}`)
      if (event.type === 'restored') logger.warn(`restored from ${event.backup}`)
    },
  })
  const status = await migrator.status()
  switch (status.state) {
    case 'ahead':
      logger.warn(
        `your notes were saved by a newer version of this app (${status.unknown.join(', ')}); opened read-only: update the app to edit them`,
      )
      return { db: new Database(filename, { readonly: true, fileMustExist: true }), readOnly: true }
    case 'current':
      logger.info(`database is up to date (${status.rows.join(', ')})`)
      return { db: new Database(filename), readOnly: false }
    case 'empty':
    case 'behind': {
      const result = await migrator.upgrade('heads')
      logger.info(
        `database upgraded to ${result.heads.join(', ')} (${result.applied.length} migration${result.applied.length === 1 ? '' : 's'})`,
      )
      return { db: new Database(filename), readOnly: false }
    }
    case 'diverged':
    case 'incomplete':
      throw new Error(
        `your notes database is in an unexpected state (${status.state}: ${status.rows.join(', ') || 'no version'}); restore a backup from ${path.join(dataDir, 'backups')} or contact support`,
      )
  }
  throw new Error(`unknown database state '${status.state}'`)
}
