// The real PostgreSQL server the tests run against, and one throw-away database per test
// file. RETORT_POSTGRES_URL overrides the server (its database is the one new databases are
// created from). Under CI=true an unreachable server fails the tests; elsewhere they are
// skipped with a message.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe } from 'vitest'

export const SERVER_URL =
  process.env['RETORT_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test'

const ci = process.env['CI'] === 'true' || process.env['CI'] === '1'

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

const unreachable = await probe()
if (unreachable !== undefined) {
  if (ci) {
    throw new Error(
      `the PostgreSQL test server ${SERVER_URL} is unreachable (${unreachable}); CI=true needs it: start it`,
    )
  }
  console.warn(
    `skipping PostgreSQL tests: ${SERVER_URL} is unreachable (${unreachable}); start PostgreSQL or set RETORT_POSTGRES_URL`,
  )
}

/** `describe` when the server is up; `describe.skip` (with the warning above) when not, outside CI. */
export const describePostgres = unreachable === undefined ? describe : describe.skip

/** The server URL with another database. */
export function urlFor(database: string): string {
  const url = new URL(SERVER_URL)
  url.pathname = `/${database}`
  return url.toString()
}

/** A fresh database `retort_test_<random>` and its URL; `drop()` removes it. */
export interface TestDatabase {
  readonly name: string
  readonly url: string
  /** A client of the test itself (not Retort's), for setup and checks. */
  readonly admin: pg.Client
  query(sql: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `retort_test_${randomBytes(6).toString('hex')}`
  const root = new pg.Client({ connectionString: SERVER_URL })
  await root.connect()
  await root.query(`CREATE DATABASE "${name}"`)
  await root.end()
  const url = urlFor(name)
  const admin = new pg.Client({ connectionString: url })
  admin.on('error', () => {})
  await admin.connect()
  return {
    name,
    url,
    admin,
    async query(sql, parameters = []) {
      return (await admin.query(sql, parameters)).rows as Record<string, unknown>[]
    },
    async drop() {
      await admin.end().catch(() => {})
      const dropper = new pg.Client({ connectionString: SERVER_URL })
      await dropper.connect()
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    },
  }
}
