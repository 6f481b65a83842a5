import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { graphPicture } from '../src/graph-render/graph-picture.js'
import { renderAsciiGraph } from '../src/graph-render/render-ascii-graph.js'
import { renderHtmlGraph } from '../src/graph-render/render-html-graph.js'
import { renderSvgGraph } from '../src/graph-render/render-svg-graph.js'
import { visibleText } from '../src/graph-render/visible-text.js'
import { xmlText } from '../src/graph-render/xml-text.js'
import type { Revision } from '../src/revision.js'
import {
  branched,
  crissCross,
  dependsAcross,
  linear,
  map,
  merged,
  rev,
  severalBases,
} from './helpers/graphs.js'

const ascii = (revisions: readonly Revision[], current?: readonly string[]) =>
  renderAsciiGraph(graphPicture(map(revisions), current))

/** A message with everything that must not reach a picture raw. */
const HOSTILE =
  'fix </title><script>alert("x")</script> & ]]> \x1b[2J\x07 \u202egnp.exe\n\tsecond line \ud800 \uffff'

describe('ascii', () => {
  it('draws a linear history as one line', () => {
    expect(ascii(linear(3), ['l2'])).toBe(
      ['* l3 (head) revision l3', '* l2 (current) revision l2', '* l1 revision l1', ''].join('\n'),
    )
  })

  it('draws branches, a merge and labels like git log --graph', () => {
    expect(ascii(merged({ labels: true }), ['top'])).toMatchInlineSnapshot(`
      "* top (head) (current) revision top
      * mg revision mg
      |\\
      | * m2 revision m2
      | * m1 [main] revision m1
      * | f2 revision f2
      * | f1 [feature] revision f1
      |/
      * root revision root
      "
    `)
  })

  it('draws two heads that join at their branch point', () => {
    expect(ascii(branched(), ['f2', 'm2'])).toMatchInlineSnapshot(`
      "* m2 (head) (current) revision m2
      * m1 revision m1
      | * f2 (head) (current) revision f2
      | * f1 revision f1
      |/
      * root revision root
      "
    `)
  })

  it('draws criss-cross merges, with X where lines cross', () => {
    expect(ascii(crissCross())).toMatchInlineSnapshot(`
      "* z (head) revision z
      |\\
      | * y revision y
      | |\\
      * | | x revision x
      |X /
      * | b1 revision b1
      | * a1 revision a1
      |/
      * root revision root
      "
    `)
  })

  it('draws several bases, and names dependsOn in the text', () => {
    expect(ascii(severalBases({ merge: true }))).toMatchInlineSnapshot(`
      "* xy (head) revision xy
      |\\
      | * y2 revision y2
      | * y1 revision y1
      * x2 revision x2
      * x1 revision x1

      * w1 (head) revision w1
      "
    `)
    expect(ascii(dependsAcross({ labels: true }))).toMatchInlineSnapshot(`
      "* r2 (head) revision r2
      * r1 (depends on d2) revision r1
      * p2 revision p2
      * p1 [pline] revision p1

      * d2 (head) revision d2
      * d1 [dline] revision d1
      "
    `)
  })

  it('draws an octopus merge', () => {
    const revisions = [
      rev('root'),
      rev('a', 'root'),
      rev('b', 'root'),
      rev('c', 'root'),
      rev('abc', ['a', 'b', 'c']),
    ]
    expect(ascii(revisions)).toMatchInlineSnapshot(`
      "* abc (head) revision abc
      |\\
      | |\\
      | | * c revision c
      | * | b revision b
      | |/
      * | a revision a
      |/
      * root revision root
      "
    `)
  })

  it('is the same text for the same graph, whatever order the revisions come in', () => {
    const revisions = merged({ labels: true })
    expect(ascii([...revisions].reverse())).toBe(ascii(revisions))
  })

  it('keeps user text on its line and never lets it act on a terminal', () => {
    const text = ascii([rev('a1', null, { message: HOSTILE })])
    expect(text.split('\n')).toHaveLength(2)
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e\ud800]/)
    expect(text).toContain('\\x1b[2J\\x07 \\u202egnp.exe\\n\\tsecond line')
  })

  it('says when the database is at revisions the files do not define', () => {
    expect(ascii(linear(1), ['l1', 'ffff0000'])).toBe(
      '* l1 (head) (current) revision l1\n(the database is also at ffff0000, which no revision file defines)\n',
    )
    expect(ascii([])).toBe('(no revisions)\n')
  })
})

/** The SVG parsed, after checking it is well-formed XML. */
function parseSvg(svg: string): Record<string, unknown> {
  expect(XMLValidator.validate(svg)).toBe(true)
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg) as Record<
    string,
    unknown
  >
}

function revisionGroups(svg: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const match of svg.matchAll(/<g class="([^"]*)" data-revision="([^"]*)">/g)) {
    found.set(match[2]!, match[1]!)
  }
  return found
}

describe('svg', () => {
  it('is well-formed XML with every revision, its marks and every edge', () => {
    const revisions = [...merged({ labels: true }), rev('dep', 'top', { dependsOn: 'f1' })]
    const svg = renderSvgGraph(graphPicture(map(revisions), ['mg']))
    const document = parseSvg(svg)
    const root = document['svg'] as Record<string, unknown>
    expect(root['@xmlns']).toBe('http://www.w3.org/2000/svg')
    const groups = revisionGroups(svg)
    expect([...groups.keys()].sort()).toEqual(revisions.map((r) => r.id).sort())
    expect(groups.get('dep')).toBe('revision head')
    expect(groups.get('mg')).toBe('revision merge current')
    expect(groups.get('root')).toBe('revision branchpoint base')
    expect(svg).toContain('>[feature]</text>')
    // Parent -> child edges solid, dependsOn dashed.
    const edges = [
      ...svg.matchAll(/class="edge (down|depends)" data-from="(\w+)" data-to="(\w+)"/g),
    ]
    expect(edges.map((m) => `${m[2]}->${m[3]} ${m[1]}`).sort()).toEqual(
      [
        'root->f1 down',
        'f1->f2 down',
        'root->m1 down',
        'm1->m2 down',
        'f2->mg down',
        'm2->mg down',
        'mg->top down',
        'top->dep down',
        'f1->dep depends',
      ].sort(),
    )
    // The legend explains the marks used.
    expect(svg).toContain('>the database is here</text>')
    expect(svg).toContain('>depends on</text>')
  })

  it('escapes user text: the document stays well-formed and holds no raw markup or control character', () => {
    const revisions = [
      rev('a1', null, { message: HOSTILE, labels: 'lbl' }),
      rev('b2', 'a1', { message: 'x'.repeat(200) }),
    ]
    const svg = renderSvgGraph(graphPicture(map(revisions), ['a1', 'zz<script>']))
    parseSvg(svg)
    expect(svg).not.toContain('<script')
    expect(svg).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e\ud800\uffff]/)
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)')
    // The tooltip has the whole message on its lines; the box a shortened single line.
    expect(svg).toContain('\\x1b[2J\\x07 \\u202egnp.exe\n\\tsecond line')
    expect(svg).toContain(`>${'x'.repeat(45)}...</text>`)
    expect(svg).toContain('zz&lt;script&gt;, which no revision file defines')
  })

  it('is the same document for the same graph', () => {
    const picture = graphPicture(map(crissCross()), ['z'])
    expect(renderSvgGraph(picture)).toBe(renderSvgGraph(graphPicture(map(crissCross()), ['z'])))
  })

  it('draws an empty graph as a note', () => {
    const svg = renderSvgGraph(graphPicture(map([]), undefined))
    parseSvg(svg)
    expect(svg).toContain('>no revisions</text>')
  })
})

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node)
  const children = 'childNodes' in node ? node.childNodes : []
  for (const child of children) elements(child, out)
  if ('content' in node && node.content) elements(node.content, out)
  return out
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value

describe('html', () => {
  const revisions = [...merged({ labels: true }), rev('evil', 'top', { message: HOSTILE })]
  const html = renderHtmlGraph(graphPicture(map(revisions), ['top']), { title: 'notes <app>' })

  it('parses as HTML without a single parse error, with the SVG inline', () => {
    const errors: string[] = []
    const document = parse(html, { onParseError: (error) => errors.push(error.code) })
    expect(errors).toEqual([])
    const all = elements(document)
    expect(all.filter((e) => e.tagName === 'svg')).toHaveLength(1)
    const ids = all.map((e) => attr(e, 'data-revision')).filter((id) => id !== undefined)
    expect(ids.sort()).toEqual(revisions.map((r) => r.id).sort())
    // The inline SVG is itself well-formed XML.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length)
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(html).toContain('<title>notes &lt;app&gt;</title>')
  })

  it('is self-contained: no external reference, and a policy that forbids loading one', () => {
    const document = parse(html)
    for (const element of elements(document)) {
      for (const name of ['src', 'href', 'xlink:href', 'action', 'srcset']) {
        expect(attr(element, name), `${element.tagName} ${name}`).toBeUndefined()
      }
    }
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/)
    expect(html).not.toMatch(/url\((?!#retort-arrow\))/)
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`,
    )
  })

  it('keeps user text out of the markup and out of the script', () => {
    const document = parse(html)
    const scripts = elements(document).filter((e) => e.tagName === 'script')
    // Exactly the two scripts it writes: a message cannot open a third.
    expect(scripts.map((s) => attr(s, 'type') ?? 'code')).toEqual(['application/json', 'code'])
    const json = scripts[0]!.childNodes.map((n) => ('value' in n ? n.value : '')).join('')
    const data = JSON.parse(json) as { id: string; details: [string, string][] }[]
    expect(data.map((r) => r.id).sort()).toEqual(revisions.map((r) => r.id).sort())
    const evil = data.find((r) => r.id === 'evil')!
    expect(evil.details[0]).toEqual(['message', visibleText(HOSTILE, { keepNewlines: true })])
    expect(json).not.toContain('<')
  })
})

describe('escaping', () => {
  it('visibleText and xmlText write every unsafe character as a visible escape', () => {
    expect(visibleText('a\nb\r\t\x1b\x7f\u0085\u2028\u2029\u200e\ufeff\ud83d')).toBe(
      'a\\nb\\r\\t\\x1b\\x7f\\x85\\u2028\\u2029\\u200e\\ufeff\\ud83d',
    )
    expect(visibleText('line\nline', { keepNewlines: true })).toBe('line\nline')
    expect(visibleText('café 😀 漢字')).toBe('café 😀 漢字')
    expect(xmlText(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})
