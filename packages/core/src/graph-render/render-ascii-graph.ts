import type { GraphPicture, GraphPictureNode } from './graph-picture.js'
import { visibleText } from './visible-text.js'

/** A line of the picture leaving one column of a row for a column of the next. */
interface Edge {
  at: number
  readonly to: number
}

/**
 * The revision graph drawn with ASCII characters, newest first, as `git log --graph` draws
 * commits: one row per revision (`*`), its `downRevision` lines as `|`, `/` and `\` (`X`
 * where two lines cross), each line moving at most one column per row. Every revision
 * line reads `ID [labels] (head) (current) (depends on ID) message`; user text is shown
 * with control characters escaped. `dependsOn` edges are named in the text rather than
 * drawn: they would cross the branch lines they deliberately do not join.
 *
 * Pure and deterministic: the same picture gives the same text.
 *
 * @example
 * ```ts
 * renderAsciiGraph(graphPicture(map, ['c3']))
 * // '* c3 (head) (current) revision c3\n* b2 revision b2\n...'
 * ```
 */
export function renderAsciiGraph(picture: GraphPicture): string {
  if (picture.nodes.length === 0) return '(no revisions)\n'
  const out: string[] = []
  let lanes: string[] = []
  /** The column where a line just ended at a base revision. */
  let ended: number | undefined
  for (const node of picture.nodes) {
    let column = lanes.indexOf(node.id)
    if (column < 0) {
      // A head (nothing above it drew a line to it): a new column on the right.
      column = lanes.length
      lanes = [...lanes, node.id]
      // Right below a base in the same column it would read as that base's parent.
      if (column === ended) out.push(laneRow(column, -1).trimEnd())
    }
    out.push(`${laneRow(lanes.length, column)} ${describe(node)}`)

    // The parents not already waited for take this revision's column (the first) and new
    // columns right after it; a parent another line already waits for is joined.
    const added = node.parents.filter(
      (parent, i) => !lanes.includes(parent) && node.parents.indexOf(parent) === i,
    )
    const next = [...lanes.slice(0, column), ...added, ...lanes.slice(column + 1)]
    const edges: Edge[] = []
    lanes.forEach((id, i) => {
      if (i !== column) edges.push({ at: i, to: next.indexOf(id) })
    })
    for (const parent of node.parents) edges.push({ at: column, to: next.indexOf(parent) })
    out.push(...connectorRows(edges))
    ended = node.parents.length === 0 ? column : undefined
    lanes = next
  }
  if (picture.unknownCurrent.length > 0) {
    out.push(
      `(the database is also at ${picture.unknownCurrent.map((id) => visibleText(id)).join(', ')}, which no revision file defines)`,
    )
  }
  return `${out.join('\n')}\n`
}

/** `| * |`: the lanes of a revision's row, the revision at `column`. */
function laneRow(count: number, column: number): string {
  return Array.from({ length: count }, (_, i) => (i === column ? '*' : '|')).join(' ')
}

/**
 * The rows that carry every line from its column to its column in the next row, one column
 * per row: `\` moving right, `/` moving left, `|` staying. None when every line stays.
 */
function connectorRows(edges: Edge[]): string[] {
  const rows: string[] = []
  while (edges.some((edge) => edge.at !== edge.to)) {
    const width = 2 * Math.max(...edges.map((edge) => Math.max(edge.at, edge.to))) + 1
    const cells: string[] = Array.from({ length: width }, () => ' ')
    const put = (index: number, character: string) => {
      const there = cells[index]
      cells[index] = there === ' ' || there === character ? character : 'X'
    }
    for (const edge of edges) {
      if (edge.at < edge.to) {
        put(2 * edge.at + 1, '\\')
        edge.at++
      } else if (edge.at > edge.to) {
        put(2 * edge.at - 1, '/')
        edge.at--
      } else put(2 * edge.at, '|')
    }
    rows.push(cells.join('').trimEnd())
  }
  return rows
}

function describe(node: GraphPictureNode): string {
  const parts = [node.id]
  if (node.branchLabels.length > 0) {
    parts.push(`[${node.branchLabels.map((label) => visibleText(label)).join(', ')}]`)
  }
  if (node.isHead) parts.push('(head)')
  if (node.isCurrent) parts.push('(current)')
  if (node.dependencies.length > 0) parts.push(`(depends on ${node.dependencies.join(', ')})`)
  if (node.message !== '') parts.push(visibleText(node.message))
  return parts.join(' ')
}
