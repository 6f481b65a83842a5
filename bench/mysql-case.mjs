// One runtime benchmark case on MySQL/MariaDB: upgrade base->head on a fresh database, next
// to the floor (the same compiled DDL sent directly with mysql2, in the same transaction
// pattern), in its own process. Each database is created for the run and dropped after it.
// MySQL cannot roll back DDL, so Retort runs every revision outside a transaction and keeps
// its progress record (one more statement per statement): that cost is part of the number.
// argv: kind (linear|branchy), count, mode (each|all|none), source (modules|files), workDir
// RETORT_MYSQL_URL: the server, without a database (default mysql://root@127.0.0.1:3306).
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { Migrator, Operations } from '@retort/core'
import { mysqlDialect } from '@retort/dialect-mysql'
import { moduleList, shape, writeScriptDirectory } from './generate.mjs'
import { importFloorMs, measureCurrent } from './measure.mjs'

const [kind, countText, mode, sourceKind, work] = process.argv.slice(2)
const count = Number(countText)
const revisions = shape(kind, count)
mkdirSync(work, { recursive: true })

const server = (process.env.RETORT_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '')
const urlFor = (database) => `${server}/${database}`
const admin = await mysql.createConnection({ uri: server })
const suffix = randomBytes(4).toString('hex')
const floorDb = `retort_bench_floor_${suffix}`
const retortDb = `retort_bench_${suffix}`
await admin.query(`CREATE DATABASE \`${floorDb}\` CHARACTER SET utf8mb4`)
await admin.query(`CREATE DATABASE \`${retortDb}\` CHARACTER SET utf8mb4`)

try {
  // The floor: every revision's DDL, compiled once up front, executed directly.
  const compiler = mysqlDialect({ uri: urlFor(floorDb) }).createCompiler()
  const ddl = moduleList(revisions).map((module) => {
    const op = new Operations({ dialect: 'mysql', offline: true })
    module.upgrade(op)
    return op.takePending().flatMap((operation) => compiler.compile(operation))
  })
  const floor = await mysql.createConnection({ uri: urlFor(floorDb) })
  let start = performance.now()
  if (mode === 'all') await floor.query('START TRANSACTION')
  for (const statements of ddl) {
    if (mode === 'each') await floor.query('START TRANSACTION')
    for (const statement of statements) {
      if (statement.parameters.length === 0) await floor.query(statement.sql)
      else await floor.execute(statement.sql, statement.parameters)
    }
    if (mode === 'each') await floor.query('COMMIT')
  }
  if (mode === 'all') await floor.query('COMMIT')
  const floorMs = performance.now() - start
  await floor.end()

  let source
  let importMs = 0
  if (sourceKind === 'files') {
    const dir = join(work, `scripts-mysql-${kind}-${count}`)
    writeScriptDirectory(dir, revisions, 'mjs')
    source = { scriptLocation: dir }
    importMs = importFloorMs(dir)
  } else {
    source = { migrations: moduleList(revisions) }
  }
  const migrator = new Migrator({
    ...source,
    dialect: mysqlDialect({ uri: urlFor(retortDb) }),
    transactionMode: mode,
  })
  start = performance.now()
  const result = await migrator.upgrade('heads')
  const retortMs = performance.now() - start
  if (result.applied.length !== count)
    throw new Error(`applied ${result.applied.length} of ${count}`)

  const { currentFirstMs, currentMs } = await measureCurrent(
    new Migrator({ ...source, dialect: mysqlDialect({ uri: urlFor(retortDb) }) }),
  )
  console.log(JSON.stringify({ floorMs, importMs, retortMs, currentMs, currentFirstMs }))
} finally {
  await admin.query(`DROP DATABASE IF EXISTS \`${floorDb}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${retortDb}\``)
  await admin.end()
}
