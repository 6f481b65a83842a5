/**
 * Imports a TypeScript file without a build step, the way revision bodies and env modules
 * are imported (the one `TypeScriptLoader`): compiled on the fly, `@retort/core`
 * resolved to this very copy of core, so that `defineSchema` and the builders a schema file
 * imports are the ones of the Retort that reads it, even in a project that installed only
 * the CLI. Compiled code is keyed by content, so an edited file is compiled and read again.
 *
 * @example
 * ```ts
 * const module = await importTypeScriptFile('/app/src/db/schema.ts')
 * ```
 */
export async function importTypeScriptFile(path: string): Promise<unknown> {
  const { TypeScriptLoader } = await import('../script/typescript-loader.js')
  return new TypeScriptLoader().import(path)
}
