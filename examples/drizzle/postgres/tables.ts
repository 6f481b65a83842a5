// The application's tables, written for Drizzle ORM. Retort reads them as its declared
// schema (see schema.ts): `retort revision --autogenerate` writes the revisions that make
// them, `retort check` fails when they changed and no revision was written.
import { relations } from 'drizzle-orm'
import { index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core'

export const authors = pgTable('authors', {
  id: serial().primaryKey(),
  name: varchar({ length: 120 }).notNull(),
  email: varchar({ length: 255 }).notNull().unique(),
})

export const notes = pgTable(
  'notes',
  {
    id: serial().primaryKey(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ix_notes_author').on(t.authorId)],
)

// Not a table: drizzleSchema() skips it.
export const authorsRelations = relations(authors, ({ many }) => ({ notes: many(notes) }))
