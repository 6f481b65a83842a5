import { isMap, isSeq, parseDocument, stringify, visit } from 'yaml'
import type { Operation } from '../operations/operation.js'
import { operationBuilderCall } from './operation-builder-call.js'

/**
 * The statements of a TypeScript/JavaScript `upgrade`/`downgrade` body that queue
 * `operations`: one `op.METHOD(...)` call each, as lines without indentation. Pure.
 *
 * @example
 * ```ts
 * renderOperationsScript([op.createIndex('ix_child_parent', 'child', ['parent_id'])])
 * // ["op.createIndex('ix_child_parent', 'child', ['parent_id'])"]
 * ```
 */
export function renderOperationsScript(operations: readonly Operation[]): string[] {
  const lines: string[] = []
  for (const operation of operations) {
    const call = operationBuilderCall(operation)
    const args: unknown[] = call.positional.map(([, value]) => value)
    if (Object.keys(call.options).length > 0) args.push(call.options)
    const inline = `op.${call.method}(${args.map((arg) => jsLiteral(arg, '', false)).join(', ')})`
    if (inline.length <= MAX_WIDTH) {
      lines.push(inline)
      continue
    }
    // Too long for one line: the arguments stay on the call's line and lists and objects
    // open there, one element per line.
    lines.push(`op.${call.method}(${args.map((arg) => jsLiteral(arg, '', true)).join(', ')})`)
  }
  return lines.flatMap((line) => line.split('\n'))
}

/**
 * A YAML list of `operations` (`- METHOD: { ... }` items, the keys the YAML loader reads),
 * as the text that follows `upgrade:` or `downgrade:`. Column maps are written inline.
 * Pure.
 *
 * @example
 * ```ts
 * renderOperationsYaml([op.createIndex('ix_child_parent', 'child', ['parent_id'])])
 * // '- createIndex:\n    name: ix_child_parent\n    table: child\n    columns: [ parent_id ]\n'
 * ```
 */
export function renderOperationsYaml(operations: readonly Operation[]): string {
  const items = operations.map((operation) => {
    const call = operationBuilderCall(operation)
    return { [call.method]: { ...Object.fromEntries(call.positional), ...call.options } }
  })
  for (const item of items) checkYamlValue(item)
  const document = parseDocument(stringify(items, { lineWidth: 0 }))
  const leaf = (node: unknown): boolean =>
    isMap(node)
      ? node.items.every((pair) => !isMap(pair.value) && !isSeq(pair.value))
      : isSeq(node) && node.items.every((item) => !isMap(item) && !isSeq(item))
  visit(document, {
    Map(_key, node) {
      // Small maps ({ raw: TEXT }) and columns read best on one line.
      const column = node.has('name') && node.has('type')
      if (
        leaf(node) ||
        (column && node.items.every((pair) => !isMap(pair.value) || leaf(pair.value)))
      ) {
        node.flow = true
      }
    },
    Seq(_key, node) {
      if (leaf(node)) node.flow = true
    },
  })
  return document.toString({ lineWidth: 0 })
}

const MAX_WIDTH = 98

function checkYamlValue(value: unknown): void {
  if (typeof value === 'bigint' || value instanceof Date || value instanceof Uint8Array) {
    throw new TypeError(
      `a ${value instanceof Date ? 'Date' : typeof value === 'bigint' ? 'bigint' : 'binary'} value cannot be written to a YAML revision; use --format ts`,
    )
  }
  if (Array.isArray(value)) value.forEach(checkYamlValue)
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(checkYamlValue)
}

/**
 * A value as a JavaScript literal; `multiline` breaks arrays and objects that do not fit
 * one line, one element per line, indented under `indent`.
 */
function jsLiteral(value: unknown, indent: string, multiline: boolean): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') return jsString(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (value instanceof Date) return `new Date(${jsString(value.toISOString())})`
  if (value instanceof Uint8Array) {
    return `Uint8Array.from([${Array.from(value).join(', ')}])`
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => jsLiteral(item, inner, false)).join(', ')}]`
    if (!multiline || indent.length + inline.length <= MAX_WIDTH || value.length === 0)
      return inline
    return `[\n${value.map((item) => `${inner}${jsLiteral(item, inner, true)},`).join('\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  const inline = `{ ${entries.map(([key, item]) => `${jsKey(key)}: ${jsLiteral(item, inner, false)}`).join(', ')} }`
  if (!multiline || indent.length + inline.length <= MAX_WIDTH) return inline
  return `{\n${entries.map(([key, item]) => `${inner}${jsKey(key)}: ${jsLiteral(item, inner, true)},`).join('\n')}\n${indent}}`
}

function jsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : jsString(key)
}

/** A JavaScript string literal: single-quoted, double-quoted when that needs no escapes. */
function jsString(text: string): string {
  if (text.includes("'") && !/["\\\r\n\u2028\u2029]/.test(text)) return `"${text}"`
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`
}
