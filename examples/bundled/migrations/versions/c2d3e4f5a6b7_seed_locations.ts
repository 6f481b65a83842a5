import type { Operations } from '@retort/core'

export const revision = 'c2d3e4f5a6b7'
export const downRevision = 'b1c2d3e4f5a6'
export const message = 'seed the default location'

export async function upgrade(op: Operations) {
  op.bulkInsert('location', [{ id: 1, label: 'shelf' }])
}

export async function downgrade(op: Operations) {
  op.execute('DELETE FROM location WHERE id = ?', [1])
}
