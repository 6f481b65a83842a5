import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../errors.js'

/** One env template that `init` can copy. */
export interface TemplateInfo {
  readonly name: string
  /** The first paragraph of the template's README. */
  readonly description: string
  /** The template's directory, absolute. */
  readonly path: string
}

/** Options of {@link listTemplates} and `init`. */
export interface TemplatesOptions {
  /**
   * The directory holding one folder per template. Default: the first `env/` folder
   * holding a `default` template found walking up from this module (the repository's or
   * the one shipped inside `@retort/cli`).
   */
  readonly templatesDirectory?: string | undefined
}

/** The file of a template that becomes the config, not a file of the script directory. */
export const TEMPLATE_CONFIG_FILE = 'retort.yaml'

/**
 * The env templates available to `init`, by name.
 *
 * @example
 * ```ts
 * for (const t of listTemplates()) console.log(t.name, t.description)
 * ```
 */
export function listTemplates(options: TemplatesOptions = {}): TemplateInfo[] {
  const root = options.templatesDirectory ?? findTemplatesDirectory(import.meta.url)
  let names: string[]
  try {
    names = readdirSync(root).sort()
  } catch {
    throw new ConfigError(
      `templates directory '${root}' cannot be read; pass an existing directory of templates`,
    )
  }
  const out: TemplateInfo[] = []
  for (const name of names) {
    const path = join(root, name)
    if (name.startsWith('.') || !statSync(path).isDirectory()) continue
    out.push({ name, description: describe(path), path })
  }
  return out
}

/**
 * The nearest `env/` directory holding a `default` template, walking up from `start` (a
 * file or directory path, or a `file:` URL).
 *
 * @example
 * ```ts
 * const templates = findTemplatesDirectory(import.meta.url)
 * ```
 */
export function findTemplatesDirectory(start: string | URL): string {
  const from = start instanceof URL || start.startsWith('file:') ? fileURLToPath(start) : start
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'env')
    if (existsSync(join(candidate, 'default'))) return candidate
    if (dirname(dir) === dir) break
  }
  throw new ConfigError(
    `no env templates found above '${from}'; reinstall @retort/cli (it ships them in its env/ folder) or pass the templates directory`,
  )
}

function describe(path: string): string {
  let text: string
  try {
    text = readFileSync(join(path, 'README.md'), 'utf8')
  } catch {
    return ''
  }
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#'))
  return (paragraphs[0] ?? '').replace(/\s+/g, ' ')
}
