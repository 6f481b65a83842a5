import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { MigrationError, Migrator, type Operations } from '@retort/core'
import { bundleForSuite } from '../../core/test/helpers/bundle-sources.js'
import {
  runAllWaitingForTheLock,
  spawnMigrateChild,
  waitWhileRunning,
} from '../../core/test/helpers/migrate-children.js'
import { postgresDialect } from '../src/postgres-dialect.js'
import {
  addNick,
  createAccount,
  createOrder,
  revisions,
  // @ts-expect-error: a plain ES module shared with the child processes.
} from '../../core/test/helpers/migrate-revisions.mjs'
// @ts-expect-error: a plain ES module shared with the child process.
import { quickAudit } from './fixtures/slow-revisions.mjs'
import {
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from './helpers/postgres-server.js'

const childScript = fileURLToPath(
  new URL('../../core/test/helpers/migrate-child.mjs', import.meta.url),
)
const slowRevisions = fileURLToPath(new URL('./fixtures/slow-revisions.mjs', import.meta.url))
const ids = [createAccount, addNick, createOrder].map((r: { revision: string }) => r.revision)

describePostgres('Migrator on PostgreSQL', () => {
  // Every test its own database: nothing carries over, and a session a test leaves open
  // fails that test (drop() names it) instead of being ended behind its back.
  let database: TestDatabase
  // What the child processes import: core and this dialect, bundled from the sources.
  const bundle = bundleForSuite('postgres')
  const spawnChild = (...args: string[]) =>
    spawnMigrateChild(childScript, [bundle(), 'postgres', database.url, ...args])

  beforeEach(async () => {
    database = await createTestDatabase()
  })

  afterEach(async () => {
    await database?.drop()
  })

  const migrator = (
    config: Record<string, unknown> = {},
    migrations: unknown[] = revisions,
    dialect = postgresDialect({ connectionString: database.url }),
  ) => new Migrator({ migrations: migrations as never, dialect, config })

  const query = (sql: string) => database.query(sql)
  // Core's progress table (of revisions run outside a transaction) is not looked at here.
  const tables = async (schema = 'public') =>
    (
      await database.query(
        // The progress and ledger tables are tested elsewhere (partial failures, ledger.test.ts).
        "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename NOT LIKE '%\\_progress' AND tablename NOT LIKE '%\\_ledger' ORDER BY tablename",
        [schema],
      )
    ).map((r) => r['tablename'])

  it('upgrade, current, downgrade step by step and to base', async () => {
    const m = migrator()
    expect((await m.current()).heads).toEqual([])
    expect(await tables()).toEqual([])
    const up = await m.upgrade('head')
    expect(up.applied.map((a) => [a.revision, a.direction])).toEqual(ids.map((id) => [id, 'up']))
    expect(up.heads).toEqual([ids[2]])
    expect((await m.current()).heads).toEqual([ids[2]])
    expect(await tables()).toEqual(['account', 'order', 'retort_version'])
    expect(await query('SELECT email, nick FROM account')).toEqual([
      { email: 'first@example.com', nick: 'anon' },
    ])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[2] }])

    const down = await m.downgrade('-1')
    expect(down.applied.map((a) => [a.revision, a.direction])).toEqual([[ids[2], 'down']])
    expect(await tables()).toEqual(['account', 'retort_version'])
    await m.downgrade(ids[0]!)
    expect(await query('SELECT * FROM account')).toEqual([{ id: 1, email: 'first@example.com' }])
    expect((await m.upgrade('head')).applied.map((a) => a.revision)).toEqual(ids.slice(1))
    await m.downgrade('base')
    expect(await tables()).toEqual(['retort_version'])
    expect(await query('SELECT * FROM retort_version')).toEqual([])
    expect((await m.upgrade('head')).applied).toHaveLength(3)
    expect((await m.upgrade('head')).applied).toEqual([])
  })

  it('current never creates the version table', async () => {
    expect((await migrator().current()).heads).toEqual([])
    expect(await tables()).toEqual([])
  })

  it('stamp tags the database without running revisions', async () => {
    const m = migrator()
    await m.stamp('head')
    expect(await tables()).toEqual(['retort_version'])
    expect((await m.current()).heads).toEqual([ids[2]])
    await m.stamp(ids[0]!)
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[0] }])
    await m.stamp('base')
    expect(await query('SELECT * FROM retort_version')).toEqual([])
  })

  it.each(['each', 'all', 'none'] as const)(
    "transaction mode '%s' upgrades and downgrades",
    async (mode) => {
      const m = migrator({ transactionMode: mode })
      expect((await m.upgrade('head')).heads).toEqual([ids[2]])
      expect(await tables()).toEqual(['account', 'order', 'retort_version'])
      expect((await m.downgrade('base')).applied).toHaveLength(3)
      expect(await tables()).toEqual(['retort_version'])
    },
  )

  const broken = {
    revision: 'e5e5e5e5e5e5',
    downRevision: ids[2],
    message: 'half done',
    upgrade(op: Operations) {
      op.createTable('half', [op.column('id', 'integer')])
      op.execute('INSERT INTO no_such_table VALUES (1)')
    },
  }

  it("a failing revision in 'each' mode rolls back its own DDL and version row; earlier revisions stay", async () => {
    const m = migrator({ transactionMode: 'each' }, [...revisions, broken])
    const error = await m.upgrade('head').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as Error).message).toMatch(
      /upgrade of revision 'e5e5e5e5e5e5' failed at statement `INSERT INTO no_such_table VALUES \(1\)`: relation "no_such_table" does not exist/,
    )
    expect(await tables()).toEqual(['account', 'order', 'retort_version'])
    expect((await m.current()).heads).toEqual([ids[2]])
  })

  it("a failing revision in 'all' mode rolls back the whole run, version table included", async () => {
    const m = migrator({ transactionMode: 'all' }, [...revisions, broken])
    await expect(m.upgrade('head')).rejects.toBeInstanceOf(MigrationError)
    expect(await tables()).toEqual([])
    expect((await m.current()).heads).toEqual([])
    // And from a database that was already at a revision: it stays there, untouched.
    await migrator({}, revisions).upgrade(ids[0]!)
    await expect(m.upgrade('head')).rejects.toBeInstanceOf(MigrationError)
    expect(await tables()).toEqual(['account', 'retort_version'])
    expect(
      await query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'account' ORDER BY ordinal_position",
      ),
    ).toEqual([{ column_name: 'id' }, { column_name: 'email' }])
    expect((await m.current()).heads).toEqual([ids[0]])
  })

  it("in 'none' mode every statement commits on its own: the failing revision's earlier DDL stays", async () => {
    const m = migrator({ transactionMode: 'none' }, [...revisions, broken])
    await expect(m.upgrade('head')).rejects.toBeInstanceOf(MigrationError)
    expect(await tables()).toContain('half')
    expect((await m.current()).heads).toEqual([ids[2]])
  })

  const concurrentIndex = {
    revision: 'f6f6f6f6f6f6',
    downRevision: ids[2],
    message: 'index concurrently',
    transaction: false,
    upgrade(op: Operations) {
      op.execute('CREATE INDEX CONCURRENTLY "ix_order_total" ON "order" ("total")')
    },
    downgrade(op: Operations) {
      op.execute('DROP INDEX CONCURRENTLY "ix_order_total"')
    },
  }
  const afterIndex = {
    revision: 'a7a7a7a7a7a7',
    downRevision: 'f6f6f6f6f6f6',
    message: 'after the index',
    upgrade(op: Operations) {
      op.addColumn('order', op.column('note', 'text'))
    },
    downgrade(op: Operations) {
      op.dropColumn('order', 'note')
    },
  }

  it.each(['each', 'all'] as const)(
    "a revision with transaction = false runs CREATE INDEX CONCURRENTLY outside a transaction ('%s')",
    async (mode) => {
      const m = migrator({ transactionMode: mode }, [...revisions, concurrentIndex, afterIndex])
      const up = await m.upgrade('head')
      expect(up.applied.map((a) => a.revision)).toEqual([...ids, 'f6f6f6f6f6f6', 'a7a7a7a7a7a7'])
      expect(
        await query(
          "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_order_total'",
        ),
      ).toEqual([{ valid: true }])
      expect((await m.current()).heads).toEqual(['a7a7a7a7a7a7'])
      await m.downgrade(ids[2]!)
      expect(await query("SELECT 1 FROM pg_class WHERE relname = 'ix_order_total'")).toEqual([])
    },
  )

  it('the same statement inside a transactional revision fails, and says why', async () => {
    const m = migrator({}, [...revisions, { ...concurrentIndex, transaction: true }])
    await expect(m.upgrade('head')).rejects.toThrow(
      /CREATE INDEX CONCURRENTLY cannot run inside a transaction block/,
    )
    expect((await m.current()).heads).toEqual([ids[2]])
  })

  it('a CONCURRENTLY index that failed leaves an INVALID index; the next run says what to do', async () => {
    const unique = {
      ...concurrentIndex,
      upgrade(op: Operations) {
        op.execute('CREATE UNIQUE INDEX CONCURRENTLY "ix_order_total" ON "order" ("total")')
      },
    }
    const m = migrator({}, [...revisions, unique])
    await m.upgrade(ids[2]!)
    await query('INSERT INTO "order" (account_id, total) VALUES (1, 5), (1, 5)')
    await expect(m.upgrade('head')).rejects.toThrow(/could not create unique index/)
    expect((await m.current()).heads).toEqual([ids[2]])
    const again = await m.upgrade('head').catch((e: unknown) => e)
    expect((again as Error).message).toMatch(
      /the index "ix_order_total" is INVALID, left behind by a CREATE INDEX CONCURRENTLY that failed; drop it \(DROP INDEX CONCURRENTLY "ix_order_total"\)/,
    )
    await query('DROP INDEX CONCURRENTLY ix_order_total')
    await query('DELETE FROM "order"')
    expect((await m.upgrade('head')).heads).toEqual(['f6f6f6f6f6f6'])
  })

  it('ALTER TYPE ... ADD VALUE in a transaction = false revision', async () => {
    const enumType = {
      revision: 'b8b8b8b8b8b8',
      downRevision: null,
      message: 'mood',
      upgrade(op: Operations) {
        op.execute("CREATE TYPE mood AS ENUM ('sad')")
        op.createTable('person', [op.column('mood', { raw: 'mood' })])
      },
    }
    const addValue = {
      revision: 'c9c9c9c9c9c9',
      downRevision: 'b8b8b8b8b8b8',
      message: 'happy',
      transaction: false,
      upgrade(op: Operations) {
        op.execute("ALTER TYPE mood ADD VALUE 'happy'")
      },
    }
    const useValue = {
      revision: 'd0d0d0d0d0d0',
      downRevision: 'c9c9c9c9c9c9',
      message: 'a happy person',
      upgrade(op: Operations) {
        op.bulkInsert('person', [{ mood: 'happy' }])
      },
    }
    await migrator({ transactionMode: 'all' }, [enumType, addValue, useValue]).upgrade('head')
    expect(await query('SELECT mood::text FROM person')).toEqual([{ mood: 'happy' }])
  })

  it('the version table in another schema (versionTableSchema) and with another name', async () => {
    const m = migrator({ versionTableSchema: 'retort meta', versionTable: 'schema "history"' })
    await m.upgrade(ids[0]!)
    expect(await tables('retort meta')).toEqual(['schema "history"'])
    expect(await query('SELECT version_num FROM "retort meta"."schema ""history"""')).toEqual([
      { version_num: ids[0] },
    ])
    expect(await tables()).toEqual(['account'])
    expect((await m.current()).heads).toEqual([ids[0]])
  })

  it('schema per tenant: each schema has its own tables and version table', async () => {
    const tenant = (schema: string) =>
      migrator({}, revisions, postgresDialect({ connectionString: database.url, schema }))
    await tenant('tenant_a').upgrade('head')
    await tenant('tenant "b"').upgrade(ids[0]!)
    expect(await tables()).toEqual([])
    expect(await tables('tenant_a')).toEqual(['account', 'order', 'retort_version'])
    expect(await tables('tenant "b"')).toEqual(['account', 'retort_version'])
    expect((await tenant('tenant_a').current()).heads).toEqual([ids[2]])
    expect((await tenant('tenant "b"').current()).heads).toEqual([ids[0]])
    expect((await tenant('tenant_c').current()).heads).toEqual([])
    expect(await query("SELECT 1 FROM pg_namespace WHERE nspname = 'tenant_c'")).toEqual([])
    await tenant('tenant_a').downgrade('base')
    expect(await tables('tenant_a')).toEqual(['retort_version'])
    expect(await tables('tenant "b"')).toEqual(['account', 'retort_version'])
  })

  it("schema per tenant on the application's pool: search_path is restored, the pool stays open", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 })
    try {
      const m = migrator({}, revisions, postgresDialect({ pool, schema: 'tenant_p' }))
      await m.upgrade('head')
      expect(await tables('tenant_p')).toEqual(['account', 'order', 'retort_version'])
      expect((await pool.query('SHOW search_path')).rows).toEqual([
        { search_path: '"$user", public' },
      ])
    } finally {
      await pool.end()
    }
  })

  it('a run with both the dialect schema and versionTableSchema keeps everything in that schema', async () => {
    const m = migrator(
      { versionTableSchema: 't1' },
      revisions,
      postgresDialect({ connectionString: database.url, schema: 't1' }),
    )
    await m.upgrade('head')
    expect(await tables('t1')).toEqual(['account', 'order', 'retort_version'])
    expect(await tables()).toEqual([])
    expect((await m.current()).heads).toEqual([ids[2]])
  })

  it('postgres:// and postgresql:// URLs work through the default env', async () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const url = database.url.replace(/^[a-z]+:/, `${scheme}:`)
      const m = new Migrator({ migrations: revisions as never, config: { url } })
      expect((await m.upgrade('head')).heads).toEqual([ids[2]])
      expect((await m.current()).heads).toEqual([ids[2]])
      await m.downgrade('base')
    }
  })

  it('an offline script (upgradeSql) runs as is in psql-like simple query mode', async () => {
    // op.query() needs a connection: the revision that reads (addNick) has no offline form.
    const offline = [createAccount, { ...createOrder, downRevision: ids[0] }]
    const script = await migrator({}, offline).upgradeSql('head')
    expect(script).toContain(
      `INSERT INTO "retort_version" ("version_num") VALUES ('a1a1a1a1a1a1');`,
    )
    await database.query(script)
    expect(await tables()).toEqual(['account', 'order', 'retort_version'])
    expect((await migrator({}, offline).current()).heads).toEqual([ids[2]])
  })

  it('8 processes upgrading one database at once: one applies, the others find nothing to do', async () => {
    // This process holds the migration lock until the server shows all eight runs waiting
    // for it: they overlap for certain.
    const outputs = await runAllWaitingForTheLock(
      postgresDialect({ connectionString: database.url }),
      8,
      () => spawnChild(),
      async () =>
        (
          await query(
            "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()",
          )
        )[0]?.['n'] as number,
    )
    for (const output of outputs) expect(output).not.toHaveProperty('error')
    const applied = outputs.map((o) => o['applied'] as string[])
    expect(applied.filter((a) => a.length > 0)).toEqual([ids])
    expect(applied.filter((a) => a.length === 0)).toHaveLength(7)
    for (const output of outputs) expect(output['heads']).toEqual([ids[2]])
    expect(await query('SELECT version_num FROM retort_version')).toEqual([{ version_num: ids[2] }])
    expect(await query('SELECT COUNT(*)::int AS n FROM account')).toEqual([{ n: 1 }])
  })

  it.each(['each', 'all'] as const)(
    "kill -9 of a process mid-upgrade ('%s') leaves a consistent revision; the next run proceeds",
    async (mode) => {
      const child = spawnChild(mode, slowRevisions)
      await child.ready
      child.process.stdin.end('go\n')
      // Wait until the slow revision is running (its sleep is the child's active query).
      let pid: number | undefined
      await waitWhileRunning([child], 'its slow revision ran', async () => {
        const active = await query(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep(60)%'",
        )
        pid = active[0]?.['pid'] as number | undefined
        return pid !== undefined
      })
      child.process.kill('SIGKILL')
      expect(await child.done).toEqual({ signal: 'SIGKILL' })
      // The server ends the dead client's session (its transaction rolled back, its lock
      // released) once it notices; nothing here ends it.
      await database.sessionsEnded([pid!])

      const m = migrator({ transactionMode: mode }, [...revisions, quickAudit])
      const expected = mode === 'each' ? [ids[2]] : []
      // The dead session's transaction is rolled back and its lock released by the server.
      expect((await m.current()).heads).toEqual(expected)
      const up = await m.upgrade('head')
      expect(up.applied.map((a) => a.revision)).toEqual(
        mode === 'each' ? ['d4d4d4d4d4d4'] : [...ids, 'd4d4d4d4d4d4'],
      )
      expect(await query('SELECT id FROM audit')).toEqual([{ id: 1 }])
      expect(await query('SELECT version_num FROM retort_version')).toEqual([
        { version_num: 'd4d4d4d4d4d4' },
      ])
    },
  )
})
