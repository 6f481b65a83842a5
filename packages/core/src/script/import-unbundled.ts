import { ConfigError } from '../errors.js'

/** How to get the modules of {@link importUnbundled} a bundle carries, by specifier (see {@link provideUnbundled}). */
const PROVIDED = new Map<string, () => unknown>()

/**
 * Records how to get the module `specifier` (as {@link importUnbundled} names it) from code
 * that is already loaded: its exports, or an `import()` a bundler followed. A bundle that
 * carries the module this way (an application that imports `ScriptDirectory` or the whole
 * of `@retort/core`) uses that copy instead of importing it by name. Called by those
 * modules when they are evaluated.
 *
 * @example
 * ```ts
 * provideUnbundled('./script-directory.js', () => ({ ScriptDirectory }))
 * ```
 */
export function provideUnbundled(specifier: string, load: () => unknown): void {
  PROVIDED.set(specifier, load)
}

/**
 * Imports one of core's own modules (`specifier` relative to this file's directory,
 * `script/`) by a specifier that bundlers do not follow. `Migrator` reaches the code that
 * only a script directory or a declared schema needs (the script directory reader, which
 * brings the YAML parser and the TypeScript loader; `check`) through it, so that an
 * application bundled with its revisions passed as modules does not carry that code. In a
 * bundle the module is not there, unless the bundle carries it for another reason (see
 * {@link provideUnbundled}): else the error says what to pass instead.
 *
 * @example
 * ```ts
 * const { ScriptDirectory } = await importUnbundled<typeof import('./script-directory.js')>(
 *   './script-directory.js',
 *   "reading revisions from a directory ('scriptLocation')",
 * )
 * ```
 */
export async function importUnbundled<T>(specifier: string, what: string): Promise<T> {
  const provided = PROVIDED.get(specifier)
  if (provided !== undefined) return (await provided()) as T
  // A variable, not a literal: bundlers leave `import(specifier)` alone.
  const target = specifier
  try {
    return (await import(target)) as T
  } catch (error) {
    if (!isMissing(error, target)) throw error
    throw new ConfigError(
      `${what} is not part of this bundle (core's ${target.replace(/^[./]+/, '')} was left out of it); pass the revisions as modules: new Migrator({ migrations }) with the index generateMigrationsIndex writes`,
      { cause: error },
    )
  }
}

/** Whether `error` says that the module `specifier` itself was not found. */
function isMissing(error: unknown, specifier: string): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (code !== 'ERR_MODULE_NOT_FOUND') return false
  const message = error instanceof Error ? error.message : ''
  return message.includes(specifier.replace(/^[./]+/, ''))
}
