import type { Connection, Dialect, Driver } from '../dialect.js'
import { IncompleteMigrationError, MigrationError, PartialMigrationError } from '../errors.js'
import { Migrator, type MigratorOptions } from '../migrator.js'
import { Operations } from '../operations/operations.js'
import type { RevisionModule } from '../revision.js'
import type { ConformanceCapabilities, ConformanceTestApi } from './conformance-api.js'
import { describeOperationScenarios, failure, plain } from './conformance-operations.js'
import { BRANCHY_GRAPH, ITEM_ROWS, OPERATION_GRAPH, reversible } from './conformance-revisions.js'

/**
 * A fresh, empty database for one test, and how to get rid of it.
 *
 * @example
 * ```ts
 * const database: ConformanceDatabase = { dialect: sqliteDialect({ filename }), cleanup: async () => fs.rmSync(filename) }
 * ```
 */
export interface ConformanceDatabase {
  readonly dialect: Dialect
  /**
   * The schema the database's tables are in, by name (PostgreSQL `public`, the MySQL
   * database's name, SQLite `main`). Needed where the target's capabilities state
   * `qualifiedNames`.
   */
  readonly schema?: string | undefined
  cleanup(): Promise<void>
}

/**
 * The dialect under test.
 *
 * @example
 * ```ts
 * const target: ConformanceTarget = {
 *   name: 'sqlite',
 *   capabilities: { comments: false, qualifiedNames: true },
 *   createDatabase: async () => ({ dialect, cleanup }),
 * }
 * ```
 */
export interface ConformanceTarget {
  /** Shown in the suite's name. */
  readonly name: string
  /**
   * What the database stores differently from the others. Every test runs on every
   * dialect; a capability changes what one step asserts, and the step names it.
   */
  readonly capabilities: ConformanceCapabilities
  /** Called before every test: a new empty database (file, schema or database). */
  createDatabase(): Promise<ConformanceDatabase>
}

/**
 * The behavioural suite every dialect runs against its real database (STYLE rule 9):
 * every operation applied and reversed with data preserved; upgrade, downgrade, stamp and
 * current on a branchy graph with a merge and a `dependsOn`; a failing revision leaving
 * consistent version rows (rolled back whole where the adapter says
 * `supportsTransactionalDdl`, recorded where not); offline SQL; identifiers that are
 * keywords or hold quotes; the partial-failure record; and each operation on its own,
 * checked against what the database enforces and reversed (see
 * {@link ConformanceCapabilities} for what a dialect may store differently).
 *
 * @example
 * ```ts
 * import { afterEach, beforeEach, describe, expect, it } from 'vitest'
 * import { runConformanceSuite } from '@retort/core/testing'
 *
 * runConformanceSuite({ describe, it, expect, beforeEach, afterEach }, {
 *   name: 'sqlite',
 *   capabilities: { comments: false, qualifiedNames: true },
 *   createDatabase: async () => {
 *     const filename = path.join(os.tmpdir(), `${randomUUID()}.db`)
 *     return { dialect: sqliteDialect({ filename }), schema: 'main', cleanup: async () => fs.rmSync(filename, { force: true }) }
 *   },
 * })
 * ```
 */
export function runConformanceSuite(api: ConformanceTestApi, target: ConformanceTarget): void {
  const { describe, it, expect, beforeEach, afterEach } = api
  let database: ConformanceDatabase | undefined

  /** The test's own connection (the operation scenarios), opened on first use. */
  let session: { driver: Driver; connection: Promise<Connection> } | undefined

  beforeEach(async () => {
    database = await target.createDatabase()
  })
  afterEach(async () => {
    const open = session
    session = undefined
    try {
      if (open !== undefined) {
        try {
          await (await open.connection).close()
        } finally {
          await open.driver.destroy()
        }
      }
    } finally {
      await database?.cleanup()
      database = undefined
    }
  })

  const dialect = (): Dialect => {
    if (database === undefined) throw new Error('the conformance database was not created')
    return database.dialect
  }
  const migrator = (
    migrations: Readonly<Record<string, RevisionModule>>,
    options: Partial<MigratorOptions> = {},
  ) => new Migrator({ migrations, dialect: dialect(), ...options })
  const withConnection = async <T>(body: (connection: Connection) => Promise<T>): Promise<T> => {
    const driver = dialect().createDriver()
    try {
      const connection = await driver.connect()
      try {
        return await body(connection)
      } finally {
        await connection.close()
      }
    } finally {
      await driver.destroy()
    }
  }
  const tables = () =>
    withConnection(async (connection) =>
      [...(await dialect().createIntrospector().listTables(connection))].sort(),
    )
  /** `SELECT columns FROM table ORDER BY first column`, values as plain numbers and strings. */
  const rows = (table: string, columns: readonly string[]) =>
    withConnection(async (connection) => {
      const q = (name: string) => dialect().createCompiler().quoteIdentifier(name)
      const result = await connection.execute({
        sql: `SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ORDER BY ${q(columns[0]!)}`,
        parameters: [],
      })
      return result.rows.map((row) => columns.map((column) => plain(row[column])))
    })
  /** Runs operations on the database directly, as a person fixing it by hand would. */
  const byHand = (build: (op: Operations) => void) =>
    withConnection(async (connection) => {
      const op = new Operations({ dialect: dialect().name, offline: true })
      build(op)
      const compiler = dialect().createCompiler()
      for (const operation of op.takePending()) {
        for (const statement of compiler.compile(operation)) await connection.execute(statement)
      }
    })
  const transactionalDdl = () => dialect().createAdapter().supportsTransactionalDdl

  const connection = (): Promise<Connection> => {
    if (session === undefined) {
      const driver = dialect().createDriver()
      session = { driver, connection: driver.connect() }
    }
    return session.connection
  }

  describe(`${target.name}: Retort dialect conformance`, () => {
    describeOperationScenarios({
      api,
      capabilities: target.capabilities,
      dialect,
      connection,
      schema: () => {
        const schema = database?.schema
        if (schema === undefined) {
          throw new Error(
            `the conformance target '${target.name}' states capabilities.qualifiedNames, but its createDatabase() returned no schema: return the schema its tables are in, or state qualifiedNames: false`,
          )
        }
        return schema
      },
    })

    describe('operations', () => {
      it('each operation applies, reverses, and keeps the data', async () => {
        const m = migrator(OPERATION_GRAPH)
        const ids = Object.values(OPERATION_GRAPH).map((r) => r.revision)
        for (const id of ids) {
          const result = await m.upgrade('+1')
          expect(result.applied.map((a) => a.revision)).toEqual([id])
        }
        expect((await m.current()).heads).toEqual(['op11'])
        expect(await rows('thing', ['id', 'title', 'note'])).toEqual(
          ITEM_ROWS.map(([id, name]) => [id, name, id === 1 ? 'changed' : 'none']),
        )
        expect(await rows('owner', ['id'])).toEqual([[7]])
        for (const id of [...ids].reverse().slice(0, -1)) {
          const result = await m.downgrade('-1')
          expect(result.applied.map((a) => [a.revision, a.direction])).toEqual([[id, 'down']])
          // Now at the revision before `id`: 'thing' from op08 on, 'title' from op03 on.
          const table = ['op09', 'op10', 'op11'].includes(id) ? 'thing' : 'item'
          const name = ['op02', 'op03'].includes(id) ? 'name' : 'title'
          expect(await rows(table, ['id', name])).toEqual(ITEM_ROWS.map((row) => [...row]))
        }
        expect((await m.current()).heads).toEqual(['op01'])
        expect(await tables()).not.toContain('owner')
        expect(await rows('item', ['id', 'name'])).toEqual(ITEM_ROWS.map((row) => [...row]))
        // And all the way up again: every downgrade left what its upgrade expects.
        expect((await m.upgrade('head')).applied.map((a) => a.revision)).toEqual(ids.slice(1))
      })
    })

    describe('revision graph', () => {
      it('upgrade and downgrade along branches, a merge and a dependsOn keep the rows of SEMANTICS.md', async () => {
        const m = migrator(BRANCHY_GRAPH)
        const heads = async () => [...(await m.current()).heads].sort()
        expect(await heads()).toEqual([])
        expect(await tables()).toEqual([])
        await m.upgrade('gb')
        expect(await heads()).toEqual(['gb'])
        await m.upgrade('gc')
        expect(await heads()).toEqual(['gb', 'gc'])
        await m.upgrade('gm')
        expect(await heads()).toEqual(['gm'])
        // ge depends on gd: gd is applied first, and only ge holds a row.
        const up = await m.upgrade('ge')
        expect(up.applied.map((a) => a.revision)).toEqual(['gd', 'ge'])
        expect(await heads()).toEqual(['ge'])
        expect((await m.upgrade('heads')).applied).toEqual([])
        // Un-applying ge restores the rows of its parent and of its dependency.
        await m.downgrade('gm')
        expect(await heads()).toEqual(['gd', 'gm'])
        const down = await m.downgrade('ga')
        expect(down.applied.map((a) => a.revision).sort()).toEqual(['gb', 'gc', 'gm'])
        expect(down.applied[0]?.revision).toBe('gm')
        expect(await heads()).toEqual(['ga', 'gd'])
        expect(await tables()).toContain('t_ga')
        expect(await tables()).not.toContain('t_gm')
        await m.downgrade('base')
        expect(await heads()).toEqual([])
        expect((await tables()).filter((t) => t.startsWith('t_'))).toEqual([])
      })

      it('stamp replaces related rows, keeps unrelated ones, and runs nothing', async () => {
        const m = migrator(BRANCHY_GRAPH)
        const heads = async () => [...(await m.current()).heads].sort()
        await m.stamp('ge')
        expect(await heads()).toEqual(['ge'])
        expect((await tables()).filter((t) => t.startsWith('t_'))).toEqual([])
        await m.stamp('gc')
        expect(await heads()).toEqual(['gc'])
        await m.stamp('gd')
        expect(await heads()).toEqual(['gc', 'gd'])
        await m.stamp('gb')
        expect(await heads()).toEqual(['gb', 'gc', 'gd'])
        await m.stamp('gm', { purge: true })
        expect(await heads()).toEqual(['gm'])
        await m.stamp('base')
        expect(await heads()).toEqual([])
      })

      it('a read never creates the version table', async () => {
        const m = migrator(BRANCHY_GRAPH)
        const result = await m.current()
        expect(result.heads).toEqual([])
        expect(result.incomplete).toBeUndefined()
        expect(await tables()).toEqual([])
      })
    })

    describe('failures', () => {
      const failing = {
        ...BRANCHY_GRAPH,
        'versions/gf.ts': reversible({ revision: 'gf', downRevision: 'ga' }, (op) => {
          op.createTable('t_gf', [op.column('id', 'integer', { primaryKey: true })])
          op.execute('INSERT INTO no_such_table (id) VALUES (?)', [1])
        }),
      }

      it('a failing revision leaves consistent version rows', async () => {
        const m = migrator(failing)
        const error = await failure(m.upgrade('gf'))
        expect(error).toBeInstanceOf(MigrationError)
        expect((error as Error).message).toContain(
          "revision 'gf' in 'versions/gf.ts' failed at statement",
        )
        expect([...(await m.current()).heads]).toEqual(['ga'])
        if (transactionalDdl()) {
          // Rolled back whole: nothing of gf, nothing recorded.
          expect(error).not.toBeInstanceOf(PartialMigrationError)
          expect(await tables()).not.toContain('t_gf')
          expect((await m.current()).incomplete).toBeUndefined()
        } else {
          // Its first statement stayed, and that is recorded.
          expect(error).toBeInstanceOf(PartialMigrationError)
          expect(await tables()).toContain('t_gf')
          expect((await m.current()).incomplete?.record.revision).toBe('gf')
        }
      })

      it("transactionMode 'all' on transactional DDL rolls the whole run back", async () => {
        if (!transactionalDdl()) return
        const m = migrator(failing, { transactionMode: 'all' })
        await failure(m.upgrade('gf'))
        expect((await m.current()).heads).toEqual([])
        expect((await tables()).filter((t) => t.startsWith('t_'))).toEqual([])
      })
    })

    describe('partial-failure record', () => {
      const partial = {
        'versions/pa.ts': reversible({ revision: 'pa', downRevision: null }, (op) => {
          op.createTable('p_a', [op.column('id', 'integer', { primaryKey: true })])
        }),
        // Outside a transaction on every database: its first statements cannot be undone.
        'versions/pb.ts': reversible(
          { revision: 'pb', downRevision: 'pa', transaction: false },
          (op) => {
            op.createTable('p_b1', [op.column('id', 'integer', { primaryKey: true })])
            op.createTable('p_b2', [op.column('id', 'integer', { primaryKey: true })])
            op.execute('INSERT INTO p_missing (id) VALUES (?)', [1])
            op.createTable('p_b3', [op.column('id', 'integer', { primaryKey: true })])
          },
        ),
        'versions/pc.ts': reversible({ revision: 'pc', downRevision: 'pb' }, (op) => {
          op.createTable('p_c', [op.column('id', 'integer', { primaryKey: true })])
        }),
      }

      it('a revision run outside a transaction that fails part-way is recorded; the next run refuses; stamp clears it', async () => {
        const m = migrator(partial)
        const error = await failure(m.upgrade('head'))
        expect(error).toBeInstanceOf(PartialMigrationError)
        const message = (error as Error).message
        expect(message).toContain(
          "upgrade of revision 'pb' in 'versions/pb.ts' failed at statement",
        )
        expect(message).toContain('(3 of 4)')
        expect(message).toContain('statements 1..2 stayed applied')
        expect(await tables()).toContain('p_b2')
        expect(await tables()).not.toContain('p_b3')
        expect((await m.current()).heads).toEqual(['pa'])

        for (const run of [() => m.upgrade('head'), () => m.downgrade('base')]) {
          const refused = await failure(run())
          expect(refused).toBeInstanceOf(IncompleteMigrationError)
          expect((refused as Error).message).toContain(
            "the upgrade of revision 'pb' in 'versions/pb.ts' stopped part-way",
          )
          expect((refused as Error).message).toContain(
            'statements 1..2 of 4 completed; statement 3',
          )
          expect((refused as Error).message).toContain(
            "either finish statements 3..4 by hand and run 'retort stamp pb', or undo statements 1..2 by hand and run 'retort stamp pa'",
          )
        }
        const record = (await m.current()).incomplete?.record
        expect([
          record?.revision,
          record?.direction,
          record?.statementsDone,
          record?.statementCount,
          record?.state,
        ]).toEqual(['pb', 'up', 2, 4, 'failed'])

        // Finished by hand, then stamped: the record goes and the upgrade proceeds.
        await byHand((op) => {
          op.createTable('p_missing', [op.column('id', 'integer')])
          op.bulkInsert('p_missing', [{ id: 1 }])
          op.createTable('p_b3', [op.column('id', 'integer', { primaryKey: true })])
        })
        await m.stamp('pb')
        expect((await m.current()).incomplete).toBeUndefined()
        const result = await m.upgrade('head')
        expect(result.applied.map((a) => a.revision)).toEqual(['pc'])
        expect((await m.current()).heads).toEqual(['pc'])
      })

      it('a failing first statement applied nothing: no record, a plain MigrationError', async () => {
        const first = {
          'versions/pz.ts': {
            revision: 'pz',
            downRevision: null,
            transaction: false,
            upgrade: (op: Operations) => {
              op.execute('INSERT INTO p_missing (id) VALUES (?)', [1])
            },
          },
        }
        const m = migrator(first)
        const error = await failure(m.upgrade('head'))
        expect(error).toBeInstanceOf(MigrationError)
        expect(error).not.toBeInstanceOf(PartialMigrationError)
        expect((await m.current()).incomplete).toBeUndefined()
      })
    })

    describe('offline SQL', () => {
      it('compiles the revisions and version-row changes without touching the database', async () => {
        const m = migrator(BRANCHY_GRAPH)
        const sql = await m.upgradeSql('gm')
        const q = (name: string) => dialect().createCompiler().quoteIdentifier(name)
        for (const id of ['ga', 'gb', 'gc', 'gm']) expect(sql).toContain(q(`t_${id}`))
        expect(sql).not.toContain(q('t_gd'))
        expect(sql).toContain(q('retort_version'))
        expect(sql).toContain("'gm'")
        const down = await m.downgradeSql('gm:ga')
        expect(down).toContain(q('t_gm'))
        expect(down).not.toContain(`CREATE TABLE ${q('t_ga')}`)
        expect(await tables()).toEqual([])
      })
    })

    describe('identifiers', () => {
      it('keywords and quotes in table, column, index and version-table names', async () => {
        const graph = {
          'versions/k1.ts': reversible({ revision: 'k1', downRevision: null }, (op) => {
            op.createTable('order', [
              op.column('select', 'integer', { primaryKey: true }),
              op.column('from', 'string', { length: 20 }),
              op.column('it\'s "q"', 'string', { length: 20 }),
            ])
            op.bulkInsert('order', [{ select: 1, from: 'a', 'it\'s "q"': 'b' }])
          }),
          'versions/k2.ts': reversible({ revision: 'k2', downRevision: 'k1' }, (op) => {
            op.createIndex('index "1"', 'order', ['from'])
            op.addColumn('order', op.column('group', 'integer'))
            op.renameTable('order', 'table')
          }),
        }
        const m = migrator(graph, { versionTable: 'user "v"' })
        await m.upgrade('head')
        expect((await m.current()).heads).toEqual(['k2'])
        expect(await rows('table', ['select', 'from', 'it\'s "q"'])).toEqual([[1, 'a', 'b']])
        expect(await rows('user "v"', ['version_num'])).toEqual([['k2']])
        await m.downgrade('base')
        // The version table (and, where revisions are tracked, its progress table) stays.
        expect((await tables()).filter((t) => !t.startsWith('user "v"'))).toEqual([])
        expect(await rows('user "v"', ['version_num'])).toEqual([])
      })
    })
  })
}
