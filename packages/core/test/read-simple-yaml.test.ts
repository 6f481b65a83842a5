import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { readSimpleYaml } from '../src/config/read-simple-yaml.js'

/** What the yaml package reads, when it reads the text without an error. */
function yamlRead(text: string): unknown {
  const document = parseDocument(text)
  return document.errors.length > 0 ? 'error' : document.toJS()
}

describe('readSimpleYaml (the config fast path)', () => {
  it('reads plain key: value lines, comments and CRLF like the yaml package', () => {
    const texts = [
      'scriptLocation: migrations\nurl: sqlite:///app.db\n',
      '# Retort configuration\n\nscriptLocation: migrations   # here\nurl: ${DATABASE_URL}\n# versionTable: v\n',
      'scriptLocation: migrations\r\nurl: postgresql://u@h:5432/db?x=1#frag\r\n',
      'fileTemplate: r{rev}_{slug}\ntimezone: Europe/Paris\nhook: prettier --write {path}\n',
      'a: $${literal}\nb: _x\nc: /abs/path\nd: a:b\ne: a#b\nf: words with  spaces\n',
      'last: no newline at the end',
    ]
    for (const text of texts) {
      const simple = readSimpleYaml(text)
      expect(simple, text).toBeDefined()
      expect(simple).toEqual(yamlRead(text))
    }
  })

  it('reads the default template', () => {
    const template = readFileSync(
      new URL('../../../env/default/retort.yaml', import.meta.url),
      'utf8',
    )
    const text = template
      .replaceAll('{{scriptLocation}}', 'migrations')
      .replaceAll('{{name}}', 'app')
    expect(readSimpleYaml(text)).toEqual({ scriptLocation: 'migrations', url: 'sqlite:///app.db' })
    expect(readSimpleYaml(text)).toEqual(yamlRead(text))
  })

  it('leaves everything else to the yaml package', () => {
    const texts = [
      '',
      '# only a comment\n',
      'fileTemplate: {rev}_{slug}\n',
      'databases:\n  main:\n    url: sqlite:///main.db\n',
      'postWriteHooks:\n  - retort bundle\n',
      'url: "sqlite:///quoted.db"\n',
      "url: 'sqlite:///quoted.db'\n",
      'versionTable: 12\n',
      'n: 0x1f\n',
      'transactionPerMigration: true\n',
      'a: TRUE\n',
      'a: null\n',
      'a: ~\n',
      'a: .inf\n',
      'a:\n',
      'a: -x\n',
      'a: [x, y]\n',
      'a: {x: 1}\n',
      'a: &anchor x\n',
      'a: *alias\n',
      'a: !tag x\n',
      'a: x: y\n',
      'a: x:\n',
      'a:b\n',
      'a : b\n',
      'a: b\na: c\n',
      'a:\tb\n',
      '\ufeffa: b\n',
      'a: caf\u00e9\n',
      '---\na: b\n',
      '%YAML 1.2\n---\na: b\n',
      'a: b\n  continued\n',
      'a: b\rc: d\n',
      '  a: b\n',
      '? a\n: b\n',
      '__proto__: x\n',
    ]
    for (const text of texts) expect(readSimpleYaml(text), JSON.stringify(text)).toBeUndefined()
  })

  it('agrees with the yaml package whenever it reads a text (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '_',
      '/',
      '$',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ': ',
      ' ',
      '  ',
      '#',
      ' #',
      '-',
      '.',
      '0',
      '9',
      '"',
      "'",
      '!',
      '&',
      '*',
      '|',
      '>',
      '%',
      '@',
      '`',
      '~',
      '?',
      'null',
      'true',
      'x:y',
    )
    const value = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))
    const key = fc.constantFrom('url', 'scriptLocation', 'a', 'b_1', 'B2')
    const line = fc.oneof(
      fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
      fc.constant('# comment'),
      fc.constant(''),
      fc.constant('  nested: x'),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol) + eol
        const simple = readSimpleYaml(text)
        if (simple !== undefined) expect(simple).toEqual(yamlRead(text))
      }),
      { numRuns: 2000 },
    )
  })
})
