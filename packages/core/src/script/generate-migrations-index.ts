import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as yaml from 'yaml'
import type { Config } from '../config/config.js'
import { ConfigError } from '../errors.js'
import { RevisionMap } from '../graph/revision-map.js'
import { loadYamlBody } from '../operations/yaml-body.js'
import { rememberYamlText } from './module-text.js'
import type { RevisionHeader, RevisionModule } from '../revision.js'
import { readYamlDocumentHeader } from './yaml-header-reader.js'
import { ScriptDirectory } from './script-directory.js'

/**
 * The module the generated index imports {@link bundledYamlRevision} (or
 * {@link yamlRevisionModule}) from, by default: the entry of `Migrator`, which reaches no
 * YAML parser.
 */
export const DEFAULT_CORE_MODULE = '@retort/core/migrator'

/**
 * Options of {@link generateMigrationsIndex}: where the revisions are (a script directory,
 * its `versionLocations`, or a loaded config naming them) and where the index goes.
 *
 * @example
 * ```ts
 * const options: GenerateMigrationsIndexOptions = {
 *   scriptLocation: new URL('./migrations', import.meta.url),
 *   outFile: new URL('./src/migrations.generated.js', import.meta.url),
 * }
 * ```
 */
export interface GenerateMigrationsIndexOptions {
  /** The script directory: an absolute path or a file URL. */
  readonly scriptLocation?: string | URL | undefined
  /** The directories of revision files, instead of `scriptLocation/versions`. */
  readonly versionLocations?: readonly (string | URL)[] | undefined
  /** A config giving `scriptLocation`/`versionLocations` (when those are not passed). */
  readonly config?: Config | undefined
  /** The index module to write: an absolute path or a file URL (`.js`, `.mjs` or `.ts`). */
  readonly outFile: string | URL
  /**
   * Where the index imports `bundledYamlRevision` from (default {@link DEFAULT_CORE_MODULE}),
   * and `yamlRevisionModule` (default `@retort/core`, the entry that has the YAML parser).
   */
  readonly coreModule?: string | undefined
  /**
   * `false` leaves the file alone and only compares it (a CI check: see `changed` in the
   * result); default `true`.
   */
  readonly write?: boolean | undefined
}

/**
 * One revision the generated index carries.
 *
 * @example
 * ```ts
 * const entry: MigrationsIndexEntry = {
 *   revision: '3f1c2a9b7d10',
 *   key: 'versions/3f1c2a9b7d10_create_account.ts',
 *   specifier: '../migrations/versions/3f1c2a9b7d10_create_account.ts',
 * }
 * ```
 */
export interface MigrationsIndexEntry {
  readonly revision: string
  /** Its key in the exported record: the path relative to the script directory (or the common directory of all locations). */
  readonly key: string
  /** The import specifier, relative to the index; `undefined` for an inlined YAML revision. */
  readonly specifier: string | undefined
}

/**
 * What {@link generateMigrationsIndex} did.
 *
 * @example
 * ```ts
 * const { outFile, revisions, written } = await generateMigrationsIndex(options)
 * ```
 */
export interface GenerateMigrationsIndexResult {
  /** The index module, as an absolute path. */
  readonly outFile: string
  /** The module text (what the file holds). */
  readonly source: string
  /** The revisions it carries, in directory order. */
  readonly revisions: readonly MigrationsIndexEntry[]
  /** `false` when the file already held this text and was left untouched (or `write` was `false`). */
  readonly written: boolean
  /** Whether the file was missing or held another text before the call (whatever `write` was). */
  readonly changed: boolean
}

/**
 * Writes an ES module that imports every revision file of a script directory and exports
 * them as `migrations` (also its default export): pass that to `new Migrator({ migrations })`
 * and a bundler (esbuild, webpack, Rollup) follows the static imports, so the bundle carries
 * every revision and needs no migrations folder at run time.
 *
 * `migrations` is a record keyed by the path relative to the script directory
 * (`versions/3f1c2a9b7d10_create_account.ts`; with `versionLocations` outside it, relative
 * to the closest directory holding them all), so errors name the file as they do when
 * running from the directory, and the revisions keep the directory's order. TypeScript and
 * JavaScript revisions are imported (`import * as r0 from '../migrations/versions/...'`);
 * YAML revisions cannot be imported by a bundler: each is parsed and checked here (errors
 * name its line) and inlined as data, its header, parsed value and text, built by
 * {@link bundledYamlRevision} at start-up, so that the bundle carries no YAML parser. A file
 * holding a value JSON cannot carry (`.nan`, `.inf`) is inlined as text instead, built by
 * {@link yamlRevisionModule} (imported from `@retort/core`), which parses it at start-up
 * and brings the parser. The graph is checked first (duplicate ids,
 * missing parents, cycles), so a broken directory fails the build, not the application.
 *
 * Run it before bundling, whenever revisions were added (a `prebuild` script). The file is
 * rewritten only when its text changes, so watchers are not triggered needlessly.
 *
 * @example
 * ```ts
 * import { generateMigrationsIndex } from '@retort/core'
 *
 * await generateMigrationsIndex({
 *   scriptLocation: new URL('./migrations', import.meta.url),
 *   outFile: new URL('./src/migrations.generated.js', import.meta.url),
 * })
 * // src/main.js: import { migrations } from './migrations.generated.js'
 * //              new Migrator({ migrations, dialect: sqliteDialect({ filename }) })
 * ```
 */
export async function generateMigrationsIndex(
  options: GenerateMigrationsIndexOptions,
): Promise<GenerateMigrationsIndexResult> {
  const outFile = toAbsolutePath(options.outFile, 'outFile')
  const versionLocations =
    options.versionLocations ??
    (options.scriptLocation === undefined ? options.config?.versionLocations : undefined)
  const scriptLocation =
    options.scriptLocation ?? options.config?.scriptLocation ?? versionLocations?.[0]
  if (scriptLocation === undefined) {
    throw new ConfigError(
      'generateMigrationsIndex needs scriptLocation, versionLocations or a config naming them',
    )
  }
  const directory = ScriptDirectory.open({
    scriptLocation,
    ...(versionLocations === undefined ? {} : { versionLocations }),
  })
  // Fails on duplicate ids, missing parents and cycles, as a run would.
  new RevisionMap(directory.revisions)

  const outDir = dirname(outFile)
  const imports: string[] = []
  const inlined: string[] = []
  const builders = new Set<string>()
  const properties: string[] = []
  const revisions: MigrationsIndexEntry[] = []
  const base = commonBase(
    directory.scriptLocation,
    directory.revisions.map((r) => r.path as string),
  )
  directory.revisions.forEach((revision, index) => {
    const path = revision.path as string
    const key = toPosix(relative(base, path))
    const name = `r${index}`
    if (path.endsWith('.yaml') || path.endsWith('.yml')) {
      const text = readFileSync(path, 'utf8')
      const { header, value } = parseYamlRevision(text, key)
      if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) {
        builders.add('bundledYamlRevision')
        inlined.push(
          `const ${name} = bundledYamlRevision(${[header, value, text, key].map((v) => JSON.stringify(v)).join(', ')})`,
        )
      } else {
        builders.add('yamlRevisionModule')
        inlined.push(
          `const ${name} = yamlRevisionModule(${JSON.stringify(text)}, ${JSON.stringify(key)})`,
        )
      }
      revisions.push(Object.freeze({ revision: revision.id, key, specifier: undefined }))
    } else {
      const specifier = toSpecifier(relative(outDir, path))
      imports.push(`import * as ${name} from ${JSON.stringify(specifier)}`)
      revisions.push(Object.freeze({ revision: revision.id, key, specifier }))
    }
    properties.push(`  ${JSON.stringify(key)}: ${name},`)
  })

  const lines = [
    '// Generated by generateMigrationsIndex (@retort/core): every revision of the script',
    `// directory '${toPosix(relative(outDir, directory.scriptLocation)) || '.'}', so that a bundler includes them all.`,
    '// Do not edit; generate it again after adding or changing a revision.',
    ...importLines(builders, options.coreModule),
    ...imports,
    ...(inlined.length > 0 ? ['', ...inlined] : []),
    '',
    '/** The revisions by path: `new Migrator({ migrations, dialect })`. */',
    'export const migrations = Object.freeze({',
    ...properties,
    '})',
    '',
    'export default migrations',
    '',
  ]
  const source = lines.join('\n')

  let previous: string | undefined
  try {
    previous = readFileSync(outFile, 'utf8')
  } catch {
    previous = undefined
  }
  const changed = previous !== source
  const written = changed && options.write !== false
  if (written) {
    mkdirSync(outDir, { recursive: true })
    writeFileSync(outFile, source)
  }
  return Object.freeze({ outFile, source, revisions: Object.freeze(revisions), written, changed })
}

/**
 * A revision module built from the text of a YAML revision: its header keys plus the
 * `upgrade`/`downgrade` functions the YAML operations describe (the downgrade derived when
 * the file has none). The index written by {@link generateMigrationsIndex} uses it to carry
 * YAML revisions in a bundle. Errors are `RevisionFileError`s naming `path`.
 *
 * @example
 * ```ts
 * const text = 'revision: a1\ndownRevision: null\nupgrade:\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }\n'
 * const r3 = yamlRevisionModule(text, 'versions/a1.yaml')
 * const migrator = new Migrator({ migrations: { 'versions/a1.yaml': r3 }, dialect })
 * ```
 */
export function yamlRevisionModule(text: string, path: string): RevisionModule {
  const lineCounter = new yaml.LineCounter()
  const document = yaml.parseDocument(text, { lineCounter })
  const header = readYamlDocumentHeader(yaml, document, lineCounter, path)
  const body = loadYamlBody(document, path, lineCounter)
  const module = Object.freeze({ ...header, upgrade: body.upgrade, downgrade: body.downgrade })
  rememberYamlText(module, text)
  return module
}

/** The index's imports of the builders its YAML revisions use. */
function importLines(builders: ReadonlySet<string>, coreModule: string | undefined): string[] {
  const from = (name: string) =>
    coreModule ?? (name === 'yamlRevisionModule' ? '@retort/core' : DEFAULT_CORE_MODULE)
  const byModule = new Map<string, string[]>()
  for (const name of [...builders].sort()) {
    byModule.set(from(name), [...(byModule.get(from(name)) ?? []), name])
  }
  return [...byModule].map(
    ([module, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(module)}`,
  )
}

/**
 * The header and the parsed value of a YAML revision's text, after the checks of a run
 * (header keys and operations, errors naming the line).
 */
function parseYamlRevision(text: string, path: string): { header: RevisionHeader; value: unknown } {
  const lineCounter = new yaml.LineCounter()
  const document = yaml.parseDocument(text, { lineCounter })
  const header = readYamlDocumentHeader(yaml, document, lineCounter, path)
  loadYamlBody(document, path, lineCounter)
  return { header, value: document.toJS() }
}

function toAbsolutePath(location: string | URL, key: string): string {
  const path =
    location instanceof URL || location.startsWith('file:') ? fileURLToPath(location) : location
  if (!isAbsolute(path)) {
    throw new ConfigError(
      `${key} '${path}' is a relative path; pass an absolute path or a file URL (new URL('./src/migrations.generated.js', import.meta.url))`,
    )
  }
  return resolve(path)
}

/**
 * The script directory, or the closest directory above it that holds every revision file
 * (with `versionLocations` elsewhere). Keys relative to a common base sort like the
 * absolute paths, so the bundle keeps the directory's order.
 */
function commonBase(scriptLocation: string, paths: readonly string[]): string {
  let base = scriptLocation
  while (!paths.every((path) => path.startsWith(base.endsWith(sep) ? base : base + sep))) {
    const parent = dirname(base)
    if (parent === base) break
    base = parent
  }
  return base
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

function toSpecifier(path: string): string {
  const posix = toPosix(path)
  return posix.startsWith('../') ? posix : `./${posix}`
}
