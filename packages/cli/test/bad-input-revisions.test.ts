// A corpus of bad revision files (TypeScript, JavaScript, YAML) and bad authoring input,
// each run through the real binary against a SQLite database already at a revision: every
// one is refused with its exit code and a single line on stderr that names the file (and
// the line where there is one) and the nearest spelling of a typo, and the database file is
// byte for byte what it was. Nothing silent: none of these becomes a new root, a skipped
// key or a half-applied plan.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase as createMysqlDatabase,
  describeMysql,
  type TestDatabase as MysqlDatabase,
} from '../../dialect-mysql/test/helpers/mysql-server.js'
import {
  createTestDatabase as createPostgresDatabase,
  describePostgres,
  type TestDatabase as PostgresDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { createProject, ok, retort as retortBinary, type RunResult } from './helpers/project.js'
import { retort } from './helpers/in-process.js'

const FIRST = 'aaaa00000001'
const SECOND = 'bbbb00000002'
const THIRD = 'cccc00000003'

/** A file's text from its lines (line N of the file is `lines[N - 1]`). */
const text = (...lines: string[]) => `${lines.join('\n')}\n`

const UP =
  "export async function upgrade(op) { op.createTable('extra', [op.column('id', 'integer', { primaryKey: true })]) }"
const DOWN = "export async function downgrade(op) { op.dropTable('extra') }"
const REVISION = `export const revision = '${THIRD}'`
const PARENT = `export const downRevision = '${SECOND}'`
const MESSAGE = "export const message = 'bad input'"

/** A valid revision creating table `table` (for plans that must not be half applied). */
function good(id: string, down: string, table: string): string {
  return text(
    `export const revision = '${id}'`,
    `export const downRevision = '${down}'`,
    `export const message = 'create ${table}'`,
    `export async function upgrade(op) { op.createTable('${table}', [op.column('id', 'integer', { primaryKey: true })]) }`,
    `export async function downgrade(op) { op.dropTable('${table}') }`,
  )
}

const YAML_HEAD = [`revision: ${THIRD}`, `downRevision: ${SECOND}`, 'message: bad input']
const YAML_TABLE =
  '  - createTable: { name: extra, columns: [{ name: id, type: integer, primaryKey: true }] }'

interface Case {
  readonly name: string
  /** Files written into migrations/versions; the last one is the one the error names. */
  readonly files: Readonly<Record<string, string>>
  /** Default: `upgrade heads`. */
  readonly args?: readonly string[]
  /** The line the error names, when it has one. */
  readonly line?: number
  /** The nearest spelling of a typo. */
  readonly mean?: string
  /** Another part the message must hold. */
  readonly says?: string
  /** The file the error names when it is not the last one written. */
  readonly names?: string
}

const CASES: readonly Case[] = [
  // TypeScript: every header name misspelt, and forms the reader would not see.
  {
    name: 'ts: downRevison',
    files: { 'c_typo.ts': text(REVISION, `export const downRevison = '${SECOND}'`, MESSAGE, UP) },
    line: 2,
    mean: 'downRevision',
  },
  {
    name: 'ts: down_revision (Alembic spelling)',
    files: { 'c_snake.ts': text(REVISION, `export const down_revision = '${SECOND}'`, UP) },
    line: 2,
    mean: 'downRevision',
  },
  {
    name: 'ts: revison',
    files: { 'c_rev.ts': text(`export const revison = '${THIRD}'`, PARENT, UP) },
    line: 1,
    mean: 'revision',
  },
  {
    name: 'ts: dependOn',
    files: { 'c_dep.ts': text(REVISION, PARENT, `export const dependOn = ['${FIRST}']`, UP) },
    line: 3,
    mean: 'dependsOn',
  },
  {
    name: 'ts: branchLabel',
    files: { 'c_lab.ts': text(REVISION, PARENT, "export const branchLabel = 'extra'", UP) },
    line: 3,
    mean: 'branchLabels',
  },
  {
    name: 'ts: mesage',
    files: { 'c_msg.ts': text(REVISION, PARENT, "export const mesage = 'x'", UP) },
    line: 3,
    mean: 'message',
  },
  {
    name: 'ts: transactions',
    files: { 'c_tx.ts': text(REVISION, PARENT, 'export const transactions = false', UP) },
    line: 3,
    mean: 'transaction',
  },
  {
    name: 'ts: a misspelt header after the functions',
    files: { 'c_after.ts': text(REVISION, PARENT, UP, DOWN, "export const messsage = 'x'") },
    line: 5,
    mean: 'message',
  },
  {
    name: 'ts: upgarde',
    files: {
      'c_up.ts': text(REVISION, PARENT, UP.replace('function upgrade', 'function upgarde')),
    },
    line: 3,
    mean: 'upgrade',
  },
  {
    name: 'ts: no downRevision at all',
    files: { 'c_none.ts': text(REVISION, MESSAGE, UP) },
    line: 1,
    says: 'declares no `export const downRevision = ...`; add it after the revision: null for a root revision',
  },
  {
    name: 'ts: export let downRevision',
    files: { 'c_let.ts': text(REVISION, `export let downRevision = '${SECOND}'`, UP) },
    line: 2,
    says: "header 'downRevision' is declared with 'export let'",
  },
  {
    name: 'ts: export var downRevision',
    files: { 'c_var.ts': text(REVISION, `export var downRevision = '${SECOND}'`, UP) },
    line: 2,
    says: "header 'downRevision' is declared with 'export var'",
  },
  {
    name: 'ts: export { p as downRevision }',
    files: {
      'c_alias.ts': text(REVISION, `const p = '${SECOND}'`, 'export { p as downRevision }', UP),
    },
    line: 3,
    says: "header 'downRevision' is re-exported by 'export { ... }'",
  },
  {
    name: 'ts: export * from',
    files: { 'c_star.ts': text(REVISION, PARENT, "export * from './_shared.js'", UP) },
    line: 3,
    says: "'export * from' can re-export header names",
  },
  {
    name: 'ts: repeated parents',
    files: {
      'c_dup.ts': text(REVISION, `export const downRevision = ['${SECOND}', '${SECOND}']`, UP),
    },
    line: 2,
    says: `header 'downRevision' lists '${SECOND}' twice; list each revision once`,
  },
  {
    name: 'ts: repeated dependencies',
    files: {
      'c_dupdep.ts': text(
        REVISION,
        PARENT,
        `export const dependsOn = ['${FIRST}', '${FIRST}']`,
        UP,
      ),
    },
    line: 3,
    says: `header 'dependsOn' lists '${FIRST}' twice`,
  },
  {
    name: 'ts: repeated branch labels',
    files: { 'c_duplab.ts': text(REVISION, PARENT, "export const branchLabels = ['x', 'x']", UP) },
    line: 3,
    says: "header 'branchLabels' lists 'x' twice; list each label once",
  },
  {
    name: 'ts: a header error read by `heads`',
    files: { 'c_heads.ts': text(REVISION, `export const downRevison = '${SECOND}'`, UP) },
    args: ['heads'],
    line: 2,
    mean: 'downRevision',
  },

  // JavaScript: ES modules and CommonJS.
  {
    name: 'mjs: downRevison',
    files: { 'c_typo.mjs': text(REVISION, `export const downRevison = '${SECOND}'`, UP) },
    line: 2,
    mean: 'downRevision',
  },
  {
    name: 'mjs: no downRevision',
    files: { 'c_none.mjs': text(MESSAGE, REVISION, UP) },
    line: 2,
    says: 'declares no `export const downRevision = ...`',
  },
  {
    name: 'mjs: export let downRevision',
    files: { 'c_let.mjs': text(REVISION, `export let downRevision = '${SECOND}'`, UP) },
    line: 2,
    says: "declared with 'export let'",
  },
  {
    name: "mjs: export { downRevision } from './shared'",
    files: { 'c_reexport.mjs': text(REVISION, "export { downRevision } from './_shared.mjs'", UP) },
    line: 2,
    says: "header 'downRevision' is re-exported",
  },
  {
    name: 'mjs: repeated parents',
    files: {
      'c_dup.mjs': text(REVISION, `export const downRevision = ['${SECOND}', '${SECOND}']`, UP),
    },
    line: 2,
    says: 'twice',
  },
  {
    name: 'cjs: exports.downRevison',
    files: {
      'c_typo.cjs': text(
        `exports.revision = '${THIRD}'`,
        `exports.downRevison = '${SECOND}'`,
        'exports.upgrade = async (op) => {}',
      ),
    },
    line: 2,
    mean: 'downRevision',
  },
  {
    name: 'js (CommonJS): no downRevision',
    files: {
      'c_none.js': text(`exports.revision = '${THIRD}'`, 'exports.upgrade = async (op) => {}'),
    },
    line: 1,
    says: '(or `exports.downRevision = ...`)',
  },

  // YAML: a closed set of keys, a required upgrade, operations and options checked.
  {
    name: 'yaml: downRevison',
    files: { 'c_typo.yaml': text(`revision: ${THIRD}`, `downRevison: ${SECOND}`, 'upgrade: []') },
    line: 2,
    mean: 'downRevision',
  },
  {
    name: 'yaml: upgrades',
    files: { 'c_ups.yaml': text(...YAML_HEAD, 'upgrades:', YAML_TABLE) },
    line: 4,
    mean: 'upgrade',
  },
  {
    name: 'yaml: branchLabel',
    files: { 'c_lab.yaml': text(...YAML_HEAD, 'branchLabel: extra', 'upgrade: []') },
    line: 4,
    mean: 'branchLabels',
  },
  {
    name: 'yaml: mesage',
    files: {
      'c_msg.yaml': text(
        `revision: ${THIRD}`,
        `downRevision: ${SECOND}`,
        'mesage: x',
        'upgrade: []',
      ),
    },
    line: 3,
    mean: 'message',
  },
  {
    name: 'yaml: an unknown key',
    files: { 'c_key.yaml': text(...YAML_HEAD, 'author: someone', 'upgrade: []') },
    line: 4,
    says: "unknown key 'author'; a YAML revision has the keys revision, downRevision",
  },
  {
    name: 'yaml: no upgrade',
    files: { 'c_noup.yaml': text(...YAML_HEAD) },
    line: 1,
    says: "declares no 'upgrade'; add the list of operations, or upgrade: [] for a revision that changes nothing",
  },
  {
    name: 'yaml: an empty upgrade',
    files: { 'c_empty.yaml': text(...YAML_HEAD, 'upgrade:') },
    line: 4,
    says: "'upgrade' must be a list of operations",
  },
  {
    name: 'yaml: no downRevision',
    files: { 'c_nodown.yaml': text(`revision: ${THIRD}`, 'upgrade: []') },
    line: 1,
    says: "declares no 'downRevision'",
  },
  {
    name: 'yaml: repeated dependencies',
    files: { 'c_dup.yaml': text(...YAML_HEAD, `dependsOn: [${FIRST}, ${FIRST}]`, 'upgrade: []') },
    line: 4,
    says: `header 'dependsOn' lists '${FIRST}' twice`,
  },
  {
    name: 'yaml: an unknown operation',
    files: {
      'c_op.yaml': text(...YAML_HEAD, 'upgrade:', YAML_TABLE.replace('createTable', 'createTabel')),
    },
    line: 5,
    mean: 'createTable',
  },
  {
    name: 'yaml: an unknown option',
    files: {
      'c_opt.yaml': text(
        ...YAML_HEAD,
        'upgrade:',
        '  - dropTable:',
        '      name: account',
        '      ifExist: true',
      ),
    },
    line: 7,
    mean: 'ifExists',
  },
  {
    name: 'yaml: an unknown column key',
    files: {
      'c_col.yaml': text(...YAML_HEAD, 'upgrade:', YAML_TABLE.replace('primaryKey', 'primarykey')),
    },
    line: 5,
    mean: 'primaryKey',
  },
  {
    name: 'yaml: a misspelt argument',
    files: {
      'c_arg.yaml': text(
        ...YAML_HEAD,
        'upgrade:',
        '  - createIndex: { name: ix_extra, table: account, colums: [id] }',
      ),
    },
    line: 5,
    mean: 'columns',
  },
  {
    name: 'yaml: a misspelt column type',
    files: {
      'c_type.yaml': text(
        ...YAML_HEAD,
        'upgrade:',
        '  - addColumn: { table: account, column: { name: c, type: strng } }',
      ),
    },
    line: 5,
    mean: 'string',
  },

  // Bodies are loaded before the first revision of a plan runs.
  {
    name: 'a YAML typo in the 5th revision of a plan',
    files: {
      'c.ts': good(THIRD, SECOND, 't3'),
      'd.mjs': good('dddd00000004', THIRD, 't4'),
      'e.ts': good('eeee00000005', 'dddd00000004', 't5'),
      'f.mjs': good('ffff00000006', 'eeee00000005', 't6'),
      'g.yaml': text(
        'revision: gggg00000007',
        'downRevision: ffff00000006',
        'message: fifth',
        'upgrade:',
        '  - createTabel: { name: t7, columns: [{ name: id, type: integer }] }',
      ),
    },
    line: 5,
    mean: 'createTable',
  },
  {
    name: 'a TypeScript body that fails to import, 3rd of 3',
    files: {
      'c.ts': good(THIRD, SECOND, 't3'),
      'd.ts': good('dddd00000004', THIRD, 't4'),
      'e.ts': text(
        "import { missing } from './_nowhere.js'",
        "export const revision = 'eeee00000005'",
        "export const downRevision = 'dddd00000004'",
        'export async function upgrade(op) { missing(op) }',
      ),
    },
    says: 'failed to import: ',
  },
  {
    name: 'a JavaScript revision without an upgrade function, 2nd of 2',
    files: {
      'c.mjs': good(THIRD, SECOND, 't3'),
      'd.mjs': text(
        "export const revision = 'dddd00000004'",
        `export const downRevision = '${THIRD}'`,
        DOWN,
      ),
    },
    says: "revision 'dddd00000004' exports no upgrade function",
  },
  {
    name: 'a module whose downRevision differs from its header at run time',
    files: {
      'c.mjs': good(THIRD, SECOND, 't3'),
      'd.cjs': text(
        "exports.revision = 'dddd00000004'",
        `exports.downRevision = '${THIRD}'`,
        `Object.assign(exports, { downRevision: '${FIRST}' })`,
        'exports.upgrade = async (op) => {}',
      ),
    },
    says: `exports downRevision '${FIRST}', but its header was read as '${THIRD}'`,
  },
  {
    name: 'a module whose dependsOn differs from its header at run time',
    files: {
      'c.cjs': text(
        `exports.revision = '${THIRD}'`,
        `exports.downRevision = '${SECOND}'`,
        'exports.dependsOn = []',
        `exports.dependsOn.push('${FIRST}')`,
        'exports.upgrade = async (op) => {}',
      ),
    },
    says: `exports dependsOn ['${FIRST}'], but its header was read as []`,
  },
  {
    name: 'a downgrade whose 2nd step has no downgrade function',
    files: {
      'c.mjs': good(THIRD, SECOND, 't3'),
      // The applied revision SECOND, now without its downgrade.
      [`${SECOND}_note.mjs`]: text(
        `export const revision = '${SECOND}'`,
        `export const downRevision = '${FIRST}'`,
        "export async function upgrade(op) { op.createTable('note', [op.column('id', 'integer', { primaryKey: true })]) }",
      ),
    },
    // THIRD is applied first (below); going down to FIRST would undo THIRD, then fail.
    args: ['downgrade', FIRST],
    says: `downgrade of revision '${SECOND}'`,
  },

  // Control characters in what a new revision would hold.
  {
    name: 'revision -m with a line break',
    files: {},
    args: ['revision', '-m', 'add index\nDROP TABLE account; --'],
    says: "message 'add index\\nDROP TABLE account; --' contains the control character \\n",
  },
  {
    name: 'revision -m with ESC',
    files: {},
    args: ['revision', '-m', 'clear \u001b[2J screen'],
    says: "message 'clear \\x1b[2J screen' contains the control character \\x1b",
  },
  {
    name: 'revision --branch-label with BEL',
    files: {},
    args: ['revision', '-m', 'x', '--branch-label', 'ring\u0007'],
    says: "branch label 'ring\\x07' contains the control character \\x07",
  },
  {
    name: 'revision --rev-id with CR',
    files: {},
    args: ['revision', '-m', 'x', '--rev-id', 'abc\rdef'],
    says: "--rev-id 'abc\\rdef' contains the control character \\r",
  },
  {
    name: 'merge -m with a C1 control',
    files: { 'c.ts': good(THIRD, FIRST, 't3') },
    args: ['merge', '-m', 'merge \u009b31m', 'heads'],
    says: "message 'merge \\x9b31m' contains the control character \\x9b",
  },
  {
    name: 'a file name with ESC in a header error',
    files: { 'c_\u001b[31mred.ts': text(REVISION, `export const downRevison = '${SECOND}'`, UP) },
    line: 2,
    mean: 'downRevision',
  },
]

/**
 * Runs case `c` in the project `dir`: exit 1, nothing on stdout, one line on stderr naming
 * the file (and line) and the nearest spelling, no raw control character, no file written.
 * In-process by default; `binary` starts the CLI instead (needed where one directory sees
 * several versions of a JavaScript file under one name: a process imports a module once).
 */
async function expectRefused(dir: string, c: Case, binary = false): Promise<void> {
  const versionsBefore = readdirSync(join(dir, 'migrations/versions')).sort()
  const args = [...(c.args ?? ['upgrade', 'heads'])]
  const run: RunResult = binary ? retortBinary(dir, args) : await retort(dir, args)

  expect(run.code, run.stderr).toBe(1)
  expect(run.stdout).toBe('')
  const lines = run.stderr.split('\n').filter((line) => line !== '')
  expect(lines, run.stderr).toHaveLength(1)
  const line = lines[0]!
  expect(line).toMatch(/^error: /)
  // No control character reaches the terminal, whatever the input held.
  expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
  const file = c.names ?? Object.keys(c.files).at(-1)
  if (file !== undefined && c.args?.[0] !== 'merge') {
    const path = join(dir, 'migrations/versions', file).replace(
      /[\u0000-\u001f]/g,
      (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
    )
    expect(line).toContain(c.line === undefined ? path : `${path}:${c.line}: `)
  }
  if (c.mean !== undefined) expect(line).toContain(`did you mean '${c.mean}'?`)
  if (c.says !== undefined) expect(line).toContain(c.says)
  expect(readdirSync(join(dir, 'migrations/versions')).sort()).toEqual(versionsBefore)
}

/** The two revisions every project starts with: `account` (two rows), then `note`. */
function writeBaseRevisions(dir: string): void {
  mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  writeFileSync(
    join(dir, 'migrations/versions', `${FIRST}_account.ts`),
    text(
      "import type { Operations } from '@retort/core'",
      `export const revision = '${FIRST}'`,
      'export const downRevision = null',
      "export const message = 'create account'",
      'export async function upgrade(op: Operations) {',
      "  op.createTable('account', [op.column('id', 'integer', { primaryKey: true })])",
      "  op.bulkInsert('account', [{ id: 1 }, { id: 2 }])",
      '}',
      "export async function downgrade(op: Operations) { op.dropTable('account') }",
    ),
  )
  writeFileSync(join(dir, 'migrations/versions', `${SECOND}_note.mjs`), good(SECOND, FIRST, 'note'))
}

/** The cases also run against PostgreSQL and MariaDB (schema and rows must not change). */
const SERVER_CASES = CASES.filter((c) =>
  [
    'a YAML typo in the 5th revision of a plan',
    'ts: downRevison',
    'yaml: upgrades',
    'a module whose downRevision differs from its header at run time',
    'a JavaScript revision without an upgrade function, 2nd of 2',
    'revision -m with ESC',
  ].includes(c.name),
)

/**
 * The server cases in a project whose `url` is `url()` (the default env picks the dialect
 * by its scheme): after each, `state()` (the schema and every row) is what it was.
 */
function serverCases(url: () => string, state: () => Promise<unknown>): void {
  let project: ReturnType<typeof createProject>
  beforeAll(() => {
    project = createProject('retort-bad-input-server-')
    writeFileSync(join(project.dir, 'retort.yaml'), `scriptLocation: migrations\nurl: ${url()}\n`)
    writeBaseRevisions(project.dir)
    ok(project.dir, ['upgrade', 'heads'])
  }, 60_000)
  afterAll(() => project?.cleanup())

  it('has the cases', () => expect(SERVER_CASES).toHaveLength(6))

  it.each(SERVER_CASES)('$name', async (c) => {
    const before = await state()
    const added = Object.entries(c.files).map(([name, content]) => {
      const path = join(project.dir, 'migrations/versions', name)
      writeFileSync(path, content)
      return path
    })
    try {
      await expectRefused(project.dir, c, true)
    } finally {
      for (const path of added) rmSync(path)
    }
    expect(await state()).toEqual(before)
  })
}

describePostgres('bad revision input on PostgreSQL: schema and rows unchanged', () => {
  let database: PostgresDatabase
  beforeAll(async () => {
    database = await createPostgresDatabase()
  })
  afterAll(async () => database?.drop())
  serverCases(
    () => database.url,
    async () => {
      const columns = await database.query(
        "SELECT table_schema, table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3",
      )
      const tables = [
        ...new Set(
          columns.map((c) => `"${String(c['table_schema'])}"."${String(c['table_name'])}"`),
        ),
      ]
      const rows: Record<string, unknown> = {}
      for (const table of tables)
        rows[table] = await database.query(`SELECT * FROM ${table} ORDER BY 1`)
      expect(Object.keys(rows)).toEqual(
        expect.arrayContaining(['"public"."account"', '"public"."retort_version"']),
      )
      return { columns, rows }
    },
  )
})

describeMysql('bad revision input on MariaDB/MySQL: schema and rows unchanged', () => {
  let database: MysqlDatabase
  beforeAll(async () => {
    database = await createMysqlDatabase()
  })
  afterAll(async () => database?.drop())
  serverCases(
    () => database.uri,
    async () => {
      const [columns] = await database.admin.query(
        'SELECT table_name AS t, column_name AS c, column_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY 1, 2',
      )
      const tables = [...new Set((columns as { t: string }[]).map((c) => c.t))]
      const rows: Record<string, unknown> = {}
      for (const table of tables) {
        const [result] = await database.admin.query(`SELECT * FROM \`${table}\` ORDER BY 1`)
        rows[table] = result
      }
      expect(Object.keys(rows)).toEqual(expect.arrayContaining(['account', 'retort_version']))
      return { columns, rows }
    },
  )
})

describe('bad revision input: one line, nothing changed', () => {
  let project: ReturnType<typeof createProject>
  let base: string
  const scratch: string[] = []

  beforeAll(() => {
    project = createProject('retort-bad-input-')
    base = project.dir
    writeFileSync(join(base, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
    writeBaseRevisions(base)
    ok(base, ['upgrade', 'heads'])
  }, 60_000)
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
    project?.cleanup()
  })

  /** A copy of the base project (its database at SECOND) with `files` added. */
  function projectWith(files: Readonly<Record<string, string>>): string {
    const dir = mkdtempSync(join(tmpdir(), 'retort-bad-case-'))
    scratch.push(dir)
    cpSync(base, dir, { recursive: true, verbatimSymlinks: true })
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dir, 'migrations/versions', name), content)
    return dir
  }

  it('has at least 35 cases across TypeScript, JavaScript and YAML', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35)
    const names = CASES.flatMap((c) => Object.keys(c.files))
    for (const extension of ['.ts', '.mjs', '.cjs', '.js', '.yaml'])
      expect(names.some((name) => name.endsWith(extension))).toBe(true)
  })

  it.each(CASES)('$name', async (c) => {
    const dir = projectWith(c.files)
    const database = join(dir, 'app.db')
    if (c.args?.[0] === 'downgrade') {
      // The revision without a downgrade is applied first; the database then stays there.
      expect((await retort(dir, ['upgrade', 'heads'])).code).toBe(0)
    }
    const before = readFileSync(database)
    await expectRefused(dir, c)
    expect(readFileSync(database).equals(before)).toBe(true)
  })

  it('check reports every body it cannot load, naming file and line, and changes nothing', async () => {
    const dir = projectWith({
      'c.yaml': text(...YAML_HEAD, 'upgrade:', YAML_TABLE.replace('createTable', 'creatTable')),
      'd.mjs': text(
        "export const revision = 'dddd00000004'",
        `export const downRevision = '${THIRD}'`,
        'export function upgrade(op) {}',
        "throw new Error('broken at import')",
      ),
    })
    const before = readFileSync(join(dir, 'app.db'))
    const run = await retort(dir, ['check', '--no-database'])
    expect(run.code).toBe(1)
    const problems = run.stdout.split('\n').filter((line) => line.startsWith('✗'))
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain(`${join(dir, 'migrations/versions/c.yaml')}:5: `)
    expect(problems[0]).toContain("did you mean 'createTable'?")
    expect(problems[1]).toContain(
      `${join(dir, 'migrations/versions/d.mjs')}: failed to import: broken at import`,
    )
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      "error: check found 2 problems; fix them and run 'retort check' again",
    ])
    expect(readFileSync(join(dir, 'app.db')).equals(before)).toBe(true)
  })

  it('prints a message and a path with control characters escaped, in every output', async () => {
    const evil = 'note \u001b[2J\u001b]0;pwned\u0007 done\nsecond line\r'
    const escaped = 'note \\x1b[2J\\x1b]0;pwned\\x07 done\\nsecond line\\r'
    const dir = projectWith({
      'c_\u001b[1mbold.mjs': text(
        REVISION,
        PARENT,
        `export const message = ${JSON.stringify(evil)}`,
        "export function upgrade(op) { op.createTable('t3', [op.column('id', 'integer', { primaryKey: true })]) }",
      ),
    })
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/
    const before = readFileSync(join(dir, 'app.db'))
    for (const args of [
      ['history'],
      ['history', '-v'],
      ['heads'],
      ['show', THIRD],
      ['branches', '-v'],
    ]) {
      const run = await retort(dir, args)
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0)
      // Only the line breaks between lines remain.
      expect(run.stdout, args.join(' ')).not.toMatch(raw)
      expect(run.stderr).toBe('')
    }
    expect((await retort(dir, ['history'])).stdout).toContain(
      `${SECOND} -> ${THIRD} (head), ${escaped}\n`,
    )
    expect((await retort(dir, ['show', THIRD])).stdout).toContain('bold.mjs')
    expect((await retort(dir, ['show', THIRD])).stdout).toContain('c_\\x1b[1mbold.mjs')
    expect(readFileSync(join(dir, 'app.db')).equals(before)).toBe(true)

    // The progress lines of a run, and `current` after it.
    const up = await retort(dir, ['upgrade', 'heads'])
    expect(up.code).toBe(0)
    expect(up.stderr).toBe(`Running upgrade ${SECOND} -> ${THIRD}: ${escaped}\n`)
    const current = await retort(dir, ['current', '-v'])
    expect(current.stdout).toContain(escaped)
    expect(current.stdout).not.toMatch(raw)
  })
})
