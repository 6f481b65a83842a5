import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Migrator, VersionTableShapeError, type Dialect, type Operations } from '@retort/core'
import { mysqlDialect } from '@retort/dialect-mysql'
import { postgresDialect } from '@retort/dialect-postgres'
import { sqliteDialect } from '@retort/dialect-sqlite'
import * as mysqlServer from '../../dialect-mysql/test/helpers/mysql-server.js'
import * as postgresServer from '../../dialect-postgres/test/helpers/postgres-server.js'
import { createProject } from './helpers/project.js'
import { ok, retort } from './helpers/in-process.js'

interface SqliteHandle {
  exec(sql: string): void
  prepare(sql: string): { all(): unknown[] }
  close(): void
}
// better-sqlite3 as the dialect package resolves it (the CLI package does not depend on it).
const Database = createRequire(
  fileURLToPath(new URL('../../dialect-sqlite/package.json', import.meta.url)),
)('better-sqlite3') as new (filename: string) => SqliteHandle

/** One revision that creates a table: what must not run when the version table is wrong. */
const MIGRATIONS = [
  {
    revision: 'aaaa11112222',
    downRevision: null,
    upgrade(op: Operations) {
      op.createTable('thing', [op.column('id', 'integer', { primaryKey: true })])
    },
    downgrade(op: Operations) {
      op.dropTable('thing')
    },
  },
] as never

/** What a database test needs: its dialect, a way to run setup SQL and read a table list. */
interface Target {
  dialect(): Dialect
  exec(sql: string): Promise<void>
  tables(): Promise<string[]>
}

/**
 * The same checks on every dialect: a table named as the version table but shaped otherwise
 * (another tool's, a hand-made one) is refused when it is read, by name, with what it should
 * hold and what to do, before anything runs; a well-shaped table under another name works.
 */
function shapeSuite(target: () => Target, types: { int: string; text: string }) {
  const migrator = (versionTable?: string) =>
    new Migrator({
      migrations: MIGRATIONS,
      dialect: target().dialect(),
      ...(versionTable === undefined ? {} : { versionTable }),
    })

  it('a table without version_num: named, its columns listed, nothing run', async () => {
    await target().exec(
      `CREATE TABLE retort_version (id ${types.int} PRIMARY KEY, name ${types.text} NOT NULL)`,
    )
    await target().exec(`INSERT INTO retort_version (id, name) VALUES (1, 'other tool')`)
    for (const run of [() => migrator().current(), () => migrator().upgrade('heads')]) {
      const error = await run().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VersionTableShapeError)
      const message = (error as Error).message
      expect(message).toMatch(
        /^version table 'retort_version' is not shaped as Retort's: no column 'version_num' \(it has id [^,]+, name [^;]+\); it needs a column 'version_num' VARCHAR\(255\) NOT NULL, the primary key, one row per applied head: set 'versionTable' to another name if the table belongs to something else, or drop or fix it$/i,
      )
      expect(message).not.toContain('\n')
    }
    expect(await target().tables()).not.toContain('thing')
  })

  it('a version_num that is not text', async () => {
    await target().exec(`CREATE TABLE numbered_version (version_num ${types.int} NOT NULL)`)
    await target().exec(`INSERT INTO numbered_version (version_num) VALUES (12)`)
    const error = await migrator('numbered_version')
      .upgrade('heads')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersionTableShapeError)
    expect((error as Error).message).toMatch(
      /^version table 'numbered_version' is not shaped as Retort's: column 'version_num' is \S*int\S*, not text/i,
    )
    expect(await target().tables()).not.toContain('thing')
  })

  it('another versionTable name is the way out', async () => {
    const result = await migrator('app_version').upgrade('heads')
    expect(result.heads).toEqual(['aaaa11112222'])
    expect((await migrator('app_version').current()).heads).toEqual(['aaaa11112222'])
    await migrator('app_version').downgrade('base')
  })
}

describe('a version table with the wrong columns (SQLite)', () => {
  let dir: string
  const filename = () => join(dir, 'app.db')
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retort-shape-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  shapeSuite(
    () => ({
      dialect: () => sqliteDialect({ filename: filename() }),
      async exec(sql) {
        const db = new Database(filename())
        db.exec(sql)
        db.close()
      },
      async tables() {
        const db = new Database(filename())
        const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
        db.close()
        return rows.map((row) => (row as { name: string }).name)
      },
    }),
    { int: 'INTEGER', text: 'TEXT' },
  )

  it('the CLI prints it as one error line, exit 1', async () => {
    const project = createProject()
    try {
      await ok(project.dir, ['init', 'migrations'])
      const db = new Database(join(project.dir, 'migrations.db'))
      db.exec('CREATE TABLE retort_version (id INTEGER PRIMARY KEY)')
      db.close()
      const run = await retort(project.dir, ['current'])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        /^error: version table 'retort_version' is not shaped as Retort's: no column 'version_num' \(it has id INTEGER\); .*'versionTable'.*\n$/,
      )
      expect(run.stderr).not.toMatch(/no such column/)
    } finally {
      project.cleanup()
    }
  })
})

postgresServer.describePostgres('a version table with the wrong columns (PostgreSQL)', () => {
  let database: postgresServer.TestDatabase
  beforeAll(async () => {
    database = await postgresServer.createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  shapeSuite(
    () => ({
      dialect: () => postgresDialect({ connectionString: database.url }),
      async exec(sql) {
        await database.query(sql)
      },
      async tables() {
        const rows = await database.query(
          'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()',
        )
        return rows.map((row) => String(row['tablename']))
      },
    }),
    { int: 'integer', text: 'varchar(40)' },
  )
})

mysqlServer.describeMysql('a version table with the wrong columns (MySQL/MariaDB)', () => {
  let database: mysqlServer.TestDatabase
  beforeAll(async () => {
    database = await mysqlServer.createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  shapeSuite(
    () => ({
      dialect: () => mysqlDialect({ uri: database.uri }),
      async exec(sql) {
        await database.admin.query(sql)
      },
      async tables() {
        const [rows] = await database.admin.query('SHOW TABLES')
        return (rows as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]))
      },
    }),
    { int: 'int', text: 'varchar(40)' },
  )
})
