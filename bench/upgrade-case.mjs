// One runtime benchmark case: upgrade base->head on a fresh SQLite file, next to the floor
// (the same DDL through better-sqlite3 directly), in its own process.
// argv: kind (linear), count, mode (each|all), source (modules|files), workDir
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { Migrator, Operations } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { moduleList, shape, writeScriptDirectory } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
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
  // Importing the files is part of the files case but not of the floor: measured alone, in
  // a process of its own (an import is cached per process).
  const out = execFileSync(process.execPath, [join(here, 'import-floor-case.mjs'), dir], { encoding: 'utf8' })
  importMs = JSON.parse(out.trim().split('\n').pop()).importMs
} else {
  source = { migrations: moduleList(revisions) }
}
const file = join(work, 'retort.db')
rmSync(file, { force: true })
const migrator = new Migrator({ ...source, dialect: sqliteDialect({ filename: file }), transactionMode: mode })
start = performance.now()
const result = await migrator.upgrade('heads')
const retortMs = performance.now() - start
if (result.applied.length !== count) throw new Error(`applied ${result.applied.length} of ${count}`)

// `current` on the database now at the last head: the first call of a new Migrator (which
// reads the revisions), then five more calls on it.
const reader = new Migrator({ ...source, dialect: sqliteDialect({ filename: file }) })
const times = []
for (let i = 0; i < 6; i++) {
  const t = performance.now()
  const { heads } = await reader.current()
  times.push(performance.now() - t)
  if (heads.length !== 1) throw new Error('current did not report the head')
}
const currentFirstMs = times.shift()
times.sort((a, b) => a - b)
console.log(JSON.stringify({ floorMs, importMs, retortMs, currentMs: times[2], currentFirstMs }))
