import { isDocument, isMap, isScalar, isSeq, LineCounter, type Document } from 'yaml'
import type { ArgumentPath } from './operation-error.js'

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
  readonly #lineCounter: LineCounter | undefined

  constructor(document: unknown, source: string | LineCounter | undefined) {
    this.#document = isDocument(document) ? document : undefined
    if (source instanceof LineCounter) this.#lineCounter = source
    else if (typeof source === 'string') {
      const counter = new LineCounter()
      counter.addNewLine(0)
      for (let i = 0; i < source.length; i++) if (source[i] === '\n') counter.addNewLine(i + 1)
      this.#lineCounter = counter
    }
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
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment)
        if (pair === undefined) break
        const keyOffset = rangeStart(pair.key)
        node = pair.value
        offset = (last && atKey ? keyOffset : (rangeStart(node) ?? keyOffset)) ?? offset
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment]
        if (node === undefined) break
        offset = rangeStart(node) ?? offset
      } else break
    }
    return offset === undefined ? undefined : this.#lineCounter.linePos(offset).line
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range
  return range?.[0]
}
