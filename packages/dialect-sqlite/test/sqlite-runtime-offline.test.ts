// Offline SQL (ranges a:b, version-table statements included, no connection) and reads that
// never create the version table, on SQLite.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  Config,
  current,
  downgrade,
  Migrator,
  RetortError,
  stamp,
  upgrade,
  type Dialect,
} from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import {
  tables,
  tempDirs,
  versionRows,
  writeScript,
  type RevisionSpec,
} from './helpers/runtime-fixture.js'

const specs: RevisionSpec[] = [
  { id: 'aaaa01', down: null },
  { id: 'bbbb02', down: 'aaaa01' },
  { id: 'cccc03', down: 'bbbb02' },
]

const dirs = tempDirs()
let dir: string
let scriptLocation: string
let filename: string
afterEach(() => dirs.cleanup())
beforeEach(() => {
  dir = dirs.make()
  scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
  filename = path.join(dir, 'app.db')
})

/** The SQLite dialect, except that opening a connection fails the test. */
function compileOnly(file: string): Dialect {
  const real = sqliteDialect({ filename: file })
  return {
    name: real.name,
    description: real.description,
    createDriver: () => {
      throw new Error('offline mode opened a connection')
    },
    createCompiler: () => real.createCompiler(),
    createAdapter: () => real.createAdapter(),
    createIntrospector: () => real.createIntrospector(),
  }
}

/** Index of the first line containing `text` (fails when there is none). */
function lineOf(sql: string, text: string): number {
  const index = sql.split('\n').findIndex((line) => line.includes(text))
  expect(index, `no line with ${text} in:\n${sql}`).toBeGreaterThanOrEqual(0)
  return index
}

describe('offline SQL', () => {
  it('upgrade base:b creates the version table and inserts, then moves the row', async () => {
    const config = new Config({ scriptLocation })
    const { sql, applied, heads } = await upgrade(config, 'base:bbbb02', {
      sql: true,
      dialect: compileOnly(filename),
    })
    expect(applied).toEqual([])
    expect(heads).toEqual(['bbbb02'])
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "retort_version"')
    const insert = lineOf(sql!, `INSERT INTO "retort_version" ("version_num") VALUES ('aaaa01')`)
    const update = lineOf(sql!, `'bbbb02'`)
    expect(sql!.split('\n')[update]).toMatch(
      /^UPDATE "retort_version" SET "version_num" = 'bbbb02' WHERE "version_num" = 'aaaa01'/,
    )
    expect(lineOf(sql!, 'CREATE TABLE "t_aaaa01"')).toBeLessThan(insert)
    expect(lineOf(sql!, 'CREATE TABLE "t_bbbb02"')).toBeLessThan(update)
    expect(sql).not.toContain('t_cccc03')
    expect(fs.existsSync(filename)).toBe(false)
  })

  it('upgrade a:c starts after a, without creating the version table', async () => {
    const migrator = new Migrator({ scriptLocation, dialect: compileOnly(filename) })
    const sql = await migrator.upgradeSql('aaaa01:cccc03')
    expect(sql).not.toContain('CREATE TABLE IF NOT EXISTS "retort_version"')
    expect(sql).not.toContain('t_aaaa01')
    expect(lineOf(sql, 'CREATE TABLE "t_bbbb02"')).toBeLessThan(
      lineOf(sql, 'CREATE TABLE "t_cccc03"'),
    )
    lineOf(
      sql,
      `UPDATE "retort_version" SET "version_num" = 'bbbb02' WHERE "version_num" = 'aaaa01'`,
    )
    lineOf(
      sql,
      `UPDATE "retort_version" SET "version_num" = 'cccc03' WHERE "version_num" = 'bbbb02'`,
    )
    expect(fs.existsSync(filename)).toBe(false)
  })

  it('downgrade c:a and c:base, children first; a downgrade needs a range', async () => {
    const migrator = new Migrator({ scriptLocation, dialect: compileOnly(filename) })
    const sql = await migrator.downgradeSql('cccc03:aaaa01')
    expect(lineOf(sql, 'DROP TABLE "t_cccc03"')).toBeLessThan(lineOf(sql, 'DROP TABLE "t_bbbb02"'))
    expect(sql).not.toContain('t_aaaa01')
    lineOf(
      sql,
      `UPDATE "retort_version" SET "version_num" = 'bbbb02' WHERE "version_num" = 'cccc03'`,
    )
    lineOf(
      sql,
      `UPDATE "retort_version" SET "version_num" = 'aaaa01' WHERE "version_num" = 'bbbb02'`,
    )

    const toBase = await downgrade(new Config({ scriptLocation }), 'cccc03:base', {
      sql: true,
      dialect: compileOnly(filename),
    })
    expect(toBase.heads).toEqual([])
    lineOf(toBase.sql!, `DELETE FROM "retort_version" WHERE "version_num" = 'aaaa01'`)

    const error = await migrator.downgradeSql('aaaa01').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetortError)
    expect((error as RetortError).code).toBe('offline-range')
    expect(fs.existsSync(filename)).toBe(false)
  })

  it('stamp writes only version-table statements', async () => {
    const result = await stamp(new Config({ scriptLocation }), 'bbbb02', {
      sql: true,
      dialect: compileOnly(filename),
    })
    expect(result.sql).toContain('CREATE TABLE IF NOT EXISTS "retort_version"')
    lineOf(result.sql!, `INSERT INTO "retort_version" ("version_num") VALUES ('bbbb02')`)
    expect(result.sql).not.toContain('"t_')
    expect(fs.existsSync(filename)).toBe(false)
  })

  it("wraps each revision, or the whole script in 'all' mode, in a transaction", async () => {
    const each = await new Migrator({ scriptLocation, dialect: compileOnly(filename) }).upgradeSql(
      'heads',
    )
    expect(each.match(/^BEGIN;$/gm)).toHaveLength(3)
    expect(each.match(/^COMMIT;$/gm)).toHaveLength(3)
    const all = await new Migrator({
      scriptLocation,
      dialect: compileOnly(filename),
      transactionMode: 'all',
    }).upgradeSql('heads')
    expect(all.match(/^BEGIN;$/gm)).toHaveLength(1)
    expect(all.match(/^COMMIT;$/gm)).toHaveLength(1)
    expect(all.indexOf('BEGIN;')).toBeLessThan(all.indexOf('CREATE TABLE'))
  })

  it('the script, run by hand, leaves the database where an online upgrade would', async () => {
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    const sql = await migrator.upgradeSql('base:heads')
    expect(fs.existsSync(filename)).toBe(false)

    const db = new Database(filename)
    db.exec(sql)
    db.close()
    expect(versionRows(filename)).toEqual(['cccc03'])
    expect(tables(filename)).toEqual(['retort_version', 't_aaaa01', 't_bbbb02', 't_cccc03'])
    expect((await migrator.upgrade('heads')).applied).toEqual([])

    const down = await migrator.downgradeSql('cccc03:aaaa01')
    const handle = new Database(filename)
    handle.exec(down)
    handle.close()
    expect(versionRows(filename)).toEqual(['aaaa01'])
    expect((await migrator.current()).heads).toEqual(['aaaa01'])
  })

  it('through the default env and the config url, offline does not connect either', async () => {
    const config = new Config({ scriptLocation, url: `sqlite:///${filename}` })
    const result = await upgrade(config, 'base:heads', { sql: true })
    expect(result.sql).toContain('CREATE TABLE "t_cccc03"')
    expect(fs.existsSync(filename)).toBe(false)
  })
})

describe('reads never create the version table', () => {
  it('current, heads, history, show and branches on a new database', async () => {
    const migrator = new Migrator({ scriptLocation, dialect: sqliteDialect({ filename }) })
    expect((await migrator.current()).heads).toEqual([])
    await expect(migrator.current({ checkHeads: true })).rejects.toThrow(RetortError)
    expect(await migrator.heads()).toHaveLength(1)
    expect((await migrator.history({ indicateCurrent: true })).some((r) => r.isCurrent)).toBe(false)
    expect((await migrator.history({ range: 'current:heads' })).map((r) => r.revision)).toEqual([
      'cccc03',
      'bbbb02',
      'aaaa01',
    ])
    expect(await migrator.show('head')).toHaveLength(1)
    expect(await migrator.branches()).toEqual([])
    expect(tables(filename)).toEqual([])
  })

  it('on a database that has tables of its own', async () => {
    const db = new Database(filename)
    db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY)')
    db.close()
    const config = new Config({ scriptLocation })
    expect((await current(config, { dialect: sqliteDialect({ filename }) })).heads).toEqual([])
    expect(tables(filename)).toEqual(['users'])
  })
})
