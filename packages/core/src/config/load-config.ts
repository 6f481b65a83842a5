import { readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../errors.js'
import { Config } from './config.js'
import type { ConfigValues } from './config-keys.js'
import type { EnvVariables } from './interpolate-env.js'
import { readSimpleYaml } from './read-simple-yaml.js'

/** The names looked for in the current directory, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = Object.freeze(['retort.yaml', 'retort.yml'])

/** The environment variable naming the config file when none is passed. */
export const CONFIG_ENV_VARIABLE = 'RETORT_CONFIG'

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The config file (the CLI's `-c`); relative to `cwd`. */
  readonly file?: string | URL | undefined
  /** The directory to look in and to resolve `file` against. Core never reads `process.cwd()`. */
  readonly cwd: string | URL
  /** Variables for `${NAME}` and `RETORT_CONFIG` (default `process.env`). */
  readonly env?: EnvVariables | undefined
  /** Selects a `databases` entry (the CLI's `-n`). */
  readonly name?: string | undefined
}

/**
 * Finds, reads and checks the config file: `file` if given, else the file named by
 * `RETORT_CONFIG`, else `retort.yaml` (or `retort.yml`) in `cwd`. `${NAME}` in string values
 * is replaced from `env` (`$${` is a literal `${`): the top level at once, a `databases`
 * entry when it is selected. Relative paths in the file are relative to the file. Errors
 * name the file and the line of the key.
 *
 * @example
 * ```ts
 * const config = await loadConfig({ cwd: process.cwd(), file: flags.config, name: flags.name })
 * config.scriptLocation // '/srv/app/migrations'
 * ```
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const { env = process.env, name } = options
  const cwd = toPath(options.cwd)
  if (!isAbsolute(cwd)) {
    throw new ConfigError(`loadConfig: cwd '${cwd}' is relative; pass an absolute directory`)
  }
  const chosen =
    options.file !== undefined
      ? { path: resolve(cwd, toPath(options.file)), from: '' }
      : env[CONFIG_ENV_VARIABLE]
        ? { path: resolve(cwd, env[CONFIG_ENV_VARIABLE]), from: ` (from ${CONFIG_ENV_VARIABLE})` }
        : undefined
  if (chosen !== undefined) {
    const text = readText(chosen.path)
    if (text === undefined) {
      throw new ConfigError(
        `config file '${chosen.path}'${chosen.from} does not exist; check the path, or run 'retort init' to create one`,
      )
    }
    return configFromText(text, chosen.path, env, name)
  }
  const found: { path: string; text: string }[] = []
  for (const fileName of CONFIG_FILE_NAMES) {
    const path = join(cwd, fileName)
    const text = readText(path)
    if (text !== undefined) found.push({ path, text })
  }
  const [first, second] = found
  if (first === undefined) {
    throw new ConfigError(
      `no config file '${join(cwd, CONFIG_FILE_NAMES[0]!)}' (nor ${CONFIG_FILE_NAMES.slice(1).join(', ')}); run 'retort init' to create one, or pass the file with -c or ${CONFIG_ENV_VARIABLE}`,
    )
  }
  if (second !== undefined) {
    throw new ConfigError(`both '${first.path}' and '${second.path}' exist; keep one of them`)
  }
  return configFromText(first.text, first.path, env, name)
}

/**
 * `parseConfig`, without loading the `yaml` package for a file of plain `key: value`
 * lines (see readSimpleYaml): the usual `retort.yaml` of a single database.
 */
async function configFromText(
  text: string,
  path: string,
  env: EnvVariables,
  name: string | undefined,
): Promise<Config> {
  const simple = readSimpleYaml(text)
  if (simple !== undefined) {
    return new Config(simple as ConfigValues, { path, name, env, lines: simpleLines(text) })
  }
  const { parseConfig } = await import('./parse-config.js')
  return parseConfig(text, path, env, name)
}

/**
 * The line of each key of a file readSimpleYaml accepted: one top-level `key: value` per
 * line, each key once.
 */
function simpleLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>()
  text.split('\n').forEach((line, index) => {
    const key = /^([A-Za-z][A-Za-z0-9_]*):/.exec(line)?.[1]
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 1)
  })
  return lines
}

/** A config file's text (read synchronously: it is small, and nothing is left in flight). */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(
      `config file '${path}' cannot be read (${reason}); check the path and its permissions`,
      {
        cause: error,
      },
    )
  }
}

function toPath(location: string | URL): string {
  return location instanceof URL || location.startsWith('file:')
    ? fileURLToPath(location)
    : location
}
