// `retort squash`: 100 linear revisions squashed into one. A fresh database goes to the
// head through the squash; databases at the 1st, 50th and 100th replaced revision upgrade
// to the head, with the same final schema (by introspection) as a database that ran every
// original revision. A database inside the squash is named by --status, current and check,
// and needs the old files it has not run. On each dialect.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readSchemaSnapshot } from '../../core/src/autogenerate/schema-snapshot.js'
import type { CheckResult } from '../../core/src/commands/check.js'
import type { SquashStatusEntry } from '../../core/src/commands/squash.js'
import { retortInProcess } from './helpers/in-process.js'
import { INTEGRITY_TARGETS, type IntegrityDatabase } from './helpers/integrity-targets.js'
import { createProject } from './helpers/project.js'

const id = (i: number) => `r${String(i).padStart(3, '0')}00000000`
const SQUASH = 'sq0000000001'
const NAMES = ['ref', 'fresh', 'at1', 'at50', 'at100'] as const

/** r001 creates `item`; each next one adds a column, every tenth an index on it too. */
function revisionText(i: number): string {
  const head = `revision: ${id(i)}\ndownRevision: ${i === 1 ? 'null' : id(i - 1)}\nmessage: step ${i}\n`
  if (i === 1)
    return `${head}upgrade:\n  - createTable: { name: item, columns: [ { name: id, type: integer, primaryKey: true } ] }\n`
  const index =
    i % 10 === 0 ? `  - createIndex: { name: ix_item_c${i}, table: item, columns: [c${i}] }\n` : ''
  return `${head}upgrade:\n  - addColumn: { table: item, column: { name: c${i}, type: integer } }\n${index}`
}

const TAIL = `revision: t10100000000
downRevision: ${id(100)}
message: after the squash
upgrade:
  - createTable: { name: tail, columns: [ { name: id, type: integer, primaryKey: true } ] }
`

for (const target of INTEGRITY_TARGETS) {
  target.describe(`squash 100 revisions (${target.name})`, () => {
    let project: ReturnType<typeof createProject>
    const dbs = new Map<string, IntegrityDatabase>()
    let versions: string

    beforeAll(async () => {
      project = createProject(`retort-squash-${target.name}-`)
      versions = join(project.dir, 'migrations/versions')
      mkdirSync(versions, { recursive: true })
      for (const name of NAMES) dbs.set(name, await target.create(project.dir, `${name}.db`))
      writeFileSync(
        join(project.dir, 'retort.yaml'),
        `scriptLocation: migrations\ndatabases:\n${NAMES.map((n) => `  ${n}: { url: '${dbs.get(n)!.url}' }`).join('\n')}\n`,
      )
      for (let i = 1; i <= 100; i++)
        writeFileSync(join(versions, `${id(i)}_step_${i}.yaml`), revisionText(i))
      writeFileSync(join(versions, 't10100000000_after.yaml'), TAIL)
    }, 120_000)
    afterAll(async () => {
      for (const db of dbs.values()) await db.drop()
      project?.cleanup()
    })

    const run = (...args: string[]) => retortInProcess(project.dir, args)
    const json = async <T>(...args: string[]) => {
      const result = await run('--json', ...args)
      return { code: result.code, body: JSON.parse(result.stdout) as T, stderr: result.stderr }
    }
    const snapshot = (name: string) =>
      readSchemaSnapshot(dbs.get(name)!.dialect, {
        exclude: ['retort_version', 'retort_version_progress', 'retort_version_ledger'],
      })

    it('databases anywhere in the range reach the head with the schema of every original revision', async () => {
      // Before the squash: the reference runs every revision; the others stop in the range.
      expect((await run('-n', 'ref', 'upgrade', 'head')).code).toBe(0)
      expect((await run('-n', 'at1', 'upgrade', id(1))).code).toBe(0)
      expect((await run('-n', 'at50', 'upgrade', id(50))).code).toBe(0)
      expect((await run('-n', 'at100', 'upgrade', id(100))).code).toBe(0)

      const written = await run(
        'squash',
        `${id(1)}:${id(100)}`,
        '-m',
        'squash the first hundred',
        '--rev-id',
        SQUASH,
      )
      expect(written.code).toBe(0)
      expect(written.stdout).toContain(`${SQUASH} replaces 100 revisions`)

      // The graph: the squash, then the revision that was written on top of r100.
      const history = await json<{ revision: string; replaces?: string[] }[]>('history')
      expect(history.body.map((r) => r.revision)).toEqual(['t10100000000', SQUASH])
      expect(history.body[1]!.replaces).toHaveLength(100)

      // Where each database stands.
      const status = await json<SquashStatusEntry[]>('squash', '--status')
      expect(status.code).toBe(1)
      expect(status.body[0]!.safeToDelete).toBe(false)
      expect(
        Object.fromEntries(status.body[0]!.databases.map((d) => [d.name, d.position])),
      ).toEqual({ ref: 'past', fresh: 'before', at1: 'inside', at50: 'inside', at100: 'past' })
      expect((await json<{ heads: string[] }>('-n', 'at100', 'current')).body.heads).toEqual([
        SQUASH,
      ])
      const inside = await json<CheckResult>('-n', 'at50', 'check')
      expect(inside.code).toBe(1)
      expect(inside.body.problems).toEqual([
        expect.objectContaining({ kind: 'inside-squash', revision: id(50) }),
      ])

      // Inside the squash without the files it still needs: refused, naming the first one.
      const aside = join(project.dir, 'aside')
      mkdirSync(aside)
      const later = readdirSync(versions).filter((f) => /^r(05[1-9]|0[6-9]\d|100)/.test(f))
      expect(later).toHaveLength(50)
      for (const file of later) renameSync(join(versions, file), join(aside, file))
      const stranded = await run('-n', 'at50', 'upgrade', 'head')
      expect(stranded.code).toBe(1)
      expect(stranded.stderr).toContain(`is at '${id(50)}', inside the squash revision '${SQUASH}'`)
      expect(stranded.stderr).toContain(`'${id(51)}'`)
      expect((await json<{ heads: string[] }>('-n', 'at50', 'current')).body.heads).toEqual([
        id(50),
      ])
      for (const file of later) renameSync(join(aside, file), join(versions, file))

      for (const name of ['fresh', 'at1', 'at50', 'at100']) {
        const up = await run('-n', name, 'upgrade', 'head')
        expect(up.code, `${name}: ${up.stderr}`).toBe(0)
        expect((await json<{ heads: string[] }>('-n', name, 'current')).body.heads).toEqual([
          't10100000000',
        ])
      }
      const reference = await snapshot('ref')
      expect(reference.tables.map((t) => t.name)).toEqual(['item', 'tail'])
      expect(reference.tables[0]!.columns).toHaveLength(100)
      for (const name of ['fresh', 'at1', 'at50', 'at100'])
        expect(await snapshot(name), name).toEqual(reference)

      // Every database has passed the squash: the old files can go, and everything still checks.
      const safe = await json<SquashStatusEntry[]>('squash', '--status')
      expect(safe.code).toBe(0)
      expect(safe.body[0]!.safeToDelete).toBe(true)
      for (const file of readdirSync(versions).filter((f) => f.startsWith('r')))
        rmSync(join(versions, file))
      for (const name of NAMES) {
        const checked = await json<CheckResult>('-n', name, 'check', '--no-cache')
        expect(checked.body.problems, name).toEqual([])
        expect(checked.code).toBe(0)
      }
    }, 600_000)
  })
}

// A range with TypeScript revisions becomes a TypeScript squash that calls their bodies
// in order (and a YAML one's operations as op calls); it upgrades and downgrades.
INTEGRITY_TARGETS[0]!.describe('squash of TypeScript revisions (sqlite)', () => {
  it('writes a TypeScript squash whose upgrade and downgrade call the bodies in order', async () => {
    const project = createProject('retort-squash-ts-')
    try {
      const versions = join(project.dir, 'migrations/versions')
      mkdirSync(versions, { recursive: true })
      writeFileSync(
        join(project.dir, 'retort.yaml'),
        'scriptLocation: migrations\nurl: sqlite:///app.db\n',
      )
      writeFileSync(
        join(versions, 'aa0000000001_account.ts'),
        `import type { Operations } from '@retort/core'\nexport const revision = 'aa0000000001'\nexport const downRevision = null\nexport const message = 'account'\nexport async function upgrade(op: Operations) {\n  op.createTable('account', [op.column('id', 'integer', { primaryKey: true }), op.column('email', 'string', { length: 80 })])\n}\nexport async function downgrade(op: Operations) {\n  op.dropTable('account')\n}\n`,
      )
      writeFileSync(
        join(versions, 'aa0000000002_index.yaml'),
        'revision: aa0000000002\ndownRevision: aa0000000001\nmessage: index\nupgrade:\n  - createIndex: { name: ix_account_email, table: account, columns: [email] }\n',
      )
      writeFileSync(
        join(versions, 'aa0000000003_seed.ts'),
        `import type { Operations } from '@retort/core'\nexport const revision = 'aa0000000003'\nexport const downRevision = 'aa0000000002'\nexport const message = 'seed'\nexport async function upgrade(op: Operations) {\n  const rows = [1, 2].map((id) => ({ id, email: \`user\${id}@example.com\` }))\n  op.bulkInsert('account', rows)\n}\nexport async function downgrade(op: Operations) {\n  op.execute('DELETE FROM account')\n}\n`,
      )
      const run = (...args: string[]) => retortInProcess(project.dir, args)
      const written = await run(
        'squash',
        'aa0000000001:aa0000000003',
        '-m',
        'base',
        '--rev-id',
        'bb0000000001',
      )
      expect(written.code, written.stderr).toBe(0)
      const [file] = readdirSync(versions).filter((f) => f.startsWith('bb'))
      expect(file).toMatch(/\.ts$/)
      for (const original of readdirSync(versions).filter((f) => f.startsWith('aa')))
        rmSync(join(versions, original))
      expect((await run('upgrade', 'head')).code).toBe(0)
      const dialect = (await INTEGRITY_TARGETS[0]!.create(project.dir)).dialect
      const count = async () => {
        const driver = dialect.createDriver()
        const connection = await driver.connect()
        try {
          return (
            await connection.execute({
              sql: 'SELECT email FROM account ORDER BY id',
              parameters: [],
            })
          ).rows
        } finally {
          await connection.close()
          await driver.destroy()
        }
      }
      expect(await count()).toEqual([
        { email: 'user1@example.com' },
        { email: 'user2@example.com' },
      ])
      const snapshot = await readSchemaSnapshot(dialect, {
        exclude: ['retort_version', 'retort_version_ledger'],
      })
      expect(snapshot.tables[0]!.indexes.map((i) => i.name)).toEqual(['ix_account_email'])
      expect((await run('downgrade', 'base')).code).toBe(0)
      expect(
        (
          await readSchemaSnapshot(dialect, {
            exclude: ['retort_version', 'retort_version_ledger'],
          })
        ).tables,
      ).toEqual([])
    } finally {
      project.cleanup()
    }
  })
})
