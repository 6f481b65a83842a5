import { defineEnv } from '@retort/core'

/**
 * Runs the migrations on the database named by `url` in retort.yaml, or by
 * `-x url=...` on the command line. Relative SQLite paths are relative to retort.yaml.
 * With `--sql` (`ctx.offline`) the dialect only compiles SQL and never connects.
 */
export default defineEnv(async (ctx) => {
  const url = ctx.xArgs['url'] ?? ctx.config.url
  if (url === undefined) {
    throw new Error(`no 'url' in ${ctx.config.path ?? 'the config'}; set it, or pass -x url=sqlite:///app.db`)
  }
  // The dialect package of the URL's scheme: the project's, else the CLI's own. Errors
  // name where the URL came from (and never show its password).
  const dialect = await ctx.dialectForUrl(url, {
    setting: ctx.xArgs['url'] === undefined ? ctx.config.describeKey('url') : '-x url',
  })
  ctx.logger.debug(`env: ${dialect.description}`)
  await ctx.runMigrations({ dialect })
})
