import { describe, expect, it } from 'vitest'
// @ts-ignore: a plain .mjs script without type declarations
import * as cycles from '../../../scripts/check-import-cycles.mjs'

const { importGraph, importCycles, importedNames, describeCycles } = cycles as {
  importGraph: () => Map<string, string[]>
  importCycles: (graph: Map<string, string[]>) => string[][]
  importedNames: (text: string) => string[]
  describeCycles: (graph: Map<string, string[]>, found: string[][]) => string[]
}

describe('import cycles among packages/*/src', () => {
  it('there are none (pnpm check:cycles prints the same)', () => {
    const graph = importGraph()
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get('packages/core/src/dialect.ts')).toContain(
      'packages/core/src/operations/operation.ts',
    )
    expect(describeCycles(graph, importCycles(graph))).toEqual([])
  })

  it('counts value imports, type imports and re-exports, not dynamic import()', () => {
    const names = importedNames(
      [
        "import { a } from './a.js'",
        "import type { B } from './b.js'",
        "export { c } from './c.js'",
        "export * from './d.js'",
        "type E = import('./e.js').E",
        "const f = await import('./f.js')",
      ].join('\n'),
    )
    expect(names).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js'])
  })

  it('finds every circle of a graph, each as one loop', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['x', ['y']],
      ['y', ['x']],
    ])
    expect(importCycles(graph)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ])
    expect(describeCycles(graph, importCycles(graph))).toEqual(['a -> b -> c -> a', 'x -> y -> x'])
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([])
  })
})
