// Builds dist/app.mjs: one file with the app, Retort and every revision.
//
//   node build.mjs            (after `pnpm -w build`, so that @retort/* have their dist/)
//
// 1. generateMigrationsIndex writes src/migrations.generated.js, which imports every
//    revision file (and inlines the YAML ones), so esbuild follows them into the bundle.
// 2. esbuild bundles src/main.mjs. better-sqlite3 is native code: it stays external and is
//    installed next to the bundle. Nothing else is external: the app imports Migrator from
//    @retort/core/migrator, which reaches no YAML parser, TypeScript loader (sucrase,
//    es-module-lexer, import-meta-resolve) or authoring code when the revisions are passed
//    as modules (the index carries YAML revisions as data), so none of them is bundled.
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
 * Generates the migrations index, then bundles the app into `outfile`. Returns esbuild's
 * metafile too (what each input put in the bundle: `bundleContents` sums it by package).
 *
 * @param {{ outfile?: string, alias?: Record<string, string> }} [options] `alias` maps
 *   package names to other files (the tests bundle the @retort sources instead of dist/).
 */
export async function buildApp({ outfile = DEFAULTS.outfile, alias = {} } = {}) {
  const index = await generateMigrationsIndex({
    scriptLocation: DEFAULTS.scriptLocation,
    outFile: DEFAULTS.index,
  })
  const { metafile } = await build({
    entryPoints: [DEFAULTS.entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    alias,
    metafile: true,
    // Bundled CommonJS dependencies call require() for Node built-ins, which
    // an ES module does not have: give them one.
    banner: {
      js: `import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)`,
    },
    logLevel: 'warning',
  })
  return { outfile, metafile, revisions: index.revisions.map((entry) => entry.revision) }
}

/**
 * The bytes each package put in the bundle, largest first, from esbuild's metafile: a file
 * under node_modules counts for its package, a file of this repository's packages/ for its
 * workspace package (`@retort/core`), anything else for the app.
 *
 * @param {import('esbuild').Metafile} metafile
 * @returns {{ name: string, bytes: number }[]}
 */
export function bundleContents(metafile) {
  const bytes = new Map()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input)
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput)
    }
  }
  return [...bytes]
    .map(([name, size]) => ({ name, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
}

function packageOf(input) {
  const modules = input.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [scope, name] = input.slice(modules + 'node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const workspace = input.match(/(?:^|\/)packages\/([^/]+)\/(?:src|dist)\//)
  if (workspace) return workspace[1] === 'core' ? '@retort/core' : `@retort/${workspace[1]}`
  return '(app and revisions)'
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, revisions } = await buildApp()
  console.log(
    `built ${path.relative(process.cwd(), outfile)} with ${revisions.length} revisions: ${revisions.join(', ')}`,
  )
}
