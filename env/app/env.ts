import { defineEnv } from '@retort/core'

/**
 * The CLI's env for developers: the development database of `url` in retort.yaml (or
 * `-x url=...`). The application does not use this file: migrate.ts passes its own
 * connection, and then no env module runs.
 */
export default defineEnv(async (ctx) => {
  const url = ctx.xArgs['url'] ?? ctx.config.url
  if (url === undefined) {
    throw new Error(`no 'url' in ${ctx.config.path ?? 'the config'}; set it, or pass -x url=sqlite:///dev.db`)
  }
  const setting = ctx.xArgs['url'] === undefined ? ctx.config.describeKey('url') : '-x url'
  await ctx.runMigrations({
    dialect: await ctx.dialectForUrl(url, { setting }),
  })
})
