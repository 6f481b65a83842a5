import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { graphPicture } from '../graph-render/graph-picture.js'
import { renderAsciiGraph } from '../graph-render/render-ascii-graph.js'
import type { CommandOptions } from '../session/command-options.js'
import { databaseConfigured } from '../session/database-configured.js'
import { loadRevisions } from '../session/load-revisions.js'
import { printableText } from '../env/printable-text.js'
import { runAction } from '../session/run-action.js'

/** The picture languages of {@link graph}. */
export type GraphFormat = 'mermaid' | 'dot' | 'ascii' | 'svg' | 'html'

/** Every {@link GraphFormat}. */
export const GRAPH_FORMATS: readonly GraphFormat[] = Object.freeze([
  'mermaid',
  'dot',
  'ascii',
  'svg',
  'html',
])

/** Options of {@link graph}. */
export interface GraphOptions extends CommandOptions {
  /** Default `'mermaid'`. */
  readonly format?: GraphFormat | undefined
  /**
   * Read the database and mark the revisions it is at. Default: when a database is
   * configured (a dialect, an env module or a `url`); then a database that cannot be read
   * leaves the picture unmarked and says why in {@link GraphResult.currentError}. With
   * `true`, that is an error.
   */
  readonly indicateCurrent?: boolean | undefined
  /** `html`: the page's title. Default `'Revision graph'`. */
  readonly title?: string | undefined
}

/** What {@link graph} returns. */
export interface GraphResult {
  readonly format: GraphFormat
  /** The picture's source text (SVG and HTML: the whole document). */
  readonly text: string
  /** The version rows that were marked (`undefined` when no database was read). */
  readonly current: readonly string[] | undefined
  /** Why the configured database could not be read (the picture then has no marks). */
  readonly currentError?: string | undefined
  /** How many revisions the picture holds. */
  readonly revisions: number
}

/**
 * The revision graph as a picture: Mermaid (`flowchart`) or Graphviz DOT text, an ASCII
 * drawing for a terminal (`git log --graph` style), or a laid-out SVG image or
 * self-contained HTML page. Parent -> child edges, `dependsOn` edges, heads, merge points and
 * branch labels, and the database's current revisions when it was read.
 *
 * @example
 * ```ts
 * const { text } = await graph(config, { format: 'svg', indicateCurrent: false })
 * writeFileSync('graph.svg', text)
 * ```
 */
export async function graph(config: Config, options: GraphOptions = {}): Promise<GraphResult> {
  const format = options.format ?? 'mermaid'
  if (!GRAPH_FORMATS.includes(format)) {
    throw new RetortError(
      'usage',
      `graph format '${String(format)}' is not one of ${GRAPH_FORMATS.join(', ')}`,
    )
  }
  const loaded = await loadRevisions(config, options)
  let current: string[] | undefined
  let currentError: string | undefined
  if (options.indicateCurrent ?? databaseConfigured(config, loaded, options)) {
    try {
      const databases = await runAction(config, loaded, { kind: 'current' }, options)
      current = [...new Set(databases.flatMap((d) => d.heads))]
    } catch (error) {
      // Asked for by default only: the picture is still worth drawing.
      if (options.indicateCurrent === true) throw error
      currentError = error instanceof Error ? error.message : String(error)
    }
  }
  const text = await render(format, loaded.map, current, options.title)
  return {
    format,
    text,
    current,
    ...(currentError === undefined ? {} : { currentError }),
    revisions: loaded.map.size,
  }
}

async function render(
  format: GraphFormat,
  map: RevisionMap,
  current: readonly string[] | undefined,
  title: string | undefined,
): Promise<string> {
  switch (format) {
    case 'mermaid':
      return renderMermaid(map, current)
    case 'dot':
      return renderDot(map, current)
    case 'ascii':
      return renderAsciiGraph(graphPicture(map, current))
    // The layout library is loaded only for the formats that lay out.
    case 'svg': {
      const { renderSvgGraph } = await import('../graph-render/render-svg-graph.js')
      return renderSvgGraph(graphPicture(map, current))
    }
    case 'html': {
      const { renderHtmlGraph } = await import('../graph-render/render-html-graph.js')
      return renderHtmlGraph(graphPicture(map, current), { title })
    }
  }
}

interface Node {
  readonly id: string
  readonly lines: string[]
  readonly head: boolean
  readonly merge: boolean
  readonly current: boolean
}

function nodes(map: RevisionMap, current: readonly string[] | undefined): Node[] {
  const at = new Set(current ?? [])
  return map.topologicalOrder.map((id) => {
    const revision = map.get(id)!
    const lines = [id]
    if (revision.message !== '') lines.push(shorten(revision.message))
    if (revision.branchLabels.length > 0) lines.push(`(${revision.branchLabels.join(', ')})`)
    const flags = [map.isHead(id) ? 'head' : '', at.has(id) ? 'current' : ''].filter(
      (f) => f !== '',
    )
    if (flags.length > 0) lines.push(`[${flags.join(', ')}]`)
    return {
      id,
      lines,
      head: map.isHead(id),
      merge: revision.downRevisions.length > 1,
      current: at.has(id),
    }
  })
}

function renderMermaid(map: RevisionMap, current: readonly string[] | undefined): string {
  const out = ['flowchart BT']
  const key = (id: string) => `r_${id}`
  for (const node of nodes(map, current)) {
    const label = node.lines.map(mermaidText).join('<br/>')
    out.push(node.merge ? `  ${key(node.id)}{{"${label}"}}` : `  ${key(node.id)}["${label}"]`)
  }
  for (const id of map.topologicalOrder) {
    for (const parent of map.parents(id)) out.push(`  ${key(parent)} --> ${key(id)}`)
    for (const dependency of map.dependencies(id)) out.push(`  ${key(dependency)} -.-> ${key(id)}`)
  }
  const all = nodes(map, current)
  const heads = all.filter((n) => n.head).map((n) => key(n.id))
  const at = all.filter((n) => n.current).map((n) => key(n.id))
  out.push('  classDef head stroke-width:3px')
  out.push('  classDef current fill:#d4f7d4,stroke:#2a7a2a')
  if (heads.length > 0) out.push(`  class ${heads.join(',')} head`)
  if (at.length > 0) out.push(`  class ${at.join(',')} current`)
  return `${out.join('\n')}\n`
}

function renderDot(map: RevisionMap, current: readonly string[] | undefined): string {
  const out = ['digraph retort {', '  rankdir=BT;', '  node [shape=box, fontname="monospace"];']
  for (const node of nodes(map, current)) {
    const attributes = [`label=${dotString(node.lines.join('\n'))}`]
    if (node.merge) attributes.push('shape=hexagon')
    if (node.head) attributes.push('penwidth=2')
    if (node.current) attributes.push('style=filled', 'fillcolor="#d4f7d4"')
    out.push(`  ${dotString(node.id)} [${attributes.join(', ')}];`)
  }
  for (const id of map.topologicalOrder) {
    for (const parent of map.parents(id)) out.push(`  ${dotString(parent)} -> ${dotString(id)};`)
    for (const dependency of map.dependencies(id))
      out.push(`  ${dotString(dependency)} -> ${dotString(id)} [style=dashed];`)
  }
  out.push('}')
  return `${out.join('\n')}\n`
}

function shorten(text: string): string {
  const line = printableText(text.replace(/\s+/g, ' ').trim())
  return line.length > 60 ? `${line.slice(0, 57)}...` : line
}

/** Mermaid label text: its entity syntax for the characters that end or break a label. */
function mermaidText(text: string): string {
  return text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`)
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
}
