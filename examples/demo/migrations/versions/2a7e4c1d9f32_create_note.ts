import type { Operations } from '@retort/core'

export const revision = '2a7e4c1d9f32'
export const downRevision = '1f0c2a9b7d10'
export const message = 'create note'

export async function upgrade(op: Operations) {
  op.createTable('note', [
    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
    op.column('account_id', 'integer', {
      nullable: false,
      references: { table: 'account', column: 'id', onDelete: 'CASCADE' },
    }),
    op.column('body', 'text', { nullable: false, default: '' }),
  ])
  op.createIndex('ix_note_account', 'note', ['account_id'])
}

export async function downgrade(op: Operations) {
  op.dropIndex('ix_note_account')
  op.dropTable('note')
}
