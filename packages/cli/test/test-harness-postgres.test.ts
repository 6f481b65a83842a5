import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { HarnessError, runStairway, stairway } from '@retort/core/testing'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { expectedFinding, writeHistory, type PlantedDefect } from './helpers/harness-history.js'

// The stairway on PostgreSQL: each test has its own database, and the harness works in a
// scratch schema of it (`retort_autogen_*`) that is dropped afterwards.
describePostgres('stairway (PostgreSQL)', () => {
  let db: TestDatabase
  let dir: string
  beforeEach(async () => {
    db = await createTestDatabase()
    dir = mkdtempSync(join(tmpdir(), 'retort-harness-pg-'))
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    const left = await db.query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retort\\_autogen\\_%'",
    )
    await db.drop()
    expect(left).toEqual([])
  })

  it('passes a correct history', async () => {
    const result = await runStairway({ scriptLocation: writeHistory(dir), url: db.url })
    expect(result.findings).toEqual([])
    expect(result).toMatchObject({ ok: true, dialect: 'postgresql', revisions: 5 })
    expect(result.summary).toBe(`5 revisions up, down and up again on ${db.url}`)
    // Nothing of the database itself was touched: no table in its public schema.
    expect(await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual(
      [],
    )
  })

  it.each(['index', 'default', 'foreignKey', 'table'] as const)(
    'catches a downgrade that forgets a %s',
    async (defect: PlantedDefect) => {
      const error = await stairway({
        scriptLocation: writeHistory(dir, defect),
        url: db.url,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(HarnessError)
      const { findings } = error as HarnessError
      const wanted = expectedFinding(defect)
      const hit = findings.find((f) => f.object?.kind === wanted.kind)
      expect(hit, findings.map((f) => f.message).join('\n')).toMatchObject({
        revision: wanted.revision,
        operation: 'downgrade',
      })
      if (wanted.name !== '') expect(hit!.object!.name).toBe(wanted.name)
      expect(hit!.message).toMatch(new RegExp(`^downgrade of ${wanted.revision} \\(`))
      expect(new Set(findings.map((f) => f.revision))).toEqual(new Set([wanted.revision]))
    },
  )

  it('names a foreign key by its name', async () => {
    const error = (await stairway({
      scriptLocation: writeHistory(dir, 'foreignKey'),
      url: db.url,
    }).catch((e: unknown) => e)) as HarnessError
    expect(error.findings.map((f) => f.message)).toContain(
      "downgrade of d4d4d4d4d4d4 ('note author key') leaves foreign key 'fk_note_author' 'note' (author_id) -> 'account' (id)",
    )
  })
})
