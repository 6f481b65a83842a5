import { createRequire } from 'node:module'
import type { Document, LineCounter, Scalar } from 'yaml'
import { RevisionFileError } from '../errors.js'
import type { RevisionHeader } from '../revision.js'
import {
  checkHeaderValue,
  headerExample,
  isHeaderKey,
  REVISION_KEYS,
  type HeaderKey,
} from './check-header-value.js'
import { didYouMean } from '../operations/nearest-name.js'
import { readYamlSubset } from './yaml-subset-reader.js'

/**
 * What the YAML header reader uses of the `yaml` package. It is passed in rather than
 * imported, so that a caller decides when the package is loaded: a script directory of
 * TypeScript files never loads it.
 *
 * @example
 * ```ts
 * const yaml: YamlApi = await import('yaml')
 * ```
 */
export interface YamlApi {
  readonly isMap: typeof import('yaml').isMap
  readonly isScalar: typeof import('yaml').isScalar
  readonly isSeq: typeof import('yaml').isSeq
  readonly LineCounter: typeof import('yaml').LineCounter
  readonly parseDocument: typeof import('yaml').parseDocument
}

/** Header keys whose values are revision ids or labels: YAML must read them as strings. */
const ID_KEYS: ReadonlySet<HeaderKey> = new Set([
  'revision',
  'downRevision',
  'dependsOn',
  'branchLabels',
  'replaces',
])

/** The yaml package, once a YAML revision outside the subset has needed it. */
let yamlPackage: YamlApi | undefined

/**
 * The `yaml` package, loaded synchronously on first use (a directory of YAML revisions
 * written in the subset of `readYamlSubset`, and every other directory, never loads it).
 *
 * @example
 * ```ts
 * const document = requireYamlPackage().parseDocument(text)
 * ```
 */
export function requireYamlPackage(): YamlApi {
  yamlPackage ??= createRequire(import.meta.url)('yaml') as YamlApi
  return yamlPackage
}

/**
 * {@link requireYamlPackage} through a dynamic `import()`, which bundlers follow.
 *
 * @example
 * ```ts
 * const yaml = await importYamlPackage()
 * ```
 */
export async function importYamlPackage(): Promise<YamlApi> {
  yamlPackage ??= await import('yaml')
  return yamlPackage
}

/**
 * A YAML revision as one read found it: its header and the whole file as plain data (what
 * `parseDocument(text).toJS()` returns), from which the body is built without parsing the
 * text again.
 *
 * @example
 * ```ts
 * const { header, data } = readYamlRevision(text, 'versions/a1.yaml')
 * ```
 */
export interface YamlRevision {
  readonly header: RevisionHeader
  /** The file's data, or `undefined` when the document does not convert to plain data. */
  readonly data: unknown
}

/**
 * Reads the header keys of a YAML revision (`revision`, `downRevision`, `dependsOn`,
 * `branchLabels`, `message`, `transaction`, `replaces`, at the top level). Errors are
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
  return readYamlRevision(text, path).header
}

/**
 * {@link readYamlHeader}, also returning the file's data. A text in the subset that
 * `readYamlSubset` reads, with a header that has nothing to report, is read without the
 * `yaml` package; any other text is parsed with `yaml` (passed in, or loaded synchronously
 * on first use), which makes the header, and every error, exactly what it always was.
 *
 * @example
 * ```ts
 * const { header, data } = readYamlRevision(text, 'versions/a1.yaml')
 * ```
 */
export function readYamlRevision(text: string, path: string, yaml?: YamlApi): YamlRevision {
  const fast = readYamlRevisionFast(text)
  if (fast !== undefined) return fast
  const api = yaml ?? requireYamlPackage()
  const lineCounter = new api.LineCounter()
  const document = api.parseDocument(text, { lineCounter })
  const header = readYamlDocumentHeader(api, document, lineCounter, path)
  let data: unknown
  try {
    data = document.toJS()
  } catch {
    // A document that does not convert (an alias to nothing): the body reads the text again.
  }
  return { header, data }
}

/**
 * {@link readYamlRevision} without the `yaml` package: `undefined` when the text is outside
 * the subset or its header has anything to report (the `yaml` path then says what).
 *
 * @example
 * ```ts
 * readYamlRevisionFast('revision: a1\ndownRevision: null\nupgrade: []\n')?.header
 * // { revision: 'a1', downRevision: null }
 * ```
 */
export function readYamlRevisionFast(text: string): YamlRevision | undefined {
  const data = readYamlSubset(text)
  if (data === undefined) return undefined
  const header = headerOfData(data)
  return header === undefined ? undefined : { header, data }
}

/**
 * The header of a YAML revision read as plain data when {@link readYamlDocumentHeader}
 * would return it without an error, else `undefined`. It checks as that function does, on
 * the values rather than the nodes: a scalar that YAML read as a number or boolean is one
 * here too.
 */
function headerOfData(data: Readonly<Record<string, unknown>>): RevisionHeader | undefined {
  const header: Record<string, unknown> = {}
  let upgradeFound = false
  for (const key of Object.keys(data)) {
    const value = data[key]
    if (!isHeaderKey(key)) {
      if (key !== 'upgrade' && key !== 'downgrade') return undefined
      if (!Array.isArray(value)) return undefined
      if (key === 'upgrade') upgradeFound = true
      continue
    }
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item !== 'string' && item !== null) return undefined
    } else if (typeof value === 'object' && value !== null) return undefined
    else if (
      (ID_KEYS.has(key) || key === 'message') &&
      (typeof value === 'number' || typeof value === 'boolean')
    )
      return undefined
    if (checkHeaderValue(key, value, 'yaml') !== undefined) return undefined
    header[key] = Array.isArray(value) ? value.slice() : value
  }
  if (!('revision' in header) || !('downRevision' in header) || !upgradeFound) return undefined
  return Object.freeze(header) as unknown as RevisionHeader
}

/**
 * The header of a YAML revision already parsed with `lineCounter` by the `yaml` package
 * (passed in, so that the caller decides when it is loaded). Errors are
 * {@link RevisionFileError}s with the line: a syntax error, a value of the wrong type, an id
 * that YAML reads as a number or boolean (`1234e5678901`, `123456`), which must be quoted
 * rather than converted, and a file that is not a closed set of keys: an unknown top-level
 * key (with the nearest one), a missing `downRevision` (`null` for a root) or `upgrade`
 * (`[]` for an empty body), an `upgrade` or `downgrade` that is not a list. The operations
 * themselves are checked by the body loader.
 *
 * @example
 * ```ts
 * const yaml = await import('yaml')
 * const lineCounter = new yaml.LineCounter()
 * const document = yaml.parseDocument(text, { lineCounter })
 * const header = readYamlDocumentHeader(yaml, document, lineCounter, 'versions/a1.yaml')
 * ```
 */
export function readYamlDocumentHeader(
  yaml: Pick<YamlApi, 'isMap' | 'isScalar' | 'isSeq'>,
  document: Document,
  lineCounter: LineCounter,
  path: string,
): RevisionHeader {
  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line

  const syntaxError = document.errors[0]
  if (syntaxError !== undefined) {
    const line = syntaxError.linePos?.[0].line ?? lineOf(syntaxError.pos[0])
    const reason = (syntaxError.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      '',
    )
    throw new RevisionFileError(path, line, `invalid YAML: ${reason}; correct the YAML syntax`)
  }

  const { isMap, isScalar, isSeq } = yaml
  const contents = document.contents
  if (!isMap(contents)) {
    throw new RevisionFileError(
      path,
      lineOf(contents?.range?.[0]),
      `a YAML revision must be a map of keys starting with ${headerExample('revision', 'yaml')}`,
    )
  }

  const header: Record<string, unknown> = {}
  let upgradeFound = false
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    if (typeof key !== 'string' || !isHeaderKey(key)) {
      const keyLine = lineOf(rangeStart(pair.key) ?? rangeStart(pair.value))
      if (key === 'upgrade' || key === 'downgrade') {
        if (key === 'upgrade') upgradeFound = true
        checkOperationList(key, pair.value, lineOf(rangeStart(pair.value)) ?? keyLine)
        continue
      }
      // A closed set of keys: a misspelt one (`upgrades:`) would otherwise be ignored.
      const written = typeof key === 'string' ? key : String(isScalar(pair.key) ? key : pair.key)
      throw new RevisionFileError(
        path,
        keyLine,
        `unknown key '${written}'${didYouMean(written, REVISION_KEYS)}; a YAML revision has the keys ${REVISION_KEYS.join(', ')}`,
      )
    }
    const node = pair.value
    const line = lineOf(rangeStart(node) ?? rangeStart(pair.key))
    let value: unknown
    if (node === null || node === undefined) value = null
    else if (isScalar(node)) {
      value = node.value
      if (ID_KEYS.has(key) || key === 'message') checkScalarIsString(node, key, value, line)
    } else if (isSeq(node)) {
      value = node.items.map((item) => {
        if (!isScalar(item)) return item === null ? null : { node: true }
        checkScalarIsString(item, key, item.value, lineOf(rangeStart(item)) ?? line)
        return item.value
      })
    } else value = {}

    const problem = checkHeaderValue(key, value, 'yaml')
    if (problem !== undefined) throw new RevisionFileError(path, line, problem)
    header[key] = value
  }

  if (!('revision' in header)) {
    throw new RevisionFileError(
      path,
      undefined,
      `declares no 'revision' key; add ${headerExample('revision', 'yaml')} at the top, or rename the file to start with '_' if it is not a revision`,
    )
  }
  const revisionLine = lineOf(rangeStart(contents.get('revision', true)))
  if (!('downRevision' in header)) {
    // Without it the revision would silently become a second root.
    throw new RevisionFileError(
      path,
      revisionLine,
      `revision '${header['revision'] as string}' declares no 'downRevision'; add it after the revision: downRevision: null for a root revision, the parent's id, or a list of ids for a merge`,
    )
  }
  if (!upgradeFound) {
    throw new RevisionFileError(
      path,
      revisionLine,
      `revision '${header['revision'] as string}' declares no 'upgrade'; add the list of operations, or upgrade: [] for a revision that changes nothing`,
    )
  }
  return Object.freeze(header) as unknown as RevisionHeader

  /** `upgrade` and `downgrade` are lists (the body checks their operations when it loads). */
  function checkOperationList(key: string, node: unknown, at: number | undefined): void {
    if (isSeq(node)) return
    const empty = node === null || node === undefined || (isScalar(node) && node.value === null)
    const fix =
      key === 'upgrade'
        ? 'write upgrade: [] for a revision that changes nothing'
        : 'write downgrade: [] for a downgrade that changes nothing, or leave the key out to reverse the upgrade'
    throw new RevisionFileError(
      path,
      at,
      `'${key}' must be a list of operations (- createTable: {...}), not ${empty ? 'empty' : 'a single value or map'}; ${fix}`,
    )
  }

  function checkScalarIsString(
    node: Scalar,
    key: HeaderKey,
    value: unknown,
    at: number | undefined,
  ): void {
    if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'bigint') return
    // Never convert: `1234e5678901` would become Infinity, `0012` would become 12.
    const written = node.source ?? String(value)
    throw new RevisionFileError(
      path,
      at,
      `header '${key}' value ${written} is read by YAML as a ${typeof value === 'boolean' ? 'boolean' : 'number'}, not a string; quote it: '${written}'`,
    )
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range
  return range?.[0] ?? undefined
}
