import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Dialect } from '@retort/core'

/**
 * The dialect for a URL, for the default env: the dialect package installed next to the
 * config (the project's own) when there is one, else the one this CLI depends on. Dialect
 * packages (and their drivers) are imported only here, when a command needs a database.
 * `setting` names where the URL comes from, for errors.
 *
 * @example
 * ```ts
 * const dialect = await resolveDialect('sqlite:///app.db', { baseDir: '/srv/app' })
 * ```
 */
export async function resolveDialect(
  url: string,
  context?: { readonly baseDir: string | undefined; readonly setting?: string | undefined },
): Promise<Dialect> {
  const { dialectForUrl } = await import('@retort/core/env/dialect-for-url')
  const baseDir = context?.baseDir
  return dialectForUrl(url, {
    baseDir,
    setting: context?.setting,
    importer: async (specifier) => {
      if (baseDir !== undefined) {
        try {
          const resolved = createRequire(join(baseDir, 'noop.js')).resolve(specifier)
          return await import(pathToFileURL(resolved).href)
        } catch {
          // Not installed in the project: the CLI's own copy below.
        }
      }
      return import(specifier)
    },
  })
}
