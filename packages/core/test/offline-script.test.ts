// Offline SQL scripts without a database: the one function that writes comment lines, the
// transactions around each kind of revision (transactional DDL or not, `transaction =
// false`, every mode), and the one direction rule of offline ranges.
import { describe, expect, it } from 'vitest'
import { Migrator, RetortError, sqlComment, type Operations } from '@retort/core'
import { FakeDatabase } from './helpers/fake-dialect.js'
import { codeLinesWith, linesWith, scriptLines } from './helpers/offline-script-fixture.js'

describe('sqlComment', () => {
  const controls = [
    ...Array.from({ length: 0x20 }, (_, code) => code),
    0x7f,
    ...Array.from({ length: 0x20 }, (_, code) => 0x80 + code),
    0x061c,
    0x200e,
    0x200f,
    0x2028,
    0x2029,
    0x202a,
    0x202b,
    0x202c,
    0x202d,
    0x202e,
    0x2066,
    0x2067,
    0x2068,
    0x2069,
    0xfeff,
  ].map((code) => String.fromCodePoint(code))

  it('writes every control, separator and bidi character as an escape, on one line', () => {
    for (const character of controls) {
      const line = sqlComment(`a${character}DROP TABLE accounts; --`)
      expect(line.startsWith('-- a\\')).toBe(true)
      expect(line.endsWith('DROP TABLE accounts; --')).toBe(true)
      expect([...line].some((c) => controls.includes(c))).toBe(false)
    }
    expect(sqlComment('a\nb\rc\td\u001be\u0085f\u2028g\u202eh')).toBe(
      '-- a\\nb\\rc\\td\\x1be\\x85f\\u2028g\\u202eh',
    )
    expect(sqlComment(controls.join(''))).toMatch(/^-- (\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt]))+$/)
  })

  it('breaks up the block-comment markers and keeps plain text as it is', () => {
    expect(sqlComment('a */ DROP TABLE x; /* b')).toBe('-- a *\\/ DROP TABLE x; /\\* b')
    expect(sqlComment('*/*/**/')).not.toMatch(/\*\/|\/\*/)
    expect(sqlComment('/*/')).not.toMatch(/\*\/|\/\*/)
    expect(sqlComment("Running upgrade a1 -> b2: add 'email' (C:\\x\\y.ts) ✓")).toBe(
      "-- Running upgrade a1 -> b2: add 'email' (C:\\x\\y.ts) ✓",
    )
    expect(sqlComment('')).toBe('--')
  })
})

// r1 -> r2 (transaction = false) -> r3; the message of r1 tries to end its comment line.
const migrations = {
  'versions/r1.ts': {
    revision: 'r1r1r1r1r1r1',
    downRevision: null,
    message: 'one\nDROP TABLE accounts; --\r*/',
    upgrade: (op: Operations) => op.createTable('one', [op.column('id', 'integer')]),
    downgrade: (op: Operations) => op.dropTable('one'),
  },
  'versions/r2.ts': {
    revision: 'r2r2r2r2r2r2',
    downRevision: 'r1r1r1r1r1r1',
    transaction: false,
    upgrade: (op: Operations) => op.execute('CREATE INDEX CONCURRENTLY ix ON one (id)'),
    downgrade: (op: Operations) => op.execute('DROP INDEX CONCURRENTLY ix'),
  },
  'versions/r3.ts': {
    revision: 'r3r3r3r3r3r3',
    downRevision: 'r2r2r2r2r2r2',
    upgrade: (op: Operations) => op.createTable('three', [op.column('id', 'integer')]),
    downgrade: (op: Operations) => op.dropTable('three'),
  },
}

function offline(transactionalDdl: boolean, transactionMode: 'each' | 'all' | 'none') {
  return new Migrator({
    migrations,
    dialect: new FakeDatabase(transactionalDdl).dialect(),
    transactionMode,
  })
}

const inside = (sql: string, text: string) => linesWith(sql, text).map((l) => l.inTransaction)

describe('offline scripts: transactions', () => {
  it("'all' commits before a transaction = false revision, runs it alone, then begins again", async () => {
    const sql = await offline(true, 'all').upgradeSql('base:heads')
    expect(inside(sql, 'createTable one')).toEqual([true])
    expect(inside(sql, 'CREATE INDEX CONCURRENTLY')).toEqual([false])
    expect(inside(sql, 'createTable three')).toEqual([true])
    // Every version-row change is inside a transaction, r2's in one of its own.
    expect(inside(sql, 'update-version')).toEqual([true, true])
    expect(sql.match(/^BEGIN;$/gm)).toHaveLength(3)
    expect(linesWith(sql, 'transaction = false')).toHaveLength(1)
  })

  it("'each' leaves a transaction = false revision outside BEGIN ... COMMIT too", async () => {
    const sql = await offline(true, 'each').upgradeSql('base:heads')
    expect(inside(sql, 'createTable one')).toEqual([true])
    expect(inside(sql, 'CREATE INDEX CONCURRENTLY')).toEqual([false])
    expect(inside(sql, 'createTable three')).toEqual([true])
    expect(sql.match(/^BEGIN;$/gm)).toHaveLength(3)
  })

  it("'none' writes no transaction at all", async () => {
    const sql = await offline(true, 'none').upgradeSql('base:heads')
    expect(sql).not.toMatch(/^(BEGIN|COMMIT);$/m)
    expect(sql).not.toContain('transaction = false')
  })

  for (const mode of ['each', 'all'] as const) {
    it(`without transactional DDL, no DDL sits in a transaction and a comment says why ('${mode}')`, async () => {
      const sql = await offline(false, mode).upgradeSql('base:heads')
      for (const line of scriptLines(sql)) {
        if (/^(create|CREATE)/.test(line.text)) expect(line.inTransaction, line.text).toBe(false)
      }
      expect(inside(sql, 'update-version')).toEqual([true, true])
      expect(linesWith(sql, 'commits each DDL statement as it runs')).toHaveLength(1)
      expect(sql).not.toContain('transaction = false')
    })
  }

  it('user text reaches the script only inside comment lines', async () => {
    const sql = await offline(true, 'each').upgradeSql('base:heads')
    expect(codeLinesWith(sql, 'DROP TABLE accounts')).toEqual([])
    expect(sql).not.toContain('\r')
    expect(linesWith(sql, 'one\\nDROP TABLE accounts; --\\r*\\/ (versions/r1.ts)')).toHaveLength(1)
  })
})

describe('offline ranges: one direction rule', () => {
  const migrator = () => offline(true, 'each')
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as RetortError,
    )

  it('an upgrade range that goes down is refused, like a downgrade range that goes up', async () => {
    const up = await refusal(migrator().upgradeSql('r3r3r3r3r3r3:r1r1r1r1r1r1'))
    expect(up).toBeInstanceOf(RetortError)
    expect(up?.code).toBe('offline-range')
    expect(up?.message).toBe(
      "the upgrade range 'r3r3r3r3r3r3:r1r1r1r1r1r1' runs the wrong way: 'r1r1r1r1r1r1' is below 'r3r3r3r3r3r3'; an upgrade range FROM:TO goes up from FROM to TO, so write 'r1r1r1r1r1r1:r3r3r3r3r3r3', or use 'downgrade --sql r3r3r3r3r3r3:r1r1r1r1r1r1'",
    )
    const down = await refusal(migrator().downgradeSql('r1r1r1r1r1r1:r3r3r3r3r3r3'))
    expect(down?.code).toBe('offline-range')
    expect(down?.message).toBe(
      "the downgrade range 'r1r1r1r1r1r1:r3r3r3r3r3r3' runs the wrong way: 'r3r3r3r3r3r3' is not below 'r1r1r1r1r1r1'; a downgrade range FROM:TO goes down from FROM to TO, so write 'r3r3r3r3r3r3:r1r1r1r1r1r1', or use 'upgrade --sql r1r1r1r1r1r1:r3r3r3r3r3r3'",
    )
    expect((await refusal(migrator().upgradeSql('r3r3:base')))?.code).toBe('offline-range')
    expect((await refusal(migrator().upgradeSql('r3r3:-1')))?.message).toContain(
      "'r2r2r2r2r2r2' is below 'r3r3r3r3r3r3'",
    )
    expect((await refusal(migrator().downgradeSql('base:r1r1')))?.code).toBe('offline-range')
  })

  it('ranges that go their way, or stay where they are, are scripts', async () => {
    expect(await migrator().upgradeSql('r1r1:r3r3')).toContain('createTable three')
    expect(await migrator().upgradeSql('r3r3:heads')).not.toContain('createTable')
    expect(await migrator().upgradeSql('r2r2:r2r2')).not.toContain('createTable')
    expect(await migrator().downgradeSql('r3r3:r1r1')).toContain('update-version')
    expect(await migrator().downgradeSql('r3r3:r3r3')).not.toContain('update-version')
  })
})
