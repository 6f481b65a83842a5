// Many databases through the same revisions with migrateMany, in its own process: SQLite
// tenant files (kind sqlite) or PostgreSQL schemas of one database (kind postgres, URL in
// RETORT_POSTGRES_URL). Prints one JSON line.
// argv: kind, databases, revisions, concurrency, workDir
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Config, migrateMany } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { moduleList, shape } from './generate.mjs'

const [kind, databasesText, revisionsText, concurrencyText, work] = process.argv.slice(2)
const databases = Number(databasesText)
const concurrency = Number(concurrencyText)
const migrations = moduleList(shape('linear', Number(revisionsText)))
const config = new Config({})
let targets
let cleanup = async () => {}
if (kind === 'postgres') {
  const { default: pg } = await import('pg')
  const { postgresDialect } = await import('@retort/dialect-postgres')
  const url = process.env.RETORT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const prefix = `retort_bench_${process.pid}_`
  const schemas = Array.from({ length: databases }, (_, i) => `${prefix}${i}`)
  const pool = new pg.Pool({ connectionString: url, max: concurrency })
  targets = schemas.map((schema) => ({ name: schema, dialect: postgresDialect({ pool, schema }) }))
  cleanup = async () => {
    await pool.end()
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await admin.end()
  }
} else {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  targets = Array.from({ length: databases }, (_, i) => ({
    name: `t${i}`,
    dialect: sqliteDialect({ filename: join(work, `t${i}.db`) }),
  }))
}
const started = performance.now()
const result = await migrateMany(config, targets, { migrations, concurrency })
const ms = performance.now() - started
await cleanup()
if (kind !== 'postgres') rmSync(work, { recursive: true, force: true })
if (result.failed.length > 0) throw new Error(`failed: ${result.failed.slice(0, 5).join(', ')}`)
console.log(JSON.stringify({ kind, databases, concurrency, ms, perDbMs: ms / databases }))
