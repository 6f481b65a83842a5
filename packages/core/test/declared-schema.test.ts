import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Config } from '../src/config/config.js'
import type { SchemaSnapshot } from '../src/autogenerate/schema-snapshot.js'
import type { ColumnInfo, TableInfo } from '../src/dialect.js'
import { Operations } from '../src/operations/operations.js'
import { declaredSchemaOperations } from '../src/schema/declared-schema-operations.js'
import { ignorePatterns } from '../src/schema/declared-schema-config.js'
import { defineSchema } from '../src/schema/define-schema.js'
import { describeSchemaDifference } from '../src/schema/describe-schema-difference.js'
import { withoutIgnored } from '../src/schema/ignore-patterns.js'
import { loadDeclaredSchema } from '../src/schema/load-declared-schema.js'
import { preferDeclaredSpelling } from '../src/schema/prefer-declared-spelling.js'
import { applyRenameHints, parseRenameHint } from '../src/schema/rename-hints.js'
import { normalizeRevisionText, revisionChecksum } from '../src/schema/revision-checksum.js'
import { SchemaCache, schemaCacheKey } from '../src/schema/schema-cache.js'
import {
  checkConstraint,
  column,
  foreignKey,
  index,
  uniqueConstraint,
} from '../src/schema/schema-builders.js'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'retort-declared-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  nullable: true,
  defaultSql: null,
  primaryKey: false,
  ...extra,
})
const table = (name: string, columns: ColumnInfo[], extra: Partial<TableInfo> = {}): TableInfo => ({
  name,
  columns,
  indexes: [],
  foreignKeys: [],
  ...extra,
})
const snapshot = (...tables: TableInfo[]): SchemaSnapshot => ({ tables })

describe('defineSchema', () => {
  it('takes the builders revisions use and returns frozen plain data', () => {
    const schema = defineSchema({
      tables: {
        account: {
          columns: [
            column('id', 'integer', { primaryKey: true }),
            column('email', 'string', { length: 255, nullable: false }),
            column('tenant', 'integer', { nullable: false }),
          ],
          unique: [uniqueConstraint(['tenant', 'email'], { name: 'uq_account_email' })],
          checks: [checkConstraint('length(email) > 3')],
          indexes: [index('ix_account_email', ['email'], { unique: true })],
          comment: 'people',
        },
        line: {
          columns: [column('id', 'integer', { primaryKey: true }), column('account_id', 'integer')],
          foreignKeys: [foreignKey(['account_id'], { table: 'account', columns: ['id'] })],
        },
      },
    })
    expect(schema.kind).toBe('declaredSchema')
    expect(Object.isFrozen(schema)).toBe(true)
    expect(schema.tables.map((t) => t.name)).toEqual(['account', 'line'])
    expect(schema.tables[0]!.constraints.map((c) => c.kind)).toEqual(['unique', 'check'])
    expect(schema.tables[0]!.indexes).toEqual([
      { name: 'ix_account_email', columns: ['email'], unique: true },
    ])
    expect(schema.tables[0]!.comment).toBe('people')
    // JSON as data: what `check --json` and the cache keep.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })

  it('refuses a near-miss key with the nearest valid spelling', () => {
    expect(() =>
      defineSchema({
        tables: { t: { columns: [column('id', 'integer')], uniques: [['id']] } as never },
      }),
    ).toThrow("defineSchema: table 't': unknown key 'uniques'; did you mean 'unique'?")
  })

  it('refuses an index on a column the table does not have', () => {
    expect(() =>
      defineSchema({
        tables: { t: { columns: [column('id', 'integer')], indexes: [index('ix', ['nope'])] } },
      }),
    ).toThrow(
      "defineSchema: table 't': indexes[0].columns[0] names 'nope', which is not a column of this table",
    )
  })

  it('refuses a foreign key to a table that is not declared', () => {
    expect(() =>
      defineSchema({
        tables: {
          t: {
            columns: [column('p', 'integer', { references: { table: 'parent', column: 'id' } })],
          },
        },
      }),
    ).toThrow(
      "table 't': references the table 'parent', which is not declared; declare it too (list it in the config's 'ignore' if Retort should not manage it)",
    )
  })

  it('refuses an index name used by two tables', () => {
    expect(() =>
      defineSchema({
        tables: {
          a: { columns: [column('x', 'integer')], indexes: [index('ix_x', ['x'])] },
          b: { columns: [column('x', 'integer')], indexes: [index('ix_x', ['x'])] },
        },
      }),
    ).toThrow("index name 'ix_x' is already used by table 'a'")
  })

  it('index() takes what op.createIndex takes, without the table', () => {
    expect(() => index('ix', ['a'], { ifNotExists: true } as never)).toThrow(
      "index('ix'): unknown option 'ifNotExists'; expected one of unique, where",
    )
  })
})

describe('loadDeclaredSchema', () => {
  it('reads YAML under tables:, and names the file and line of a mistake', async () => {
    const dir = tempDir()
    const good = join(dir, 'schema.yaml')
    writeFileSync(
      good,
      'tables:\n  tag:\n    columns:\n      - { name: id, type: integer, primaryKey: true }\n',
    )
    expect((await loadDeclaredSchema(good)).tables[0]!.columns[0]!.name).toBe('id')
    const bad = join(dir, 'bad.yaml')
    writeFileSync(
      bad,
      'tables:\n  tag:\n    columns:\n      - { name: id, type: integer }\n      - { name: label, type: strin }\n',
    )
    await expect(loadDeclaredSchema(bad)).rejects.toThrow(
      `${bad}:5: defineSchema: table 'tag': column 'label': type has unknown type 'strin'`,
    )
  })

  it('imports a TypeScript file without a build step', async () => {
    const dir = tempDir()
    const path = join(dir, 'schema.ts')
    writeFileSync(
      path,
      "import { column, defineSchema } from '@retort/core'\nconst width: number = 40\nexport default defineSchema({ tables: { tag: { columns: [column('label', 'string', { length: width })] } } })\n",
    )
    const schema = await loadDeclaredSchema(path)
    expect(schema.tables[0]!.columns[0]).toMatchObject({
      name: 'label',
      type: 'string',
      length: 40,
    })
  })

  it('says what is wrong with a missing file, an unknown extension or no export', async () => {
    const dir = tempDir()
    await expect(loadDeclaredSchema(join(dir, 'none.ts'))).rejects.toThrow(
      `${join(dir, 'none.ts')}: does not exist; create it, or correct 'schema' in the config`,
    )
    await expect(loadDeclaredSchema(join(dir, 'schema.json'))).rejects.toThrow(
      "has the extension '.json'; a declared schema is a .ts, .mts, .js, .mjs, .yaml, .yml file",
    )
    const empty = join(dir, 'empty.mjs')
    writeFileSync(empty, 'export const nothing = 1\n')
    await expect(loadDeclaredSchema(empty)).rejects.toThrow(
      'exports no schema; write `export default defineSchema({ tables: { ... } })`',
    )
  })
})

describe('revision checksums', () => {
  const text = 'export const revision = "a1"\nexport async function upgrade(op) {}\n'
  it('ignore line endings, trailing whitespace, a BOM and blank lines at the end', () => {
    const variants = [
      text.replace(/\n/g, '\r\n'),
      text.replace(/\n/g, '  \n'),
      `\uFEFF${text}`,
      `${text}\n\n\t\n`,
      text.trimEnd(),
    ]
    for (const variant of variants) expect(revisionChecksum(variant)).toBe(revisionChecksum(text))
    expect(normalizeRevisionText('a \r\nb\t\r\n\r\n')).toBe('a\nb')
  })

  it('change with anything else', () => {
    expect(revisionChecksum(text.replace('a1', 'a2'))).not.toBe(revisionChecksum(text))
    expect(revisionChecksum(`  ${text}`)).not.toBe(revisionChecksum(text))
    expect(revisionChecksum(text)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(revisionChecksum(Buffer.from(text))).toBe(revisionChecksum(text))
  })
})

describe('SchemaCache', () => {
  const stored = snapshot(table('t', [col('id', 'INTEGER')]))
  it('keeps a snapshot by key', () => {
    const cache = SchemaCache.open({ directory: join(tempDir(), 'cache') })
    const key = schemaCacheKey(['x'])
    expect(cache.read(key)).toBeUndefined()
    expect(cache.write(key, stored)).toBe(true)
    expect(cache.read(key)).toEqual(stored)
    expect(readdirSync(cache.directory!)).toEqual([`${key}.json`])
  })

  it('is "not cached" when the directory cannot be made or an entry is damaged', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), '')
    const unwritable = SchemaCache.open({ directory: join(dir, 'file', 'cache') })
    const key = schemaCacheKey(['y'])
    expect(unwritable.write(key, stored)).toBe(false)
    expect(unwritable.read(key)).toBeUndefined()
    const cache = SchemaCache.open({ directory: join(dir, 'cache') })
    cache.write(key, stored)
    writeFileSync(join(dir, 'cache', `${key}.json`), '{"format":')
    expect(cache.read(key)).toBeUndefined()
    expect(SchemaCache.open({ directory: false }).write(key, stored)).toBe(false)
  })

  it('defaults to node_modules/.cache/retort/schemas near the config', () => {
    const dir = tempDir()
    const project = join(dir, 'project')
    mkdirSync(join(project, 'node_modules'), { recursive: true })
    mkdirSync(join(project, 'config'), { recursive: true })
    expect(SchemaCache.open({ near: join(project, 'config') }).directory).toBe(
      join(project, 'node_modules', '.cache', 'retort', 'schemas'),
    )
  })
})

describe('rename hints', () => {
  it('parse OLD:NEW and TABLE.OLD:NEW, and refuse anything else', () => {
    expect(parseRenameHint('item:product')).toEqual({ kind: 'table', from: 'item', to: 'product' })
    expect(parseRenameHint('account.mail:email')).toEqual({
      kind: 'column',
      table: 'account',
      from: 'mail',
      to: 'email',
    })
    expect(parseRenameHint('account.mail:account.email')).toEqual(
      parseRenameHint('account.mail:email'),
    )
    expect(() => parseRenameHint('account.mail')).toThrow(
      '--rename \'account.mail\' needs exactly one ":"; write OLD:NEW for a table or TABLE.OLD:NEW for a column',
    )
    expect(() => parseRenameHint('a.b:c.d')).toThrow("moves a column to another table ('c')")
  })

  it('rename in the revisions side, with the keys that name the table or column', () => {
    const source = snapshot(
      table('item', [col('id', 'INTEGER', { primaryKey: true }), col('title', 'TEXT')], {
        indexes: [{ name: 'ix_title', columns: ['title'], unique: false }],
      }),
      table('line', [col('item_id', 'INTEGER')], {
        foreignKeys: [{ columns: ['item_id'], references: { table: 'item', columns: ['id'] } }],
      }),
    )
    const target = snapshot(
      table('product', [col('id', 'INTEGER', { primaryKey: true }), col('name', 'TEXT')], {
        indexes: [{ name: 'ix_title', columns: ['name'], unique: false }],
      }),
      table('line', [col('item_id', 'INTEGER')], {
        foreignKeys: [{ columns: ['item_id'], references: { table: 'product', columns: ['id'] } }],
      }),
    )
    const { source: renamed, operations } = applyRenameHints(source, target, [
      parseRenameHint('item:product'),
      parseRenameHint('item.title:name'),
    ])
    expect(renamed).toEqual(target)
    expect(operations.map((o) => describeSchemaDifference(o).operation)).toEqual([
      "renameTable('item', 'product')",
      "alterColumn('product', 'title')",
    ])
  })

  it('refuse a hint that does not fit the two schemas', () => {
    const source = snapshot(table('t', [col('a', 'TEXT')]))
    const target = snapshot(table('t', [col('a', 'TEXT'), col('b', 'TEXT')]))
    expect(() => applyRenameHints(source, target, [parseRenameHint('t.a:b')])).toThrow(
      "--rename 't.a:b': 't.a' is still declared, so it is not renamed",
    )
    expect(() => applyRenameHints(source, target, [parseRenameHint('t.x:b')])).toThrow(
      "--rename 't.x:b': the revisions make no column 't.x'",
    )
    expect(() => applyRenameHints(source, target, [parseRenameHint('u:v')])).toThrow(
      "--rename 'u:v': the revisions make no table 'u'",
    )
  })
})

describe('ignore patterns', () => {
  it('leave out matching tables, and columns with what uses them', () => {
    const tables = snapshot(
      table('audit_log', [col('id', 'INTEGER')]),
      table('account', [col('id', 'INTEGER'), col('legacy_flag', 'INTEGER')], {
        indexes: [
          { name: 'ix_legacy', columns: ['legacy_flag'], unique: false },
          { name: 'ix_id', columns: ['id'], unique: false },
        ],
      }),
    )
    const kept = withoutIgnored(tables, ['AUDIT_*', 'account.legacy_?lag'])
    expect(kept.tables.map((t) => t.name)).toEqual(['account'])
    expect(kept.tables[0]!.columns.map((c) => c.name)).toEqual(['id'])
    expect(kept.tables[0]!.indexes.map((i) => i.name)).toEqual(['ix_id'])
  })

  it('are config keys, checked when set', () => {
    const config = new Config({ ignore: ['audit_*'], schema: '/app/schema.ts' })
    expect(ignorePatterns(config)).toEqual(['audit_*'])
    expect(() => new Config({ ignore: ['a.b.c'] })).toThrow(
      "is 'a.b.c'; a pattern is TABLE or TABLE.NAME (a column, index or constraint), with * and ? as wildcards",
    )
    expect(() => new Config({ schemas: 'x.ts' } as never)).toThrow("did you mean 'schema'?")
  })
})

describe('declaredSchemaOperations', () => {
  it('creates referenced tables first and adds the keys of a cycle afterwards', () => {
    const schema = defineSchema({
      tables: {
        a: {
          columns: [
            column('id', 'integer', { primaryKey: true }),
            column('b_id', 'integer', { references: { table: 'b', column: 'id' } }),
          ],
        },
        b: {
          columns: [
            column('id', 'integer', { primaryKey: true }),
            column('a_id', 'integer', { references: { table: 'a', column: 'id' } }),
          ],
          checks: ['a_id > 0'],
        },
      },
    })
    const kinds = declaredSchemaOperations(schema).map((o) => describeSchemaDifference(o).operation)
    expect(kinds).toEqual([
      "createTable('b')",
      "createTable('a')",
      "createForeignKey('fk_b_a_id', 'b')",
    ])
    // SQLite does not check the referenced table when a table is created: all inline.
    expect(declaredSchemaOperations(schema, { foreignKeysAfterTables: false })).toHaveLength(2)
  })
})

describe('preferDeclaredSpelling', () => {
  it('writes a declared column the way it was declared', () => {
    const schema = defineSchema({
      tables: {
        t: {
          columns: [
            column('id', 'integer', { primaryKey: true }),
            column('status', 'string', { length: 20, nullable: false, default: 'active' }),
          ],
        },
      },
    })
    const op = new Operations({ dialect: 'autogenerate', offline: true })
    const [written] = preferDeclaredSpelling(
      [
        op.addColumn(
          't',
          op.column(
            'status',
            { raw: 'character varying(20)' },
            {
              nullable: false,
              defaultSql: "'active'::character varying",
            },
          ),
        ),
      ],
      schema,
    )
    expect(written).toMatchObject({
      kind: 'addColumn',
      column: { name: 'status', type: 'string', length: 20, nullable: false, default: 'active' },
    })
    expect('defaultSql' in (written as { column: object }).column).toBe(false)
    expect(written!.reverse()).toMatchObject({ kind: 'dropColumn', name: 'status' })
  })
})
