/**
 * `@retort/core/cli`: what a command-line front end needs, and nothing loaded before it is
 * used. The few helpers every command uses (config loading, URL masking, the console
 * logger, printable text) are plain re-exports; each command is a thin async function that
 * imports its implementation on the first call, so that running one command loads only the
 * parts of core that command needs (`retort heads` loads no YAML parser, TypeScript loader,
 * autogenerate or squash code). The same functions are exported by `@retort/core` with
 * their own signatures; here the synchronous ones (`listTemplates`, `findTemplatesDirectory`)
 * return promises too.
 */
export { CONFIG_ENV_VARIABLE, CONFIG_FILE_NAMES, loadConfig } from './config/load-config.js'
export { REVISION_FORMATS, type RevisionFormat } from './config/config-keys.js'
export { maskSecrets, maskUrl, urlSecrets } from './config/mask-url.js'
export { consoleLogger } from './env/logger.js'
export { printableText } from './env/printable-text.js'
export { nearestName } from './operations/nearest-name.js'

export type { Config } from './config/config.js'
export type { CommandOptions } from './session/command-options.js'
export type { Logger, MigrationEvent } from './env/logger.js'
export type { DialectPackages } from './env/dialect-for-url.js'
export type { MigrateOptions } from './session/migrate-result.js'
export type { MigrateResult } from './session/migrate-result.js'
export type { RevisionInfo } from './session/revision-info.js'
export type { RevisionResult } from './authoring/write-revision.js'
export type { AutogenerateResult } from './autogenerate/autogenerate.js'
export type { GraphFormat } from './commands/graph.js'
export type { DatabaseLedger } from './commands/ledger.js'
export type { DatabaseOutcome, ManyProgressEvent } from './app/migrate-many.js'
export type { GenerateMigrationsIndexResult } from './script/generate-migrations-index.js'
export type { IncompleteMigrationDetails, UnreadableProgressDetails } from './errors.js'

/** `F` with its result as a promise, loaded on call. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Lazy<F extends (...args: any[]) => unknown> = (
  ...args: Parameters<F>
) => Promise<Awaited<ReturnType<F>>>

type Commands = typeof import('./commands/upgrade.js') &
  typeof import('./commands/downgrade.js') &
  typeof import('./commands/stamp.js') &
  typeof import('./commands/current.js') &
  typeof import('./commands/heads.js') &
  typeof import('./commands/history.js') &
  typeof import('./commands/ledger.js') &
  typeof import('./commands/branches.js') &
  typeof import('./commands/show.js') &
  typeof import('./commands/check.js') &
  typeof import('./commands/ensure-version.js') &
  typeof import('./commands/graph.js') &
  typeof import('./authoring/rebase.js') &
  typeof import('./authoring/merge.js') &
  typeof import('./authoring/revision.js') &
  typeof import('./autogenerate/autogenerate.js') &
  typeof import('./commands/squash.js') &
  typeof import('./commands/init.js') &
  typeof import('./commands/list-templates.js') &
  typeof import('./app/create-database.js') &
  typeof import('./app/migrate-many.js') &
  typeof import('./env/dialect-for-url.js') &
  typeof import('./script/generate-migrations-index.js')

export const upgrade: Lazy<Commands['upgrade']> = async (...args) =>
  (await import('./commands/upgrade.js')).upgrade(...args)
export const downgrade: Lazy<Commands['downgrade']> = async (...args) =>
  (await import('./commands/downgrade.js')).downgrade(...args)
export const stamp: Lazy<Commands['stamp']> = async (...args) =>
  (await import('./commands/stamp.js')).stamp(...args)
export const current: Lazy<Commands['current']> = async (...args) =>
  (await import('./commands/current.js')).current(...args)
export const heads: Lazy<Commands['heads']> = async (...args) =>
  (await import('./commands/heads.js')).heads(...args)
export const history: Lazy<Commands['history']> = async (...args) =>
  (await import('./commands/history.js')).history(...args)
export const ledger: Lazy<Commands['ledger']> = async (...args) =>
  (await import('./commands/ledger.js')).ledger(...args)
export const branches: Lazy<Commands['branches']> = async (...args) =>
  (await import('./commands/branches.js')).branches(...args)
export const show: Lazy<Commands['show']> = async (...args) =>
  (await import('./commands/show.js')).show(...args)
export const check: Lazy<Commands['check']> = async (...args) =>
  (await import('./commands/check.js')).check(...args)
export const ensureVersion: Lazy<Commands['ensureVersion']> = async (...args) =>
  (await import('./commands/ensure-version.js')).ensureVersion(...args)
export const graph: Lazy<Commands['graph']> = async (...args) =>
  (await import('./commands/graph.js')).graph(...args)
/** The formats `graph` renders (for a `--format` option's choices). */
export const graphFormats = async (): Promise<Commands['GRAPH_FORMATS']> =>
  (await import('./commands/graph.js')).GRAPH_FORMATS
export const rebase: Lazy<Commands['rebase']> = async (...args) =>
  (await import('./authoring/rebase.js')).rebase(...args)
export const merge: Lazy<Commands['merge']> = async (...args) =>
  (await import('./authoring/merge.js')).merge(...args)
export const revision: Lazy<Commands['revision']> = async (...args) =>
  (await import('./authoring/revision.js')).revision(...args)
export const autogenerate: Lazy<Commands['autogenerate']> = async (...args) =>
  (await import('./autogenerate/autogenerate.js')).autogenerate(...args)
export const squash: Lazy<Commands['squash']> = async (...args) =>
  (await import('./commands/squash.js')).squash(...args)
export const squashStatus: Lazy<Commands['squashStatus']> = async (...args) =>
  (await import('./commands/squash.js')).squashStatus(...args)
export const init: Lazy<Commands['init']> = async (...args) =>
  (await import('./commands/init.js')).init(...args)
export const listTemplates: Lazy<Commands['listTemplates']> = async (...args) =>
  (await import('./commands/list-templates.js')).listTemplates(...args)
export const findTemplatesDirectory: Lazy<Commands['findTemplatesDirectory']> = async (...args) =>
  (await import('./commands/list-templates.js')).findTemplatesDirectory(...args)
export const createDatabase: Lazy<Commands['createDatabase']> = async (...args) =>
  (await import('./app/create-database.js')).createDatabase(...args)
export const listTargets: Lazy<Commands['listTargets']> = async (...args) =>
  (await import('./app/migrate-many.js')).listTargets(...args)
export const migrateMany: Lazy<Commands['migrateMany']> = async (...args) =>
  (await import('./app/migrate-many.js')).migrateMany(...args)
export const dialectForUrl: Lazy<Commands['dialectForUrl']> = async (...args) =>
  (await import('./env/dialect-for-url.js')).dialectForUrl(...args)
export const generateMigrationsIndex: Lazy<Commands['generateMigrationsIndex']> = async (...args) =>
  (await import('./script/generate-migrations-index.js')).generateMigrationsIndex(...args)
