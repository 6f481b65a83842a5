import { describe, expect, it } from 'vitest'
import { renameInSql, SqlSyntaxError, tokenizeSql } from '../src/rebuild/sqlite-sql-tokens.js'
import {
  indexUsesColumn,
  parseColumnDefinition,
  parseCreateTable,
  qualifyCreateStatement,
  renderTableSql,
} from '../src/rebuild/sqlite-table-sql.js'

describe('tokenizeSql', () => {
  it('knows quotes, blobs, numbers and comments', () => {
    expect(
      tokenizeSql(`a "b""c" [d e] \`f\` 'g''h' X'00ff' 1.5e-3 -- comment\n/* c */ (x)`).map(
        (t) => `${t.kind}:${t.text}`,
      ),
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
    expect(() => tokenizeSql("'open")).toThrow(SqlSyntaxError)
  })

  it('renames a column in an expression, quoted or not, and nowhere else', () => {
    expect(
      renameInSql(`lower(Name) <> 'name' AND "name" > 0 AND t.name2 = 1`, 'name', 'ti"tle'),
    ).toBe(`lower("ti""tle") <> 'name' AND "ti""tle" > 0 AND t.name2 = 1`)
  })
})

describe('parseCreateTable', () => {
  const sql = `CREATE TABLE IF NOT EXISTS "main"."t" (
    id INTEGER PRIMARY KEY AUTOINCREMENT, -- the key
    "e""mail" VARCHAR(255) CONSTRAINT uq_email UNIQUE ON CONFLICT REPLACE NOT NULL COLLATE NOCASE,
    price NUMERIC(10, 2) DEFAULT -1.5 CHECK (price > -10),
    parent_id INT REFERENCES parent (id) ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED NOT NULL,
    label TEXT DEFAULT 'it''s' NULL,
    blob_col BLOB DEFAULT X'00',
    total GENERATED ALWAYS AS (price * 2) STORED,
    total2 AS (price * 3),
    at DATETIME DEFAULT (datetime('now')),
    CONSTRAINT pk_x UNIQUE (price, "e""mail" COLLATE NOCASE),
    FOREIGN KEY (parent_id) REFERENCES parent (id),
    CHECK (label <> '')
  ) STRICT, WITHOUT ROWID`

  it('takes columns, clauses, constraints and options apart', () => {
    const table = parseCreateTable(sql)
    expect(table.name).toBe('t')
    expect(table.options).toBe('STRICT, WITHOUT ROWID')
    expect(
      table.columns.map((c) => [
        c.name,
        c.type,
        ...c.clauses.map((k) => `${k.kind}${k.name ? `(${k.name})` : ''}: ${k.text}`),
      ]),
    ).toEqual([
      ['id', 'INTEGER', 'primaryKey: PRIMARY KEY AUTOINCREMENT'],
      [
        'e"mail',
        'VARCHAR(255)',
        'unique(uq_email): CONSTRAINT uq_email UNIQUE ON CONFLICT REPLACE',
        'notNull: NOT NULL',
        'collate: COLLATE NOCASE',
      ],
      ['price', 'NUMERIC(10, 2)', 'default: DEFAULT -1.5', 'check: CHECK (price > -10)'],
      [
        'parent_id',
        'INT',
        'references: REFERENCES parent (id) ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED',
        'notNull: NOT NULL',
      ],
      ['label', 'TEXT', "default: DEFAULT 'it''s'", 'null: NULL'],
      ['blob_col', 'BLOB', "default: DEFAULT X'00'"],
      ['total', '', 'generated: GENERATED ALWAYS AS (price * 2) STORED'],
      ['total2', '', 'generated: AS (price * 3)'],
      ['at', 'DATETIME', "default: DEFAULT (datetime('now'))"],
    ])
    expect(table.constraints.map((c) => [c.kind, c.name, c.columns])).toEqual([
      ['unique', 'pk_x', ['price', 'e"mail']],
      ['foreignKey', undefined, ['parent_id']],
      ['check', undefined, []],
    ])
  })

  it('writes unchanged columns back exactly as written', () => {
    expect(renderTableSql(parseCreateTable(sql), '"t"')).toMatchInlineSnapshot(
      `"CREATE TABLE "t" (id INTEGER PRIMARY KEY AUTOINCREMENT, "e""mail" VARCHAR(255) CONSTRAINT uq_email UNIQUE ON CONFLICT REPLACE NOT NULL COLLATE NOCASE, price NUMERIC(10, 2) DEFAULT -1.5 CHECK (price > -10), parent_id INT REFERENCES parent (id) ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED NOT NULL, label TEXT DEFAULT 'it''s' NULL, blob_col BLOB DEFAULT X'00', total GENERATED ALWAYS AS (price * 2) STORED, total2 AS (price * 3), at DATETIME DEFAULT (datetime('now')), CONSTRAINT pk_x UNIQUE (price, "e""mail" COLLATE NOCASE), FOREIGN KEY (parent_id) REFERENCES parent (id), CHECK (label <> '')) STRICT, WITHOUT ROWID"`,
    )
  })

  it('reads a column written by the compiler', () => {
    expect(
      parseColumnDefinition(`"n" VARCHAR(8) NOT NULL UNIQUE DEFAULT 'x'`).clauses.map(
        (c) => c.kind,
      ),
    ).toEqual(['notNull', 'unique', 'default'])
  })

  it.each([
    ['CREATE TABLE t AS SELECT 1', /CREATE TABLE \.\.\. AS is not supported/],
    ['CREATE TABLE t (a TEXT NOT DEFAULT 1)', /expected NOT NULL/],
    ['CREATE TABLE t (a TEXT UNIQUE FROBNICATE)', /column 'a': cannot read 'FROBNICATE'/],
    ['CREATE TABLE t (a TEXT, CONSTRAINT x FOO (a))', /cannot read the table constraint at 'FOO'/],
    ['CREATE TABLE t (a TEXT', /unbalanced parentheses/],
  ])('refuses what it cannot read: %s', (text, message) => {
    expect(() => parseCreateTable(text)).toThrow(message)
  })
})

describe('index and trigger statements', () => {
  it('finds the columns an index uses, in entries, expressions and WHERE', () => {
    const sql = 'CREATE INDEX "on" ON t (a, lower("B")) WHERE c > 0'
    expect(['a', 'b', 'c', 'd', 't', 'on'].map((c) => indexUsesColumn(sql, c))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('qualifies statements read from an attached database', () => {
    expect(qualifyCreateStatement('CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (a)', 'aux')).toBe(
      'CREATE UNIQUE INDEX IF NOT EXISTS "aux".ix ON t (a)',
    )
    expect(
      qualifyCreateStatement('CREATE TRIGGER "tr" AFTER INSERT ON t BEGIN SELECT 1; END', 'a"b'),
    ).toBe('CREATE TRIGGER "a""b"."tr" AFTER INSERT ON t BEGIN SELECT 1; END')
    expect(qualifyCreateStatement('CREATE INDEX "aux"."ix" ON t (a)', 'aux')).toBe(
      'CREATE INDEX "aux"."ix" ON t (a)',
    )
    expect(qualifyCreateStatement('CREATE INDEX ix ON t (a)', undefined)).toBe(
      'CREATE INDEX ix ON t (a)',
    )
  })
})
