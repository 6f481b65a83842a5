// Child processes of the SQLite tests import core and the SQLite dialect from one bundle
// of their sources (see core's test helper): no build, and no jiti in every child.
import { bundleRetortSources, linkDependency } from '../../../core/test/helpers/bundle-sources.js'

/** Makes better-sqlite3 resolvable from `dir` (it is native code, so never bundled). */
export function linkBetterSqlite3(dir: string): void {
  linkDependency(dir, 'dialect-sqlite', 'better-sqlite3')
}

/**
 * Writes `dir/retort.mjs`: everything `@retort/core` exports plus `sqliteDialect`, built
 * from the sources; returns its path.
 */
export async function bundleSources(dir: string): Promise<string> {
  return bundleRetortSources(dir, 'sqlite')
}
