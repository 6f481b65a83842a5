import type { Operations } from '@retort/core'

export const revision = '4d5e6f7a8b9c'
export const downRevision = '3c4d5e6f7a8b'
export const message = 'add note.pinned'

export async function upgrade(op: Operations) {
  op.addColumn('note', op.column('pinned', 'boolean', { nullable: false, default: false }))
  op.createIndex('ix_note_pinned', 'note', ['pinned'], { where: 'pinned' })
}

export async function downgrade(op: Operations) {
  op.dropIndex('ix_note_pinned')
  op.dropColumn('note', 'pinned')
}
