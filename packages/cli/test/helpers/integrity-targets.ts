// The three dialects the integrity tests (drift, ledger, verify, squash) run on, each with
// a fresh database of its own: a file for SQLite, a database for PostgreSQL and MySQL.
import { join } from 'node:path'
import { describe } from 'vitest'
import type { Dialect } from '../../../core/src/index.js'
import { mysqlDialect } from '../../../dialect-mysql/src/index.js'
import * as mysqlServer from '../../../dialect-mysql/test/helpers/mysql-server.js'
import { postgresDialect } from '../../../dialect-postgres/src/index.js'
import * as postgresServer from '../../../dialect-postgres/test/helpers/postgres-server.js'
import { sqliteDialect } from '../../../dialect-sqlite/src/index.js'

/** One database to run a scenario on. */
export interface IntegrityDatabase {
  /** The `url` line of retort.yaml. */
  readonly url: string
  /** A dialect on the same database, for the test's own statements and introspection. */
  readonly dialect: Dialect
  /** Runs statements outside Retort ("by hand"). */
  execute(...sql: string[]): Promise<Record<string, unknown>[]>
  drop(): Promise<void>
}

/** A dialect's name, how to skip it when its server is absent, and how to make a database. */
export interface IntegrityTarget {
  readonly name: 'sqlite' | 'postgresql' | 'mysql'
  readonly describe: typeof describe
  /** `DROP INDEX` in this dialect's words. */
  dropIndex(index: string, table: string): string
  create(dir: string, file?: string): Promise<IntegrityDatabase>
}

async function executeWith(dialect: Dialect, sql: readonly string[]) {
  const driver = dialect.createDriver()
  try {
    const connection = await driver.connect()
    try {
      let rows: Record<string, unknown>[] = []
      for (const statement of sql) {
        const result = await connection.execute({ sql: statement, parameters: [] })
        rows = result.rows as Record<string, unknown>[]
      }
      return rows
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}

export const INTEGRITY_TARGETS: readonly IntegrityTarget[] = [
  {
    name: 'sqlite',
    describe,
    dropIndex: (index) => `DROP INDEX ${index}`,
    async create(dir, file = 'app.db') {
      const dialect = sqliteDialect({ filename: join(dir, file) })
      return {
        url: `sqlite:///${file}`,
        dialect,
        execute: (...sql) => executeWith(dialect, sql),
        drop: async () => {},
      }
    },
  },
  {
    name: 'postgresql',
    describe: postgresServer.describePostgres,
    dropIndex: (index) => `DROP INDEX ${index}`,
    async create() {
      const db = await postgresServer.createTestDatabase()
      const dialect = postgresDialect({ connectionString: db.url })
      return {
        url: db.url,
        dialect,
        execute: (...sql) => executeWith(dialect, sql),
        drop: () => db.drop(),
      }
    },
  },
  {
    name: 'mysql',
    describe: mysqlServer.describeMysql,
    dropIndex: (index, table) => `DROP INDEX ${index} ON ${table}`,
    async create() {
      const db = await mysqlServer.createTestDatabase()
      const dialect = mysqlDialect({ uri: db.uri })
      return {
        url: db.uri,
        dialect,
        execute: (...sql) => executeWith(dialect, sql),
        drop: () => db.drop(),
      }
    },
  },
]
