import type { Operations } from '@retort/core'

export const revision = '2b3c4d5e6f7a'
export const downRevision = '1a2b3c4d5e6f'
export const message = 'create tag and note_tag'

export async function upgrade(op: Operations) {
  op.createTable('tag', [
    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
    op.column('label', 'string', { length: 40, nullable: false, unique: true }),
  ])
  op.createTable('note_tag', [
    op.column('note_id', 'integer', {
      primaryKey: true,
      references: { table: 'note', column: 'id', onDelete: 'CASCADE' },
    }),
    op.column('tag_id', 'integer', {
      primaryKey: true,
      references: { table: 'tag', column: 'id', onDelete: 'CASCADE' },
    }),
  ])
}

export async function downgrade(op: Operations) {
  op.dropTable('note_tag')
  op.dropTable('tag')
}
