import { ResolutionError } from '../errors.js'

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

/**
 * Parses an identifier string; looking it up is {@link RevisionMap.resolve}'s job. Throws
 * {@link ResolutionError} for what reads like an identifier but cannot be one: a range
 * (`a:b`, taken only where a range is), a step from `heads` (`heads+1`), `label@heads`.
 */
export function parseIdentifier(text: string): Identifier {
  const trimmed = text.trim()
  // Ids and labels never hold ':' (REVISION_ID_PATTERN, LABEL_PATTERN): this is a range.
  const colon = trimmed.indexOf(':')
  if (colon >= 0) {
    const upper = trimmed.slice(colon + 1).trim() || 'heads'
    throw new ResolutionError(
      trimmed,
      `'${trimmed}' is a range, not a revision: only offline SQL (--sql) and 'history -r' take FROM:TO; name a single target such as '${upper}'`,
      'range-not-allowed',
    )
  }
  const relative = RELATIVE.exec(trimmed)
  if (relative) {
    const [, branch, point = '', steps = '0'] = relative
    if (point === 'heads') {
      // 'heads' is every head at once: there is no single line to move along.
      const step = `${steps.startsWith('-') ? '-' : '+'}${steps.replace(/^[+-]/, '')}`
      throw new ResolutionError(
        trimmed,
        `'${trimmed}' cannot move: 'heads' stands for every head at once; write 'REV@${step}' or 'LABEL@${step}' to move along one branch, or '${step}' when the database is at a single revision`,
        'relative-from-heads',
      )
    }
    return { kind: 'relative', branch, point, steps: Number(steps), text: trimmed }
  }
  const at = trimmed.indexOf('@')
  if (at >= 0) {
    const left = trimmed.slice(0, at)
    const right = trimmed.slice(at + 1)
    if (right === 'heads') {
      throw new ResolutionError(
        trimmed,
        `'${trimmed}' names one branch, which has a single head: write '${left}@head'`,
        'branch-heads',
      )
    }
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
