import { RetortError } from '../errors.js'

/**
 * A declared schema file that cannot be read: missing, failing to import, or not a valid
 * schema. The message starts with the file (and line, for YAML) and says what to fix.
 *
 * @example
 * ```ts
 * try { await loadDeclaredSchema('/app/schema.yaml') } catch (error) {
 *   if (error instanceof SchemaFileError) console.error(error.message) // '/app/schema.yaml:7: ...'
 * }
 * ```
 */
export class SchemaFileError extends RetortError {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super('schema-file', `${path}${line === undefined ? '' : `:${line}`}: ${detail}`)
  }
}
