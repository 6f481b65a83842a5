import fc from 'fast-check'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as yaml from 'yaml'
import { RevisionFileError } from '../src/errors.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { Operations } from '../src/operations/operations.js'
import type { RevisionBody } from '../src/revision.js'
import { ScriptDirectory } from '../src/script/script-directory.js'
import {
  readYamlDocumentHeader,
  readYamlHeader,
  readYamlRevisionFast,
} from '../src/script/yaml-header-reader.js'
import { readYamlSubset } from '../src/script/yaml-subset-reader.js'

/** What the yaml package reads: its plain data, or 'error' when the text has an error. */
function yamlRead(text: string): unknown {
  const document = yaml.parseDocument(text)
  return document.errors.length > 0 ? 'error' : document.toJS()
}

/** Deep equality that also tells key order, prototypes, -0 from 0 and NaN. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b)
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (Array.isArray(a)) {
    const list = b as unknown[]
    return a.length === list.length && a.every((item, i) => same(item, list[i]))
  }
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key, i) =>
        key === keysB[i] &&
        same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  )
}

/** The subset reader never reads a text differently from the yaml package. */
function agrees(text: string): boolean {
  const fast = readYamlSubset(text)
  if (fast === undefined) return true
  return same(fast, yamlRead(text))
}

/** What reading a header gives: the header, or the error's class, file, line and message. */
function outcome(read: () => unknown): unknown {
  try {
    return { header: read() }
  } catch (error) {
    if (!(error instanceof RevisionFileError)) throw error
    return { error: [error.name, error.path, error.line, error.message] }
  }
}

/** The header read with the yaml package alone, as before the subset reader. */
function yamlHeader(text: string, path: string): unknown {
  return outcome(() => {
    const lineCounter = new yaml.LineCounter()
    const document = yaml.parseDocument(text, { lineCounter })
    return readYamlDocumentHeader(yaml, document, lineCounter, path)
  })
}

// A revision as `retort revision --format yaml` writes it (with operations from autogenerate).
const WRITTEN = `# add account
# Created: 2026-12-07 10:00:00
revision: 3f1c2a9b7d10
downRevision: '1234e5678901'
branchLabels: [accounts]
dependsOn: [9a0b1c2d3e4f]
message: "add account \\"main\\" \\u00e9"
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true, autoincrement: true }
        - { name: email, type: string, length: 255, nullable: false }
        - { name: score, type: decimal, precision: 10, scale: 2, default: { raw: "0.5" } }
        - { name: ratio, type: float, default: 1.5 }
      checks: [ "email <> ''" ]
  - createIndex:
      name: ix_account_email
      table: account
      columns: [ email ]
      unique: true
  - execute: UPDATE account SET score = 0
# downgrade: omitted, derived by reversing each upgrade operation
`

describe('readYamlSubset (the YAML revision fast path)', () => {
  it('reads revisions as Retort writes them, like the yaml package', () => {
    const texts = [
      WRITTEN,
      'revision: a1\ndownRevision: null\nmessage: create table t\nupgrade:\n  - createTable:\n      name: t\n      columns:\n        - { name: id, type: integer, primaryKey: true }\n        - { name: name, type: string, length: 50 }\n',
      'revision: b2\ndownRevision: [a1, c3]\nupgrade: []\n',
      "revision: b2\ndownRevision: a1\ntransaction: false\nupgrade:\n- execute: 'SELECT 1'\n- execute: \"it's\"\n",
      'revision: b2 # id\ndownRevision: ~\n\n\n   # note\nupgrade:\n  -   dropTable: { name: t, ifExists: true }   # why\ndowngrade: []\n',
      'a: -1\nb: 0\nc: -0.0\nd: 12.50\ne: 007x\nf: 1_000\ng: 0x\nh: -x\nj: True\nk: NULL\nl:\nm: { }\nn: [ ]\n',
      "a: \"\\t\\n\\\\\\\"\\/\\0\\x41\\u00e9\\ \\_\"\nb: ''\nc: \"\"\nd: 'a''b'\ne: caf\u00e9 \u4e2d\n",
      'a:\n  b:\n    - x\n    - y: 1\n      z:\n      - 2\n  c: [ [a, b], { d: [e] } ]\n',
    ]
    for (const text of texts) {
      const fast = readYamlSubset(text)
      expect(fast, text).toBeDefined()
      expect(same(fast, yamlRead(text)), text).toBe(true)
    }
  })

  it('reads the YAML examples of docs/operations.md like the yaml package', () => {
    const doc = readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8')
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
    expect(blocks.length).toBeGreaterThan(10)
    let read = 0
    for (const text of blocks) {
      expect(agrees(text), text).toBe(true)
      if (readYamlSubset(text) !== undefined) read++
    }
    // Most are in the subset; those with multi-line strings are left to the yaml package.
    expect(read).toBeGreaterThan(blocks.length / 2)
  })

  it('leaves everything outside the subset to the yaml package', () => {
    const texts = [
      '',
      '# only a comment\n',
      '---\na: b\n',
      '%YAML 1.2\n---\na: b\n',
      'a: b\n...\n',
      '- a\n',
      '  a: b\n',
      'a: &x b\nc: *x\n',
      'a: !tag b\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: b\n  continued\n',
      'a: "b\n  c"\n',
      "a: 'b\n  c'\n",
      'a: [b,\n  c]\n',
      'a: [b, c,]\n',
      'a: { b: 1, }\n',
      'a: {b}\n',
      'a: [b: c]\n',
      'a: {b:c}\n',
      'a: { b: }\n',
      'a: [ , b]\n',
      '? a\n: b\n',
      '"a": b\n',
      "'a': b\n",
      'a-b: c\n',
      '1: a\n',
      'null: a\n',
      'true: a\n',
      '__proto__: a\n',
      'a: b\na: c\n',
      'a: { b: 1, b: 2 }\n',
      'a:\tb\n',
      'a: b\r\nc: d\r\n',
      '\ufeffa: b\n',
      'a: \u00a0b\n',
      'a: b\u2028c\n',
      'a: \ud83d\ude00\n',
      'a: \x01\n',
      'a: b: c\n',
      'a: b:\n',
      'a:b\n',
      'a : b\n',
      'a: b#c: d\n',
      'a: 0x1f\n',
      'a: 0o17\n',
      'a: 1e3\n',
      'a: +1\n',
      'a: 0012\n',
      'a: 1.\n',
      'a: .inf\n',
      'a: .5\n',
      'a: .nan\n',
      'a: 1234567890123456\n',
      'a: ~x\n',
      'a: -\n',
      'a: - b\n',
      'a: ,b\n',
      'a: %b\n',
      'a: @b\n',
      'a: `b\n',
      'a: ?b\n',
      'a: :b\n',
      'a: [b [c]]\n',
      'a: [b: c]\n',
      'a: [b #c]\n',
      'a: "b"c\n',
      'a: "b"#c\n',
      'a: "\\U0001F600"\n',
      'a: "\\q"\n',
      'a: "\\x4"\n',
      'a:\n-\n',
      'a:\n- \n',
      'a:\n- - b\n',
      'a:\n  - b\n - c\n',
      'a:\n    b: 1\n  c: 2\n',
      'a:\n  - b: 1\n     c: 2\n',
      'a: 1\n- b\n',
      `${'k'.repeat(1100)}: v\n`,
    ]
    for (const text of texts) expect(readYamlSubset(text), JSON.stringify(text)).toBeUndefined()
  })

  it('reads every generated document in the subset as the yaml package does (property)', () => {
    fc.assert(
      fc.property(subsetDocument, (text) => {
        const fast = readYamlSubset(text)
        if (fast === undefined) return false
        return same(fast, yamlRead(text))
      }),
      { numRuns: 1500 },
    )
  })

  it('never reads a changed document differently from the yaml package (property)', () => {
    const piece = fc.constantFrom(
      ...[' ', '  ', '\n', '\n  ', '- ', '-', ':', ': ', '#', ' #', ',', '[', ']', '{', '}'],
      ...['"', "'", '\\', '&a ', '*a', '!t ', '|', '>', '?', '%', '@', '`', '~', '\t', '\r'],
      ...['---\n', '...', 'null', 'true', '0x1', '1e3', '.5', '-1', '__proto__', 'a', '\u00e9'],
    )
    const edit = fc.tuple(fc.nat(), fc.nat(3), fc.array(piece, { minLength: 0, maxLength: 3 }))
    fc.assert(
      fc.property(subsetDocument, fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
        let changed = text
        for (const [at, remove, pieces] of edits) {
          const i = at % (changed.length + 1)
          changed = changed.slice(0, i) + pieces.join('') + changed.slice(i + remove)
        }
        return agrees(changed)
      }),
      { numRuns: 3000 },
    )
  })

  it('never reads a text of random pieces differently from the yaml package (property)', () => {
    const piece = fc.constantFrom(
      ...['a', 'b1', 'x y', '_', '$', '/', '(', '.', '0', '9', '-1', '1.5', 'null', 'True'],
      ...[':', ': ', ' ', '\n', '\n  ', '\n    ', '- ', '#', ' #', ',', '[', ']', '{', '}'],
      ...['"', "'", '\\n', '\\u00e9', "''", '&', '*', '!', '|', '>', '?', '%', '@', '`', '~'],
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => agrees(pieces.join(''))),
      { numRuns: 3000 },
    )
  })
})

describe('readYamlHeader with the fast path', () => {
  it('reads headers and reports errors exactly as the yaml package path (property)', () => {
    fc.assert(
      fc.property(headerDocument, (text) => {
        const path = '/app/migrations/versions/a1.yaml'
        expect(outcome(() => readYamlHeader(text, path))).toEqual(yamlHeader(text, path))
        // The fast path only answers when the yaml package finds nothing to report.
        const fast = readYamlRevisionFast(text)
        if (fast !== undefined) {
          expect(yamlHeader(text, path)).toEqual({ header: fast.header })
          expect(same(fast.data, yamlRead(text))).toBe(true)
        }
      }),
      { numRuns: 1500 },
    )
  })

  it('reads well-formed headers without the yaml package, as it reads them (property)', () => {
    fc.assert(
      fc.property(validHeaderDocument, (text) => {
        const path = '/app/migrations/versions/a1.yaml'
        const fast = readYamlRevisionFast(text)
        expect(fast, text).toBeDefined()
        expect(yamlHeader(text, path)).toEqual({ header: fast?.header })
        expect(same(fast?.data, yamlRead(text))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('reads a revision as Retort writes it without the yaml package', () => {
    const fast = readYamlRevisionFast(WRITTEN)
    expect(fast?.header).toEqual({
      revision: '3f1c2a9b7d10',
      downRevision: '1234e5678901',
      branchLabels: ['accounts'],
      dependsOn: ['9a0b1c2d3e4f'],
      message: 'add account "main" \u00e9',
    })
    expect(Object.isFrozen(fast?.header)).toBe(true)
  })

  it('leaves a header with anything to report to the yaml package, which reports it', () => {
    const path = '/app/migrations/versions/a1.yaml'
    const texts = [
      'revision: 123456\ndownRevision: null\nupgrade: []\n',
      'revision: a1\ndownRevision: [b2, 3]\nupgrade: []\n',
      'revision: a1\ndownRevision: null\nmessage: true\nupgrade: []\n',
      'revision: a1\ndownRevision: null\ntransaction: yes\nupgrade: []\n',
      'revision: a1\ndownRevison: null\nupgrade: []\n',
      'revision: a1\nupgrade: []\n',
      'revision: a1\ndownRevision: null\n',
      'revision: a1\ndownRevision: null\nupgrade:\n',
      'revision: a1\ndownRevision: null\nupgrade: {}\n',
      'revision: a-1\ndownRevision: null\nupgrade: []\n',
      "revision: a1\ndownRevision: ''\nupgrade: []\n",
      'revision: a1\ndownRevision: [b2, b2]\nupgrade: []\n',
      'revision: a1\ndownRevision: { a: b }\nupgrade: []\n',
      'revision: a1\ndownRevision: null\nupgrade: []\nupgrade: []\n',
      'downRevision: null\nupgrade: []\n',
    ]
    for (const text of texts) {
      expect(readYamlRevisionFast(text), text).toBeUndefined()
      const read = yamlHeader(text, path) as { error?: unknown }
      expect(read.error, text).toBeDefined()
      expect(outcome(() => readYamlHeader(text, path))).toEqual(read)
    }
  })
})

describe('ScriptDirectory with YAML revisions in and outside the subset', () => {
  const roots: string[] = []
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })
  const directoryOf = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), 'retort-yaml-subset-'))
    roots.push(root)
    mkdirSync(join(root, 'versions'))
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(root, 'versions', name), text)
    return root
  }
  const upgradeOf = (body: RevisionBody): string[] => {
    const op = new Operations({ dialect: 'sqlite', offline: true })
    body.upgrade?.(op)
    return op.takePending().map(describeOperation)
  }
  const files = {
    'a.yaml': 'revision: a1\ndownRevision: null\nupgrade:\n  - renameTable: { from: t1, to: u1 }\n',
    // An anchor: read by the yaml package.
    'b.yaml':
      'revision: &id b2\ndownRevision: a1\nupgrade:\n  - renameTable: { from: t2, to: u2 }\n',
    'c.mjs':
      "export const revision = 'c3'\nexport const downRevision = 'b2'\nexport function upgrade() {}\n",
    'd.yaml': "revision: d4\ndownRevision: c3\nmessage: 'last'\nupgrade: []\n",
  }

  it('reads the same revisions with open and openAsync, and loads their bodies', async () => {
    const root = directoryOf(files)
    const opened = ScriptDirectory.open({ scriptLocation: root })
    const openedAsync = await ScriptDirectory.openAsync({ scriptLocation: root })
    const ids = (directory: ScriptDirectory) =>
      directory.revisions.map((r) => [r.id, r.downRevisions, r.message, r.path])
    expect(ids(opened)).toEqual([
      ['a1', [], '', join(root, 'versions', 'a.yaml')],
      ['b2', ['a1'], '', join(root, 'versions', 'b.yaml')],
      ['c3', ['b2'], '', join(root, 'versions', 'c.mjs')],
      ['d4', ['c3'], 'last', join(root, 'versions', 'd.yaml')],
    ])
    expect(ids(openedAsync)).toEqual(ids(opened))
    const [a, b] = opened.revisions
    expect(upgradeOf(await opened.load(a!))).toEqual(["renameTable('t1', 'u1')"])
    expect(upgradeOf(await opened.load(b!))).toEqual(["renameTable('t2', 'u2')"])
  })

  it('builds a body from the file as it is when it changed since the header was read', async () => {
    const root = directoryOf(files)
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const [a] = directory.revisions
    writeFileSync(
      a!.path!,
      'revision: a1\ndownRevision: null\nupgrade:\n  - renameTable: { from: t1, to: changed }\n',
    )
    expect(upgradeOf(await directory.load(a!))).toEqual(["renameTable('t1', 'changed')"])
  })

  it('reports the first bad file in path order, whichever reader reads it', async () => {
    const badScript = "export const revision = 'c3'\n"
    const badYaml = 'revision: &x 12\ndownRevision: a1\nupgrade: []\n'
    const cases: [Record<string, string>, string][] = [
      // b.yaml needs the yaml package; the bad c.mjs after it is still the one reported.
      [{ ...files, 'c.mjs': badScript }, 'c.mjs'],
      // A bad file outside the subset comes first.
      [{ ...files, 'bb.yaml': badYaml, 'c.mjs': badScript }, 'bb.yaml'],
    ]
    for (const [contents, name] of cases) {
      const root = directoryOf(contents)
      let error: unknown
      try {
        ScriptDirectory.open({ scriptLocation: root })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(RevisionFileError)
      expect((error as RevisionFileError).path).toBe(join(root, 'versions', name))
      await expect(ScriptDirectory.openAsync({ scriptLocation: root })).rejects.toThrow(
        (error as Error).message,
      )
    }
  })
})

// Generators of documents in the subset, written in the ways the reader accepts.

const word = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
  .filter((key) => !/^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/.test(key))
/** Characters of strings: tricky punctuation, spaces, letters beyond ASCII, controls. */
const stringChar = fc.constantFrom(
  ...'aZ09_ -:#,[]{}\'"\\/.&*!|>?%@`~$()=+'.split(''),
  '\u00e9',
  '\u4e2d',
  '\u00ff',
  '\x01',
  '\n',
  '\t',
)
const text = fc.array(stringChar, { maxLength: 12 }).map((chars) => chars.join(''))
/** A string as a scalar: plain when that reads back as the same string, else quoted. */
const stringScalar = fc
  .tuple(text, fc.constantFrom('plain', 'single', 'double'))
  .map(([s, style]) => {
    if (style === 'plain' && /^[A-Za-z_$/(][A-Za-z0-9_ ./()$=+-]*[A-Za-z0-9_./()$=+-]$/.test(s))
      if (yamlRead(`a: ${s}\n`) !== 'error' && same(yamlRead(`a: ${s}\n`), { a: s })) return s
    if (style === 'single' && !/[\x00-\x1f]/.test(s)) return `'${s.replaceAll("'", "''")}'`
    return JSON.stringify(s)
  })
const scalar = fc.oneof(
  stringScalar,
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc.constantFrom('0', '-1.5', '3.25', '0.0', '12.50', 'true', 'False', 'null', '~', 'NULL'),
  fc.constantFrom('r000001', 'create table t', 'a1b2', '12abc', '1_000', 'x:y', 'a#b', '-x'),
)
const flow: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.filter((s) => !/[,[\]{}:#]/.test(s) || /^["']/.test(s)),
    fc
      .array(tie('value'), { maxLength: 4 })
      .chain((items) =>
        fc.constantFrom(
          `[${items.join(', ')}]`,
          `[ ${items.join(',  ')} ]`,
          `[${items.join(',')}]`,
        ),
      ),
    fc
      .uniqueArray(fc.tuple(word, tie('value')), { maxLength: 4, selector: ([k]) => k })
      .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  ),
})).value

const comment = fc.constantFrom('', '', '', '  # note', ' #', ' # a: b - [c]')
const gap = fc.constantFrom('', '', '', '\n', '# comment\n', '   \n', '      # deep comment\n')

interface Block {
  readonly kind: 'map' | 'seq'
  /** The lines at `indent`; a mapping's first key written after `first` instead (`- `). */
  readonly lines: (indent: number, first?: string) => string
}

/** A block value: a mapping or a sequence, written at any indentation. */
const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block; entry: string }>((tie) => ({
  entry: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    flow,
    scalar,
  ) as fc.Arbitrary<string>,
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .uniqueArray(
        fc.tuple(
          word,
          fc.oneof(tie('entry'), tie('block') as fc.Arbitrary<Block>, fc.constant(null)),
          comment,
          gap,
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 2 }),
        ),
        { minLength: 1, maxLength: 4, selector: ([k]) => k },
      )
      .map((pairs): Block => ({
        kind: 'map',
        lines: (indent, first) =>
          pairs
            .map(([key, value, note, gapLines, deeper, spaces], index) => {
              const start = index === 0 && first !== undefined
              const pad = start ? first : ' '.repeat(indent)
              const space = start ? '' : gapLines
              const colon = `${pad}${key}:`
              if (value === null) return `${space}${colon}${note}\n`
              if (typeof value === 'string')
                return `${space}${colon}${' '.repeat(spaces)}${value}${note}\n`
              // A sequence may sit at the key's own indentation.
              const inner = value.kind === 'seq' && deeper === 4 ? indent : indent + deeper
              return `${space}${colon}${note}\n${value.lines(inner)}`
            })
            .join(''),
      })),
    fc
      .array(
        fc.tuple(
          fc.oneof(tie('entry'), tie('block') as fc.Arbitrary<Block>),
          comment,
          gap,
          fc.integer({ min: 1, max: 3 }),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((items): Block => ({
        kind: 'seq',
        lines: (indent) =>
          items
            .map(([value, note, space, spaces]) => {
              const dash = `${' '.repeat(indent)}-${' '.repeat(spaces)}`
              if (typeof value === 'string') return `${space}${dash}${value}${note}\n`
              // `- key: value`: the item's mapping continues at the first key's column.
              if (value.kind === 'map') return space + value.lines(dash.length, dash)
              return `${space}${dash}[]${note}\n`
            })
            .join(''),
      })),
  ),
})).block

/** A whole document in the subset: a top-level mapping with a comment or two around it. */
const subsetDocument = fc
  .tuple(
    gap,
    block.filter((b) => b.kind === 'map'),
    fc.constantFrom('', '\n', '# end\n', '\n\n'),
  )
  .map(([head, map, tail]) => head + map.lines(0) + tail)
  .filter((text) => text.length < 4000)

/** Documents shaped like revisions: header keys with right and wrong values, then a body. */
const headerDocument = fc
  .tuple(
    fc.shuffledSubarray(
      [
        'revision',
        'downRevision',
        'dependsOn',
        'branchLabels',
        'message',
        'transaction',
        'replaces',
        'upgrade',
        'downgrade',
        'upgrades',
      ],
      { minLength: 1 },
    ),
    fc.array(
      fc.constantFrom(
        'a1',
        "'1234e5678901'",
        '123456',
        '1e5',
        'null',
        '~',
        '',
        'true',
        'false',
        '[a1, b2]',
        '[a1, a1]',
        '[a1, 2]',
        '[]',
        '{}',
        '{ a: b }',
        "''",
        '"b2"',
        'a-1',
        'create table t',
        '&x a1',
        '\n  - a1\n  - b2',
        '\n- a1',
        '\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }',
      ),
      { minLength: 10, maxLength: 10 },
    ),
  )
  .map(([keys, values]) =>
    keys.map((key, i) => `${key}:${values[i]!.startsWith('\n') ? '' : ' '}${values[i]}\n`).join(''),
  )

/** Revisions with a header that has nothing to report, in the ways it may be written. */
const validHeaderDocument = fc
  .tuple(
    fc.constantFrom('revision: a1', 'revision: "b2"', "revision: 'c_3'", 'revision: r000001 # id'),
    fc.constantFrom(
      'downRevision: null',
      'downRevision: ~',
      'downRevision:',
      'downRevision: a0',
      'downRevision: [a0, "b0"]',
      'downRevision:\n  - a0\n  - b0',
    ),
    fc
      .tuple(
        fc.constantFrom('', 'message: create table t', 'message: "add \\"x\\""', 'message: null'),
        fc.subarray([
          'transaction: false',
          'dependsOn: [d1]',
          'branchLabels: []',
          "replaces: ['1234e5678901']",
          'downgrade: []',
        ]),
      )
      .map(([message, others]) => (message === '' ? others : [message, ...others])),
    fc.constantFrom(
      'upgrade: []',
      'upgrade:\n  - dropTable: { name: t }',
      'upgrade:\n- createTable:\n    name: t\n    columns:\n      - { name: id, type: integer }',
    ),
  )
  .chain(([revision, down, rest, upgrade]) =>
    fc
      .shuffledSubarray([down, ...rest, upgrade], { minLength: rest.length + 2 })
      .map((lines) => `# a revision\n${[revision, ...lines].join('\n')}\n`),
  )
