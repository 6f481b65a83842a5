import { readFileSync, statSync } from 'node:fs'
import { extname, isAbsolute } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describePath, show } from '../operations/argument-checks.js'
import { OperationError } from '../operations/operation-error.js'
import { defineSchema, isDeclaredSchema, type DeclaredSchema } from './define-schema.js'
import { importTypeScriptFile } from './import-typescript-file.js'
import { SchemaFileError } from './schema-file-error.js'

/** The extensions a declared schema file may have. */
export const SCHEMA_FILE_EXTENSIONS = Object.freeze([
  '.ts',
  '.mts',
  '.js',
  '.mjs',
  '.yaml',
  '.yml',
] as const)

/**
 * Reads a declared schema file: TypeScript (`.ts`, `.mts`, compiled on the fly, no build
 * step) or JavaScript (`.js`, `.mjs`) whose default export (or `schema` export) is a
 * `defineSchema({...})` (or the plain `{ tables }` object), or YAML (`.yaml`, `.yml`) with
 * the same object under a top-level `tables:` key. The schema is validated as
 * `defineSchema` validates it. Every problem is a {@link SchemaFileError} naming the file
 * (and the line, in YAML).
 *
 * @example
 * ```ts
 * const schema = await loadDeclaredSchema('/app/src/db/schema.ts')
 * schema.tables.map((t) => t.name) // ['account', 'invoice']
 * ```
 */
export async function loadDeclaredSchema(path: string | URL): Promise<DeclaredSchema> {
  const file = path instanceof URL || path.startsWith('file:') ? fileURLToPath(path) : path
  if (!isAbsolute(file)) {
    throw new SchemaFileError(
      file,
      undefined,
      'is a relative path; pass an absolute path or a file URL',
    )
  }
  const extension = extname(file).toLowerCase()
  if (!(SCHEMA_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new SchemaFileError(
      file,
      undefined,
      `has the extension '${extension}'; a declared schema is a ${SCHEMA_FILE_EXTENSIONS.join(', ')} file`,
    )
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file')
  } catch {
    throw new SchemaFileError(
      file,
      undefined,
      "does not exist; create it, or correct 'schema' in the config",
    )
  }
  if (extension === '.yaml' || extension === '.yml') return loadYaml(file)
  let namespace: unknown
  try {
    namespace =
      extension === '.ts' || extension === '.mts'
        ? await importTypeScriptFile(file)
        : await import(/* webpackIgnore: true */ /* @vite-ignore */ pathToFileURL(file).href)
  } catch (error) {
    if (error instanceof OperationError) throw inFile(file, error)
    const reason = error instanceof Error ? error.message : String(error)
    throw new SchemaFileError(
      file,
      undefined,
      `failed to import: ${reason.replace(/\s+/g, ' ').trim()}; fix the error in this file`,
    )
  }
  const exports = namespace as Record<string, unknown>
  const value = exports['default'] ?? exports['schema']
  if (value === undefined) {
    throw new SchemaFileError(
      file,
      undefined,
      'exports no schema; write `export default defineSchema({ tables: { ... } })`',
    )
  }
  if (isDeclaredSchema(value)) return value
  try {
    return defineSchema(value as never)
  } catch (error) {
    if (error instanceof OperationError) throw inFile(file, error)
    throw error
  }
}

async function loadYaml(file: string): Promise<DeclaredSchema> {
  const yaml = await import('yaml')
  const { YamlLocator } = await import('../operations/yaml-locator.js')
  const text = readFileSync(file, 'utf8')
  const lineCounter = new yaml.LineCounter()
  const document = yaml.parseDocument(text, { lineCounter })
  const first = document.errors[0]
  if (first !== undefined) {
    throw new SchemaFileError(
      file,
      first.linePos?.[0].line,
      first.message.split('\n')[0] ?? 'invalid YAML',
    )
  }
  const top: unknown = document.toJS()
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    throw new SchemaFileError(file, 1, `must be a map with a 'tables:' key (got ${show(top)})`)
  }
  try {
    return defineSchema(top as never)
  } catch (error) {
    if (!(error instanceof OperationError)) throw error
    const locator = new YamlLocator(document, lineCounter)
    throw new SchemaFileError(file, locator.line(error.path, error.atKey), error.message)
  }
}

function inFile(file: string, error: OperationError): SchemaFileError {
  const where = error.path.length > 0 ? ` (at ${describePath(error.path)})` : ''
  return new SchemaFileError(file, undefined, `${error.message}${where}`)
}
