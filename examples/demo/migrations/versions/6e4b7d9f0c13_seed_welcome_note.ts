import type { Operations } from '@retort/core'

export const revision = '6e4b7d9f0c13'
export const downRevision = '5d1a3c6e8b92'
export const message = 'seed the welcome account'

export async function upgrade(op: Operations) {
  op.bulkInsert('account', [{ id: 1, email: 'welcome@example.com', display_name: 'Welcome' }])
  op.execute('INSERT INTO note (account_id, body) VALUES (?, ?)', [1, "It's your first note."])
}

export async function downgrade(op: Operations) {
  op.execute('DELETE FROM note WHERE account_id = ?', [1])
  op.execute('DELETE FROM account WHERE id = ?', [1])
}
