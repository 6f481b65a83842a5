import type { Operations } from '@retort/core'

export const revision = 'a0b1c2d3e4f5'
export const downRevision = null
export const message = 'create item'

export async function upgrade(op: Operations) {
  op.createTable('item', [
    op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
    op.column('name', 'string', { length: 80, nullable: false }),
    op.column('quantity', 'integer', { nullable: false, default: 0 }),
  ])
}

export async function downgrade(op: Operations) {
  op.dropTable('item')
}
