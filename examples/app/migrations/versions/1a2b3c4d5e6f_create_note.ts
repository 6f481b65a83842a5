import type { Operations } from '@retort/core'

export const revision = '1a2b3c4d5e6f'
export const downRevision = null
export const message = 'create note'

export async function upgrade(op: Operations) {
  op.createTable('note', [
    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
    op.column('body', 'text', { nullable: false }),
    op.column('created_at', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' }),
  ])
}

export async function downgrade(op: Operations) {
  op.dropTable('note')
}
