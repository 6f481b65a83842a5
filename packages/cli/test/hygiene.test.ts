import { spawnSync } from 'node:child_process'
import { closeSync, constants, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort } from './helpers/in-process.js'

/** An error run: its exit code and exactly one line on stderr, `error: ...`. */
function oneLineError(run: { code: number; stderr: string }, code: 1 | 2): string {
  expect(run.code, run.stderr).toBe(code)
  expect(run.stderr).toMatch(/^error: [^\n]+\n$/)
  return run.stderr.slice('error: '.length, -1)
}

let fifos = 0

/**
 * Runs `retort ARGS` with stdout on a pipe whose reader is already gone: every write gets
 * EPIPE, whatever the timing (a FIFO opened for reading, opened for writing, and the
 * reading end closed before the process starts).
 */
function runIntoClosedPipe(cwd: string, args: readonly string[]) {
  const fifo = join(cwd, `closed-${fifos++}.fifo`)
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)
  const writer = openSync(fifo, constants.O_WRONLY)
  closeSync(reader)
  try {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
    delete env['FORCE_COLOR']
    delete env['CI']
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ['ignore', writer, 'pipe'],
      encoding: 'utf8',
      env,
    })
    return { code: result.status, signal: result.signal, stderr: result.stderr }
  } finally {
    closeSync(writer)
  }
}

describe('CLI hygiene', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let first: string
  let second: string
  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    const r1 = await newRevision(dir, ['-m', 'create account'])
    fillRevision(r1.path, 'account')
    first = r1.revision
    const r2 = await newRevision(dir, ['-m', 'seed account'])
    // A bound value that must never be printed, even with --debug.
    writeFileSync(
      r2.path,
      readFileSync(r2.path, 'utf8')
        .replace(
          /(export async function upgrade\([^)]*\) \{)\n\}/,
          "$1\n  op.execute('INSERT INTO account (id) SELECT ? WHERE ? <> ?', [7, 's3cret-token', ''])\n}",
        )
        .replace(
          /(export async function downgrade\([^)]*\) \{)\n\}/,
          "$1\n  op.execute('DELETE FROM account WHERE id = 7')\n}",
        ),
    )
    second = r2.revision
  })
  afterAll(() => project.cleanup())

  it('every usage error is one line that points to the right help', async () => {
    const cases: [string[], string][] = [
      [['histroy'], "unknown command 'histroy' (did you mean 'history'?); see 'retort --help'"],
      [
        ['heads', '--jsn'],
        "unknown option '--jsn' (did you mean '--json'?); see 'retort heads --help'",
      ],
      [['--jsn', 'heads'], "unknown option '--jsn' (did you mean '--json'?); see 'retort --help'"],
      [['show'], "missing required argument 'rev'; see 'retort show --help'"],
      [
        ['heads', 'extra'],
        "too many arguments for 'heads'; expected 0 arguments but got 1; see 'retort heads --help'",
      ],
      [
        ['graph', '--format', 'png'],
        "option '--format <format>' argument 'png' is invalid; allowed choices are mermaid, dot, ascii, svg, html; see 'retort graph --help'",
      ],
      [['-c'], "option '-c, --config <file>' argument missing; see 'retort --help'"],
      [['frobnicate'], "unknown command 'frobnicate'; see 'retort --help'"],
    ]
    for (const [args, message] of cases) {
      expect(oneLineError(await retort(dir, args), 2), args.join(' ')).toBe(message)
    }
  })

  it('a range without --sql, and a step from heads, say what to write instead', async () => {
    expect(oneLineError(await retort(dir, ['upgrade', `${first}:${second}`]), 1)).toBe(
      `'${first}:${second}' is a range, not a revision: only offline SQL (--sql) and 'history -r' take FROM:TO; name a single target such as '${second}'`,
    )
    expect(oneLineError(await retort(dir, ['upgrade', 'heads+1']), 1)).toBe(
      "'heads+1' cannot move: 'heads' stands for every head at once; write 'REV@+1' or 'LABEL@+1' to move along one branch, or '+1' when the database is at a single revision",
    )
    expect(oneLineError(await retort(dir, ['downgrade', 'heads-1']), 1)).toMatch(
      /^'heads-1' cannot move: .*'REV@-1' or 'LABEL@-1'.* or '-1' when/,
    )
    expect(oneLineError(await retort(dir, ['stamp', `${first}@heads`]), 1)).toBe(
      `'${first}@heads' names one branch, which has a single head: write '${first}@head'`,
    )
    // Nothing ran: the database is still at base, and the range still works offline.
    expect(await ok(dir, ['current'])).toMatch(/^base /)
    expect(await ok(dir, ['upgrade', '--sql', `${first}:${second}`])).toContain(
      'INSERT INTO account',
    )
  })

  it('a stdout closed by its reader ends the command quietly, with its usual exit code', async () => {
    for (const args of [['history'], ['graph', '--format', 'dot'], ['--help'], ['--version']]) {
      const run = runIntoClosedPipe(dir, args)
      expect({ args, ...run }).toEqual({ args, code: 0, signal: null, stderr: '' })
    }
    // A failing command keeps its code and its one error line.
    const failing = runIntoClosedPipe(dir, ['show', 'ffffffffffff'])
    expect(failing.code).toBe(1)
    expect(failing.stderr).toMatch(/^error: no revision matches 'ffffffffffff'.*\n$/)
  })

  it('--debug shows each statement as it runs, never its bound values', async () => {
    const run = await retort(dir, ['--debug', 'upgrade', 'heads'])
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stderr.split('\n')
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line))
    const firstStep = at(new RegExp(`^Running upgrade base -> ${first}`))
    const secondStep = at(new RegExp(`^Running upgrade ${first} -> ${second}`))
    const create = at(/^debug: sql: CREATE TABLE "account" /)
    const insert = at(
      /^debug: sql: INSERT INTO account \(id\) SELECT \? WHERE \? <> \?  \(3 bound values, not shown\)$/,
    )
    // In the order they ran: each statement after its revision's line.
    expect(firstStep).toBeGreaterThan(
      at(/^debug: sql: CREATE TABLE IF NOT EXISTS "retort_version"/),
    )
    expect(create).toBeGreaterThan(firstStep)
    expect(secondStep).toBeGreaterThan(create)
    expect(insert).toBeGreaterThan(secondStep)
    expect(lines).toContain(
      'debug: sql: INSERT INTO "retort_version" ("version_num") VALUES (?)  (1 bound value, not shown)',
    )
    expect(lines).toContain('debug: sql: BEGIN (transaction)')
    expect(lines).toContain('debug: sql: COMMIT (transaction)')
    expect(run.stderr).not.toContain('s3cret-token')
    expect(run.stdout).not.toContain('sql:')

    // Reads show theirs too; without --debug, no statement is shown.
    expect((await retort(dir, ['--debug', 'current'])).stderr).toContain(
      'debug: sql: SELECT "version_num" FROM "retort_version" ORDER BY "version_num"',
    )
    const quiet = await retort(dir, ['downgrade', 'base'])
    expect(quiet.code, quiet.stderr).toBe(0)
    expect(quiet.stderr).not.toContain('sql:')
  })
})

describe('post-write hooks', () => {
  // A directory with a space in its name: the path of a new revision must reach a hook whole.
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    project = createProject('retort hooks ')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
  })
  afterAll(() => project.cleanup())

  const withHook = (hook: string) =>
    writeFileSync(
      join(dir, 'retort.yaml'),
      `scriptLocation: migrations\nurl: sqlite:///migrations.db\npostWriteHooks:\n  - ${JSON.stringify(hook)}\n`,
    )

  it('are read with shell quoting, and their exit code is honoured', async () => {
    withHook('node -e "process.exit(3)" {path}')
    const message = oneLineError(await retort(dir, ['revision', '-m', 'one']), 1)
    expect(message).toMatch(
      /^post-write hook 'node -e process\.exit\\\(3\\\) '.*retort hooks .*_one\.ts'' failed \(exit code 3\); the file '.*_one\.ts' was written/,
    )
  })

  it('get {path} as one argument, spaces and all', async () => {
    const out = join(dir, 'argv.json')
    withHook(
      `node -e "require('fs').writeFileSync(${JSON.stringify(out).replaceAll('"', "'")}, JSON.stringify(process.argv.slice(1)))" {path}`,
    )
    const written = await newRevision(dir, ['-m', 'two'])
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([written.path])
    expect(written.path).toContain(' ')
  })

  it('refuse what only a shell would do, naming the key', async () => {
    withHook('prettier --write {path} | cat')
    expect(oneLineError(await retort(dir, ['revision', '-m', 'three']), 1)).toMatch(
      /retort\.yaml:\d+: 'postWriteHooks\[0\]' uses '\|', which needs a shell/,
    )
    withHook('node -e "process.exit(0) {path}')
    expect(oneLineError(await retort(dir, ['revision', '-m', 'three']), 1)).toMatch(
      /'postWriteHooks\[0\]' has an unclosed double quote; close it$/,
    )
  })
})
