import type { Dialect } from '../dialect.js'
import { ConfigError } from '../errors.js'
import { defineEnv, type EnvModule } from './define-env.js'
import { dialectForUrl, type PackageImporter } from './dialect-for-url.js'

/** Options of {@link defaultEnv}. */
export interface DefaultEnvOptions {
  /**
   * Chooses the dialect for the config's `url` (the CLI knows every dialect). `baseDir` is
   * the config file's directory, for relative SQLite paths. Default: {@link dialectForUrl}.
   */
  readonly resolveDialect?:
    | ((
        url: string,
        context: { readonly baseDir: string | undefined },
      ) => Dialect | Promise<Dialect>)
    | undefined
  /** Passed to {@link dialectForUrl} when `resolveDialect` is not given. */
  readonly importer?: PackageImporter | undefined
}

/**
 * The env used when the script directory has no env module: reads `url` from the config,
 * creates the dialect for its scheme (also offline, where it only compiles SQL; creating a
 * dialect does not connect) and runs the migrations on it.
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
    const url = config.url
    if (url === undefined) {
      const names = config.databaseNames
      throw new ConfigError(
        names.length > 0 && config.name === undefined
          ? `no top-level 'url' in ${config.path ?? 'the config'}, which lists databases ${names.join(', ')}: select one of them, or write an env.ts that migrates each`
          : `no 'url' in ${config.path ?? 'the config'}: set url, pass a dialect, or write an env.ts`,
      )
    }
    const baseDir = config.directory
    const dialect = options.resolveDialect
      ? await options.resolveDialect(url, { baseDir })
      : await dialectForUrl(url, { baseDir, importer: options.importer })
    ctx.logger.debug(`default env: ${dialect.name} dialect for ${dialect.description}`)
    await ctx.runMigrations(
      config.name === undefined ? { dialect } : { dialect, name: config.name },
    )
  })
}
