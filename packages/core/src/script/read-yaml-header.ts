import * as yaml from 'yaml'
import type { Document, LineCounter } from 'yaml'
import type { RevisionHeader } from '../revision.js'
import { readYamlDocumentHeaderWith, readYamlHeaderWith } from './yaml-header-reader.js'

/**
 * Reads the header keys of a YAML revision (`revision`, `downRevision`, `dependsOn`,
 * `branchLabels`, `message`, `transaction`, at the top level). Errors are
 * {@link RevisionFileError}s with the line: a syntax error, a value of the wrong type, an
 * id that YAML reads as a number or boolean (`1234e5678901`, `123456`), which must be
 * quoted rather than converted, a top-level key other than these and `upgrade`/`downgrade`
 * (with the nearest one), and a missing `downRevision` or `upgrade`.
 *
 * @example
 * ```ts
 * readYamlHeader('revision: a1\ndownRevision: null\nupgrade: []\n', 'versions/a1.yaml')
 * // { revision: 'a1', downRevision: null }
 * ```
 */
export function readYamlHeader(text: string, path: string): RevisionHeader {
  return readYamlHeaderWith(yaml, text, path)
}

/**
 * {@link readYamlHeader} on a document already parsed with `lineCounter` (so that loading
 * a body does not parse the file twice).
 *
 * @example
 * ```ts
 * const lineCounter = new LineCounter()
 * const document = parseDocument(text, { lineCounter })
 * const header = readYamlDocumentHeader(document, lineCounter, 'versions/a1.yaml')
 * ```
 */
export function readYamlDocumentHeader(
  document: Document,
  lineCounter: LineCounter,
  path: string,
): RevisionHeader {
  return readYamlDocumentHeaderWith(yaml, document, lineCounter, path)
}
