import { printableText as p, type RevisionInfo } from '@retort/core/cli'
import type { Colors } from '../colors.js'

// Every field of a revision can come from a hand-written file (a message, a path; ids and
// labels are checked by the graph, parents and dependencies are as written): each is
// printed through printableText, so that no control character reaches the terminal raw.

/** The markers after an id: `(head)`, `(mergepoint)`, `(current)`, branch labels. */
export function revisionTags(info: RevisionInfo, c: Colors): string {
  const tags: string[] = []
  if (info.branchLabels.length > 0) tags.push(c.magenta(`(${ids(info.branchLabels)})`))
  if (info.isHead) tags.push(c.green('(head)'))
  if (info.isBranchPoint) tags.push(c.cyan('(branchpoint)'))
  if (info.isMergePoint) tags.push(c.cyan('(mergepoint)'))
  if (info.isCurrent) tags.push(c.bold(c.green('(current)')))
  if (info.replaces !== undefined && info.replaces.length > 0)
    tags.push(
      c.cyan(
        `(squash of ${info.replaces.length} revision${info.replaces.length === 1 ? '' : 's'}: ${p(info.replaces[0]!)}..${p(info.replaces[info.replaces.length - 1]!)})`,
      ),
    )
  return tags.length === 0 ? '' : ` ${tags.join(' ')}`
}

/**
 * One revision on one line: `ae10f3c2b1d4 (head) create account`.
 *
 * @example
 * ```ts
 * ctx.out(formatRevision(info, ctx.colors))
 * ```
 */
export function formatRevision(info: RevisionInfo, c: Colors): string {
  return `${c.yellow(p(info.revision))}${revisionTags(info, c)}${info.message ? ` ${p(info.message)}` : ''}`
}

/**
 * A history line: `9a0b1c2d3e4f -> ae10f3c2b1d4 (head), create account` (`<base>` for a root).
 *
 * @example
 * ```ts
 * for (const info of list) ctx.out(formatHistoryLine(info, ctx.colors))
 * ```
 */
export function formatHistoryLine(info: RevisionInfo, c: Colors): string {
  const parents = info.downRevisions.length === 0 ? c.dim('<base>') : ids(info.downRevisions)
  return `${parents} -> ${c.yellow(p(info.revision))}${revisionTags(info, c)}, ${p(info.message)}`
}

/**
 * A revision in full (`-v`, `show`): id, parents, dependencies, labels, file and message.
 *
 * @example
 * ```ts
 * ctx.out(...formatRevisionVerbose(info, ctx.colors))
 * ```
 */
export function formatRevisionVerbose(info: RevisionInfo, c: Colors): string[] {
  const lines = [`${c.bold('Rev:')} ${c.yellow(p(info.revision))}${revisionTags(info, c)}`]
  lines.push(
    `${c.bold('Parent:')} ${info.downRevisions.length === 0 ? '<base>' : ids(info.downRevisions)}`,
  )
  if (info.dependsOn.length > 0) lines.push(`${c.bold('Depends on:')} ${ids(info.dependsOn)}`)
  if (info.branches.length > 0) lines.push(`${c.bold('Branches:')} ${ids(info.branches)}`)
  if (info.path !== null) lines.push(`${c.bold('Path:')} ${p(info.path)}`)
  lines.push('', `    ${info.message ? p(info.message) : c.dim('(no message)')}`, '')
  return lines
}

/** Renders a list of revisions: one line each, or verbose blocks. */
export function formatRevisionList(
  list: readonly RevisionInfo[],
  c: Colors,
  options: { readonly verbose?: boolean | undefined; readonly history?: boolean | undefined } = {},
): string[] {
  if (options.verbose) return list.flatMap((info) => formatRevisionVerbose(info, c))
  return list.map((info) =>
    options.history ? formatHistoryLine(info, c) : formatRevision(info, c),
  )
}

/** Ids or labels, comma-separated, printable. */
function ids(list: readonly string[]): string {
  return p(list.join(', '))
}
