// The dialect conformance suite of @retort/core, on the real MySQL/MariaDB server: one
// fresh database per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runConformanceSuite } from '@retort/core/testing'
import { mysqlDialect } from '../src/mysql-dialect.js'
import { createTestDatabase, describeMysql } from './helpers/mysql-server.js'

runConformanceSuite(
  { describe: describeMysql, it, expect, beforeEach, afterEach },
  {
    name: 'mysql',
    // A schema is a database: the test's own.
    capabilities: { comments: true, qualifiedNames: true },
    async createDatabase() {
      const database = await createTestDatabase()
      return {
        dialect: mysqlDialect({ uri: database.uri }),
        schema: database.name,
        cleanup: () => database.drop(),
      }
    },
  },
)
