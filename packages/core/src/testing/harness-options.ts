import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadRevisions, type LoadedRevisions } from '../session/load-revisions.js'
import { Config } from '../config/config.js'
import { loadConfig } from '../config/load-config.js'
import { maskUrl } from '../config/mask-url.js'
import type { Dialect } from '../dialect.js'
import { dialectForUrl, projectDirectory } from '../env/dialect-for-url.js'
import { ConfigError } from '../errors.js'
import { nearestName } from '../operations/nearest-name.js'
import type { Revision } from '../revision.js'
import type { MigrationsInput } from '../script/module-source.js'
import type { HarnessCheckName, HarnessFinding } from './harness-error.js'

/** The database kind the harness uses when given none: a private in-memory SQLite database. */
export const DEFAULT_HARNESS_URL = 'sqlite://'

/**
 * Progress of a check, one event per revision (stairway, bodies) or per check.
 *
 * @example
 * ```ts
 * const onProgress = (event: HarnessProgress) => console.log(event.index, '/', event.total, event.revision?.id)
 * ```
 */
export interface HarnessProgress {
  readonly check: HarnessCheckName
  /** The revision just done (stairway, bodies). */
  readonly revision?: Revision | undefined
  /** 1-based position of the revision, and how many there are. */
  readonly index: number
  readonly total: number
  /** What it found for that revision (empty: it passed). */
  readonly findings: readonly HarnessFinding[]
}

/**
 * Where the harness finds the revisions and which kind of database it tests on. Give one of
 * `config`, `scriptLocation`, `migrations` or `revisions`.
 *
 * The revisions run on a scratch database made for the test and dropped afterwards (see
 * `openScratchDatabase`): by default a private in-memory SQLite database; with `url` (or
 * `dialect`) a new schema of that PostgreSQL database, or a new database on that
 * MySQL/MariaDB server. The database the URL names is never changed. The env module is not
 * run: the harness chooses the connection.
 *
 * @example
 * ```ts
 * const options: HarnessOptions = {
 *   config: new URL('../retort.yaml', import.meta.url),
 *   url: process.env.TEST_DATABASE_URL,
 * }
 * ```
 */
export interface HarnessOptions {
  /** A `Config`, or the absolute path (or file URL) of `retort.yaml`. */
  readonly config?: Config | string | URL | undefined
  /** The script directory, when there is no config file. */
  readonly scriptLocation?: string | URL | undefined
  /** The revision modules of a bundled application. */
  readonly migrations?: MigrationsInput | undefined
  /** Revisions already read by `loadRevisions`. */
  readonly revisions?: LoadedRevisions | undefined
  /**
   * The kind of database to test on, as a URL (`postgresql://user@host/db`,
   * `mariadb://root@host`); default `sqlite://` (in memory). `undefined` means the default.
   */
  readonly url?: string | undefined
  /** A dialect to make the scratch database from, instead of `url`. */
  readonly dialect?: Dialect | undefined
  /** The version table's name in the scratch database; default: the config's, else `retort_version`. */
  readonly versionTable?: string | undefined
  /** Makes the dialect of `url` (the CLI knows every dialect); default `dialectForUrl`. */
  readonly resolveDialect?: ((url: string) => Dialect | Promise<Dialect>) | undefined
  /** Called as the check goes. */
  readonly onProgress?: ((event: HarnessProgress) => void) | undefined
}

const HARNESS_OPTION_KEYS: readonly string[] = [
  'config',
  'scriptLocation',
  'migrations',
  'revisions',
  'url',
  'dialect',
  'versionTable',
  'resolveDialect',
  'onProgress',
]

/** What every check starts from: the config, the revisions, and where the scratch database comes from. */
export interface PreparedHarness {
  readonly config: Config
  readonly loaded: LoadedRevisions
  /** The dialect or URL the scratch database is made from. */
  readonly from: Dialect | string
  /** How the database kind is described: `sqlite (in memory)`, `postgresql://app@db/app`. */
  readonly where: string
  readonly versionTable: string
  readonly resolveDialect: ((url: string) => Dialect | Promise<Dialect>) | undefined
  readonly onProgress: (event: HarnessProgress) => void
}

/**
 * Checks the options (an unknown key names the nearest known one), reads the config and
 * the revisions' headers. Throws `ConfigError` before anything runs.
 *
 * @example
 * ```ts
 * const { loaded } = await prepareHarness({ scriptLocation: '/app/migrations' })
 * ```
 */
export async function prepareHarness(
  options: HarnessOptions,
  extraKeys: readonly string[] = [],
): Promise<PreparedHarness> {
  const known = [...HARNESS_OPTION_KEYS, ...extraKeys]
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue
    const near = nearestName(key, known)
    throw new ConfigError(
      `unknown test harness option '${key}'${near === undefined ? '' : ` (did you mean '${near}'?)`}; known options: ${known.join(', ')}`,
    )
  }
  const sources = (['config', 'scriptLocation', 'migrations', 'revisions'] as const).filter(
    (key) => options[key] !== undefined,
  )
  if (sources.length === 0) {
    throw new ConfigError(
      `the test harness needs the revisions: pass config (the path of retort.yaml), scriptLocation, migrations or revisions`,
    )
  }
  if (options.url !== undefined && options.dialect !== undefined) {
    throw new ConfigError(`the test harness was given both url and dialect; pass one of them`)
  }
  if (options.url !== undefined && (typeof options.url !== 'string' || options.url === '')) {
    throw new ConfigError(`the test harness option url must be a database URL string`)
  }
  const config = await harnessConfig(options)
  const loaded = await loadRevisions(config, {
    ...(options.migrations === undefined ? {} : { migrations: options.migrations }),
    ...(options.revisions === undefined ? {} : { revisions: options.revisions }),
  })
  const url = options.url ?? DEFAULT_HARNESS_URL
  return {
    config,
    loaded,
    from: options.dialect ?? url,
    // A SQLite scratch database is always a private in-memory one, whatever file is named.
    where:
      options.dialect !== undefined
        ? options.dialect.name === 'sqlite'
          ? 'sqlite (in memory)'
          : options.dialect.description
        : url.startsWith('sqlite:')
          ? 'sqlite (in memory)'
          : maskUrl(url),
    versionTable: options.versionTable ?? config.versionTable.name,
    // The scratch database's dialect package: the project's (next to the config, else the
    // script directory), else core's; see `importDialectPackage`.
    resolveDialect:
      options.resolveDialect ??
      ((from: string) =>
        dialectForUrl(from, {
          baseDir: config.directory,
          projectDir: projectDirectory(config),
          setting: 'the scratch database URL',
        })),
    onProgress: options.onProgress ?? (() => {}),
  }
}

async function harnessConfig(options: HarnessOptions): Promise<Config> {
  const { config } = options
  if (config instanceof Config) return config
  if (config !== undefined) {
    const path = typeof config === 'string' ? config : fileURLToPath(config)
    if (!isAbsolute(path)) {
      throw new ConfigError(
        `the test harness option config '${path}' is relative; pass an absolute path or a URL (new URL('../retort.yaml', import.meta.url))`,
      )
    }
    return loadConfig({ file: path, cwd: '/' })
  }
  if (options.scriptLocation !== undefined) {
    return new Config({ scriptLocation: options.scriptLocation })
  }
  return new Config({})
}
