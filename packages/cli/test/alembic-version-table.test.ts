import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../../dialect-postgres/test/helpers/postgres-server.js'
import { createProject } from './helpers/project.js'
import { ok, retortJson } from './helpers/in-process.js'

const Database = createRequire(new URL('../../dialect-sqlite/package.json', import.meta.url))(
  'better-sqlite3',
) as typeof import('better-sqlite3')

/** The version table exactly as Alembic creates it, and the revision a database is at. */
const ALEMBIC_DDL = [
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))',
  "INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf0')",
  'CREATE TABLE account (id INTEGER NOT NULL, email VARCHAR(255) NOT NULL, PRIMARY KEY (id))',
]
const BASELINE = 'ae1027a6acf0'
const NEXT = 'b7c1d2e3f4a5'

/** What a SQL client needs to look at the database. */
interface Peek {
  rows(): Promise<string[]>
  columns(table: string): Promise<string[]>
  tables(): Promise<string[]>
}

/**
 * The adoption recipe of docs/from-alembic.md on a database Alembic manages: Retort reads
 * and writes Alembic's own `alembic_version` table (VARCHAR(32), primary key
 * `alembic_version_pkc`), which keeps its shape.
 */
function adoption(
  url: () => string,
  freshUrl: () => string,
  peek: () => Peek,
  shape: () => Promise<unknown>,
) {
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    project = createProject('retort-alembic-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    rmSync(join(dir, 'migrations/env.ts'))
    writeFileSync(
      join(dir, 'retort.yaml'),
      `scriptLocation: migrations\nurl: ${url()}\nversionTable: alembic_version\n`,
    )
  })
  afterAll(() => project.cleanup())

  const body = (id: string, up: string, down: string) => {
    const versions = join(dir, 'migrations/versions')
    const path = join(
      versions,
      readdirSync(versions).find((name) => name.startsWith(id))!,
    )
    const text = readFileSync(path, 'utf8')
      .replace(/(export async function upgrade\(op: Operations\) \{)\n\}/, `$1\n  ${up}\n}`)
      .replace(/(export async function downgrade\(op: Operations\) \{)\n\}/, `$1\n  ${down}\n}`)
    writeFileSync(path, text)
  }

  it("a baseline revision with the id of Alembic's head: the database is at it, nothing to run", async () => {
    // The commands of docs/from-alembic.md, step 3.
    await ok(dir, ['revision', '-m', 'baseline: the schema Alembic built', '--rev-id', BASELINE])
    body(
      BASELINE,
      "op.createTable('account', [op.column('id', 'integer', { primaryKey: true }), op.column('email', 'string', { length: 255, nullable: false })])",
      "op.dropTable('account')",
    )
    expect(await ok(dir, ['current'])).toBe(
      `${BASELINE} (head) baseline: the schema Alembic built\n`,
    )
    expect(await ok(dir, ['upgrade', 'heads'])).toBe(
      `nothing to upgrade; the database is at ${BASELINE}\n`,
    )
    expect(await retortJson(dir, ['current'])).toEqual({ heads: [BASELINE] })
    expect(await peek().rows()).toEqual([BASELINE])
  })

  it("new revisions go on top: the row moves in alembic_version, whose shape stays Alembic's", async () => {
    const before = await shape()
    await ok(dir, ['revision', '-m', 'add nickname', '--rev-id', NEXT])
    body(
      NEXT,
      "op.addColumn('account', op.column('nickname', 'string', { length: 40 }))",
      "op.dropColumn('account', 'nickname')",
    )
    const up = await retortJson<{ applied: { revision: string }[]; heads: string[] }>(dir, [
      'upgrade',
      'heads',
    ])
    expect(up.applied.map((a) => a.revision)).toEqual([NEXT])
    expect(await peek().rows()).toEqual([NEXT])
    expect(await peek().columns('account')).toContain('nickname')
    expect(await shape()).toEqual(before)

    await ok(dir, ['downgrade', '-1'])
    expect(await peek().rows()).toEqual([BASELINE])
    expect(await peek().columns('account')).not.toContain('nickname')
    await ok(dir, ['upgrade', 'heads'])
    expect(await peek().rows()).toEqual([NEXT])
    // Retort's own tables: the ledger, named after the version table (a progress table
    // appears only where DDL cannot roll back); SQLite keeps sqlite_sequence for its ids.
    expect((await peek().tables()).filter((t) => t !== 'sqlite_sequence')).toEqual([
      'account',
      'alembic_version',
      'alembic_version_ledger',
    ])
  })

  it('a new database runs the baseline, in a version table of the same name', async () => {
    const fresh = ['-x', `url=${freshUrl()}`]
    const up = await retortJson<{ applied: { revision: string }[] }>(dir, [
      ...fresh,
      'upgrade',
      'heads',
    ])
    expect(up.applied.map((a) => a.revision)).toEqual([BASELINE, NEXT])
    expect(await retortJson(dir, [...fresh, 'current'])).toEqual({ heads: [NEXT] })
  })
}

describe('adopting a SQLite database that Alembic manages (versionTable: alembic_version)', () => {
  let file: string
  let holder: ReturnType<typeof createProject>
  beforeAll(async () => {
    holder = createProject('retort-alembic-db-')
    file = join(holder.dir, 'app.db')
    const db = new Database(file)
    for (const sql of ALEMBIC_DDL) db.exec(sql)
    db.close()
  })
  afterAll(() => holder.cleanup())
  const read = <T>(use: (db: InstanceType<typeof Database>) => T): T => {
    const db = new Database(file, { readonly: true })
    try {
      return use(db)
    } finally {
      db.close()
    }
  }
  adoption(
    () => `sqlite:///${file}`,
    () => `sqlite:///${join(holder.dir, 'fresh.db')}`,
    () => ({
      rows: async () =>
        read((db) =>
          (
            db.prepare('SELECT version_num FROM alembic_version').all() as { version_num: string }[]
          ).map((r) => r.version_num),
        ),
      columns: async (table) =>
        read((db) =>
          (
            db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]
          ).map((r) => r.name),
        ),
      tables: async () =>
        read((db) =>
          (
            db
              .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
              .all() as { name: string }[]
          ).map((r) => r.name),
        ),
    }),
    async () =>
      read((db) =>
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").get(),
      ),
  )
})

describePostgres(
  'adopting a PostgreSQL database that Alembic manages (versionTable: alembic_version)',
  () => {
    let database: TestDatabase
    let fresh: TestDatabase
    beforeAll(async () => {
      database = await createTestDatabase()
      fresh = await createTestDatabase()
      for (const sql of ALEMBIC_DDL) await database.query(sql)
    })
    afterAll(async () => {
      await database?.drop()
      await fresh?.drop()
    })
    adoption(
      () => database.url,
      () => fresh.url,
      () => ({
        rows: async () =>
          (await database.query('SELECT version_num FROM alembic_version')).map((r) =>
            String(r['version_num']),
          ),
        columns: async (table) =>
          (
            await database.query(
              'SELECT column_name FROM information_schema.columns WHERE table_name = $1',
              [table],
            )
          ).map((r) => String(r['column_name'])),
        tables: async () =>
          (
            await database.query(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
            )
          ).map((r) => String(r['table_name'])),
      }),
      async () => ({
        column: await database.query(
          "SELECT data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'alembic_version'",
        ),
        key: await database.query(
          "SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'alembic_version' AND constraint_type = 'PRIMARY KEY'",
        ),
      }),
    )
  },
)
