// Child processes of the tests need core and a dialect without a build. Loading the
// TypeScript sources through jiti costs each child seconds of CPU (minutes for eight
// children on a busy two-core machine); bundling them once with esbuild (well under a
// second) gives a plain ES module that every child imports natively.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll } from 'vitest'

const packages = fileURLToPath(new URL('../../../', import.meta.url))

/** The dialects a bundle can carry: the package, its factory and its driver (never bundled). */
const DIALECTS = {
  sqlite: { pkg: 'dialect-sqlite', factory: 'sqliteDialect', drivers: ['better-sqlite3'] },
  postgres: { pkg: 'dialect-postgres', factory: 'postgresDialect', drivers: ['pg'] },
  mysql: { pkg: 'dialect-mysql', factory: 'mysqlDialect', drivers: ['mysql2'] },
} as const

export type BundledDialect = keyof typeof DIALECTS

/** Makes the installed package `name` of `pkg` resolvable from `dir`. */
export function linkDependency(dir: string, pkg: string, name: string): void {
  const target = fs.realpathSync(path.join(packages, pkg, 'node_modules', name))
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
  fs.symlinkSync(target, path.join(dir, 'node_modules', name), 'dir')
}

/**
 * Writes `dir/retort.mjs`: everything `@retort/core` exports plus the factory of `dialect`
 * (`sqliteDialect`, `postgresDialect`, `mysqlDialect`), built from the sources, with the
 * database driver linked next to it; returns its path.
 */
export async function bundleRetortSources(dir: string, dialect: BundledDialect): Promise<string> {
  const { pkg, factory, drivers } = DIALECTS[dialect]
  const outfile = path.join(dir, 'retort.mjs')
  await build({
    stdin: {
      contents: `export * from '@retort/core'\nexport { ${factory} } from '@retort/${pkg}'\n`,
      resolveDir: path.join(packages, pkg),
      loader: 'ts',
    },
    alias: {
      '@retort/core': path.join(packages, 'core', 'src'),
      [`@retort/${pkg}`]: path.join(packages, pkg, 'src', 'index.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...drivers, 'jiti'],
    // CommonJS dependencies call require() for Node built-ins.
    banner: {
      js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
    },
    outfile,
    logLevel: 'silent',
  })
  for (const driver of drivers) linkDependency(dir, pkg, driver)
  return outfile
}

/**
 * Builds the bundle of `dialect` in a temporary directory before the enclosing suite and
 * removes it after; the returned function gives its path (in a test or a later hook).
 */
export function bundleForSuite(dialect: BundledDialect): () => string {
  let dir: string | undefined
  let file: string | undefined
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-bundle-'))
    file = await bundleRetortSources(dir, dialect)
  })
  afterAll(() => {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    if (file === undefined)
      throw new Error('the bundle is built by a beforeAll hook: ask in a test')
    return file
  }
}
