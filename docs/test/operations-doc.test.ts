// docs/operations.md against the operation definitions: one section per operation kind,
// each option table exactly the builder's option keys, and every TypeScript example building
// the same operations as the YAML beside it. (Its SQL blocks are checked with the other
// generated parts, in generated-docs.test.ts.)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COLUMN_OPTION_KEYS } from '../../packages/core/src/operations/column.js'
import { OPERATION_OPTION_KEYS } from '../../packages/core/src/operations/operation-option-keys.js'
import { Operations } from '../../packages/core/src/operations/operations.js'
import type { Operation } from '../../packages/core/src/operations/operation.js'
import { loadYamlBody } from '../../packages/core/src/operations/yaml-body.js'
import { fencedBlocks, sections, tableKeys } from '../tools/markdown-sections.mjs'
import { ROOT } from '../tools/run-retort.mjs'

// The YAML parser core reads revisions with (a dependency of core, not of the workspace).
const { parseDocument } = createRequire(join(ROOT, 'packages/core/package.json'))(
  'yaml',
) as typeof import('yaml')

const FILE = 'docs/operations.md'
const text = readFileSync(join(ROOT, FILE), 'utf8')
const kinds = Object.keys(OPERATION_OPTION_KEYS)
/** The sections that are prose, not an operation. */
const PROSE = [
  'How a change runs, per dialect',
  'Reversible operations and derived downgrades',
  'column',
]

function fromTypeScript(code: string): Operation[] {
  const op = new Operations({ dialect: 'docs', offline: true })
  // The examples are plain statements on `op` (valid JavaScript too).
  new Function('op', code)(op)
  return op.takePending()
}

function fromYaml(code: string): Operation[] {
  const body = loadYamlBody(parseDocument(code), FILE, code)
  const op = new Operations({ dialect: 'docs', offline: true })
  body.upgrade(op)
  return op.takePending()
}

describe('docs/operations.md', () => {
  const all = sections(text)

  it('has a section for every operation, and no section for one that does not exist', () => {
    const headings = all.map((s) => s.heading)
    expect(headings.filter((h) => !PROSE.includes(h)).sort()).toEqual([...kinds].sort())
  })

  it('lists exactly the option keys of each operation, and of a column', () => {
    for (const { heading, body } of all) {
      if (!kinds.includes(heading) && heading !== 'column') continue
      const listed = tableKeys(body, 'option')
      const expected =
        heading === 'column'
          ? COLUMN_OPTION_KEYS
          : OPERATION_OPTION_KEYS[heading as Operation['kind']]
      expect(listed, heading).toBeDefined()
      expect(new Set(listed).size, `${heading}: a key listed twice`).toBe(listed!.length)
      expect([...listed!].sort(), heading).toEqual([...expected].sort())
    }
  })

  it('writes every example in TypeScript and in YAML, and both build the same operations', () => {
    for (const { heading, body } of all) {
      if (!kinds.includes(heading)) continue
      const [ts, ...moreTs] = fencedBlocks(body, 'ts')
      const [yaml, ...moreYaml] = fencedBlocks(body, 'yaml')
      expect({ heading, ts: moreTs.length, yaml: moreYaml.length }).toEqual({
        heading,
        ts: 0,
        yaml: 0,
      })
      const fromTs = fromTypeScript(ts!)
      expect(fromTs.length, heading).toBeGreaterThan(0)
      expect(
        fromTs.map((o) => o.kind),
        heading,
      ).toContain(heading)
      expect(fromYaml(yaml!), heading).toEqual(fromTs)
    }
  })
})
