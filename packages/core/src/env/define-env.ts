import type { EnvContext } from './env-context.js'

/**
 * An env module: the default export of `env.ts`/`env.js` in the script directory. Plain
 * data: `{ kind: 'env', run }`.
 */
export interface EnvModule {
  readonly kind: 'env'
  readonly run: (ctx: EnvContext) => Promise<void> | void
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
 */
export function defineEnv(run: (ctx: EnvContext) => Promise<void> | void): EnvModule {
  if (typeof run !== 'function') {
    throw new TypeError('defineEnv needs a function: defineEnv(async (ctx) => { ... })')
  }
  return Object.freeze({ kind: 'env', run })
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
