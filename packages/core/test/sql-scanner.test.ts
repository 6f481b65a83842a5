import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findPlaceholders,
  MYSQL_SQL,
  POSTGRES_SQL,
  replacePlaceholders,
  scanSql,
  splitStatements,
  SQLITE_SQL,
  sqlTokens,
  type SqlLexicon,
} from '../src/sql.js'

const kinds = (sql: string, lexicon: SqlLexicon) =>
  scanSql(sql, lexicon).map((piece) => `${piece.kind}:${piece.text}`)

describe('scanSql', () => {
  it('SQLite: strings, three identifier quotes, both comments', () => {
    expect(
      kinds(`SELECT ?, '?', "?", \`?\`, [?], 'it''s ?', "a""?" -- ?\n, /* ? */ ?`, SQLITE_SQL),
    ).toEqual([
      'code:SELECT ?, ',
      "string:'?'",
      'code:, ',
      'identifier:"?"',
      'code:, ',
      'identifier:`?`',
      'code:, ',
      'identifier:[?]',
      'code:, ',
      "string:'it''s ?'",
      'code:, ',
      'identifier:"a""?"',
      'code: ',
      'comment:-- ?',
      'code:\n, ',
      'comment:/* ? */',
      'code: ?',
    ])
  })

  it('PostgreSQL: E strings, dollar quotes, nested comments; $1 is not a tag', () => {
    expect(
      kinds(`SELECT E'\\'?', $$?$$, $tag$ ? $tag$ /* ? /* ? */ ? */ x$1y, $1`, POSTGRES_SQL),
    ).toEqual([
      'code:SELECT E',
      "string:'\\'?'",
      'code:, ',
      'string:$$?$$',
      'code:, ',
      'string:$tag$ ? $tag$',
      'code: ',
      'comment:/* ? /* ? */ ? */',
      'code: x$1y, $1',
    ])
    // Without the E prefix a backslash is an ordinary character.
    expect(kinds(`SELECT '\\', ?`, POSTGRES_SQL)).toEqual([
      'code:SELECT ',
      "string:'\\'",
      'code:, ?',
    ])
  })

  it('MySQL: backslash escapes, double-quoted strings, # and "-- " comments', () => {
    expect(kinds(`SELECT 'a\\'?', "b?" # ?\n, 1--?, -- ?`, MYSQL_SQL)).toEqual([
      'code:SELECT ',
      "string:'a\\'?'",
      'code:, ',
      'string:"b?"',
      'code: ',
      'comment:# ?',
      'code:\n, 1--?, ',
      'comment:-- ?',
    ])
    expect(kinds(`SELECT '\\\\'`, { ...MYSQL_SQL, backslashEscapes: false })).toEqual([
      'code:SELECT ',
      "string:'\\\\'",
    ])
  })

  it('an unterminated literal runs to the end and is marked open', () => {
    const [, open] = scanSql("SELECT 'open", SQLITE_SQL)
    expect(open).toMatchObject({ kind: 'string', text: "'open", closed: false })
    expect(scanSql('SELECT $a$ x', POSTGRES_SQL).at(-1)).toMatchObject({ closed: false })
  })

  it('the pieces always cover the text exactly (property)', () => {
    const alphabet = fc.constantFrom(...'ab?$\'"`[]-#/*\\\n ;E1'.split(''))
    const text = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''))
    fc.assert(
      fc.property(text, fc.constantFrom(SQLITE_SQL, POSTGRES_SQL, MYSQL_SQL), (sql, lexicon) => {
        const pieces = scanSql(sql, lexicon)
        expect(pieces.map((p) => p.text).join('')).toBe(sql)
        for (const piece of pieces) expect(sql.slice(piece.start, piece.end)).toBe(piece.text)
      }),
    )
  })
})

describe('placeholders', () => {
  it('finds numbered and plain placeholders in code only', () => {
    expect(
      findPlaceholders(`SELECT ?, '?', ?2 -- ?`, SQLITE_SQL).map((p) => [p.text, p.number]),
    ).toEqual([
      ['?', undefined],
      ['?2', 2],
    ])
    expect(
      findPlaceholders('SELECT $1, x$2, $$ $3 $$, ?', POSTGRES_SQL).map((p) => p.text),
    ).toEqual(['$1', '?'])
  })

  it('replaces, spacing a negative literal after a minus, newline after a line comment', () => {
    expect(replacePlaceholders('SELECT 5 -?', MYSQL_SQL, () => '-3')).toBe('SELECT 5 - -3')
    expect(
      replacePlaceholders('DELETE FROM t -- all', SQLITE_SQL, () => '', { script: true }),
    ).toBe('DELETE FROM t -- all\n')
    expect(replacePlaceholders('SELECT 1 /* c */', SQLITE_SQL, () => '', { script: true })).toBe(
      'SELECT 1 /* c */',
    )
  })
})

describe('splitStatements', () => {
  it('splits at ; in code only and leaves out empty statements', () => {
    expect(
      splitStatements(`SELECT ';'; -- a;\n;CREATE FUNCTION f() AS $$ a; b $$;\n\n`, POSTGRES_SQL),
    ).toEqual(["SELECT ';'", 'CREATE FUNCTION f() AS $$ a; b $$'])
    expect(splitStatements('SELECT `;`; SELECT 2', MYSQL_SQL)).toEqual(['SELECT `;`', ' SELECT 2'])
  })
})

describe('sqlTokens', () => {
  it('knows quotes, blobs, numbers and comments', () => {
    expect(
      sqlTokens(
        `a "b""c" [d e] \`f\` 'g''h' X'00ff' 1.5e-3 -- comment\n/* c */ (x)`,
        SQLITE_SQL,
      ).map((t) => `${t.kind}:${t.text}`),
    ).toEqual([
      'word:a',
      'identifier:"b""c"',
      'identifier:[d e]',
      'identifier:`f`',
      "string:'g''h'",
      "blob:X'00ff'",
      'number:1.5e-3',
      'punct:(',
      'word:x',
      'punct:)',
    ])
    expect(sqlTokens('a /* c */', SQLITE_SQL, { comments: true }).map((t) => t.kind)).toEqual([
      'word',
      'comment',
    ])
  })
})
