// The README's `retort test` sessions: examples/demo copied to a temporary directory (its
// retort.yaml, its revisions), tested as it is, then with a downgrade that forgets a column.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './run-retort.mjs'
import { Transcript } from './transcript.mjs'

/** The demo revision whose downgrade the second session breaks. */
const BROKEN_REVISION = 'migrations/versions/3b9d0e2f4a61_add_display_name.ts'

function withDemo(use) {
  const dir = mkdtempSync(join(tmpdir(), 'retort-demo-test-'))
  try {
    for (const entry of ['retort.yaml', 'migrations']) {
      cpSync(join(ROOT, 'examples/demo', entry), join(dir, entry), { recursive: true })
    }
    return use(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `retort test --update` on the demo, then `retort test` comparing with the snapshot. */
export function demoTestSession() {
  return withDemo((dir) => {
    const t = new Transcript(dir)
    t.run(['test', '--update'])
    t.run(['test', '--only', 'schema'])
    return t.take()
  })
}

/** `retort test` on the demo after the downgrade of 3b9d0e2f4a61 lost its dropColumn. */
export function demoTestDefect() {
  return withDemo((dir) => {
    const file = join(dir, BROKEN_REVISION)
    const text = readFileSync(file, 'utf8')
    const broken = text.replace("  op.dropColumn('account', 'display_name')\n", '')
    if (broken === text) throw new Error(`${BROKEN_REVISION}: no dropColumn to take out`)
    writeFileSync(file, broken)
    const t = new Transcript(dir)
    t.run(['test', '--only', 'stairway'], { expectCode: 1 })
    return t.take()
  })
}
