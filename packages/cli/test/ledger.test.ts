// The ledger: one row per step run, written with the step (in its transaction where the
// dialect allows), in every transaction mode, for a `transaction: false` revision, and for
// a failure mid-run (the ledger says what happened). On each dialect.
import { afterEach, expect, it } from 'vitest'
import { revisionFileChecksum } from '../../core/src/schema/revision-checksum.js'
import type { DatabaseLedger } from '../../core/src/commands/ledger.js'
import { INTEGRITY_TARGETS } from './helpers/integrity-targets.js'
import {
  ADD_NICKNAME,
  CREATE_ACCOUNT,
  FAILING,
  INDEX_EMAIL,
  integrityProject,
  type IntegrityProject,
} from './helpers/integrity-project.js'

const THREE = {
  a1a1a1a1a1a1: CREATE_ACCOUNT,
  b2b2b2b2b2b2: ADD_NICKNAME,
  c3c3c3c3c3c3: INDEX_EMAIL,
}

for (const target of INTEGRITY_TARGETS) {
  target.describe(`ledger (${target.name})`, () => {
    let project: IntegrityProject | undefined
    afterEach(async () => {
      await project?.cleanup()
      project = undefined
    })

    const rowsOf = async (p: IntegrityProject) => {
      const { code, body } = await p.json<DatabaseLedger[]>('ledger')
      expect(code).toBe(0)
      expect(body).toHaveLength(1)
      return body[0]!.rows
    }

    for (const mode of ['each', 'all', 'none'] as const) {
      it(`transactionMode ${mode}: a row for every step up and down, with checksum, version and appliedBy`, async () => {
        const p = (project = await integrityProject(
          target,
          THREE,
          `transactionMode: ${mode}\nappliedBy: deploy@ci\n`,
        ))
        // No ledger before the first run; reading does not create one.
        expect(await rowsOf(p)).toEqual([])
        expect((await p.retort('upgrade', 'head')).code).toBe(0)
        expect((await p.retort('downgrade', 'a1a1a1a1a1a1')).code).toBe(0)
        const rows = await rowsOf(p)
        expect(rows.map((r) => [r.revision, r.direction, r.outcome])).toEqual([
          ['a1a1a1a1a1a1', 'up', 'applied'],
          ['b2b2b2b2b2b2', 'up', 'applied'],
          ['c3c3c3c3c3c3', 'up', 'applied'],
          ['c3c3c3c3c3c3', 'down', 'applied'],
          ['b2b2b2b2b2b2', 'down', 'applied'],
        ])
        for (const row of rows) {
          expect(row.checksum).toBe(revisionFileChecksum(p.path(row.revision)))
          expect(row.appliedBy).toBe('deploy@ci')
          expect(row.retortVersion).toMatch(/^\d+\.\d+\.\d+/)
          expect(Number.isNaN(Date.parse(row.ranAt))).toBe(false)
          expect(row.durationMs).toBeGreaterThanOrEqual(0)
        }
        expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
        // history --ledger shows the same rows as text.
        const text = await p.retort('history', '--ledger')
        expect(text.code).toBe(0)
        expect(text.stdout).toContain('retort_version_ledger')
        expect(text.stdout.match(/c3c3c3c3c3c3/g)).toHaveLength(2)
      })
    }

    it('a failure mid-run: the steps before it are applied, the failing one is recorded as failed', async () => {
      const p = (project = await integrityProject(target, { ...THREE, d4d4d4d4d4d4: FAILING }))
      const run = await p.retort('upgrade', 'head')
      expect(run.code).toBe(1)
      const rows = await rowsOf(p)
      expect(rows.map((r) => [r.revision, r.direction, r.outcome])).toEqual([
        ['a1a1a1a1a1a1', 'up', 'applied'],
        ['b2b2b2b2b2b2', 'up', 'applied'],
        ['c3c3c3c3c3c3', 'up', 'applied'],
        ['d4d4d4d4d4d4', 'up', 'failed'],
      ])
      const failed = rows[3]!
      expect(failed.note).toContain('no_such_table')
      // MySQL cannot roll back the CREATE TABLE before the failing statement.
      expect(failed.note).toMatch(target.name === 'mysql' ? /^stopped part-way/ : /^rolled back/)
      expect(failed.checksum).toBe(revisionFileChecksum(p.path('d4d4d4d4d4d4')))
    })

    it("transactionMode all, failure: the rolled-back steps leave no 'applied' row", async () => {
      const p = (project = await integrityProject(
        target,
        {
          a1a1a1a1a1a1: CREATE_ACCOUNT,
          b2b2b2b2b2b2: ADD_NICKNAME,
          d4d4d4d4d4d4: FAILING.replace('downRevision: c3c3c3c3c3c3', 'downRevision: b2b2b2b2b2b2'),
        },
        'transactionMode: all\n',
      ))
      expect((await p.retort('upgrade', 'a1a1a1a1a1a1')).code).toBe(0)
      expect((await p.retort('upgrade', 'head')).code).toBe(1)
      const rows = (await rowsOf(p)).map((r) => [r.revision, r.outcome])
      // PostgreSQL and SQLite roll b2 back with the rest; MySQL commits each DDL statement.
      expect(rows).toEqual([
        ['a1a1a1a1a1a1', 'applied'],
        ...(target.name === 'mysql' ? [['b2b2b2b2b2b2', 'applied']] : []),
        ['d4d4d4d4d4d4', 'failed'],
      ])
      const current = await p.json<{ heads: string[] }>('current')
      expect(current.body.heads).toEqual([
        target.name === 'mysql' ? 'b2b2b2b2b2b2' : 'a1a1a1a1a1a1',
      ])
    })
  })
}
