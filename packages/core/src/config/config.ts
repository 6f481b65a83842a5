import { dirname, isAbsolute, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QualifiedName } from '../dialect.js'
import { ConfigError } from '../errors.js'
import type { TransactionMode } from '../run-settings.js'
import {
  CONFIG_DEFAULTS,
  CONFIG_KEYS,
  UnresolvedDatabase,
  checkKeyName,
  normalizeConfigEntry,
  normalizeConfigValues,
  type ConfigLocation,
  type ConfigValues,
  type PostWriteHook,
  type RevisionFormat,
} from './config-keys.js'
import { nearestName } from '../operations/nearest-name.js'
import { interpolateEnv, type EnvVariables } from './interpolate-env.js'
import { isPlainObject } from './is-plain-object.js'
import { describeKey as keyDescription, type KeySource } from './key-source.js'
import { maskSecrets, maskUrl } from './mask-url.js'

/** Options of {@link Config}. */
export interface ConfigOptions {
  /**
   * The config file the values came from (absolute path or file URL): relative paths in the
   * values are resolved against its directory, and errors name it.
   */
  readonly path?: string | URL | undefined
  /** Selects a `databases` entry whose keys override the top level. */
  readonly name?: string | undefined
  /**
   * The line of each key in the config file, by dotted path (`'databases.main.url'` -> 6),
   * so that errors name it. {@link loadConfig} fills it.
   */
  readonly lines?: ReadonlyMap<string, number> | undefined
  /**
   * Variables for `${NAME}` in string values (what {@link loadConfig} passes: the
   * environment). The top level is replaced at once; a `databases` entry when it is
   * selected, so an unset variable that only another entry uses is no error. Without it,
   * values are taken as they are.
   */
  readonly env?: EnvVariables | undefined
}

type Values = Record<string, unknown>

/**
 * The effective configuration: the values of `retort.yaml` (see {@link loadConfig}) or
 * values passed in code, checked key by key: an unknown key is an error naming the nearest
 * known one (values for the env module go under `settings`). Relative paths are resolved
 * against the config file's directory, never against the current directory.
 *
 * A config may select one named target of `databases` (`name`); its keys then override the
 * top level. `set()` on an unnamed config changes the top level (database entries still
 * override it); on a named config it changes that target only.
 *
 * @example
 * ```ts
 * const config = new Config({ scriptLocation: new URL('./migrations', import.meta.url), url: 'sqlite:////data/app.db' })
 * config.set('versionTable', 'app_version')
 * config.versionTable // { name: 'app_version', schema: undefined }
 * ```
 */
export class Config {
  readonly #path: string | undefined
  readonly #name: string | undefined
  readonly #top: Values
  readonly #own: Values
  readonly #lines: ReadonlyMap<string, number> | undefined
  /** Top-level keys changed by `set()`: their file lines no longer apply. */
  readonly #setInCode = new Set<string>()

  constructor(values: ConfigValues = {}, options: ConfigOptions = {}) {
    this.#path = configPath(options.path)
    this.#lines = options.lines
    const source: KeySource = { file: this.#path, prefix: '', lines: this.#lines }
    this.#top = normalizeConfigValues(topLevel(values, source, options.env), source, options.env)
    this.#own = {}
    this.#name = options.name
    if (options.name !== undefined) this.#entry(options.name)
  }

  /** The config file, absolute; `undefined` for values passed in code. */
  get path(): string | undefined {
    return this.#path
  }

  /** The config file's directory: the base of relative paths. */
  get directory(): string | undefined {
    return this.#path === undefined ? undefined : dirname(this.#path)
  }

  /** The selected `databases` entry, if any. */
  get name(): string | undefined {
    return this.#name
  }

  /**
   * The effective value of a key, checked and normalised (`transactionPerMigration` is read
   * from `transactionMode`), or the key's default. An unknown key is a ConfigError naming
   * the nearest known one.
   *
   * @example
   * ```ts
   * const table = config.get('versionTable') // 'retort_version'
   * ```
   */
  get(key: string): unknown {
    checkKeyName(key, { file: undefined, prefix: '' })
    if (key === 'settings') return this.settings
    if (key === 'transactionPerMigration') {
      const mode = this.transactionMode
      return mode === 'none' ? undefined : mode === 'each'
    }
    return this.#lookup(key) ?? CONFIG_DEFAULTS[key]
  }

  /**
   * Sets a key (checked like a file value); `undefined` removes it. Returns the config.
   *
   * @example
   * ```ts
   * config.set('url', `sqlite:///${dbPath}`).set('lockTimeout', 5000)
   * ```
   */
  set(key: string, value: unknown): this {
    checkKeyName(key, { file: undefined, prefix: '' })
    if (key === 'databases' && this.#name !== undefined) {
      throw new ConfigError(
        `'databases' cannot be set on the config of database '${this.#name}'; set it on the top-level config`,
      )
    }
    const target = this.#name === undefined ? this.#top : this.#own
    const stored = key === 'transactionPerMigration' ? 'transactionMode' : key
    if (value === undefined) {
      delete target[stored]
      return this
    }
    const [name, normalized] = normalizeConfigEntry(key, value, { file: undefined, prefix: '' })
    target[name] = normalized
    if (target === this.#top) this.#setInCode.add(name)
    return this
  }

  /**
   * How messages name the key's effective value: the file, line and dotted key it comes
   * from (`/app/retort.yaml:6: 'databases.main.url'`), or `config key 'url'` when it was
   * set in code.
   *
   * @example
   * ```ts
   * throw new Error(`${config.describeKey('url')} must name a PostgreSQL database`)
   * ```
   */
  describeKey(key: string): string {
    const stored = key === 'transactionPerMigration' ? 'transactionMode' : key
    const top: KeySource = { file: this.#path, prefix: '', lines: this.#lines }
    if (this.#name !== undefined) {
      const prefix = `databases.${this.#name}.`
      if (Object.hasOwn(this.#own, stored)) return `config key '${prefix}${key}'`
      if (Object.hasOwn(this.#entry(this.#name), stored)) {
        return keyDescription({ ...top, prefix }, key)
      }
    }
    if (this.#setInCode.has(stored)) return `config key '${key}'`
    return keyDescription(top, key)
  }

  /**
   * The free-form values for the env module (`settings:` in `retort.yaml`): the top level's,
   * with the selected database entry's settings over them one by one. Retort does not read
   * them.
   *
   * @example
   * ```ts
   * const tenant = ctx.config.settings['tenant'] ?? 'default'
   * ```
   */
  get settings(): Readonly<Record<string, unknown>> {
    const merged: Record<string, unknown> = {}
    for (const layer of this.#layers()) {
      const settings = layer['settings']
      if (isPlainObject(settings)) Object.assign(merged, settings)
    }
    return Object.freeze(merged)
  }

  /**
   * `scriptLocation` as an absolute path.
   *
   * @example
   * ```ts
   * const versions = path.join(config.scriptLocation, 'versions')
   * ```
   */
  get scriptLocation(): string {
    const value = this.#lookup('scriptLocation') as ConfigLocation | undefined
    if (value === undefined) {
      throw new ConfigError(
        this.#path === undefined
          ? `no 'scriptLocation' in the config; pass scriptLocation (an absolute path or a file URL) or the migrations themselves`
          : `no 'scriptLocation' in ${this.#path}; set it to the directory of the revisions (scriptLocation: migrations)`,
      )
    }
    return this.#resolve(value, 'scriptLocation')
  }

  /**
   * `versionLocations` as absolute paths; `undefined` when not set (the script directory's
   * `versions/` is used).
   *
   * @example
   * ```ts
   * for (const dir of config.versionLocations ?? []) console.log(dir)
   * ```
   */
  get versionLocations(): readonly string[] | undefined {
    const value = this.#lookup('versionLocations') as readonly ConfigLocation[] | undefined
    return value?.map((item, index) => this.#resolve(item, `versionLocations[${index}]`))
  }

  /**
   * The database URL, password included (print it with {@link maskUrl}).
   *
   * @example
   * ```ts
   * const dialect = config.url ? await dialectForUrl(config.url, { baseDir: config.directory }) : undefined
   * ```
   */
  get url(): string | undefined {
    return this.#lookup('url') as string | undefined
  }

  /**
   * The version table and its schema.
   *
   * @example
   * ```ts
   * const { name, schema } = config.versionTable // { name: 'retort_version', schema: undefined }
   * ```
   */
  get versionTable(): QualifiedName {
    return Object.freeze({
      name: this.get('versionTable') as string,
      schema: this.#lookup('versionTableSchema') as string | undefined,
    })
  }

  /**
   * How revisions are wrapped in transactions (default `'each'`).
   *
   * @example
   * ```ts
   * if (config.transactionMode === 'none') logger.warn('revisions run without transactions')
   * ```
   */
  get transactionMode(): TransactionMode {
    return this.get('transactionMode') as TransactionMode
  }

  /**
   * Wait for another process's migration lock, in ms (default 60000).
   *
   * @example
   * ```ts
   * config.lockTimeout // 60000
   * ```
   */
  get lockTimeout(): number {
    return this.get('lockTimeout') as number
  }

  /**
   * The name of new revision files, without extension (default `{rev}_{slug}`).
   *
   * @example
   * ```ts
   * config.fileTemplate // '{rev}_{slug}'
   * ```
   */
  get fileTemplate(): string {
    return this.get('fileTemplate') as string
  }

  /**
   * The language of new revision files (default `'ts'`).
   *
   * @example
   * ```ts
   * const extension = config.revisionFormat === 'yaml' ? '.yaml' : `.${config.revisionFormat}`
   * ```
   */
  get revisionFormat(): RevisionFormat {
    return this.get('revisionFormat') as RevisionFormat
  }

  /**
   * IANA time zone for dates in new revision files; `undefined`: the system's.
   *
   * @example
   * ```ts
   * new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone }).format(new Date())
   * ```
   */
  get timezone(): string | undefined {
    return this.#lookup('timezone') as string | undefined
  }

  /**
   * Commands to run on a newly written revision file.
   *
   * @example
   * ```ts
   * for (const hook of config.postWriteHooks) console.log(hook.command, hook.args)
   * ```
   */
  get postWriteHooks(): readonly PostWriteHook[] {
    return (this.#lookup('postWriteHooks') as readonly PostWriteHook[] | undefined) ?? []
  }

  /**
   * The names of the `databases` entries, in file order.
   *
   * @example
   * ```ts
   * config.databaseNames // ['main', 'analytics']
   * ```
   */
  get databaseNames(): readonly string[] {
    return Object.freeze(Object.keys(this.#databases()))
  }

  /**
   * Every `databases` entry as its own config, by name (what a multi-database env module
   * iterates).
   *
   * @example
   * ```ts
   * for (const [name, db] of ctx.config.databases) {
   *   await ctx.runMigrations({ name, dialect: await dialectForUrl(db.url!, { baseDir: db.directory }) })
   * }
   * ```
   */
  get databases(): ReadonlyMap<string, Config> {
    return new Map(this.databaseNames.map((name) => [name, this.forDatabase(name)]))
  }

  /**
   * The config of one `databases` entry: its keys over the top level. Throws a ConfigError
   * listing the known names when there is no such entry.
   *
   * @example
   * ```ts
   * const analytics = config.forDatabase('analytics')
   * analytics.versionTable.name
   * ```
   */
  forDatabase(name: string): Config {
    if (name === this.#name) return this
    return this.#copy(name)
  }

  /**
   * An independent copy (same file, same selected database).
   *
   * @example
   * ```ts
   * const mine = config.clone().set('versionTable', 'app_version')
   * ```
   */
  clone(): Config {
    const copy = this.#copy(this.#name)
    Object.assign(copy.#own, copyValues(this.#own))
    return copy
  }

  /**
   * The effective values (known keys with their defaults), as stored: locations as given,
   * the URL with its password, a `databases` entry that uses an unset variable as written.
   *
   * @example
   * ```ts
   * for (const [key, value] of config.entries()) console.log(key, value)
   * ```
   */
  entries(): [string, unknown][] {
    const keys = new Set<string>()
    for (const key of CONFIG_KEYS) if (key !== 'transactionPerMigration') keys.add(key)
    for (const layer of this.#layers()) for (const key of Object.keys(layer)) keys.add(key)
    const out: [string, unknown][] = []
    for (const key of keys) {
      const value =
        key === 'databases'
          ? this.#top['databases']
          : key === 'settings'
            ? this.#lookup('settings') === undefined
              ? undefined
              : this.settings
            : this.get(key)
      if (value !== undefined) out.push([key, value])
    }
    return out
  }

  /**
   * The effective values, safe to print: locations as absolute paths (when they resolve),
   * every `url` (and every URL in `settings`) with its password replaced by `***`.
   *
   * @example
   * ```ts
   * console.log(JSON.stringify(config, null, 2))
   * ```
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [key, value] of this.entries()) out[key] = this.#printable(key, value)
    return out
  }

  #printable(key: string, value: unknown): unknown {
    if (key === 'url' && typeof value === 'string') return maskUrl(value)
    if (key === 'settings' && isPlainObject(value)) {
      // Free-form, so a URL may hide anywhere in it.
      return maskStrings(value)
    }
    if (key === 'scriptLocation') return this.#tryResolve(value as ConfigLocation, key)
    if (key === 'versionLocations') {
      return (value as readonly ConfigLocation[]).map((item) => this.#tryResolve(item, key))
    }
    if (key === 'databases' && isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([name, entry]) => [
          name,
          Object.fromEntries(
            Object.entries(
              entry instanceof UnresolvedDatabase ? entry.values : (entry as Values),
            ).map(([k, v]) => [k, this.#printable(k, v)]),
          ),
        ]),
      )
    }
    return value
  }

  #tryResolve(value: ConfigLocation, key: string): string {
    try {
      return this.#resolve(value, key)
    } catch {
      return value instanceof URL ? value.href : value
    }
  }

  #resolve(value: ConfigLocation, key: string): string {
    if (value instanceof URL) return fileURLToPath(value)
    if (isAbsolute(value)) return normalize(value)
    const directory = this.directory
    if (directory === undefined) {
      throw new ConfigError(
        `config key '${key}' is the relative path '${value}' and there is no config file to resolve it against; pass an absolute path or a file URL (new URL('./${value}', import.meta.url))`,
      )
    }
    return resolve(directory, value)
  }

  #layers(): Values[] {
    return this.#name === undefined ? [this.#top] : [this.#top, this.#entry(this.#name), this.#own]
  }

  #lookup(key: string): unknown {
    const layers = this.#layers()
    for (let index = layers.length - 1; index >= 0; index -= 1) {
      const layer = layers[index]!
      if (Object.hasOwn(layer, key) && !(key === 'databases' && index > 0)) return layer[key]
    }
    return undefined
  }

  #databases(): Readonly<Record<string, Values>> {
    return (this.#top['databases'] as Readonly<Record<string, Values>> | undefined) ?? {}
  }

  #entry(name: string): Values {
    const databases = this.#databases()
    if (Object.hasOwn(databases, name)) {
      const entry: unknown = databases[name]
      if (entry instanceof UnresolvedDatabase) throw entry.error
      return entry as Values
    }
    const names = Object.keys(databases)
    const where = this.#path ?? 'the config'
    const near = nearestName(name, names)
    throw new ConfigError(
      names.length === 0
        ? `no database '${name}' in ${where}: it has no 'databases' section; add databases: { ${name}: { url: ... } } or do not select a database`
        : `no database '${name}' in ${where}; ${near === undefined ? '' : `did you mean '${near}'? `}known names: ${names.join(', ')}`,
    )
  }

  #copy(name: string | undefined): Config {
    const copy = new Config(copyValues(this.#top) as ConfigValues, {
      path: this.#path,
      name,
      lines: this.#lines,
    })
    for (const key of this.#setInCode) copy.#setInCode.add(key)
    return copy
  }
}

/**
 * The top level of the values, key names checked and, with `env`, `${NAME}` replaced in
 * every key but `databases` (whose entries are replaced one by one, see
 * normalizeConfigValues).
 */
function topLevel(
  values: ConfigValues,
  source: KeySource,
  env: EnvVariables | undefined,
): Readonly<Record<string, unknown>> {
  if (env === undefined || !isPlainObject(values))
    return values as Readonly<Record<string, unknown>>
  for (const key of Object.keys(values)) checkKeyName(key, source)
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    out[key] =
      key === 'databases'
        ? value
        : interpolateEnv(value, env, source.file ?? 'config values', key, { lines: source.lines })
  }
  return out
}

/** Every string in a value (lists and mappings included) through `maskSecrets`. */
function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskSecrets(value)
  if (Array.isArray(value)) return value.map(maskStrings)
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item)]))
  }
  return value
}

function configPath(path: string | URL | undefined): string | undefined {
  if (path === undefined) return undefined
  if (path instanceof URL || path.startsWith('file:')) return fileURLToPath(path)
  if (!isAbsolute(path)) {
    throw new ConfigError(
      `the config path '${path}' is relative; pass an absolute path or a file URL`,
    )
  }
  return normalize(path)
}

function copyValues(values: Values): Values {
  const out: Values = {}
  for (const [key, value] of Object.entries(values)) out[key] = copyValue(value)
  return out
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue)
  if (isPlainObject(value)) return copyValues(value)
  return value
}
