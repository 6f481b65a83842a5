import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError } from '../errors.js'
import { defaultEnv } from '../env/default-env.js'
import { dialectForConnection } from '../env/dialect-for-connection.js'
import { projectDirectory } from '../env/dialect-for-url.js'
import { createEnvContext, type RunMigrationsOptions } from '../env/env-context.js'
import { loadEnvModule } from '../env/load-env-module.js'
import type { CommandOptions } from './command-options.js'
import type { LoadedRevisions } from './load-revisions.js'

/**
 * Calls `visit` with each database chosen for a command: the caller's `dialect` when given
 * (the env module is then not run), else each database the env module of the script
 * directory hands to `ctx.runMigrations()`, else the default env's (the config's `url`).
 * Throws when the env module hands over none.
 *
 * @example
 * ```ts
 * await visitDatabases(config, loaded, options, false, async (dialect) => {
 *   console.log(dialect.description)
 * })
 * ```
 */
export async function visitDatabases(
  config: Config,
  loaded: LoadedRevisions,
  options: CommandOptions,
  offline: boolean,
  visit: (dialect: Dialect, runOptions: RunMigrationsOptions) => Promise<void>,
): Promise<void> {
  if (options.dialect !== undefined) {
    await visit(options.dialect, {})
    return
  }
  const env = loaded.envPath
    ? await loadEnvModule(loaded.envPath)
    : defaultEnv(options.resolveDialect ? { resolveDialect: options.resolveDialect } : {})
  let visited = 0
  const context = createEnvContext({
    config,
    xArgs: options.xArgs,
    logger: options.logger,
    offline,
    dialectPackages: options.dialectPackages,
    runMigrations: async (runOptions) => {
      visited += 1
      await visit(await dialectOf(runOptions, config, loaded.envPath, options), runOptions)
    },
  })
  await env.run(context)
  if (visited === 0) {
    throw new ConfigError(
      `the env module${loaded.envPath ? ` '${loaded.envPath}'` : ''} finished without calling ctx.runMigrations(); call it with the dialect to migrate`,
    )
  }
}

/**
 * The dialect an env module hands over: its `dialect`, or one made from the application's
 * `connection` by the dialect package that takes it (see `dialectForConnection`).
 */
async function dialectOf(
  runOptions: RunMigrationsOptions,
  config: Config,
  envPath: string | undefined,
  options: CommandOptions,
): Promise<Dialect> {
  const where = envPath ? ` in '${envPath}'` : ''
  const { dialect, connection } = runOptions
  if (dialect !== undefined && connection !== undefined) {
    throw new ConfigError(
      `ctx.runMigrations() was given both a dialect and a connection${where}; pass one of them`,
    )
  }
  if (dialect !== undefined) return dialect
  if (connection !== undefined && connection !== null) {
    return dialectForConnection(connection, {
      baseDir: config.directory,
      projectDir: projectDirectory(config),
      packages: options.dialectPackages,
      where,
    })
  }
  throw new ConfigError(
    `ctx.runMigrations() was called without a dialect or connection${where}; pass { dialect: sqliteDialect({ filename }) } or another dialect, or { connection } with the application's open connection`,
  )
}
