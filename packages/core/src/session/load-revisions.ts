import type { Config } from '../config/config.js'
import { RevisionMap } from '../graph/revision-map.js'
import { Squashes } from '../graph/squashes.js'
import type { RevisionSource } from '../revision.js'
import { moduleSource, type MigrationsInput } from '../script/module-source.js'
import { importUnbundled } from '../script/import-unbundled.js'

/** Revisions and their graph, loaded once per command. */
export interface LoadedRevisions {
  readonly source: RevisionSource
  readonly map: RevisionMap
  /** The env module of the script directory, when it has one. */
  readonly envPath: string | undefined
  /**
   * The squash revisions and what they replace (see `Squashes`): `map` is built without
   * the replaced revisions. Absent: none.
   */
  readonly squashes?: Squashes | undefined
}

/**
 * Where a command's revisions come from: the fields of `CommandOptions` that say so (any
 * command's options can be passed).
 */
export interface RevisionInputs {
  readonly revisions?: LoadedRevisions | undefined
  readonly migrations?: MigrationsInput | undefined
}

/**
 * What a command does with the revisions it loads: `'bodies'` (it may import them or take
 * their checksums) or `'graph'` (it reads the graph only: the files' texts are not kept).
 */
export type RevisionUse = 'bodies' | 'graph'

/**
 * Reads the revisions of a command: `options.revisions` when already read, else the bundled
 * modules in `options.migrations`, else the script directory of the config (headers only;
 * no revision body is imported). With `use` `'graph'`, a script directory keeps no file
 * text for later imports and checksums (see `ScriptDirectoryOptions.keepTexts`).
 *
 * @example
 * ```ts
 * const { map } = await loadRevisions(config)
 * map.heads
 * ```
 */
export async function loadRevisions(
  config: Config,
  options: RevisionInputs = {},
  use: RevisionUse = 'bodies',
): Promise<LoadedRevisions> {
  if (options.revisions !== undefined) return options.revisions
  if (options.migrations !== undefined) {
    const source = await moduleSource(options.migrations)
    const { revisions, squashes } = Squashes.split(source.revisions)
    return { source, map: new RevisionMap(revisions), envPath: undefined, squashes }
  }
  // Not a static import: an application bundled with `migrations` never reads a directory,
  // and the reader brings the YAML parser and the TypeScript loader.
  const { ScriptDirectory } = await importUnbundled<typeof import('../script/script-directory.js')>(
    './script-directory.js',
    "reading revisions from a directory ('scriptLocation')",
  )
  const directory = await ScriptDirectory.openAsync({
    scriptLocation: config.scriptLocation,
    ...(config.versionLocations === undefined ? {} : { versionLocations: config.versionLocations }),
    keepTexts: use === 'bodies',
  })
  const { revisions, squashes } = Squashes.split(directory.revisions)
  return {
    source: directory,
    map: new RevisionMap(revisions),
    envPath: directory.envPath,
    squashes,
  }
}
