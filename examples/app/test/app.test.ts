// Runs the example app as a user would: a separate Node process started from a directory
// that has nothing to do with it, then checks the database it left behind.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const main = path.join(appDir, 'src', 'main.mjs')
const HEAD = '4d5e6f7a8b9c'

beforeAll(() => {
  // The app imports @retort/* by package name, so it runs their built dist/ (as `pnpm test`
  // builds first). Build them here too; tsc -b is incremental, so this is quick when fresh.
  execFileSync(
    process.execPath,
    [
      path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-b',
      'packages/core',
      'packages/dialect-sqlite',
    ],
    { cwd: repo, stdio: 'pipe' },
  )
}, 180_000)

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  // A space in the path: the app must not care where the user's data is.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort app-'))
  made.push(dir)
  return dir
}

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly lines: string[]
}

function runApp(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += String(chunk)))
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.once('error', reject)
    child.once('close', (code) =>
      resolve({ code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) }),
    )
  })
}

function query<T>(filename: string, sql: string): T[] {
  const db = new Database(filename, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

const versionRows = (filename: string) =>
  query<{ version_num: string }>(filename, 'SELECT version_num FROM retort_version').map(
    (r) => r.version_num,
  )
const schema = (filename: string) =>
  query<{ sql: string }>(
    filename,
    `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name`,
  ).map((r) => r.sql)

/** Every line the app printed went through its own logger. */
function expectOnlyAppOutput(run: Run): void {
  expect(run.stderr).toBe('')
  for (const line of run.lines) expect(line).toMatch(/^\[notes\] (debug|info|warn|error): /)
}

describe('examples/app', () => {
  it('upgrades the user database at start-up, started from /', async () => {
    const dataDir = path.join(tempDir(), 'user data')
    const first = await runApp(['--data-dir', dataDir], '/')
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expectOnlyAppOutput(first)
    expect(first.lines).toContain('[notes] info: Running upgrade base -> 1a2b3c4d5e6f: create note')
    expect(first.lines).toContain(`[notes] info: database upgraded to ${HEAD} (4 migrations)`)

    // The env module put the file where the dataDir xArg said.
    const filename = path.join(dataDir, 'notes.db')
    expect(versionRows(filename)).toEqual([HEAD])
    expect(query<{ body: string }>(filename, 'SELECT body FROM note').map((r) => r.body)).toEqual([
      'Welcome! This note was written by a migration.',
    ])

    const second = await runApp(['--data-dir', dataDir, '--note', 'hello'], os.tmpdir())
    expect(second.code, second.stdout + second.stderr).toBe(0)
    expectOnlyAppOutput(second)
    expect(second.lines).toContain(`[notes] info: database is up to date (${HEAD})`)
    expect(second.lines.some((line) => line.includes('Running upgrade'))).toBe(false)
    expect(versionRows(filename)).toEqual([HEAD])
    expect(query<{ n: number }>(filename, 'SELECT count(*) AS n FROM note')[0]!.n).toBe(2)
  })

  it('refuses a database written by a newer version of the app', async () => {
    const dataDir = path.join(tempDir(), 'data')
    expect((await runApp(['--data-dir', dataDir], '/')).code).toBe(0)
    const filename = path.join(dataDir, 'notes.db')
    const db = new Database(filename)
    db.prepare('UPDATE retort_version SET version_num = ?').run('9f9f9f9f9f9f')
    db.close()

    const run = await runApp(['--data-dir', dataDir], '/')
    expect(run.code).toBe(3)
    expectOnlyAppOutput(run)
    expect(run.stdout).toContain(
      'saved by a newer version of this app (9f9f9f9f9f9f); please update the app',
    )
    expect(versionRows(filename)).toEqual(['9f9f9f9f9f9f'])
  })

  it('creates temporary databases stamped at head without running migrations', async () => {
    const root = tempDir()
    const migrated = path.join(root, 'migrated')
    expect((await runApp(['--data-dir', migrated], '/')).code).toBe(0)

    const outDir = path.join(root, 'scratch')
    const run = await runApp(['make-temp-databases', '--out', outDir, '--count', '3'], os.tmpdir())
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expectOnlyAppOutput(run)
    expect(run.lines.some((line) => line.includes('Running upgrade'))).toBe(false)

    const files = fs
      .readdirSync(outDir)
      .filter((name) => name.endsWith('.db'))
      .sort()
    expect(files).toEqual(['scratch-1.db', 'scratch-2.db', 'scratch-3.db'])
    for (const [index, name] of files.entries()) {
      const filename = path.join(outDir, name)
      expect(versionRows(filename)).toEqual([HEAD])
      // The seed migration did not run; the app's handle stayed usable after the stamp.
      expect(query<{ body: string }>(filename, 'SELECT body FROM note').map((r) => r.body)).toEqual(
        [`scratch database ${index + 1}`],
      )
      // The schema snapshot is what the migrations build.
      expect(schema(filename)).toEqual(schema(path.join(migrated, 'notes.db')))
    }
  })
})
