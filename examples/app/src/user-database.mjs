// Start-up: bring the user's database to the newest schema, then open it.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { Migrator } from '@retort/core'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../migrations/env.mjs'

/** The migrations ship next to the code; found from this file, never from the working directory. */
export const MIGRATIONS = new URL('../migrations', import.meta.url)

/**
 * Upgrades the database in `dataDir` (creating it on first start) and returns an open
 * better-sqlite3 handle. No dialect is passed: the env module of the migrations picks the
 * file from the `dataDir` xArg.
 *
 * @param {{ dataDir: string, logger: import('@retort/core').Logger }} options
 */
export async function openUserDatabase({ dataDir, logger }) {
  mkdirSync(dataDir, { recursive: true })
  const migrator = new Migrator({
    scriptLocation: MIGRATIONS,
    xArgs: { dataDir },
    logger,
    onEvent: (event) => {
      if (event.type === 'step-done')
        logger.debug(`migration ${event.index + 1}/${event.total} done: ${event.revision}`)
    },
  })
  const result = await migrator.upgrade('heads')
  logger.info(
    result.applied.length === 0
      ? `database is up to date (${result.heads.join(', ')})`
      : `database upgraded to ${result.heads.join(', ')} (${result.applied.length} migration${result.applied.length === 1 ? '' : 's'})`,
  )
  return new Database(path.join(dataDir, DATABASE_FILE))
}
