// Child processes of the tests need core and the SQLite dialect without a build. Loading
// the TypeScript sources through jiti in every child costs seconds of CPU each; bundling
// them once with esbuild (milliseconds) gives a plain ES module each child imports natively.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const packages = fileURLToPath(new URL('../../../', import.meta.url))

/** Makes better-sqlite3 resolvable from `dir` (it is native code, so never bundled). */
export function linkBetterSqlite3(dir: string): void {
  const target = fs.realpathSync(
    path.join(packages, 'dialect-sqlite', 'node_modules', 'better-sqlite3'),
  )
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
  fs.symlinkSync(target, path.join(dir, 'node_modules', 'better-sqlite3'), 'dir')
}

/**
 * Writes `dir/retort.mjs`: everything `@retort/core` exports plus `sqliteDialect`, built
 * from the sources; returns its path.
 */
export async function bundleSources(dir: string): Promise<string> {
  const outfile = path.join(dir, 'retort.mjs')
  await build({
    stdin: {
      contents: `export * from '@retort/core'\nexport { sqliteDialect } from '@retort/dialect-sqlite'\n`,
      resolveDir: path.join(packages, 'dialect-sqlite'),
      loader: 'ts',
    },
    alias: {
      '@retort/core': path.join(packages, 'core', 'src'),
      '@retort/dialect-sqlite': path.join(packages, 'dialect-sqlite', 'src', 'index.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'jiti'],
    // CommonJS dependencies (graphology) call require() for Node built-ins.
    banner: {
      js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
    },
    outfile,
    logLevel: 'silent',
  })
  linkBetterSqlite3(dir)
  return outfile
}
