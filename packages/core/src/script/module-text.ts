/** The YAML text of the revision modules `yamlRevisionModule` built, by module. */
const YAML_TEXTS = new WeakMap<object, string>()

/**
 * Remembers the YAML text a bundled revision module was built from, so that its checksum is
 * the checksum of that text, as for the file it came from.
 *
 * @example
 * ```ts
 * rememberYamlText(module, text)
 * ```
 */
export function rememberYamlText(module: object, text: string): void {
  YAML_TEXTS.set(module, text)
}

/**
 * The content of a bundled revision module that its checksum covers: the YAML text it was
 * built from (a `yamlRevisionModule`), else its header values and the source text of its
 * `upgrade` and `downgrade` functions (as the bundler emitted them). `undefined` when it is
 * not an object.
 *
 * @example
 * ```ts
 * revisionModuleText({ revision: 'a1', downRevision: null, upgrade: (op) => op.dropTable('x') })
 * ```
 */
export function revisionModuleText(module: unknown): string | undefined {
  if (typeof module !== 'object' || module === null) return undefined
  const yaml = YAML_TEXTS.get(module)
  if (yaml !== undefined) return yaml
  const exports = module as Record<string, unknown>
  const lines: string[] = []
  for (const key of [
    'revision',
    'downRevision',
    'dependsOn',
    'branchLabels',
    'message',
    'transaction',
  ]) {
    if (exports[key] !== undefined) lines.push(`${key}: ${JSON.stringify(exports[key])}`)
  }
  for (const key of ['upgrade', 'downgrade']) {
    const value = exports[key]
    if (typeof value === 'function')
      lines.push(`${key}: ${Function.prototype.toString.call(value)}`)
  }
  return lines.join('\n')
}
