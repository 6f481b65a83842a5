import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  renderRevisionFile,
  type NewRevisionHeader,
} from '../src/authoring/render-revision-file.js'
import { RevisionFileError } from '../src/errors.js'
import { readHeader } from '../src/script/header-reader.js'
import { readGeneratedHeader } from '../src/script/script-header-fast-path.js'

const TS = '/app/migrations/versions/a1.ts'
const JS = '/app/migrations/versions/a1.js'

/** A header without its undefined keys. */
const defined = (header: object | undefined): Record<string, unknown> | undefined =>
  header === undefined
    ? undefined
    : Object.fromEntries(Object.entries(header).filter(([, value]) => value !== undefined))

/** What the general scanner reads: code before the header keeps both fast paths out. */
const scanned = (text: string, path = TS) =>
  defined(readHeader(`const before = { text: '}', re: /[/]\`/ }\n${text}`, path))

/** The header readHeader should give for a file renderRevisionFile wrote. */
function expected(header: NewRevisionHeader): Record<string, unknown> {
  const { revision, downRevisions, branchLabels, dependsOn, message } = header
  return {
    revision,
    downRevision:
      downRevisions.length === 0
        ? null
        : downRevisions.length === 1
          ? downRevisions[0]
          : downRevisions,
    ...(branchLabels.length > 0 ? { branchLabels } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    message,
  }
}

const lines = (...all: string[]) => `${all.join('\n')}\n`

describe('the generated-file fast path of the script header reader', () => {
  it('reads every file renderRevisionFile writes (ts and js, merges, labels, dependencies)', () => {
    const headers: NewRevisionHeader[] = [
      { revision: 'a1', downRevisions: [], branchLabels: [], dependsOn: [], message: 'init' },
      { revision: 'b2', downRevisions: ['a1'], branchLabels: [], dependsOn: [], message: '' },
      {
        revision: 'm3',
        downRevisions: ['a1', 'b2'],
        branchLabels: ['accounts'],
        dependsOn: ['x9', 'y8'],
        message: 'merge',
      },
      {
        revision: 'c4',
        downRevisions: ['b2'],
        branchLabels: ['one', 'two'],
        dependsOn: [],
        message: 'with labels',
      },
      {
        revision: 'd5',
        downRevisions: ['c4'],
        branchLabels: [],
        dependsOn: ['a1'],
        message: 'create table "t"',
      },
    ]
    for (const header of headers) {
      for (const format of ['ts', 'js'] as const) {
        const text = renderRevisionFile(header, format, { created: '2026-01-01 10:00:00' })
        const path = format === 'ts' ? TS : JS
        expect(defined(readGeneratedHeader(text)), text).toEqual(expected(header))
        expect(defined(readHeader(text, path))).toEqual(expected(header))
        expect(scanned(text, path)).toEqual(expected(header))
      }
    }
  })

  it('leaves other shapes to the general readers, which read them the same', () => {
    const texts = [
      // An escape in the message (renderRevisionFile writes one for a quote).
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const message = 'it\\'s'",
        'export function upgrade() {}',
      ),
      // CRLF line ends.
      "export const revision = 'a1'\r\nexport const downRevision = null\r\nexport const message = 'crlf'\r\nexport function upgrade() {}\r\n",
      // Double quotes, a comment after a value, another order, a transaction flag.
      lines(
        'export const revision = "a1"',
        'export const downRevision = null // first',
        "export const message = 'm'",
        'export function upgrade() {}',
      ),
      lines(
        "export const message = 'm'",
        "export const revision = 'a1'",
        'export const downRevision = null',
        'export function upgrade() {}',
      ),
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const message = 'm'",
        'export const transaction = false',
        'export function upgrade() {}',
      ),
      // A type annotation, a multi-line list, a header after the functions.
      lines(
        "export const revision: string = 'a1'",
        'export const downRevision = null',
        "export const message = 'm'",
        'export function upgrade() {}',
      ),
      lines(
        "export const revision = 'a1'",
        'export const downRevision = [',
        "  'x1',",
        "  'y2',",
        ']',
        "export const message = 'm'",
        'export function upgrade() {}',
      ),
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const message = 'm'",
        'export function upgrade() {}',
        "export const branchLabels = ['late']",
      ),
      // No function at all.
      lines(
        "export const revision = 'a1'",
        'export const downRevision = null',
        "export const message = 'm'",
      ),
    ]
    const values = [
      { revision: 'a1', downRevision: null, message: "it's" },
      { revision: 'a1', downRevision: null, message: 'crlf' },
      { revision: 'a1', downRevision: null, message: 'm' },
      { revision: 'a1', downRevision: null, message: 'm' },
      { revision: 'a1', downRevision: null, message: 'm', transaction: false },
      { revision: 'a1', downRevision: null, message: 'm' },
      { revision: 'a1', downRevision: ['x1', 'y2'], message: 'm' },
      { revision: 'a1', downRevision: null, message: 'm', branchLabels: ['late'] },
      { revision: 'a1', downRevision: null, message: 'm' },
    ]
    texts.forEach((text, i) => {
      expect(readGeneratedHeader(text), text).toBeUndefined()
      expect(defined(readHeader(text, TS))).toEqual(values[i])
      expect(scanned(text)).toEqual(values[i])
    })
  })

  it('still reports a broken header with its file and line', () => {
    const cases: [string, number, string][] = [
      // Generated-looking, but a header key is declared again after the functions.
      [
        lines(
          "export const revision = 'a1'",
          'export const downRevision = null',
          "export const message = 'm'",
          '',
          'export function upgrade() {}',
          "export const message = 'again'",
        ),
        6,
        "header 'message' is declared twice (first on line 3)",
      ],
      [
        lines(
          "export const revision = 'a1'",
          'export const downRevision = null',
          "export const message = 'oops",
        ),
        3,
        'unterminated string',
      ],
      [
        lines(
          "export const revision = 'not an id!'",
          'export const downRevision = null',
          "export const message = 'm'",
        ),
        1,
        "revision id 'not an id!' is not valid",
      ],
      [
        lines(
          "export const revision = 'a1'",
          'export const downRevision = parent',
          "export const message = 'm'",
        ),
        2,
        "header 'downRevision' must be a literal",
      ],
      [
        lines(
          "export const revision = 'a1'",
          'export const downRevision = null',
          'export const message = true',
          'export function upgrade() {}',
        ),
        3,
        "header 'message' must be a string or null",
      ],
    ]
    for (const [text, line, message] of cases) {
      expect(readGeneratedHeader(text)).toBeUndefined()
      let error: unknown
      try {
        readHeader(text, TS)
      } catch (caught) {
        error = caught
      }
      expect(error, text).toBeInstanceOf(RevisionFileError)
      expect((error as RevisionFileError).path).toBe(TS)
      expect((error as RevisionFileError).line).toBe(line)
      expect((error as Error).message).toContain(message)
    }
  })

  it('agrees with the general scanner on generated files (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/)
    // Retort never writes a list with a repeated id (an error, tested on its own).
    const ids = fc.uniqueArray(id, { maxLength: 3 })
    const message = fc.stringMatching(/^[A-Za-z0-9 _'"\\.$`{}/*-]{0,20}$/)
    fc.assert(
      fc.property(
        id,
        ids,
        ids,
        ids,
        message,
        fc.constantFrom('ts' as const, 'js' as const),
        (revision, downRevisions, branchLabels, dependsOn, text, format) => {
          const header: NewRevisionHeader = {
            revision,
            downRevisions,
            branchLabels,
            dependsOn,
            message: text,
          }
          const file = renderRevisionFile(header, format)
          const path = format === 'ts' ? TS : JS
          const fast = readGeneratedHeader(file)
          // Every message without a quote or backslash takes the fast path.
          if (!/['\\]/.test(text)) expect(fast).toBeDefined()
          if (fast !== undefined) expect(defined(fast)).toEqual(expected(header))
          expect(defined(readHeader(file, path))).toEqual(expected(header))
          expect(scanned(file, path)).toEqual(expected(header))
        },
      ),
      { numRuns: 300 },
    )
  })
})
