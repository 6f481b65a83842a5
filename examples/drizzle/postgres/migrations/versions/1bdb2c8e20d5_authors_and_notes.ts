import type { Operations } from '@retort/core'

/**
 * authors and notes
 *
 * Created: 2026-12-07 02:23:16
 */
export const revision = '1bdb2c8e20d5'
export const downRevision = null
export const message = 'authors and notes'

export async function upgrade(op: Operations) {
  op.createTable(
    'authors',
    [
      { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
      { name: 'name', type: 'string', length: 120, nullable: false },
      { name: 'email', type: 'string', length: 255, nullable: false },
    ],
    { unique: [{ name: 'authors_email_unique', columns: ['email'] }] },
  )
  op.createTable(
    'notes',
    [
      { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
      { name: 'author_id', type: 'integer', nullable: false },
      { name: 'title', type: 'string', length: 200, nullable: false },
      { name: 'body', type: 'text', nullable: false, default: '' },
      {
        name: 'created_at',
        type: 'timestamp',
        withTimezone: true,
        nullable: false,
        defaultSql: 'now()',
      },
    ],
    {
      foreignKeys: [
        {
          name: 'notes_author_id_authors_id_fk',
          columns: ['author_id'],
          references: { table: 'authors', columns: ['id'], onDelete: 'CASCADE' },
        },
      ],
    },
  )
  op.createIndex('ix_notes_author', 'notes', ['author_id'])
}

export async function downgrade(op: Operations) {
  op.dropIndex('ix_notes_author', { table: 'notes', definition: { columns: ['author_id'] } })
  op.dropTable('notes', {
    definition: {
      columns: [
        { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
        { name: 'author_id', type: 'integer', nullable: false },
        { name: 'title', type: 'string', length: 200, nullable: false },
        { name: 'body', type: 'text', nullable: false, default: '' },
        {
          name: 'created_at',
          type: 'timestamp',
          withTimezone: true,
          nullable: false,
          defaultSql: 'now()',
        },
      ],
      foreignKeys: [
        {
          name: 'notes_author_id_authors_id_fk',
          columns: ['author_id'],
          references: { table: 'authors', columns: ['id'], onDelete: 'CASCADE' },
        },
      ],
    },
  })
  op.dropTable('authors', {
    definition: {
      columns: [
        { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
        { name: 'name', type: 'string', length: 120, nullable: false },
        { name: 'email', type: 'string', length: 255, nullable: false },
      ],
      unique: [{ name: 'authors_email_unique', columns: ['email'] }],
    },
  })
}
