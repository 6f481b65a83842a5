import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseDatabaseUrl } from '../config/database-url.js'
import { maskSecrets, maskUrl, urlSecrets } from '../config/mask-url.js'
import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, RetortError } from '../errors.js'

/** Imports a package by name; returns its module namespace. */
export type PackageImporter = (specifier: string) => Promise<unknown>

/** The name of a dialect package Retort knows (see {@link DIALECT_PACKAGES}). */
export type DialectPackageName = (typeof DIALECT_PACKAGES)[keyof typeof DIALECT_PACKAGES]['package']

/**
 * A program's own copies of the dialect packages: each package name with a function that
 * imports it by a literal specifier, so that the import resolves from the program's own
 * location and a bundler can follow it. The `retort` CLI passes the three it depends on.
 *
 * @example
 * ```ts
 * const packages: DialectPackages = { '@retort/dialect-sqlite': () => import('@retort/dialect-sqlite') }
 * ```
 */
export type DialectPackages = Readonly<Partial<Record<DialectPackageName, () => Promise<unknown>>>>

/** Options of {@link dialectForUrl}. */
export interface DialectForUrlOptions {
  /**
   * The config file's directory: base of relative SQLite paths, and where the dialect
   * package is looked up first (the application's `node_modules`, not core's).
   */
  readonly baseDir?: string | undefined
  /**
   * The project's directory, where its own dialect package is looked up, when it is not
   * `baseDir` (a config given in code has no file: see {@link projectDirectory}). Default:
   * `baseDir`.
   */
  readonly projectDir?: string | undefined
  /**
   * The program's own dialect packages, used when the project has none next to the config
   * (see {@link importDialectPackage}).
   */
  readonly packages?: DialectPackages | undefined
  /** Replaces the whole lookup (tests, a program with a rule of its own). */
  readonly importer?: PackageImporter | undefined
  /**
   * Where the URL comes from, to start every error with (`-x url`,
   * `/app/retort.yaml:4: 'databases.main.url'`; see `Config.describeKey`). Default: none.
   */
  readonly setting?: string | undefined
}

/** The dialect package of each URL kind, its factory, and the factory's argument. */
export const DIALECT_PACKAGES = Object.freeze({
  sqlite: Object.freeze({ package: '@retort/dialect-sqlite', factory: 'sqliteDialect' }),
  postgresql: Object.freeze({ package: '@retort/dialect-postgres', factory: 'postgresDialect' }),
  mysql: Object.freeze({ package: '@retort/dialect-mysql', factory: 'mysqlDialect' }),
})

/**
 * Creates the dialect for a database URL by its scheme: `sqlite:` ->
 * `@retort/dialect-sqlite` `sqliteDialect({ filename })`, `postgres(ql):` ->
 * `@retort/dialect-postgres` `postgresDialect({ connectionString })`, `mysql:`/`mariadb:`
 * -> `@retort/dialect-mysql` `mysqlDialect({ uri })`. Core does not depend on the dialect
 * packages: they are found as {@link importDialectPackage} says. Creating a dialect does
 * not connect. Every error is a ConfigError that starts with `setting` and
 * shows the URL without its password (see {@link maskUrl}).
 *
 * @example
 * ```ts
 * const dialect = await dialectForUrl('sqlite:///app.db', { baseDir: config.directory, setting: config.describeKey('url') })
 * ```
 */
export async function dialectForUrl(
  url: string,
  options: DialectForUrlOptions = {},
): Promise<Dialect> {
  try {
    return await createDialect(url, options)
  } catch (error) {
    throw inSetting(error, url, options.setting)
  }
}

/**
 * The error of a URL's dialect, named after the setting and masked. A Retort error made
 * from the URL already hides the password; any other (a factory's TypeError, which may
 * carry the URL in its properties) is not kept as the cause.
 */
function inSetting(error: unknown, url: string, setting: string | undefined): ConfigError {
  const message = maskSecrets(error instanceof Error ? error.message : String(error), urlSecrets(url))
  const line = `${setting === undefined ? '' : `${setting}: `}${message.replace(/\s+/g, ' ').trim()}`
  if (error instanceof ConfigError && setting === undefined && line === error.message) return error
  return new ConfigError(line, error instanceof RetortError ? { cause: error } : undefined)
}

async function createDialect(url: string, options: DialectForUrlOptions): Promise<Dialect> {
  const parsed = parseDatabaseUrl(url, options.baseDir)
  let argument: Record<string, string>
  switch (parsed.kind) {
    case 'sqlite':
      argument = { filename: parsed.filename }
      break
    case 'postgresql':
      argument = { connectionString: parsed.connectionString }
      break
    case 'mysql':
      // The dialect reads `mariadb://` itself (and names the server that way in messages).
      argument = { uri: parsed.mariadb ? parsed.uri.replace(/^mysql:/, 'mariadb:') : parsed.uri }
      break
    case 'other':
      throw new ConfigError(
        /^[^/]*@/.test(parsed.url.slice(parsed.scheme.length + 1))
          ? `the url '${parsed.redacted}' has no scheme (it starts with a user and password); put postgresql://, mysql:// or mariadb:// in front of it`
          : `the url '${parsed.redacted}' has the scheme '${parsed.scheme}', which no Retort dialect handles; use sqlite:, postgresql:, mysql: or mariadb:, or choose the dialect in an env module`,
      )
    default:
      return parsed satisfies never
  }
  return dialectFromPackage(parsed.kind, argument, options, `the url '${maskUrl(url)}'`)
}

/**
 * Imports the dialect package of `kind` (as {@link dialectForUrl} does: next to the config
 * first) and calls its factory with `argument`. `subject` names what needs the package in
 * errors (`the url '...'`).
 *
 * @example
 * ```ts
 * const dialect = await dialectFromPackage('sqlite', { database: db }, {}, 'the connection')
 * ```
 */
export async function dialectFromPackage(
  kind: keyof typeof DIALECT_PACKAGES,
  argument: Readonly<Record<string, unknown>>,
  options: DialectForUrlOptions,
  subject: string,
): Promise<Dialect> {
  const { package: name, factory } = DIALECT_PACKAGES[kind]
  const namespace = await importDialectPackage(name, options).catch((error: unknown) => {
    throw notLoaded(error, name, subject)
  })
  const create = (namespace as Record<string, unknown> | null)?.[factory]
  if (typeof create !== 'function') {
    throw new ConfigError(
      `${name} does not export ${factory}(); install a version of ${name} that matches @retort/core`,
    )
  }
  return (create as (config: Readonly<Record<string, unknown>>) => Dialect)(argument)
}

/**
 * Imports a dialect package by the one rule every part of Retort follows (the CLI, the
 * default env, `ctx.dialectForUrl` in an env module, an application's connection, scratch
 * databases); nothing depends on which program is running:
 *
 * 1. the project's copy, resolved from `projectDir` (default `baseDir`: the config file's
 *    directory, else the script directory, see {@link projectDirectory}): the version the
 *    application installed and tested;
 * 2. else the program's own copy, from `packages` (the `retort` CLI passes the dialects it
 *    depends on, so that a global install works whatever the package manager's layout; a
 *    bundled application can pass the dialects it bundles);
 * 3. else the copy core itself resolves (a `node_modules` where core and the dialect sit
 *    side by side).
 *
 * `importer`, when given, replaces all three. Fails as the last step does when the package
 * is nowhere (see `notLoaded` for the message naming the package and its install command).
 *
 * @example
 * ```ts
 * const { sqliteDialect } = (await importDialectPackage('@retort/dialect-sqlite', { baseDir })) as typeof import('@retort/dialect-sqlite')
 * ```
 */
export async function importDialectPackage(
  name: DialectPackageName,
  options: Pick<DialectForUrlOptions, 'baseDir' | 'projectDir' | 'packages' | 'importer'> = {},
): Promise<unknown> {
  if (options.importer !== undefined) return options.importer(name)
  const from = options.projectDir ?? options.baseDir
  const project = from === undefined ? undefined : projectPackage(from, name)
  if (project !== undefined) return import(pathToFileURL(project).href)
  const own = options.packages?.[name]
  if (own !== undefined) return own()
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name)
}

/**
 * Where a config's project is, to look its dialect packages up from: the config file's
 * directory, else (a config given in code) the script directory, which lives in the
 * project; `undefined` when the config names neither (bundled migrations).
 *
 * @example
 * ```ts
 * await dialectForUrl(url, { baseDir: config.directory, projectDir: projectDirectory(config) })
 * ```
 */
export function projectDirectory(config: Config): string | undefined {
  if (config.directory !== undefined) return config.directory
  try {
    return config.scriptLocation
  } catch {
    // No script directory either: the migrations are modules.
    return undefined
  }
}

/**
 * The entry file of package `name` in the nearest `node_modules` at or above `baseDir`, as
 * an `import` from there finds it (`NODE_PATH`, which `import` ignores, is not consulted);
 * `undefined` when the project has none.
 */
function projectPackage(baseDir: string, name: string): string | undefined {
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    // A copy that is there but cannot be resolved is an error about that copy, not a reason
    // to take another.
    if (existsSync(join(dir, 'node_modules', name, 'package.json')))
      return createRequire(join(dir, 'noop.js')).resolve(name)
    if (dirname(dir) === dir) return undefined
  }
}

function notLoaded(error: unknown, name: string, subject: string): ConfigError {
  const reason = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const missing =
    (code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      /cannot find (package|module)/i.test(reason)) &&
    reason.includes(name)
  if (missing) {
    return new ConfigError(
      `${subject} needs ${name}; install it (npm install ${name})`,
      { cause: error },
    )
  }
  return new ConfigError(
    `${name} (for ${subject}) failed to load: ${maskSecrets(reason.replace(/\s+/g, ' ').trim())}`,
    { cause: error },
  )
}
