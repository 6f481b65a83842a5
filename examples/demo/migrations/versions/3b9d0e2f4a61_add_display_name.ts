import type { Operations } from '@retort/core'

// One developer's branch: display names for accounts.
export const revision = '3b9d0e2f4a61'
export const downRevision = '2a7e4c1d9f32'
export const message = 'add account display name'

export async function upgrade(op: Operations) {
  op.addColumn('account', op.column('display_name', 'string', { length: 80 }))
}

export async function downgrade(op: Operations) {
  op.dropColumn('account', 'display_name')
}
