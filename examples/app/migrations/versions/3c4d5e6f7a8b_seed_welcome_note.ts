import type { Operations } from '@retort/core'

export const revision = '3c4d5e6f7a8b'
export const downRevision = '2b3c4d5e6f7a'
export const message = 'seed the welcome note'

export async function upgrade(op: Operations) {
  op.bulkInsert('note', [{ id: 1, body: 'Welcome! This note was written by a migration.' }])
  op.bulkInsert('tag', [{ id: 1, label: 'welcome' }])
  op.bulkInsert('note_tag', [{ note_id: 1, tag_id: 1 }])
}

export async function downgrade(op: Operations) {
  op.execute('DELETE FROM note_tag WHERE note_id = ?', [1])
  op.execute('DELETE FROM tag WHERE id = ?', [1])
  op.execute('DELETE FROM note WHERE id = ?', [1])
}
