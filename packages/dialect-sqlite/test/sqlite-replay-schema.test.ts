// The scratch/replay/cache seam on SQLite: revisions replayed on a private in-memory
// database, the snapshot cached by the revisions' checksums.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  Config,
  loadRevisions,
  openScratchDatabase,
  readScratchSchema,
  replayRevisions,
  replaySchema,
  withScratchDatabase,
} from '../../core/src/index.js'
import { sqliteDialect } from '../src/index.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function project(): { dir: string; versions: string; config: Config } {
  const dir = mkdtempSync(join(tmpdir(), 'retort-replay-'))
  dirs.push(dir)
  const versions = join(dir, 'migrations/versions')
  mkdirSync(versions, { recursive: true })
  writeFileSync(
    join(versions, 'a1_tag.yaml'),
    'revision: a1\ndownRevision: null\nmessage: tag\nupgrade:\n  - createTable: { name: tag, columns: [{ name: id, type: integer, primaryKey: true }] }\n',
  )
  writeFileSync(
    join(versions, 'b2_note.yaml'),
    'revision: b2\ndownRevision: a1\nmessage: note\nupgrade:\n  - createTable: { name: note, columns: [{ name: id, type: integer, primaryKey: true }] }\n',
  )
  return { dir, versions, config: new Config({ scriptLocation: join(dir, 'migrations') }) }
}

describe('replaySchema (SQLite)', () => {
  it('replays up to the target on a scratch database and caches the snapshot by checksums', async () => {
    const { dir, versions, config } = project()
    const cache = { directory: join(dir, 'cache') }
    const app = join(dir, 'app.db')
    const dialect = sqliteDialect({ filename: app })

    const first = await replaySchema(dialect, await loadRevisions(config), { cache })
    expect(first.cached).toBe(false)
    expect(first.revisions).toEqual(['a1', 'b2'])
    expect(first.snapshot.tables.map((t) => t.name)).toEqual(['note', 'tag'])
    // The dialect's own database is never opened.
    expect(existsSync(app)).toBe(false)

    const second = await replaySchema(dialect, await loadRevisions(config), { cache })
    expect(second).toMatchObject({ cached: true, key: first.key })
    expect(second.snapshot).toEqual(first.snapshot)

    // Line endings and trailing whitespace do not count...
    const file = join(versions, 'b2_note.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '  \r\n'))
    expect((await replaySchema(dialect, await loadRevisions(config), { cache })).cached).toBe(true)
    // ...an edit does.
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: note', 'name: memo'))
    const edited = await replaySchema(dialect, await loadRevisions(config), { cache })
    expect(edited.cached).toBe(false)
    expect(edited.snapshot.tables.map((t) => t.name)).toEqual(['memo', 'tag'])

    const partial = await replaySchema(dialect, await loadRevisions(config), {
      cache,
      target: 'a1',
    })
    expect(partial.revisions).toEqual(['a1'])
    expect(partial.snapshot.tables.map((t) => t.name)).toEqual(['tag'])
  })

  it('opens a scratch database from a URL, and drops it whatever the work does', async () => {
    const { dir, config } = project()
    const loaded = await loadRevisions(config)
    const url = `sqlite:///${join(dir, 'never.db')}`
    const scratch = await openScratchDatabase(url, {
      resolveDialect: (u) => sqliteDialect({ filename: u.slice('sqlite:///'.length) }),
    })
    const run = await replayRevisions(scratch, loaded, { target: 'heads' })
    expect(run.applied.map((a) => a.revision)).toEqual(['a1', 'b2'])
    expect((await readScratchSchema(scratch)).tables.map((t) => t.name)).toEqual(['note', 'tag'])
    await scratch.dispose()
    await scratch.dispose()
    expect(existsSync(join(dir, 'never.db'))).toBe(false)

    let kept: Awaited<ReturnType<typeof openScratchDatabase>> | undefined
    await expect(
      withScratchDatabase(sqliteDialect({ filename: ':memory:' }), async (s) => {
        kept = s
        throw new Error('work failed')
      }),
    ).rejects.toThrow('work failed')
    // Disposed: its in-memory database is closed.
    await expect(readScratchSchema(kept!)).rejects.toThrow()
  })
})
