import { sql } from 'drizzle-orm'
import * as mysql from 'drizzle-orm/mysql-core'
import * as pg from 'drizzle-orm/pg-core'
import * as sqlite from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { drizzleSchema } from '../src/index.js'

describe('drizzleSchema', () => {
  it('reads MySQL tables: types, keys, unique columns under Drizzle names, checks, indexes', () => {
    const authors = mysql.mysqlTable('authors', {
      id: mysql.serial().primaryKey(),
      email: mysql.varchar({ length: 255 }).notNull().unique(),
    })
    const books = mysql.mysqlTable(
      'books',
      {
        id: mysql.int().autoincrement().primaryKey(),
        authorId: mysql
          .bigint('author_id', { mode: 'number', unsigned: true })
          .notNull()
          .references(() => authors.id, { onDelete: 'cascade' }),
        price: mysql.decimal({ precision: 10, scale: 2 }).notNull().default('0'),
        published: mysql.boolean().notNull().default(false),
        at: mysql.datetime({ fsp: 3 }),
        kind: mysql.mysqlEnum(['paper', 'ebook']).notNull(),
      },
      (t) => [
        mysql.index('ix_books_author').on(t.authorId),
        mysql.check('ck_price', sql`${t.price} >= 0`),
      ],
    )
    const schema = drizzleSchema({ authors, books, notATable: 42 })
    const [a, b] = schema.tables
    expect(a!.columns).toEqual([
      expect.objectContaining({
        name: 'id',
        type: { raw: 'bigint unsigned' },
        autoincrement: true,
      }),
      expect.objectContaining({ name: 'email', type: 'string', length: 255, nullable: false }),
    ])
    expect(a!.constraints).toEqual([
      { kind: 'unique', name: 'authors_email_unique', columns: ['email'] },
    ])
    expect(b!.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['author_id', { raw: 'bigint unsigned' }],
      ['price', 'decimal'],
      ['published', 'boolean'],
      ['at', 'datetime'],
      ['kind', { raw: "enum('paper','ebook')" }],
    ])
    expect(b!.columns[2]).toMatchObject({ precision: 10, scale: 2, default: '0' })
    expect(b!.columns[3]).toMatchObject({ default: false })
    expect(b!.constraints).toEqual([
      {
        kind: 'foreignKey',
        name: 'books_author_id_authors_id_fk',
        columns: ['author_id'],
        references: { table: 'authors', columns: ['id'], onDelete: 'CASCADE' },
      },
      { kind: 'check', name: 'ck_price', expression: '`price` >= 0' },
    ])
    expect(b!.indexes).toEqual([{ name: 'ix_books_author', columns: ['author_id'], unique: false }])
  })

  it('stores defaults as the driver does and names key-named columns by the casing', () => {
    const t = sqlite.sqliteTable('flags', {
      id: sqlite.integer().primaryKey({ autoIncrement: true }),
      isOn: sqlite.integer({ mode: 'boolean' }).notNull().default(true),
      meta: sqlite.text({ mode: 'json' }).default({ a: 1 }),
      stamp: sqlite.integer().$defaultFn(() => Date.now()),
    })
    const [table] = drizzleSchema({ t }, { casing: 'snake_case' }).tables
    expect(table!.columns.map((c) => c.name)).toEqual(['id', 'is_on', 'meta', 'stamp'])
    expect(table!.columns[1]).toMatchObject({ type: 'integer', default: 1 })
    expect(table!.columns[2]).toMatchObject({ type: 'text', default: '{"a":1}' })
    // A default the application computes is not the database's.
    expect('default' in table!.columns[3]!).toBe(false)
  })

  it('names what a declared schema cannot express', () => {
    const mood = pg.pgEnum('mood', ['ok', 'sad'])
    expect(() =>
      drizzleSchema({ t: pg.pgTable('people', { id: pg.integer(), mood: mood() }) }),
    ).toThrow("column 'people.mood' uses a PostgreSQL enum type ('mood')")
    expect(() =>
      drizzleSchema({ t: pg.pgSchema('audit').table('log', { id: pg.integer() }) }),
    ).toThrow("table 'log' is in the schema 'audit'")
    expect(() =>
      drizzleSchema({
        a: pg.pgTable('a', { id: pg.integer() }),
        b: sqlite.sqliteTable('b', { id: sqlite.integer() }),
      }),
    ).toThrow('the tables are of several databases (pg, sqlite)')
    expect(() =>
      drizzleSchema({
        t: pg.pgTable('g', {
          a: pg.integer(),
          b: pg.integer().generatedAlwaysAs(sql`a * 2`),
        }),
      }),
    ).toThrow("column 'g.b' is a generated column")
  })
})
