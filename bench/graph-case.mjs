// One graph benchmark case, in its own process so that peak RSS is its own.
// argv: scriptDirectory
import { RevisionMap, ScriptDirectory, planUpgrade } from '@retort/core'

const dir = process.argv[2]
const time = (fn) => {
  const start = performance.now()
  const value = fn()
  return [performance.now() - start, value]
}

const [loadMs, map] = time(() => {
  const directory = ScriptDirectory.open({ scriptLocation: dir })
  const graph = new RevisionMap(directory.revisions)
  if (graph.heads.length !== 1) throw new Error(`expected one head, got ${graph.heads.length}`)
  return graph
})
const rssAfterLoad = process.resourceUsage().maxRSS
const [historyMs, history] = time(() => map.history())
if (history.length !== map.size) throw new Error('history lost revisions')
// A relative walk on a line; on the branchy graph `head-500` is (rightly) ambiguous at a
// merge, so it resolves the head of the branch holding a revision half-way down instead.
const branchy = history.some((revision) => revision.downRevisions.length > 1)
const identifier = branchy ? `${history[Math.floor(history.length / 2)].id}@head` : 'head-500'
const [resolveMs, target] = time(() => map.resolve(identifier))
if (target.kind !== 'revisions') throw new Error(`${identifier} did not resolve to a revision`)
const [planMs, plan] = time(() => planUpgrade(map, [], 'heads'))
if (plan.steps.length !== map.size) throw new Error('plan does not apply every revision')
// Peak RSS of the four measured operations, before the warm loads below add garbage.
const rssAfterPlan = process.resourceUsage().maxRSS

// Warm numbers: the same load again in this process (JIT warmed up).
const warm = []
for (let i = 0; i < 3; i++) {
  warm.push(
    time(() => {
      const directory = ScriptDirectory.open({ scriptLocation: dir })
      return new RevisionMap(directory.revisions).heads
    })[0],
  )
}
warm.sort((a, b) => a - b)

console.log(
  JSON.stringify({
    loadMs,
    loadWarmMs: warm[1],
    historyMs,
    resolveMs,
    planMs,
    peakRssMb: rssAfterPlan / 1024,
    warmRssMb: process.resourceUsage().maxRSS / 1024,
    rssAfterLoadMb: rssAfterLoad / 1024,
  }),
)
