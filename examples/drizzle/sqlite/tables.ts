// The application's tables, written for Drizzle ORM. Retort reads them as its declared
// schema (see schema.ts): `retort revision --autogenerate` writes the revisions that make
// them, `retort check` fails when they changed and no revision was written.
import { relations, sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const authors = sqliteTable('authors', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  email: text().notNull().unique(),
})

export const notes = sqliteTable(
  'notes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [index('ix_notes_author').on(t.authorId)],
)

// Not a table: drizzleSchema() skips it.
export const authorsRelations = relations(authors, ({ many }) => ({ notes: many(notes) }))
