/**
 * What an identifier resolves to: the empty state (optionally of one branch), every head,
 * or a set of revisions. Planning works on targets, never on identifier strings.
 *
 * @example
 * ```ts
 * const target: Target = map.resolve('heads') // { kind: 'heads' }
 * ```
 */
export type Target =
  | { readonly kind: 'base'; readonly branch?: string | undefined }
  | { readonly kind: 'heads' }
  | { readonly kind: 'revisions'; readonly ids: readonly string[] }

/** The empty state: no revision applied. */
export const BASE_TARGET: Target = Object.freeze({ kind: 'base' })

/** Every head of the graph. */
export const HEADS_TARGET: Target = Object.freeze({ kind: 'heads' })

/**
 * Builds a frozen revisions target.
 *
 * @example
 * ```ts
 * revisionsTarget(['a1b2c3d4e5f6'])
 * ```
 */
export function revisionsTarget(ids: readonly string[]): Target {
  if (ids.length === 0) return BASE_TARGET
  return Object.freeze({ kind: 'revisions', ids: Object.freeze([...ids]) })
}
