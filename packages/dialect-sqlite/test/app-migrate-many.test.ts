// migrateMany over SQLite tenant files: bounded concurrency, failures recorded per
// database while the others go on (or stop with failFast), and targets checked first.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Config, ConfigError, migrateMany, type ManyProgressEvent } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { tempDirs, versionRows, writeScript, type RevisionSpec } from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  { id: 'cccc03', down: 'bbbb02' },
]

function fleet(count: number) {
  const dir = dirs.make('retort-many-')
  const scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
  fs.mkdirSync(path.join(dir, 'tenants'))
  const file = (i: number) => path.join(dir, 'tenants', `t${i}.db`)
  const targets = Array.from({ length: count }, (_, i) => ({
    name: `t${i}`,
    dialect: sqliteDialect({ filename: file(i) }),
  }))
  return { dir, config: new Config({ scriptLocation }), targets, file }
}

describe('migrateMany() on SQLite files', () => {
  it('upgrades every file, at most `concurrency` at a time, and reports progress', async () => {
    const { config, targets, file } = fleet(6)
    const events: ManyProgressEvent[] = []
    let running = 0
    let most = 0
    const result = await migrateMany(config, targets, {
      concurrency: 2,
      onProgress: (event) => {
        events.push(event)
        if (event.type === 'database-start') most = Math.max(most, ++running)
        if (event.type === 'database-done') running -= 1
      },
    })
    expect(result.total).toBe(6)
    expect(result.succeeded).toBe(6)
    expect(result.failed).toEqual([])
    expect(most).toBe(2)
    for (let i = 0; i < 6; i++) expect(versionRows(file(i))).toEqual(['cccc03'])
    expect(result.databases.map((d) => d.name)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5'])
    expect(result.databases[0]!.applied.map((a) => a.revision)).toEqual([
      'aaaa01',
      'bbbb02',
      'cccc03',
    ])
    const done = events.filter((e) => e.type === 'database-done')
    expect(done.map((e) => e.type === 'database-done' && e.done)).toEqual([1, 2, 3, 4, 5, 6])
    expect(events.filter((e) => e.type === 'revision-start')).toHaveLength(18)
  })

  it('records a failing database and goes on with the others', async () => {
    const { config, targets, file } = fleet(4)
    fs.writeFileSync(
      file(1),
      'this is not a database, it is a text file of some length '.repeat(40),
    )
    const result = await migrateMany(config, targets, { concurrency: 2 })
    expect(result.failed).toEqual(['t1'])
    expect(result.succeeded).toBe(3)
    const failed = result.databases.find((d) => d.name === 't1')!
    expect(failed.ok).toBe(false)
    expect(failed.error?.message).toMatch(/t1\.db/)
    for (const i of [0, 2, 3]) expect(versionRows(file(i))).toEqual(['cccc03'])
  })

  it('starts no other database after the first failure with failFast', async () => {
    const { config, targets, file } = fleet(4)
    fs.writeFileSync(file(0), 'not a database '.repeat(100))
    const result = await migrateMany(config, targets, { concurrency: 1, failFast: true })
    expect(result.failed).toEqual(['t0'])
    expect(result.notStarted).toEqual(['t1', 't2', 't3'])
    for (const i of [1, 2, 3]) expect(fs.existsSync(file(i))).toBe(false)
  })

  it('upgrades each database to the same target, from wherever it is', async () => {
    const { config, targets, file } = fleet(3)
    await migrateMany(config, targets.slice(0, 1), { target: 'aaaa01' })
    const result = await migrateMany(config, targets, { target: 'bbbb02' })
    expect(result.databases.map((d) => d.before)).toEqual([['aaaa01'], [], []])
    for (let i = 0; i < 3; i++) expect(versionRows(file(i))).toEqual(['bbbb02'])
  })

  it('refuses duplicate names and a bad concurrency before anything runs', async () => {
    const { config, targets, file } = fleet(2)
    await expect(
      migrateMany(config, [targets[0]!, { ...targets[1]!, name: 't0' }]),
    ).rejects.toThrow("two targets are named 't0'; give each database its own name")
    await expect(migrateMany(config, targets, { concurrency: 0 })).rejects.toBeInstanceOf(
      ConfigError,
    )
    expect(fs.existsSync(file(0))).toBe(false)
  })
})
