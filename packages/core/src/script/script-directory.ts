import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs'
import { revisionChecksum, revisionFileChecksum } from '../schema/revision-checksum.js'
import { isAbsolute, join, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ConfigError, RevisionError, RevisionFileError } from '../errors.js'
import { checkBody, checkHeaderMatches, moduleExports } from './check-body.js'
import {
  createRevision,
  type Revision,
  type RevisionBody,
  type RevisionHeader,
  type RevisionSource,
} from '../revision.js'
import { provideUnbundled } from './import-unbundled.js'
import { readScriptHeader } from './read-script-header.js'
import type { TypeScriptLoader } from './typescript-loader.js'
import {
  importYamlPackage,
  readYamlDocumentHeader,
  readYamlRevision,
  readYamlRevisionFast,
  requireYamlPackage,
  type YamlApi,
} from './yaml-header-reader.js'

/**
 * Where {@link ScriptDirectory.open} looks.
 *
 * @example
 * ```ts
 * const options: ScriptDirectoryOptions = {
 *   scriptLocation: new URL('./migrations', import.meta.url),
 *   versionLocations: ['/app/migrations/core', '/app/migrations/plugins'],
 * }
 * ```
 */
export interface ScriptDirectoryOptions {
  /** The script directory: an absolute path or a `file:` URL (as a `URL` or a string). */
  readonly scriptLocation: string | URL
  /**
   * The directories holding revision files, instead of `scriptLocation/versions`: absolute
   * paths or `file:` URLs.
   */
  readonly versionLocations?: readonly (string | URL)[] | undefined
  /**
   * Whether each file's text is kept once its header is read, so that importing a
   * TypeScript body and taking a checksum do not open the file again. Default `true`;
   * `false` for a directory read for its graph only (`heads`, `branches`, `show`): keeping
   * 10,000 texts costs about a fifth of the reading's work beyond the bare reads (the GC
   * moves every one of them out of the young generation). Without the texts, `load` and
   * `checksum` read the file.
   */
  readonly keepTexts?: boolean | undefined
}

/** The extensions of revision files, in the order a file's format is tried. */
export const REVISION_FILE_EXTENSIONS: readonly string[] = Object.freeze([
  '.ts',
  '.mts',
  '.js',
  '.mjs',
  '.cjs',
  '.yaml',
  '.yml',
])

/** The names an env module may have in the script directory, in order of preference. */
export const ENV_FILE_NAMES: readonly string[] = Object.freeze([
  'env.ts',
  'env.mts',
  'env.js',
  'env.mjs',
])

/** Files larger than this are read in a second pass; revision files rarely are. */
const READ_BUFFER_SIZE = 64 * 1024

/**
 * A script directory on disk as a {@link RevisionSource}: the revisions are built from the
 * file headers, read without executing any file; a revision's body (`upgrade`/`downgrade`)
 * is imported by {@link ScriptDirectory.load} only when it is about to run.
 *
 * Revision files live directly in `scriptLocation/versions`, or directly in each of the
 * `versionLocations` when given (those replace `versions`). Subdirectories are not searched
 * (as in Alembic without `recursive_version_locations`). A revision file ends in `.ts`,
 * `.mts`, `.js`, `.mjs`, `.cjs`, `.yaml` or `.yml`; declaration files (`.d.ts`, `.d.mts`)
 * and names starting with `.` or `_` (helpers, editor files) are skipped. Revisions are
 * sorted by path (plain code-unit order), so every run sees the same order.
 *
 * @example
 * ```ts
 * const directory = ScriptDirectory.open({ scriptLocation: new URL('./migrations', import.meta.url) })
 * const map = new RevisionMap(directory.revisions)
 * const body = await directory.load(map.get('3f1c2a9b7d10'))
 * ```
 */
export class ScriptDirectory implements RevisionSource {
  /** The script directory, as an absolute path. */
  readonly scriptLocation: string
  /** The directories searched for revision files, as absolute paths. */
  readonly versionLocations: readonly string[]
  /** The env module (`env.ts`, `env.mts`, `env.js` or `env.mjs`, in that order), if any. */
  readonly envPath: string | undefined
  /** Every revision, from the file headers, sorted by path. */
  readonly revisions: readonly Revision[]

  #paths: ReadonlySet<string> | undefined
  readonly #bodies = new Map<string, Promise<RevisionBody>>()
  /**
   * Each YAML revision's text and what it holds as plain data, from the parse that read its
   * header: while the file still has that text, its body is built from the data without
   * parsing it again (taken out when used).
   */
  readonly #yamlData: Map<string, ParsedYaml>
  /**
   * Each file's text as its header was read, so that the import of a TypeScript body and a
   * checksum (the ledger's, the template cache's) do not open the file once more. A text is
   * kept until nothing needs it but the checksum, then swapped for the checksum (in
   * #checksums): a run of 10,000 revisions would otherwise hold every file's text to its
   * end. That is once a TypeScript body is imported, and for any other file (imported
   * natively, or a YAML body built from its own data) once its checksum is taken.
   */
  readonly #texts: Map<string, string>
  /** The checksums of the files whose text was dropped (see #texts). */
  readonly #checksums = new Map<string, string>()
  #typescript: Promise<TypeScriptLoader> | undefined
  #yamlBody: Promise<typeof import('../operations/yaml-body.js')> | undefined

  private constructor(
    scriptLocation: string,
    versionLocations: readonly string[],
    envPath: string | undefined,
    revisions: readonly Revision[],
    yamlData: Map<string, ParsedYaml>,
    texts: Map<string, string>,
  ) {
    this.#yamlData = yamlData
    this.#texts = texts
    this.scriptLocation = scriptLocation
    this.versionLocations = versionLocations
    this.envPath = envPath
    this.revisions = revisions
  }

  /**
   * Opens a script directory and reads the header of every revision file in it. It is
   * synchronous: reading thousands of small files with synchronous calls is several times
   * faster than through the asynchronous API (10,000 files take about 70 ms on two cores,
   * two thirds of it in open/read/close).
   *
   * Paths must be absolute (or `file:` URLs): the config layer resolves relative paths
   * against the config file; the current directory is never used.
   *
   * Throws {@link ConfigError} for a relative path or a missing directory, and
   * {@link RevisionFileError} for a file whose header cannot be read.
   *
   * @example
   * ```ts
   * const directory = ScriptDirectory.open({ scriptLocation: '/app/migrations' })
   * directory.revisions.length
   * ```
   */
  static open(options: ScriptDirectoryOptions): ScriptDirectory {
    const reading = new DirectoryReading(listScriptDirectory(options), options.keepTexts)
    // The yaml package only for a YAML revision outside the subset the reader reads itself;
    // loaded synchronously here (see openAsync for the way a bundler can follow).
    while (!reading.read()) reading.yaml = requireYamlPackage()
    return ScriptDirectory.#from(reading)
  }

  /**
   * {@link ScriptDirectory.open}, loading the YAML parser (when the directory has YAML
   * revisions) with a dynamic `import()`, which bundlers follow. The files are read
   * synchronously all the same.
   *
   * @example
   * ```ts
   * const directory = await ScriptDirectory.openAsync({ scriptLocation: '/app/migrations' })
   * ```
   */
  static async openAsync(options: ScriptDirectoryOptions): Promise<ScriptDirectory> {
    const reading = new DirectoryReading(listScriptDirectory(options), options.keepTexts)
    while (!reading.read()) reading.yaml = await importYamlPackage()
    return ScriptDirectory.#from(reading)
  }

  static #from(reading: DirectoryReading): ScriptDirectory {
    const { listing } = reading
    return new ScriptDirectory(
      listing.scriptLocation,
      Object.freeze(listing.locations),
      listing.envPath,
      Object.freeze(reading.revisions),
      reading.yamlData,
      reading.texts,
    )
  }

  /**
   * The checksum of a revision's file (`revisionChecksum`) from the text its header was
   * read from; a revision not read by this directory has its file read, and `undefined`
   * when that file cannot be read.
   *
   * @example
   * ```ts
   * directory.checksum(directory.revisions[0]!) // 'sha256:...'
   * ```
   */
  checksum(revision: Revision): string | undefined {
    const path = revision.path
    if (path === undefined) return undefined
    const kept = this.#checksums.get(path)
    if (kept !== undefined) return kept
    const text = this.#texts.get(path)
    if (text !== undefined) {
      const checksum = revisionChecksum(text)
      // A TypeScript body not yet imported still needs the text (see #texts).
      if (!isTypeScriptFile(path)) this.#dropText(path, checksum)
      return checksum
    }
    try {
      return revisionFileChecksum(path)
    } catch {
      return undefined
    }
  }

  /**
   * Imports the body of a revision of this directory (once; later calls return the same
   * body). `.js`/`.mjs`/`.cjs` files are imported natively; `.ts`/`.mts` files through a
   * {@link TypeScriptLoader} (compiled once into its cache; the compiler is loaded only then,
   * so an application that never loads TypeScript from disk never needs it); YAML files are
   * read and built by `loadYamlBody`. The module must export an `upgrade` function (and may
   * export `downgrade`), and its `revision`, `downRevision`, `dependsOn`, `branchLabels` and
   * `transaction` must be what its header stated (see `checkBody`).
   *
   * @example
   * ```ts
   * const body = await directory.load(revision)
   * await body.upgrade?.(op)
   * ```
   */
  load(revision: Revision): Promise<RevisionBody> {
    const path = revision.path
    this.#paths ??= new Set(this.revisions.map((r) => r.path as string))
    if (path === undefined || !this.#paths.has(path)) {
      return Promise.reject(
        new RevisionError(
          'unknown-revision-file',
          `revision '${revision.id}'${path === undefined ? ' (with no file)' : ` ('${path}')`} is not from the script directory '${this.scriptLocation}'; load it through the source that produced it`,
        ),
      )
    }
    let body = this.#bodies.get(path)
    if (body === undefined) {
      body = this.#import(revision, path)
      this.#bodies.set(path, body)
      // A failed import is not cached: the next call (after the file is fixed) tries again.
      body.catch(() => this.#bodies.delete(path))
    }
    return body
  }

  async #import(revision: Revision, path: string): Promise<RevisionBody> {
    if (path.endsWith('.yaml') || path.endsWith('.yml')) return this.#loadYaml(revision, path)
    let module: unknown
    try {
      if (path.endsWith('.ts') || path.endsWith('.mts')) {
        // Loaded on first use: a directory of JavaScript or YAML never loads it.
        this.#typescript ??= import('./typescript-loader.js').then(
          ({ TypeScriptLoader }) => new TypeScriptLoader(),
        )
        // The text its header was read from: the file is not opened again.
        const text = this.#texts.get(path)
        module = await (await this.#typescript).import(path, text)
        // The compiled body is in: the text's last use is the checksum (see #texts).
        if (text !== undefined && this.#texts.get(path) === text)
          this.#dropText(path, revisionChecksum(text))
      } else {
        module = await import(/* webpackIgnore: true */ /* @vite-ignore */ pathToFileURL(path).href)
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const failure = new RevisionFileError(
        path,
        undefined,
        `failed to import: ${oneLine(reason)}; fix the error in this file`,
      )
      failure.cause = error
      throw failure
    }
    return checkBody(moduleExports(module), revision, path)
  }

  #dropText(path: string, checksum: string): void {
    this.#checksums.set(path, checksum)
    this.#texts.delete(path)
  }

  async #loadYaml(revision: Revision, path: string): Promise<RevisionBody> {
    const parsed = this.#yamlData.get(path)
    this.#yamlData.delete(path)
    this.#yamlBody ??= import('../operations/yaml-body.js')
    const { loadYamlBody } = await this.#yamlBody
    // A file whose stamp is unchanged still has the text read with its header.
    const unchanged =
      parsed !== undefined && sameStamp(statSync(path, { throwIfNoEntry: false }), parsed.stamp)
    const text = unchanged ? parsed.text : readFileSync(path, 'utf8')
    if (parsed !== undefined && parsed.text === text) {
      try {
        return loadYamlBody(parsed.data, path)
      } catch (error) {
        // Built again from the document below, so that the error names its line.
        if (!(error instanceof RevisionFileError)) throw error
      }
    } else {
      // The file changed since its header was read: read it again, header first.
      const fast = readYamlRevisionFast(text)
      if (fast !== undefined) {
        checkHeaderMatches(
          fast.header as unknown as Readonly<Record<string, unknown>>,
          revision,
          path,
        )
        try {
          return loadYamlBody(fast.data, path)
        } catch (error) {
          if (!(error instanceof RevisionFileError)) throw error
        }
      }
    }
    const yaml = await importYamlPackage()
    const lineCounter = new yaml.LineCounter()
    const document = yaml.parseDocument(text, { lineCounter })
    const header = readYamlDocumentHeader(yaml, document, lineCounter, path)
    checkHeaderMatches(header as unknown as Readonly<Record<string, unknown>>, revision, path)
    return loadYamlBody(document, path, lineCounter)
  }
}

/**
 * The reading of a listed directory's files, in path order. It stops (`read()` returns
 * false) at the first YAML revision outside the subset that the reader reads itself, until
 * the caller sets {@link DirectoryReading.yaml}; then it goes on from that file, so the
 * first bad file is still the one reported.
 */
class DirectoryReading {
  readonly listing: Listing
  readonly revisions: Revision[] = []
  readonly yamlData = new Map<string, ParsedYaml>()
  readonly texts = new Map<string, string>()
  yaml: YamlApi | undefined
  #next = 0
  readonly #buffer = Buffer.allocUnsafe(READ_BUFFER_SIZE)
  /** The text of the file `read()` stopped at, so that it is not read twice. */
  #pending: string | undefined
  /** The {@link FileStamp} of the last YAML file read. */
  readonly #stamp: { value: FileStamp } = { value: NO_STAMP }

  readonly #keepTexts: boolean

  constructor(listing: Listing, keepTexts: boolean | undefined) {
    this.listing = listing
    this.#keepTexts = keepTexts !== false
  }

  read(): boolean {
    const { paths } = this.listing
    for (; this.#next < paths.length; this.#next++) {
      const path = paths[this.#next]!
      const yamlFile = isYamlPath(path)
      const text = this.#pending ?? readText(path, this.#buffer, yamlFile ? this.#stamp : undefined)
      this.#pending = undefined
      // A directory (or another non-file) named like a revision file is not one.
      if (text === undefined) continue
      let header: RevisionHeader
      if (yamlFile) {
        const read =
          readYamlRevisionFast(text) ??
          (this.yaml === undefined ? undefined : readYamlRevision(text, path, this.yaml))
        if (read === undefined) {
          this.#pending = text
          return false
        }
        header = read.header
        // What the body needs later; a document that does not convert is read again then.
        if (read.data !== undefined)
          this.yamlData.set(path, { text, data: read.data, stamp: this.#stamp.value })
      } else {
        header = readScriptHeader(text, path, path.endsWith('.js') || path.endsWith('.cjs'))
      }
      if (this.#keepTexts) this.texts.set(path, text)
      this.revisions.push(createRevision(header, path))
    }
    return true
  }
}

/** A YAML revision as its header read found it: the file's text and its data. */
interface ParsedYaml {
  readonly text: string
  readonly data: unknown
  /** The file's {@link FileStamp} when it was read. */
  readonly stamp: FileStamp
}

/**
 * What tells a file that has not changed since it was read without reading it again: its
 * inode, size, and modification and change times (the change time moves on every write,
 * to the nanosecond on the file systems that keep it).
 */
interface FileStamp {
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
  readonly ctimeMs: number
}

const NO_STAMP: FileStamp = { ino: -1, size: -1, mtimeMs: -1, ctimeMs: -1 }

function fileStamp(stats: Stats): FileStamp {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs }
}

function sameStamp(stats: Stats | undefined, stamp: FileStamp): boolean {
  return (
    stats !== undefined &&
    stats.ino === stamp.ino &&
    stats.size === stamp.size &&
    stats.mtimeMs === stamp.mtimeMs &&
    stats.ctimeMs === stamp.ctimeMs
  )
}

/** What {@link listScriptDirectory} finds: the revision files, sorted, not yet read. */
interface Listing {
  readonly scriptLocation: string
  readonly locations: string[]
  readonly envPath: string | undefined
  readonly paths: readonly string[]
}

function listScriptDirectory(options: ScriptDirectoryOptions): Listing {
  const scriptLocation = toAbsolutePath(options.scriptLocation, 'scriptLocation')
  let scriptFiles: string[]
  try {
    scriptFiles = readdirSync(scriptLocation)
  } catch (error) {
    throw directoryError(error, scriptLocation, 'script directory', 'scriptLocation')
  }
  const envName = ENV_FILE_NAMES.find((name) => scriptFiles.includes(name))
  const envPath = envName === undefined ? undefined : join(scriptLocation, envName)

  const locations =
    options.versionLocations === undefined
      ? [join(scriptLocation, 'versions')]
      : [
          ...new Set(
            options.versionLocations.map((location, index) =>
              toAbsolutePath(location, `versionLocations[${index}]`),
            ),
          ),
        ]

  const paths: string[] = []
  for (const location of locations) {
    let entries: string[]
    try {
      entries = readdirSync(location)
    } catch (error) {
      throw directoryError(
        error,
        location,
        'versions directory',
        options.versionLocations === undefined ? 'scriptLocation' : 'versionLocations',
      )
    }
    const names: string[] = []
    for (const name of entries) if (isRevisionFileName(name)) names.push(name)
    // The default sort compares UTF-16 code units: the same order in every locale. Sorting
    // the names before adding the shared prefix gives the same order, with shorter compares.
    names.sort()
    const prefix = location.endsWith(sep) ? location : location + sep
    for (const name of names) paths.push(prefix + name)
  }
  if (locations.length > 1) paths.sort()
  return { scriptLocation, locations, envPath, paths }
}

function isTypeScriptFile(path: string): boolean {
  return path.endsWith('.ts') || path.endsWith('.mts')
}

function isYamlPath(path: string): boolean {
  return path.endsWith('.yaml') || path.endsWith('.yml')
}

/** A revision file: a known extension, not a declaration file, not hidden or a helper. */
function isRevisionFileName(name: string): boolean {
  const first = name.charCodeAt(0)
  if (first === 46 /* . */ || first === 95 /* _ */) return false
  if (name.endsWith('.ts') || name.endsWith('.mts')) return !DECLARATION_FILE.test(name)
  return (
    name.endsWith('.js') ||
    name.endsWith('.mjs') ||
    name.endsWith('.cjs') ||
    name.endsWith('.yaml') ||
    name.endsWith('.yml')
  )
}

const DECLARATION_FILE = /\.d\.m?ts$/

/**
 * Reads a file as UTF-8 (one read for small files); `undefined` when it is not a file. With
 * `stamp`, also records its {@link FileStamp} there.
 */
function readText(path: string, buffer: Buffer, stamp?: { value: FileStamp }): string | undefined {
  let fd: number
  try {
    // The numeric flag: the string 'r' is parsed again on every one of thousands of calls.
    fd = openSync(path, constants.O_RDONLY)
  } catch (error) {
    throw new RevisionFileError(
      path,
      undefined,
      `cannot be read (${codeOf(error)}); check the file's permissions`,
    )
  }
  let length: number
  try {
    if (stamp !== undefined) stamp.value = fileStamp(fstatSync(fd))
    length = readSync(fd, buffer, 0, buffer.length, 0)
  } catch (error) {
    if (codeOf(error) === 'EISDIR') return undefined
    throw new RevisionFileError(
      path,
      undefined,
      `cannot be read (${codeOf(error)}); check the file`,
    )
  } finally {
    closeSync(fd)
  }
  if (length === buffer.length) return readFileSync(path, 'utf8')
  return buffer.toString('utf8', 0, length)
}

function toAbsolutePath(location: string | URL, key: string): string {
  if (location instanceof URL || location.startsWith('file:')) {
    const url = location instanceof URL ? location : new URL(location)
    if (url.protocol !== 'file:') {
      throw new ConfigError(
        `${key} '${url.href}' is not a file URL; pass an absolute path or a file: URL`,
      )
    }
    return resolve(fileURLToPath(url))
  }
  if (!isAbsolute(location)) {
    throw new ConfigError(
      `${key} '${location}' is a relative path; pass an absolute path or a file URL (new URL('./migrations', import.meta.url)), or set it in retort.yaml, where it is relative to the file`,
    )
  }
  // `resolve` of an absolute path normalises it (and drops a trailing separator) without
  // consulting the current directory.
  return resolve(location)
}

function directoryError(error: unknown, path: string, what: string, key: string): ConfigError {
  const code = codeOf(error)
  const message =
    code === 'ENOENT'
      ? `${what} '${path}' does not exist; run 'retort init' to create a script directory, or correct ${key}`
      : code === 'ENOTDIR'
        ? `${what} '${path}' is not a directory; correct ${key}`
        : `${what} '${path}' cannot be read (${code}); check its permissions`
  return new ConfigError(message, { cause: error })
}

function codeOf(error: unknown): string {
  return (error as { code?: unknown } | null)?.code === undefined
    ? String(error)
    : String((error as { code: unknown }).code)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

// A bundle that carries this module (it imports ScriptDirectory, or all of @retort/core)
// reads script directories with it, and TypeScript env modules with the loader it imports
// for TypeScript revisions: see importUnbundled.
provideUnbundled('./script-directory.js', () => ({ ScriptDirectory }))
provideUnbundled('./typescript-loader.js', () => import('./typescript-loader.js'))
