import type { Operations } from '@retort/core'

export const revision = '1f0c2a9b7d10'
export const downRevision = null
export const message = 'create account'

export async function upgrade(op: Operations) {
  op.createTable('account', [
    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
    op.column('email', 'string', { length: 255, nullable: false, unique: true }),
    op.column('created_at', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' }),
  ])
}

export async function downgrade(op: Operations) {
  op.dropTable('account')
}
