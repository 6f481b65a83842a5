// The pictures and sessions in the docs are output of real runs (docs/tools/generate.mjs);
// this fails when the code prints something else, so they cannot drift. Needs the built
// CLI (`pnpm test` builds first).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { GENERATED_FILES } from '../tools/generate.mjs'
import { ROOT } from '../tools/run-retort.mjs'

describe('generated docs', () => {
  for (const { file, make } of GENERATED_FILES) {
    it(`${file} is what Retort prints today (else run 'pnpm docs')`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect(make(text)).toBe(text)
    })
  }

  it('the README shows the demo graph as a well-formed SVG with every demo revision', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('](docs/demo-graph.svg)')
    const svg = readFileSync(join(ROOT, 'docs/demo-graph.svg'), 'utf8')
    expect(XMLValidator.validate(svg)).toBe(true)
    const ids = readdirSync(join(ROOT, 'examples/demo/migrations/versions')).map((name) =>
      name.slice(0, name.indexOf('_')),
    )
    expect(ids).toHaveLength(6)
    for (const id of ids) expect(svg).toContain(`data-revision="${id}"`)
    expect(svg).toContain('<g class="revision head current" data-revision="6e4b7d9f0c13">')
    expect(svg).toContain('<g class="revision merge" data-revision="5d1a3c6e8b92">')
  })
})
