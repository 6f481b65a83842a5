// The demo's graph as the README shows it: examples/demo copied to a temporary directory
// (its retort.yaml, its revisions), upgraded to the heads, then drawn by `retort graph`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, runRetort } from './run-retort.mjs'
import { Transcript } from './transcript.mjs'

/** Where the SVG picture is committed, relative to the repository root. */
export const DEMO_GRAPH_FILE = 'docs/demo-graph.svg'

function withDemo(use) {
  const dir = mkdtempSync(join(tmpdir(), 'retort-demo-graph-'))
  try {
    for (const entry of ['retort.yaml', 'migrations']) {
      cpSync(join(ROOT, 'examples/demo', entry), join(dir, entry), { recursive: true })
    }
    return use(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `retort graph --format svg` of the demo at its heads: docs/demo-graph.svg. */
export function demoGraphSvg() {
  return withDemo((dir) => {
    runRetort(dir, ['upgrade', 'heads'])
    return runRetort(dir, ['graph', '--format', 'svg']).stdout
  })
}

/** The README's session: the demo upgraded, then drawn in the terminal. */
export function demoGraphAscii() {
  return withDemo((dir) => {
    const t = new Transcript(dir)
    t.run(['upgrade', 'heads'])
    t.run(['graph', '--format', 'ascii'])
    return t.take()
  })
}
