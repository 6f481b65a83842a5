// The dialect conformance suite of @retort/core, on SQLite files.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runConformanceSuite } from '@retort/core/testing'
import { sqliteDialect } from '../src/sqlite-dialect.js'

runConformanceSuite(
  { describe, it, expect, beforeEach, afterEach },
  {
    name: 'sqlite',
    // SQLite has no table or column comments (the comment operations compile to nothing);
    // a schema is an attached database, `main` the file itself.
    capabilities: { comments: false, qualifiedNames: true },
    async createDatabase() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-conformance-'))
      return {
        dialect: sqliteDialect({ filename: path.join(dir, 'test.db') }),
        schema: 'main',
        cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
)
