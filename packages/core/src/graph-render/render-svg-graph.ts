import dagre from '@dagrejs/dagre'
import type { GraphPicture, GraphPictureNode } from './graph-picture.js'
import { visibleText } from './visible-text.js'
import { xmlText } from './xml-text.js'

/** Monospace text metrics of the picture, in px (12px text). */
const CHAR_WIDTH = 7.3
const LINE_HEIGHT = 16
const PAD_X = 12
const PAD_Y = 8
const MIN_WIDTH = 120
/** Messages longer than this are cut in the box; the tooltip has them whole. */
const MESSAGE_CHARS = 48
const MARGIN = 20
const LEGEND_HEIGHT = 28

const STYLE = [
  'svg.retort-graph{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}',
  '.retort-graph .revision>.shape{fill:#ffffff;stroke:#5b6470;stroke-width:1.2}',
  '.retort-graph .revision.head>.shape{stroke:#1f2933;stroke-width:2.6}',
  '.retort-graph .revision.current>.shape{fill:#d4f7d4;stroke:#2a7a2a}',
  '.retort-graph .revision.merge>.shape{fill:#f3efff}',
  '.retort-graph .revision.merge.current>.shape{fill:#d4f7d4}',
  '.retort-graph .id{font-weight:bold;fill:#1f2933}',
  '.retort-graph .message{fill:#323f4b}',
  '.retort-graph .marks{fill:#6b2fb3}',
  '.retort-graph .edge{fill:none;stroke:#7b8794;stroke-width:1.4}',
  '.retort-graph .edge.depends{stroke-dasharray:5 4}',
  '.retort-graph .arrow{fill:#7b8794}',
  '.retort-graph .legend{fill:#52606d}',
  '.retort-graph .note{fill:#b44d12}',
].join('')

/**
 * The part of dagre's graph this file uses, typed here: dagre's declaration files import
 * each other without file extensions, which TypeScript's NodeNext resolution does not
 * follow, so they would all read as `any`.
 */
interface LayoutGraph {
  setGraph(label: {
    readonly rankdir: 'BT'
    readonly nodesep: number
    readonly ranksep: number
    readonly edgesep: number
    readonly marginx: number
    readonly marginy: number
  }): unknown
  setDefaultEdgeLabel(label: () => object): unknown
  setNode(id: string, label: { readonly width: number; readonly height: number }): unknown
  setEdge(from: string, to: string, label: { readonly weight: number }, name: string): unknown
  graph(): { readonly width?: number; readonly height?: number }
  node(id: string): { readonly x?: number; readonly y?: number }
  edges(): { readonly v: string; readonly w: string; readonly name?: string }[]
  edge(edge: { readonly v: string; readonly w: string; readonly name?: string }): {
    readonly points?: readonly { readonly x: number; readonly y: number }[]
  }
}

/** A node of the layout: its box and the text lines it shows. */
interface Box {
  readonly node: GraphPictureNode
  readonly lines: readonly { readonly text: string; readonly kind: 'id' | 'message' | 'marks' }[]
  readonly width: number
  readonly height: number
}

/**
 * The revision graph as one SVG document: laid out by dagre (parents below their children,
 * as the Mermaid and DOT pictures), parent -> child lines solid and `dependsOn` lines dashed,
 * heads with a heavy border, merge points as hexagons, the database's current revisions
 * filled green, branch labels in brackets, and each revision's whole message, parents,
 * dependencies and labels in its tooltip (`<title>`). User text is XML-escaped and its
 * control characters shown as escapes. No script, no external reference: it renders the
 * same in a browser, an image viewer, or a README.
 *
 * Pure and deterministic: the same picture gives the same text.
 *
 * @example
 * ```ts
 * writeFileSync('graph.svg', renderSvgGraph(graphPicture(map, undefined)))
 * ```
 */
export function renderSvgGraph(picture: GraphPicture): string {
  const boxes = new Map(picture.nodes.map((node) => [node.id, box(node)]))
  const g: LayoutGraph = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({
    rankdir: 'BT',
    nodesep: 28,
    ranksep: 36,
    edgesep: 14,
    marginx: MARGIN,
    marginy: MARGIN,
  })
  g.setDefaultEdgeLabel(() => ({}))
  // Oldest first, so that dagre meets the revisions in a stable order.
  for (const node of [...picture.nodes].reverse()) {
    const b = boxes.get(node.id)!
    g.setNode(node.id, { width: b.width, height: b.height })
  }
  for (const node of [...picture.nodes].reverse()) {
    for (const parent of node.parents) g.setEdge(parent, node.id, { weight: 2 }, 'down')
    for (const dependency of node.dependencies) {
      g.setEdge(dependency, node.id, { weight: 0 }, 'depends')
    }
  }
  dagre.layout(g)

  const graphWidth = picture.nodes.length === 0 ? 0 : (g.graph().width ?? 0)
  const graphHeight = picture.nodes.length === 0 ? 0 : (g.graph().height ?? 0)
  const notes =
    picture.unknownCurrent.length === 0
      ? []
      : [
          `the database is also at ${picture.unknownCurrent.map((id) => visibleText(id)).join(', ')}, which no revision file defines`,
        ]
  if (picture.nodes.length === 0) notes.unshift('no revisions')
  const legend = legendItems(picture)
  const legendWidth = MARGIN * 2 + legend.reduce((sum, item) => sum + item.width, 0)
  const notesWidth = MARGIN * 2 + Math.max(0, ...notes.map((note) => textWidth(note)))
  const width = Math.ceil(Math.max(graphWidth, legendWidth, notesWidth, 240))
  const height = Math.ceil(graphHeight + LEGEND_HEIGHT + notes.length * LINE_HEIGHT + MARGIN)

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="retort-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="retort-graph-title">`,
    `<title id="retort-graph-title">${xmlText(summary(picture))}</title>`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="retort-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0,0L10,5L0,10z"/></marker></defs>',
    '<g class="edges">',
  ]
  for (const edge of g.edges()) {
    const points = g.edge(edge).points ?? []
    if (points.length === 0) continue
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('')
    const kind = edge.name === 'depends' ? 'depends' : 'down'
    out.push(
      `<path class="edge ${kind}" data-from="${xmlText(edge.v)}" data-to="${xmlText(edge.w)}" d="${d}" marker-end="url(#retort-arrow)"/>`,
    )
  }
  out.push('</g>', '<g class="revisions">')
  for (const node of picture.nodes) {
    const b = boxes.get(node.id)!
    const { x, y } = g.node(node.id)
    out.push(renderBox(b, x ?? 0, y ?? 0))
  }
  out.push('</g>')
  out.push(...renderLegend(legend, graphHeight))
  notes.forEach((note, i) => {
    const baseline = graphHeight + LEGEND_HEIGHT + (i + 1) * LINE_HEIGHT
    out.push(`<text class="note" x="${MARGIN}" y="${num(baseline)}">${xmlText(note)}</text>`)
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

function box(node: GraphPictureNode): Box {
  const lines: { text: string; kind: 'id' | 'message' | 'marks' }[] = [
    { text: node.id, kind: 'id' },
  ]
  if (node.message !== '') lines.push({ text: visibleText(shorten(node.message)), kind: 'message' })
  const marks = markText(node)
  if (marks !== '') lines.push({ text: marks, kind: 'marks' })
  const widest = Math.max(...lines.map((line) => textWidth(line.text)))
  const merge = node.isMergePoint ? 2 * LINE_HEIGHT : 0
  return {
    node,
    lines,
    width: Math.ceil(Math.max(MIN_WIDTH, widest + 2 * PAD_X + merge)),
    height: lines.length * LINE_HEIGHT + 2 * PAD_Y,
  }
}

/** `[label] head merge current`: the marks a box spells out, beside its colours. */
function markText(node: GraphPictureNode): string {
  const marks = node.branchLabels.map((label) => `[${visibleText(label)}]`)
  if (node.isHead) marks.push('head')
  if (node.isMergePoint) marks.push('merge')
  if (node.isCurrent) marks.push('current')
  return marks.join(' ')
}

function renderBox(b: Box, cx: number, cy: number): string {
  const { node } = b
  const classes = ['revision']
  if (node.isHead) classes.push('head')
  if (node.isMergePoint) classes.push('merge')
  if (node.isBranchPoint) classes.push('branchpoint')
  if (node.isBase) classes.push('base')
  if (node.isCurrent) classes.push('current')
  const left = cx - b.width / 2
  const top = cy - b.height / 2
  const shape = node.isMergePoint
    ? `<polygon class="shape" points="${hexagon(left, top, b.width, b.height)}"/>`
    : `<rect class="shape" x="${num(left)}" y="${num(top)}" width="${b.width}" height="${b.height}" rx="6"/>`
  const texts = b.lines.map((line, i) => {
    const baseline = top + PAD_Y + (i + 1) * LINE_HEIGHT - 4
    return `<text class="${line.kind}" x="${num(cx)}" y="${num(baseline)}" text-anchor="middle">${xmlText(line.text)}</text>`
  })
  return [
    `<g class="${classes.join(' ')}" data-revision="${xmlText(node.id)}">`,
    `<title>${xmlText(tooltip(node), { keepNewlines: true })}</title>`,
    shape,
    ...texts,
    '</g>',
  ].join('')
}

/** The tooltip: the whole message and every relation, one per line. */
function tooltip(node: GraphPictureNode): string {
  const lines = [node.id]
  if (node.message !== '') lines.push(node.message)
  lines.push(`parents: ${node.parents.length === 0 ? '<base>' : node.parents.join(', ')}`)
  if (node.dependencies.length > 0) lines.push(`depends on: ${node.dependencies.join(', ')}`)
  if (node.branchLabels.length > 0) lines.push(`branch labels: ${node.branchLabels.join(', ')}`)
  const flags = [
    node.isHead ? 'head' : '',
    node.isMergePoint ? 'merge point' : '',
    node.isBranchPoint ? 'branch point' : '',
    node.isCurrent ? 'current (the database is here)' : '',
  ].filter((flag) => flag !== '')
  if (flags.length > 0) lines.push(flags.join(', '))
  return lines.join('\n')
}

function summary(picture: GraphPicture): string {
  const heads = picture.nodes.filter((node) => node.isHead).map((node) => node.id)
  const parts = [
    `Revision graph: ${picture.nodes.length} revision${picture.nodes.length === 1 ? '' : 's'}`,
    `heads ${heads.length === 0 ? '(none)' : heads.join(', ')}`,
  ]
  if (picture.current !== undefined) {
    parts.push(
      `database at ${picture.current.length === 0 ? 'base' : picture.current.map((id) => visibleText(id)).join(', ')}`,
    )
  }
  return parts.join('; ')
}

interface LegendItem {
  readonly kind: 'head' | 'merge' | 'current' | 'depends'
  readonly text: string
  readonly width: number
}

/** The legend explains the marks this picture uses, and only those. */
function legendItems(picture: GraphPicture): LegendItem[] {
  const items: LegendItem[] = []
  const add = (kind: LegendItem['kind'], text: string) =>
    items.push({ kind, text, width: 34 + textWidth(text) + 18 })
  if (picture.nodes.some((node) => node.isHead)) add('head', 'head')
  if (picture.nodes.some((node) => node.isMergePoint)) add('merge', 'merge point')
  if (picture.nodes.some((node) => node.isCurrent)) add('current', 'the database is here')
  if (picture.nodes.some((node) => node.dependencies.length > 0)) add('depends', 'depends on')
  return items
}

function renderLegend(items: readonly LegendItem[], top: number): string[] {
  if (items.length === 0) return []
  const out = ['<g class="legend-items">']
  let x = MARGIN
  const y = top + 6
  for (const item of items) {
    if (item.kind === 'depends') {
      out.push(
        `<path class="edge depends" d="M${num(x)},${num(y + 8)}L${num(x + 26)},${num(y + 8)}"/>`,
      )
    } else {
      const classes = `revision ${item.kind === 'current' ? 'current' : item.kind}`
      const shape =
        item.kind === 'merge'
          ? `<polygon class="shape" points="${hexagon(x, y, 26, 16)}"/>`
          : `<rect class="shape" x="${num(x)}" y="${num(y)}" width="26" height="16" rx="4"/>`
      out.push(`<g class="${classes}">${shape}</g>`)
    }
    out.push(
      `<text class="legend" x="${num(x + 32)}" y="${num(y + 12)}">${xmlText(item.text)}</text>`,
    )
    x += item.width
  }
  out.push('</g>')
  return out
}

function hexagon(left: number, top: number, width: number, height: number): string {
  const inset = Math.min(height / 2, width / 4)
  const mid = top + height / 2
  const right = left + width
  const bottom = top + height
  return [
    [left, mid],
    [left + inset, top],
    [right - inset, top],
    [right, mid],
    [right - inset, bottom],
    [left + inset, bottom],
  ]
    .map(([x, y]) => `${num(x!)},${num(y!)}`)
    .join(' ')
}

/** Width of monospace text; East Asian wide characters take two cells. */
function textWidth(text: string): number {
  let cells = 0
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0
    cells += code >= 0x1100 && isWide(code) ? 2 : 1
  }
  return cells * CHAR_WIDTH
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

function shorten(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()]
  return characters.length > MESSAGE_CHARS
    ? `${characters.slice(0, MESSAGE_CHARS - 3).join('')}...`
    : characters.join('')
}

/** A coordinate with one decimal at most: stable text, small files. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10)
}
