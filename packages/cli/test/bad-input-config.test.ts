import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase as createMysqlDatabase,
  describeMysql,
  type TestDatabase as MysqlTestDatabase,
} from '../../dialect-mysql/test/helpers/mysql-server.js'
import {
  createTestDatabase as createPostgresDatabase,
  describePostgres,
  type TestDatabase as PostgresTestDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { createProject, fillRevision, retort, type RunResult } from './helpers/project.js'
import { newRevision, ok, retortInProcess } from './helpers/in-process.js'

/**
 * Bad configs, `-x`/`-n` arguments, revision identifiers and URLs: each is refused before
 * anything runs, with the exit code, exactly one line on stderr naming the file and line
 * (or the setting, or the identifier), and the database left byte for byte as it was (a
 * SQLite database at a revision; a few cases also on PostgreSQL and MariaDB, schema and
 * rows).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url))

interface BadInput {
  readonly label: string
  /** The config file's lines (written as `bad.yaml` and passed with `-c`); default retort.yaml. */
  readonly config?: readonly string[]
  readonly args: readonly string[]
  readonly env?: NodeJS.ProcessEnv
  readonly code?: 1 | 2
  /** What the one stderr line says; `{file}` stands for the config file's path. */
  readonly line: string | RegExp
}

function expectRefused(result: RunResult, code: number, line: RegExp, what: string): void {
  expect(result.code, `${what}\n${result.stderr}`).toBe(code)
  const lines = result.stderr.trimEnd().split('\n')
  expect(lines, `${what}: one line on stderr`).toHaveLength(1)
  expect(lines[0]).toMatch(/^error: /)
  expect(lines[0]).toMatch(line)
}

function pattern(line: string | RegExp, file: string): RegExp {
  if (line instanceof RegExp) {
    return new RegExp(line.source.replaceAll('\\{file\\}', escape(file)))
  }
  return new RegExp(escape(line.replaceAll('{file}', file)))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const MIGRATIONS = 'scriptLocation: migrations'
const URL_LINE = 'url: sqlite:///app.db'

/** The corpus run against the SQLite project below (its database is at ABCD2). */
const CASES: readonly BadInput[] = [
  // Unknown keys, at every level, with the nearest known key.
  {
    label: 'unknown top-level key (typo)',
    config: [MIGRATIONS, URL_LINE, 'versionTabel: app_version'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'versionTabel' is not a Retort key; did you mean 'versionTable'?",
  },
  {
    label: 'unknown top-level key transactionMod',
    config: [MIGRATIONS, URL_LINE, 'transactionMod: all'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'transactionMod' is not a Retort key; did you mean 'transactionMode'?",
  },
  {
    label: 'a free key at the top level',
    config: [MIGRATIONS, URL_LINE, 'tenant: acme'],
    args: ['upgrade', 'heads'],
    line: /\{file\}:3: 'tenant' is not a Retort key \(the keys are scriptLocation, .*\); put values for the env module under 'settings'$/,
  },
  {
    label: 'a snake_case key',
    config: [MIGRATIONS, URL_LINE, 'version_table: app_version'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'version_table' is not a Retort key; keys are camelCase: write 'versionTable'",
  },
  {
    label: 'a key in the wrong case',
    config: [MIGRATIONS, 'URL: sqlite:///app.db'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'URL' is not a Retort key; did you mean 'url'?",
  },
  {
    label: 'unknown key in the selected databases entry',
    config: [
      MIGRATIONS,
      'databases:',
      '  main:',
      '    url: sqlite:///app.db',
      '    versionTabel: v',
    ],
    args: ['-n', 'main', 'upgrade', 'heads'],
    line: "{file}:5: 'databases.main.versionTabel' is not a Retort key; did you mean 'versionTable'?",
  },
  {
    label: 'unknown key in another databases entry',
    config: [
      MIGRATIONS,
      'databases:',
      '  main:',
      '    url: sqlite:///app.db',
      '  audit:',
      '    url: sqlite:///audit.db',
      '    transactionMod: none',
    ],
    args: ['-n', 'main', 'upgrade', 'heads'],
    line: "{file}:7: 'databases.audit.transactionMod' is not a Retort key; did you mean 'transactionMode'?",
  },
  {
    label: 'unknown key of a post-write hook',
    config: [
      MIGRATIONS,
      URL_LINE,
      'postWriteHooks:',
      '  - command: prettier',
      '    arg: [--write]',
    ],
    args: ['upgrade', 'heads'],
    line: "{file}:5: 'postWriteHooks[0].arg' is not a key of a hook; did you mean 'args'?",
  },
  // Wrong value types.
  {
    label: 'settings that are not a mapping',
    config: [MIGRATIONS, URL_LINE, 'settings: acme'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'settings' must be a mapping of names to values for the env module",
  },
  {
    label: 'transactionMode not a mode',
    config: [MIGRATIONS, URL_LINE, 'transactionMode: every'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'transactionMode' must be one of each, all, none, not 'every'",
  },
  {
    label: 'negative lockTimeout',
    config: [MIGRATIONS, URL_LINE, 'lockTimeout: -5'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'lockTimeout' must be a whole number of milliseconds (0 or more), not -5",
  },
  {
    label: 'versionTable a number',
    config: [MIGRATIONS, URL_LINE, 'versionTable: 42'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'versionTable' must be a non-empty string, not 42",
  },
  {
    label: 'revisionFormat not a format',
    config: [MIGRATIONS, URL_LINE, 'revisionFormat: py'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'revisionFormat' must be one of ts, js, yaml, not 'py'",
  },
  {
    label: 'timezone not a zone',
    config: [MIGRATIONS, URL_LINE, 'timezone: Mars/Olympus'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'timezone' is 'Mars/Olympus', which is not a time zone",
  },
  {
    label: 'scriptLocation a list',
    config: ['scriptLocation: [migrations]', URL_LINE],
    args: ['upgrade', 'heads'],
    line: "{file}:1: 'scriptLocation' must be a directory path or a file: URL, not a list",
  },
  {
    label: 'url a number',
    config: [MIGRATIONS, 'url: 42'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'url' must be a database URL string (sqlite:///app.db, postgresql://...), not a number",
  },
  {
    label: 'databases a list',
    config: [MIGRATIONS, URL_LINE, 'databases: [main]'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'databases' must be a mapping of names",
  },
  {
    label: 'transactionPerMigration not a boolean',
    config: [MIGRATIONS, URL_LINE, 'transactionPerMigration: yes'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'transactionPerMigration' must be true or false, not 'yes'",
  },
  {
    label: 'bundleIndex a number',
    config: [MIGRATIONS, URL_LINE, 'bundleIndex: 3'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'bundleIndex' must be a file path (src/migrations.generated.ts), not 3",
  },
  {
    label: 'YAML syntax error',
    config: [MIGRATIONS, 'url: [sqlite:///app.db', 'versionTable: v'],
    args: ['upgrade', 'heads'],
    line: /^error: \{file\}:\d+:\d+: .*; fix the YAML syntax$/,
  },
  // -x with the default env (the script directory has no env module).
  {
    label: '-x with a near-miss key',
    args: ['-x', 'ulr=sqlite:///other.db', 'upgrade', 'heads'],
    line: "-x ulr: the default env (the script directory has no env module) reads only -x url; did you mean 'url'?",
  },
  {
    label: '-x with a key only an env module would read',
    args: ['-x', 'tenant=acme', 'downgrade', '-1'],
    line: "-x tenant: the default env (the script directory has no env module) reads only -x url; remove it, or write an env module that reads ctx.xArgs['tenant']",
  },
  {
    label: '--tag with the default env',
    args: ['upgrade', 'heads', '--tag', 'release-1'],
    line: '-x tag: the default env (the script directory has no env module) reads only -x url',
  },
  {
    label: '-x without a value',
    args: ['-x', 'url', 'upgrade', 'heads'],
    code: 2,
    line: "-x expects KEY=VALUE, not 'url'",
  },
  // -n and ${VAR}.
  {
    label: 'an unset variable in the selected entry',
    config: [
      MIGRATIONS,
      'databases:',
      '  main:',
      '    url: sqlite:///app.db',
      '  audit:',
      '    url: ${RETORT_TEST_AUDIT_URL}',
    ],
    args: ['-n', 'audit', 'upgrade', 'heads'],
    line: "{file}:6: 'databases.audit.url' uses ${RETORT_TEST_AUDIT_URL}, but the environment variable 'RETORT_TEST_AUDIT_URL' is not set; set it, or write ${RETORT_TEST_AUDIT_URL:-default}",
  },
  {
    label: 'an unset variable at the top level',
    config: [MIGRATIONS, URL_LINE, 'versionTable: ${RETORT_TEST_TABLE}'],
    args: ['upgrade', 'heads'],
    line: "{file}:3: 'versionTable' uses ${RETORT_TEST_TABLE}, but the environment variable 'RETORT_TEST_TABLE' is not set",
  },
  {
    label: 'a near-miss database name',
    config: [MIGRATIONS, 'databases:', '  main:', '    url: sqlite:///app.db'],
    args: ['-n', 'mian', 'upgrade', 'heads'],
    line: "no database 'mian' in {file}; did you mean 'main'? known names: main",
  },
  // Revision identifiers.
  {
    label: 'an ambiguous prefix',
    args: ['upgrade', 'abcd0000'],
    line: "'abcd0000' matches several revisions ('abcd00000001', 'abcd00000002', 'abcd00000003'); give more characters of the id",
  },
  {
    label: 'an unknown id',
    args: ['upgrade', 'ffffffffffff'],
    line: "no revision matches 'ffffffffffff'; run 'retort history' to list the revisions",
  },
  {
    label: 'a prefix too short',
    args: ['downgrade', 'abc'],
    line: "'abc' is too short to match a revision: give at least 4 characters of the id",
  },
  {
    label: 'a downgrade that overshoots base',
    args: ['downgrade', '-5'],
    line: "'-5' goes below base: only 2 steps down from 'abcd00000002' are possible",
  },
  {
    label: 'an upgrade that overshoots the head',
    args: ['upgrade', '+5'],
    line: "'+5' goes past the head: only 1 step",
  },
  {
    label: 'an unknown branch label',
    args: ['upgrade', 'nosuch@head'],
    line: "no branch label or revision matches 'nosuch'",
  },
  // URLs.
  {
    label: '-x url with the scheme mistyped',
    args: ['-x', 'url=sqlite//other.db', 'upgrade', 'heads'],
    line: "-x url: 'sqlite//other.db' is not a database URL (a ':' is missing after the scheme)",
  },
  {
    label: 'a url of an unknown scheme',
    config: [MIGRATIONS, 'url: oracle://scott:tiger-pw@127.0.0.1:1/db'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'url': the url 'oracle://scott:***@127.0.0.1:1/db' has the scheme 'oracle', which no Retort dialect handles",
  },
  {
    label: 'a url without a scheme',
    config: [MIGRATIONS, 'url: root:tiger-pw@127.0.0.1/db'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'url': the url 'root:***@127.0.0.1/db' has no scheme (it starts with a user and password)",
  },
  {
    label: 'a SQLite url with a host',
    config: [MIGRATIONS, 'url: sqlite://dbhost/app.db'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'url': the SQLite URL 'sqlite://dbhost/app.db' names a host ('dbhost')",
  },
  {
    label: 'a SQLite url with a broken %-escape',
    config: [MIGRATIONS, 'url: sqlite:///app%ZZ.db'],
    args: ['upgrade', 'heads'],
    line: "{file}:2: 'url': the SQLite URL 'sqlite:///app%ZZ.db' has a broken %-escape",
  },
  {
    label: 'a url in a databases entry with a broken password escape',
    config: [MIGRATIONS, 'databases:', '  main:', '    url: "postgresql://u:pw%ZZ@127.0.0.1:1/db"'],
    args: ['-n', 'main', 'upgrade', 'heads'],
    line: "{file}:4: 'databases.main.url': postgresDialect: the password in 'postgresql://u:***@127.0.0.1:1/db' has a '%' that is not followed by two hex digits",
  },
]

/** Writes the case's config (if it has one) and returns it with the command line. */
function prepare(dir: string, input: BadInput): { file: string; args: readonly string[] } {
  if (input.config === undefined) return { file: join(dir, 'retort.yaml'), args: input.args }
  const file = join(dir, 'bad.yaml')
  writeFileSync(file, `${input.config.join('\n')}\n`)
  return { file, args: ['-c', file, ...input.args] }
}

/** The database file's bytes and the project's files besides the configs of the cases. */
function snapshot(dir: string): { db: Buffer; files: string[] } {
  return {
    db: readFileSync(join(dir, 'app.db')),
    files: readdirSync(dir)
      .filter((name) => !name.endsWith('.yaml'))
      .sort(),
  }
}

describe('bad config, arguments, identifiers and URLs leave a SQLite database as it was', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let before: ReturnType<typeof snapshot>
  beforeAll(async () => {
    project = createProject('retort-bad-input-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    // The default env: no env module in the script directory.
    rmSync(join(dir, 'migrations/env.ts'))
    writeFileSync(join(dir, 'retort.yaml'), `${MIGRATIONS}\n${URL_LINE}\n`)
    for (const [index, table] of ['account', 'invoice', 'payment'].entries()) {
      const created = await newRevision(dir, [
        '-m',
        `create ${table}`,
        '--rev-id',
        `abcd0000000${index + 1}`,
      ])
      fillRevision(created.path, table)
    }
    await ok(dir, ['upgrade', 'abcd00000002'])
    before = snapshot(dir)
  }, 120_000)
  afterAll(() => project.cleanup())

  it('has a corpus of at least 30 cases', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(CASES.map((input) => [input.label, input] as const))('%s', async (label, input) => {
    const { file, args } = prepare(dir, input)
    const result = await retortInProcess(dir, args, input.env)
    expectRefused(result, input.code ?? 1, pattern(input.line, file), label)
    expect(snapshot(dir)).toEqual(before)
  })

  it('the binary gives the same code and line as the in-process runs', async () => {
    for (const input of CASES.filter((_, index) => index % 8 === 0)) {
      const { file, args } = prepare(dir, input)
      const spawned = retort(dir, args, input.env as Record<string, string> | undefined)
      const inProcess = await retortInProcess(dir, args, input.env)
      expect(spawned.code, input.label).toBe(inProcess.code)
      expect(spawned.stderr, input.label).toBe(inProcess.stderr)
      expect(snapshot(dir)).toEqual(before)
    }
  })

  it('--json gives the error as a document on stdout, with the same exit code', async () => {
    for (const input of CASES) {
      const { file, args } = prepare(dir, input)
      const result = await retortInProcess(dir, ['--json', ...args], input.env)
      const code = input.code ?? 1
      expectRefused(result, code, pattern(input.line, file), input.label)
      const document = JSON.parse(result.stdout) as {
        error: { type: string; message: string; exitCode: number }
      }
      expect(document.error.exitCode, input.label).toBe(code)
      expect(`error: ${document.error.message}\n`).toBe(result.stderr)
      expect(document.error.type).toMatch(code === 2 ? /^UsageError$/ : /Error$/)
    }
    expect(snapshot(dir)).toEqual(before)
  })

  it('usage errors of the command line are JSON too', async () => {
    for (const args of [['heads', '--bogus'], ['frobnicate'], ['show'], []]) {
      const result = await retortInProcess(dir, ['--json', ...args])
      expect(result.code).toBe(2)
      expect(JSON.parse(result.stdout)).toMatchObject({
        error: { type: 'UsageError', exitCode: 2 },
      })
    }
  })

  it('-x url= with no env module migrates that database, not the config one', async () => {
    await ok(dir, ['-x', 'url=sqlite:///other.db', 'upgrade', 'heads'])
    await ok(dir, ['-x', 'url=sqlite:///other.db', 'downgrade', '-1'])
    const current = JSON.parse(
      await ok(dir, ['--json', '-x', 'url=sqlite:///other.db', 'current']),
    ) as {
      heads: string[]
    }
    expect(current.heads).toEqual(['abcd00000002'])
    expect(readFileSync(join(dir, 'app.db'))).toEqual(before.db)
    for (const name of readdirSync(dir)) if (name.startsWith('other.db')) rmSync(join(dir, name))
  })

  it('-n NAME does not read a variable only another entry uses', async () => {
    const file = join(dir, 'named.yaml')
    writeFileSync(
      file,
      [
        MIGRATIONS,
        'databases:',
        '  main:',
        '    url: sqlite:///app.db',
        '  audit:',
        '    url: ${RETORT_TEST_AUDIT_URL}',
        '',
      ].join('\n'),
    )
    const result = await retortInProcess(dir, ['--json', '-c', file, '-n', 'main', 'current'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ heads: ['abcd00000002'] })
    expect(snapshot(dir)).toEqual(before)
  })
})

describe('an identifier with several heads', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    project = createProject('retort-bad-heads-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    rmSync(join(dir, 'migrations/env.ts'))
    writeFileSync(join(dir, 'retort.yaml'), `${MIGRATIONS}\n${URL_LINE}\n`)
    const base = await newRevision(dir, ['-m', 'create account', '--rev-id', 'base00000001'])
    fillRevision(base.path, 'account')
    for (const [id, table] of [
      ['left00000001', 'lefty'],
      ['right0000001', 'righty'],
    ] as const) {
      const created = await newRevision(dir, [
        '-m',
        `create ${table}`,
        '--head',
        'base00000001',
        '--splice',
        '--rev-id',
        id,
      ])
      fillRevision(created.path, table)
    }
    await ok(dir, ['upgrade', 'base00000001'])
  }, 120_000)
  afterAll(() => project.cleanup())

  it("'head' is refused, naming every head", async () => {
    const db = readFileSync(join(dir, 'app.db'))
    const result = await retortInProcess(dir, ['upgrade', 'head'])
    expectRefused(
      result,
      1,
      /'left00000001'.*'right0000001'|'right0000001'.*'left00000001'/,
      'head',
    )
    expect(result.stderr).toMatch(/heads/)
    expect(readFileSync(join(dir, 'app.db'))).toEqual(db)
  })
})

/** The cases that also run against PostgreSQL and MariaDB (`{url}` is the database's URL). */
const SERVER_CASES: readonly BadInput[] = [
  {
    label: 'unknown key in the selected entry',
    config: [MIGRATIONS, 'databases:', '  main:', '    url: "{url}"', '    versionTabel: v'],
    args: ['-n', 'main', 'upgrade', 'heads'],
    line: "{file}:5: 'databases.main.versionTabel' is not a Retort key; did you mean 'versionTable'?",
  },
  {
    label: 'unknown -x key',
    config: [MIGRATIONS, 'url: "{url}"'],
    args: ['-x', 'ulr=sqlite:///other.db', 'downgrade', 'base'],
    line: "-x ulr: the default env (the script directory has no env module) reads only -x url; did you mean 'url'?",
  },
  {
    label: 'a downgrade that overshoots base',
    config: [MIGRATIONS, 'url: "{url}"'],
    args: ['downgrade', '-5'],
    line: "'-5' goes below base",
  },
  {
    label: 'an unset variable in the selected entry',
    config: [
      MIGRATIONS,
      'databases:',
      '  main:',
      '    url: "{url}"',
      '    versionTable: ${RETORT_TEST_UNSET}',
    ],
    args: ['-n', 'main', 'downgrade', 'base'],
    line: "{file}:5: 'databases.main.versionTable' uses ${RETORT_TEST_UNSET}",
  },
]

async function runServerCases(
  dir: string,
  url: string,
  /** The database's columns, version rows and rows, to compare before and after. */
  state: () => Promise<unknown>,
): Promise<void> {
  const before = await state()
  for (const input of SERVER_CASES) {
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, `${input.config!.join('\n').replaceAll('{url}', url)}\n`)
    const result = await retortInProcess(dir, ['-c', file, ...input.args])
    expectRefused(result, input.code ?? 1, pattern(input.line, file), input.label)
    expect(await state(), input.label).toEqual(before)
  }
}

async function serverProject(
  url: string,
): Promise<{ project: ReturnType<typeof createProject>; dir: string }> {
  const project = createProject('retort-bad-server-')
  const dir = project.dir
  for (const name of ['dialect-postgres', 'dialect-mysql']) {
    symlinkSync(join(root, 'packages', name), join(dir, 'node_modules/@retort', name), 'dir')
  }
  await ok(dir, ['init', 'migrations'])
  rmSync(join(dir, 'migrations/env.ts'))
  writeFileSync(join(dir, 'retort.yaml'), `${MIGRATIONS}\nurl: ${url}\n`)
  for (const [index, table] of ['account', 'invoice'].entries()) {
    const created = await newRevision(dir, [
      '-m',
      `create ${table}`,
      '--rev-id',
      `srv00000000${index + 1}`,
    ])
    fillRevision(created.path, table)
  }
  await ok(dir, ['upgrade', 'srv000000001'])
  return { project, dir }
}

describePostgres('bad input leaves a PostgreSQL database as it was', () => {
  let database: PostgresTestDatabase
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    database = await createPostgresDatabase()
    ;({ project, dir } = await serverProject(database.url))
    await database.query('INSERT INTO account (id) VALUES (1), (2)')
  }, 120_000)
  afterAll(async () => {
    project?.cleanup()
    await database?.drop()
  })

  it('refuses each case before touching the schema or the rows', async () => {
    await runServerCases(dir, database.url, async () => ({
      columns: await database.query(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
      ),
      versions: await database.query('SELECT version_num FROM retort_version ORDER BY 1'),
      accounts: await database.query('SELECT id FROM account ORDER BY id'),
    }))
  })
})

describeMysql('bad input leaves a MariaDB database as it was', () => {
  let database: MysqlTestDatabase
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    database = await createMysqlDatabase()
    ;({ project, dir } = await serverProject(database.uri))
    await database.admin.query('INSERT INTO account (id) VALUES (1), (2)')
  }, 120_000)
  afterAll(async () => {
    project?.cleanup()
    await database?.drop()
  })

  it('refuses each case before touching the schema or the rows', async () => {
    const rows = async (sql: string, values: unknown[] = []) =>
      (await database.admin.query(sql, values))[0]
    await runServerCases(dir, database.uri, async () => ({
      columns: await rows(
        'SELECT table_name, column_name, column_type FROM information_schema.columns WHERE table_schema = ? ORDER BY 1, 2',
        [database.name],
      ),
      versions: await rows('SELECT version_num FROM retort_version ORDER BY 1'),
      accounts: await rows('SELECT id FROM account ORDER BY id'),
    }))
  })
})
