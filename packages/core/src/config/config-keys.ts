import { ConfigError } from '../errors.js'
import { nearestName } from '../operations/nearest-name.js'
import { interpolateEnv, type EnvVariables } from './interpolate-env.js'
import { isPlainObject } from './is-plain-object.js'
import { describeKey, type KeySource } from './key-source.js'
import {
  DEFAULT_LOCK_TIMEOUT,
  DEFAULT_TRANSACTION_MODE,
  DEFAULT_VERSION_TABLE,
  type TransactionMode,
} from '../run-settings.js'
import { parseHookCommand } from './parse-hook-command.js'
import { checkIgnorePatterns } from '../schema/ignore-patterns.js'

/** The language `retort revision` writes new revision files in. */
export type RevisionFormat = 'ts' | 'js' | 'yaml'

/** Every {@link RevisionFormat}. */
export const REVISION_FORMATS: readonly RevisionFormat[] = Object.freeze(['ts', 'js', 'yaml'])

/** Every {@link TransactionMode}. */
export const TRANSACTION_MODES: readonly TransactionMode[] = Object.freeze(['each', 'all', 'none'])

/** Default `revisionFormat`. */
export const DEFAULT_REVISION_FORMAT: RevisionFormat = 'ts'

/** Default `fileTemplate`: the new file's name without extension. */
export const DEFAULT_FILE_TEMPLATE = '{rev}_{slug}'

/**
 * A command run after `retort revision` writes a file, e.g. a formatter. The token `{path}`
 * in `args` stands for the new file; without one, the path is appended. Written as one
 * string, it is split by the shell's quoting rules (see `parseHookCommand`).
 */
export interface PostWriteHook {
  readonly command: string
  readonly args: readonly string[]
}

/** A directory: a path (absolute, or relative to the config file) or a `file:` URL. */
export type ConfigLocation = string | URL

/**
 * The keys of `retort.yaml` and `new Config()`. Any other key is an error naming the
 * nearest known one; values meant for an env module go under `settings`.
 */
export interface KnownConfigValues {
  readonly scriptLocation?: ConfigLocation | undefined
  readonly versionLocations?: ConfigLocation | readonly ConfigLocation[] | undefined
  readonly url?: string | undefined
  readonly versionTable?: string | undefined
  readonly versionTableSchema?: string | undefined
  readonly transactionMode?: TransactionMode | undefined
  /** DESIGN's name for `transactionMode`: `true` is `'each'`, `false` is `'all'`. */
  readonly transactionPerMigration?: boolean | undefined
  /** Wait for another process's migration lock, in ms. */
  readonly lockTimeout?: number | undefined
  readonly fileTemplate?: string | undefined
  readonly revisionFormat?: RevisionFormat | undefined
  /** IANA zone for dates in new revision files (`Europe/Paris`); default: the system's. */
  readonly timezone?: string | undefined
  /** Commands, as `'prettier --write {path}'` or `{ command, args }`. */
  readonly postWriteHooks?: string | readonly (string | PostWriteHook)[] | undefined
  /** The file `retort bundle` writes, relative to the config file. */
  readonly bundleIndex?: string | undefined
  /**
   * The declared schema (`src/db/schema.ts`, `schema.yaml`), relative to the config file:
   * what `check` and `revision --autogenerate` compare the revisions with.
   */
  readonly schema?: ConfigLocation | undefined
  /** Objects the declared-schema comparison leaves alone: `TABLE` or `TABLE.NAME` patterns with `*` and `?`. */
  readonly ignore?: string | readonly string[] | undefined
  /**
   * Free-form values for the env module (`ctx.config.settings`): the one key whose content
   * Retort does not check. A database entry's settings override the top level's one by one.
   */
  readonly settings?: Readonly<Record<string, unknown>> | undefined
  /** Named targets; each one's keys override the top level when it is selected. */
  readonly databases?: Readonly<Record<string, DatabaseValues>> | undefined
}

/** The keys of one `databases:` entry: any key except `databases`. */
export type DatabaseValues = Omit<KnownConfigValues, 'databases'>

/**
 * What `new Config()` takes: the known keys, typed. Values for the env module go under
 * `settings`.
 *
 * @example
 * ```ts
 * const values: ConfigValues = { scriptLocation: '/app/migrations', url: 'sqlite:////data/app.db', settings: { tenant: 'acme' } }
 * ```
 */
export type ConfigValues = KnownConfigValues

/** Every key with a meaning to Retort. */
export const CONFIG_KEYS: readonly (keyof KnownConfigValues)[] = Object.freeze([
  'scriptLocation',
  'versionLocations',
  'url',
  'versionTable',
  'versionTableSchema',
  'transactionMode',
  'transactionPerMigration',
  'lockTimeout',
  'fileTemplate',
  'revisionFormat',
  'timezone',
  'postWriteHooks',
  'bundleIndex',
  'schema',
  'ignore',
  'settings',
  'databases',
])

/** The value a known key has when it is not set. */
export const CONFIG_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({
  versionTable: DEFAULT_VERSION_TABLE,
  transactionMode: DEFAULT_TRANSACTION_MODE,
  lockTimeout: DEFAULT_LOCK_TIMEOUT,
  fileTemplate: DEFAULT_FILE_TEMPLATE,
  revisionFormat: DEFAULT_REVISION_FORMAT,
})

const KNOWN = new Set<string>(CONFIG_KEYS)

/**
 * A `databases` entry that uses an environment variable that is not set: kept as written,
 * and the error thrown only when the entry is selected, so that `-n main` works while a
 * variable that only `analytics` uses is unset.
 *
 * @example
 * ```ts
 * if (entry instanceof UnresolvedDatabase) throw entry.error
 * ```
 */
export class UnresolvedDatabase {
  readonly kind = 'unresolved-database'
  constructor(
    /** The entry as written in the file. */
    readonly values: Readonly<Record<string, unknown>>,
    /** The unset-variable error, naming the variable, the key and its line. */
    readonly error: ConfigError,
  ) {
    Object.freeze(this)
  }
}

/**
 * Checks and normalises every key of a values object: known keys are validated (a
 * ConfigError names the file, line and key), an unknown key is an error naming the nearest
 * known one, `transactionPerMigration` becomes `transactionMode`, and `databases` entries
 * are checked in turn. With `env`, `${NAME}` in `databases` entries is replaced here (the
 * caller replaces it in the top level): an entry with an unset variable becomes an
 * {@link UnresolvedDatabase} whose error is thrown when it is selected.
 *
 * @example
 * ```ts
 * normalizeConfigValues({ transactionPerMigration: false }, { file: undefined, prefix: '' })
 * // { transactionMode: 'all' }
 * ```
 */
export function normalizeConfigValues(
  values: Readonly<Record<string, unknown>>,
  source: KeySource,
  env?: EnvVariables,
): Record<string, unknown> {
  if (!isPlainObject(values)) {
    throw new ConfigError(
      `${source.file ?? 'config values'} must be a mapping of keys (scriptLocation, url ...), not ${show(values)}`,
    )
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    const [name, normalized] =
      key === 'databases' && env !== undefined
        ? [key, checkDatabases(value, source, describeKey(source, key), env)]
        : normalizeConfigEntry(key, value, source)
    if (
      name === 'transactionMode' &&
      'transactionMode' in out &&
      out['transactionMode'] !== normalized
    ) {
      throw new ConfigError(
        `${describeKey(source, 'transactionMode')} and '${source.prefix}transactionPerMigration' disagree; keep one of them`,
      )
    }
    out[name] = normalized
  }
  return out
}

/**
 * Checks and normalises one key (see {@link normalizeConfigValues}); returns the key it is
 * stored under and its value.
 *
 * @example
 * ```ts
 * normalizeConfigEntry('lockTimeout', '5000', { file: undefined, prefix: '' }) // ['lockTimeout', 5000]
 * ```
 */
export function normalizeConfigEntry(
  key: string,
  value: unknown,
  source: KeySource,
): [string, unknown] {
  const what = describeKey(source, key)
  checkKeyName(key, source)
  switch (key as keyof KnownConfigValues) {
    case 'scriptLocation':
      return [key, checkLocation(value, what)]
    case 'versionLocations': {
      const list = Array.isArray(value) ? (value as unknown[]) : [value]
      return [
        key,
        Object.freeze(
          list.map((item, index) => checkLocation(item, describeKey(source, `${key}[${index}]`))),
        ),
      ]
    }
    case 'url':
      if (typeof value !== 'string' || value.trim() === '') {
        // Never echo the value: it may hold a password.
        throw new ConfigError(
          `${what} must be a database URL string (sqlite:///app.db, postgresql://...), not ${kindOf(value)}`,
        )
      }
      return [key, value.trim()]
    case 'versionTable':
    case 'versionTableSchema':
    case 'fileTemplate':
      return [key, checkName(value, what)]
    case 'transactionMode':
      return [key, checkChoice(value, TRANSACTION_MODES, what)]
    case 'transactionPerMigration': {
      const flag = value === 'true' ? true : value === 'false' ? false : value
      if (typeof flag !== 'boolean') {
        throw new ConfigError(
          `${what} must be true or false, not ${show(value)}; or use transactionMode: each | all | none`,
        )
      }
      return ['transactionMode', flag ? 'each' : 'all']
    }
    case 'lockTimeout': {
      const ms = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
      if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
        throw new ConfigError(
          `${what} must be a whole number of milliseconds (0 or more), not ${show(value)}`,
        )
      }
      return [key, ms]
    }
    case 'revisionFormat':
      return [key, checkChoice(value, REVISION_FORMATS, what)]
    case 'timezone': {
      const zone = checkName(value, what)
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone })
      } catch {
        throw new ConfigError(
          `${what} is '${zone}', which is not a time zone; use an IANA name like 'UTC' or 'Europe/Paris'`,
        )
      }
      return [key, zone]
    }
    case 'postWriteHooks': {
      const list = Array.isArray(value) ? (value as unknown[]) : [value]
      return [
        key,
        Object.freeze(list.map((item, index) => checkHook(item, source, `${key}[${index}]`))),
      ]
    }
    case 'bundleIndex':
      if (typeof value !== 'string' || value.trim() === '') {
        throw new ConfigError(
          `${what} must be a file path (src/migrations.generated.ts), not ${show(value)}`,
        )
      }
      return [key, value]
    case 'schema':
      return [key, checkLocation(value, what)]
    case 'ignore':
      return [key, checkIgnorePatterns(value, what)]
    case 'settings':
      if (!isPlainObject(value)) {
        throw new ConfigError(
          `${what} must be a mapping of names to values for the env module (settings: { tenant: acme }), not ${show(value)}`,
        )
      }
      return [key, Object.freeze({ ...value })]
    case 'databases':
      return [key, checkDatabases(value, source, what, undefined)]
  }
  return [key, value]
}

/**
 * Throws a ConfigError for a key that is not one of {@link CONFIG_KEYS}, naming the nearest
 * known key (or, for another spelling of a known key, its camelCase form).
 *
 * @example
 * ```ts
 * checkKeyName('versionTabel', { file: '/app/retort.yaml', prefix: '' })
 * // throws "/app/retort.yaml: 'versionTabel' is not a Retort key; did you mean 'versionTable'? ..."
 * ```
 */
export function checkKeyName(key: string, source: KeySource): void {
  if (KNOWN.has(key)) return
  const what = describeKey(source, key)
  const camel = key.replace(/[_-]+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase())
  if (camel !== key && KNOWN.has(camel)) {
    throw new ConfigError(`${what} is not a Retort key; keys are camelCase: write '${camel}'`)
  }
  const known = CONFIG_KEYS.filter((name) => source.prefix === '' || name !== 'databases')
  const near = nearestName(key, known)
  throw new ConfigError(
    near === undefined
      ? `${what} is not a Retort key (the keys are ${known.join(', ')}); put values for the env module under 'settings'`
      : `${what} is not a Retort key; did you mean '${near}'? (values for the env module go under 'settings')`,
  )
}

function checkDatabases(
  value: unknown,
  source: KeySource,
  what: string,
  env: EnvVariables | undefined,
): Readonly<Record<string, unknown>> {
  if (source.prefix !== '') {
    throw new ConfigError(
      `${what} is not allowed inside a database entry; list every database under the top-level 'databases'`,
    )
  }
  if (!isPlainObject(value)) {
    throw new ConfigError(
      `${what} must be a mapping of names to settings (main: { url: ... }), not ${show(value)}`,
    )
  }
  const out: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(value)) {
    const inner: KeySource = {
      file: source.file,
      prefix: `databases.${name}.`,
      lines: source.lines,
    }
    if (entry === null || entry === undefined) {
      out[name] = Object.freeze({})
      continue
    }
    if (entry instanceof UnresolvedDatabase) {
      out[name] = entry
      continue
    }
    if (!isPlainObject(entry)) {
      throw new ConfigError(
        `${describeKey(source, `databases.${name}`)} must be a mapping of keys (url, versionTable ...), not ${show(entry)}`,
      )
    }
    if (env === undefined) {
      out[name] = Object.freeze(normalizeConfigValues(entry, inner))
      continue
    }
    let unset: ConfigError | undefined
    const interpolated = interpolateEnv(
      entry,
      env,
      source.file ?? 'the config',
      `databases.${name}`,
      {
        lines: source.lines,
        onUnset: (error) => {
          unset ??= error
          return ''
        },
      },
    ) as Record<string, unknown>
    if (unset === undefined) {
      out[name] = Object.freeze(normalizeConfigValues(interpolated, inner))
      continue
    }
    // Its key names are checked now (they do not depend on the environment); its values
    // when it is selected.
    for (const key of Object.keys(entry)) {
      if (key === 'databases') normalizeConfigEntry(key, entry[key], inner)
      checkKeyName(key, inner)
    }
    out[name] = new UnresolvedDatabase(entry, unset)
  }
  return Object.freeze(out)
}

function checkLocation(value: unknown, what: string): ConfigLocation {
  if (value instanceof URL) {
    if (value.protocol !== 'file:') {
      throw new ConfigError(`${what} is the URL '${value.href}'; only file: URLs name a directory`)
    }
    return value
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`${what} must be a directory path or a file: URL, not ${show(value)}`)
  }
  if (value.startsWith('file:')) {
    try {
      return new URL(value)
    } catch {
      throw new ConfigError(
        `${what} is '${value}', which is not a valid file: URL; write a path instead`,
      )
    }
  }
  return value
}

function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`${what} must be a non-empty string, not ${show(value)}`)
  }
  return value
}

function checkChoice<T extends string>(value: unknown, choices: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ConfigError(`${what} must be one of ${choices.join(', ')}, not ${show(value)}`)
  }
  return value as T
}

function checkHook(value: unknown, source: KeySource, key: string): PostWriteHook {
  const what = describeKey(source, key)
  if (typeof value === 'string') {
    const [command, ...args] = parseHookCommand(value, what)
    if (command === undefined || command === '') {
      throw new ConfigError(`${what} is empty; write a command such as 'prettier --write {path}'`)
    }
    return Object.freeze({ command, args: Object.freeze(args) })
  }
  if (isPlainObject(value)) {
    for (const name of Object.keys(value)) {
      if (name !== 'command' && name !== 'args') {
        const near = nearestName(name, ['command', 'args'])
        throw new ConfigError(
          `${describeKey(source, `${key}.${name}`)} is not a key of a hook; ${near === undefined ? 'a hook has command and args' : `did you mean '${near}'?`}`,
        )
      }
    }
    const { command, args = [] } = value
    if (typeof command !== 'string' || command.trim() === '') {
      throw new ConfigError(
        `${describeKey(source, `${key}.command`)} must be a non-empty string, not ${show(command)}`,
      )
    }
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
      throw new ConfigError(
        `${describeKey(source, `${key}.args`)} must be a list of strings, not ${show(args)}`,
      )
    }
    return Object.freeze({ command, args: Object.freeze([...(args as string[])]) })
  }
  throw new ConfigError(`${what} must be a command string or { command, args }, not ${show(value)}`)
}

/** A short description of a bad value for an error message. */
function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return kindOf(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'a string'
  return `a ${typeof value}`
}
