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
    // No file yet: created at the head from a template (built by running the revisions once).
    expect(first.lines).toContain('[notes] info: Running upgrade base -> 1a2b3c4d5e6f: create note')
    expect(first.lines).toContain(`[notes] info: database created at ${HEAD} (template: built)`)

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

  it('opens a database written by a newer version of the app read-only, and refuses to write', async () => {
    const dataDir = path.join(tempDir(), 'data')
    expect((await runApp(['--data-dir', dataDir], '/')).code).toBe(0)
    const filename = path.join(dataDir, 'notes.db')
    const db = new Database(filename)
    db.prepare('UPDATE retort_version SET version_num = ?').run('9f9f9f9f9f9f')
    db.close()
    const before = fs.readFileSync(filename)

    const read = await runApp(['--data-dir', dataDir], '/')
    expect(read.code, read.stdout + read.stderr).toBe(0)
    expectOnlyAppOutput(read)
    expect(read.lines).toContain(
      '[notes] warn: your notes were saved by a newer version of this app (9f9f9f9f9f9f); opened read-only: update the app to edit them',
    )
    expect(read.lines.at(-1)).toMatch(/^\[notes\] info: ready: 1 note in /)

    const write = await runApp(['--data-dir', dataDir, '--note', 'hello'], '/')
    expect(write.code).toBe(3)
    expect(write.stdout).toContain(
      'cannot save the note: the notes were saved by a newer version of this app',
    )
    expect(versionRows(filename)).toEqual(['9f9f9f9f9f9f'])
    expect(fs.readFileSync(filename)).toEqual(before)
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false)
  })

  it('backs up a database that is behind before upgrading it', async () => {
    const dataDir = path.join(tempDir(), 'data')
    expect((await runApp(['--data-dir', dataDir, '--note', 'mine'], '/')).code).toBe(0)
    const filename = path.join(dataDir, 'notes.db')
    // As the previous version of the app left it: before 4d5e6f7a8b9c added note.pinned.
    const db = new Database(filename)
    db.exec('DROP INDEX ix_note_pinned; ALTER TABLE note DROP COLUMN pinned')
    db.prepare('UPDATE retort_version SET version_num = ?').run('3c4d5e6f7a8b')
    db.close()

    const run = await runApp(['--data-dir', dataDir], '/')
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expectOnlyAppOutput(run)
    const backups = fs.readdirSync(path.join(dataDir, 'backups'))
    expect(backups).toHaveLength(1)
    const backup = path.join(dataDir, 'backups', backups[0]!)
    expect(run.lines).toContain(`[notes] info: backed up to ${backup}`)
    expect(run.lines).toContain(`[notes] info: database upgraded to ${HEAD} (1 migration)`)
    expect(versionRows(backup)).toEqual(['3c4d5e6f7a8b'])
    expect(
      query<{ body: string }>(backup, 'SELECT body FROM note ORDER BY id').map((r) => r.body),
    ).toEqual(['Welcome! This note was written by a migration.', 'mine'])
    expect(versionRows(filename)).toEqual([HEAD])

    // Up to date now: no second backup.
    expect((await runApp(['--data-dir', dataDir], '/')).lines).toContain(
      `[notes] info: database is up to date (${HEAD})`,
    )
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1)
  })

  it('creates user databases at the head from one template', async () => {
    const root = tempDir()
    const migrated = path.join(root, 'migrated')
    expect((await runApp(['--data-dir', migrated], '/')).code).toBe(0)
    const outDir = path.join(root, 'users')
    const run = await runApp(['make-user-databases', '--out', outDir, '--count', '3'], os.tmpdir())
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expectOnlyAppOutput(run)
    expect(run.lines.filter((line) => line.includes('(template: '))).toEqual([
      `[notes] info: created ${path.join(outDir, 'user-1.db')} (template: built)`,
      `[notes] info: created ${path.join(outDir, 'user-2.db')} (template: memory)`,
      `[notes] info: created ${path.join(outDir, 'user-3.db')} (template: memory)`,
    ])
    for (const index of [1, 2, 3]) {
      const filename = path.join(outDir, `user-${index}.db`)
      expect(versionRows(filename)).toEqual([HEAD])
      expect(schema(filename)).toEqual(schema(path.join(migrated, 'notes.db')))
      expect(query<{ body: string }>(filename, 'SELECT body FROM note').map((r) => r.body)).toEqual(
        ['Welcome! This note was written by a migration.'],
      )
    }
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
