// Runs the Drizzle example as its developers would: the CLI in a copy of each flavour
// (SQLite, PostgreSQL), the tables read as Retort's declared schema, then the application's
// Drizzle queries on the database Retort migrated.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../../../packages/dialect-postgres/test/helpers/postgres-server.js'
import * as pgTables from '../postgres/tables.js'
import * as sqliteTables from '../sqlite/tables.js'

const example = fileURLToPath(new URL('..', import.meta.url))
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const BIN = join(repo, 'packages/cli/dist/bin.js')

beforeAll(() => {
  // The CLI and the packages the schema imports run from their built dist/ (as `pnpm test`
  // builds first); tsc -b is incremental, so this is quick when fresh.
  execFileSync(
    process.execPath,
    [
      join(repo, 'node_modules/typescript/bin/tsc'),
      '-b',
      'packages/core',
      'packages/dialect-sqlite',
      'packages/dialect-postgres',
      'packages/schema-drizzle',
      'packages/cli',
    ],
    { cwd: repo, stdio: 'pipe' },
  )
}, 180_000)

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/**
 * A copy of one flavour in a temporary directory, with the example's packages linked into
 * its own node_modules (where the schema cache then goes).
 */
function copyFlavour(flavour: 'sqlite' | 'postgres'): string {
  const dir = mkdtempSync(join(tmpdir(), `retort-drizzle-${flavour}-`))
  made.push(dir)
  cpSync(join(example, flavour), dir, { recursive: true })
  const modules = join(example, 'node_modules')
  mkdirSync(join(dir, 'node_modules/@retort'), { recursive: true })
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.') || name === '@retort') continue
    symlinkSync(join(modules, name), join(dir, 'node_modules', name), 'dir')
  }
  for (const name of readdirSync(join(modules, '@retort'))) {
    symlinkSync(join(modules, '@retort', name), join(dir, 'node_modules/@retort', name), 'dir')
  }
  return dir
}

function retort(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
  for (const name of ['FORCE_COLOR', 'RETORT_CONFIG', 'CI']) delete base[name]
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, ...env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function ok(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  const run = retort(cwd, args, env)
  if (run.code !== 0) throw new Error(`retort ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return run.stdout
}

/**
 * A column added to `notes` in the copy's tables.ts, as a developer would edit it (and the
 * column builder added to the import, when it is not imported yet).
 */
function addPinned(dir: string, column: string, builder: string): void {
  const path = join(dir, 'tables.ts')
  const text = readFileSync(path, 'utf8')
  let edited = text.replace("    body: text().notNull().default(''),\n", `$&    ${column}\n`)
  if (edited === text) throw new Error('notes.body not found in tables.ts')
  if (!new RegExp(`import \\{[^}]*\\b${builder}\\b`).test(edited)) {
    edited = edited.replace(/import \{ index,/, `import { ${builder}, index,`)
  }
  writeFileSync(path, edited)
}

/** The developer's loop after editing a Drizzle table: check fails until a revision exists. */
function changeTable(
  dir: string,
  column: string,
  builder: string,
  env: Record<string, string> = {},
): void {
  addPinned(dir, column, builder)
  const failed = retort(dir, ['check', '--no-database'], env)
  expect(failed.code).toBe(1)
  expect(failed.stdout).toBe(
    "✗ schema: column 'notes.pinned' is declared but no revision adds it\n",
  )
  const written = JSON.parse(
    ok(dir, ['--json', 'revision', '--autogenerate', '-m', 'pin notes'], env),
  ) as { operations: string[] }
  expect(written.operations).toEqual(["addColumn('notes', 'pinned')"])
  expect(ok(dir, ['check', '--no-database'], env)).toContain(
    'the revisions make the declared schema',
  )
  ok(dir, ['upgrade', 'head'], env)
  expect(ok(dir, ['check'], env)).toContain('the database is at the head; the revisions make')
}

describe('the Drizzle example on SQLite', () => {
  it('its shipped revisions make its tables', () => {
    const dir = copyFlavour('sqlite')
    expect(ok(dir, ['check', '--no-database'])).toContain('the revisions make the declared schema')
  })

  it('tables -> autogenerate -> upgrade; the app queries through Drizzle; a changed table fails check until a revision is written', async () => {
    const dir = copyFlavour('sqlite')
    rmSync(join(dir, 'migrations/versions'), { recursive: true })
    mkdirSync(join(dir, 'migrations/versions'))
    const written = JSON.parse(
      ok(dir, ['--json', 'revision', '--autogenerate', '-m', 'authors and notes']),
    ) as { operations: string[] }
    expect(written.operations).toEqual([
      "createTable('authors')",
      "createTable('notes')",
      "createIndex('ix_notes_author', 'notes')",
    ])
    ok(dir, ['upgrade', 'head'])

    const sqlite = new Database(join(dir, 'app.db'))
    try {
      sqlite.pragma('foreign_keys = ON')
      const db = drizzleSqlite(sqlite)
      const [ann] = await db
        .insert(sqliteTables.authors)
        .values({ name: 'Ann', email: 'ann@example.com' })
        .returning()
      await db.insert(sqliteTables.notes).values({ authorId: ann!.id, title: 'first' })
      const rows = await db
        .select()
        .from(sqliteTables.notes)
        .where(eq(sqliteTables.notes.authorId, ann!.id))
      expect(rows).toHaveLength(1)
      expect(rows[0]!.body).toBe('')
      expect(rows[0]!.createdAt).toBeInstanceOf(Date)
      await db.delete(sqliteTables.authors).where(eq(sqliteTables.authors.id, ann!.id))
      expect(await db.select().from(sqliteTables.notes)).toEqual([])
    } finally {
      sqlite.close()
    }

    changeTable(dir, "pinned: integer({ mode: 'boolean' }).notNull().default(false),", 'integer')
  })
})

describePostgres('the Drizzle example on PostgreSQL', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('tables -> autogenerate -> upgrade; the app queries through Drizzle; a changed table fails check until a revision is written', async () => {
    const env = { DATABASE_URL: database.url }
    const dir = copyFlavour('postgres')
    expect(ok(dir, ['check', '--no-database'], env)).toContain(
      'the revisions make the declared schema',
    )
    rmSync(join(dir, 'migrations/versions'), { recursive: true })
    mkdirSync(join(dir, 'migrations/versions'))
    const written = JSON.parse(
      ok(dir, ['--json', 'revision', '--autogenerate', '-m', 'authors and notes'], env),
    ) as { operations: string[] }
    expect(written.operations).toEqual([
      "createTable('authors')",
      "createTable('notes')",
      "createIndex('ix_notes_author', 'notes')",
    ])
    ok(dir, ['upgrade', 'head'], env)

    const pool = new pg.Pool({ connectionString: database.url })
    try {
      const db = drizzlePostgres(pool)
      const [ann] = await db
        .insert(pgTables.authors)
        .values({ name: 'Ann', email: 'ann@example.com' })
        .returning()
      await db.insert(pgTables.notes).values({ authorId: ann!.id, title: 'first' })
      const rows = await db
        .select()
        .from(pgTables.notes)
        .where(eq(pgTables.notes.authorId, ann!.id))
      expect(rows).toHaveLength(1)
      expect(rows[0]!.createdAt).toBeInstanceOf(Date)
      await db.delete(pgTables.authors).where(eq(pgTables.authors.id, ann!.id))
      expect(await db.select().from(pgTables.notes)).toEqual([])
    } finally {
      await pool.end()
    }

    changeTable(dir, 'pinned: boolean().notNull().default(false),', 'boolean', env)
  })
})
