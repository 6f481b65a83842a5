import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseDatabaseUrl } from '../config/database-url.js'
import { maskSecrets, maskUrl, urlSecrets } from '../config/mask-url.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, RetortError } from '../errors.js'

/** Imports a package by name; returns its module namespace. */
export type PackageImporter = (specifier: string) => Promise<unknown>

/** Options of {@link dialectForUrl}. */
export interface DialectForUrlOptions {
  /**
   * The config file's directory: base of relative SQLite paths, and where the dialect
   * package is looked up first (the application's `node_modules`, not core's).
   */
  readonly baseDir?: string | undefined
  /** Replaces the package import (tests, bundlers that know the dialects statically). */
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
 * packages: they are resolved from `baseDir` first, then from core itself. Creating a
 * dialect does not connect. Every error is a ConfigError that starts with `setting` and
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
  const namespace = await (options.importer ?? defaultImporter(options.baseDir))(name).catch(
    (error: unknown) => {
      throw notLoaded(error, name, subject)
    },
  )
  const create = (namespace as Record<string, unknown> | null)?.[factory]
  if (typeof create !== 'function') {
    throw new ConfigError(
      `${name} does not export ${factory}(); install a version of ${name} that matches @retort/core`,
    )
  }
  return (create as (config: Readonly<Record<string, unknown>>) => Dialect)(argument)
}

function defaultImporter(baseDir: string | undefined): PackageImporter {
  return async (specifier) => {
    // Next to the config first (the application's node_modules), then from the program that
    // is running (the `retort` CLI, which depends on every dialect, or the app's entry file),
    // then from core itself.
    const program = process.argv[1]
    for (const base of [baseDir, program === undefined ? undefined : dirname(program)]) {
      if (base === undefined) continue
      let resolved: string | undefined
      try {
        resolved = createRequire(join(base, 'noop.js')).resolve(specifier)
      } catch {
        continue
      }
      return import(pathToFileURL(resolved).href)
    }
    return import(specifier)
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
