// `retort check` verifies applied revisions against the ledger: an applied revision whose
// file changed since it ran is named (old and new checksum), `--allow-changed` accepts a
// known edit and records it, a re-saved file (line endings, trailing spaces) is no change,
// `ledger --adopt` records what a database applied before the ledger, and a revision the
// ledger says is applied whose file is gone is named. On each dialect.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import type { CheckResult } from '../../core/src/commands/check.js'
import type { DatabaseLedger } from '../../core/src/commands/ledger.js'
import { revisionFileChecksum } from '../../core/src/schema/revision-checksum.js'
import { INTEGRITY_TARGETS } from './helpers/integrity-targets.js'
import {
  ADD_NICKNAME,
  CREATE_ACCOUNT,
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
  target.describe(`check verifies applied revisions (${target.name})`, () => {
    let project: IntegrityProject | undefined
    afterEach(async () => {
      await project?.cleanup()
      project = undefined
    })

    it('an edited applied revision fails check naming it; --allow-changed clears it and records it', async () => {
      const p = (project = await integrityProject(target, THREE))
      expect((await p.retort('upgrade', 'head')).code).toBe(0)
      expect((await p.json<CheckResult>('check')).code).toBe(0)

      // Re-saved with CRLF and trailing spaces: the same checksum.
      const original = readFileSync(p.path('b2b2b2b2b2b2'), 'utf8')
      writeFileSync(p.path('b2b2b2b2b2b2'), original.replace(/\n/g, '  \r\n'))
      expect((await p.json<CheckResult>('check')).code).toBe(0)

      const recorded = revisionFileChecksum(p.path('b2b2b2b2b2b2'))
      writeFileSync(p.path('b2b2b2b2b2b2'), original.replace('add nickname', 'add a nickname'))
      const current = revisionFileChecksum(p.path('b2b2b2b2b2b2'))
      const failed = await p.json<CheckResult>('check')
      expect(failed.code).toBe(1)
      expect(failed.body.problems).toEqual([
        expect.objectContaining({
          kind: 'changed',
          revision: 'b2b2b2b2b2b2',
          checksum: { recorded, current },
        }),
      ])
      const text = await p.retort('check')
      expect(text.code).toBe(1)
      expect(text.stdout).toContain("revision 'b2b2b2b2b2b2' was changed after it ran")
      expect(text.stderr).toContain('--allow-changed')

      // A misspelt id is refused before anything is written.
      const typo = await p.retort('check', '--allow-changed', 'b2b2b2b2b2b3')
      expect(typo.code).toBe(1)
      expect(typo.stderr).toContain("did you mean 'b2b2b2b2b2b2'?")

      const accepted = await p.retort('check', '--allow-changed', 'b2b2b2b2b2b2')
      expect(accepted.code).toBe(0)
      expect(accepted.stdout).toContain('accepted the edit of b2b2b2b2b2b2')
      expect((await p.json<CheckResult>('check')).code).toBe(0)
      const ledger = await p.json<DatabaseLedger[]>('ledger')
      expect(ledger.body[0]!.rows.at(-1)).toMatchObject({
        revision: 'b2b2b2b2b2b2',
        outcome: 'accepted',
        checksum: current,
      })
    })

    it('ledger --adopt records a database migrated before the ledger; then edits are seen', async () => {
      const p = (project = await integrityProject(target, THREE))
      expect((await p.retort('upgrade', 'head')).code).toBe(0)
      // As if the database had been migrated before the ledger existed.
      await p.db.execute('DROP TABLE retort_version_ledger')
      expect((await p.json<DatabaseLedger[]>('ledger')).body[0]!.rows).toEqual([])
      writeFileSync(p.path('a1a1a1a1a1a1'), `# reviewed\n${CREATE_ACCOUNT}`)
      // Without a ledger nothing is known to have changed.
      expect((await p.json<CheckResult>('check')).code).toBe(0)

      const adopt = await p.json<DatabaseLedger[]>('ledger', '--adopt')
      expect(adopt.code).toBe(0)
      expect(adopt.body[0]!.adopted).toEqual(['a1a1a1a1a1a1', 'b2b2b2b2b2b2', 'c3c3c3c3c3c3'])
      expect(adopt.body[0]!.rows.map((r) => r.outcome)).toEqual(['adopted', 'adopted', 'adopted'])
      // Adopting again adds nothing.
      expect((await p.json<DatabaseLedger[]>('ledger', '--adopt')).body[0]!.adopted).toEqual([])

      writeFileSync(p.path('c3c3c3c3c3c3'), INDEX_EMAIL.replace('index email', 'index e-mail'))
      const failed = await p.json<CheckResult>('check')
      expect(failed.code).toBe(1)
      expect(failed.body.problems.map((x) => [x.kind, x.revision])).toEqual([
        ['changed', 'c3c3c3c3c3c3'],
      ])
    })

    it('an applied revision whose file is missing is named', async () => {
      const p = (project = await integrityProject(target, THREE))
      expect((await p.retort('upgrade', 'head')).code).toBe(0)
      rmSync(p.path('c3c3c3c3c3c3'))
      const failed = await p.json<CheckResult>('check')
      expect(failed.code).toBe(1)
      expect(failed.body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'missing-file', revision: 'c3c3c3c3c3c3' }),
        ]),
      )
    })
  })
}
