// One runtime benchmark case: upgrade base->head on a fresh SQLite file, next to the floor
// (the same DDL through better-sqlite3 directly), in its own process.
// argv: kind (linear), count, mode (each|all), source (modules|files), workDir
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Migrator, Operations } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { moduleList, shape, writeScriptDirectory } from './generate.mjs'
import { importFloorMs, measureCurrent } from './measure.mjs'

const [kind, countText, mode, sourceKind, work] = process.argv.slice(2)
const count = Number(countText)
const revisions = shape(kind, count)
mkdirSync(work, { recursive: true })

// The floor: every revision's DDL, compiled once up front, executed directly.
const dialect = sqliteDialect({ filename: join(work, 'floor.db') })
const compiler = dialect.createCompiler()
const ddl = moduleList(revisions).map((module) => {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  module.upgrade(op)
  return op.takePending().flatMap((operation) => compiler.compile(operation))
})
rmSync(join(work, 'floor.db'), { force: true })
const floorDb = new Database(join(work, 'floor.db'))
let start = performance.now()
if (mode === 'all') floorDb.exec('BEGIN')
for (const statements of ddl) {
  if (mode === 'each') floorDb.exec('BEGIN')
  for (const statement of statements) floorDb.prepare(statement.sql).run(...statement.parameters)
  if (mode === 'each') floorDb.exec('COMMIT')
}
if (mode === 'all') floorDb.exec('COMMIT')
const floorMs = performance.now() - start
floorDb.close()

let source
let importMs = 0
if (sourceKind === 'files') {
  const dir = join(work, `scripts-${kind}-${count}`)
  writeScriptDirectory(dir, revisions, 'mjs')
  source = { scriptLocation: dir }
  importMs = importFloorMs(dir)
} else {
  source = { migrations: moduleList(revisions) }
}
const file = join(work, 'retort.db')
rmSync(file, { force: true })
const migrator = new Migrator({
  ...source,
  dialect: sqliteDialect({ filename: file }),
  transactionMode: mode,
})
start = performance.now()
const result = await migrator.upgrade('heads')
const retortMs = performance.now() - start
if (result.applied.length !== count) throw new Error(`applied ${result.applied.length} of ${count}`)

const { currentFirstMs, currentMs } = await measureCurrent(
  new Migrator({ ...source, dialect: sqliteDialect({ filename: file }) }),
)
console.log(JSON.stringify({ floorMs, importMs, retortMs, currentMs, currentFirstMs }))
