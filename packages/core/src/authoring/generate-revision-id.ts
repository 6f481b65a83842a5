import { randomBytes } from 'node:crypto'

/**
 * A new random revision id: 12 lower-case hex characters, not in `taken`.
 *
 * @example
 * ```ts
 * generateRevisionId(map.size > 0 ? new Set(map.topologicalOrder) : undefined) // '3f1c2a9b7d10'
 * ```
 */
export function generateRevisionId(taken?: { has(id: string): boolean }): string {
  for (;;) {
    const id = randomBytes(6).toString('hex')
    if (taken === undefined || !taken.has(id)) return id
  }
}
