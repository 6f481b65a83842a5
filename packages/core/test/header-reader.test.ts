import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RevisionFileError } from '../src/errors.js'
import { readHeader } from '../src/script/header-reader.js'

const TS = '/app/migrations/versions/a1.ts'
const CJS = '/app/migrations/versions/a1.cjs'
const YAML = '/app/migrations/versions/a1.yaml'

function errorOf(call: () => unknown): RevisionFileError {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(RevisionFileError)
    expect((error as Error).message).not.toContain('\n')
    return error as RevisionFileError
  }
  throw new Error('expected a RevisionFileError')
}

/** The header without the keys a fixed-shape reader leaves undefined. */
function read(text: string, path = TS): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(readHeader(text, path)).filter(([, value]) => value !== undefined),
  )
}

const lines = (...all: string[]) => `${all.join('\n')}\n`

describe('readHeader (TypeScript / JavaScript)', () => {
  it('reads the usual file', () => {
    const text = lines(
      "import type { Operations } from '@retort/core'",
      '',
      "export const revision = '3f1c2a9b7d10'",
      "export const downRevision = '9a0b1c2d3e4f'   // null | string | string[] (merge)",
      'export const branchLabels = []               // optional',
      'export const dependsOn = []                  // optional',
      "export const message = 'create account'",
      '',
      'export async function upgrade(op: Operations) {',
      "  op.createTable('account', [op.column('id', 'integer', { primaryKey: true })])",
      '}',
      '',
      'export async function downgrade(op: Operations) {',
      "  op.dropTable('account')",
      '}',
    )
    expect(read(text)).toEqual({
      revision: '3f1c2a9b7d10',
      downRevision: '9a0b1c2d3e4f',
      branchLabels: [],
      dependsOn: [],
      message: 'create account',
    })
  })

  it('reads every literal form', () => {
    const text = lines(
      '#!/usr/bin/env node',
      '/* a block comment */',
      'export const revision: string = "a1";',
      'export const downRevision: readonly string[] = [',
      "  'b1', // the left parent",
      '  /* the right one */ "b2",',
      ']',
      'export const dependsOn = `c1` as const',
      "export const branchLabels: string | readonly string[] | null = 'accounts' as const;",
      'export const message =',
      '  `two',
      'lines`',
      'export const transaction = false',
    )
    expect(read(text)).toEqual({
      revision: 'a1',
      downRevision: ['b1', 'b2'],
      dependsOn: 'c1',
      branchLabels: 'accounts',
      message: 'two\nlines',
      transaction: false,
    })
  })

  it('reads null, true and lists with trailing commas', () => {
    const text = lines(
      "export const revision = 'a1'",
      'export const downRevision = null',
      "export const dependsOn = ['x', 'y',]",
      'export const transaction = true',
      'export const message = null',
    )
    expect(read(text)).toEqual({
      revision: 'a1',
      downRevision: null,
      dependsOn: ['x', 'y'],
      transaction: true,
      message: null,
    })
  })

  it('decodes escapes in strings and templates', () => {
    const text = lines(
      "export const revision = 'a1'",
      'export const downRevision = null',
      String.raw`export const message = 'it\'s \"q\" \\ \x41\u0042\u{43}\n\t'`,
      String.raw`export const branchLabels = ["a\"b", ` + '`c\\`d`]',
    )
    expect(read(text)).toEqual({
      revision: 'a1',
      downRevision: null,
      message: 'it\'s "q" \\ ABC\n\t',
      branchLabels: ['a"b', 'c`d'],
    })
  })

  it('reads CRLF files, a BOM, and headers after the functions', () => {
    const text = [
      '\uFEFFexport async function upgrade(op) {',
      "  op.execute('SELECT 1')",
      '}',
      "export const revision = 'a1'",
      'export const message = `x',
      'y`',
      "export const downRevision = 'b1'",
      '',
    ].join('\r\n')
    expect(read(text)).toEqual({ revision: 'a1', message: 'x\ny', downRevision: 'b1' })
  })

  it('ignores headers inside comments, strings, templates, regular expressions and blocks', () => {
    const text = lines(
      "// export const revision = 'comment'",
      "/* export const revision = 'block'",
      "   export const downRevision = 'block' */",
      'const s = "export const revision = \'string\'"',
      "const t = `export const revision = 'template' ${`nested ${'}'} export const revision = 'x'`} export const message = 'm'`",
      "const r = /export const revision = '[a-z]'/g",
      "const q = 1 / 2; const w = /'/.test('x') ? '\\'' : '\"'",
      'namespace Inner {',
      "  export const revision = 'namespace'",
      '}',
      'if (true) {',
      "  const message = 'not exported'",
      '}',
      "export const revision = 'real'",
      'export const downRevision = null',
      'export function upgrade() {',
      "  return `export const downRevision = 'body'`",
      '}',
    )
    expect(read(text)).toEqual({ revision: 'real', downRevision: null })
  })

  it('ignores other exports and other consts', () => {
    const text = lines(
      "export const revisionNote = 'x'",
      "export const revision = 'a1'",
      'export const downRevision = null',
      "const message = 'not exported'",
      'export { message as other }',
      'export let count = 12',
      "export * as helpers from './helpers.js'",
      'export function helper() {}',
    )
    expect(read(text)).toEqual({ revision: 'a1', downRevision: null })
  })

  it('does not treat a CommonJS export as a header in ES module files', () => {
    const error = errorOf(() => readHeader("exports.revision = 'a1'\n", '/v/a1.mjs'))
    expect(error.message).toContain('declares no `export const revision`')
  })

  describe('CommonJS (.cjs and .js)', () => {
    it('reads exports.NAME and module.exports.NAME', () => {
      const text = lines(
        "'use strict'",
        "exports.revision = 'a1'",
        "module.exports.downRevision = ['b1', 'b2']",
        'module . exports . message = "merge"',
        'exports.transaction = false;',
        'exports.helper = 1',
        'exports.upgrade = async function upgrade(op) {',
        "  exports.revision = 'inside a function'",
        '}',
      )
      expect(read(text, CJS)).toEqual({
        revision: 'a1',
        downRevision: ['b1', 'b2'],
        message: 'merge',
        transaction: false,
      })
      expect(read("exports.revision = 'js'\nexports.downRevision = null\n", '/v/a1.js')).toEqual({
        revision: 'js',
        downRevision: null,
      })
    })

    it('ignores reads and comparisons of the exports', () => {
      const text = lines(
        "exports.revision = 'a1'",
        'exports.downRevision = null',
        "if (exports.message === 'x') {}",
        "console.log(exports.downRevision == 'y')",
        "foo.exports.message = 'member of something else'",
      )
      expect(read(text, CJS)).toEqual({ revision: 'a1', downRevision: null })
    })

    it('says how to declare the revision', () => {
      const error = errorOf(() => readHeader("module.exports = { revision: 'a1' }\n", CJS))
      expect(error.line).toBeUndefined()
      expect(error.message).toContain('exports.revision')
    })

    it('rejects an expression', () => {
      const error = errorOf(() =>
        readHeader(lines("exports.revision = 'a1'", 'exports.downRevision = parent'), CJS),
      )
      expect(error.line).toBe(2)
      expect(error.message).toContain("header 'downRevision' must be a literal")
    })
  })

  describe('errors', () => {
    it('an identifier as the value', () => {
      const text = lines(
        "import type { Operations } from '@retort/core'",
        "const PARENT = 'b1'",
        "export const revision = 'a1'",
        'export const downRevision = PARENT',
      )
      const error = errorOf(() => readHeader(text, TS))
      expect(error.path).toBe(TS)
      expect(error.line).toBe(4)
      expect(error.message).toBe(
        `${TS}:4: header 'downRevision' must be a literal (a string, null or a list of strings), not an expression; write the value itself`,
      )
    })

    it.each([
      ['a call', "export const revision = makeId('a')", 1],
      ['a template with ${}', 'export const revision = `a${1}`', 1],
      ['a concatenation', "export const revision = 'a' + 'b'", 1],
      ['a method call', "export const revision = 'A1'.toLowerCase()", 1],
      ['a continued line', "export const revision = 'a'\n  + 'b'", 1],
      ['a call on the next line', "export const revision = 'a'\n('b')", 1],
      [
        'a list with an expression',
        "export const revision = 'a'\nexport const dependsOn = ['b', C]",
        2,
      ],
      ['a list with a spread', "export const revision = 'a'\nexport const dependsOn = [...all]", 2],
      ['an object', "export const revision = 'a'\nexport const message = { text: 'x' }", 2],
      ['undefined', "export const revision = 'a'\nexport const message = undefined", 2],
      ['a negative number', "export const revision = 'a'\nexport const message = -1", 2],
      [
        'as another type',
        "export const revision = 'a'\nexport const message = null as string | null",
        2,
      ],
      ['no value', 'export const revision: string', 1],
    ])('rejects %s', (_name, text, line) => {
      const error = errorOf(() => readHeader(text, TS))
      expect(error.line).toBe(line)
      expect(error.message).toContain('must be a literal')
    })

    it('a value on the line after its name', () => {
      const error = errorOf(() =>
        readHeader(lines("export const revision = 'a1'", 'export const message =', '  title'), TS),
      )
      expect(error.line).toBe(3)
      expect(error.message).toContain("header 'message' must be a literal (a string or null)")
    })

    it('a missing revision', () => {
      const error = errorOf(() =>
        readHeader(lines('export const downRevision = null', 'export function upgrade() {}'), TS),
      )
      expect(error.line).toBeUndefined()
      expect(error.message).toBe(
        `${TS}: declares no \`export const revision\`; add \`export const revision = '<id>'\` with a literal id, or rename the file to start with '_' if it is not a revision`,
      )
    })

    it.each([
      [
        'revision = null',
        'export const revision = null',
        "header 'revision' must be a string (the revision id), not null",
      ],
      [
        'revision = 12',
        'export const revision = 12',
        "header 'revision' must be a string (the revision id), not a number (12)",
      ],
      [
        "revision = ['a']",
        "export const revision = ['a']",
        "header 'revision' must be a string (the revision id), not a list of strings",
      ],
      [
        "message = ['x']",
        "export const revision = 'a'\n\nexport const message = ['x']",
        "header 'message' must be a string or null, not a list of strings",
      ],
      [
        'downRevision = [null]',
        "export const revision = 'a'\nexport const downRevision = [null]",
        "header 'downRevision' must be a string, null or a list of strings, not a list containing null",
      ],
      [
        'downRevision = true',
        "export const revision = 'a'\nexport const downRevision = true",
        "header 'downRevision' must be a string, null or a list of strings, not true",
      ],
      [
        "transaction = 'no'",
        "export const revision = 'a'\nexport const transaction = 'no'",
        "header 'transaction' must be true or false, not a string ('no')",
      ],
      [
        'nested list',
        "export const revision = 'a'\nexport const dependsOn = [['b']]",
        "header 'dependsOn' must be a string, null or a list of strings, not a list containing a list of strings",
      ],
    ])('a wrong type: %s', (_name, text, detail) => {
      const error = errorOf(() => readHeader(text, TS))
      expect(error.line).toBe(text.split('\n').length)
      expect(error.message).toContain(`:${error.line}: ${detail}; write it like export const`)
    })

    it('a header declared twice', () => {
      const text = lines("export const revision = 'a1'", '', "export const revision = 'a2'")
      const error = errorOf(() => readHeader(text, TS))
      expect(error.line).toBe(3)
      expect(error.message).toContain(
        "header 'revision' is declared twice (first on line 1); keep one",
      )
    })

    it('several consts in one statement', () => {
      const error = errorOf(() =>
        readHeader("export const revision = 'a1', downRevision = null\n", TS),
      )
      expect(error.line).toBe(1)
      expect(error.message).toContain('declare each header in its own statement')
    })

    it('an unterminated string', () => {
      const error = errorOf(() =>
        readHeader(lines("export const revision = 'a1'", "export const message = 'oops"), TS),
      )
      expect(error.line).toBe(2)
      expect(error.message).toContain("unterminated string in header 'message'")
    })

    it('invalid id characters, on the line of the id', () => {
      const error = errorOf(() =>
        readHeader(lines('// a comment', "export const revision = 'not an id!'"), TS),
      )
      expect(error.line).toBe(2)
      expect(error.message).toContain("revision id 'not an id!' is not valid")
    })
  })

  it('reads the same values in every form (property)', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9_ '"`\\.$\n{}/*-]{0,12}$/)
    const quote = (value: string, style: number): string => {
      const escaped = value.replace(/\\/g, '\\\\')
      if (style === 0) return `'${escaped.replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
      if (style === 1) return `"${escaped.replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
      return `\`${value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$/g, '\\$')}\``
    }
    // Ids are never empty nor repeated in a list (both are errors, tested on their own).
    const id = text.filter((item) => item !== '')
    const value = fc.oneof(fc.constant(null), id, fc.uniqueArray(id, { maxLength: 3 }))
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/),
        fc.record(
          { downRevision: value, dependsOn: value, branchLabels: value },
          { requiredKeys: ['downRevision'] },
        ),
        fc.option(fc.oneof(fc.constant(null), text), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', ';'),
        fc.constantFrom('', ' // note', ' /* note */'),
        fc.boolean(),
        fc.boolean(),
        (revision, lists, message, transaction, styles, semicolon, comment, typed, general) => {
          const render = (v: unknown, style: number): string =>
            v === null
              ? 'null'
              : typeof v === 'string'
                ? quote(v, style)
                : typeof v === 'boolean'
                  ? String(v)
                  : `[${(v as string[]).map((item, i) => quote(item, (style + i) % 3)).join(', ')}${style === 2 && (v as string[]).length > 0 ? ',' : ''}]`
          const header: Record<string, unknown> = { revision, ...lists }
          if (message !== undefined) header['message'] = message
          if (transaction !== undefined) header['transaction'] = transaction
          const statements = Object.entries(header).map(
            ([key, v], i) =>
              `export const ${key}${typed ? ': unknown' : ''} = ${render(v, styles[i] ?? 0)}${semicolon}${comment}`,
          )
          const source = lines(
            "import type { Operations } from '@retort/core'",
            // Code before the header makes the general scanner read it, not the fast path.
            general ? "const before = { text: '}', re: /[/]`/ }" : '',
            ...statements,
            'export async function upgrade(op: Operations) {',
            "  op.execute(`SELECT 'export const revision = 1'`)",
            '}',
          )
          expect(read(source)).toEqual(header)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('readHeader: a header the reader cannot see is an error, never a new root', () => {
  const up = 'export async function upgrade(op) {}'
  const mean = (name: string) => `did you mean '${name}'?`
  it.each([
    [
      'no downRevision',
      lines("export const revision = 'a1'", up),
      1,
      'declares no `export const downRevision = ...`',
    ],
    [
      'no downRevision (general scanner)',
      lines('const x = 1', "export const revision = 'a1'", up),
      2,
      'declares no `export const downRevision',
    ],
    [
      'downRevison',
      lines("export const revision = 'a1'", "export const downRevison = 'b1'", up),
      2,
      mean('downRevision'),
    ],
    [
      'down_revision',
      lines("export const revision = 'a1'", "export const down_revision = 'b1'", up),
      2,
      mean('downRevision'),
    ],
    [
      'DownRevision',
      lines("export const revision = 'a1'", "export const DownRevision = 'b1'", up),
      2,
      mean('downRevision'),
    ],
    [
      'revison',
      lines("export const revison = 'a1'", 'export const downRevision = null', up),
      1,
      mean('revision'),
    ],
    [
      'dependOn',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const dependOn = ['b1']",
        up,
      ),
      3,
      mean('dependsOn'),
    ],
    [
      'branchLabel',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const branchLabel = 'x'",
        up,
      ),
      3,
      mean('branchLabels'),
    ],
    [
      'mesage',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const mesage = 'x'",
        up,
      ),
      3,
      mean('message'),
    ],
    [
      'transactions',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        'export const transactions = false',
        up,
      ),
      3,
      mean('transaction'),
    ],
    [
      'a misspelt header after the functions',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        up,
        "export const messsage = 'x'",
      ),
      4,
      mean('message'),
    ],
    [
      'upgarde',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        'export async function upgarde(op) {}',
      ),
      3,
      mean('upgrade'),
    ],
    [
      'export let',
      lines("export const revision = 'a1'", "export let downRevision = 'b1'", up),
      2,
      "header 'downRevision' is declared with 'export let'",
    ],
    [
      'export var',
      lines("export const revision = 'a1'", "export var downRevision = 'b1'", up),
      2,
      "header 'downRevision' is declared with 'export var'",
    ],
    [
      'export { p as downRevision }',
      lines("export const revision = 'a1'", "const p = 'b1'", 'export { p as downRevision }', up),
      3,
      "header 'downRevision' is re-exported by 'export { ... }'",
    ],
    [
      "export { downRevision } from './base'",
      lines("export const revision = 'a1'", "export { downRevision } from './base.js'", up),
      2,
      "header 'downRevision' is re-exported",
    ],
    [
      'export * from',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export * from './base.js'",
        up,
      ),
      3,
      "'export * from' can re-export header names",
    ],
    [
      'a destructured header',
      lines("export const revision = 'a1'", 'export const { downRevision } = parents', up),
      2,
      "header 'downRevision' is declared by destructuring",
    ],
    [
      'a header as a function',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        'export function message() {}',
      ),
      3,
      "header 'message' is exported as a function",
    ],
    [
      'CommonJS exports.downRevison',
      lines("exports.revision = 'a1'", "exports.downRevison = 'b1'"),
      2,
      mean('downRevision'),
    ],
    [
      'repeated parents',
      lines("export const revision = 'a1'", "export const downRevision = ['b1', 'b1']", up),
      2,
      "header 'downRevision' lists 'b1' twice; list each revision once",
    ],
    [
      'repeated dependencies',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const dependsOn = ['b1', 'c1', 'b1']",
        up,
      ),
      3,
      "header 'dependsOn' lists 'b1' twice",
    ],
    [
      'repeated labels',
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const branchLabels = ['x', 'x']",
        up,
      ),
      3,
      "header 'branchLabels' lists 'x' twice; list each label once",
    ],
    [
      'an empty parent',
      lines("export const revision = 'a1'", "export const downRevision = ''", up),
      2,
      "header 'downRevision' is an empty string; write null for a root revision",
    ],
  ])('%s', (_name, text, line, detail) => {
    const path = text.startsWith('exports') ? CJS : TS
    const error = errorOf(() => readHeader(text, path))
    expect(error.line).toBe(line)
    expect(error.message).toContain(`${path}:${line}: `)
    expect(error.message).toContain(detail)
  })

  it('keeps other exports: helpers, a namespace re-export, names far from any header', () => {
    const text = lines(
      "export const revision = 'a1'",
      'export const downRevision = null',
      "export * as helpers from './helpers.js'",
      "export { helper as version2 } from './helpers.js'",
      'export const tableName = "account"',
      'export function helper() {}',
      up,
    )
    expect(read(text)).toEqual({ revision: 'a1', downRevision: null })
  })
})

describe('readHeader (YAML)', () => {
  it('reads the header keys', () => {
    const text = lines(
      'revision: 3f1c2a9b7d10',
      'downRevision: 9a0b1c2d3e4f',
      'dependsOn: [a1, "b2"]',
      'branchLabels:',
      '  - accounts',
      'message: >-',
      '  create',
      '  account',
      'transaction: false',
      'upgrade:',
      '  - createTable: { name: account, columns: [{ name: id, type: integer }] }',
    )
    expect(read(text, YAML)).toEqual({
      revision: '3f1c2a9b7d10',
      downRevision: '9a0b1c2d3e4f',
      dependsOn: ['a1', 'b2'],
      branchLabels: ['accounts'],
      message: 'create account',
      transaction: false,
    })
  })

  it('reads null in its forms and .yml files', () => {
    expect(
      read(
        lines('revision: a1', 'downRevision:', 'dependsOn: ~', 'message: null', 'upgrade: []'),
        '/v/a1.yml',
      ),
    ).toEqual({
      revision: 'a1',
      downRevision: null,
      dependsOn: null,
      message: null,
    })
  })

  it('never converts an id that YAML reads as a number', () => {
    const error = errorOf(() => readHeader(lines('message: x', 'revision: 1234e5678901'), YAML))
    expect(error.line).toBe(2)
    expect(error.message).toBe(
      `${YAML}:2: header 'revision' value 1234e5678901 is read by YAML as a number, not a string; quote it: '1234e5678901'`,
    )
    expect(read("revision: '1234e5678901'\ndownRevision: null\nupgrade: []\n", YAML)).toEqual({
      revision: '1234e5678901',
      downRevision: null,
    })
  })

  it('rejects numbers and booleans among ids and in the message', () => {
    expect(
      errorOf(() => readHeader(lines('revision: a1', 'downRevision: 123456'), YAML)).line,
    ).toBe(2)
    const listed = errorOf(() =>
      readHeader(lines('revision: a1', 'dependsOn:', '  - b1', '  - 0x1F'), YAML),
    )
    expect(listed.line).toBe(4)
    expect(listed.message).toContain('value 0x1F is read by YAML as a number')
    const label = errorOf(() => readHeader(lines('revision: a1', 'branchLabels: [true]'), YAML))
    expect(label.message).toContain('read by YAML as a boolean')
    expect(errorOf(() => readHeader(lines('revision: a1', 'message: 2024'), YAML)).line).toBe(2)
  })

  it.each([
    [
      'revision: null',
      1,
      "header 'revision' must be a string (the revision id), not null; write it like revision: '3f1c2a9b7d10'",
    ],
    [
      'revision: [a1]',
      1,
      "header 'revision' must be a string (the revision id), not a list of strings",
    ],
    [
      'revision: a1\nmessage: [x]',
      2,
      "header 'message' must be a string or null, not a list of strings; write it like message: create account",
    ],
    [
      'revision: a1\ntransaction: no',
      2,
      "header 'transaction' must be true or false, not a string ('no')",
    ],
    [
      'revision: a1\ndownRevision: { a: b }',
      2,
      "header 'downRevision' must be a string, null or a list of strings, not an object",
    ],
    [
      'revision: a1\ndependsOn: [[a]]',
      2,
      "header 'dependsOn' must be a string, null or a list of strings, not a list containing an object",
    ],
  ])('rejects a wrong type: %s', (text, line, detail) => {
    const error = errorOf(() => readHeader(`${text}\n`, YAML))
    expect(error.line).toBe(line)
    expect(error.message).toContain(detail)
  })

  it('reports a syntax error with its line', () => {
    const error = errorOf(() =>
      readHeader(lines('revision: a1', 'message: "open', 'upgrade: []'), YAML),
    )
    expect(error.line).toBeGreaterThanOrEqual(2)
    expect(error.message).toMatch(
      /^\/app\/migrations\/versions\/a1\.yaml:\d+: invalid YAML: .+; correct the YAML syntax$/,
    )
    const duplicate = errorOf(() => readHeader(lines('revision: a1', 'revision: a2'), YAML))
    expect(duplicate.line).toBe(2)
    expect(duplicate.message).toContain('Map keys must be unique')
  })

  it.each([
    [
      'upgrades',
      'revision: a1\ndownRevision: null\nupgrades: []\n',
      3,
      "unknown key 'upgrades' (did you mean 'upgrade'?); a YAML revision has the keys revision, downRevision, dependsOn, branchLabels, message, transaction, replaces, upgrade, downgrade",
    ],
    [
      'downRevison',
      'revision: a1\ndownRevison: b1\nupgrade: []\n',
      2,
      "unknown key 'downRevison' (did you mean 'downRevision'?)",
    ],
    [
      'depends_on',
      'revision: a1\ndownRevision: null\ndepends_on: [b1]\nupgrade: []\n',
      3,
      "unknown key 'depends_on' (did you mean 'dependsOn'?)",
    ],
    [
      'an unrelated key',
      'revision: a1\ndownRevision: null\nauthor: me\nupgrade: []\n',
      3,
      "unknown key 'author'; a YAML revision has the keys",
    ],
    [
      'a number as a key',
      'revision: a1\ndownRevision: null\n12: x\nupgrade: []\n',
      3,
      "unknown key '12'",
    ],
    [
      'no downRevision',
      'revision: a1\nupgrade: []\n',
      1,
      "revision 'a1' declares no 'downRevision'; add it after the revision: downRevision: null for a root revision",
    ],
    [
      'no upgrade',
      'revision: a1\ndownRevision: null\n',
      1,
      "revision 'a1' declares no 'upgrade'; add the list of operations, or upgrade: [] for a revision that changes nothing",
    ],
    [
      'an empty upgrade',
      'revision: a1\ndownRevision: null\nupgrade:\n',
      3,
      "'upgrade' must be a list of operations (- createTable: {...}), not empty; write upgrade: [] for a revision that changes nothing",
    ],
    [
      'an upgrade map',
      'revision: a1\ndownRevision: null\nupgrade:\n  dropTable: { name: t }\n',
      4,
      "'upgrade' must be a list of operations",
    ],
    [
      'an empty downgrade',
      'revision: a1\ndownRevision: null\nupgrade: []\ndowngrade:\n',
      4,
      "'downgrade' must be a list of operations (- createTable: {...}), not empty; write downgrade: [] for a downgrade that changes nothing, or leave the key out",
    ],
    [
      'repeated parents',
      'revision: a1\ndownRevision: [b1, b1]\nupgrade: []\n',
      2,
      "header 'downRevision' lists 'b1' twice; list each revision once",
    ],
    [
      'an empty parent',
      "revision: a1\ndownRevision: ''\nupgrade: []\n",
      2,
      "header 'downRevision' is an empty string; write null for a root revision",
    ],
  ])('refuses %s, naming the line', (_name, text, line, detail) => {
    const error = errorOf(() => readHeader(text, YAML))
    expect(error.line).toBe(line)
    expect(error.message).toContain(`${YAML}:${line}: ${detail}`)
  })

  it('reports a missing revision and a document that is not a map', () => {
    const missing = errorOf(() => readHeader(lines('message: x', 'upgrade: []'), YAML))
    expect(missing.message).toContain("declares no 'revision' key; add revision: '3f1c2a9b7d10'")
    expect(errorOf(() => readHeader('- a\n- b\n', YAML)).message).toContain('must be a map of keys')
    expect(errorOf(() => readHeader('', YAML)).message).toContain('must be a map of keys')
  })
})
