// One case of the graph-store comparison, in its own process so that loading the store's
// code is measured cold, as a command pays for it. argv: store (`map` | `graphology`), count.
//
// map: RevisionMap, core's store (adjacency lists by input position; validation, heads,
// topological order and cycle check in its constructor; ancestors/descendants by its walks).
// graphology: the same facts from a graphology DirectedGraph: nodes and edges added one by
// one, heads by out-degree, graphology-dag's hasCycle and topologicalSort, and
// graphology-traversal's dfsFromNode for ancestors (inbound) and descendants (outbound).
// Revisions are built in memory first: no file is read.
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { shape } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const coreFile = (path) => pathToFileURL(join(here, '..', 'packages', 'core', 'dist', path)).href
// The revision model alone, so that the map's own module is still to load below.
const { createRevision } = await import(coreFile('revision.js'))
const [store, countText] = process.argv.slice(2)
const count = Number(countText)
const revisions = shape('branchy', count).map(([id, parents]) =>
  createRevision({
    revision: id,
    downRevision: parents.length === 0 ? null : parents.length === 1 ? parents[0] : parents,
    message: `create table t_${id}`,
  }),
)
const base = revisions[0].id
const time = (fn) => {
  const start = performance.now()
  const value = fn()
  return [performance.now() - start, value]
}
const timeAsync = async (fn) => {
  const start = performance.now()
  const value = await fn()
  return [performance.now() - start, value]
}

let result
if (store === 'map') {
  const here = dirname(fileURLToPath(import.meta.url))
  const url = pathToFileURL(
    join(here, '..', 'packages', 'core', 'dist', 'graph', 'revision-map.js'),
  )
  const [importMs, { RevisionMap }] = await timeAsync(() => import(url.href))
  const [buildMs, map] = time(() => {
    const built = new RevisionMap(revisions)
    if (built.heads.length !== 1 || built.topologicalOrder.length !== count)
      throw new Error('unexpected graph')
    return built
  })
  const [ancestorsMs, above] = time(() => map.ancestors(map.heads))
  const [descendantsMs, below] = time(() => map.descendants([base]))
  if (above.size !== count || below.size !== count) throw new Error('walks lost revisions')
  result = { importMs, buildMs, ancestorsMs, descendantsMs }
} else if (store === 'graphology') {
  const [importMs, [{ DirectedGraph }, { hasCycle, topologicalSort }, { dfsFromNode }]] =
    await timeAsync(() =>
      Promise.all([import('graphology'), import('graphology-dag'), import('graphology-traversal')]),
    )
  const [buildMs, graph] = time(() => {
    const built = new DirectedGraph()
    for (const revision of revisions) built.addNode(revision.id, { revision })
    for (const revision of revisions) {
      for (const parent of revision.downRevisions)
        built.addDirectedEdge(parent, revision.id, { kind: 'down' })
    }
    const heads = built.filterNodes((node) => built.outDegree(node) === 0)
    if (heads.length !== 1) throw new Error('unexpected graph')
    if (hasCycle(built)) throw new Error('unexpected cycle')
    if (topologicalSort(built).length !== count) throw new Error('unexpected order')
    return built
  })
  const head = revisions[revisions.length - 1].id
  const walk = (start, mode) => {
    const seen = new Set()
    dfsFromNode(graph, start, (node) => void seen.add(node), { mode })
    return seen
  }
  const [ancestorsMs, above] = time(() => walk(head, 'inbound'))
  const [descendantsMs, below] = time(() => walk(base, 'outbound'))
  if (above.size !== count || below.size !== count) throw new Error('walks lost revisions')
  result = { importMs, buildMs, ancestorsMs, descendantsMs }
} else {
  throw new Error(`unknown store '${store}': use map or graphology`)
}
console.log(JSON.stringify(result))
