import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { HarnessError, runStairway, stairway } from '@retort/core/testing'
import {
  createTestDatabase,
  describeMysql,
  type TestDatabase,
} from '../../dialect-mysql/test/helpers/mysql-server.js'
import {
  expectedFinding,
  HISTORY_IDS,
  writeHistory,
  type PlantedDefect,
} from './helpers/harness-history.js'

// The stairway on MariaDB/MySQL: each test has its own database, and the harness works in
// a scratch database `<name>_retort_autogen_*` on the same server, dropped afterwards.
describeMysql('stairway (MariaDB/MySQL)', () => {
  let db: TestDatabase
  let dir: string
  beforeEach(async () => {
    db = await createTestDatabase()
    dir = mkdtempSync(join(tmpdir(), 'retort-harness-my-'))
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    const [left] = await db.admin.query(
      'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?',
      [`${db.name}\\_retort\\_autogen\\_%`],
    )
    await db.drop()
    expect(left).toEqual([])
  })

  it('passes a correct history', async () => {
    const result = await runStairway({ scriptLocation: writeHistory(dir), url: db.uri })
    expect(result.findings).toEqual([])
    expect(result).toMatchObject({ ok: true, dialect: 'mysql', revisions: 5 })
    const [tables] = await db.admin.query('SHOW TABLES')
    expect(tables).toEqual([])
  })

  it.each(['index', 'default', 'foreignKey', 'table'] as const)(
    'catches a downgrade that forgets a %s',
    async (defect: PlantedDefect) => {
      const error = await stairway({
        scriptLocation: writeHistory(dir, defect),
        url: db.uri,
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
      expect(new Set(findings.map((f) => f.revision))).toEqual(new Set([wanted.revision]))
    },
  )

  it('reports the index MySQL made for a foreign key and left behind, saying why', async () => {
    const scriptLocation = writeHistory(dir)
    // The key without an index of its own: InnoDB makes one, and dropping the key keeps it.
    const file = join(scriptLocation, 'versions', `${HISTORY_IDS.foreignKey}_note_author_key.ts`)
    writeFileSync(
      file,
      `export const revision = '${HISTORY_IDS.foreignKey}'
export const downRevision = '${HISTORY_IDS.default}'
export const message = 'note author key'
export async function upgrade(op) {
  op.createForeignKey('fk_note_author', 'note', 'account', ['author_id'], ['id'])
}
export async function downgrade(op) {
  op.dropConstraint('fk_note_author', 'note', { type: 'foreignKey' })
}
`,
    )
    const error = (await stairway({ scriptLocation, url: db.uri }).catch(
      (e: unknown) => e,
    )) as HarnessError
    expect(error).toBeInstanceOf(HarnessError)
    expect(error.findings[0]!.message).toBe(
      `downgrade of ${HISTORY_IDS.foreignKey} ('note author key') leaves index 'fk_note_author' on 'note' (the database made it for a foreign key and keeps it when the key is dropped: create an index on (author_id) before the key and drop it after the key)`,
    )
  })
})
