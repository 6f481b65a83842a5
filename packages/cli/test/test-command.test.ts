import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  describePostgres,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { HISTORY_IDS, writeHistory, type PlantedDefect } from './helpers/harness-history.js'
import { retortInProcess } from './helpers/in-process.js'
import { createProject } from './helpers/project.js'

// `retort test`, run in-process: the harness of `@retort/core/testing` on the command line.
describe('retort test', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  const setUp = (defect?: PlantedDefect) => {
    writeHistory(dir, defect)
    writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
  }
  beforeEach(() => {
    project = createProject('retort-test-command-')
    dir = project.dir
  })
  afterEach(() => project.cleanup())

  it('passes a correct history: a line per revision, a line per check, a summary', async () => {
    setUp()
    const run = await retortInProcess(dir, ['test'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        '✓ bodies: 5 revisions load',
        `✓ single-head: one head (${HISTORY_IDS.table})`,
        'stairway: each revision up, down and up again',
        `  ✓ 1/5 ${HISTORY_IDS.tables} account and note`,
        `  ✓ 2/5 ${HISTORY_IDS.index} note title index`,
        `  ✓ 3/5 ${HISTORY_IDS.default} untitled notes`,
        `  ✓ 4/5 ${HISTORY_IDS.foreignKey} note author key`,
        `  ✓ 5/5 ${HISTORY_IDS.table} tags`,
        '✓ stairway: 5 revisions up, down and up again on sqlite (in memory)',
        "- schema: skipped: no declared schema ('schema:' in the config) and no snapshot file retort-schema.sqlite.json next to it; write one with 'retort test --update'",
        '✓ 3 checks passed on sqlite (in memory): bodies, single-head, stairway',
        '',
      ].join('\n'),
    )
    // The config's database was not opened.
    expect(existsSync(join(dir, 'app.db'))).toBe(false)
  })

  it('exits 1 on a downgrade that forgets an index, naming revision, operation and object', async () => {
    setUp('index')
    const run = await retortInProcess(dir, ['test'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `  ✗ 2/5 ${HISTORY_IDS.index} note title index\n      downgrade of ${HISTORY_IDS.index} ('note title index') leaves index 'ix_note_title' on 'note'\n`,
    )
    expect(run.stdout).toContain(
      `✗ stairway: stopped at ${HISTORY_IDS.index} after 2 of 5 revisions on sqlite (in memory); the other 3 were not stepped\n`,
    )
    expect(run.stderr).toBe(
      "error: retort test found 2 problems (stairway) on sqlite (in memory); fix the revisions and run 'retort test' again\n",
    )
  })

  it('--json prints the report as data, with the same exit code', async () => {
    setUp('table')
    const run = await retortInProcess(dir, ['--json', 'test', '--only', 'stairway,single-head'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      ok: boolean
      where: string
      checks: {
        check: string
        ok: boolean
        findings: { revision: string; operation: string; object: unknown }[]
      }[]
    }
    expect(report.ok).toBe(false)
    expect(report.where).toBe('sqlite (in memory)')
    expect(report.checks.map((c) => [c.check, c.ok])).toEqual([
      ['single-head', true],
      ['stairway', false],
    ])
    expect(report.checks[1]!.findings[0]).toMatchObject({
      revision: HISTORY_IDS.table,
      operation: 'downgrade',
      object: { kind: 'table', name: 'tag' },
    })
  })

  it('--update writes the snapshot file; later runs compare with it', async () => {
    setUp()
    const written = await retortInProcess(dir, ['test', '--update', '--only', 'schema'])
    expect(written.code).toBe(0)
    expect(written.stdout).toContain(
      "✓ schema: wrote the snapshot 'retort-schema.sqlite.json' (3 tables, sqlite); review it with 'git diff retort-schema.sqlite.json'\n",
    )
    const text = readFileSync(join(dir, 'retort-schema.sqlite.json'), 'utf8')
    expect(JSON.parse(text)).toMatchObject({ dialect: 'sqlite', heads: [HISTORY_IDS.table] })

    const same = await retortInProcess(dir, ['test'])
    expect(same.code).toBe(0)
    expect(same.stdout).toContain(
      "✓ schema: the revisions make the schema of 'retort-schema.sqlite.json' on sqlite (in memory)\n",
    )

    writeFileSync(
      join(dir, 'migrations/versions/f6f6_color.ts'),
      `export const revision = 'f6f6'\nexport const downRevision = '${HISTORY_IDS.table}'\nexport const message = 'tag color'\nexport async function upgrade(op) { op.addColumn('tag', op.column('color', 'string', { length: 7 })) }\nexport async function downgrade(op) { op.dropColumn('tag', 'color') }\n`,
    )
    const changed = await retortInProcess(dir, ['test', '--only', 'schema'])
    expect(changed.code).toBe(1)
    expect(changed.stdout).toContain(
      "    the revisions make column 'tag.color', which the snapshot 'retort-schema.sqlite.json' does not have\n",
    )
    expect(readFileSync(join(dir, 'retort-schema.sqlite.json'), 'utf8')).toBe(text)
  })

  it('two heads fail single-head; a broken body fails bodies and skips the stairway', async () => {
    setUp()
    writeFileSync(
      join(dir, 'migrations/versions/f6f6_side.ts'),
      `export const revision = 'f6f6'\nexport const downRevision = '${HISTORY_IDS.tables}'\nexport const message = 'side'\nexport async function upgrade(op) { op.createTable('side', [op.column('id', 'integer', { primaryKey: true })]) ;; }\nexport async function downgrade(op) { op.dropTable('side') }\n`,
    )
    const heads = await retortInProcess(dir, ['test', '--only', 'single-head'])
    expect(heads.code).toBe(1)
    expect(heads.stdout).toContain(
      `✗ single-head: 2 heads\n    the revision graph has 2 heads: '${HISTORY_IDS.table}' (tags), 'f6f6' (side); merge them with 'retort merge -m "merge" heads'\n`,
    )
    writeFileSync(
      join(dir, 'migrations/versions/f6f6_side.ts'),
      readFileSync(join(dir, 'migrations/versions/f6f6_side.ts'), 'utf8').replace(
        'export async function downgrade',
        'export async functon downgrade',
      ),
    )
    const broken = await retortInProcess(dir, ['test', '--only', 'bodies,stairway'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(/✗ bodies: 1 of 6 revisions do not load\n {4}\S*f6f6_side\.ts/)
    expect(broken.stdout).toContain(
      '- stairway: skipped: a revision body does not load (see bodies)\n',
    )
  })

  it('refuses an unknown check with the nearest name (usage error)', async () => {
    setUp()
    const run = await retortInProcess(dir, ['test', '--only', 'stairway,bodeis'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      "error: --only: unknown check 'bodeis' (did you mean 'bodies'?); the checks are bodies, single-head, stairway, schema\n",
    )
    expect(run.stdout).toBe('')
  })
})

describePostgres('retort test --url (PostgreSQL)', () => {
  it('runs the stairway in a scratch schema of that database', async () => {
    const db = await createTestDatabase()
    const project = createProject('retort-test-command-pg-')
    try {
      writeHistory(project.dir, 'default')
      writeFileSync(join(project.dir, 'retort.yaml'), 'scriptLocation: migrations\n')
      const run = await retortInProcess(project.dir, [
        'test',
        '--only',
        'stairway',
        '--url',
        db.url,
      ])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        `      downgrade of ${HISTORY_IDS.default} ('untitled notes') leaves column 'note.title' changed: default none before the upgrade, 'untitled'::character varying after the downgrade\n`,
      )
      expect(run.stdout).toContain(`✗ stairway: 5 revisions up, down and up again on ${db.url}\n`)

      // A password in --url is never printed (the test server trusts any).
      const secret = new URL(db.url)
      secret.password = 's3cret-pw'
      const masked = await retortInProcess(project.dir, [
        '--json',
        'test',
        '--only',
        'stairway',
        '--url',
        secret.toString(),
      ])
      expect(masked.code).toBe(1)
      expect(masked.stdout + masked.stderr).not.toContain('s3cret-pw')
      expect((JSON.parse(masked.stdout) as { where: string }).where).toBe(
        db.url.replace('postgres@', 'postgres:***@'),
      )
    } finally {
      project.cleanup()
      await db.drop()
    }
  })
})
