import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { diffSchemas } from '../src/autogenerate/diff-schemas.js'
import { renderOperationsScript, renderOperationsYaml } from '../src/authoring/render-operations.js'
import { renderRevisionFile } from '../src/authoring/render-revision-file.js'
import type { SchemaSnapshot } from '../src/autogenerate/schema-snapshot.js'
import type { ColumnInfo, IndexInfo, TableInfo } from '../src/dialect.js'
import type { Operation } from '../src/operations/operation.js'
import { Operations } from '../src/operations/operations.js'
import { reverseOperations } from '../src/operations/reverse-operation.js'
import { loadYamlBody } from '../src/operations/yaml-body.js'

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  nullable: true,
  defaultSql: null,
  primaryKey: false,
  ...extra,
})
const id = col('id', 'INTEGER', { nullable: false, primaryKey: true })
const table = (name: string, columns: ColumnInfo[], extra: Partial<TableInfo> = {}): TableInfo => ({
  name,
  columns,
  indexes: [],
  foreignKeys: [],
  ...extra,
})
const index = (name: string, columns: string[], unique = false, constraint = false): IndexInfo => ({
  name,
  columns,
  unique,
  constraint,
})
const snapshot = (...tables: TableInfo[]): SchemaSnapshot => ({ tables })
/** Plain data, without the non-enumerable reverse(), for comparisons. */
const data = (operations: readonly Operation[]) => JSON.parse(JSON.stringify(operations)) as unknown

const account = table('account', [id, col('email', 'VARCHAR(255)', { nullable: false })])

describe('diffSchemas', () => {
  it('finds nothing when the schemas are equal', () => {
    expect(diffSchemas(snapshot(account), snapshot(account))).toEqual({ operations: [], notes: [] })
  })

  it('creates new tables, referenced ones first, with keys, uniques, foreign keys and indexes', () => {
    const child = table(
      'child',
      [
        id,
        col('account_id', 'INTEGER', { nullable: false }),
        col('code', 'TEXT', { defaultSql: "'x'" }),
      ],
      {
        indexes: [
          index('ix_child_account', ['account_id']),
          index('sqlite_autoindex_child_1', ['account_id', 'code'], true, true),
        ],
        foreignKeys: [
          {
            columns: ['account_id'],
            references: { table: 'account', columns: ['id'] },
            onDelete: 'CASCADE',
          },
        ],
      },
    )
    const pair = table('pair', [
      col('a', 'INTEGER', { nullable: false, primaryKey: true }),
      col('b', 'INTEGER', { nullable: false, primaryKey: true }),
    ])
    const { operations, notes } = diffSchemas(snapshot(), snapshot(child, account, pair))
    expect(notes).toEqual([])
    expect(operations.map((o) => [o.kind, 'name' in o ? o.name : ''])).toEqual([
      ['createTable', 'account'],
      ['createTable', 'child'],
      ['createIndex', 'ix_child_account'],
      ['createTable', 'pair'],
    ])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    expect(data([operations[1]!, operations[2]!])).toEqual(
      data([
        op.createTable(
          'child',
          [
            op.column('id', { raw: 'INTEGER' }, { primaryKey: true }),
            op.column('account_id', { raw: 'INTEGER' }, { nullable: false }),
            op.column('code', { raw: 'TEXT' }, { defaultSql: "'x'" }),
          ],
          {
            unique: [['account_id', 'code']],
            foreignKeys: [
              {
                columns: ['account_id'],
                references: { table: 'account', columns: ['id'], onDelete: 'CASCADE' },
              },
            ],
          },
        ),
        op.createIndex('ix_child_account', 'child', ['account_id']),
      ]),
    )
    expect(operations[3]).toMatchObject({
      constraints: [{ kind: 'primaryKey', columns: ['a', 'b'] }],
    })
  })

  it('drops tables with their full definition, so that the drop reverses', () => {
    const child = table('child', [id, col('account_id', 'INTEGER')], {
      foreignKeys: [{ columns: ['account_id'], references: { table: 'account', columns: ['id'] } }],
    })
    const { operations } = diffSchemas(snapshot(account, child), snapshot())
    expect(operations.map((o) => o.kind === 'dropTable' && o.name)).toEqual(['child', 'account'])
    const undo = reverseOperations(operations)
    expect(undo.map((o) => o.kind === 'createTable' && o.name)).toEqual(['account', 'child'])
    expect(undo[1]).toMatchObject({
      constraints: [{ kind: 'foreignKey', columns: ['account_id'] }],
    })
  })

  it('adds and drops columns, with a foreign key or unique constraint of their own', () => {
    const before = table('child', [id, col('old', 'TEXT', { defaultSql: "'o'" })])
    const after = table('child', [id, col('parent_id', 'INTEGER')], {
      indexes: [index('sqlite_autoindex_child_1', ['parent_id'], true, true)],
      foreignKeys: [
        {
          columns: ['parent_id'],
          references: { table: 'account', columns: ['id'] },
          onDelete: 'SET NULL',
        },
      ],
    })
    const { operations, notes } = diffSchemas(snapshot(account, before), snapshot(account, after))
    expect(notes).toEqual([])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    expect(data(operations)).toEqual(
      data([
        op.dropColumn('child', 'old', { definition: { type: { raw: 'TEXT' }, defaultSql: "'o'" } }),
        op.addColumn(
          'child',
          op.column(
            'parent_id',
            { raw: 'INTEGER' },
            {
              nullable: true,
              unique: true,
              references: { table: 'account', column: 'id', onDelete: 'SET NULL' },
            },
          ),
        ),
      ]),
    )
  })

  it('alters type, nullability and default with every existing* hint, and reverses', () => {
    const before = table('t', [
      id,
      col('name', 'VARCHAR(80)', { defaultSql: "'a'" }),
      col('n', 'INTEGER'),
    ])
    const after = table('t', [
      id,
      col('name', 'TEXT', { nullable: false }),
      col('n', 'INTEGER', { defaultSql: '0' }),
    ])
    const { operations } = diffSchemas(snapshot(before), snapshot(after))
    const op = new Operations({ dialect: 'sqlite', offline: true })
    expect(data(operations)).toEqual(
      data([
        op.alterColumn('t', 'name', {
          type: { raw: 'TEXT' },
          nullable: false,
          default: null,
          existingType: { raw: 'VARCHAR(80)' },
          existingNullable: true,
          existingDefaultSql: "'a'",
        }),
        op.alterColumn('t', 'n', {
          defaultSql: '0',
          existingType: { raw: 'INTEGER' },
          existingNullable: true,
          existingDefault: null,
        }),
      ]),
    )
    expect(reverseOperations(operations)[1]).toMatchObject({
      kind: 'alterColumn',
      name: 'name',
      type: { type: { raw: 'VARCHAR(80)' } },
      nullable: true,
      defaultSql: "'a'",
    })
  })

  it('ignores type spelling differences of letter case and spaces', () => {
    const a = table('t', [id, col('d', 'numeric(10,  2)')])
    const b = table('t', [id, col('d', 'NUMERIC(10, 2)')])
    expect(diffSchemas(snapshot(a), snapshot(b)).operations).toEqual([])
  })

  it('creates, drops and replaces indexes (unique, several columns)', () => {
    const before = table('t', [id, col('a', 'TEXT'), col('b', 'TEXT')], {
      indexes: [index('ix_gone', ['a']), index('ix_changed', ['a'])],
    })
    const after = table('t', [id, col('a', 'TEXT'), col('b', 'TEXT')], {
      indexes: [index('ix_changed', ['a', 'b']), index('ux_ab', ['b', 'a'], true)],
    })
    const { operations } = diffSchemas(snapshot(before), snapshot(after))
    expect(operations.map((o) => [o.kind, 'name' in o ? o.name : ''])).toEqual([
      ['dropIndex', 'ix_gone'],
      ['dropIndex', 'ix_changed'],
      ['createIndex', 'ix_changed'],
      ['createIndex', 'ux_ab'],
    ])
    expect(operations[3]).toMatchObject({ columns: ['b', 'a'], unique: true })
    expect(reverseOperations(operations).map((o) => o.kind)).toEqual([
      'dropIndex',
      'dropIndex',
      'createIndex',
      'createIndex',
    ])
  })

  it('adds and drops named constraints of a table that stays', () => {
    const before = table('t', [id, col('a', 'INTEGER'), col('b', 'INTEGER')], {
      indexes: [index('uq_t_a', ['a'], true, true)],
      foreignKeys: [
        { name: 'fk_old', columns: ['b'], references: { table: 't', columns: ['id'] } },
      ],
    })
    const after = table('t', [id, col('a', 'INTEGER'), col('b', 'INTEGER')], {
      indexes: [index('uq_t_ab', ['a', 'b'], true, true)],
      foreignKeys: [
        { name: 'fk_new', columns: ['a'], references: { table: 't', columns: ['id'] } },
      ],
    })
    const { operations } = diffSchemas(snapshot(before), snapshot(after))
    // Foreign keys are dropped first and created last: on MySQL a key may rely on an index
    // or unique constraint of the table, which must outlive it both ways.
    expect(operations.map((o) => [o.kind, 'name' in o ? o.name : ''])).toEqual([
      ['dropConstraint', 'fk_old'],
      ['dropConstraint', 'uq_t_a'],
      ['createUniqueConstraint', 'uq_t_ab'],
      ['createForeignKey', 'fk_new'],
    ])
    expect(() => reverseOperations(operations)).not.toThrow()
  })

  it('notes what it cannot write instead of guessing', () => {
    const before = table('t', [id, col('a', 'INTEGER')], {
      indexes: [index('sqlite_autoindex_t_1', ['a'], true, true)],
    })
    const after = table('t', [col('id', 'INTEGER'), col('a', 'INTEGER')], {
      indexes: [index('ix_expr', ['(expression)'])],
    })
    const { operations, notes } = diffSchemas(snapshot(before), snapshot(after))
    expect(operations.map((o) => o.kind)).toEqual(['alterColumn'])
    expect(notes).toHaveLength(3)
    expect(notes.join('\n')).toMatch(/primary key of 't'/)
    expect(notes.join('\n')).toMatch(/index 'ix_expr' of 't' has expressions/)
    expect(notes.join('\n')).toMatch(/unique constraint on 't' \(a\) was dropped/)
    // An expression index both sides have is no difference.
    const same = table('t', [id], { indexes: [index('ix_expr', ['(expression)'])] })
    expect(diffSchemas(snapshot(same), snapshot(same))).toEqual({ operations: [], notes: [] })
  })

  it("passes a column's comment on as existingComment (an offline MySQL script restates it)", () => {
    const before = table('t', [id, col('n', 'varchar(10)', { comment: 'the n' })])
    const after = table('t', [id, col('n', 'varchar(20)', { comment: 'the n' })])
    const [alter] = diffSchemas(snapshot(before), snapshot(after)).operations
    expect(alter).toMatchObject({ kind: 'alterColumn', existingComment: 'the n' })
    const none = table('t', [id, col('n', 'varchar(10)', { comment: null })])
    expect(diffSchemas(snapshot(none), snapshot(after)).operations[0]).toMatchObject({
      existingComment: null,
    })
    // A dialect that reports no comments gets no hint.
    expect(
      diffSchemas(
        snapshot(table('t', [id, col('n', 'TEXT')])),
        snapshot(table('t', [id, col('n', 'INTEGER')])),
      ).operations[0],
    ).not.toHaveProperty('existingComment')
  })

  it('notes a column that becomes (or stops being) autoincrement', () => {
    const plain = table('t', [id, col('n', 'integer', { nullable: false })])
    const counted = table('t', [id, col('n', 'integer', { nullable: false, autoincrement: true })])
    expect(diffSchemas(snapshot(plain), snapshot(counted))).toEqual({
      operations: [],
      notes: [
        "column 't.n' became an autoincrement (serial or identity) column; not written, change it by hand",
      ],
    })
    expect(diffSchemas(snapshot(counted), snapshot(plain)).notes).toEqual([
      "column 't.n' is no longer an autoincrement (serial or identity) column; not written, change it by hand",
    ])
  })
})

describe('rendering operations', () => {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  const operations: Operation[] = [
    op.createTable(
      'child',
      [
        op.column('id', 'integer', { primaryKey: true }),
        op.column(
          'account_id',
          { raw: 'INTEGER' },
          { nullable: false, references: { table: 'account', column: 'id' } },
        ),
        op.column('note', 'string', { length: 80, default: "it's", comment: 'a\nb' }),
      ],
      { unique: [['account_id', 'note']], checks: [{ name: 'ck', expression: 'id > 0' }] },
    ),
    op.addColumn(
      'account',
      op.column('n', 'decimal', { precision: 10, scale: 2, defaultSql: '0' }),
    ),
    op.alterColumn('account', 'email', {
      type: 'text',
      nullable: false,
      existingType: { type: 'string', length: 255 },
      existingNullable: true,
    }),
    op.createIndex('ix_child', 'child', ['account_id', 'note'], { unique: true, where: 'id > 0' }),
    op.dropIndex('ix_old', { table: 'child', definition: { columns: ['note'], unique: false } }),
    op.createForeignKey('fk_x', 'child', 'account', ['account_id'], ['id'], {
      onDelete: 'CASCADE',
    }),
    op.renameTable('a', 'b'),
    op.execute('UPDATE t SET a = ?', [1], { reverse: 'UPDATE t SET a = 0' }),
    op.bulkInsert('t', [{ a: 1, b: 'x' }, { a: 2 }]),
  ]
  const all = [...operations, ...reverseOperations(operations.slice(0, 6))]

  it('writes TypeScript calls that build the same operations', () => {
    const lines = renderOperationsScript(all)
    const replay = new Operations({ dialect: 'sqlite', offline: true })
    new Function('op', lines.join('\n'))(replay)
    expect(data(replay.takePending())).toEqual(data(all))
  })

  it('writes YAML that loads as the same operations', () => {
    const yamlOperations = all
    const text = `upgrade:\n${renderOperationsYaml(yamlOperations)}downgrade: []\n`
    const body = loadYamlBody(parseDocument(text), 'a1.yaml', text)
    const replay = new Operations({ dialect: 'sqlite', offline: true })
    body.upgrade(replay)
    expect(data(replay.takePending())).toEqual(data(yamlOperations))
    expect(text).toContain('- { name: id, type: integer, primaryKey: true }')
  })

  it('fills the bodies of a new revision file, downgrade reversed', () => {
    const header = {
      revision: 'a1b2c3d4e5f6',
      downRevisions: ['0f0f0f0f0f0f'],
      branchLabels: [],
      dependsOn: [],
      message: 'auto',
    }
    const ts = renderRevisionFile(header, 'ts', {
      operations: operations.slice(1, 2),
      notes: ['look at t'],
    })
    expect(ts).toContain(
      [
        'export async function upgrade(op: Operations) {',
        '  // look at t',
        "  op.addColumn('account', { name: 'n', type: 'decimal', precision: 10, scale: 2, defaultSql: '0' })",
        '}',
        '',
        'export async function downgrade(op: Operations) {',
        "  op.dropColumn('account', 'n', { definition: { type: 'decimal', precision: 10, scale: 2, defaultSql: '0' } })",
        '}',
      ].join('\n'),
    )
    const irreversible = renderRevisionFile(header, 'js', { operations: [op.dropTable('x')] })
    expect(irreversible).toMatch(
      /\/\/ Not written: upgrade operation 1 cannot be reversed automatically/,
    )
    expect(irreversible).toContain(
      "throw new Error('this revision cannot be downgraded automatically",
    )
    const yaml = renderRevisionFile(header, 'yaml', { operations: operations.slice(1, 2) })
    expect(yaml).toContain('upgrade:\n  - addColumn:\n')
    expect(() => renderRevisionFile(header, 'yaml', { operations: [op.dropTable('x')] })).toThrow(
      /--format ts/,
    )
    expect(renderRevisionFile(header, 'ts')).toBe(
      renderRevisionFile(header, 'ts', { operations: [] }),
    )
  })
})
