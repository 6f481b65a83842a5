import { describe, expect, it } from 'vitest'
import { RetortError } from '../src/errors.js'
import { createColumn, normalizeColumn } from '../src/operations/column.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { IrreversibleOperationError } from '../src/operations/irreversible-operation-error.js'
import type { Operation } from '../src/operations/operation.js'
import { OperationError } from '../src/operations/operation-error.js'
import { Operations, type OperationsContext } from '../src/operations/operations.js'
import { reverseOperation, reverseOperations } from '../src/operations/reverse-operation.js'

const make = (context: Partial<OperationsContext> = {}) =>
  new Operations({ dialect: 'sqlite', offline: false, ...context })

const plain = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('op.column', () => {
  it('resolves booleans and leaves absent options absent', () => {
    const op = make()
    expect(op.column('id', 'integer', { primaryKey: true })).toEqual({
      name: 'id',
      type: 'integer',
      nullable: false,
      primaryKey: true,
      autoincrement: false,
      unique: false,
    })
    expect(op.column('note', 'text').nullable).toBe(true)
    expect(Object.isFrozen(op.column('note', 'text'))).toBe(true)
  })

  it('normalises referential actions and accepts raw types', () => {
    const column = createColumn(
      'parent_id',
      { raw: ' INT8 ' },
      {
        references: { table: 'parent', column: 'id', onDelete: 'set  null' as never },
      },
    )
    expect(column.type).toEqual({ raw: 'INT8' })
    expect(column.references).toEqual({ table: 'parent', column: 'id', onDelete: 'SET NULL' })
  })

  it.each([
    [
      () => createColumn('x', 'varchar' as never),
      /op.column\('x'\): type has unknown type 'varchar'; use one of integer, .*raw/,
    ],
    [() => createColumn('', 'text'), /name must be a non-empty string/],
    [
      () => createColumn('x', 'text', { length: 10 }),
      /length applies to string and binary columns, not text/,
    ],
    [
      () => createColumn('x', 'string', { length: 0 }),
      /length must be a positive integer \(got 0\)/,
    ],
    [() => createColumn('x', 'decimal', { scale: 2 }), /scale needs a precision/],
    [() => createColumn('x', 'decimal', { precision: 2, scale: 3 }), /cannot exceed the precision/],
    [
      () => createColumn('x', 'integer', { primaryKey: true, nullable: true }),
      /nullable cannot be true for a primary key/,
    ],
    [() => createColumn('x', 'text', { autoincrement: true }), /autoincrement applies to integer/],
    [
      () => createColumn('x', 'text', { default: 'a', defaultSql: "'b'" }),
      /cannot be combined with 'default'/,
    ],
    [() => createColumn('x', 'float', { default: Number.NaN }), /default must be a finite number/],
    [
      () => createColumn('x', 'json', { default: { a: 1 } as never }),
      /default must be a string, number.*use defaultSql/,
    ],
    [
      () => createColumn('x', 'text', { lenght: 3 } as never),
      /unknown option 'lenght' \(did you mean 'length'\?\); expected one of length/,
    ],
    [
      () =>
        createColumn('x', 'integer', {
          references: { table: 't', column: 'id', onDelete: 'DROP TABLE t' as never },
        }),
      /onDelete must be one of CASCADE, SET NULL/,
    ],
  ])('rejects bad arguments with one line (%#)', (call, message) => {
    expect(call).toThrow(OperationError)
    expect(call).toThrow(message)
    try {
      call()
    } catch (error) {
      expect((error as Error).message).not.toContain('\n')
      expect(error).toBeInstanceOf(RetortError)
    }
  })

  it('normalizeColumn is idempotent on definitions', () => {
    const column = createColumn('price', 'decimal', { precision: 10, scale: 2, default: 0 })
    expect(normalizeColumn(column)).toEqual(column)
  })
})

describe('builders', () => {
  it('queue frozen operations with a kind and a hidden reverse()', () => {
    const op = make()
    const create = op.createTable(
      'child',
      [
        op.column('id', 'integer', { primaryKey: true }),
        { name: 'parent_id', type: 'integer', nullable: false },
      ],
      { ifNotExists: true },
    )
    expect(create.kind).toBe('createTable')
    expect(Object.isFrozen(create)).toBe(true)
    expect(Object.keys(create)).not.toContain('reverse')
    expect(plain(create)).toEqual({
      kind: 'createTable',
      name: 'child',
      columns: [
        {
          name: 'id',
          type: 'integer',
          nullable: false,
          primaryKey: true,
          autoincrement: false,
          unique: false,
        },
        {
          name: 'parent_id',
          type: 'integer',
          nullable: false,
          primaryKey: false,
          autoincrement: false,
          unique: false,
        },
      ],
      constraints: [],
      ifNotExists: true,
    })
    expect(create.reverse().kind).toBe('dropTable')
    const { reverse } = create
    expect(reverse().kind).toBe('dropTable')
    expect(op.takePending()).toEqual([create])
    expect(op.takePending()).toEqual([])
  })

  it('builds every kind', () => {
    const op = make()
    op.createTable('t', [op.column('id', 'integer')], {
      schema: 'main',
      primaryKey: { name: 'pk_t', columns: ['id'] },
      checks: ['id > 0', { name: 'ck', expression: 'id < 10' }],
    })
    op.dropTable('t', { ifExists: true })
    op.renameTable('a', 'b')
    op.addColumn('t', op.column('n', 'text'))
    op.dropColumn('t', 'n', { definition: { type: 'text' } })
    op.createIndex('ix', 't', ['n'], { unique: true, where: 'n IS NOT NULL' })
    op.dropIndex('ix', { table: 't', definition: { columns: ['n'] } })
    op.execute('UPDATE t SET n = ?', ['x'])
    op.execute('DELETE FROM t', { reverse: 'SELECT 1' })
    op.bulkInsert('t', [{ id: 1, n: 'a' }, { id: 2 }, { n: 'c', extra: undefined }])
    const ops = op.takePending()
    expect(ops.map((o) => o.kind)).toEqual([
      'createTable',
      'dropTable',
      'renameTable',
      'addColumn',
      'dropColumn',
      'createIndex',
      'dropIndex',
      'execute',
      'execute',
      'bulkInsert',
    ])
    expect(plain(ops[0])).toMatchObject({
      schema: 'main',
      constraints: [
        { kind: 'primaryKey', name: 'pk_t', columns: ['id'] },
        { kind: 'check', expression: 'id > 0' },
        { kind: 'check', name: 'ck', expression: 'id < 10' },
      ],
    })
    expect(ops[9]).toMatchObject({
      columns: ['id', 'n', 'extra'],
      rows: [
        [1, 'a', null],
        [2, null, null],
        [null, 'c', null],
      ],
    })
    expect(ops[8]).toMatchObject({
      parameters: [],
      reverseStatement: { sql: 'SELECT 1', parameters: [] },
    })
    expect(ops.map(describeOperation)).toEqual([
      "createTable('main.t')",
      "dropTable('t')",
      "renameTable('a', 'b')",
      "addColumn('t', 'n')",
      "dropColumn('t', 'n')",
      "createIndex('ix', 't')",
      "dropIndex('ix')",
      "execute('UPDATE t SET n = ?')",
      "execute('DELETE FROM t')",
      "bulkInsert('t')",
    ])
  })

  it.each([
    [
      (op: Operations) => op.createTable('t', []),
      "createTable('t'): columns must be a non-empty list of columns",
    ],
    [
      (op: Operations) => op.createTable('t', [op.column('a', 'text'), op.column('a', 'text')]),
      "has column 'a' twice",
    ],
    [
      (op: Operations) =>
        op.createTable('t', [op.column('a', 'text')], { ifNotExist: true } as never),
      "createTable('t'): unknown option 'ifNotExist' (did you mean 'ifNotExists'?); expected one of ifNotExists",
    ],
    [
      (op: Operations) => op.createTable('t', [{ name: 'a', type: 'text', size: 3 } as never]),
      "createTable('t'): column 'a': unknown column key 'size'",
    ],
    [
      (op: Operations) => op.createTable('t', [{ name: 'a', type: 'text', length: 3 }]),
      "createTable('t'): column 'a': length applies to string",
    ],
    [
      (op: Operations) => op.createTable('t', [op.column('a', 'text')], { unique: [['b']] }),
      "unique[0][0] names 'b', which is not a column",
    ],
    [
      (op: Operations) =>
        op.createTable('t', [op.column('a', 'integer', { primaryKey: true })], {
          primaryKey: ['a'],
        }),
      'cannot be combined with primaryKey on a column',
    ],
    [
      (op: Operations) => op.createIndex('ix', 't', []),
      "createIndex('ix'): columns must be a non-empty list of names",
    ],
    [
      (op: Operations) => op.dropIndex('ix', { definition: { columns: ['a'] } }),
      'table is required with a definition',
    ],
    [
      (op: Operations) => op.dropColumn('t', 'a', { definition: { name: 'b', type: 'text' } }),
      "'b' differs from the dropped column 'a'",
    ],
    [(op: Operations) => op.renameTable('a', 'a'), 'to is the same as from'],
    [(op: Operations) => op.execute(''), "execute(''): sql must be a non-empty string"],
    [(op: Operations) => op.execute('SELECT ?', 1 as never), 'parameters must be a list of values'],
    [
      (op: Operations) => op.bulkInsert('t', [1 as never]),
      "bulkInsert('t'): rows[0] must be an object",
    ],
    [
      (op: Operations) => op.addColumn('t', undefined as never),
      "addColumn('t'): column is required",
    ],
  ])('validates arguments (%#)', (call, message) => {
    const op = make()
    expect(() => call(op)).toThrow(OperationError)
    expect(() => call(op)).toThrow(message)
    expect(op.takePending()).toEqual([])
  })

  it('reports the argument path of an error', () => {
    const op = make()
    try {
      op.createTable('t', [op.column('a', 'text'), { name: 'b', type: 'string', length: -1 }])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(OperationError)
      expect((error as OperationError).path).toEqual(['columns', 1, 'length'])
      expect((error as Error).message).toBe(
        "createTable('t'): column 'b': length must be a positive integer (got -1)",
      )
    }
  })

  it('allows an empty bulkInsert', () => {
    expect(make().bulkInsert('t', []).rows).toEqual([])
  })
})

describe('query', () => {
  it('flushes the queue through the context, then returns rows', async () => {
    const seen: unknown[] = []
    const op = make({
      query: async (pending, sql, parameters) => {
        seen.push(
          pending.map((o) => o.kind),
          sql,
          parameters,
        )
        return [{ n: 1 }]
      },
    })
    op.createTable('t', [op.column('id', 'integer')])
    expect(await op.query('SELECT count(*) AS n FROM t WHERE id > ?', [0])).toEqual([{ n: 1 }])
    expect(seen).toEqual([['createTable'], 'SELECT count(*) AS n FROM t WHERE id > ?', [0]])
    expect(op.takePending()).toEqual([])
  })

  it('fails clearly offline', async () => {
    const op = make({ offline: true, query: async () => [] })
    expect(op.offline).toBe(true)
    expect(op.dialect).toBe('sqlite')
    await expect(op.query('SELECT 1')).rejects.toThrow(
      'op.query() needs a database connection; it cannot run in offline --sql mode',
    )
  })
})

describe('reverse', () => {
  const op = make()
  const reversible: Operation[] = [
    op.createTable('t', [op.column('id', 'integer', { primaryKey: true })], {
      ifNotExists: true,
      comment: 'c',
    }),
    op.dropTable('t', { definition: [{ name: 'id', type: 'integer' }] }),
    op.dropTable('t', {
      definition: { columns: [{ name: 'id', type: 'integer' }], unique: [['id']] },
    }),
    op.renameTable('a', 'b', { schema: 's' }),
    op.addColumn('t', op.column('n', 'text', { default: 'x' })),
    op.dropColumn('t', 'n', { definition: { type: 'text' } }),
    op.createIndex('ix', 't', ['n'], { unique: true, where: 'n > 0' }),
    op.dropIndex('ix', { table: 't', definition: { columns: ['n'] } }),
    op.execute('UPDATE t SET n = ?', ['b'], {
      reverse: { sql: 'UPDATE t SET n = ?', parameters: ['a'] },
    }),
  ]

  it.each(reversible.map((o) => [describeOperation(o), o] as const))(
    '%s reverses twice to itself',
    (_, o) => {
      const back = o.reverse()
      expect(Object.isFrozen(back)).toBe(true)
      expect(back.kind).not.toBe(o.kind === 'renameTable' || o.kind === 'execute' ? 'x' : o.kind)
      expect(plain(back.reverse())).toEqual(plain(o))
      expect(reverseOperation(o)).toEqual(back)
    },
  )

  it('maps createTable to dropTable with its definition', () => {
    expect(plain(reversible[0]?.reverse())).toEqual({
      kind: 'dropTable',
      name: 't',
      ifExists: true,
      definition: {
        columns: [
          {
            name: 'id',
            type: 'integer',
            nullable: false,
            primaryKey: true,
            autoincrement: false,
            unique: false,
          },
        ],
        constraints: [],
        comment: 'c',
      },
    })
  })

  const irreversible: [Operation, string][] = [
    [
      op.dropTable('account'),
      "dropTable('account') cannot be reversed without its definition; pass { definition: [...columns] } or write downgrade yourself",
    ],
    [
      op.dropColumn('account', 'email'),
      "dropColumn('account', 'email') cannot be reversed without its definition; pass { definition: { type, ... } } or write downgrade yourself",
    ],
    [
      op.dropIndex('ix'),
      "dropIndex('ix') cannot be reversed without its table and definition; pass { table, definition: { columns, unique } } or write downgrade yourself",
    ],
    [
      op.execute('DELETE FROM t'),
      "execute('DELETE FROM t') cannot be reversed without SQL that undoes it; pass { reverse: 'SQL' } or write downgrade yourself",
    ],
    [
      op.bulkInsert('t', [{ a: 1 }]),
      "bulkInsert('t') cannot be reversed because its rows cannot be told from rows inserted by others; write downgrade yourself",
    ],
  ]
  it.each(irreversible.map(([o, message]) => [describeOperation(o), o, message] as const))(
    'irreversible: %s',
    (_, o, message) => {
      expect(() => o.reverse()).toThrow(IrreversibleOperationError)
      expect(() => o.reverse()).toThrow(message)
    },
  )

  it('reverses a list in reverse order, skipping inserts into tables it creates', () => {
    const o = make()
    const list = [
      o.createTable('t', [o.column('id', 'integer')]),
      o.renameTable('t', 'u'),
      o.bulkInsert('u', [{ id: 1 }]),
      o.addColumn('u', o.column('n', 'text')),
    ]
    expect(reverseOperations(list).map(describeOperation)).toEqual([
      "dropColumn('u', 'n')",
      "renameTable('u', 't')",
      "dropTable('t')",
    ])
    try {
      reverseOperations([o.addColumn('t', o.column('n', 'text')), o.bulkInsert('t', [{ n: 1 }])])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(IrreversibleOperationError)
      expect((error as IrreversibleOperationError).index).toBe(1)
    }
  })
})

describe('the full vocabulary', () => {
  it('builds every new kind as frozen data', () => {
    const op = make()
    const tableDefinition = {
      columns: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'email', type: 'string', length: 80 },
      ],
      indexes: [{ name: 'ix_email', columns: [{ expression: 'lower(email)' }], unique: true }],
    } as const
    op.alterColumn('account', 'email', {
      type: 'string',
      length: 120,
      nullable: false,
      default: '',
      newName: 'mail',
      comment: 'login',
      existingType: { type: 'string', length: 80 },
      existingNullable: true,
      existingDefault: null,
      existingComment: null,
      tableDefinition: tableDefinition as never,
    })
    op.createUniqueConstraint('uq_email', 'account', ['email'], { schema: 's' })
    op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
      onDelete: 'cascade' as never,
      onUpdate: 'SET NULL',
      deferrable: true,
      initially: 'deferred' as never,
      referencedSchema: 'p',
    })
    op.createCheckConstraint('ck_price', 'item', 'price >= 0')
    op.createPrimaryKey('pk_line', 'line', ['order_id', 'n'])
    op.dropConstraint('fk_child_parent', 'child', {
      type: 'foreignKey',
      definition: { columns: ['parent_id'], references: { table: 'parent', columns: ['id'] } },
    })
    op.createTableComment('account', 'people', { existingComment: null })
    op.dropTableComment('account', { existingComment: 'people' })
    op.createIndex('ix', 't', ['a', { expression: 'lower(b)' }])
    const ops = op.takePending()
    expect(ops.every((o) => Object.isFrozen(o) && !Object.keys(o).includes('reverse'))).toBe(true)
    expect(plain(ops)).toMatchInlineSnapshot(`
      [
        {
          "comment": "login",
          "default": "",
          "existingComment": null,
          "existingDefault": null,
          "existingNullable": true,
          "existingType": {
            "length": 80,
            "type": "string",
          },
          "kind": "alterColumn",
          "name": "email",
          "newName": "mail",
          "nullable": false,
          "table": "account",
          "tableDefinition": {
            "columns": [
              {
                "autoincrement": false,
                "name": "id",
                "nullable": false,
                "primaryKey": true,
                "type": "integer",
                "unique": false,
              },
              {
                "autoincrement": false,
                "length": 80,
                "name": "email",
                "nullable": true,
                "primaryKey": false,
                "type": "string",
                "unique": false,
              },
            ],
            "constraints": [],
            "indexes": [
              {
                "columns": [
                  {
                    "expression": "lower(email)",
                  },
                ],
                "name": "ix_email",
                "unique": true,
              },
            ],
          },
          "type": {
            "length": 120,
            "type": "string",
          },
        },
        {
          "columns": [
            "email",
          ],
          "kind": "createUniqueConstraint",
          "name": "uq_email",
          "schema": "s",
          "table": "account",
        },
        {
          "columns": [
            "parent_id",
          ],
          "deferrable": true,
          "initially": "DEFERRED",
          "kind": "createForeignKey",
          "name": "fk_child_parent",
          "references": {
            "columns": [
              "id",
            ],
            "onDelete": "CASCADE",
            "onUpdate": "SET NULL",
            "schema": "p",
            "table": "parent",
          },
          "table": "child",
        },
        {
          "expression": "price >= 0",
          "kind": "createCheckConstraint",
          "name": "ck_price",
          "table": "item",
        },
        {
          "columns": [
            "order_id",
            "n",
          ],
          "kind": "createPrimaryKey",
          "name": "pk_line",
          "table": "line",
        },
        {
          "definition": {
            "columns": [
              "parent_id",
            ],
            "kind": "foreignKey",
            "name": "fk_child_parent",
            "references": {
              "columns": [
                "id",
              ],
              "table": "parent",
            },
          },
          "kind": "dropConstraint",
          "name": "fk_child_parent",
          "table": "child",
          "type": "foreignKey",
        },
        {
          "comment": "people",
          "existingComment": null,
          "kind": "createTableComment",
          "table": "account",
        },
        {
          "existingComment": "people",
          "kind": "dropTableComment",
          "table": "account",
        },
        {
          "columns": [
            "a",
            {
              "expression": "lower(b)",
            },
          ],
          "ifNotExists": false,
          "kind": "createIndex",
          "name": "ix",
          "table": "t",
          "unique": false,
        },
      ]
    `)
    expect(ops.map(describeOperation)).toEqual([
      "alterColumn('account', 'email')",
      "createUniqueConstraint('uq_email', 's.account')",
      "createForeignKey('fk_child_parent', 'child')",
      "createCheckConstraint('ck_price', 'item')",
      "createPrimaryKey('pk_line', 'line')",
      "dropConstraint('fk_child_parent', 'child')",
      "createTableComment('account')",
      "dropTableComment('account')",
      "createIndex('ix', 't')",
    ])
  })

  it.each([
    [
      (op: Operations) => op.alterColumn('t', 'a', {}),
      "alterColumn('t', 'a'): changes nothing; give type, nullable, default, defaultSql, newName or comment",
    ],
    [
      (op: Operations) => op.alterColumn('t', 'a', { length: 10 }),
      "alterColumn('t', 'a'): length needs type as well (give the whole new type)",
    ],
    [
      (op: Operations) => op.alterColumn('t', 'a', { type: 'text', length: 10 }),
      'length applies to string and binary columns, not text',
    ],
    [
      (op: Operations) => op.alterColumn('t', 'a', { default: 1, defaultSql: '2' }),
      "defaultSql cannot be combined with 'default'",
    ],
    [
      (op: Operations) => op.alterColumn('t', 'a', { newName: 'a' }),
      'newName is the same as the current name',
    ],
    [
      (op: Operations) =>
        op.alterColumn('t', 'a', { nullable: false, existingType: 'varchar' as never }),
      "existingType has unknown type 'varchar'",
    ],
    [
      (op: Operations) =>
        op.alterColumn('t', 'a', {
          nullable: false,
          existingType: { type: 'text', size: 1 } as never,
        }),
      "unknown option 'size'; expected one of type, length",
    ],
    [
      (op: Operations) => op.alterColumn('t', 'a', { nullable: false, tableDefinition: [] }),
      "alterColumn('t', 'a'): tableDefinition must be a non-empty list of columns",
    ],
    [
      (op: Operations) =>
        op.alterColumn('t', 'a', {
          nullable: false,
          tableDefinition: {
            columns: [{ name: 'a', type: 'text' }],
            indexes: [{ name: 'ix' }] as never,
          },
        }),
      'tableDefinition.indexes[0].columns must be a non-empty list of names',
    ],
    [
      (op: Operations) => op.createForeignKey('fk', 'c', 'p', ['a', 'b'], ['id']),
      "createForeignKey('fk', 'c'): referencedColumns has 1 columns but columns has 2",
    ],
    [
      (op: Operations) =>
        op.createForeignKey('fk', 'c', 'p', ['a'], ['id'], { initially: 'DEFERRED' }),
      'initially DEFERRED needs deferrable: true as well',
    ],
    [
      (op: Operations) =>
        op.createForeignKey('fk', 'c', 'p', ['a'], ['id'], { onDelete: 'DESTROY' as never }),
      'onDelete must be one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION',
    ],
    [
      (op: Operations) => op.createCheckConstraint('ck', 't', ' '),
      "createCheckConstraint('ck', 't'): expression must be a non-empty string",
    ],
    [
      (op: Operations) => op.createPrimaryKey('pk', 't', []),
      'columns must be a non-empty list of names',
    ],
    [
      (op: Operations) => op.dropConstraint('x', 't', { type: 'pk' as never }),
      "dropConstraint('x', 't'): type must be one of primaryKey, unique, foreignKey, check (got 'pk')",
    ],
    [
      (op: Operations) => op.dropConstraint('x', 't', { definition: { columns: ['a'] } }),
      'type is required with a definition',
    ],
    [
      (op: Operations) =>
        op.dropConstraint('x', 't', { type: 'check', definition: { columns: ['a'] } }),
      "unknown option 'columns'; expected one of expression",
    ],
    [
      (op: Operations) => op.createIndex('ix', 't', [{ expr: 'lower(a)' } as never]),
      "createIndex('ix'): unknown option 'expr'; expected one of expression",
    ],
    [
      (op: Operations) => op.createIndex('ix', 't', ['a', 'a']),
      "createIndex('ix'): columns names 'a' twice",
    ],
    [
      (op: Operations) => op.createTableComment('t', undefined as never),
      "createTableComment('t'): comment is required; use dropTableComment to remove a comment",
    ],
  ])('validates the new builders (%#)', (call, message) => {
    const op = make()
    expect(() => call(op)).toThrow(OperationError)
    expect(() => call(op)).toThrow(message)
    expect(op.takePending()).toEqual([])
  })

  const op = make()
  const reversible: Operation[] = [
    op.alterColumn('t', 'a', { newName: 'b' }),
    op.alterColumn('t', 'a', {
      type: 'string',
      length: 80,
      existingType: { type: 'string', length: 40 },
      nullable: false,
      existingNullable: true,
      default: 'x',
      existingDefault: null,
      comment: 'c',
      existingComment: null,
      newName: 'b',
    }),
    op.alterColumn('t', 'a', {
      defaultSql: 'CURRENT_TIMESTAMP',
      existingDefault: 0,
      existingType: 'integer',
    }),
    op.alterColumn('t', 'a', {
      default: null,
      existingDefaultSql: 'now()',
      existingNullable: false,
    }),
    op.createUniqueConstraint('uq', 't', ['a', 'b']),
    op.createForeignKey('fk', 'c', 'p', ['p_id'], ['id'], {
      onDelete: 'CASCADE',
      deferrable: false,
    }),
    op.createCheckConstraint('ck', 't', 'a > 0'),
    op.createPrimaryKey('pk', 't', ['a']),
    op.dropConstraint('ck', 't', { type: 'check', definition: { expression: 'a > 0' } }),
    op.dropConstraint('pk', 't', { type: 'primaryKey', definition: { columns: ['a'] } }),
    op.createTableComment('t', 'new', { existingComment: 'old' }),
    op.createTableComment('t', 'new', { existingComment: null }),
    op.dropTableComment('t', { existingComment: 'old' }),
  ]

  it.each(reversible.map((o, i) => [`${i} ${describeOperation(o)}`, o] as const))(
    '%s reverses twice to itself',
    (_, o) => {
      const back = o.reverse()
      expect(Object.isFrozen(back)).toBe(true)
      expect(plain(back.reverse())).toEqual(plain(o))
    },
  )

  it('reverses alterColumn by swapping each change with its existing* hint', () => {
    expect(plain(reversible[1]?.reverse())).toEqual({
      kind: 'alterColumn',
      table: 't',
      name: 'b',
      newName: 'a',
      type: { type: 'string', length: 40 },
      existingType: { type: 'string', length: 80 },
      nullable: true,
      existingNullable: false,
      default: null,
      existingDefault: 'x',
      comment: null,
      existingComment: 'c',
    })
    expect(plain(reversible[4]?.reverse())).toEqual({
      kind: 'dropConstraint',
      name: 'uq',
      table: 't',
      type: 'unique',
      definition: { kind: 'unique', name: 'uq', columns: ['a', 'b'] },
    })
  })

  it.each([
    [
      op.alterColumn('t', 'a', { nullable: false, type: 'text', default: 1, comment: 'c' }),
      "alterColumn('t', 'a') cannot be reversed without the column as it was; pass existingType, existingNullable, existingDefault (null when there was none) or existingDefaultSql, existingComment (null when there was none) or write downgrade yourself",
    ],
    [
      op.dropConstraint('uq', 't', { type: 'unique' }),
      "dropConstraint('uq', 't') cannot be reversed without its definition; pass { type, definition: { columns | expression | references ... } } or write downgrade yourself",
    ],
    [
      op.createTableComment('t', 'c'),
      "createTableComment('t') cannot be reversed without the comment it replaces; pass { existingComment } (null when there was none) or write downgrade yourself",
    ],
    [
      op.dropTableComment('t'),
      "dropTableComment('t') cannot be reversed without the comment it removes; pass { existingComment } or write downgrade yourself",
    ],
  ])('says what is missing to reverse %#', (o, message) => {
    expect(() => o.reverse()).toThrow(IrreversibleOperationError)
    expect(() => o.reverse()).toThrow(message)
  })

  it('keeps tableDefinition out of reverses (it describes the table before the forward change)', () => {
    const o = make().createCheckConstraint('ck', 't', 'a > 0', {
      tableDefinition: [{ name: 'a', type: 'integer' }],
    })
    expect(o.tableDefinition?.columns.map((c) => c.name)).toEqual(['a'])
    expect(o.tableDefinition?.indexes).toEqual([])
    expect(Object.keys(o.reverse())).not.toContain('tableDefinition')
  })
})
