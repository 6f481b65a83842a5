import { stat } from 'node:fs/promises'
import { extname, isAbsolute } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ConfigError } from '../errors.js'
import { isEnvModule, type EnvModule } from './define-env.js'
import { importUnbundled } from '../script/import-unbundled.js'

/** Extensions Node imports natively. */
const NATIVE = new Set(['.js', '.mjs', '.cjs'])
/** Extensions compiled by the TypeScript loader (`script/typescript-loader.ts`). */
const TYPESCRIPT = new Set(['.ts', '.mts'])

/**
 * Imports an env module (`env.ts`, `env.js` ...) and returns its default export, which must
 * be an {@link EnvModule}. JavaScript is imported natively; TypeScript through the
 * TypeScript loader (`script/typescript-loader.ts`, loaded only then), as revision files
 * are (`@retort/core` in the module is this very copy of core). Nothing of the module runs
 * besides its top level.
 *
 * @example
 * ```ts
 * const env = await loadEnvModule('/srv/app/migrations/env.ts')
 * await env.run(ctx)
 * ```
 */
export async function loadEnvModule(path: string | URL): Promise<EnvModule> {
  const file = path instanceof URL || path.startsWith('file:') ? fileURLToPath(path) : path
  if (!isAbsolute(file)) {
    throw new ConfigError(
      `env module path '${file}' is relative; pass an absolute path or a file URL`,
    )
  }
  const extension = extname(file).toLowerCase()
  if (!NATIVE.has(extension) && !TYPESCRIPT.has(extension)) {
    throw new ConfigError(
      `env module '${file}' has the extension '${extension}'; name it env.ts, env.mts, env.js or env.mjs`,
    )
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
  } catch {
    throw new ConfigError(
      `env module '${file}' does not exist; create it or remove the reference to it`,
    )
  }

  let namespace: unknown
  try {
    namespace = NATIVE.has(extension)
      ? await import(pathToFileURL(file).href)
      : await importTypeScript(file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(
      `env module '${file}' failed to load: ${reason.replace(/\s+/g, ' ').trim()}; fix the error in that file`,
      {
        cause: error,
      },
    )
  }

  const exported = (namespace as { default?: unknown } | null)?.default
  // A CommonJS module that set `exports.default` arrives wrapped once more.
  const candidate = isEnvModule(exported)
    ? exported
    : (exported as { default?: unknown } | null | undefined)?.default
  if (!isEnvModule(candidate)) {
    throw new ConfigError(`'${file}' must \`export default defineEnv(async (ctx) => ...)\``)
  }
  return candidate
}

async function importTypeScript(file: string): Promise<unknown> {
  // The loader's cache is content-addressed: an application that reloads an edited env
  // module gets the new code, and `@retort/core` in the env module is this very copy of
  // core, so `defineEnv`, the errors and `instanceof` agree with the runtime that loads it,
  // and a project that installed only the CLI can still run its env module.
  const { TypeScriptLoader } = await importUnbundled<typeof import('../script/typescript-loader.js')>(
    './typescript-loader.js',
    `loading the TypeScript env module '${file}'`,
  )
  return new TypeScriptLoader().import(file)
}
