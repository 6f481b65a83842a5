// The dialect conformance suite of @retort/core, on the real PostgreSQL server: one fresh
// database per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runConformanceSuite } from '@retort/core/testing'
import { postgresDialect } from '../src/postgres-dialect.js'
import { createTestDatabase, describePostgres } from './helpers/postgres-server.js'

runConformanceSuite(
  { describe: describePostgres, it, expect, beforeEach, afterEach },
  {
    name: 'postgres',
    capabilities: { comments: true, qualifiedNames: true },
    async createDatabase() {
      const database = await createTestDatabase()
      return {
        dialect: postgresDialect({ connectionString: database.url }),
        schema: 'public',
        cleanup: () => database.drop(),
      }
    },
  },
)
