// One of the child processes of the dialects' runtime tests (started with migrate-children.ts).
// Imports core and the dialect from a bundle of their sources (bundle-sources.ts): no build
// needed.
//
//   node migrate-child.mjs <bundle> <dialect> <url> [mode] [revisions]
//
// <dialect> is `postgres` or `mysql`; [mode] the transactionMode (default: the configured one);
// [revisions] the path of a module whose `revisions` export is upgraded (default
// migrate-revisions.mjs next to this file).
//
// Prints {"ready":true} once loaded and waits for a line on stdin, then upgrades and prints
// {"applied":[...],"heads":[...]} or {"error":NAME,"message":...}.
import { pathToFileURL } from 'node:url'

const [bundle, dialectName, url, mode, revisionsModule] = process.argv.slice(2)
const retort = await import(pathToFileURL(bundle).href)
const DIALECTS = {
  postgres: () => retort.postgresDialect({ connectionString: url }),
  mysql: () => retort.mysqlDialect({ uri: url }),
}
const makeDialect = DIALECTS[dialectName]
if (makeDialect === undefined) {
  throw new Error(
    `migrate-child.mjs: unknown dialect '${dialectName}'; give one of ${Object.keys(DIALECTS).join(', ')}`,
  )
}
const { revisions } = await import(
  revisionsModule === undefined ? './migrate-revisions.mjs' : pathToFileURL(revisionsModule).href
)

const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`)
// Start together: say ready once loaded, then wait for a line on stdin.
say({ ready: true })
await new Promise((resolve) => process.stdin.once('data', resolve))
process.stdin.pause()
try {
  const migrator = new retort.Migrator({
    migrations: revisions,
    dialect: makeDialect(),
    ...(mode === undefined ? {} : { transactionMode: mode }),
    // The concurrency test holds the lock until every run waits for it: however long that
    // takes on a busy machine, the wait is expected.
    config: { lockTimeout: 600_000 },
  })
  const result = await migrator.upgrade('head')
  say({ applied: result.applied.map((a) => a.revision), heads: result.heads })
} catch (error) {
  say({ error: error.name, message: error.message })
}
