/**
 * What an identifier resolves to: the empty state (optionally of one branch), every head,
 * or a set of revisions. Planning works on targets, never on identifier strings.
 *
 * A relative downgrade from the database's rows (`-N`, `REV@-N`, `LABEL@-N`) also carries
 * `passedOver`: the revisions it moved down past, from the row it started at downwards. Its
 * `ids` (or `base`) are where the move ended; a downgrade un-applies the revisions passed
 * over and what descends from or depends on them, so the database's other branches keep
 * their rows even when the move ends on a branch point they share (SEMANTICS.md, "Upgrades
 * and downgrades"). Other targets are points: a downgrade to one un-applies what is above it.
 *
 * @example
 * ```ts
 * const target: Target = map.resolve('heads') // { kind: 'heads' }
 * map.resolve('bob@-1', { current: ['a11ce', 'b0b0'] })
 * // { kind: 'revisions', ids: ['0a0a'], passedOver: ['b0b0'] }
 * ```
 */
export type Target =
  | {
      readonly kind: 'base'
      readonly branch?: string | undefined
      readonly passedOver?: readonly string[] | undefined
    }
  | { readonly kind: 'heads' }
  | {
      readonly kind: 'revisions'
      readonly ids: readonly string[]
      readonly passedOver?: readonly string[] | undefined
    }

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

/**
 * Builds the frozen target of a relative downgrade: where the move ended (`ids`, or base when
 * empty) and the revisions it passed over, newest first.
 *
 * @example
 * ```ts
 * relativeDownTarget(['a1'], ['c3', 'b2']) // `-2` from the row 'c3' on a1 <- b2 <- c3
 * ```
 */
export function relativeDownTarget(ids: readonly string[], passedOver: readonly string[]): Target {
  const passed = Object.freeze([...passedOver])
  if (ids.length === 0) return Object.freeze({ kind: 'base', passedOver: passed })
  return Object.freeze({ kind: 'revisions', ids: Object.freeze([...ids]), passedOver: passed })
}
