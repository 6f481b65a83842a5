import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import type { TransactionMode } from '../run-settings.js'
import { dialectForUrl, projectDirectory, type DialectPackages } from './dialect-for-url.js'
import { silentLogger, type Logger } from './logger.js'

/**
 * What an env module passes to `ctx.runMigrations()`: the connection and, for
 * multi-database setups, which `databases` entry it is (its version table and settings
 * apply). Values given here override the config.
 *
 * @example
 * ```ts
 * await ctx.runMigrations({ name: 'analytics', dialect: postgresDialect({ connectionString }) })
 * await ctx.runMigrations({ connection: appPool }) // the application's own pg Pool, left open
 * ```
 */
export interface RunMigrationsOptions {
  /**
   * The connection as a dialect. This or `connection` is required by the runtime; optional
   * here so an env can build it conditionally.
   */
  readonly dialect?: Dialect | undefined
  /**
   * The application's open connection, instead of `dialect`: a better-sqlite3 `Database`, a
   * pg `Pool` or `Client`, or a mysql2 pool or connection (promise or callback API). Retort
   * makes the dialect from it as `sqliteDialect({ database })`, `postgresDialect({ pool })`
   * ... would (the dialect package must be installed) and leaves it open.
   */
  readonly connection?: unknown
  /** The `databases` entry being migrated. */
  readonly name?: string | undefined
  readonly versionTable?: string | undefined
  readonly versionTableSchema?: string | undefined
  readonly transactionMode?: TransactionMode | undefined
  /** Shorthand for `versionTableSchema` (PostgreSQL schema, MySQL database). */
  readonly schema?: string | undefined
}

/**
 * One database an env module lists in `targets` (see `defineEnv`): a name for progress and
 * results, and the connection and settings `ctx.runMigrations()` would take.
 *
 * @example
 * ```ts
 * const target: EnvTarget = { name: 'tenant_a', dialect: postgresDialect({ connectionString, schema: 'tenant_a' }) }
 * ```
 */
export interface EnvTarget extends Omit<RunMigrationsOptions, 'name'> {
  /** Shown in progress, results and errors; unique among the targets. */
  readonly name: string
  /** The `databases:` entry whose settings apply, when it is one. */
  readonly entry?: string | undefined
}

/** What an env module's `targets` function receives. */
export interface TargetsContext {
  readonly config: Config
  readonly xArgs: Readonly<Record<string, string>>
  readonly logger: Logger
}

/**
 * What an env module receives. It picks connections (and logging), then calls
 * `runMigrations` once per database; the runtime does the rest.
 *
 * @example
 * ```ts
 * export default defineEnv(async (ctx: EnvContext) => {
 *   const filename = ctx.xArgs['db'] ?? '/data/app.db'
 *   await ctx.runMigrations({ dialect: sqliteDialect({ filename }) })
 * })
 * ```
 */
export interface EnvContext {
  /** The effective config (the selected `databases` entry, if one was chosen). */
  readonly config: Config
  /** `-x KEY=VALUE` arguments, or `xArgs` passed in code. */
  readonly xArgs: Readonly<Record<string, string>>
  readonly logger: Logger
  /**
   * `true` when generating SQL (`--sql`): the dialect is used to compile only, never to
   * connect, so create it as usual.
   */
  readonly offline: boolean
  runMigrations(options: RunMigrationsOptions): Promise<void>
  /**
   * The dialect for a database URL (see `dialectForUrl`), its dialect package found by the
   * rule every command follows: the project's (next to the config file), else the running
   * program's (the `retort` CLI's own), else core's. Relative SQLite paths are relative to
   * the config file; `setting` names where the URL comes from, to start errors with.
   *
   * @example
   * ```ts
   * await ctx.runMigrations({ dialect: await ctx.dialectForUrl(ctx.config.url!, { setting: ctx.config.describeKey('url') }) })
   * ```
   */
  dialectForUrl(url: string, options?: { readonly setting?: string | undefined }): Promise<Dialect>
}

/** The parts of an {@link EnvContext}; everything but `config` and `runMigrations` has a default. */
export interface EnvContextParts {
  readonly config: Config
  readonly runMigrations: (options: RunMigrationsOptions) => Promise<void>
  readonly xArgs?: Readonly<Record<string, string>> | undefined
  /** Default {@link silentLogger}. */
  readonly logger?: Logger | undefined
  /** Default `false`. */
  readonly offline?: boolean | undefined
  /** The running program's own dialect packages, for `dialectForUrl`. Default: none. */
  readonly dialectPackages?: DialectPackages | undefined
}

/**
 * A frozen {@link EnvContext} with defaults filled in (a silent logger, no `xArgs`, online).
 *
 * @example
 * ```ts
 * const ctx = createEnvContext({ config, runMigrations: async ({ dialect }) => { used = dialect } })
 * await env.run(ctx)
 * ```
 */
export function createEnvContext(parts: EnvContextParts): EnvContext {
  return Object.freeze({
    config: parts.config,
    xArgs: Object.freeze({ ...(parts.xArgs ?? {}) }),
    logger: parts.logger ?? silentLogger,
    offline: parts.offline ?? false,
    runMigrations: parts.runMigrations,
    dialectForUrl: (url: string, options: { readonly setting?: string | undefined } = {}) =>
      dialectForUrl(url, {
        baseDir: parts.config.directory,
        projectDir: projectDirectory(parts.config),
        packages: parts.dialectPackages,
        setting: options.setting,
      }),
  })
}
