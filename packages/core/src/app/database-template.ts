import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { QualifiedName } from '../dialect.js'
import type { LoadedRevisions } from '../session/load-revisions.js'
import { revisionFileChecksum } from '../schema/revision-checksum.js'

/** Bumped when what a template file holds changes shape, so an older one is never reused. */
export const TEMPLATE_FORMAT = 'retort-template-1'

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\0'

/**
 * The key of a database template: the heads, each revision's id with the checksum of its
 * file (in graph order), the dialect and the version table. `durable` is `false` when a
 * revision has no file (bundled modules): the key is then good for this process only, as
 * the code behind an id may change between builds, so it is never used on disk.
 *
 * @example
 * ```ts
 * const { key, durable } = templateKey(loaded, 'sqlite', { name: 'retort_version' })
 * ```
 */
export function templateKey(
  loaded: LoadedRevisions,
  dialectName: string,
  versionTable: QualifiedName,
): { readonly key: string; readonly durable: boolean } {
  const parts: string[] = [
    TEMPLATE_FORMAT,
    dialectName,
    versionTable.schema ?? '',
    versionTable.name,
    `heads=${[...loaded.map.heads].sort().join(',')}`,
  ]
  let durable = true
  for (const id of loaded.map.topologicalOrder) {
    const path = loaded.map.get(id)?.path
    let checksum = 'no-file'
    if (path === undefined) durable = false
    else {
      try {
        checksum = revisionFileChecksum(path)
      } catch {
        durable = false
      }
    }
    parts.push(`${id}=${checksum}`)
  }
  const key = createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex')
  return { key, durable }
}

/**
 * Database templates (the bytes of a database at the heads) by key: in memory for the life
 * of the object, and in `directory` when given, so a later process starts from the file.
 * The disk never fails a call: an entry that cannot be read or is not a SQLite file, or a
 * write that fails, means "not cached". Entries are written to a temporary name and
 * renamed into place, so a reader never sees half of one.
 *
 * @example
 * ```ts
 * const templates = new TemplateStore('/var/cache/app/retort-templates')
 * const bytes = templates.get(key, true) ?? templates.put(key, true, await build())
 * ```
 */
export class TemplateStore {
  readonly #memory = new Map<string, Uint8Array>()
  readonly #directory: string | undefined

  constructor(directory?: string | undefined) {
    this.#directory = directory
  }

  /** The directory of the disk cache, when there is one. */
  get directory(): string | undefined {
    return this.#directory
  }

  /**
   * The template of `key` and where it came from, or `undefined`.
   *
   * @example
   * ```ts
   * templates.get(key, durable)?.source // 'memory' | 'disk'
   * ```
   */
  get(
    key: string,
    durable: boolean,
  ): { readonly bytes: Uint8Array; readonly source: 'memory' | 'disk' } | undefined {
    const held = this.#memory.get(key)
    if (held !== undefined) return { bytes: held, source: 'memory' }
    if (!durable || this.#directory === undefined) return undefined
    try {
      const bytes = readFileSync(join(this.#directory, `${key}.sqlite`))
      if (bytes.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return undefined
      this.#memory.set(key, bytes)
      return { bytes, source: 'disk' }
    } catch {
      return undefined
    }
  }

  /**
   * Keeps `bytes` as the template of `key` (on disk too when `durable` and a directory was
   * given); returns them.
   *
   * @example
   * ```ts
   * templates.put(key, true, bytes)
   * ```
   */
  put(key: string, durable: boolean, bytes: Uint8Array): Uint8Array {
    this.#memory.set(key, bytes)
    if (durable && this.#directory !== undefined) {
      const file = join(this.#directory, `${key}.sqlite`)
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
      try {
        mkdirSync(this.#directory, { recursive: true })
        writeFileSync(temporary, bytes, { flag: 'wx' })
        renameSync(temporary, file)
      } catch {
        rmSync(temporary, { force: true })
      }
    }
    return bytes
  }
}
