import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { ConfigError, RetortError } from '../errors.js'
import { TEMPLATE_CONFIG_FILE, listTemplates, type TemplatesOptions } from './list-templates.js'

/** The template `init` uses when none is named. */
export const DEFAULT_TEMPLATE = 'default'

/** Options of {@link init}. */
export interface InitOptions extends TemplatesOptions {
  /** The script directory to create (absolute). It must not exist or be empty. */
  readonly directory: string
  /** Default {@link DEFAULT_TEMPLATE}. */
  readonly template?: string | undefined
  /** The config file to write (absolute); kept as it is when it exists. */
  readonly configFile: string
}

/** What {@link init} returns. */
export interface InitResult {
  readonly template: string
  /** The new script directory. */
  readonly directory: string
  /** Files created in it, relative to it. */
  readonly files: readonly string[]
  readonly config: { readonly path: string; readonly written: boolean }
  /**
   * Packages the template's env module imports that do not resolve from the new directory:
   * install them in the project (`npm install -D @retort/core @retort/dialect-sqlite`).
   */
  readonly missingPackages: readonly string[]
}

/**
 * Creates a script directory from an env template and, unless it exists, a config file
 * pointing to it whose `url` is a SQLite file next to the config (so `upgrade head` works
 * at once). Refuses a directory that exists and is not empty.
 *
 * @example
 * ```ts
 * await init({ directory: '/app/migrations', configFile: '/app/retort.yaml', template: 'default' })
 * ```
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const { directory, configFile } = options
  if (!isAbsolute(directory) || !isAbsolute(configFile)) {
    throw new ConfigError('init: pass absolute paths for the directory and the config file')
  }
  const name = options.template ?? DEFAULT_TEMPLATE
  const templates = listTemplates(options)
  const template = templates.find((t) => t.name === name)
  if (template === undefined) {
    throw new RetortError(
      'unknown-template',
      `there is no template '${name}'; choose one of ${templates.map((t) => t.name).join(', ')} ('retort list-templates' describes them)`,
    )
  }
  if (existsSync(directory)) {
    if (!statSync(directory).isDirectory()) {
      throw new RetortError(
        'init-target',
        `'${directory}' exists and is not a directory; choose another path`,
      )
    }
    if (readdirSync(directory).length > 0) {
      throw new RetortError(
        'init-target',
        `directory '${directory}' is not empty; choose a new or empty directory`,
      )
    }
  }
  cpSync(template.path, directory, {
    recursive: true,
    filter: (source) => source !== join(template.path, TEMPLATE_CONFIG_FILE),
  })
  const files = listFiles(directory)

  let written = false
  if (!existsSync(configFile)) {
    const source = join(template.path, TEMPLATE_CONFIG_FILE)
    const text = existsSync(source)
      ? readFileSync(source, 'utf8')
      : 'scriptLocation: {{scriptLocation}}\nurl: sqlite:///{{name}}.db\n'
    const location = relative(dirname(configFile), directory).split(sep).join('/') || '.'
    writeFileSync(
      configFile,
      text.replaceAll('{{scriptLocation}}', location).replaceAll('{{name}}', basename(directory)),
      { flag: 'wx' },
    )
    written = true
  }
  return {
    template: name,
    directory,
    files,
    config: { path: configFile, written },
    missingPackages: unresolvedImports(directory, files),
  }
}

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(root, prefix)).sort()) {
    const path = prefix === '' ? name : `${prefix}/${name}`
    if (statSync(join(root, path)).isDirectory()) out.push(...listFiles(root, path))
    else out.push(path)
  }
  return out
}

/** The bare packages imported by the directory's top-level modules that do not resolve from it. */
function unresolvedImports(directory: string, files: readonly string[]): string[] {
  const require = createRequire(join(directory, 'noop.js'))
  const missing = new Set<string>()
  for (const file of files) {
    if (file.includes('/') || !/\.(m?ts|m?js)$/.test(file)) continue
    const text = readFileSync(join(directory, file), 'utf8')
    for (const match of text.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"./][^'"]*)['"]/gm)) {
      const specifier = match[1]!
      if (specifier.startsWith('node:')) continue
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0]!
      try {
        require.resolve(`${name}/package.json`)
      } catch {
        missing.add(name)
      }
    }
  }
  return [...missing].sort()
}
