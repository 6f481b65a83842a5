// One runtime benchmark case on PostgreSQL: upgrade base->head on a fresh database, next to
// the floor (the same compiled DDL sent directly with pg, in the same transaction pattern),
// in its own process. Each database is created for the run and dropped after it.
// argv: kind (linear|branchy), count, mode (each|all|none), source (modules|files), workDir
// RETORT_POSTGRES_URL: the server (default postgresql://postgres@127.0.0.1:5432/test).
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { Migrator, Operations } from '@retort/core'
import { postgresDialect } from '@retort/dialect-postgres'
import { moduleList, shape, writeScriptDirectory } from './generate.mjs'
import { importFloorMs, measureCurrent } from './measure.mjs'

const [kind, countText, mode, sourceKind, work] = process.argv.slice(2)
const count = Number(countText)
const revisions = shape(kind, count)
mkdirSync(work, { recursive: true })

const server = process.env.RETORT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
const urlFor = (database) => {
  const url = new URL(server)
  url.pathname = `/${database}`
  return url.toString()
}
const admin = new pg.Client({ connectionString: server })
await admin.connect()
const suffix = randomBytes(4).toString('hex')
const floorDb = `retort_bench_floor_${suffix}`
const retortDb = `retort_bench_${suffix}`
await admin.query(`CREATE DATABASE "${floorDb}"`)
await admin.query(`CREATE DATABASE "${retortDb}"`)

try {
  // The floor: every revision's DDL, compiled once up front, executed directly.
  const compiler = postgresDialect({ connectionString: urlFor(floorDb) }).createCompiler()
  const ddl = moduleList(revisions).map((module) => {
    const op = new Operations({ dialect: 'postgresql', offline: true })
    module.upgrade(op)
    return op.takePending().flatMap((operation) => compiler.compile(operation))
  })
  const floor = new pg.Client({ connectionString: urlFor(floorDb) })
  await floor.connect()
  let start = performance.now()
  if (mode === 'all') await floor.query('BEGIN')
  for (const statements of ddl) {
    if (mode === 'each') await floor.query('BEGIN')
    for (const statement of statements) {
      if (statement.parameters.length === 0) await floor.query(statement.sql)
      else await floor.query({ text: statement.sql, values: statement.parameters })
    }
    if (mode === 'each') await floor.query('COMMIT')
  }
  if (mode === 'all') await floor.query('COMMIT')
  const floorMs = performance.now() - start
  await floor.end()

  let source
  let importMs = 0
  if (sourceKind === 'files') {
    const dir = join(work, `scripts-pg-${kind}-${count}`)
    writeScriptDirectory(dir, revisions, 'mjs')
    source = { scriptLocation: dir }
    importMs = importFloorMs(dir)
  } else {
    source = { migrations: moduleList(revisions) }
  }
  const migrator = new Migrator({
    ...source,
    dialect: postgresDialect({ connectionString: urlFor(retortDb) }),
    transactionMode: mode,
  })
  start = performance.now()
  const result = await migrator.upgrade('heads')
  const retortMs = performance.now() - start
  if (result.applied.length !== count)
    throw new Error(`applied ${result.applied.length} of ${count}`)

  const { currentFirstMs, currentMs } = await measureCurrent(
    new Migrator({ ...source, dialect: postgresDialect({ connectionString: urlFor(retortDb) }) }),
  )
  console.log(JSON.stringify({ floorMs, importMs, retortMs, currentMs, currentFirstMs }))
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${floorDb}" WITH (FORCE)`)
  await admin.query(`DROP DATABASE IF EXISTS "${retortDb}" WITH (FORCE)`)
  await admin.end()
}
