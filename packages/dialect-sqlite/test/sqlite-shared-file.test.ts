// Two applications with their own version tables in one SQLite file. Their migration locks
// are separate (different sidecar files), but SQLite lets one connection write a file at a
// time: the second application's migration waits for the first one's transaction, for as
// long as it would wait for a lock (lockTimeout), not SQLite's usual few seconds.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SQLITE_TIMEOUT_MS } from '../src/sqlite-dialect.js'
import { sqliteLockPath } from '../src/sqlite-migration-lock.js'
import { bundleSources } from './helpers/bundle-sources.js'
import { tables, tempDirs, versionRows, writeScript } from './helpers/runtime-fixture.js'

const upgradeChild = fileURLToPath(new URL('./fixtures/upgrade-child.mjs', import.meta.url))
const busyProbe = fileURLToPath(new URL('./fixtures/busy-probe.mjs', import.meta.url))

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)))
}

/** Whether another process holds the migration lock of this sidecar file. */
function lockHeld(sidecar: string): boolean {
  let probe: Database.Database
  try {
    probe = new Database(sidecar, { timeout: 0, fileMustExist: true })
  } catch {
    return false
  }
  try {
    probe.exec('BEGIN EXCLUSIVE')
    probe.exec('ROLLBACK')
    return false
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return true
    throw error
  } finally {
    probe.close()
  }
}

describe('two version tables in one SQLite file', () => {
  it("the second migration waits for the first one's write (past SQLite's usual busy timeout) and then runs", async () => {
    const dir = dirs.make()
    const filename = path.join(dir, 'shared.db')
    const scriptLocation = writeScript(path.join(dir, 'migrations'), [
      { id: 'b1', down: null },
      { id: 'b2', down: 'b1' },
    ])
    const bundle = await bundleSources(dirs.make('retort-bundle-'))

    // Application A, in the middle of its own migration: a write transaction on the file.
    const a = new Database(filename)
    a.exec('CREATE TABLE a_version (version_num TEXT PRIMARY KEY)')
    a.exec('BEGIN IMMEDIATE')
    a.exec("INSERT INTO a_version VALUES ('a1')")

    // Application B (the default version table) starts its migration.
    const b = spawn(process.execPath, [upgradeChild, bundle, scriptLocation, filename], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const lines: Record<string, unknown>[] = []
    let stderr = ''
    b.stderr!.on('data', (chunk) => (stderr += String(chunk)))
    let ready: () => void = () => {}
    const loaded = new Promise<void>((resolve) => (ready = resolve))
    createInterface({ input: b.stdout! }).on('line', (line) => {
      const value = JSON.parse(line) as Record<string, unknown>
      lines.push(value)
      if (value['ready'] === true) ready()
    })
    const bExit = exitOf(b)
    await loaded
    b.stdin!.end('go\n')

    // B holds its own lock (A's does not concern it), so it is now waiting for A's write.
    const sidecar = sqliteLockPath(filename, 'retort_version')
    while (!lockHeld(sidecar)) {
      expect(b.exitCode, stderr).toBeNull()
      await sleep(20)
    }
    // A connection with SQLite's usual busy timeout, started after B began to wait, gives
    // up while A still writes; B, waiting as long as for a lock, does not.
    const probe = spawn(process.execPath, [busyProbe, filename, String(DEFAULT_SQLITE_TIMEOUT_MS)])
    expect(await exitOf(probe)).toBe(3)
    expect(b.exitCode, JSON.stringify(lines)).toBeNull()
    expect(tables(filename)).toEqual(['a_version'])

    // A commits: B goes on and migrates.
    a.exec('COMMIT')
    a.close()
    expect(await bExit, `${JSON.stringify(lines)} ${stderr}`).toBe(0)
    expect(lines.find((line) => 'applied' in line)).toEqual({
      applied: ['b1', 'b2'],
      heads: ['b2'],
    })
    expect(versionRows(filename)).toEqual(['b2'])
    expect(versionRows(filename, 'a_version')).toEqual(['a1'])
  }, 120_000)
})
