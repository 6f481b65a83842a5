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
const [resolveMs, target] = time(() => map.resolve('head-500'))
if (target.kind !== 'revisions') throw new Error('head-500 did not resolve to a revision')
const [planMs, plan] = time(() => planUpgrade(map, [], 'heads'))
if (plan.steps.length !== map.size) throw new Error('plan does not apply every revision')

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
    peakRssMb: Math.max(rssAfterLoad, process.resourceUsage().maxRSS) / 1024,
    rssAfterLoadMb: rssAfterLoad / 1024,
  }),
)
