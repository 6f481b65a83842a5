// Writes the generated parts of the docs from real runs of the built `retort`:
//   node docs/tools/generate.mjs           rewrite them (`pnpm docs` builds first)
//   node docs/tools/generate.mjs --check   exit 1 naming each file that is out of date
// docs/test/generated-docs.test.ts runs the check, so the docs cannot drift from the code.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoGraphAscii, demoGraphSvg, DEMO_GRAPH_FILE } from './demo-graph.mjs'
import { demoTestDefect, demoTestSession } from './demo-test.mjs'
import { fillGenerated } from './generated-blocks.mjs'
import { operationsBlocks } from './operations-blocks.mjs'
import { ROOT } from './run-retort.mjs'
import { teamWorkflowBlocks } from './team-workflow.mjs'

/** Each generated file: its path from the root and how to make it from its current text. */
export const GENERATED_FILES = [
  { file: DEMO_GRAPH_FILE, make: () => demoGraphSvg() },
  {
    file: 'README.md',
    make: (text) =>
      fillGenerated(
        text,
        {
          'demo-graph-ascii': demoGraphAscii(),
          'demo-test': demoTestSession(),
          'demo-test-defect': demoTestDefect(),
        },
        'README.md',
      ),
  },
  {
    file: 'docs/operations.md',
    make: (text) => fillGenerated(text, operationsBlocks(text), 'docs/operations.md'),
  },
  {
    file: 'docs/team-workflow.md',
    make: (text) => fillGenerated(text, teamWorkflowBlocks(), 'docs/team-workflow.md'),
  },
]

/** The generated files whose committed text differs from what the generator makes now. */
export function staleFiles() {
  return GENERATED_FILES.filter(({ file, make }) => {
    const text = readFileSync(join(ROOT, file), 'utf8')
    return make(text) !== text
  }).map(({ file }) => file)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles()
    for (const file of stale) console.error(`${file} is out of date: run 'pnpm docs'`)
    process.exitCode = stale.length === 0 ? 0 : 1
  } else {
    for (const { file, make } of GENERATED_FILES) {
      const path = join(ROOT, file)
      const text = readFileSync(path, 'utf8')
      const made = make(text)
      if (made !== text) {
        writeFileSync(path, made)
        console.log(`wrote ${file}`)
      }
    }
  }
}
