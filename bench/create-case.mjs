// Creating many SQLite databases at the head of a long history, in its own process:
// createDatabase (template) vs upgrade('heads') on each new file vs ensureVersion() +
// stamp('heads') on a copy of a schema-only file. Prints one JSON line.
// argv: revisions, databases, upgradeSample (databases timed for the upgrade way), workDir
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Migrator } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { moduleList, shape } from './generate.mjs'

const [revisionsText, databasesText, sampleText, work] = process.argv.slice(2)
const count = Number(revisionsText)
const databases = Number(databasesText)
const sample = Math.min(Number(sampleText), databases)
const migrations = moduleList(shape('linear', count))
rmSync(work, { recursive: true, force: true })
const dirs = ['template', 'upgrade', 'stamp'].map((name) => {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  return dir
})

// 1. Template: one Migrator; the first call builds the template (included in the time).
const creator = new Migrator({ migrations, dialect: sqliteDialect({ filename: ':memory:' }) })
let start = performance.now()
const first = await creator.createDatabase(join(dirs[0], 'db-0.db'))
const buildMs = performance.now() - start
for (let i = 1; i < databases; i++) await creator.createDatabase(join(dirs[0], `db-${i}.db`))
const templateMs = performance.now() - start

// 2. upgrade('heads') on each new file (a sample: it replays the whole history each time).
start = performance.now()
for (let i = 0; i < sample; i++) {
  await new Migrator({
    migrations,
    dialect: sqliteDialect({ filename: join(dirs[1], `db-${i}.db`) }),
  }).upgrade('heads')
}
const upgradeMs = performance.now() - start

// 3. A copy of a schema-only file (tables, no version table), then ensureVersion + stamp.
const schemaFile = join(work, 'schema.db')
copyFileSync(join(dirs[0], 'db-0.db'), schemaFile)
const schemaDb = new Database(schemaFile)
schemaDb.exec('DROP TABLE retort_version')
schemaDb.close()
start = performance.now()
for (let i = 0; i < databases; i++) {
  const filename = join(dirs[2], `db-${i}.db`)
  copyFileSync(schemaFile, filename)
  const migrator = new Migrator({ migrations, dialect: sqliteDialect({ filename }) })
  await migrator.ensureVersion()
  await migrator.stamp('heads')
}
const stampMs = performance.now() - start

rmSync(work, { recursive: true, force: true })
console.log(
  JSON.stringify({
    revisions: count,
    databases,
    upgradeSample: sample,
    templateBytes: first.bytes,
    buildMs,
    templatePerDbMs: templateMs / databases,
    templateAfterFirstPerDbMs: (templateMs - buildMs) / Math.max(1, databases - 1),
    upgradePerDbMs: upgradeMs / sample,
    stampPerDbMs: stampMs / databases,
  }),
)
