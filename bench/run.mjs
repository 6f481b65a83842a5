// `pnpm bench`: graph and runtime benchmarks. Prints tables with ratios against baselines
// measured in the same run. Numbers are informative; nothing here is asserted by tests.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { shape, writeScriptDirectory } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const work = join(tmpdir(), `retort-bench-${process.pid}`)
mkdirSync(work, { recursive: true })
const quick = process.argv.includes('--quick')

const runCase = (script, args) =>
  JSON.parse(execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop())

const fmt = (n, digits = 1) => n.toFixed(digits).padStart(9)
const table = (title, header, rows) => {
  console.log(`\n${title}`)
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(22) : h.padStart(9))).join(' '))
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(22) : typeof c === 'number' ? fmt(c) : String(c).padStart(9))).join(' '))
}

// 1. Revision graph: load + heads, history, resolve head-500, plan base->head.
const graphSizes = quick ? [1000] : [1000, 10000]
const graphRows = []
const graphResults = {}
for (const kind of ['linear', 'branchy']) {
  for (const count of graphSizes) {
    const dir = join(work, `${kind}-${count}`)
    writeScriptDirectory(dir, shape(kind, count), 'ts')
    // Median of three processes.
    const runs = [0, 1, 2].map(() => runCase('graph-case.mjs', [dir]))
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1]
    const r = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(k)]))
    graphResults[`${kind}-${count}`] = r
    graphRows.push([`${kind} ${count}`, r.loadMs, r.loadWarmMs, r.historyMs, r.resolveMs, r.planMs, r.peakRssMb])
  }
}
table(
  'Revision graph (ms; peak RSS in MB; median of 3 processes)',
  ['case', 'load+heads', 'warm', 'history', 'head-500', 'plan', 'peakRSS'],
  graphRows,
)
if (!quick) {
  console.log('\n1k -> 10k cost ratio (linear growth is 10.0x):')
  for (const kind of ['linear', 'branchy']) {
    const a = graphResults[`${kind}-1000`]
    const b = graphResults[`${kind}-10000`]
    console.log(
      `  ${kind.padEnd(8)} load+heads ${(b.loadMs / a.loadMs).toFixed(1)}x  warm ${(b.loadWarmMs / a.loadWarmMs).toFixed(1)}x  history ${(b.historyMs / a.historyMs).toFixed(1)}x  plan ${(b.planMs / a.planMs).toFixed(1)}x`,
    )
  }
  const l = graphResults['linear-10000']
  const br = graphResults['branchy-10000']
  console.log(
    `  targets at 10,000: load+heads <= 150 ms: linear ${l.loadMs.toFixed(0)} ms, branchy ${br.loadMs.toFixed(0)} ms; peak RSS <= 100 MB: ${l.peakRssMb.toFixed(0)} / ${br.peakRssMb.toFixed(0)} MB`,
  )
}

// 2. Runtime on SQLite: upgrade base->head next to the floor (same DDL, better-sqlite3 directly).
const upgradeRows = []
const sizes = quick ? [1000] : [1000, 5000]
for (const count of sizes) {
  for (const mode of ['each', 'all']) {
    for (const source of ['modules', 'files']) {
      const r = runCase('upgrade-case.mjs', ['linear', String(count), mode, source, join(work, `up-${count}-${mode}-${source}`)])
      upgradeRows.push([`${count} ${mode} ${source}`, r.floorMs, r.retortMs, `${(r.retortMs / r.floorMs).toFixed(2)}x`, r.currentFirstMs, r.currentMs])
    }
  }
}
table(
  'SQLite upgrade base->head (ms); ratio = retort / floor; current at the head (first call, median of 5)',
  ['case', 'floor', 'retort', 'ratio', 'current1', 'current'],
  upgradeRows,
)
console.log('\n  modules: revisions passed as modules (bundled app); files: a script directory of .mjs files, imported as they run')

rmSync(work, { recursive: true, force: true })
