import { ConfigError, RevisionError, RevisionFileError } from '../errors.js'
import {
  createRevision,
  type Revision,
  type RevisionBody,
  type RevisionHeader,
  type RevisionModule,
  type RevisionSource,
} from '../revision.js'
import { checkBody, checkExportNames, moduleExports } from './check-body.js'
import { checkHeaderValue, describeValue, HEADER_KEYS } from './check-header-value.js'
import { revisionModuleText } from './module-text.js'
import { revisionChecksum } from '../schema/revision-checksum.js'

/**
 * A function that imports a revision module, as a lazy `import.meta.glob` entry gives
 * (`() => import('./versions/a1.js')`).
 *
 * @example
 * ```ts
 * const lazy: LazyRevisionModule = () => import('./versions/3f1c2a9b7d10_create_account.js')
 * ```
 */
export type LazyRevisionModule = () => Promise<unknown>

/**
 * What a bundled application passes instead of a script directory:
 *
 * - a list of revision modules: the namespaces of revision files
 *   (`import * as r1 from './versions/r1.js'`), objects shaped like them, or
 *   {@link LazyRevisionModule} functions;
 * - or a record of them by path, as `import.meta.glob('./versions/*.ts')` gives (lazy) or
 *   `import.meta.glob('./versions/*.ts', { eager: true })` (eager).
 *
 * @example
 * ```ts
 * import * as r1 from './versions/3f1c2a9b7d10_create_account.js'
 * import * as r2 from './versions/9a0b1c2d3e4f_add_name.js'
 * const migrations: MigrationsInput = [r1, r2]
 * ```
 */
export type MigrationsInput =
  readonly (RevisionModule | LazyRevisionModule)[] | Readonly<Record<string, unknown>>

/**
 * Makes a {@link RevisionSource} of revision modules passed as values (a bundled
 * application, where there is no script directory to read). Each module's header exports
 * are checked with the same rules as a file header (`revision` a string; `downRevision`
 * required, `null` for a root; `downRevision`, `dependsOn`, `branchLabels` a string, null or
 * a list of distinct strings; `message` a string or null; `transaction` a boolean; no export
 * named like a misspelt revision key); errors are {@link RevisionFileError}s naming the
 * entry: its record key, or `migrations[INDEX]` in a list.
 *
 * It is asynchronous because a lazy entry's header is known only once it is imported:
 * every lazy entry is imported here (all at once), so lazy globs save nothing at start-up
 * but are accepted for convenience. `upgrade`/`downgrade` are checked by `load`, when a
 * revision is about to run. A revision's `path` is its record key, or `undefined` for a
 * list entry. Record entries are taken in key order (code units), so every run sees the
 * same order.
 *
 * @example
 * ```ts
 * const source = await moduleSource(import.meta.glob('./versions/*.ts'))
 * const map = new RevisionMap(source.revisions)
 * ```
 */
export async function moduleSource(migrations: MigrationsInput): Promise<RevisionSource> {
  let entries: {
    readonly where: string
    readonly path: string | undefined
    readonly value: unknown
  }[]
  if (Array.isArray(migrations)) {
    entries = migrations.map((value: unknown, index) => ({
      where: `migrations[${index}]`,
      path: undefined,
      value,
    }))
  } else if (typeof migrations === 'object' && migrations !== null) {
    const record = migrations as Readonly<Record<string, unknown>>
    entries = Object.keys(record)
      .sort()
      .map((key) => ({ where: key, path: key, value: record[key] }))
  } else {
    throw new ConfigError(
      `migrations must be a list of revision modules or a record of them by path (import.meta.glob output), not ${describeValue(migrations)}`,
    )
  }

  const modules = await Promise.all(
    entries.map(({ where, value }) =>
      typeof value === 'function' ? importEntry(value as LazyRevisionModule, where) : value,
    ),
  )
  const revisions: Revision[] = []
  const sources = new Map<
    Revision,
    {
      readonly exports: Readonly<Record<string, unknown>>
      readonly where: string
      readonly text: string | undefined
    }
  >()
  entries.forEach(({ where, path }, index) => {
    const module = modules[index]
    if (typeof module !== 'object' || module === null) {
      throw new RevisionFileError(
        where,
        undefined,
        `is not a revision module (got ${describeValue(module)}); pass the module namespace, e.g. import * as r1 from './versions/r1.js'`,
      )
    }
    const exports = moduleExports(module)
    const revision = createRevision(readModuleHeader(exports, where), path)
    revisions.push(revision)
    sources.set(revision, { exports, where, text: revisionModuleText(module) })
  })
  return new ModuleSource(Object.freeze(revisions), sources)
}

class ModuleSource implements RevisionSource {
  readonly revisions: readonly Revision[]
  readonly #sources: ReadonlyMap<
    Revision,
    {
      readonly exports: Readonly<Record<string, unknown>>
      readonly where: string
      readonly text: string | undefined
    }
  >
  readonly #bodies = new Map<Revision, RevisionBody>()

  constructor(
    revisions: readonly Revision[],
    sources: ReadonlyMap<
      Revision,
      {
        readonly exports: Readonly<Record<string, unknown>>
        readonly where: string
        readonly text: string | undefined
      }
    >,
  ) {
    this.revisions = revisions
    this.#sources = sources
  }

  /** The checksum of the module's YAML text, or of its header and function sources. */
  checksum(revision: Revision): string | undefined {
    const text = this.#sources.get(revision)?.text
    return text === undefined ? undefined : revisionChecksum(text)
  }

  async load(revision: Revision): Promise<RevisionBody> {
    const cached = this.#bodies.get(revision)
    if (cached !== undefined) return cached
    const source = this.#sources.get(revision)
    if (source === undefined) {
      throw new RevisionError(
        'unknown-revision-module',
        `revision '${revision.id}' is not one of the modules passed as migrations; load it through the source that produced it`,
      )
    }
    const body = checkBody(source.exports, revision, source.where)
    this.#bodies.set(revision, body)
    return body
  }
}

async function importEntry(load: LazyRevisionModule, where: string): Promise<unknown> {
  try {
    return await load()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const failure = new RevisionFileError(
      where,
      undefined,
      `failed to import: ${reason.replace(/\s+/g, ' ').trim()}; fix the error in this module`,
    )
    failure.cause = error
    throw failure
  }
}

/** The header exports of a module, checked like a file header. */
function readModuleHeader(
  exports: Readonly<Record<string, unknown>>,
  where: string,
): RevisionHeader {
  if (exports['revision'] === undefined) {
    throw new RevisionFileError(
      where,
      undefined,
      `exports no 'revision'; a revision module exports const revision = '<id>' (with downRevision, upgrade and downgrade)`,
    )
  }
  checkExportNames(exports, where)
  const header: Record<string, unknown> = {}
  for (const key of HEADER_KEYS) {
    const value = exports[key]
    const problem = checkHeaderValue(key, value, 'script')
    if (problem !== undefined) throw new RevisionFileError(where, undefined, problem)
    if (value !== undefined) header[key] = value
  }
  if (header['downRevision'] === undefined) {
    // The same rule as for a file: without it the revision would silently be a second root.
    throw new RevisionFileError(
      where,
      undefined,
      `revision '${header['revision'] as string}' exports no 'downRevision'; export const downRevision = null for a root revision, the parent's id, or a list of ids for a merge`,
    )
  }
  return header as unknown as RevisionHeader
}
