import { createHash } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Options of a {@link TypeScriptLoader}.
 *
 * @example
 * ```ts
 * const options: TypeScriptLoaderOptions = { cacheDirectory: '/srv/app/.cache/retort' }
 * ```
 */
export interface TypeScriptLoaderOptions {
  /**
   * Where compiled modules are kept. Default: `node_modules/.cache/retort` in the nearest
   * directory above the file that has a `node_modules` directory, else a directory of this
   * user's own in the system's temporary directory (see {@link defaultCacheDirectory}).
   * `false`: keep nothing; every file is compiled again and imported from memory.
   */
  readonly cacheDirectory?: string | false | undefined
}

/**
 * Whether `path` names a file the {@link TypeScriptLoader} compiles (`.ts`, `.mts`).
 *
 * @example
 * ```ts
 * isTypeScriptPath('/app/migrations/env.ts') // true
 * ```
 */
export function isTypeScriptPath(path: string): boolean {
  return path.endsWith('.ts') || path.endsWith('.mts')
}

/**
 * Bumped whenever the text the loader writes changes shape, so that no module written by an
 * older Retort is ever reused.
 */
const CACHE_FORMAT = 'retort-ts-5'

/**
 * The transform's options: TypeScript syntax removed, everything else (ESM, modern syntax)
 * kept. Part of every cache key.
 */
function transformOptions(path: string): {
  transforms: 'typescript'[]
  disableESTransforms: true
  filePath: string
} {
  return { transforms: ['typescript'], disableESTransforms: true, filePath: path }
}

/** A specifier written in a module, with the offsets of its string literal (quotes included). */
interface ImportSite {
  readonly specifier: string
  readonly start: number
  readonly end: number
}

/**
 * Imports TypeScript files (revision bodies, env modules) without a build step and without
 * changing anything in the process: no loader hooks, no `require.extensions`, no change to
 * `Error.stackTraceLimit` or to any other global.
 *
 * Each file is compiled with sucrase (types removed, line numbers kept, so the line of an
 * error in a stack is the line in the `.ts` file), and what it imports is resolved from the
 * file's own location: relative imports the TypeScript way (`./helper`, `./helper.js` for
 * `helper.ts`), packages with Node's own resolution rules, and `@retort/core` (and its
 * subpaths) as this very copy of core, so that an env module or a revision shares the
 * classes of the runtime that loads it, and a project that installed only the CLI can still
 * run its files. TypeScript files it imports are compiled the same way. `import.meta.url`,
 * `import.meta.filename` and `import.meta.dirname` are those of the `.ts` file.
 *
 * The compiled code is kept in a content-addressed cache: an entry's name is a hash of the
 * source, its path and the compiler's version and options, so an edited file is compiled
 * again and never served stale, and nothing is ever invalidated. A module that imports
 * nothing to resolve (the usual revision) is stored ready to import, through a rename (it
 * is there whole or not at all), and imported from its file. A module that imports other
 * files is stored compiled and linked on every load (what an import resolves to can change
 * without the file changing: an edited helper, an upgraded package), then imported as a
 * `data:` URL of its linked text; its entry is written in one call and ends with a line
 * naming its source, so that a reader recognises a file still being written (or cut short)
 * by another process and compiles the source itself. TypeScript files that import each
 * other in a cycle are imported from linked files in the cache, named by a hash of
 * everything they reach. When no cache directory can be created or written (read-only or
 * absent), every file is compiled again and imported as a `data:` URL: slower, equally
 * correct (only a cycle then cannot be loaded, and the error says so).
 *
 * @example
 * ```ts
 * const loader = new TypeScriptLoader()
 * const module = await loader.import('/app/migrations/versions/3f1c2a9b7d10_create_account.ts')
 * ```
 */
export class TypeScriptLoader {
  readonly #option: string | false | undefined
  readonly #tools = new Tools()
  /** The cache directory chosen for each source directory (`undefined`: none usable). */
  readonly #cacheFor = new Map<string, string | undefined>()
  /** Set after a failed write: this loader then keeps nothing. */
  #cacheBroken = false

  constructor(options: TypeScriptLoaderOptions = {}) {
    this.#option = options.cacheDirectory
  }

  /**
   * Compiles `path` (and the TypeScript files it imports) and imports it; resolves to the
   * module namespace. `source`: the file's text when the caller has just read it (the
   * script directory, from its header read), so the file is not opened again; the cache key
   * is of that text. Throws an `Error` naming the file for a syntax error or an import that
   * does not resolve.
   *
   * @example
   * ```ts
   * const { default: env } = (await new TypeScriptLoader().import('/app/migrations/env.ts')) as {
   *   default: unknown
   * }
   * ```
   */
  async import(path: string, source?: string): Promise<unknown> {
    const graph = new Map<string, CompiledFile>()
    const root = resolve(path)
    await this.#collect(root, graph, source)
    let url: string
    try {
      url = new Emitter(graph, undefined).url(root)
    } catch (error) {
      if (!(error instanceof NeedsCacheFiles)) throw error
      url = new Emitter(graph, (file) => this.#cacheDirectory(file)).url(root)
    }
    return import(/* webpackIgnore: true */ /* @vite-ignore */ url)
  }

  /** Compiles `path` and every TypeScript file it reaches into `graph` (once each). */
  async #collect(
    path: string,
    graph: Map<string, CompiledFile>,
    source: string | undefined,
  ): Promise<void> {
    const pending = [path]
    while (pending.length > 0) {
      const current = pending.pop()!
      if (graph.has(current)) continue
      const file = await this.#compile(current, current === path ? source : undefined)
      graph.set(current, file)
      for (const target of file.targets) {
        if (target?.kind === 'typescript' && !graph.has(target.path)) pending.push(target.path)
      }
    }
  }

  /** One file compiled (or read from the cache), its imports resolved. */
  async #compile(path: string, given: string | undefined): Promise<CompiledFile> {
    const source = given ?? readFileSync(path, 'utf8')
    const key = digest(CACHE_FORMAT, await this.#tools.version(), path, source)
    const directory = this.#cacheDirectory(path)
    const trailer = sourceUrlLine(path)
    // A module that imports nothing to resolve (the usual revision) is stored ready to
    // import as `KEY.mjs` (through a rename: it exists whole or not at all), and imported
    // from there: Node holds a file's short URL, where a `data:` URL would hold the text once
    // more (13 MB for 10,000 revisions).
    const ready = directory === undefined ? undefined : join(directory, `${key}.mjs`)
    if (ready !== undefined && existsSync(ready)) {
      return { path, key, url: pathToFileURL(ready).href, code: '', sites: [], targets: [] }
    }
    // One whose imports are resolved on every load is stored compiled as `KEY.js`.
    const entry = directory === undefined ? undefined : join(directory, `${key}.js`)
    let code = entry && readEntry(entry, trailer)
    let sites: readonly ImportSite[]
    if (code === undefined) {
      code = await compile(this.#tools, source, path)
      sites = await this.#tools.parseImports(code)
      if (sites.every((site) => isLocationFree(site.specifier))) {
        // Imported from the file just stored: a `data:` URL of the text in hand costs less
        // CPU (Node's loader does not open, stat and read the file back), but the run that
        // compiles a thousand revisions then peaks about 12 MB higher.
        const stored = ready !== undefined && this.#storeReady(ready, code)
        const url = stored ? pathToFileURL(ready).href : undefined
        return { path, key, url, code, sites: [], targets: [] }
      }
      if (entry !== undefined) this.#store(entry, code, trailer)
    } else {
      sites = await this.#tools.parseImports(code)
    }
    const targets: (Target | undefined)[] = []
    for (const site of sites) targets.push(await this.#resolve(site.specifier, path))
    return { path, key, url: undefined, code, sites, targets }
  }

  /** Writes a ready module through a rename; whether it is there. */
  #storeReady(file: string, code: string): boolean {
    if (this.#cacheBroken) return false
    if (writeAtomically(file, code)) return true
    this.#cacheBroken = true
    return false
  }

  /** What `specifier`, imported by `path`, stands for; `undefined`: the same everywhere. */
  async #resolve(specifier: string, path: string): Promise<Target | undefined> {
    if (isLocationFree(specifier)) return undefined
    let target: string
    const core = isCoreSpecifier(specifier) ? coreEntry(specifier) : undefined
    if (core !== undefined) {
      target = core
    } else if (isRelative(specifier)) {
      target = resolveRelative(specifier, path)
    } else {
      let url: string
      try {
        url = await this.#tools.resolvePackage(specifier, pathToFileURL(path).href)
      } catch (error) {
        throw new Error(
          `cannot resolve '${specifier}' imported from '${path}' (${oneLine(error)}); install the package or correct the import`,
          { cause: error },
        )
      }
      if (!url.startsWith('file:')) return { kind: 'url', url }
      target = fileURLToPath(url)
    }
    return isTypeScriptPath(target)
      ? { kind: 'typescript', path: target }
      : { kind: 'url', url: pathToFileURL(target).href }
  }

  /**
   * Writes a cache entry in one call that fails if the file exists: another process wrote
   * it (the same bytes) or is writing it. Any other failure (read-only, full) ends caching
   * for this loader; a file cut short earlier is replaced through a rename. (Writing in the
   * background instead saved no time and held the pending texts: more memory.)
   */
  #store(file: string, text: string, trailer: string): void {
    if (this.#cacheBroken) return
    try {
      writeFileSync(file, text, { flag: 'wx' })
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') this.#cacheBroken = true
      else if (readEntry(file, trailer) === undefined && !writeAtomically(file, text)) {
        this.#cacheBroken = true
      }
    }
  }

  /** The cache directory for the file at `path`, created on first use; `undefined`: none. */
  #cacheDirectory(path: string): string | undefined {
    if (this.#cacheBroken || this.#option === false) return undefined
    const from = dirname(path)
    if (this.#cacheFor.has(from)) return this.#cacheFor.get(from)
    const candidates =
      this.#option === undefined ? defaultCacheDirectories(from) : [resolve(this.#option)]
    const chosen = candidates.find((candidate) => usableDirectory(candidate))
    this.#cacheFor.set(from, chosen)
    return chosen
  }
}

/** What an import of a compiled file stands for. */
type Target =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'typescript'; readonly path: string }

/** A TypeScript file compiled, its imports resolved (one target per import site). */
interface CompiledFile {
  readonly path: string
  /** The hash of its source, path and compiler. */
  readonly key: string
  /** The URL of its ready module in the cache, when it imports nothing to resolve. */
  readonly url: string | undefined
  readonly code: string
  /** The imports to resolve (none for a module stored as one that needs no linking). */
  readonly sites: readonly ImportSite[]
  /** `undefined` for an import that means the same from anywhere (`node:fs`). */
  readonly targets: readonly (Target | undefined)[]
}

/**
 * What `data:` URLs cannot express: files that import each other, or a graph so deep and
 * shared that nesting each file's URL in its importers' text would grow past
 * {@link DATA_URL_LIMIT} (every path to a file repeats its text).
 */
class NeedsCacheFiles extends Error {}

/** The longest linked text given as a `data:` URL, in characters. */
const DATA_URL_LIMIT = 1 << 20

/**
 * Gives each file of a compiled graph the URL it is imported by: a `data:` URL of its linked
 * text, or, for files that import each other or a graph too large for that (`directoryOf`
 * given), a file in the cache
 * whose name is a hash of everything it reaches (paths, source hashes, resolved imports),
 * never of other files' names, so that files in a cycle have names before their text.
 */
class Emitter {
  readonly #graph: ReadonlyMap<string, CompiledFile>
  readonly #directoryOf: ((path: string) => string | undefined) | undefined
  readonly #urls = new Map<string, string>()
  readonly #visiting = new Set<string>()

  constructor(
    graph: ReadonlyMap<string, CompiledFile>,
    directoryOf: ((path: string) => string | undefined) | undefined,
  ) {
    this.#graph = graph
    this.#directoryOf = directoryOf
  }

  url(path: string): string {
    const known = this.#urls.get(path)
    if (known !== undefined) return known
    const file = this.#graph.get(path)!
    if (file.url !== undefined) return file.url
    const importsTypeScript = file.targets.some((target) => target?.kind === 'typescript')
    if (this.#directoryOf === undefined || !importsTypeScript) {
      if (this.#visiting.has(path)) throw new NeedsCacheFiles(path)
      this.#visiting.add(path)
      const text = this.#link(file)
      if (text.length > DATA_URL_LIMIT) throw new NeedsCacheFiles(path)
      const url = dataUrl(text)
      this.#visiting.delete(path)
      this.#urls.set(path, url)
      return url
    }
    const directory = this.#directoryOf(path)
    if (directory === undefined) {
      throw new Error(
        `'${path}' is part of an import cycle (or a large graph) of TypeScript files, which needs a writable cache directory; make node_modules/.cache/retort (or the system's temporary directory) writable, or move what the files share into a file of its own`,
      )
    }
    const entry = join(directory, `${this.#name(path)}.mjs`)
    const url = pathToFileURL(entry).href
    // Known before linking, so that a cycle back to this file finds it.
    this.#urls.set(path, url)
    if (!existsSync(entry) && !writeAtomically(entry, this.#link(file))) {
      throw new Error(
        `cannot write '${entry}' for '${path}', part of an import cycle (or a large graph) of TypeScript files; make the directory writable, or move what the files share into a file of its own`,
      )
    }
    return url
  }

  /** The file's code with each import replaced by the absolute URL it stands for. */
  #link(file: CompiledFile): string {
    let linked = ''
    let last = 0
    file.sites.forEach((site, index) => {
      const target = file.targets[index]
      if (target === undefined) return
      const url = target.kind === 'url' ? target.url : this.url(target.path)
      linked += file.code.slice(last, site.start) + JSON.stringify(url)
      last = site.end
    })
    return linked + file.code.slice(last)
  }

  /** A hash of every file `path` reaches: their paths, sources and resolved imports. */
  #name(path: string): string {
    const reached = new Set([path])
    for (const current of reached) {
      for (const target of this.#graph.get(current)!.targets) {
        if (target?.kind === 'typescript') reached.add(target.path)
      }
    }
    const parts = [CACHE_FORMAT, path]
    for (const current of [...reached].sort()) {
      const file = this.#graph.get(current)!
      parts.push(current, file.key)
      for (const target of file.targets) {
        parts.push(
          target === undefined ? '' : target.kind === 'url' ? target.url : `ts:${target.path}`,
        )
      }
    }
    return digest(...parts)
  }
}

/** Writes `text` to `file` through a unique temporary name renamed over it; whether it worked. */
function writeAtomically(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temporary, text, { flag: 'wx' })
    renameSync(temporary, file)
    return true
  } catch {
    try {
      unlinkSync(temporary)
    } catch {
      // Never written, or already renamed.
    }
    return false
  }
}

/** The last line of a compiled module: its source for stack traces, and the end marker. */
function sourceUrlLine(path: string): string {
  return `\n//# sourceURL=${pathToFileURL(path).href}\n`
}

/** A cache entry's text when it is there and whole (ends with `trailer`). */
function readEntry(file: string, trailer: string): string | undefined {
  const text = readIfPresent(file)
  return text !== undefined && text.endsWith(trailer) ? text : undefined
}

/**
 * Where a {@link TypeScriptLoader} keeps the files compiled for a source in `directory`:
 * `node_modules/.cache/retort` of the nearest directory at or above it that has
 * `node_modules` (so the cache goes wherever the project's dependencies go and is removed
 * with them), else `retort-cache-<uid>` in the system's temporary directory.
 *
 * @example
 * ```ts
 * defaultCacheDirectory('/srv/app/migrations/versions') // '/srv/app/node_modules/.cache/retort'
 * ```
 */
export function defaultCacheDirectory(directory: string): string {
  return defaultCacheDirectories(directory)[0]!
}

function defaultCacheDirectories(directory: string): string[] {
  const shared = join(tmpdir(), `retort-cache-${process.getuid?.() ?? 'user'}`)
  for (let current = resolve(directory); ; current = dirname(current)) {
    if (isDirectory(join(current, 'node_modules'))) {
      return [join(current, 'node_modules', '.cache', 'retort'), shared]
    }
    if (dirname(current) === current) return [shared]
  }
}

/**
 * Creates `directory` if needed; whether it can hold the cache. A directory in the shared
 * temporary directory must belong to this user and be closed to others, so that nobody else
 * can place a module there for this process to import.
 */
function usableDirectory(directory: string): boolean {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 })
    const stats = lstatSync(directory)
    if (!stats.isDirectory()) return false
    if (directory.startsWith(tmpdir())) {
      const uid = process.getuid?.()
      if (uid !== undefined && stats.uid !== uid) return false
      if ((stats.mode & 0o022) !== 0) return false
    }
    return true
  } catch {
    return false
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The JavaScript of a TypeScript source, with `import.meta` of the source (on the first
 * line, so no line moves) and the source's URL for stack traces.
 */
async function compile(tools: Tools, source: string, path: string): Promise<string> {
  let code: string
  try {
    code = await tools.transform(source, path)
  } catch (error) {
    throw new Error(`${oneLine(error)} in '${path}'`, { cause: error })
  }
  // A hashbang line may only come first; the prelude goes there.
  if (code.startsWith('#!')) code = `//${code}`
  // Only a module that reads `import.meta` gets the prelude: setting it makes V8 create the
  // object, which the usual revision never needs (memory, for thousands of modules).
  const prelude = /\bimport\s*\.\s*meta\b/.test(code)
    ? `import.meta.url=${JSON.stringify(pathToFileURL(path).href)};` +
      `import.meta.filename=${JSON.stringify(path)};` +
      `import.meta.dirname=${JSON.stringify(dirname(path))};`
    : ''
  return `${prelude}${code}${sourceUrlLine(path)}`
}

/** Specifiers that mean the same from any location: Node's built-in modules and URLs. */
function isLocationFree(specifier: string): boolean {
  if (specifier.startsWith('node:') || specifier.startsWith('data:')) return true
  return BUILTINS.has(specifier)
}

const BUILTINS = new Set(builtinModules)

function isRelative(specifier: string): boolean {
  return (
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier.startsWith('/') ||
    specifier.startsWith('file:') ||
    specifier === '.' ||
    specifier === '..'
  )
}

/** The extensions tried, in order, for an import written without one. */
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json']
/** What an import of compiled output (`./helper.js`) may stand for in the sources. */
const SOURCE_OF: Readonly<Record<string, string>> = { '.js': '.ts', '.mjs': '.mts' }

/**
 * A relative import, resolved as TypeScript does: the file as written, the `.ts` file that
 * a `.js` import stands for, the name with each known extension, or a directory's `index`.
 */
function resolveRelative(specifier: string, path: string): string {
  const base = specifier.startsWith('file:')
    ? fileURLToPath(specifier)
    : resolve(dirname(path), specifier)
  const extension = extname(base)
  const candidates = [base]
  const source = SOURCE_OF[extension]
  if (source !== undefined) candidates.push(base.slice(0, -extension.length) + source)
  for (const ext of EXTENSIONS) candidates.push(base + ext)
  for (const ext of EXTENSIONS) candidates.push(join(base, `index${ext}`))
  const found = candidates.find(isFile)
  if (found === undefined) {
    throw new Error(
      `cannot find '${specifier}' imported from '${path}'; correct the path (a TypeScript file can be imported as './name', './name.ts' or './name.js')`,
    )
  }
  return found
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

const CORE_PACKAGE = '@retort/core'

function isCoreSpecifier(specifier: string): boolean {
  return specifier === CORE_PACKAGE || specifier.startsWith(`${CORE_PACKAGE}/`)
}

/**
 * This copy of core's file for `@retort/core` or one of its subpaths, as the package's
 * exports map them (`@retort/core/testing` is `testing/index`, `@retort/core/errors` is
 * `errors`): the sources when core runs from its sources, the built files otherwise;
 * `undefined` when there is no such file (core bundled into an application: the package is
 * then resolved from the importing file like any other).
 */
function coreEntry(specifier: string): string | undefined {
  const root = fileURLToPath(new URL('..', import.meta.url))
  if (readPackageName(join(root, '..', 'package.json')) !== CORE_PACKAGE) return undefined
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  const subpath = specifier.slice(CORE_PACKAGE.length + 1)
  if (subpath.includes('..')) return undefined
  const names = subpath === '' ? ['index'] : [subpath, `${subpath}/index`]
  return names.map((name) => join(root, name + extension)).find(isFile)
}

function readPackageName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name
  } catch {
    return undefined
  }
}

function dataUrl(code: string): string {
  return `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
}

function digest(...parts: string[]): string {
  // Each part's length first: no two different lists of parts hash the same text. One call
  // on one string: a thousand files' keys cost a few milliseconds.
  let text = ''
  for (const part of parts) text += `${part.length}:${part}`
  return createHash('sha256').update(text).digest('hex').slice(0, 40)
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s+/g, ' ').trim()
}

/** `import` (not `import.meta`) or `from`: what every import and re-export has. */
const MAY_IMPORT = /\bimport\b(?!\s*\.)|\bfrom\b/

/**
 * The packages the loader uses, each imported on first use: a run whose files are all in
 * the cache loads none of them (loading the compiler alone costs more than reading a
 * thousand cached files).
 */
class Tools {
  #version: Promise<string> | undefined
  #sucrase: Promise<typeof import('sucrase')> | undefined
  #lexer: Promise<typeof import('es-module-lexer')> | undefined
  #resolver: Promise<typeof import('import-meta-resolve')> | undefined

  /** Part of every cache key: a new compiler or new options never reuse an old result. */
  version(): Promise<string> {
    this.#version ??= (async () => {
      // The compiler's version from its package.json, without loading the compiler.
      let version: string | undefined
      try {
        const file = createRequire(import.meta.url).resolve('sucrase/package.json')
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }
        if (typeof manifest.version === 'string') version = manifest.version
      } catch {
        // Bundled without its package.json: ask the compiler itself.
      }
      version ??= (await this.#loadSucrase()).getVersion()
      return `sucrase ${version} ${JSON.stringify(transformOptions(''))}`
    })()
    return this.#version
  }

  async transform(source: string, path: string): Promise<string> {
    return (await this.#loadSucrase()).transform(source, transformOptions(path)).code
  }

  /** The specifiers of `code` (JavaScript) with the offsets of their string literals. */
  async parseImports(code: string): Promise<readonly ImportSite[]> {
    // Every import or re-export has one of these words; most revisions (whose only import,
    // `import type`, is gone) have neither, and need no lexer at all.
    if (!MAY_IMPORT.test(code)) return []
    const lexer = await (this.#lexer ??= import('es-module-lexer').then(async (module) => {
      await module.init
      return module
    }))
    const sites: ImportSite[] = []
    for (const entry of lexer.parse(code)[0]) {
      // `import.meta` and `import(expression)` have no specifier to resolve.
      if (typeof entry.specifier !== 'string') continue
      // A static specifier's offsets leave its quotes out; a dynamic one's keep them.
      const quoted = entry.type === 'dynamic'
      sites.push({
        specifier: entry.specifier,
        start: quoted ? entry.start : entry.start - 1,
        end: quoted ? entry.end : entry.end + 1,
      })
    }
    return sites
  }

  /** Node's resolution of a package specifier from `parentUrl`. */
  async resolvePackage(specifier: string, parentUrl: string): Promise<string> {
    return (await (this.#resolver ??= import('import-meta-resolve'))).resolve(specifier, parentUrl)
  }

  #loadSucrase(): Promise<typeof import('sucrase')> {
    return (this.#sucrase ??= import('sucrase'))
  }
}
