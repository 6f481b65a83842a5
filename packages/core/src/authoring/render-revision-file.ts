import type { RevisionFormat } from '../config/config-keys.js'
import { IrreversibleOperationError } from '../operations/irreversible-operation-error.js'
import type { Operation } from '../operations/operation.js'
import { reverseOperations } from '../operations/reverse-operation.js'
import { renderOperationsScript, renderOperationsYaml } from './render-operations.js'

/** The header of a new revision file, normalised (lists, never `null`). */
export interface NewRevisionHeader {
  readonly revision: string
  readonly downRevisions: readonly string[]
  readonly branchLabels: readonly string[]
  readonly dependsOn: readonly string[]
  readonly message: string
}

/** Options of {@link renderRevisionFile}. */
export interface RenderRevisionFileOptions {
  /** The creation date written in the file's comment, already formatted. */
  readonly created?: string | undefined
  /**
   * The body: `upgrade` queues these operations, `downgrade` their reverses (in a YAML file
   * `downgrade` is left out, as the loader derives it). Without it the functions (the YAML
   * list) are empty.
   */
  readonly operations?: readonly Operation[] | undefined
  /** Lines written as comments at the top of `upgrade` (what autogenerate did not write). */
  readonly notes?: readonly string[] | undefined
}

/**
 * The text of a new revision file in `format`. Pure. TypeScript and JavaScript files get
 * literal header consts (the graph reads them without executing the file) and empty
 * `upgrade`/`downgrade` functions; YAML files get the header keys and an empty `upgrade`
 * list; with `options.operations`, the bodies queue them (see {@link RenderRevisionFileOptions}).
 * Ids that YAML would read as something else than a string (`1234e5678901`,
 * `123456`, `no`) are quoted.
 *
 * @example
 * ```ts
 * renderRevisionFile(
 *   { revision: '3f1c2a9b7d10', downRevisions: [], branchLabels: [], dependsOn: [], message: 'create account' },
 *   'ts',
 * )
 * ```
 */
export function renderRevisionFile(
  header: NewRevisionHeader,
  format: RevisionFormat,
  options: RenderRevisionFileOptions = {},
): string {
  return format === 'yaml'
    ? renderYaml(header, options)
    : renderScript(header, format === 'ts', options)
}

function renderScript(
  header: NewRevisionHeader,
  typed: boolean,
  options: RenderRevisionFileOptions,
): string {
  const lines: string[] = []
  if (typed) lines.push("import type { Operations } from '@retort/core'", '')
  lines.push('/**', ` * ${commentText(header.message || '(no message)')}`)
  if (options.created !== undefined) lines.push(' *', ` * Created: ${options.created}`)
  lines.push(' */')
  lines.push(`export const revision = ${jsString(header.revision)}`)
  lines.push(`export const downRevision = ${jsIds(header.downRevisions, true)}`)
  if (header.branchLabels.length > 0)
    lines.push(`export const branchLabels = ${jsIds(header.branchLabels, false)}`)
  if (header.dependsOn.length > 0)
    lines.push(`export const dependsOn = ${jsIds(header.dependsOn, false)}`)
  lines.push(`export const message = ${jsString(header.message)}`, '')
  const param = typed ? 'op: Operations' : 'op'
  const doc = typed ? [] : ["/** @param {import('@retort/core').Operations} op */"]
  const body = scriptBody(options)
  lines.push(...doc, `export async function upgrade(${param}) {`, ...body.upgrade, '}', '')
  lines.push(...doc, `export async function downgrade(${param}) {`, ...body.downgrade, '}', '')
  return lines.join('\n')
}

function scriptBody(options: RenderRevisionFileOptions): {
  upgrade: string[]
  downgrade: string[]
} {
  const operations = options.operations ?? []
  const notes = (options.notes ?? []).map((note) => `// ${commentText(note)}`)
  if (operations.length === 0 && notes.length === 0) return { upgrade: [], downgrade: [] }
  const indent = (line: string) => (line === '' ? line : `  ${line}`)
  const upgrade = [...notes, ...renderOperationsScript(operations)].map(indent)
  let downgrade: string[]
  try {
    downgrade = renderOperationsScript(reverseOperations(operations))
  } catch (error) {
    if (!(error instanceof IrreversibleOperationError)) throw error
    downgrade = [
      `// Not written: upgrade operation ${(error.index ?? 0) + 1} cannot be reversed automatically (${commentText(error.message)}).`,
      `throw new Error(${jsString('this revision cannot be downgraded automatically; write its downgrade() first')})`,
    ]
  }
  return { upgrade, downgrade: downgrade.map(indent) }
}

function renderYaml(header: NewRevisionHeader, options: RenderRevisionFileOptions): string {
  const lines: string[] = []
  lines.push(`# ${commentText(header.message || '(no message)')}`)
  if (options.created !== undefined) lines.push(`# Created: ${options.created}`)
  lines.push(`revision: ${yamlId(header.revision)}`)
  lines.push(`downRevision: ${yamlIds(header.downRevisions, true)}`)
  if (header.branchLabels.length > 0)
    lines.push(`branchLabels: ${yamlIds(header.branchLabels, false)}`)
  if (header.dependsOn.length > 0) lines.push(`dependsOn: ${yamlIds(header.dependsOn, false)}`)
  lines.push(`message: ${JSON.stringify(header.message)}`)
  for (const note of options.notes ?? []) lines.push(`# ${commentText(note)}`)
  const operations = options.operations ?? []
  if (operations.length === 0) lines.push('upgrade: []')
  else {
    try {
      reverseOperations(operations)
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError)) throw error
      throw new IrreversibleOperationError(
        error.operationKind,
        `${error.message}; a YAML revision derives its downgrade, so write this one with --format ts`,
        error.index,
      )
    }
    const items = renderOperationsYaml(operations).trimEnd().split('\n')
    lines.push('upgrade:', ...items.map((line) => `  ${line}`))
  }
  lines.push('# downgrade: omitted, derived by reversing each upgrade operation', '')
  return lines.join('\n')
}

/**
 * An id as a YAML scalar: plain when YAML 1.1 and 1.2 both read it as a string, quoted
 * otherwise (a leading digit can make a number: `1234e5678901`, `0x1f`, `1_000`; some words
 * are booleans or null).
 *
 * @example
 * ```ts
 * yamlId('1234e5678901') // "'1234e5678901'"
 * yamlId('ae10f3c2b1d4') // 'ae10f3c2b1d4'
 * ```
 */
export function yamlId(id: string): string {
  return /^[0-9]/.test(id) || YAML_WORDS.test(id) || !/^[A-Za-z0-9_]+$/.test(id)
    ? `'${id.replace(/'/g, "''")}'`
    : id
}

const YAML_WORDS = /^(y|n|yes|no|on|off|true|false|null|nan|inf)$/i

export function yamlIds(ids: readonly string[], single: boolean): string {
  if (ids.length === 0) return single ? 'null' : '[]'
  if (single && ids.length === 1) return yamlId(ids[0]!)
  return `[${ids.map(yamlId).join(', ')}]`
}

export function jsIds(ids: readonly string[], single: boolean): string {
  if (ids.length === 0) return single ? 'null' : '[]'
  if (single && ids.length === 1) return jsString(ids[0]!)
  return `[${ids.map(jsString).join(', ')}]`
}

/** A single-quoted JavaScript string literal. */
export function jsString(text: string): string {
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`
}

export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim()
}
