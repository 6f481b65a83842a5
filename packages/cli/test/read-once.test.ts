// Every command reads each revision file's header once and lists the versions directory
// once; a TypeScript revision that runs is compiled from the text its header was read from
// (or found in the compile cache by a hash of it), so it is not opened again, and a replay
// (drift, autogenerate) reuses both the bodies and the texts. Counted through a wrapper
// around node:fs (what the script directory and the TypeScript loader read with), so the
// check needs no strace.
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { TypeScriptLoader } from '../../core/src/script/typescript-loader.js'
import { main } from '../src/main.js'
import { retortInProcess } from './helpers/in-process.js'
import { createProject } from './helpers/project.js'

/**
 * Opens and reads of each path, listings of each directory, and TypeScript imports of each
 * path, since the last reset.
 */
const counts = vi.hoisted(() => ({
  opened: new Map<string, number>(),
  read: new Map<string, number>(),
  listed: new Map<string, number>(),
  imported: new Map<string, number>(),
}))

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  const bump = (map: Map<string, number>, path: unknown) => {
    if (typeof path === 'string') map.set(path, (map.get(path) ?? 0) + 1)
  }
  const wrapped = {
    ...actual,
    openSync: ((path: fs.PathLike, ...rest: unknown[]) => {
      bump(counts.opened, path)
      return (actual.openSync as (...args: unknown[]) => number)(path, ...rest)
    }) as typeof actual.openSync,
    readFileSync: ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      bump(counts.read, path)
      return (actual.readFileSync as (...args: unknown[]) => unknown)(path, ...rest)
    }) as typeof actual.readFileSync,
    readdirSync: ((path: fs.PathLike, ...rest: unknown[]) => {
      bump(counts.listed, path)
      return (actual.readdirSync as (...args: unknown[]) => unknown)(path, ...rest)
    }) as typeof actual.readdirSync,
  }
  return { ...wrapped, default: wrapped }
})

const REVISIONS = 12

// better-sqlite3 as the dialect package resolves it (the CLI package does not depend on it).
const Database = createRequire(
  fileURLToPath(new URL('../../dialect-sqlite/package.json', import.meta.url)),
)('better-sqlite3') as new (filename: string) => { exec(sql: string): void; close(): void }

describe('one read of each revision file per command', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let versions: string
  const paths: string[] = []
  const messages: string[] = []

  /**
   * How often each revision file was opened for its header and read whole, how often the
   * versions directory was listed, and how many revision imports the TypeScript loader ran.
   */
  function reads(): { header: number[]; whole: number[]; listings: number; imports: number } {
    return {
      header: paths.map((path) => counts.opened.get(path) ?? 0),
      whole: paths.map((path) => counts.read.get(path) ?? 0),
      listings: counts.listed.get(versions) ?? 0,
      imports: paths.reduce((sum, path) => sum + (counts.imported.get(path) ?? 0), 0),
    }
  }

  /** Each file opened once, for its header; `imports` revisions imported. */
  const once = (imports: number) => ({
    header: paths.map(() => 1),
    whole: paths.map(() => 0),
    listings: 1,
    imports,
  })

  async function run(args: readonly string[]): Promise<string> {
    const result = await retortInProcess(dir, args)
    if (result.code !== 0) throw new Error(`retort ${args.join(' ')}: ${result.stderr}`)
    return result.stdout
  }

  beforeAll(async () => {
    const importModule = TypeScriptLoader.prototype.import
    vi.spyOn(TypeScriptLoader.prototype, 'import').mockImplementation(function (
      this: TypeScriptLoader,
      path: string,
      ...rest: [string?]
    ) {
      counts.imported.set(path, (counts.imported.get(path) ?? 0) + 1)
      return importModule.call(this, path, ...rest)
    })
    project = createProject('retort-read-once-')
    dir = project.dir
    versions = join(dir, 'migrations/versions')
    await run(['init', 'migrations'])
    for (let i = 1; i <= REVISIONS; i++) {
      const created = JSON.parse(await run(['--json', 'revision', '-m', `step ${i}`])) as {
        path: string
      }
      paths.push(created.path)
      messages.push(`step ${i}`)
    }
  })
  afterAll(() => project.cleanup())
  beforeEach(() => {
    for (const map of Object.values(counts)) map.clear()
  })

  it('upgrade head: one header read of each file, one import of each, one listing', async () => {
    const out = await run(['--json', 'upgrade', 'head'])
    expect(reads()).toEqual(once(REVISIONS))
    // What the progress and summary lines show comes with the result.
    const { applied } = JSON.parse(out) as { applied: { revision: string; message: string }[] }
    expect(applied.map((step) => step.message)).toEqual(messages)
  })

  it('current (text): one header read of each file, no import, one listing', async () => {
    const out = await run(['current'])
    expect(out).toContain(`(head) step ${REVISIONS}`)
    expect(reads()).toEqual(once(0))
  })

  it('downgrade -1 imports only the revision it runs', async () => {
    await run(['downgrade', '-1'])
    expect(reads()).toEqual(once(1))
  })

  it.each([
    [['stamp', 'head']],
    [['current', '-v']],
    [['current', '--check-heads']],
    [['history']],
    [['history', '--indicate-current', '-v']],
    [['heads']],
    [['branches']],
    [['show', 'head']],
    [['graph']],
    [['ensure-version']],
  ])('%j reads each header once and imports nothing', async (args) => {
    await run(args)
    expect(reads()).toEqual(once(0))
  })

  it('check: one header read of each file, one import of each, reused by the drift replay', async () => {
    // At head (the stamp above): every body loads, then the revisions are replayed on a
    // scratch database to compare with the live schema.
    const out = await run(['--json', 'check'])
    expect(JSON.parse(out)).toMatchObject({ ok: true })
    expect(reads()).toEqual(once(REVISIONS))
  })

  it('upgrade --sql imports each revision once for its SQL', async () => {
    await run(['upgrade', 'base:head', '--sql'])
    expect(reads()).toEqual(once(REVISIONS))
  })

  it('the progress line on a terminal shows the message the run reports', async () => {
    await run(['downgrade', '-1'])
    let stderr = ''
    const code = await main(
      ['upgrade', 'head'],
      {
        stdout: { write: () => true },
        stderr: { isTTY: true, columns: 120, write: (text: string) => (stderr += text) },
        env: { NO_COLOR: '1' },
        cwd: dir,
      },
      '0.0.0',
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(new RegExp(`\\[1/1\\] ↑ [0-9a-f]{12} step ${REVISIONS} `))
  })

  it('revision --autogenerate reads each header once and imports each once (last: it adds a revision)', async () => {
    // A table the revisions do not make: the comparison finds it and writes a revision.
    const db = new Database(join(dir, 'migrations.db'))
    db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)')
    db.close()
    const out = await run(['--json', 'revision', '--autogenerate', '-m', 'extra'])
    expect(JSON.parse(out)).toMatchObject({ operations: [expect.stringContaining('extra')] })
    // The revisions are replayed on a scratch database to compare: each imported once.
    expect(reads()).toEqual(once(REVISIONS))
  })
})
