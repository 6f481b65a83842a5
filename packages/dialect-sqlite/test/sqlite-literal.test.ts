import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  inlineStatement,
  renderLiteral,
  SqliteValueError,
  toSqliteValue,
} from '../src/sqlite-literal.js'

const db = new Database(':memory:')
afterAll(() => db.close())
/** What SQLite reads back from a rendered literal. */
const evaluate = (literal: string) => db.prepare(`SELECT ${literal} AS v`).get() as { v: unknown }

describe('renderLiteral', () => {
  it.each([
    [null, 'NULL'],
    ['', "''"],
    ["it's", "'it''s'"],
    ["''", "''''''"],
    ['a"b', `'a"b'`],
    ['line\nbreak', "'line\nbreak'"],
    ["'); DROP TABLE t; --", "'''); DROP TABLE t; --'"],
    ['ünï©ødé 🚀', "'ünï©ødé 🚀'"],
    [0, '0'],
    [-0, '0'],
    [-12.5, '-12.5'],
    [1e21, '1e+21'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [2n ** 63n - 1n, '9223372036854775807'],
    [true, '1'],
    [false, '0'],
    [new Date('2024-02-29T12:00:00.000Z'), "'2024-02-29T12:00:00.000Z'"],
    [Buffer.from('hi'), "X'6869'"],
    [new Uint8Array([0, 1, 254]), "X'0001fe'"],
    [new Uint8Array(new Uint8Array([9, 8, 7]).buffer, 1, 1), "X'08'"],
  ])('%s -> %s', (value, literal) => {
    expect(renderLiteral(value)).toBe(literal)
  })

  it.each([
    [Number.NaN, 'cannot write NaN as a SQLite literal'],
    [Number.POSITIVE_INFINITY, 'cannot write Infinity'],
    [Number.NEGATIVE_INFINITY, 'cannot write -Infinity'],
    [
      'a\0b',
      "containing a NUL character as a SQLite literal ('a\\0b'); bind it as a parameter instead",
    ],
    [new Date('nope'), 'invalid Date'],
    [undefined, 'cannot write a undefined'],
    [{ a: 1 }, 'cannot write a Object as a SQLite literal'],
    [[1], 'cannot write a Array'],
    [Symbol('s'), 'cannot write a symbol'],
    [() => 1, 'cannot write a function'],
  ])('rejects %s', (value, message) => {
    expect(() => renderLiteral(value)).toThrow(SqliteValueError)
    expect(() => renderLiteral(value)).toThrow(message)
  })

  it('round-trips through SQLite', () => {
    expect(evaluate(renderLiteral("it's"))).toEqual({ v: "it's" })
    expect(evaluate(renderLiteral(-12.5))).toEqual({ v: -12.5 })
    expect(evaluate(renderLiteral(Buffer.from([0, 255])))).toEqual({ v: Buffer.from([0, 255]) })
    expect(
      db
        .prepare(`SELECT ${renderLiteral(2n ** 63n - 1n)} AS v`)
        .safeIntegers(true)
        .get(),
    ).toEqual({ v: 2n ** 63n - 1n })
  })

  it('any string without NUL round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        (s) => {
          expect(evaluate(renderLiteral(s)).v).toBe(s)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('any finite double round-trips (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(evaluate(renderLiteral(n)).v).toBe(Object.is(n, -0) ? 0 : n)
      }),
      { numRuns: 300 },
    )
  })
})

describe('toSqliteValue', () => {
  it('converts what better-sqlite3 cannot bind', () => {
    expect(toSqliteValue(true)).toBe(1)
    expect(toSqliteValue(undefined)).toBe(null)
    expect(toSqliteValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z')
    expect(toSqliteValue([1, 'a'])).toBe('[1,"a"]')
    expect(toSqliteValue(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}')
    expect(Buffer.isBuffer(toSqliteValue(new Uint8Array([1])))).toBe(true)
    expect(toSqliteValue(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY)
    expect(() => toSqliteValue(Number.NaN)).toThrow('cannot bind NaN')
    expect(() => toSqliteValue(new Map())).toThrow('cannot bind a Map as a SQLite value')
  })
})

describe('inlineStatement', () => {
  const inline = (sql: string, ...parameters: unknown[]) => inlineStatement({ sql, parameters })

  it('replaces ? placeholders outside quotes and comments', () => {
    expect(
      inline(`SELECT ?, '?', "?", \`?\`, [?], 'it''s ?', "a""?" -- ?\n, /* ? */ ?`, "o'k", 2),
    ).toBe(`SELECT 'o''k', '?', "?", \`?\`, [?], 'it''s ?', "a""?" -- ?\n, /* ? */ 2`)
  })

  it('supports ?NNN placeholders', () => {
    expect(inline('SELECT ?2, ?1, ?', 'a', 'b')).toBe("SELECT 'b', 'a', 'b'")
  })

  it('keeps a negative number from turning into a comment', () => {
    const sql = inline('SELECT 5 -?', -3)
    expect(sql).toBe('SELECT 5 - -3')
    expect(evaluate(sql.replace('SELECT ', ''))).toEqual({ v: 8 })
  })

  it('ends with a newline after a trailing line comment', () => {
    expect(inline('DELETE FROM t -- all of it')).toBe('DELETE FROM t -- all of it\n')
  })

  it('checks the number of parameters', () => {
    expect(() => inline('SELECT ?, ?', 1)).toThrow(
      "statement has placeholder '?' but only 1 parameters",
    )
    expect(() => inline('SELECT ?', 1, 2)).toThrow('statement uses 1 of 2 parameters')
    expect(() => inline('SELECT ?0')).toThrow("placeholder '?0'")
  })

  it('renders what runs the same as the bound statement', () => {
    const parameters = ["x'y", 1.5, null, Buffer.from([7]), true]
    const bound = db.prepare('SELECT ? a, ? b, ? c, ? d, ? e').get(...parameters.map(toSqliteValue))
    expect(db.prepare(inline('SELECT ? a, ? b, ? c, ? d, ? e', ...parameters)).get()).toEqual(bound)
  })
})
