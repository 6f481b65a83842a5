// The env module of the app's migrations: it decides which database a run migrates. The
// app passes the user's data directory as an xArg (`xArgs: { dataDir }`), just as a
// developer would with `retort -x dataDir=... upgrade heads`.
import path from 'node:path'
import { defineEnv } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'

/** The name of the user's database file inside the data directory. */
export const DATABASE_FILE = 'notes.db'

export default defineEnv(async (ctx) => {
  const dataDir = ctx.xArgs['dataDir']
  if (!dataDir || !path.isAbsolute(dataDir)) {
    throw new Error(
      `the notes app env needs an absolute data directory: pass xArgs: { dataDir } (or -x dataDir=/abs/path); got '${dataDir ?? ''}'`,
    )
  }
  const filename = path.join(dataDir, ctx.xArgs['fileName'] ?? DATABASE_FILE)
  ctx.logger.debug(`env: migrating ${filename}`)
  await ctx.runMigrations({ dialect: sqliteDialect({ filename }) })
})
