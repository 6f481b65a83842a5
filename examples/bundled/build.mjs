// Builds dist/app.mjs: one file with the app, Retort and every revision.
//
//   node build.mjs            (after `pnpm -w build`, so that @retort/* have their dist/)
//
// 1. generateMigrationsIndex writes src/migrations.generated.js, which imports every
//    revision file (and inlines the YAML ones), so esbuild follows them into the bundle.
// 2. esbuild bundles src/main.mjs. better-sqlite3 is native code: it stays external and is
//    installed next to the bundle. sucrase, es-module-lexer and import-meta-resolve are
//    only used to load TypeScript from disk, which a bundle never does: external too, so
//    they are not bundled.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateMigrationsIndex } from '@retort/core'
import { build } from 'esbuild'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Where the build reads and writes, by default. */
export const DEFAULTS = Object.freeze({
  scriptLocation: path.join(here, 'migrations'),
  index: path.join(here, 'src', 'migrations.generated.js'),
  entry: path.join(here, 'src', 'main.mjs'),
  outfile: path.join(here, 'dist', 'app.mjs'),
})

/**
 * Generates the migrations index, then bundles the app into `outfile`.
 *
 * @param {{ outfile?: string, alias?: Record<string, string> }} [options] `alias` maps
 *   package names to other files (the tests bundle the @retort sources instead of dist/).
 */
export async function buildApp({ outfile = DEFAULTS.outfile, alias = {} } = {}) {
  const index = await generateMigrationsIndex({
    scriptLocation: DEFAULTS.scriptLocation,
    outFile: DEFAULTS.index,
  })
  await build({
    entryPoints: [DEFAULTS.entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'sucrase', 'es-module-lexer', 'import-meta-resolve'],
    alias,
    // Bundled CommonJS dependencies call require() for Node built-ins, which
    // an ES module does not have: give them one.
    banner: {
      js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
    },
    logLevel: 'warning',
  })
  return { outfile, revisions: index.revisions.map((entry) => entry.revision) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, revisions } = await buildApp()
  console.log(
    `built ${path.relative(process.cwd(), outfile)} with ${revisions.length} revisions: ${revisions.join(', ')}`,
  )
}
