import type { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'
import type { ArgumentPath } from './operation-error.js'

/**
 * The `yaml` package marks its nodes with these registered symbols (its own `isMap` and the
 * like read them, so that nodes from two copies of the package are recognised). Reading
 * them here keeps the package unloaded where a YAML body is built from plain data.
 */
const NODE_TYPE = Symbol.for('yaml.node.type')
const DOCUMENT = Symbol.for('yaml.document')
const MAP = Symbol.for('yaml.map')
const SEQ = Symbol.for('yaml.seq')
const SCALAR = Symbol.for('yaml.scalar')

function nodeType(node: unknown): symbol | undefined {
  return typeof node === 'object' && node !== null
    ? (node as { [NODE_TYPE]?: symbol })[NODE_TYPE]
    : undefined
}

/**
 * Whether `value` is a `yaml` `Document` (what the package's `isDocument` answers).
 *
 * @example
 * ```ts
 * isYamlDocument(parseDocument('a: 1')) // true
 * isYamlDocument({ a: 1 }) // false
 * ```
 */
export function isYamlDocument(value: unknown): value is Document {
  return nodeType(value) === DOCUMENT
}

/** The line of `offset` (1-based), with the line starts of a text, as `LineCounter` has them. */
interface LinePositions {
  linePos(offset: number): { line: number }
}

/**
 * Finds the line of a path (`['upgrade', 2, 'createTable', 'columns', 1]`) in a parsed YAML
 * document, for error messages that point into the file.
 *
 * @example
 * ```ts
 * const lineCounter = new LineCounter()
 * const document = parseDocument(text, { lineCounter })
 * new YamlLocator(document, lineCounter).line(['tables', 'account', 'columns', 1], false) // 7
 * ```
 */
export class YamlLocator {
  readonly #document: Document | undefined
  readonly #lineCounter: LinePositions | undefined

  constructor(document: unknown, source: string | LineCounter | undefined) {
    this.#document = isYamlDocument(document) ? document : undefined
    if (typeof source === 'string') {
      const starts = [0]
      for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1)
      this.#lineCounter = { linePos: (offset) => ({ line: lineOf(starts, offset) }) }
    } else if (source !== undefined) this.#lineCounter = source
  }

  /**
   * The 1-based line of the deepest node on `path` that exists (its key's line when
   * `atKey`), or `undefined`.
   *
   * @example
   * ```ts
   * locator.line(['upgrade', 0], false) // 4
   * ```
   */
  line(path: ArgumentPath, atKey: boolean): number | undefined {
    if (this.#document === undefined || this.#lineCounter === undefined) return undefined
    let node: unknown = this.#document.contents
    let offset = rangeStart(node)
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1
      if (nodeType(node) === MAP) {
        const pair = (node as YAMLMap).items.find(
          (p: Pair) => (nodeType(p.key) === SCALAR ? (p.key as Scalar).value : p.key) === segment,
        )
        if (pair === undefined) break
        const keyOffset = rangeStart(pair.key)
        node = pair.value
        offset = (last && atKey ? keyOffset : (rangeStart(node) ?? keyOffset)) ?? offset
      } else if (nodeType(node) === SEQ && typeof segment === 'number') {
        node = (node as YAMLSeq).items[segment]
        if (node === undefined) break
        offset = rangeStart(node) ?? offset
      } else break
    }
    return offset === undefined ? undefined : this.#lineCounter.linePos(offset).line
  }
}

/**
 * The 1-based line of `offset` given the sorted offsets at which lines start, as
 * `LineCounter.linePos` counts it (an offset at a line's start is on that line).
 */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (starts[mid]! < offset) low = mid + 1
    else high = mid
  }
  return starts[low] === offset ? low + 1 : low
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range
  return range?.[0]
}
