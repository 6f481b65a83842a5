// createDatabase: new SQLite files at the heads from a template, compared by introspection
// with a database that replayed the whole history.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { Config, createDatabase, Migrator, RetortError, type Dialect } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'
import { SqliteIntrospector } from '../src/sqlite-introspector.js'
import { tempDirs, versionRows, writeScript, type RevisionSpec } from './helpers/runtime-fixture.js'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

// a -> b -> c and b -> d (two heads), with an index, a foreign key and data.
const specs: RevisionSpec[] = [
  {
    id: 'aaaa01',
    down: null,
    upgrade: [
      '  - createTable: { name: account, columns: [{ name: id, type: integer, primaryKey: true }, { name: email, type: string, length: 200, nullable: false }] }',
      '  - createIndex: { name: ix_account_email, table: account, columns: [email], unique: true }',
    ],
  },
  {
    id: 'bbbb02',
    down: 'aaaa01',
    upgrade: [
      '  - createTable: { name: note, columns: [{ name: id, type: integer, primaryKey: true }, { name: account_id, type: integer, references: { table: account, column: id, onDelete: CASCADE } }] }',
    ],
  },
  {
    id: 'cccc03',
    down: 'bbbb02',
    upgrade: [
      '  - alterColumn: { table: account, name: email, nullable: true, existingNullable: false }',
    ],
  },
  {
    id: 'dddd04',
    down: 'bbbb02',
    upgrade: [
      '  - createTable: { name: setting, columns: [{ name: key, type: string, primaryKey: true }, { name: value, type: text }] }',
      '  - bulkInsert: { table: setting, rows: [{ key: theme, value: dark }] }',
    ],
  },
]

async function schemaOf(filename: string) {
  const dialect = sqliteDialect({ filename })
  const driver = dialect.createDriver()
  const connection = await driver.connect()
  try {
    const introspector = new SqliteIntrospector()
    const names = [...(await introspector.listTables(connection))].sort()
    return await Promise.all(names.map((name) => introspector.getTable(connection, { name })))
  } finally {
    await connection.close()
    await driver.destroy()
  }
}

function rows(filename: string, sql: string) {
  const db = new Database(filename, { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

function project() {
  const dir = dirs.make('retort-create-')
  const scriptLocation = writeScript(path.join(dir, 'migrations'), specs)
  return { dir, scriptLocation }
}

describe('Migrator.createDatabase()', () => {
  it('writes a database whose schema, data and version rows equal a replayed one', async () => {
    const { dir, scriptLocation } = project()
    const replayed = path.join(dir, 'replayed.db')
    await new Migrator({ scriptLocation, dialect: sqliteDialect({ filename: replayed }) }).upgrade()
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename: ':memory:' }),
    })
    const created = path.join(dir, 'users', 'u1.db')
    fs.mkdirSync(path.dirname(created))
    const result = await migrator.createDatabase(created)
    expect(result.template).toBe('built')
    expect(result.path).toBe(created)
    expect([...result.heads].sort()).toEqual(['cccc03', 'dddd04'])
    expect(await schemaOf(created)).toEqual(await schemaOf(replayed))
    expect(versionRows(created)).toEqual(['cccc03', 'dddd04'])
    expect(rows(created, 'SELECT * FROM setting')).toEqual([{ key: 'theme', value: 'dark' }])
    expect(rows(created, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    // The database is one a Migrator sees at the heads.
    const status = await new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename: created }),
    }).status()
    expect(status.state).toBe('current')
  })

  it('builds the template once and writes its bytes for every later database', async () => {
    const { dir, scriptLocation } = project()
    const steps: string[] = []
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename: ':memory:' }),
      onEvent: (event) => {
        if (event.type === 'step-start') steps.push(event.revision)
      },
    })
    const first = await migrator.createDatabase(path.join(dir, 'a.db'))
    const second = await migrator.createDatabase(path.join(dir, 'b.db'))
    const third = await migrator.createDatabase(path.join(dir, 'c.db'))
    expect([first.template, second.template, third.template]).toEqual(['built', 'memory', 'memory'])
    expect(steps).toHaveLength(4)
    expect(fs.readFileSync(path.join(dir, 'b.db'))).toEqual(fs.readFileSync(path.join(dir, 'a.db')))
  })

  it('keeps the template on disk (templateCache) keyed by the heads and the revision checksums', async () => {
    const { dir, scriptLocation } = project()
    const cache = path.join(dir, 'templates')
    const make = () =>
      new Migrator({
        scriptLocation,
        dialect: sqliteDialect({ filename: ':memory:' }),
        templateCache: cache,
      })
    expect((await make().createDatabase(path.join(dir, 'a.db'))).template).toBe('built')
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1)
    expect((await make().createDatabase(path.join(dir, 'b.db'))).template).toBe('disk')
    // A revision file changed: a new template.
    const file = path.join(
      scriptLocation,
      'versions',
      fs.readdirSync(path.join(scriptLocation, 'versions')).find((f) => f.includes('dddd04'))!,
    )
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('dark', 'light'))
    expect((await make().createDatabase(path.join(dir, 'c.db'))).template).toBe('built')
    expect(rows(path.join(dir, 'c.db'), 'SELECT value FROM setting')).toEqual([{ value: 'light' }])
    // A cache entry that is not a database is not used.
    for (const entry of fs.readdirSync(cache)) fs.writeFileSync(path.join(cache, entry), 'garbage')
    expect((await make().createDatabase(path.join(dir, 'd.db'))).template).toBe('built')
  })

  it('refuses to overwrite an existing file, and leaves it as it was', async () => {
    const { dir, scriptLocation } = project()
    const existing = path.join(dir, 'taken.db')
    fs.writeFileSync(existing, 'precious')
    const migrator = new Migrator({
      scriptLocation,
      dialect: sqliteDialect({ filename: ':memory:' }),
    })
    const error = await migrator.createDatabase(existing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetortError)
    expect((error as Error).message).toMatch(
      /already exists; createDatabase never overwrites a file/,
    )
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious')
    await expect(migrator.createDatabase(path.join(dir, 'missing', 'x.db'))).rejects.toThrow(
      /does not exist; create/,
    )
    expect(fs.readdirSync(dir).sort()).toEqual(['migrations', 'taken.db'])
  })

  it('without a dialect, finds the SQLite package by the one rule; refuses a dialect without files', async () => {
    const { dir, scriptLocation } = project()
    const created = await createDatabase(new Config({ scriptLocation }), path.join(dir, 'x.db'))
    expect(versionRows(created.path)).toEqual([...created.heads].sort())
    const notSqlite = { name: 'postgresql' } as unknown as Dialect
    await expect(
      createDatabase(new Config({ scriptLocation }), path.join(dir, 'y.db'), {
        dialect: notSqlite,
      }),
    ).rejects.toThrow(
      /createDatabase makes SQLite files; the dialect 'postgresql' has no database files/,
    )
    expect(fs.existsSync(path.join(dir, 'y.db'))).toBe(false)
  })
})
