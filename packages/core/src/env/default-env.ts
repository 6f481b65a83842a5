import { nearestName } from '../operations/nearest-name.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, RetortError } from '../errors.js'
import { defineEnv, type EnvModule } from './define-env.js'
import { dialectForUrl, type PackageImporter } from './dialect-for-url.js'

/** The `-x` arguments the default env reads: `url`, as the `init` templates do. */
export const DEFAULT_ENV_X_ARGS: readonly string[] = Object.freeze(['url'])

/** Options of {@link defaultEnv}. */
export interface DefaultEnvOptions {
  /**
   * Chooses the dialect for the URL (the CLI knows every dialect). `baseDir` is the config
   * file's directory, for relative SQLite paths; `setting` names where the URL comes from
   * (`-x url`, `/app/retort.yaml:3: 'url'`), to start errors with. Default:
   * `ctx.dialectForUrl` (the dialect packages found by the one rule, see
   * `importDialectPackage`).
   */
  readonly resolveDialect?:
    | ((
        url: string,
        context: { readonly baseDir: string | undefined; readonly setting?: string | undefined },
      ) => Dialect | Promise<Dialect>)
    | undefined
  /** Replaces the lookup of the dialect package (see {@link dialectForUrl}); tests use it. */
  readonly importer?: PackageImporter | undefined
}

/**
 * The env used when the script directory has no env module. It reads the URL from
 * `-x url=...` (`xArgs.url`), else from the config's `url`, exactly as the `init`
 * templates do; creates the dialect for its scheme (also offline, where it only compiles
 * SQL; creating a dialect does not connect) and runs the migrations on it. Any other `-x`
 * key is an error before anything connects: only an env module of the user's reads them.
 * Errors about the URL (a malformed one, a failed connection) start with where it comes
 * from and never show its password.
 *
 * @example
 * ```ts
 * const env = defaultEnv({ resolveDialect: (url) => myDialects(url) })
 * await env.run(ctx)
 * ```
 */
export function defaultEnv(options: DefaultEnvOptions = {}): EnvModule {
  return defineEnv(async (ctx) => {
    const { config } = ctx
    for (const key of Object.keys(ctx.xArgs)) {
      if (DEFAULT_ENV_X_ARGS.includes(key)) continue
      const near = nearestName(key, DEFAULT_ENV_X_ARGS)
      throw new ConfigError(
        `-x ${key}: the default env (the script directory has no env module) reads only ${DEFAULT_ENV_X_ARGS.map((name) => `-x ${name}`).join(', ')}; ${near === undefined ? `remove it, or write an env module that reads ctx.xArgs['${key}']` : `did you mean '${near}'?`}`,
      )
    }
    const fromX = ctx.xArgs['url']
    const url = fromX ?? config.url
    if (url === undefined) {
      const names = config.databaseNames
      throw new ConfigError(
        names.length > 0 && config.name === undefined
          ? `no top-level 'url' in ${config.path ?? 'the config'}, which lists databases ${names.join(', ')}: select one of them, or write an env.ts that migrates each`
          : `no 'url' in ${config.path ?? 'the config'}: set url, pass -x url=..., pass a dialect, or write an env.ts`,
      )
    }
    const setting = fromX === undefined ? config.describeKey('url') : '-x url'
    const baseDir = config.directory
    const dialect = options.resolveDialect
      ? await options.resolveDialect(url, { baseDir, setting })
      : options.importer
        ? await dialectForUrl(url, { baseDir, setting, importer: options.importer })
        : await ctx.dialectForUrl(url, { setting })
    ctx.logger.debug(`default env: ${dialect.name} dialect for ${dialect.description}`)
    try {
      await ctx.runMigrations(
        config.name === undefined ? { dialect } : { dialect, name: config.name },
      )
    } catch (error) {
      throw error instanceof RetortError && error.code === 'connection'
        ? inSetting(error, setting)
        : error
    }
  })
}

/**
 * A connection error that also says which setting holds the URL (`-x url`, or the file,
 * line and key), so that the user knows what to correct. Its details (`sqlState`) are kept.
 */
function inSetting(error: RetortError, setting: string): RetortError {
  const named = new RetortError(error.code, `${setting}: ${error.message}`, { cause: error })
  for (const [key, value] of Object.entries(error)) {
    if (!(key in named)) Object.assign(named, { [key]: value })
  }
  return named
}
