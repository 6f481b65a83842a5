import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Operations } from '../../core/src/operations/operations.js'
import { MysqlCompiler } from '../src/mysql-compiler.js'
import { mysqlDialect } from '../src/mysql-dialect.js'
import type { MysqlConnection, MysqlDriver } from '../src/mysql-driver.js'
import {
  formatUtcDateTime,
  MysqlValueError,
  renderCommentLiteral,
  renderLiteral,
  toMysqlValue,
} from '../src/mysql-literal.js'
import { createTestDatabase, describeMysql, type TestDatabase } from './helpers/mysql-server.js'

/** Strings whose meaning depends on quoting rules. */
const TRICKY = [
  '',
  "it's",
  "''",
  '\\',
  'ends with \\',
  "\\'",
  "\\\\'",
  "a\\'; DROP TABLE t; --",
  'C:\\temp\\new',
  '"double" `back`',
  'line\nbreak\ttab\r',
  '% and _',
  'nul \0 and ctrl-z \x1a',
  'emoji 🎉 and é',
  '?',
]

describe('renderLiteral', () => {
  it('quotes strings, doubling quotes; hex for strings with backslashes', () => {
    expect(renderLiteral("it's")).toBe("'it''s'")
    expect(renderLiteral('')).toBe("''")
    expect(renderLiteral('a"b`c')).toBe("'a\"b`c'")
    expect(renderLiteral('\\')).toBe("CONVERT(X'5C' USING utf8mb4)")
    expect(renderLiteral("\\'")).toBe("CONVERT(X'5C27' USING utf8mb4)")
    expect(renderLiteral('a\0b')).toBe("CONVERT(X'610062' USING utf8mb4)")
    expect(renderLiteral('é')).toBe("'é'")
  })

  it('numbers, bigints, booleans, null, dates, bytes', () => {
    expect(renderLiteral(42)).toBe('42')
    expect(renderLiteral(-1.5)).toBe('-1.5')
    expect(renderLiteral(-0)).toBe('0')
    expect(renderLiteral(1e21)).toBe('1e+21')
    expect(renderLiteral(12345678901234567890n)).toBe('12345678901234567890')
    expect(renderLiteral(true)).toBe('TRUE')
    expect(renderLiteral(false)).toBe('FALSE')
    expect(renderLiteral(null)).toBe('NULL')
    expect(renderLiteral(new Date('2024-05-06T07:08:09.010Z'))).toBe("'2024-05-06 07:08:09.010'")
    expect(renderLiteral(Buffer.from([0, 1, 255]))).toBe("X'0001FF'")
    expect(renderLiteral(new Uint8Array([]))).toBe("X''")
  })

  it('refuses what it cannot write exactly', () => {
    expect(() => renderLiteral(Number.NaN)).toThrow(MysqlValueError)
    expect(() => renderLiteral(Number.POSITIVE_INFINITY)).toThrow(/finite number/)
    expect(() => renderLiteral(new Date(Number.NaN))).toThrow(/invalid Date/)
    expect(() => renderLiteral(new Date('+010000-01-01T00:00:00Z'))).toThrow(/year 10000/)
    expect(() => renderLiteral({ a: 1 })).toThrow(/cannot write a Object/)
    expect(() => renderLiteral(undefined)).toThrow(/cannot write a undefined/)
  })

  it('renderCommentLiteral escapes backslashes and doubles quotes', () => {
    expect(renderCommentLiteral("owner's \\ notes")).toBe("'owner''s \\\\ notes'")
    expect(renderCommentLiteral("\\'")).toBe("'\\\\'''")
    expect(() => renderCommentLiteral('a\0')).toThrow(/NUL/)
  })

  it('toMysqlValue gives the driver what it binds exactly', () => {
    expect(toMysqlValue(undefined)).toBeNull()
    expect(toMysqlValue({ tags: ['a'] })).toBe('{"tags":["a"]}')
    expect(toMysqlValue([1, 2])).toBe('[1,2]')
    expect(toMysqlValue(new Date(0))).toBe('1970-01-01 00:00:00.000')
    expect(Buffer.isBuffer(toMysqlValue(new Uint8Array([1])))).toBe(true)
    expect(toMysqlValue(5n)).toBe(5n)
    expect(() => toMysqlValue(Number.NaN)).toThrow(/cannot bind NaN/)
    expect(() => toMysqlValue(new Map())).toThrow(/cannot bind a Map/)
    expect(formatUtcDateTime(new Date('2024-05-06T07:08:09.010Z'))).toBe('2024-05-06 07:08:09.010')
  })
})

describeMysql('literals on the real server, in both sql modes', () => {
  let database: TestDatabase
  let driver: MysqlDriver
  let connection: MysqlConnection
  const compiler = new MysqlCompiler()
  const op = new Operations({ dialect: 'mysql', offline: true })
  let table = 0

  beforeAll(async () => {
    database = await createTestDatabase()
    driver = mysqlDialect({ uri: database.uri }).createDriver()
    connection = await driver.connect()
  })

  afterAll(async () => {
    await connection?.close()
    await driver?.destroy()
    await database?.drop()
  })

  const run = async (sql: string, parameters: unknown[] = []) =>
    (await connection.execute({ sql, parameters })).rows

  for (const mode of ['default', 'NO_BACKSLASH_ESCAPES'] as const) {
    it(`DDL defaults, inlined values and bound values round-trip exactly (${mode})`, async () => {
      await run(
        mode === 'default'
          ? "SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')"
          : "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
      )
      for (const value of TRICKY) {
        const name = `lit_${table++}`
        const create = op.createTable(name, [
          op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
          op.column('s', 'string', { length: 100, default: value }),
          op.column('t', 'text', { default: value }),
          op.column('b', 'binary', { default: Buffer.from(value, 'utf8') }),
        ])
        for (const statement of compiler.compile(create)) await connection.execute(statement)
        await run(`INSERT INTO \`${name}\` () VALUES ()`)
        // Bound through the prepared-statement protocol.
        await run(`INSERT INTO \`${name}\` (s, t, b) VALUES (?, ?, ?)`, [
          value,
          value,
          Buffer.from(value),
        ])
        // Written into the SQL by the offline renderer.
        await run(
          compiler.inline({
            sql: `INSERT INTO \`${name}\` (s, t, b) VALUES (?, ?, ?)`,
            parameters: [value, value, Buffer.from(value)],
          }),
        )
        const rows = await run(`SELECT s, t, b FROM \`${name}\` ORDER BY id`)
        expect(rows).toHaveLength(3)
        for (const row of rows) {
          expect(row['s']).toBe(value)
          expect(row['t']).toBe(value)
          expect(Buffer.from(row['b'] as Buffer).toString('utf8')).toBe(value)
        }
      }
    })

    it(`comments never break out of their literal (${mode})`, async () => {
      const hostile = "x\\', COMMENT='pwned"
      const name = `cmt_${table++}`
      const create = op.createTable(name, [op.column('a', 'integer', { comment: hostile })], {
        comment: hostile,
      })
      for (const statement of compiler.compile(create)) await connection.execute(statement)
      const [column] = await run(
        'SELECT COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
        [name],
      )
      const [tableRow] = await run(
        'SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
        [name],
      )
      // Exact in the default mode; with NO_BACKSLASH_ESCAPES the backslash is doubled, but the
      // quote never ends the literal.
      const expected = mode === 'default' ? hostile : "x\\\\', COMMENT='pwned"
      expect(column?.['c']).toBe(expected)
      expect(tableRow?.['c']).toBe(expected)
    })
  }

  it('numbers, booleans, dates and JSON as defaults and as bound values', async () => {
    await run("SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')")
    const at = new Date('2024-05-06T07:08:09.010Z')
    const create = op.createTable('typed', [
      op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
      op.column('n', 'bigint', { default: 9007199254740993n }),
      op.column('d', 'decimal', { precision: 10, scale: 2, default: -1.5 }),
      op.column('f', 'boolean', { default: true }),
      op.column('at', 'datetime', { precision: 3, default: at }),
      op.column('day', 'date', { default: at }),
      op.column('tm', 'time', { precision: 3, default: at }),
      op.column('doc', 'json', { default: '{"a":1}' }),
    ])
    for (const statement of compiler.compile(create)) await connection.execute(statement)
    await run('INSERT INTO typed () VALUES ()')
    await run('INSERT INTO typed (n, d, f, at, day, tm, doc) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      9007199254740993n,
      -1.5,
      true,
      at,
      '2024-05-06',
      '07:08:09.010',
      { a: 1 },
    ])
    const rows = await run(
      'SELECT CAST(n AS CHAR) AS n, CAST(d AS CHAR) AS d, f, CAST(at AS CHAR) AS at, CAST(day AS CHAR) AS day, CAST(tm AS CHAR) AS tm, CAST(doc AS CHAR) AS doc FROM typed ORDER BY id',
    )
    for (const row of rows) {
      expect(row).toEqual({
        n: '9007199254740993',
        d: '-1.50',
        f: 1,
        at: '2024-05-06 07:08:09.010',
        day: '2024-05-06',
        tm: '07:08:09.010',
        doc: '{"a":1}',
      })
    }
  })
})
