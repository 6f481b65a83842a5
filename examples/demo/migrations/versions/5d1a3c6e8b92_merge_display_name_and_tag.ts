import type { Operations } from '@retort/core'

// The two branches above were merged by a merge revision; the graph has one head again.
export const revision = '5d1a3c6e8b92'
export const downRevision = ['3b9d0e2f4a61', '4c2f8a7b1e05']
export const message = 'merge display name and tag'

export async function upgrade(_op: Operations) {}

export async function downgrade(_op: Operations) {}
