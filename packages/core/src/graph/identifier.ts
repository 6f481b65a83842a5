/**
 * The parsed form of a revision identifier, before it is looked up in a graph.
 *
 * Grammar (DESIGN.md, "Revision identifiers"):
 * - `heads`, `base`, `head`, `current`
 * - a full id or a unique prefix of 4+ characters, or a branch label
 * - `label@head`, `label@base`, `label@<rev>`, `<rev>@head`
 * - relative: `+N`, `-N`, `<point>+N`, `<point>-N` where point is `head`, `base`, `current`
 *   or a revision, optionally behind `label@` (`label@+1`, `label@head-2`)
 *
 * @example
 * ```ts
 * parseIdentifier('feature@head-2')
 * // { kind: 'relative', branch: 'feature', point: 'head', steps: -2, text: 'feature@head-2' }
 * ```
 */
export type Identifier =
  | { readonly kind: 'heads'; readonly text: string }
  | { readonly kind: 'base'; readonly branch?: string | undefined; readonly text: string }
  /** `head`, `label@head`, or `<rev>@head` (the head of the branch that contains rev). */
  | { readonly kind: 'head'; readonly branch?: string | undefined; readonly text: string }
  | { readonly kind: 'current'; readonly text: string }
  | { readonly kind: 'revision'; readonly ref: string; readonly text: string }
  /** `label@<rev>`: rev, checked to be on the branch. */
  | {
      readonly kind: 'onBranch'
      readonly branch: string
      readonly ref: string
      readonly text: string
    }
  | {
      readonly kind: 'relative'
      readonly branch?: string | undefined
      /** `''` means the database's current state. */
      readonly point: string
      readonly steps: number
      readonly text: string
    }

const RELATIVE = /^(?:([^@]+)@)?(\w*)([+-]\d+)$/

/** Parses an identifier string; looking it up is {@link RevisionMap.resolve}'s job. */
export function parseIdentifier(text: string): Identifier {
  const trimmed = text.trim()
  const relative = RELATIVE.exec(trimmed)
  if (relative) {
    const [, branch, point = '', steps = '0'] = relative
    return { kind: 'relative', branch, point, steps: Number(steps), text: trimmed }
  }
  const at = trimmed.indexOf('@')
  if (at >= 0) {
    const left = trimmed.slice(0, at)
    const right = trimmed.slice(at + 1)
    if (right === 'head') return { kind: 'head', branch: left, text: trimmed }
    if (right === 'base') return { kind: 'base', branch: left, text: trimmed }
    return { kind: 'onBranch', branch: left, ref: right, text: trimmed }
  }
  switch (trimmed) {
    case 'heads':
      return { kind: 'heads', text: trimmed }
    case 'head':
      return { kind: 'head', text: trimmed }
    case 'base':
      return { kind: 'base', text: trimmed }
    case 'current':
      return { kind: 'current', text: trimmed }
    default:
      return { kind: 'revision', ref: trimmed, text: trimmed }
  }
}
