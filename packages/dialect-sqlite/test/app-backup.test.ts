// Backups of SQLite files before a run that applies something, pruning to `keep`, and the
// automatic restore after a failed run that could not roll back.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  loadConfig,
  Migrator,
  PartialMigrationError,
  RestoredFromBackupError,
  type MigrationEvent,
} from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import {
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  { id: 'cccc03', down: 'bbbb02' },
  { id: 'dddd04', down: 'cccc03' },
]

/** Two statements: the first one (a table) succeeds, the second fails. */
const failing = (id: string, down: string, transaction?: boolean): RevisionSpec => ({
  id,
  down,
  ...(transaction === undefined ? {} : { transaction }),
  upgrade: [
    `  - createTable: { name: t_${id}, columns: [{ name: id, type: integer, primaryKey: true }] }`,
    '  - execute: "INSERT INTO no_such_table VALUES (1)"',
  ],
  downgrade: [`  - dropTable: { name: t_${id} }`],
})

function project(revisions: readonly RevisionSpec[] = specs) {
  const dir = dirs.make('retort-backup-')
  const scriptLocation = writeScript(path.join(dir, 'migrations'), revisions)
  const filename = path.join(dir, 'app.db')
  const events: MigrationEvent[] = []
  const migrator = (options: Partial<ConstructorParameters<typeof Migrator>[0]> = {}) =>
    new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename }),
      onEvent: (event) => {
        if (event.type !== 'statement' && event.type !== 'transaction') events.push(event)
      },
      ...options,
    })
  const backups = (dir2 = dir) =>
    fs
      .readdirSync(dir2)
      .filter((name) => name.startsWith('app.db.retort-backup-'))
      .sort()
      .map((name) => path.join(dir2, name))
  return { dir, filename, migrator, events, backups }
}

describe('backup before a run', () => {
  it('backs up next to the file before the first step, holding the database as it was', async () => {
    const { filename, migrator, events, backups } = project()
    await migrator().upgrade('aaaa01')
    expect(backups()).toEqual([])
    events.length = 0
    await migrator({ backup: true }).upgrade('cccc03')
    const [backup] = backups()
    expect(backup).toBeDefined()
    expect(events.map((e) => e.type)).toEqual([
      'backup-start',
      'backup-done',
      'step-start',
      'step-done',
      'step-start',
      'step-done',
    ])
    expect(events[0]).toEqual({ type: 'backup-start', database: filename, backup })
    expect(versionRows(backup!)).toEqual(['aaaa01'])
    expect(tables(backup!)).toEqual(['retort_version', 'retort_version_ledger', 't_aaaa01'])
    expect(versionRows(filename)).toEqual(['cccc03'])
  })

  it('takes no backup when there is nothing to do, nor for a file that does not exist yet', async () => {
    const { filename, migrator, events, backups } = project()
    await migrator({ backup: true }).upgrade()
    expect(versionRows(filename)).toEqual(['dddd04'])
    await migrator({ backup: true }).upgrade()
    await migrator({ backup: true }).downgrade('dddd04')
    expect(backups()).toEqual([])
    expect(events.filter((e) => e.type.startsWith('backup'))).toEqual([])
  })

  it('keeps the last `keep` backups in `dir`, deleting older ones', async () => {
    const { dir, migrator, events, backups } = project()
    const dir2 = path.join(dir, 'backups')
    await migrator().upgrade('aaaa01')
    const m = () => migrator({ backup: { dir: dir2, keep: 2 } })
    await m().upgrade('+1')
    await m().upgrade('+1')
    const [first, second] = backups(dir2)
    await m().upgrade('+1')
    const kept = backups(dir2)
    expect(kept).toHaveLength(2)
    expect(kept).not.toContain(first)
    expect(kept[0]).toBe(second)
    expect(versionRows(kept[1]!)).toEqual(['cccc03'])
    const done = events.filter((e) => e.type === 'backup-done')
    expect(done.map((e) => e.type === 'backup-done' && e.removed)).toEqual([[], [], [first]])
    expect(backups()).toEqual([])
  })
})

describe('restore after a failed run', () => {
  it("restores the file in transactionMode 'none' and says so in the error", async () => {
    const { filename, migrator, events, backups } = project([
      ...specs.slice(0, 2),
      failing('cccc03', 'bbbb02'),
    ])
    await migrator().upgrade('aaaa01')
    const before = fs.readFileSync(filename)
    const error = await migrator({ backup: true, transactionMode: 'none' })
      .upgrade()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RestoredFromBackupError)
    const [backup] = backups()
    expect((error as Error).message).toBe(
      `upgrade of revision 'cccc03' failed at statement \`INSERT INTO no_such_table VALUES (1)\`: no such table: no_such_table; the database '${filename}' was restored from the backup '${backup}' taken before the run, so it is as it was before: fix the revision and run the command again`,
    )
    expect((error as RestoredFromBackupError).cause).toBeInstanceOf(PartialMigrationError)
    expect(events.map((e) => e.type)).toContain('restored')
    expect(events.at(-1)).toEqual({ type: 'restored', database: filename, backup })
    // bbbb02 had completed: undone as well; no progress record left.
    expect(versionRows(filename)).toEqual(['aaaa01'])
    expect(tables(filename)).toEqual(tables(backup!))
    expect(tables(filename)).not.toContain('t_cccc03')
    expect((await migrator().status()).state).toBe('behind')
    expect(fs.readFileSync(filename).length).toBe(before.length)
  })

  it('restores after a transaction = false revision failed part-way (default mode)', async () => {
    const { filename, migrator } = project([specs[0]!, failing('bbbb02', 'aaaa01', false)])
    await migrator().upgrade('aaaa01')
    await expect(migrator({ backup: true }).upgrade()).rejects.toBeInstanceOf(
      RestoredFromBackupError,
    )
    expect(tables(filename)).toEqual(['retort_version', 'retort_version_ledger', 't_aaaa01'])
    expect((await migrator().status()).state).toBe('behind')
  })

  it('leaves the partial state and its record with restoreOnFailure: false', async () => {
    const { filename, migrator, events } = project([specs[0]!, failing('bbbb02', 'aaaa01', false)])
    await migrator().upgrade('aaaa01')
    await expect(
      migrator({ backup: true, restoreOnFailure: false }).upgrade(),
    ).rejects.toBeInstanceOf(PartialMigrationError)
    expect(tables(filename)).toContain('t_bbbb02')
    expect((await migrator().status()).state).toBe('incomplete')
    expect(events.map((e) => e.type)).not.toContain('restored')
  })

  it('does not restore a run that rolled back by itself', async () => {
    const { filename, migrator, events } = project([specs[0]!, failing('bbbb02', 'aaaa01')])
    await migrator().upgrade('aaaa01')
    const error = await migrator({ backup: true })
      .upgrade()
      .catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(RestoredFromBackupError)
    expect((error as Error).message).toMatch(/bbbb02/)
    expect(events.map((e) => e.type)).not.toContain('restored')
    expect(tables(filename)).toEqual(['retort_version', 'retort_version_ledger', 't_aaaa01'])
  })
})

describe('backup in the config file', () => {
  it('reads { dir, keep } relative to the file', async () => {
    const { dir, filename } = project()
    fs.writeFileSync(
      path.join(dir, 'retort.yaml'),
      'scriptLocation: migrations\nurl: sqlite:///app.db\nbackup: { dir: saved, keep: 1 }\nrestoreOnFailure: false\n',
    )
    const config = await loadConfig({ cwd: dir })
    expect(config.backup).toEqual({ dir: path.join(dir, 'saved'), keep: 1 })
    expect(config.restoreOnFailure).toBe(false)
    await new Migrator({ config, dialect: sqliteDialect({ filename }) }).upgrade('aaaa01')
    await new Migrator({ config, dialect: sqliteDialect({ filename }) }).upgrade('heads')
    expect(fs.readdirSync(path.join(dir, 'saved'))).toHaveLength(1)
  })

  it('names the nearest key for a misspelt one', async () => {
    const { dir } = project()
    fs.writeFileSync(
      path.join(dir, 'retort.yaml'),
      'scriptLocation: migrations\nbackup: { dir: saved, kep: 1 }\n',
    )
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(
      /'kep', which is not a backup setting; did you mean 'keep'\?/,
    )
    fs.writeFileSync(path.join(dir, 'retort.yaml'), 'scriptLocation: migrations\nbakup: true\n')
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/did you mean 'backup'\?/)
    fs.writeFileSync(
      path.join(dir, 'retort.yaml'),
      'scriptLocation: migrations\nbackup: { keep: 0 }\n',
    )
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(
      /keep must be a whole number of backups to keep \(1 or more\)/,
    )
  })
})
