import type { Operations } from '@retort/core'

/**
 * authors and notes
 *
 * Created: 2026-12-07 02:23:09
 */
export const revision = '8ffd35198ddd'
export const downRevision = null
export const message = 'authors and notes'

export async function upgrade(op: Operations) {
  op.createTable(
    'authors',
    [
      { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
      { name: 'name', type: 'text', nullable: false },
      { name: 'email', type: 'text', nullable: false },
    ],
    { unique: [['email']] },
  )
  op.createTable(
    'notes',
    [
      { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
      { name: 'author_id', type: 'integer', nullable: false },
      { name: 'title', type: 'text', nullable: false },
      { name: 'body', type: 'text', nullable: false, default: '' },
      { name: 'created_at', type: 'integer', nullable: false, defaultSql: '(unixepoch())' },
    ],
    {
      foreignKeys: [
        {
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
        { name: 'title', type: 'text', nullable: false },
        { name: 'body', type: 'text', nullable: false, default: '' },
        { name: 'created_at', type: 'integer', nullable: false, defaultSql: '(unixepoch())' },
      ],
      foreignKeys: [
        {
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
        { name: 'name', type: 'text', nullable: false },
        { name: 'email', type: 'text', nullable: false },
      ],
      unique: [['email']],
    },
  })
}
