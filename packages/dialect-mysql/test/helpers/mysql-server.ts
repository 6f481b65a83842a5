// The real MySQL/MariaDB server the tests run against, and throw-away databases on it.
// RETORT_MYSQL_URL overrides the server (a database in it is ignored: the tests make their
// own); every URI a test uses is derived from it. Under CI=true an unreachable server
// fails the tests; elsewhere they are skipped with a message.
//
// A test never ends another session. Sessions still connected to a test database when
// its test is over are a failure that names them (expectNoOtherSessions, drop), so a leak
// shows up where it happens instead of being swept away.
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import { describe } from 'vitest'
import { expectNoLeftoverSessions } from '../../../core/test/helpers/leftover-sessions.js'
import { waitUntil } from '../../../core/test/helpers/migrate-children.js'

export { waitUntil }

/** `url` with another database (none when `database` is empty). */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = database === '' ? '' : `/${database}`
  return parsed.toString().replace(/\/$/, '')
}

/** The server, without a database: `mysql://user[:password]@host[:port]`. */
export const SERVER_URL = withDatabase(
  process.env['RETORT_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306',
  '',
)

/** The user of SERVER_URL, as the server names it in messages (`root`). */
export const SERVER_USER = decodeURIComponent(new URL(SERVER_URL).username) || 'root'

const ci = process.env['CI'] === 'true' || process.env['CI'] === '1'

async function probe(): Promise<string | undefined> {
  try {
    const connection = await mysql.createConnection({ uri: SERVER_URL, connectTimeout: 5000 })
    await connection.query('SELECT 1')
    await connection.end()
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const unreachable = await probe()
if (unreachable !== undefined) {
  if (ci) {
    throw new Error(
      `the MySQL/MariaDB test server ${SERVER_URL} is unreachable (${unreachable}); CI=true needs it: start it (see .ci/run)`,
    )
  }
  console.warn(
    `skipping MySQL tests: ${SERVER_URL} is unreachable (${unreachable}); start MariaDB or set RETORT_MYSQL_URL`,
  )
}

/** `describe` when the server is up; `describe.skip` (with the warning above) when not, outside CI. */
export const describeMysql = unreachable === undefined ? describe : describe.skip

/** The server URI with `database` selected. */
export function uriFor(database: string): string {
  return withDatabase(SERVER_URL, database)
}

/**
 * How Retort describes an application's pool or connection made from `uriFor(database)`:
 * user, host, port (mysql2's default filled in) and database, never the password.
 */
export function describedServer(database: string): string {
  const url = new URL(SERVER_URL)
  return `mysql://${SERVER_USER}@${url.hostname}:${url.port || '3306'}/${database}`
}

/** A fresh database `retort_test_<random>` and its URI; `drop()` removes it. */
export interface TestDatabase {
  readonly name: string
  readonly uri: string
  /** A connection of the test itself (not Retort's), for setup and checks. */
  readonly admin: mysql.Connection
  /** The sessions using this database other than `admin`, described for a message. */
  otherSessions(): Promise<string[]>
  /**
   * Fails, naming them, when sessions other than `admin` stay connected to this database:
   * a test ends every connection it (or Retort) opened. Sessions are never killed here.
   */
  expectNoOtherSessions(): Promise<void>
  /** Waits until the server has ended the sessions `ids` (their process was killed). */
  sessionsEnded(ids: readonly number[]): Promise<void>
  /** Checks that no other session is left (see `expectNoOtherSessions`), then drops the database. */
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `retort_test_${randomBytes(6).toString('hex')}`
  const root = await mysql.createConnection({ uri: SERVER_URL })
  try {
    await root.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`)
  } finally {
    await root.end()
  }
  const uri = uriFor(name)
  const admin = await mysql.createConnection({ uri, timezone: 'Z' })
  const others = async () =>
    (
      await admin.query<mysql.RowDataPacket[]>(
        'SELECT ID AS id, USER AS user, COMMAND AS command, STATE AS state, INFO AS info FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() ORDER BY ID',
        [name],
      )
    )[0]
  const describeSession = (row: mysql.RowDataPacket) =>
    `connection ${String(row['id'])} (${String(row['user'])}, ${String(row['command'])}${row['state'] ? ` ${String(row['state'])}` : ''}${row['info'] ? `: ${JSON.stringify(String(row['info']).slice(0, 200))}` : ''})`
  const otherSessions = async () => (await others()).map(describeSession)
  const expectNoOtherSessions = () =>
    expectNoLeftoverSessions(`\`${name}\``, others, describeSession)
  return {
    name,
    uri,
    admin,
    otherSessions,
    expectNoOtherSessions,
    async sessionsEnded(ids) {
      await waitUntil(
        async () =>
          (
            await admin.query<mysql.RowDataPacket[]>(
              'SELECT ID FROM information_schema.PROCESSLIST WHERE ID IN (?)',
              [ids],
            )
          )[0].length === 0,
      )
    },
    async drop() {
      try {
        await expectNoOtherSessions()
      } catch (error) {
        await admin.end().catch(() => {})
        throw new Error(`${(error as Error).message} (the database is left in place)`)
      }
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await admin.end()
    },
  }
}
