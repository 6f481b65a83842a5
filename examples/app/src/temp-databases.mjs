// A job that needs many short-lived databases with the current schema (test fixtures,
// import staging ...). Running every migration for each would be slow and would also run
// the data migrations; instead each database gets the schema snapshot and is stamped at the
// heads, so that a later upgrade starts from the right place.
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Migrator } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './user-database.mjs'

/** The schema at the newest revision (checked against the migrations by the app's test). */
export const SCHEMA_FILE = new URL('./schema.sql', import.meta.url)

/**
 * Creates `count` databases in `outDir`, each with the head schema and stamped at the heads,
 * without running any migration. The app hands Retort its own open handle; Retort never
 * closes it. Returns the file names.
 *
 * @param {{ outDir: string, count: number, logger: import('@retort/core').Logger }} options
 */
export async function makeTempDatabases({ outDir, count, logger }) {
  await mkdir(outDir, { recursive: true })
  const schema = readFileSync(SCHEMA_FILE, 'utf8')
  const files = []
  for (let index = 0; index < count; index++) {
    const filename = path.join(outDir, `scratch-${index + 1}.db`)
    const db = new Database(filename)
    try {
      db.exec(schema)
      const migrator = new Migrator({
        scriptLocation: MIGRATIONS,
        dialect: sqliteDialect({ database: db }),
        logger,
      })
      await migrator.ensureVersion()
      const { heads } = await migrator.stamp('heads')
      // The handle is still ours, and still open.
      db.prepare('INSERT INTO note (body) VALUES (?)').run(`scratch database ${index + 1}`)
      logger.info(`created ${filename} at ${heads.join(', ')}`)
    } finally {
      db.close()
    }
    files.push(filename)
  }
  return files
}
