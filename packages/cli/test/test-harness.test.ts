import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RetortError } from '@retort/core'
import {
  bodiesLoad,
  HarnessError,
  runMigrationTests,
  runSchemaMatches,
  runStairway,
  schemaMatches,
  singleHead,
  stairway,
  type HarnessProgress,
} from '@retort/core/testing'
import { sqliteDialect } from '@retort/dialect-sqlite'
import {
  expectedFinding,
  HISTORY_IDS,
  writeHistory,
  type PlantedDefect,
} from './helpers/harness-history.js'
import { createProject } from './helpers/project.js'

// The migration test harness of `@retort/core/testing` on SQLite (in memory), used as a
// test suite would use it: plain async functions that throw a HarnessError.
const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'retort-harness-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const sqlite = () => sqliteDialect({ filename: ':memory:' })

async function harnessError(promise: Promise<unknown>): Promise<HarnessError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(HarnessError)
  return error as HarnessError
}

/** A TypeScript revision file. */
function revisionFile(
  versions: string,
  id: string,
  parent: string | readonly string[] | null,
  up: string,
  down: string,
  extra = '',
): void {
  writeFileSync(
    join(versions, `${id}.ts`),
    `export const revision = '${id}'
export const downRevision = ${JSON.stringify(parent)}
export const message = 'revision ${id}'
${extra}
export async function upgrade(op) {
  ${up}
}
export async function downgrade(op) {
  ${down}
}
`,
  )
}

describe('stairway (SQLite in memory)', () => {
  it('passes a correct history, stepping every revision in order', async () => {
    const scriptLocation = writeHistory(tempDir())
    const events: HarnessProgress[] = []
    await stairway({ scriptLocation, dialect: sqlite(), onProgress: (e) => events.push(e) })
    expect(events.map((e) => [e.revision?.id, e.index, e.total, e.findings.length])).toEqual(
      Object.values(HISTORY_IDS).map((id, i) => [id, i + 1, 5, 0]),
    )
    const result = await runStairway({ scriptLocation })
    expect(result).toMatchObject({
      check: 'stairway',
      ok: true,
      dialect: 'sqlite',
      revisions: 5,
      summary: '5 revisions up, down and up again on sqlite (in memory)',
    })
  })

  it.each(['index', 'default', 'foreignKey', 'table'] as const)(
    'catches a downgrade that forgets a %s',
    async (defect: PlantedDefect) => {
      const scriptLocation = writeHistory(tempDir(), defect)
      const error = await harnessError(stairway({ scriptLocation, dialect: sqlite() }))
      expect(error).toBeInstanceOf(RetortError)
      expect(error.code).toBe('migration-test-failed')
      expect(error.check).toBe('stairway')
      const wanted = expectedFinding(defect)
      // (Forgetting the foreign key also forgets the index made for it, found first.)
      const first = error.findings.find((f) => f.object?.kind === wanted.kind)!
      expect(first).toMatchObject({
        check: 'stairway',
        revision: wanted.revision,
        operation: 'downgrade',
        object: { kind: wanted.kind },
      })
      expect(first.path).toContain(`${wanted.revision}_`)
      if (wanted.name !== '') expect(first.object?.name).toBe(wanted.name)
      // Only the defective revision is named.
      expect(new Set(error.findings.map((f) => f.revision))).toEqual(new Set([wanted.revision]))
      // The report: a summary line, then one line per finding.
      const lines = error.message.split('\n')
      expect(lines[0]).toMatch(/^stairway: \d+ problems?; /)
      expect(lines.slice(1)).toEqual(error.findings.map((f) => `  - ${f.message}`))
    },
  )

  it('names the revision, the operation and the object', async () => {
    const index = await harnessError(
      stairway({ scriptLocation: writeHistory(tempDir(), 'index'), dialect: sqlite() }),
    )
    expect(index.findings[0]!.message).toBe(
      `downgrade of ${HISTORY_IDS.index} ('note title index') leaves index 'ix_note_title' on 'note'`,
    )
    // The second upgrade then fails on the index left behind; the walk stops there.
    expect(index.findings[1]!.operation).toBe('upgrade again')
    expect(index.findings[1]!.message).toContain('as the downgrade left the schema different')
    expect(index.result.summary).toContain(`stopped at ${HISTORY_IDS.index} after 2 of 5 revisions`)

    const fallback = await harnessError(
      stairway({ scriptLocation: writeHistory(tempDir(), 'default'), dialect: sqlite() }),
    )
    expect(fallback.findings.map((f) => f.message)).toEqual([
      `downgrade of ${HISTORY_IDS.default} ('untitled notes') leaves column 'note.title' changed: default none before the upgrade, 'untitled' after the downgrade`,
    ])
    // The default put back by the second upgrade is no new difference: every revision ran.
    expect(fallback.result.revisions).toBe(5)
  })

  it('catches a downgrade that removes more than its upgrade made, and a failing downgrade', async () => {
    const dir = tempDir()
    const versions = join(dir, 'migrations/versions')
    mkdirSync(versions, { recursive: true })
    revisionFile(
      versions,
      'aaa1',
      null,
      `op.createTable('keep', [op.column('id', 'integer', { primaryKey: true }), op.column('extra', 'text')])`,
      `op.dropTable('keep')`,
    )
    revisionFile(
      versions,
      'bbb2',
      'aaa1',
      `op.addColumn('keep', op.column('more', 'text'))`,
      `op.dropColumn('keep', 'more')\n  op.dropColumn('keep', 'extra')`,
    )
    const error = await harnessError(
      stairway({ scriptLocation: join(dir, 'migrations'), dialect: sqlite() }),
    )
    expect(error.findings[0]!.message).toBe(
      "downgrade of bbb2 ('revision bbb2') removes column 'keep.extra', which was there before the upgrade",
    )

    revisionFile(
      versions,
      'bbb2',
      'aaa1',
      `op.addColumn('keep', op.column('more', 'text'))`,
      `op.dropColumn('keep', 'missing')`,
    )
    const failing = await harnessError(
      stairway({ scriptLocation: join(dir, 'migrations'), dialect: sqlite() }),
    )
    expect(failing.findings).toHaveLength(1)
    expect(failing.findings[0]).toMatchObject({ revision: 'bbb2', operation: 'downgrade' })
    expect(failing.findings[0]!.message).toMatch(/^downgrade of bbb2 \('revision bbb2'\) failed: /)
  })

  it('walks a branchy graph in topological order, one revision at a time, merges included', async () => {
    const dir = tempDir()
    const versions = join(dir, 'migrations/versions')
    mkdirSync(versions, { recursive: true })
    const table = (name: string) =>
      [
        `op.createTable('${name}', [op.column('id', 'integer', { primaryKey: true })])`,
        `op.dropTable('${name}')`,
      ] as const
    revisionFile(versions, 'root', null, ...table('t_root'))
    revisionFile(versions, 'left', 'root', ...table('t_left'))
    revisionFile(versions, 'right', 'root', ...table('t_right'))
    // dependsOn: an ordering edge to the other branch.
    revisionFile(versions, 'side', 'right', ...table('t_side'), `export const dependsOn = ['left']`)
    revisionFile(
      versions,
      'join',
      ['left', 'side'],
      `op.addColumn('t_left', op.column('note', 'text'))`,
      `op.dropColumn('t_left', 'note')`,
    )
    const events: HarnessProgress[] = []
    await stairway({
      scriptLocation: join(dir, 'migrations'),
      dialect: sqlite(),
      onProgress: (e) => events.push(e),
    })
    const order = events.map((e) => e.revision!.id)
    expect([...order].sort()).toEqual(['join', 'left', 'right', 'root', 'side'])
    const at = (id: string) => order.indexOf(id)
    expect(at('root')).toBe(0)
    expect(at('left')).toBeLessThan(at('side'))
    expect(at('right')).toBeLessThan(at('side'))
    expect(at('join')).toBe(4)

    // A merge whose downgrade forgets its change is named like any other revision.
    revisionFile(
      versions,
      'join',
      ['left', 'side'],
      `op.addColumn('t_left', op.column('note', 'text'))`,
      ``,
    )
    const error = await harnessError(
      stairway({ scriptLocation: join(dir, 'migrations'), dialect: sqlite() }),
    )
    expect(error.findings[0]!.message).toBe(
      "downgrade of join ('revision join') leaves column 't_left.note'",
    )
  })
})

describe('singleHead', () => {
  it('passes one head and fails two, naming both', async () => {
    const dir = tempDir()
    const scriptLocation = writeHistory(dir)
    await singleHead({ scriptLocation })
    revisionFile(
      join(scriptLocation, 'versions'),
      'f6f6f6f6f6f6',
      HISTORY_IDS.foreignKey,
      `op.createTable('other', [op.column('id', 'integer', { primaryKey: true })])`,
      `op.dropTable('other')`,
    )
    const error = await harnessError(singleHead({ scriptLocation }))
    expect(error.check).toBe('single-head')
    expect(error.findings).toHaveLength(1)
    expect(error.findings[0]!.message).toBe(
      `the revision graph has 2 heads: '${HISTORY_IDS.table}' (tags), 'f6f6f6f6f6f6' (revision f6f6f6f6f6f6); merge them with 'retort merge -m "merge" heads'`,
    )
    expect(error.result.heads).toEqual([HISTORY_IDS.table, 'f6f6f6f6f6f6'])
  })
})

describe('bodiesLoad', () => {
  it('fails on every broken body, naming each file', async () => {
    const scriptLocation = writeHistory(tempDir())
    await bodiesLoad({ scriptLocation })
    const versions = join(scriptLocation, 'versions')
    const broken = join(versions, `${HISTORY_IDS.index}_note_title_index.ts`)
    writeFileSync(
      broken,
      readFileSync(broken, 'utf8').replace(
        'export async function upgrade',
        'export async functio upgrade',
      ),
    )
    writeFileSync(
      join(versions, 'y1y1_yaml.yaml'),
      `revision: y1y1\ndownRevision: ${HISTORY_IDS.table}\nmessage: yaml\nupgrade:\n  - createTabel:\n      name: x\n`,
    )
    const noDowngrade = join(versions, 'z1z1.ts')
    writeFileSync(
      noDowngrade,
      `export const revision = 'z1z1'\nexport const downRevision = 'y1y1'\nexport async function upgrade(op) {}\n`,
    )
    const error = await harnessError(bodiesLoad({ scriptLocation }))
    expect(error.check).toBe('bodies')
    expect(error.findings.map((f) => [f.revision, f.path])).toEqual([
      [HISTORY_IDS.index, broken],
      ['y1y1', join(versions, 'y1y1_yaml.yaml')],
      ['z1z1', noDowngrade],
    ])
    for (const finding of error.findings) expect(finding.message).toContain(finding.path)
    expect(error.findings[1]!.message).toContain("'createTabel'")
    expect(error.findings[1]!.message).toContain("'createTable'")
    expect(error.findings[2]!.message).toContain('no downgrade function')
    expect(error.result.summary).toBe('3 of 7 revisions do not load')
  })
})

describe('schemaMatches', () => {
  it('writes a stable snapshot file with update, then compares with it', async () => {
    const dir = tempDir()
    const scriptLocation = writeHistory(dir)
    const snapshotFile = join(dir, 'schema.sqlite.json')

    const missing = await harnessError(schemaMatches({ snapshotFile }, { scriptLocation }))
    expect(missing.findings[0]!.message).toContain(
      "does not exist; write it with 'retort test --update'",
    )

    const written = await runSchemaMatches({ snapshotFile, update: true }, { scriptLocation })
    expect(written).toMatchObject({ ok: true, updated: true, snapshotFile })
    const text = readFileSync(snapshotFile, 'utf8')
    const document = JSON.parse(text) as {
      format: string
      dialect: string
      heads: string[]
      tables: { name: string }[]
    }
    expect(document).toMatchObject({
      format: 'retort-schema-snapshot/1',
      dialect: 'sqlite',
      heads: [HISTORY_IDS.table],
    })
    expect(document.tables.map((t) => t.name)).toEqual(['account', 'note', 'tag'])
    // One column per line, reviewable.
    expect(text).toContain(
      '{ "name": "title", "type": "VARCHAR(80)", "nullable": false, "defaultSql": "\'untitled\'", "primaryKey": false }',
    )
    // Writing again changes nothing.
    const again = await runSchemaMatches({ snapshotFile, update: true }, { scriptLocation })
    expect(again.updated).toBe(false)
    expect(readFileSync(snapshotFile, 'utf8')).toBe(text)
    await schemaMatches({ snapshotFile }, { scriptLocation })

    // A new revision changes the schema: named against the snapshot.
    revisionFile(
      join(scriptLocation, 'versions'),
      'f6f6f6f6f6f6',
      HISTORY_IDS.table,
      `op.addColumn('tag', op.column('color', 'string', { length: 7 }))`,
      `op.dropColumn('tag', 'color')`,
    )
    const changed = await harnessError(schemaMatches({ snapshotFile }, { scriptLocation }))
    expect(changed.findings.map((f) => f.message)).toEqual([
      `the revisions make column 'tag.color', which the snapshot '${snapshotFile}' does not have`,
    ])
    expect(changed.findings[0]!.object).toEqual({ kind: 'column', name: 'tag.color', table: 'tag' })

    // A file of another dialect is refused, naming both.
    writeFileSync(snapshotFile, text.replace('"dialect": "sqlite"', '"dialect": "postgresql"'))
    const other = await harnessError(schemaMatches({ snapshotFile }, { scriptLocation }))
    expect(other.findings[0]!.message).toContain(
      'was written on postgresql, and this run uses sqlite',
    )
  })

  it('against a declared schema: passes when autogenerate finds nothing to do', async () => {
    const dir = tempDir()
    const scriptLocation = writeHistory(dir)
    const schema = join(dir, 'schema.yaml')
    const tables = `tables:
  account:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: email, type: string, length: 120, nullable: false }
  note:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: title, type: string, length: 80, nullable: false, default: untitled }
      - { name: author_id, type: integer }
    indexes:
      - { name: ix_note_title, columns: [title] }
      - { name: ix_note_author, columns: [author_id] }
    foreignKeys:
      - { name: fk_note_author, columns: [author_id], references: { table: account, columns: [id] } }
  tag:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: label, type: string, length: 40, nullable: false }
`
    writeFileSync(schema, tables)
    await schemaMatches({ declaredSchema: schema }, { scriptLocation })
    writeFileSync(
      schema,
      tables.replace(
        '      - { name: label, type: string, length: 40, nullable: false }\n',
        '      - { name: label, type: string, length: 40, nullable: false }\n      - { name: color, type: string, length: 7 }\n',
      ),
    )
    const error = await harnessError(schemaMatches({ declaredSchema: schema }, { scriptLocation }))
    expect(error.findings.map((f) => f.message)).toEqual([
      "column 'tag.color' is declared but no revision adds it",
    ])
    // 'declared' without a `schema:` in the config says what to set.
    await expect(schemaMatches('declared', { scriptLocation })).rejects.toThrow(
      "no declared schema: set 'schema'",
    )
  })
})

describe('options', () => {
  it('refuses bad options before anything runs, naming the nearest valid one', async () => {
    const scriptLocation = writeHistory(tempDir())
    await expect(
      stairway({ scriptLocation, urll: 'sqlite://' } as unknown as Parameters<typeof stairway>[0]),
    ).rejects.toThrow("unknown test harness option 'urll' (did you mean 'url'?)")
    await expect(stairway({})).rejects.toThrow('the test harness needs the revisions')
    await expect(stairway({ config: 'retort.yaml' })).rejects.toThrow(
      "the test harness option config 'retort.yaml' is relative",
    )
    await expect(runMigrationTests({ scriptLocation, only: ['stairwy'] })).rejects.toThrow(
      "unknown check 'stairwy' (did you mean 'stairway'?)",
    )
  })

  it('reads a config file and takes the dialect from the default URL (SQLite in memory)', async () => {
    const project = createProject('retort-harness-config-')
    try {
      writeHistory(project.dir)
      // The config's own url is a file: the harness never opens it.
      writeFileSync(
        join(project.dir, 'retort.yaml'),
        'scriptLocation: migrations\nurl: sqlite:///app.db\n',
      )
      const config = join(project.dir, 'retort.yaml')
      const report = await runMigrationTests({ config })
      expect(report.where).toBe('sqlite (in memory)')
      expect(report.checks.map((c) => [c.check, c.ok, c.skipped !== undefined])).toEqual([
        ['bodies', true, false],
        ['single-head', true, false],
        ['stairway', true, false],
        ['schema', true, true],
      ])
      expect(readdirSync(project.dir)).not.toContain('app.db')
    } finally {
      project.cleanup()
    }
  })
})

describe('from node:test', () => {
  it('a failing stairway fails the test with the report; a correct history passes', () => {
    // The built package, as an application installs it (`pnpm test` builds first).
    const project = createProject('retort-harness-node-test-')
    try {
      const scriptLocation = writeHistory(project.dir, 'index')
      const good = writeHistory(join(project.dir, 'good'))
      writeFileSync(
        join(project.dir, 'migrations.test.mjs'),
        `import { test } from 'node:test'
import { stairway } from '@retort/core/testing'

test('broken history', () => stairway({ scriptLocation: ${JSON.stringify(scriptLocation)} }))
test('good history', () => stairway({ scriptLocation: ${JSON.stringify(good)} }))
`,
      )
      const run = spawnSync(process.execPath, ['--test', 'migrations.test.mjs'], {
        cwd: project.dir,
        encoding: 'utf8',
      })
      expect(run.status, run.stderr).toBe(1)
      expect(run.stdout).toContain(
        `downgrade of ${HISTORY_IDS.index} ('note title index') leaves index 'ix_note_title' on 'note'`,
      )
      expect(run.stdout).toMatch(/# pass 1\n/)
      expect(run.stdout).toMatch(/# fail 1\n/)
    } finally {
      project.cleanup()
    }
  })
})
