// The real MySQL/MariaDB server the tests run against, and one throw-away database per
// test file. RETORT_MYSQL_URL overrides the server (no database in it). Under CI=true an
// unreachable server fails the tests; elsewhere they are skipped with a message.
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import { describe } from 'vitest'

export const SERVER_URL = (
  process.env['RETORT_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306'
).replace(/\/+$/, '')

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

/** A fresh database `retort_test_<random>` and its URI; `drop()` removes it. */
export interface TestDatabase {
  readonly name: string
  readonly uri: string
  /** A connection of the test itself (not Retort's), for setup and checks. */
  readonly admin: mysql.Connection
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `retort_test_${randomBytes(6).toString('hex')}`
  const root = await mysql.createConnection({ uri: SERVER_URL })
  await root.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`)
  await root.end()
  const uri = `${SERVER_URL}/${name}`
  const admin = await mysql.createConnection({ uri, timezone: 'Z' })
  return {
    name,
    uri,
    admin,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await admin.end()
    },
  }
}
