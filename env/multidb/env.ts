import { defineEnv } from '@retort/core'

/**
 * Runs the migrations on each database of the `databases:` section of retort.yaml, in
 * file order, or only on the one selected with `-n NAME`. Each database keeps its own
 * version table (the entry's `versionTable`, else the top-level one).
 */
export default defineEnv(async (ctx) => {
  const selected = ctx.config.name
  const names = selected === undefined ? ctx.config.databaseNames : [selected]
  if (names.length === 0) {
    throw new Error(`no 'databases:' in ${ctx.config.path ?? 'the config'}; list the databases to migrate`)
  }
  for (const name of names) {
    const database = ctx.config.forDatabase(name)
    const url = database.url
    if (url === undefined) throw new Error(`database '${name}' has no 'url' in ${ctx.config.path ?? 'the config'}`)
    ctx.logger.info(`database ${name}`)
    const setting = database.describeKey('url')
    await ctx.runMigrations({
      name,
      dialect: await ctx.dialectForUrl(url, { setting }),
    })
  }
})
