import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { SqliteCompiler } from '../src/sqlite-compiler.js'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import type { SqliteConnection } from '../src/sqlite-driver.js'
import { SqliteForeignKeyError, SqliteRebuildError } from '../src/rebuild/sqlite-rebuild-error.js'

let dir: string
let connection: SqliteConnection
let db: Database.Database
let close: () => Promise<void>
const op = new Operations({ dialect: 'sqlite', offline: false })
const compiler = new SqliteCompiler()

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-rebuild-'))
  const driver = sqliteDialect({ filename: path.join(dir, 'app.db') }).createDriver()
  connection = (await driver.connect()) as SqliteConnection
  db = connection.database
  close = () => driver.destroy()
})

afterEach(async () => {
  await close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs operations as the runtime runs one revision: BEGIN, statements, COMMIT (ROLLBACK on error). */
async function migrate(...operations: Operation[]): Promise<void> {
  await connection.begin()
  try {
    for (const operation of operations) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
    await connection.commit()
  } catch (error) {
    await connection.rollback()
    throw error
  }
}

const rows = (sql: string, ...parameters: unknown[]) => db.prepare(sql).all(...parameters)
const schema = () =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all()
const tableSql = (name: string) =>
  (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql
const foreignKeysOn = () => db.pragma('foreign_keys', { simple: true }) === 1

/** A parent with two children: ON DELETE CASCADE and ON DELETE SET NULL. */
function family(): void {
  db.exec(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, code TEXT);
    CREATE TABLE cascade_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);
    CREATE TABLE set_null_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE SET NULL);
    CREATE INDEX ix_parent_code ON parent (code);
    INSERT INTO parent VALUES (1, 'one', 'a'), (2, 'two', 'b'), (3, 'three', 'c');
    INSERT INTO cascade_child VALUES (10, 1), (11, 2), (12, 2), (13, 3);
    INSERT INTO set_null_child VALUES (20, 1), (21, 3);
  `)
}
const children = () => ({
  cascade: rows('SELECT id, parent_id FROM cascade_child ORDER BY id'),
  setNull: rows('SELECT id, parent_id FROM set_null_child ORDER BY id'),
})
const familyChildren = {
  cascade: [
    { id: 10, parent_id: 1 },
    { id: 11, parent_id: 2 },
    { id: 12, parent_id: 2 },
    { id: 13, parent_id: 3 },
  ],
  setNull: [
    { id: 20, parent_id: 1 },
    { id: 21, parent_id: 3 },
  ],
}

describe('why the rebuild needs care: SQLite runs ON DELETE actions when a parent table is dropped', () => {
  it('better-sqlite3 connections have foreign keys ON, and they cannot be switched off inside a transaction', () => {
    expect(foreignKeysOn()).toBe(true)
    db.exec('BEGIN')
    db.pragma('foreign_keys = OFF')
    expect(foreignKeysOn()).toBe(true)
    db.exec('ROLLBACK')
  })

  it('PRAGMA defer_foreign_keys does not stop the cascade: a naive copy-and-move loses the children', () => {
    family()
    db.exec('BEGIN')
    db.pragma('defer_foreign_keys = ON')
    db.exec(`
      CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT);
      INSERT INTO parent_new SELECT id, name, code FROM parent;
      DROP TABLE parent;
      ALTER TABLE parent_new RENAME TO parent;
    `)
    db.exec('COMMIT')
    expect(children()).toEqual({
      cascade: [],
      setNull: [
        { id: 20, parent_id: null },
        { id: 21, parent_id: null },
      ],
    })
  })
})

describe('foreign-key safety of table rebuilds', () => {
  it('children with ON DELETE CASCADE and ON DELETE SET NULL survive a rebuild of their parent', async () => {
    family()
    await migrate(op.alterColumn('parent', 'name', { type: 'string', length: 40, nullable: false }))
    expect(tableSql('parent')).toBe(
      'CREATE TABLE "parent" (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, code TEXT)',
    )
    expect(children()).toEqual(familyChildren)
    expect(rows('SELECT * FROM parent ORDER BY id')).toEqual([
      { id: 1, name: 'one', code: 'a' },
      { id: 2, name: 'two', code: 'b' },
      { id: 3, name: 'three', code: 'c' },
    ])
    // Foreign keys are back on after the migration, and the children still point at the new table.
    expect(foreignKeysOn()).toBe(true)
    expect(() => db.exec('INSERT INTO cascade_child VALUES (14, 99)')).toThrow(
      /FOREIGN KEY constraint failed/,
    )
    db.exec('DELETE FROM parent WHERE id = 2')
    expect(children().cascade.map((r) => (r as { id: number }).id)).toEqual([10, 13])
  })

  it('every rebuilding operation on the parent keeps the children', async () => {
    family()
    await migrate(
      op.createUniqueConstraint('uq_parent_code', 'parent', ['code']),
      op.createCheckConstraint('ck_parent_name', 'parent', "name <> ''"),
      op.addColumn('parent', op.column('slug', 'string', { unique: true })),
      op.dropColumn('parent', 'code'),
      op.dropConstraint('ck_parent_name', 'parent', { type: 'check' }),
      op.alterColumn('parent', 'name', { default: 'anonymous' }),
    )
    expect(children()).toEqual(familyChildren)
    expect(tableSql('parent')).toBe(
      `CREATE TABLE "parent" (id INTEGER PRIMARY KEY, name TEXT DEFAULT 'anonymous', "slug" VARCHAR(255) UNIQUE)`,
    )
  })

  it('outside a transaction (a revision with transaction: false) the rebuild switches foreign keys off itself', async () => {
    family()
    for (const statement of compiler.compile(
      op.alterColumn('parent', 'code', { nullable: false }),
    )) {
      await connection.execute(statement)
    }
    expect(children()).toEqual(familyChildren)
    expect(foreignKeysOn()).toBe(true)
    expect(db.inTransaction).toBe(false)
  })

  it('refuses to rebuild a referenced table inside a transaction opened with foreign keys ON', async () => {
    family()
    const before = schema()
    db.exec('BEGIN')
    await expect(
      connection.execute(
        compiler.compile(op.alterColumn('parent', 'code', { nullable: false }))[0]!,
      ),
    ).rejects.toThrow(
      /alterColumn\('parent', 'code'\) on SQLite \(a table rebuild\): table 'parent' is referenced by 'cascade_child', 'set_null_child', and this transaction runs with PRAGMA foreign_keys ON.*start the transaction with SqliteConnection.begin\(\)/,
    )
    db.exec('ROLLBACK')
    expect(schema()).toEqual(before)
    expect(children()).toEqual(familyChildren)
  })

  it('a foreign_key_check violation aborts the revision and leaves the database unchanged', async () => {
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER);
      INSERT INTO parent VALUES (1);
      INSERT INTO child VALUES (10, 1), (11, 7), (12, 8);
    `)
    const before = { schema: schema(), child: rows('SELECT * FROM child') }
    const error = await migrate(
      op.createTable('unrelated', [op.column('id', 'integer', { primaryKey: true })]),
      op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id']),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SqliteForeignKeyError)
    expect((error as Error).message).toBe(
      "foreign key check failed after rebuilding table 'child' for createForeignKey('fk_child_parent', 'child'): row 11 of table 'child' references table 'parent', which has no matching row (and 1 more); fix or delete those rows (op.execute), or change the migration",
    )
    expect((error as SqliteForeignKeyError).violations).toEqual([
      { table: 'child', rowid: 11, parent: 'parent' },
      { table: 'child', rowid: 12, parent: 'parent' },
    ])
    expect({ schema: schema(), child: rows('SELECT * FROM child') }).toEqual(before)
    expect(db.inTransaction).toBe(false)
    expect(foreignKeysOn()).toBe(true)
  })

  it('violations the migration itself makes (foreign keys are off during it) are caught before COMMIT', async () => {
    family()
    const before = { schema: schema(), parent: rows('SELECT * FROM parent'), ...children() }
    // With foreign keys off for the migration, ON DELETE CASCADE does not fire.
    const error = await migrate(op.execute('DELETE FROM parent WHERE id = ?', [3])).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SqliteForeignKeyError)
    expect((error as Error).message).toMatch(
      /^foreign key check failed before committing the migration: row \d+ of table '\w+_child' references table 'parent', which has no matching row \(and 1 more\); fix or delete those rows/,
    )
    expect((error as SqliteForeignKeyError).violations).toEqual(
      expect.arrayContaining([
        { table: 'cascade_child', rowid: 13, parent: 'parent' },
        { table: 'set_null_child', rowid: 21, parent: 'parent' },
      ]),
    )
    expect({ schema: schema(), parent: rows('SELECT * FROM parent'), ...children() }).toEqual(
      before,
    )
    expect(foreignKeysOn()).toBe(true)
    // Deleting the children explicitly is the way.
    await migrate(
      op.execute('DELETE FROM cascade_child WHERE parent_id = ?', [3]),
      op.execute('UPDATE set_null_child SET parent_id = NULL WHERE parent_id = ?', [3]),
      op.execute('DELETE FROM parent WHERE id = ?', [3]),
    )
    expect(rows('SELECT id FROM parent')).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('the check before COMMIT is left out only when every statement was one that cannot break a key', async () => {
    family()
    // A dangling row the connection did not write: only the check can find it.
    const orphan = () => {
      db.exec('INSERT INTO cascade_child (id, parent_id) VALUES (99, 404)')
    }
    const table = op.createTable('note', [op.column('id', 'integer', { primaryKey: true })])
    const index = op.createIndex('ix_note_id', 'note', ['id'])
    const versions = { name: 'retort_version' }

    // New tables, indexes and version rows cannot leave a dangling row: no check.
    await connection.begin()
    orphan()
    for (const operation of [table, index]) {
      for (const statement of compiler.compile(operation)) await connection.execute(statement)
    }
    for (const statement of compiler.createVersionTable(versions, 32))
      await connection.execute(statement)
    await connection.execute(compiler.insertVersion(versions, 'a1'))
    await connection.commit()
    expect(rows('SELECT id FROM cascade_child WHERE id = 99')).toEqual([{ id: 99 }])
    db.exec('DELETE FROM cascade_child WHERE id = 99')

    // Any other statement (here raw SQL that writes nothing) brings the check back.
    await connection.begin()
    orphan()
    await connection.execute(compiler.updateVersion(versions, 'a1', 'b2'))
    await connection.execute(
      compiler.compile(op.execute('UPDATE parent SET name = name WHERE id = ?', [-1]))[0]!,
    )
    await expect(connection.commit()).rejects.toBeInstanceOf(SqliteForeignKeyError)
    expect(rows('SELECT id FROM cascade_child WHERE id = 99')).toEqual([])
    expect(rows('SELECT version_num FROM retort_version')).toEqual([{ version_num: 'a1' }])
    expect(foreignKeysOn()).toBe(true)
  })

  it('a connection with foreign keys off keeps them off', async () => {
    db.pragma('foreign_keys = OFF')
    family()
    await migrate(op.alterColumn('parent', 'code', { nullable: false }))
    expect(children()).toEqual(familyChildren)
    expect(foreignKeysOn()).toBe(false)
  })
})

describe('a rebuild keeps what depends on the table', () => {
  it('indexes, triggers and views are all still there and working', async () => {
    db.exec(`
      CREATE TABLE account (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT, score INTEGER, deleted INTEGER DEFAULT 0);
      CREATE TABLE audit (what TEXT);
      CREATE TABLE signup (email TEXT);
      CREATE UNIQUE INDEX ux_account_email ON account (lower(email)) WHERE deleted = 0;
      CREATE INDEX ix_account_score ON account (score DESC, id);
      CREATE TRIGGER tr_account_insert AFTER INSERT ON account BEGIN INSERT INTO audit VALUES ('new ' || new.email); END;
      CREATE TRIGGER tr_signup AFTER INSERT ON signup BEGIN INSERT INTO account (email, score) VALUES (new.email, 0); END;
      CREATE VIEW active_account AS SELECT id, email, score FROM account WHERE deleted = 0;
      CREATE VIEW top_account AS SELECT email FROM active_account ORDER BY score DESC LIMIT 1;
      INSERT INTO account (email, score) VALUES ('a@x', 5), ('b@x', 9), ('c@x', 1);
      DELETE FROM account WHERE email = 'c@x';
      DELETE FROM audit;
    `)
    const names = () =>
      schema().map((o) => `${(o as { type: string }).type} ${(o as { name: string }).name}`)
    const before = names()
    await migrate(
      op.alterColumn('account', 'score', { type: 'bigint', nullable: false, default: 0 }),
    )
    expect(names()).toEqual(before)
    expect(tableSql('account')).toBe(
      'CREATE TABLE "account" (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT, score BIGINT NOT NULL DEFAULT 0, deleted INTEGER DEFAULT 0)',
    )
    // The unique expression index still enforces, the AUTOINCREMENT counter continues past 3.
    expect(() => db.exec("INSERT INTO account (email) VALUES ('A@X')")).toThrow(
      /UNIQUE constraint failed/,
    )
    db.exec("INSERT INTO signup VALUES ('d@x')")
    expect(rows('SELECT id, email, score FROM account ORDER BY id')).toEqual([
      { id: 1, email: 'a@x', score: 5 },
      { id: 2, email: 'b@x', score: 9 },
      { id: 4, email: 'd@x', score: 0 },
    ])
    expect(rows('SELECT what FROM audit')).toEqual([{ what: 'new d@x' }])
    expect(rows('SELECT * FROM top_account')).toEqual([{ email: 'b@x' }])
    expect(
      rows("EXPLAIN QUERY PLAN SELECT id FROM account WHERE lower(email) = 'a@x' AND deleted = 0"),
    ).toEqual([expect.objectContaining({ detail: expect.stringContaining('ux_account_email') })])
  })

  it('keeps the rowids of a table without an INTEGER PRIMARY KEY', async () => {
    db.exec(
      `CREATE TABLE note (body TEXT); INSERT INTO note VALUES ('a'), ('b'), ('c'); DELETE FROM note WHERE body = 'a';`,
    )
    await migrate(op.alterColumn('note', 'body', { nullable: false }))
    expect(rows('SELECT rowid, body FROM note')).toEqual([
      { rowid: 2, body: 'b' },
      { rowid: 3, body: 'c' },
    ])
  })

  it('refuses a rebuild that would break a view, naming it; nothing changes', async () => {
    db.exec(
      `CREATE TABLE t (a TEXT, b TEXT); CREATE VIEW v_b AS SELECT b FROM t; INSERT INTO t VALUES ('1', '2');`,
    )
    const before = schema()
    await expect(migrate(op.dropColumn('t', 'b'))).rejects.toThrow(
      /dropColumn\('t', 'b'\) on SQLite \(a table rebuild\): error in view v_b: no such column: b; drop or change that view or trigger before this operation/,
    )
    expect(schema()).toEqual(before)
  })

  it('refuses a rebuild that would break a trigger, naming it', async () => {
    db.exec(`CREATE TABLE t (a TEXT, b TEXT); CREATE TABLE log (m);
      CREATE TRIGGER tr AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (new.b); END;`)
    await expect(migrate(op.dropColumn('t', 'b'))).rejects.toThrow(/error in trigger tr/)
  })

  it('works in an attached database', async () => {
    db.exec(`ATTACH DATABASE '${path.join(dir, 'aux.db')}' AS aux;
      CREATE TABLE aux.t (id INTEGER PRIMARY KEY, a TEXT);
      CREATE INDEX aux.ix_a ON t (a);
      INSERT INTO aux.t VALUES (1, 'x');`)
    await migrate(op.alterColumn('t', 'a', { nullable: false, schema: 'aux' }))
    expect(rows('SELECT name, sql FROM aux.sqlite_master ORDER BY name')).toEqual([
      { name: 'ix_a', sql: 'CREATE INDEX ix_a ON t (a)' },
      { name: 't', sql: 'CREATE TABLE "t" (id INTEGER PRIMARY KEY, a TEXT NOT NULL)' },
    ])
    expect(rows('SELECT * FROM aux.t')).toEqual([{ id: 1, a: 'x' }])
  })
})

describe('each operation applied and reversed on a real file, data preserved', () => {
  beforeEach(() => {
    db.exec(`
      CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL, tag TEXT);
      CREATE INDEX ix_item_tag ON item (tag);
      INSERT INTO item VALUES (1, 'apple', 1.5, 'fruit'), (2, 'bread', 2.25, 'bakery'), (3, 'cheese', 7, NULL);
    `)
  })
  const items = () => rows('SELECT * FROM item ORDER BY id')
  const seeded = [
    { id: 1, name: 'apple', price: 1.5, tag: 'fruit' },
    { id: 2, name: 'bread', price: 2.25, tag: 'bakery' },
    { id: 3, name: 'cheese', price: 7, tag: null },
  ]
  const original = 'CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL, tag TEXT)'

  /** Applies `operation`, runs `check`, applies its reverse; the rows are the same throughout. */
  async function roundTrip(operation: Operation, check: () => void, tableAfter?: string) {
    await migrate(operation)
    check()
    if (tableAfter !== undefined) expect(tableSql('item')).toBe(tableAfter)
    await migrate(operation.reverse())
    expect(items()).toEqual(seeded)
  }

  it('alterColumn: type', async () => {
    await roundTrip(
      op.alterColumn('item', 'price', {
        type: 'decimal',
        precision: 10,
        scale: 2,
        existingType: 'float',
      }),
      () => expect(items()).toEqual(seeded),
      'CREATE TABLE "item" (id INTEGER PRIMARY KEY, name TEXT, price NUMERIC(10, 2), tag TEXT)',
    )
    expect(tableSql('item')).toBe(
      'CREATE TABLE "item" (id INTEGER PRIMARY KEY, name TEXT, price REAL, tag TEXT)',
    )
  })

  it('alterColumn: nullable', async () => {
    await roundTrip(
      op.alterColumn('item', 'name', { nullable: false, existingNullable: true }),
      () =>
        expect(() => db.exec('INSERT INTO item (id) VALUES (9)')).toThrow(
          /NOT NULL constraint failed: item.name/,
        ),
    )
    db.exec('INSERT INTO item (id) VALUES (9)')
  })

  it('alterColumn: default, and default: null to remove it', async () => {
    await roundTrip(
      op.alterColumn('item', 'tag', { default: 'misc', existingDefault: null }),
      () => {
        db.exec("INSERT INTO item (id, name) VALUES (9, 'x')")
        expect(rows('SELECT tag FROM item WHERE id = 9')).toEqual([{ tag: 'misc' }])
        db.exec('DELETE FROM item WHERE id = 9')
      },
    )
    expect(tableSql('item')).toBe(
      `CREATE TABLE "item" (id INTEGER PRIMARY KEY, name TEXT, price REAL, tag TEXT)`,
    )
  })

  it('alterColumn: rename with a type change (the index follows the column)', async () => {
    await roundTrip(
      op.alterColumn('item', 'tag', {
        newName: 'category',
        type: 'string',
        length: 20,
        existingType: 'text',
      }),
      () => {
        expect(rows('SELECT category FROM item ORDER BY id')).toEqual([
          { category: 'fruit' },
          { category: 'bakery' },
          { category: null },
        ])
        expect(rows("SELECT sql FROM sqlite_master WHERE name = 'ix_item_tag'")).toEqual([
          { sql: 'CREATE INDEX ix_item_tag ON item ("category")' },
        ])
      },
    )
  })

  it('alterColumn: a rename alone is native, a comment alone does nothing', async () => {
    await roundTrip(
      op.alterColumn('item', 'name', {
        newName: 'title',
        comment: 'shown to users',
        existingComment: null,
      }),
      () => expect(rows('SELECT title FROM item WHERE id = 1')).toEqual([{ title: 'apple' }]),
      'CREATE TABLE item (id INTEGER PRIMARY KEY, "title" TEXT, price REAL, tag TEXT)',
    )
  })

  it('createUniqueConstraint / dropConstraint', async () => {
    await roundTrip(op.createUniqueConstraint('uq_item_name', 'item', ['name']), () =>
      expect(() => db.exec("INSERT INTO item (name) VALUES ('apple')")).toThrow(
        /UNIQUE constraint failed/,
      ),
    )
    db.exec("INSERT INTO item (id, name) VALUES (9, 'apple')")
  })

  it('createCheckConstraint / dropConstraint', async () => {
    await roundTrip(op.createCheckConstraint('ck_item_price', 'item', 'price >= 0'), () =>
      expect(() => db.exec('INSERT INTO item (price) VALUES (-1)')).toThrow(
        /CHECK constraint failed: ck_item_price/,
      ),
    )
    db.exec('INSERT INTO item (id, price) VALUES (9, -1)')
  })

  it('createForeignKey / dropConstraint', async () => {
    db.exec(
      "CREATE TABLE category (name TEXT PRIMARY KEY); INSERT INTO category VALUES ('fruit'), ('bakery');",
    )
    await roundTrip(
      op.createForeignKey('fk_item_category', 'item', 'category', ['tag'], ['name'], {
        onDelete: 'SET NULL',
        deferrable: true,
        initially: 'DEFERRED',
      }),
      () => {
        db.exec("DELETE FROM category WHERE name = 'bakery'")
        expect(rows('SELECT tag FROM item WHERE id = 2')).toEqual([{ tag: null }])
        db.exec(
          "INSERT INTO category VALUES ('bakery'); UPDATE item SET tag = 'bakery' WHERE id = 2",
        )
      },
      'CREATE TABLE "item" (id INTEGER PRIMARY KEY, name TEXT, price REAL, tag TEXT, CONSTRAINT "fk_item_category" FOREIGN KEY ("tag") REFERENCES "category" ("name") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED)',
    )
    expect(tableSql('item')).toBe(original.replace('CREATE TABLE item', 'CREATE TABLE "item"'))
  })

  it('createPrimaryKey / dropConstraint on a table without one', async () => {
    db.exec(`CREATE TABLE pair (a INTEGER, b TEXT); INSERT INTO pair VALUES (1, 'x'), (2, 'y');`)
    const create = op.createPrimaryKey('pk_pair', 'pair', ['a', 'b'])
    await migrate(create)
    expect(tableSql('pair')).toBe(
      'CREATE TABLE "pair" (a INTEGER NOT NULL, b TEXT NOT NULL, CONSTRAINT "pk_pair" PRIMARY KEY ("a", "b"))',
    )
    expect(() => db.exec("INSERT INTO pair VALUES (1, 'x')")).toThrow(/UNIQUE constraint failed/)
    await migrate(create.reverse())
    db.exec("INSERT INTO pair VALUES (1, 'x')")
    expect(rows('SELECT rowid, * FROM pair ORDER BY rowid')).toEqual([
      { rowid: 1, a: 1, b: 'x' },
      { rowid: 2, a: 2, b: 'y' },
      { rowid: 3, a: 1, b: 'x' },
    ])
    await expect(migrate(op.createPrimaryKey('pk_item', 'item', ['name']))).rejects.toThrow(
      "createPrimaryKey('pk_item', 'item') on SQLite (a table rebuild): table 'item' already has a primary key; drop it first with op.dropConstraint(name, 'item', { type: 'primaryKey' })",
    )
  })

  it('dropConstraint with its definition is reversible', async () => {
    db.exec(
      `CREATE TABLE box (id INTEGER PRIMARY KEY, w INTEGER CONSTRAINT ck_w CHECK (w > 0)); INSERT INTO box VALUES (1, 3);`,
    )
    const drop = op.dropConstraint('ck_w', 'box', {
      type: 'check',
      definition: { expression: 'w > 0' },
    })
    await migrate(drop)
    expect(tableSql('box')).toBe('CREATE TABLE "box" (id INTEGER PRIMARY KEY, w INTEGER)')
    await migrate(drop.reverse())
    expect(tableSql('box')).toBe(
      'CREATE TABLE "box" (id INTEGER PRIMARY KEY, w INTEGER, CONSTRAINT "ck_w" CHECK (w > 0))',
    )
    expect(rows('SELECT * FROM box')).toEqual([{ id: 1, w: 3 }])
  })

  it('addColumn that SQLite refuses (UNIQUE) / dropColumn of it', async () => {
    await roundTrip(
      op.addColumn('item', op.column('sku', 'string', { length: 12, unique: true })),
      () => {
        db.exec("UPDATE item SET sku = 'S' || id")
        expect(() => db.exec("UPDATE item SET sku = 'S1'")).toThrow(/UNIQUE constraint failed/)
      },
    )
    expect(tableSql('item')).toBe(original.replace('CREATE TABLE item', 'CREATE TABLE "item"'))
  })

  it('addColumn NOT NULL without a default: native on an empty table, a rebuild (that fails clearly) otherwise', async () => {
    db.exec('CREATE TABLE empty (id INTEGER PRIMARY KEY)')
    await migrate(op.addColumn('empty', op.column('n', 'integer', { nullable: false })))
    expect(tableSql('empty')).toBe(
      'CREATE TABLE empty (id INTEGER PRIMARY KEY, "n" INTEGER NOT NULL)',
    )
    await expect(
      migrate(op.addColumn('item', op.column('n', 'integer', { nullable: false }))),
    ).rejects.toThrow(
      "addColumn('item', 'n') on SQLite (a table rebuild): copying the rows of 'item' into its new definition failed (NOT NULL constraint failed: item.n); fix those rows first (e.g. op.execute('UPDATE ...')) or change the operation",
    )
    expect(items()).toEqual(seeded)
  })

  it('addColumn with an expression default fills the existing rows', async () => {
    await roundTrip(
      op.addColumn('item', op.column('added', 'text', { defaultSql: "'day ' || 1" })),
      () => expect(rows('SELECT DISTINCT added FROM item')).toEqual([{ added: 'day 1' }]),
    )
  })

  it('dropColumn of an indexed column (native DROP COLUMN refuses) / addColumn back', async () => {
    const drop = op.dropColumn('item', 'tag', { definition: { type: 'text' } })
    await migrate(drop)
    expect(tableSql('item')).toBe(
      'CREATE TABLE "item" (id INTEGER PRIMARY KEY, name TEXT, price REAL)',
    )
    expect(items()).toEqual(seeded.map(({ tag: _, ...rest }) => rest))
    // As in PostgreSQL, the index that used the column went with it.
    expect(rows("SELECT name FROM sqlite_master WHERE type = 'index'")).toEqual([])
    await migrate(drop.reverse())
    // The other columns are intact; the dropped values cannot come back.
    expect(items()).toEqual(seeded.map((row) => ({ ...row, tag: null })))
  })

  it('dropColumn that native DROP COLUMN accepts stays native', async () => {
    await migrate(op.dropColumn('item', 'price'))
    expect(tableSql('item')).toBe('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, tag TEXT)')
  })

  it('createIndex with an expression / dropIndex', async () => {
    await roundTrip(
      op.createIndex('ux_item_name', 'item', [{ expression: 'lower(name)' }], { unique: true }),
      () =>
        expect(() => db.exec("INSERT INTO item (name) VALUES ('APPLE')")).toThrow(
          /UNIQUE constraint failed/,
        ),
    )
    db.exec("INSERT INTO item (id, name) VALUES (9, 'APPLE')")
  })

  it('table comments are a documented no-op', async () => {
    const before = schema()
    await roundTrip(
      op.createTableComment('item', 'things we sell', { existingComment: null }),
      () => expect(schema()).toEqual(before),
    )
    expect(schema()).toEqual(before)
  })
})

describe('rebuild errors name the table and say what to do', () => {
  beforeEach(() => {
    db.exec(
      `CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, CONSTRAINT ck_a CHECK (a <> '')); CREATE INDEX ix_a ON t (a); INSERT INTO t VALUES (1, NULL);`,
    )
  })

  it.each([
    [
      op.alterColumn('missing', 'a', { nullable: false }),
      "alterColumn('missing', 'a') on SQLite (a table rebuild): table 'missing' does not exist",
    ],
    [
      op.alterColumn('t', 'b', { nullable: false }),
      "alterColumn('t', 'b') on SQLite (a table rebuild): table 't' has no column 'b'",
    ],
    [
      op.alterColumn('t', 'a', { nullable: false }),
      "alterColumn('t', 'a') on SQLite (a table rebuild): copying the rows of 't' into its new definition failed (NOT NULL constraint failed: t.a); fix those rows first (e.g. op.execute('UPDATE ...')) or change the operation",
    ],
    [
      op.alterColumn('t', 'id', { nullable: true }),
      "alterColumn('t', 'id') on SQLite (a table rebuild): column 'id' is part of the primary key of 't' and cannot allow NULL; drop the primary key first",
    ],
    [
      op.dropConstraint('uq_nope', 't'),
      `dropConstraint('uq_nope', 't') on SQLite (a table rebuild): table 't' has no constraint named 'uq_nope' (its named constraints: ck_a); SQLite knows a constraint by name only when it was created with CONSTRAINT "name"`,
    ],
    [
      op.dropConstraint('ix_a', 't', { type: 'unique' }),
      "table 't' has no constraint named 'ix_a' (its named constraints: ck_a); SQLite knows a constraint by name only when it was created with CONSTRAINT \"name\"; 'ix_a' is an index: use op.dropIndex",
    ],
    [
      op.dropConstraint('ck_a', 't', { type: 'unique' }),
      "constraint 'ck_a' of 't' is a check constraint, not unique; correct the type",
    ],
    [
      op.createUniqueConstraint('ck_a', 't', ['a']),
      "table 't' already has a constraint named 'ck_a'; pick another name",
    ],
    [op.createUniqueConstraint('uq', 't', ['nope']), "table 't' has no column 'nope'"],
  ])('%#', async (operation, message) => {
    const before = schema()
    const error = await migrate(operation).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SqliteRebuildError)
    expect((error as Error).message).toContain(message)
    expect((error as Error).message).not.toContain('\n')
    expect(schema()).toEqual(before)
  })
})

describe('offline rebuild scripts', () => {
  it('run as written and give the same table as the online rebuild', async () => {
    const tableDefinition = {
      columns: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'name', type: 'string', length: 40 },
        { name: 'price', type: 'float' },
      ],
      checks: [{ name: 'ck_name', expression: "name <> ''" }],
      indexes: [{ name: 'ix_name', columns: [{ expression: 'lower(name)' }] }],
    } as const
    const o = new Operations({ dialect: 'sqlite', offline: true })
    const setup = [
      o.createTable('item', tableDefinition.columns as never, {
        checks: tableDefinition.checks as never,
      }),
      o.createIndex('ix_name', 'item', [{ expression: 'lower(name)' }]),
    ]
    const change = o.alterColumn('item', 'name', {
      newName: 'title',
      nullable: false,
      tableDefinition: tableDefinition as never,
    })
    const script = [...setup, change]
      .flatMap((operation) => compiler.compile(operation).map((s) => compiler.inline(s)))
      .join(';\n')
    db.pragma('foreign_keys = OFF')
    db.exec(`${script};`)
    const offline = schema()
    // The same revision online, on a fresh database.
    db.exec('DROP TABLE item')
    await migrate(...setup, change)
    expect(schema()).toEqual(offline)
    expect(tableSql('item')).toBe(
      `CREATE TABLE "item" ("id" INTEGER PRIMARY KEY NOT NULL, "title" VARCHAR(40) NOT NULL, "price" REAL, CONSTRAINT "ck_name" CHECK ("title" <> ''))`,
    )
  })
})
