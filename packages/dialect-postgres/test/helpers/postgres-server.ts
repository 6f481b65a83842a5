// The real PostgreSQL server the tests run against, and throw-away databases on it.
// RETORT_POSTGRES_URL overrides the server (its database is the one new databases are
// created from); every URL a test uses is derived from it. Under CI=true an unreachable
// server fails the tests; elsewhere they are skipped with a message.
//
// A test never ends another session. Sessions still connected to a test database when
// its test is over are a failure that names them (expectNoOtherSessions, drop), so a leak
// shows up where it happens instead of being swept away.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe } from 'vitest'
import { expectNoLeftoverSessions } from '../../../core/test/helpers/leftover-sessions.js'
import { waitUntil } from '../../../core/test/helpers/migrate-children.js'

export { waitUntil }

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

/**
 * How Retort describes a session of `url` (a connection string, an application pool or
 * client made from it): scheme, user, host and database, the password masked.
 */
export function describedUrl(url: string): string {
  const parsed = new URL(url)
  const password = parsed.password !== '' || parsed.searchParams.has('password') ? ':***' : ''
  const user = parsed.username === '' ? '' : `${parsed.username}${password}@`
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`
}

/** A fresh database `retort_test_<random>` and its URL; `drop()` removes it. */
export interface TestDatabase {
  readonly name: string
  readonly url: string
  /** A client of the test itself (not Retort's), for setup and checks. */
  readonly admin: pg.Client
  query(sql: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>
  /** The client sessions on this database other than `admin`, described for a message. */
  otherSessions(): Promise<string[]>
  /**
   * Fails, naming them, when client sessions other than `admin` stay connected to this
   * database: a test ends every session it (or Retort) opened. Sessions are never
   * terminated here.
   */
  expectNoOtherSessions(): Promise<void>
  /** Waits until the server has ended the sessions `pids` (their process was killed). */
  sessionsEnded(pids: readonly number[]): Promise<void>
  /** Checks that no other session is left (see `expectNoOtherSessions`), then drops the database. */
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `retort_test_${randomBytes(6).toString('hex')}`
  const root = new pg.Client({ connectionString: SERVER_URL })
  await root.connect()
  try {
    await root.query(`CREATE DATABASE "${name}"`)
  } finally {
    await root.end()
  }
  const url = urlFor(name)
  const admin = new pg.Client({ connectionString: url })
  admin.on('error', () => {})
  await admin.connect()
  const query = async (sql: string, parameters: unknown[] = []) =>
    (await admin.query(sql, parameters)).rows as Record<string, unknown>[]
  const others = async () =>
    query(
      "SELECT pid, application_name, state, query FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY pid",
      [name],
    )
  const describeSession = (row: Record<string, unknown>) =>
    `pid ${String(row['pid'])} (application_name '${String(row['application_name'])}', ${String(row['state'])}, last query: ${JSON.stringify(String(row['query'] ?? '').slice(0, 200))})`
  const otherSessions = async () => (await others()).map(describeSession)
  const expectNoOtherSessions = () => expectNoLeftoverSessions(`"${name}"`, others, describeSession)
  return {
    name,
    url,
    admin,
    query,
    otherSessions,
    expectNoOtherSessions,
    async sessionsEnded(pids) {
      await waitUntil(
        async () =>
          (await query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids]))
            .length === 0,
      )
    },
    async drop() {
      try {
        await expectNoOtherSessions()
      } catch (error) {
        await admin.end().catch(() => {})
        throw new Error(`${(error as Error).message} (the database is left in place)`)
      }
      await admin.end().catch(() => {})
      const dropper = new pg.Client({ connectionString: SERVER_URL })
      await dropper.connect()
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}"`)
      } finally {
        await dropper.end()
      }
    },
  }
}
