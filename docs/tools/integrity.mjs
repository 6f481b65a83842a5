// The sessions of docs/ledger.md: the ledger of a few upgrades, check finding drift and an
// edited revision, accepting the edit, and a squash that a database inside it passes
// through. Every block is the output of the commands run for real on a temporary project
// (SQLite); times, durations and dates are masked, as they differ from run to run.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from './run-retort.mjs'
import { createDocsProject, Transcript } from './transcript.mjs'

const Database = createRequire(join(ROOT, 'packages/dialect-sqlite/package.json'))('better-sqlite3')

const REVISIONS = [
  [
    'a1a1a1a1a1a1_create_account.yaml',
    `revision: a1a1a1a1a1a1
downRevision: null
message: create account
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: email, type: string, length: 120, nullable: false }
`,
  ],
  [
    'b2b2b2b2b2b2_index_email.yaml',
    `revision: b2b2b2b2b2b2
downRevision: a1a1a1a1a1a1
message: index email
upgrade:
  - createIndex: { name: ix_account_email, table: account, columns: [email] }
`,
  ],
  [
    'c3c3c3c3c3c3_add_nickname.yaml',
    `revision: c3c3c3c3c3c3
downRevision: b2b2b2b2b2b2
message: add nickname
upgrade:
  - addColumn: { table: account, column: { name: nickname, type: string, length: 40 } }
`,
  ],
]

/** Masks what differs from run to run: times of day, durations, creation dates. */
function masked(text) {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '2026-01-05T10:00:00.000Z')
    .replace(/ +\d+ ms\b/g, '  … ms')
}

/** The generated blocks of docs/ledger.md, by name. */
export function integrityBlocks() {
  const project = createDocsProject('retort-integrity-docs-')
  const { dir } = project
  const t = new Transcript(dir)
  const versions = join(dir, 'migrations/versions')
  const blocks = {}
  const take = () => masked(t.take())
  try {
    mkdirSync(versions, { recursive: true })
    writeFileSync(
      join(dir, 'retort.yaml'),
      'scriptLocation: migrations\nurl: sqlite:///app.db\nappliedBy: deploy@ci\n',
    )
    for (const [file, text] of REVISIONS) writeFileSync(join(versions, file), text)

    t.run(['upgrade', 'head'])
    t.run(['downgrade', '-1'])
    t.run(['upgrade', 'head'])
    t.run(['history', '--ledger'])
    blocks['ledger'] = take()

    t.run(['check'])
    const db = new Database(join(dir, 'app.db'))
    db.exec('ALTER TABLE account ADD COLUMN phone VARCHAR(20)')
    db.exec('DROP INDEX ix_account_email')
    db.close()
    t.run(['check'], { expectCode: 1 })
    blocks['drift'] = take()

    const fixed = new Database(join(dir, 'app.db'))
    fixed.exec('ALTER TABLE account DROP COLUMN phone')
    fixed.exec('CREATE INDEX ix_account_email ON account (email)')
    fixed.close()
    const edited = join(versions, REVISIONS[2][0])
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('length: 40', 'length: 60'))
    t.run(['check'], { expectCode: 1 })
    writeFileSync(edited, REVISIONS[2][1])
    t.run(['check'])
    writeFileSync(
      edited,
      readFileSync(edited, 'utf8').replace('message: add nickname', 'message: add a nickname'),
    )
    t.run(['check', '--allow-changed', 'c3c3c3c3c3c3'])
    t.run(['check'])
    blocks['verify'] = take()

    // A second database, left at the first revision, then a squash of all three.
    writeFileSync(join(dir, 'old.yaml'), 'scriptLocation: migrations\nurl: sqlite:///old.db\n')
    t.run(['-c', 'old.yaml', 'upgrade', 'a1a1a1a1a1a1'])
    t.run(['squash', 'a1a1a1a1a1a1:c3c3c3c3c3c3', '-m', 'baseline', '--rev-id', 'f00d00000001'])
    t.run(['history'])
    t.run(['current'])
    t.run(['-c', 'old.yaml', 'current'])
    t.run(['-c', 'old.yaml', 'squash', '--status'], { expectCode: 1 })
    const aside = join(dir, 'aside')
    mkdirSync(aside)
    renameSync(join(versions, REVISIONS[2][0]), join(aside, REVISIONS[2][0]))
    t.run(['-c', 'old.yaml', 'upgrade', 'head'], { expectCode: 1 })
    renameSync(join(aside, REVISIONS[2][0]), join(versions, REVISIONS[2][0]))
    t.run(['-c', 'old.yaml', 'upgrade', 'head'])
    t.run(['-c', 'old.yaml', 'squash', '--status'])
    blocks['squash'] = take()
    blocks['squash-file'] = [
      '```text',
      readFileSync(join(versions, 'f00d00000001_baseline.yaml'), 'utf8')
        .replace(/^# Created: .*$/m, '# Created: 2026-01-05 10:00:00')
        .replace(/\n$/, ''),
      '```',
    ].join('\n')
    return blocks
  } finally {
    project.cleanup()
  }
}
