import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Imports a TypeScript file without a build step, the way revision bodies and env modules
 * are imported: compiled on the fly, `@retort/core` (and its subpaths) resolved to this very
 * copy of core, so that `defineSchema` and the builders a schema file imports are the ones
 * of the Retort that reads it, even in a project that installed only the CLI. Modules are
 * not kept between calls (an edited file is read again); compiled code is kept on disk by
 * the loader, keyed by content.
 *
 * @example
 * ```ts
 * const module = await importTypeScriptFile('/app/src/db/schema.ts')
 * ```
 */
export async function importTypeScriptFile(path: string): Promise<unknown> {
  const { createJiti } = await import('jiti')
  const jiti = createJiti(pathToFileURL(path).href, {
    interopDefault: false,
    moduleCache: false,
    alias: { '@retort/core': coreDirectory() },
  })
  return jiti.import(path)
}

/** This package's code directory (`dist/` when built, `src/` in the sources). */
function coreDirectory(): string {
  return fileURLToPath(new URL('.', import.meta.url)).replace(/[\\/]schema[\\/]$/, '')
}
