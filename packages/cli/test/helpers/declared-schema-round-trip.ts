// The declared-schema workflow a team follows, run through the CLI on one dialect:
// declare v1 -> autogenerate -> upgrade -> check passes; edit the schema (a column with a
// default, an index, a foreign key, a dropped column, a renamed column) -> check fails
// naming each difference -> autogenerate with a rename hint -> upgrade -> check passes;
// downgrade base then upgrade head gives the same introspected schema.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Dialect, TableInfo } from '../../../core/src/index.js'
import { readSchemaSnapshot } from '../../../core/src/autogenerate/schema-snapshot.js'
import { ok, retort, retortJson } from './in-process.js'

/** How a dialect's round trip differs from another's. */
export interface RoundTripSetup {
  /** The project directory (retort.yaml with `url`, `schema` and `revisionFormat` written). */
  readonly dir: string
  /** `ts` or `yaml`: the declared schema file written (`schema.ts` or `schema.yaml`). */
  readonly schemaFormat: 'ts' | 'yaml'
  /** The revisions' format (`revisionFormat`). */
  readonly revisionFormat: 'ts' | 'yaml'
  /** The project's database, to introspect and to put a row in. */
  readonly dialect: Dialect
  /** SQL that inserts account (id 1, email 'ann@example.com', nickname 'Ann'). */
  readonly insertAccount: string
  /** SQL that reads `display_name` and `status` of account 1. */
  readonly selectDisplayName: string
}

export const V1_TS = `import { column, defineSchema, index } from '@retort/core'

export default defineSchema({
  tables: {
    account: {
      columns: [
        column('id', 'integer', { primaryKey: true }),
        column('email', 'string', { length: 255, nullable: false }),
        column('nickname', 'string', { length: 40 }),
        column('legacy_code', 'string', { length: 20 }),
      ],
      indexes: [index('ix_account_email', ['email'], { unique: true })],
    },
    invoice: {
      columns: [
        column('id', 'integer', { primaryKey: true }),
        column('account_id', 'integer', { nullable: false }),
        column('total', 'decimal', { precision: 10, scale: 2, nullable: false, default: 0 }),
      ],
    },
  },
})
`

export const V2_TS = `import { column, defineSchema, foreignKey, index } from '@retort/core'

export default defineSchema({
  tables: {
    account: {
      columns: [
        column('id', 'integer', { primaryKey: true }),
        column('email', 'string', { length: 255, nullable: false }),
        column('display_name', 'string', { length: 40 }),
        column('status', 'string', { length: 20, nullable: false, default: 'active' }),
      ],
      indexes: [index('ix_account_email', ['email'], { unique: true })],
    },
    invoice: {
      columns: [
        column('id', 'integer', { primaryKey: true }),
        column('account_id', 'integer', { nullable: false }),
        column('total', 'decimal', { precision: 10, scale: 2, nullable: false, default: 0 }),
      ],
      foreignKeys: [
        foreignKey(['account_id'], { table: 'account', columns: ['id'], onDelete: 'CASCADE' }),
      ],
      indexes: [index('ix_invoice_account', ['account_id'])],
    },
  },
})
`

export const V1_YAML = `tables:
  account:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: email, type: string, length: 255, nullable: false }
      - { name: nickname, type: string, length: 40 }
      - { name: legacy_code, type: string, length: 20 }
    indexes:
      - { name: ix_account_email, columns: [email], unique: true }
  invoice:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: account_id, type: integer, nullable: false }
      - { name: total, type: decimal, precision: 10, scale: 2, nullable: false, default: 0 }
`

export const V2_YAML = `tables:
  account:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: email, type: string, length: 255, nullable: false }
      - { name: display_name, type: string, length: 40 }
      - { name: status, type: string, length: 20, nullable: false, default: active }
    indexes:
      - { name: ix_account_email, columns: [email], unique: true }
  invoice:
    columns:
      - { name: id, type: integer, primaryKey: true }
      - { name: account_id, type: integer, nullable: false }
      - { name: total, type: decimal, precision: 10, scale: 2, nullable: false, default: 0 }
    foreignKeys:
      - { columns: [account_id], references: { table: account, columns: [id], onDelete: CASCADE } }
    indexes:
      - { name: ix_invoice_account, columns: [account_id] }
`

/** The differences `check` lists after the edit from v1 to v2, one line each. */
export const V2_DIFFERENCES = [
  "column 'account.nickname' is made by the revisions but not declared",
  "column 'account.legacy_code' is made by the revisions but not declared",
  "column 'account.display_name' is declared but no revision adds it",
  "column 'account.status' is declared but no revision adds it",
  "foreign key 'invoice' (account_id) -> 'account' (id) is declared but no revision creates it",
  "index 'ix_invoice_account' on 'invoice' is declared but no revision creates it",
]

/** Writes the declared schema version `version` into the project. */
export function declare(setup: RoundTripSetup, version: 1 | 2): void {
  const text =
    setup.schemaFormat === 'ts'
      ? version === 1
        ? V1_TS
        : V2_TS
      : version === 1
        ? V1_YAML
        : V2_YAML
  writeFileSync(join(setup.dir, `schema.${setup.schemaFormat}`), text)
}

/** Every table but the version tables, as the project's dialect introspects it. */
export async function tablesOf(dialect: Dialect): Promise<readonly TableInfo[]> {
  const snapshot = await readSchemaSnapshot(dialect, {
    exclude: ['retort_version', 'retort_version_progress', 'retort_version_ledger'],
  })
  return snapshot.tables
}

async function query(dialect: Dialect, sql: string): Promise<Record<string, unknown>[]> {
  const driver = dialect.createDriver()
  try {
    const connection = await driver.connect()
    try {
      return [...(await connection.execute({ sql, parameters: [] })).rows]
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}

/** The whole round trip; every step's expectations are asserted here. */
export async function runRoundTrip(setup: RoundTripSetup): Promise<void> {
  const { dir } = setup
  const extension = setup.revisionFormat === 'yaml' ? 'yaml' : 'ts'

  // v1: nothing yet; check names the missing tables, autogenerate writes them.
  declare(setup, 1)
  const before = await retort(dir, ['check'])
  expect(before.code).toBe(1)
  expect(before.stdout).toContain(
    "✗ schema: table 'account' is declared but no revision creates it",
  )
  const first = await retortJson<{ path: string; operations: string[] }>(dir, [
    'revision',
    '--autogenerate',
    '-m',
    'v1',
    '--rev-id',
    'aaaa00000001',
  ])
  expect(first.path.endsWith(`aaaa00000001_v1.${extension}`)).toBe(true)
  expect(first.operations).toEqual([
    "createTable('account')",
    "createIndex('ix_account_email', 'account')",
    "createTable('invoice')",
  ])
  // Written in the declared spelling, not the database's.
  const firstText = readFileSync(first.path, 'utf8')
  expect(firstText).toMatch(/type: '?string'?, length: 255/)
  await ok(dir, ['upgrade', 'head'])
  expect(await ok(dir, ['check'])).toContain('the revisions make the declared schema')
  await query(setup.dialect, setup.insertAccount)

  // Nothing changed: nothing to write, and it says so.
  const nothing = await retort(dir, ['revision', '--autogenerate', '-m', 'nothing'])
  expect(nothing.code).toBe(1)
  expect(nothing.stderr.trim()).toBe(
    'error: the declared schema matches the revisions; nothing to autogenerate',
  )

  // v2 without a revision: check fails and names each difference.
  declare(setup, 2)
  const failed = await retort(dir, ['check'])
  expect(failed.code).toBe(1)
  const listed = failed.stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('✗ schema: '))
    .map((line) => line.slice('✗ schema: '.length))
  expect([...listed].sort()).toEqual([...V2_DIFFERENCES].sort())
  expect(failed.stderr).toContain("write one with 'retort revision --autogenerate")
  const json = await retort(dir, ['--json', 'check'])
  expect(json.code).toBe(1)
  const report = JSON.parse(json.stdout) as {
    ok: boolean
    problems: { kind: string; message: string }[]
    schemas: { differences: { message: string; operation?: string }[] }[]
  }
  expect(report.ok).toBe(false)
  expect(
    report.problems
      .filter((p) => p.kind === 'schema')
      .map((p) => p.message)
      .sort(),
  ).toEqual([...V2_DIFFERENCES].sort())
  expect(report.schemas[0]!.differences.map((d) => d.operation)).toContain(
    "addColumn('account', 'status')",
  )

  // A rename hint that does not fit is refused before anything is written.
  const wrong = await retort(dir, [
    'revision',
    '--autogenerate',
    '-m',
    'v2',
    '--rename',
    'account.nick:display_name',
  ])
  expect(wrong.code).toBe(1)
  expect(wrong.stderr.trim()).toBe(
    "error: --rename 'account.nick:display_name': the revisions make no column 'account.nick'",
  )

  const second = await retortJson<{ path: string; operations: string[] }>(dir, [
    'revision',
    '--autogenerate',
    '-m',
    'v2',
    '--rev-id',
    'aaaa00000002',
    '--rename',
    'account.nickname:display_name',
  ])
  expect(second.operations[0]).toBe("alterColumn('account', 'nickname')")
  expect(second.operations).toContain("addColumn('account', 'status')")
  expect(second.operations).toContain("dropColumn('account', 'legacy_code')")
  expect(second.operations).toContain("createIndex('ix_invoice_account', 'invoice')")
  expect(second.operations.some((o) => o.startsWith('createForeignKey('))).toBe(true)
  expect(second.operations).not.toContain("addColumn('account', 'display_name')")
  await ok(dir, ['upgrade', 'head'])
  expect(await ok(dir, ['check'])).toContain('the revisions make the declared schema')
  // The rename kept the data; the new column got its default.
  expect(await query(setup.dialect, setup.selectDisplayName)).toEqual([
    { display_name: 'Ann', status: 'active' },
  ])

  // downgrade base, upgrade head: the same schema.
  const atHead = await tablesOf(setup.dialect)
  expect(atHead.map((t) => t.name)).toEqual(['account', 'invoice'])
  await ok(dir, ['downgrade', 'base'])
  expect(await tablesOf(setup.dialect)).toEqual([])
  await ok(dir, ['upgrade', 'head'])
  expect(await tablesOf(setup.dialect)).toEqual(atHead)
  expect(await ok(dir, ['check'])).toContain('the revisions make the declared schema')
}
