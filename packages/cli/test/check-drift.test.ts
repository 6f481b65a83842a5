// `retort check` reports schema drift: the live schema compared with the schema the applied
// revisions produce (replayed on a scratch database of the same dialect). On each dialect:
// a column added by hand and an index dropped by hand make check exit 1 naming them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { retortInProcess } from './helpers/in-process.js'
import { INTEGRITY_TARGETS, type IntegrityDatabase } from './helpers/integrity-targets.js'
import { createProject } from './helpers/project.js'

const CREATE_ACCOUNT = `revision: a1a1a1a1a1a1
downRevision: null
message: create account
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: email, type: string, length: 120, nullable: false }
`
const INDEX_EMAIL = `revision: b2b2b2b2b2b2
downRevision: a1a1a1a1a1a1
message: index email
upgrade:
  - createIndex: { name: ix_account_email, table: account, columns: [email] }
`

interface Problem {
  kind: string
  message: string
  object?: { type: string; table?: string; name?: string }
  change?: string
}

for (const target of INTEGRITY_TARGETS) {
  target.describe(`check reports schema drift (${target.name})`, () => {
    let project: ReturnType<typeof createProject>
    let db: IntegrityDatabase

    beforeAll(async () => {
      project = createProject(`retort-drift-${target.name}-`)
      db = await target.create(project.dir)
      mkdirSync(join(project.dir, 'migrations/versions'), { recursive: true })
      writeFileSync(
        join(project.dir, 'retort.yaml'),
        `scriptLocation: migrations\nurl: ${db.url}\n`,
      )
      writeFileSync(
        join(project.dir, 'migrations/versions/a1a1a1a1a1a1_create_account.yaml'),
        CREATE_ACCOUNT,
      )
      writeFileSync(
        join(project.dir, 'migrations/versions/b2b2b2b2b2b2_index_email.yaml'),
        INDEX_EMAIL,
      )
    })
    afterAll(async () => {
      await db?.drop()
      project?.cleanup()
    })

    const check = async () => {
      const result = await retortInProcess(project.dir, ['--json', 'check', '--no-cache'])
      const json = JSON.parse(result.stdout) as { ok: boolean; problems: Problem[] }
      return { code: result.code, ...json }
    }

    it('an untouched database has no drift; a hand-made column and a dropped index are named', async () => {
      expect((await retortInProcess(project.dir, ['upgrade', 'head'])).code).toBe(0)
      const clean = await check()
      expect(clean).toMatchObject({ code: 0, ok: true, problems: [] })

      await db.execute('ALTER TABLE account ADD COLUMN nickname VARCHAR(40)')
      const added = await check()
      expect(added.code).toBe(1)
      expect(added.problems).toEqual([
        expect.objectContaining({
          kind: 'drift',
          change: 'extra',
          object: { type: 'column', table: 'account', name: 'nickname' },
        }),
      ])

      await db.execute(target.dropIndex('ix_account_email', 'account'))
      const dropped = await check()
      expect(dropped.code).toBe(1)
      expect(dropped.problems.map((p) => [p.kind, p.change, p.object])).toEqual(
        expect.arrayContaining([
          ['drift', 'extra', { type: 'column', table: 'account', name: 'nickname' }],
          ['drift', 'missing', { type: 'index', table: 'account', name: 'ix_account_email' }],
        ]),
      )
      expect(dropped.problems).toHaveLength(2)

      // The text output names both objects, and says what to do.
      const text = await retortInProcess(project.dir, ['check', '--no-cache'])
      expect(text.code).toBe(1)
      expect(text.stdout).toContain(
        "column 'account.nickname' is in the database but no revision adds it",
      )
      expect(text.stdout).toContain(
        "index 'ix_account_email' on 'account' is made by the revisions but missing from the database",
      )
      expect(text.stderr).toContain('check found 2 problems')
      // --no-drift leaves the comparison out.
      expect((await retortInProcess(project.dir, ['check', '--no-drift'])).code).toBe(0)

      // Undone by hand: no drift again.
      await db.execute(
        'ALTER TABLE account DROP COLUMN nickname',
        'CREATE INDEX ix_account_email ON account (email)',
      )
      expect(await check()).toMatchObject({ code: 0, ok: true, problems: [] })
    })
  })
}
