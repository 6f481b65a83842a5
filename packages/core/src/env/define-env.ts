import type { EnvContext, EnvTarget, TargetsContext } from './env-context.js'

/**
 * An env module: the default export of `env.ts`/`env.js` in the script directory. Plain
 * data: `{ kind: 'env', run }`.
 */
export interface EnvModule {
  readonly kind: 'env'
  readonly run: (ctx: EnvContext) => Promise<void> | void
  /**
   * Optional: every database this env can migrate (one SQLite file per tenant, one
   * PostgreSQL schema per tenant ...), for `retort upgrade --all` and `migrateMany`.
   */
  readonly targets?:
    | ((ctx: TargetsContext) => Promise<readonly EnvTarget[]> | readonly EnvTarget[])
    | undefined
}

/** The second argument of {@link defineEnv}. */
export interface DefineEnvOptions {
  /** Lists the databases `retort upgrade --all` migrates (see {@link EnvTarget}). */
  readonly targets?: EnvModule['targets']
}

/**
 * Declares an env module. A typing helper: it only builds the frozen `{ kind: 'env', run }`,
 * so a module that writes that object itself (without importing `@retort/core`) is
 * accepted too. Nothing runs at import time: `run` is called by the command.
 *
 * @example
 * ```ts
 * import { defineEnv } from '@retort/core'
 * import { sqliteDialect } from '@retort/dialect-sqlite'
 *
 * export default defineEnv(async (ctx) => {
 *   await ctx.runMigrations({ dialect: sqliteDialect({ filename: ctx.xArgs['db'] ?? '/data/app.db' }) })
 * })
 * ```
 *
 * With `targets`, `retort upgrade --all` migrates every database it lists:
 * ```ts
 * export default defineEnv(run, {
 *   targets: (ctx) => readdirSync('/data/tenants').map((file) => ({
 *     name: file,
 *     dialect: sqliteDialect({ filename: join('/data/tenants', file) }),
 *   })),
 * })
 * ```
 */
export function defineEnv(
  run: (ctx: EnvContext) => Promise<void> | void,
  options: DefineEnvOptions = {},
): EnvModule {
  if (typeof run !== 'function') {
    throw new TypeError('defineEnv needs a function: defineEnv(async (ctx) => { ... })')
  }
  const { targets } = options
  if (targets !== undefined && typeof targets !== 'function') {
    throw new TypeError(
      'defineEnv: targets must be a function returning the databases: { targets: (ctx) => [{ name, dialect }] }',
    )
  }
  return Object.freeze({ kind: 'env', run, ...(targets === undefined ? {} : { targets }) })
}

/**
 * Whether a value is an {@link EnvModule} (as {@link defineEnv} makes).
 *
 * @example
 * ```ts
 * if (!isEnvModule(mod.default)) throw new Error('not an env module')
 * ```
 */
export function isEnvModule(value: unknown): value is EnvModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'env' &&
    typeof (value as { run?: unknown }).run === 'function'
  )
}
