import type { LineCounter } from 'yaml'
import { RevisionFileError } from '../errors.js'
import type { RevisionBody } from '../revision.js'
import { isYamlDocument, YamlLocator } from './yaml-locator.js'
import { yamlValueBody } from './yaml-value-body.js'

/**
 * Builds the body of a YAML revision: `upgrade:` is a list of single-key maps
 * (`- createTable: { name, columns, ifNotExists }`), whose keys are the builder's
 * argument and option names; `execute` also takes a plain SQL string. `downgrade:` is
 * optional: without it, the downgrade is the reverse of each upgrade operation in reverse
 * order, and an operation that cannot be reversed is an error now, at load time.
 *
 * `document` is the `yaml` `Document` from `parseDocument` (errors then name the line, when
 * `source` — the file's text or the `LineCounter` used to parse it — is given) or the plain
 * object it holds. Errors are {@link RevisionFileError}s naming the file, the operation
 * index and the key.
 *
 * @example
 * ```ts
 * import { parseDocument } from 'yaml'
 * const text = 'upgrade:\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }\n'
 * const body = loadYamlBody(parseDocument(text), 'versions/a1.yaml', text)
 * ```
 */
export function loadYamlBody(
  document: unknown,
  path: string,
  source?: string | LineCounter,
): RevisionBody {
  const locator = new YamlLocator(document, source)
  if (isYamlDocument(document) && document.errors.length > 0) {
    const first = document.errors[0]
    throw new RevisionFileError(
      path,
      first?.linePos?.[0].line,
      first?.message.split('\n')[0] ?? 'invalid YAML',
    )
  }
  const top = isYamlDocument(document) ? document.toJS() : document
  return yamlValueBody(top, path, (at, atKey) => locator.line(at, atKey))
}
