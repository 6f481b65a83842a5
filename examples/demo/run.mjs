// The demo: upgrades a SQLite database through the API and shows its history.
// Usage: node run.mjs [database-file]   (default: a fresh file in the system temp directory)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Migrator } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'

const filename = process.argv[2]
  ? resolve(process.argv[2])
  : join(mkdtempSync(join(tmpdir(), 'retort-demo-')), 'notes.db')

const migrator = new Migrator({
  scriptLocation: new URL('./migrations', import.meta.url),
  dialect: sqliteDialect({ filename }),
  onEvent: (event) => {
    if (event.type === 'step-done') {
      console.log(
        `  [${event.index + 1}/${event.total}] ${event.direction === 'up' ? 'applied' : 'reverted'} ${event.revision} (${event.ms.toFixed(1)} ms)`,
      )
    }
  },
})

console.log(`Database: ${filename}`)
const before = await migrator.current()
console.log(`Current before: ${before.heads.join(', ') || '(base: a new database)'}`)

console.log('\nUpgrading to heads:')
const result = await migrator.upgrade('heads')
if (result.applied.length === 0) console.log('  nothing to do: already at the head')
console.log(`Current after: ${result.heads.join(', ')}`)

console.log('\nHistory (newest first; * marks where the database is):')
for (const revision of await migrator.history({ indicateCurrent: true })) {
  const kind = revision.isMergePoint
    ? ' (merge)'
    : revision.isBranchPoint
      ? ' (branch point)'
      : revision.isBase
        ? ' (base)'
        : ''
  const parents = revision.downRevisions.length ? revision.downRevisions.join(', ') : '<base>'
  console.log(
    `  ${revision.isCurrent ? '*' : ' '} ${parents} -> ${revision.revision}${kind}: ${revision.message}`,
  )
}
