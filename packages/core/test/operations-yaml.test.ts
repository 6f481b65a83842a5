import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { RevisionFileError } from '../src/errors.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { Operations } from '../src/operations/operations.js'
import { loadYamlBody } from '../src/operations/yaml-body.js'

const load = (text: string) => loadYamlBody(parseDocument(text), 'versions/a1.yaml', text)

function run(body: ReturnType<typeof loadYamlBody>, direction: 'upgrade' | 'downgrade') {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  body[direction]?.(op)
  return op.takePending()
}

function errorOf(call: () => unknown): RevisionFileError {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(RevisionFileError)
    expect((error as Error).message).not.toContain('\n')
    return error as RevisionFileError
  }
  throw new Error('expected an error')
}

const createAccount = `revision: 3f1c2a9b7d10
downRevision: 9a0b1c2d3e4f
message: create account
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: email, type: string, length: 255, nullable: false, unique: true }
      ifNotExists: true
  - addColumn: { table: account, column: { name: note, type: text, default: '' } }
  - createIndex: { name: ix_account_email, table: account, columns: [email], unique: true, where: "email <> ''" }
  - bulkInsert: { table: account, rows: [{ id: 1, email: a@example.com }] }
`

describe('loadYamlBody', () => {
  it('builds the upgrade with the same keys as the TS API', () => {
    const ops = run(load(createAccount), 'upgrade')
    expect(ops.map(describeOperation)).toEqual([
      "createTable('account')",
      "addColumn('account', 'note')",
      "createIndex('ix_account_email', 'account')",
      "bulkInsert('account')",
    ])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    const same = op.createTable(
      'account',
      [
        op.column('id', 'integer', { primaryKey: true }),
        op.column('email', 'string', { length: 255, nullable: false, unique: true }),
      ],
      { ifNotExists: true },
    )
    expect(ops[0]).toEqual(same)
    expect(ops[2]).toMatchObject({ unique: true, where: "email <> ''" })
  })

  it('derives the downgrade by reversing, and skips inserts into created tables', () => {
    expect(run(load(createAccount), 'downgrade').map(describeOperation)).toEqual([
      "dropIndex('ix_account_email')",
      "dropColumn('account', 'note')",
      "dropTable('account')",
    ])
  })

  it('accepts plain objects, execute as a string and an explicit downgrade', () => {
    const body = loadYamlBody(
      {
        revision: 'a1',
        upgrade: [
          { execute: 'UPDATE t SET n = 1' },
          {
            execute: { sql: 'UPDATE t SET n = ?', parameters: [2], reverse: 'UPDATE t SET n = 1' },
          },
          { dropTable: { name: 'old', definition: [{ name: 'id', type: 'integer' }] } },
        ],
        downgrade: [{ execute: 'UPDATE t SET n = 0' }],
      },
      'versions/a1.yaml',
    )
    expect(run(body, 'upgrade').map((o) => o.kind)).toEqual(['execute', 'execute', 'dropTable'])
    expect(run(body, 'downgrade')).toMatchObject([{ kind: 'execute', sql: 'UPDATE t SET n = 0' }])
  })

  it('takes upgrade: [] as the empty body (a merge revision), and refuses a missing or empty one', () => {
    const body = load('revision: m1\ndownRevision: [a, b]\nupgrade: []\n')
    expect(run(body, 'upgrade')).toEqual([])
    expect(run(body, 'downgrade')).toEqual([])
    expect(errorOf(() => load('revision: m1\ndownRevision: [a, b]\n')).message).toContain(
      "'upgrade' must be a list of operations (- createTable: {...}), got nothing; write upgrade: [] for a revision that changes nothing",
    )
    expect(errorOf(() => load('upgrade: []\ndowngrade:\n')).message).toBe(
      "versions/a1.yaml:2: 'downgrade' must be a list of operations (- createTable: {...}), got null; write downgrade: [] for a downgrade that changes nothing, or leave the key out to reverse the upgrade",
    )
  })

  it('fails at load time for an irreversible operation without a downgrade', () => {
    const error = errorOf(() =>
      load(`upgrade:
  - createTable: { name: t, columns: [{ name: id, type: integer }] }
  - execute: DELETE FROM t
`),
    )
    expect(error.message).toBe(
      "versions/a1.yaml:3: upgrade[1]: execute('DELETE FROM t') cannot be reversed without SQL that undoes it; pass { reverse: 'SQL' } or write downgrade yourself; add a 'downgrade:' list to this file",
    )
    expect(error.line).toBe(3)
  })

  it.each([
    [
      'an unknown operation',
      'upgrade:\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }\n  - dropTabel: { name: t }\n',
      "versions/a1.yaml:3: upgrade[1]: unknown operation 'dropTabel' (did you mean 'dropTable'?); use one of createTable, dropTable",
    ],
    [
      'an unknown key',
      'upgrade:\n  - createTable:\n      name: t\n      ifNotExist: true\n      columns: [{ name: id, type: integer }]\n',
      "versions/a1.yaml:4: upgrade[0]: createTable('t'): unknown option 'ifNotExist' (did you mean 'ifNotExists'?); expected one of ifNotExists",
    ],
    [
      'a wrong value type in a column',
      'upgrade:\n  - createTable:\n      name: t\n      columns:\n        - { name: id, type: integer }\n        - name: email\n          type: string\n          length: long\n',
      "versions/a1.yaml:8: upgrade[0]: createTable('t'): column 'email': length must be a positive integer (got 'long')",
    ],
    [
      'an unknown column type',
      'upgrade:\n  - addColumn:\n      table: t\n      column: { name: n, type: varchar }\n',
      "versions/a1.yaml:4: upgrade[0]: addColumn('t'): column 'n': type has unknown type 'varchar'",
    ],
    [
      'two operations in one item',
      'upgrade:\n  - dropTable: { name: a }\n    renameTable: { from: b, to: c }\n',
      'versions/a1.yaml:2: upgrade[0]: each operation must be a map with one key, the operation (one of createTable',
    ],
    [
      'upgrade that is not a list',
      'upgrade:\n  createTable: {}\n',
      "versions/a1.yaml:2: 'upgrade' must be a list of operations",
    ],
    [
      'a missing required key',
      'upgrade:\n  - createIndex: { name: ix, table: t }\n',
      "versions/a1.yaml:2: upgrade[0]: createIndex('ix'): columns must be a non-empty list of names (got nothing)",
    ],
  ])('reports %s with file, line, index and key', (_, text, message) => {
    expect(errorOf(() => load(text)).message).toContain(message)
  })

  it('names the line with a LineCounter too, and none without a source', () => {
    const text = 'upgrade:\n  - dropTable: { nme: t }\n'
    const lineCounter = new LineCounter()
    const document = parseDocument(text, { lineCounter })
    expect(errorOf(() => loadYamlBody(document, 'x.yaml', lineCounter)).line).toBe(2)
    expect(errorOf(() => loadYamlBody(document, 'x.yaml')).message).toMatch(
      /^x\.yaml: upgrade\[0\]: dropTable: unknown key 'nme' \(did you mean 'name'\?\); dropTable takes name and its options$/,
    )
  })

  it('reports YAML syntax errors', () => {
    expect(errorOf(() => load('upgrade:\n  - createTable: { name: t\n')).message).toMatch(
      /^versions\/a1\.yaml:\d+: /,
    )
  })
})

describe('loadYamlBody: the full vocabulary', () => {
  const text = `revision: c3c3c3c3c3c3
downRevision: b2b2b2b2b2b2
upgrade:
  - alterColumn:
      table: parent
      name: name
      type: string
      length: 80
      existingType: { type: string, length: 40 }
      nullable: false
      existingNullable: true
      newName: title
  - createUniqueConstraint: { name: uq_title, table: parent, columns: [title] }
  - createForeignKey:
      name: fk_child_parent
      table: child
      referencedTable: parent
      columns: [parent_id]
      referencedColumns: [id]
      onDelete: cascade
      deferrable: true
      initially: deferred
  - createCheckConstraint: { name: ck_title, table: parent, expression: "title <> ''" }
  - createPrimaryKey: { name: pk_pair, table: pair, columns: [a, b] }
  - dropConstraint:
      name: ck_old
      table: parent
      type: check
      definition: { expression: "x > 0" }
      tableDefinition:
        columns: [{ name: id, type: integer, primaryKey: true }, { name: x, type: integer }]
        checks: [{ name: ck_old, expression: "x > 0" }]
        indexes: [{ name: ix_x, columns: [x, { expression: abs(x) }] }]
  - createIndex: { name: ux_title, table: parent, columns: [{ expression: lower(title) }], unique: true }
  - createTableComment: { table: parent, comment: the parents, existingComment: null }
`

  it('builds them with the same keys as the TS API and derives the downgrade', () => {
    const body = load(text)
    const up = run(body, 'upgrade')
    expect(up.map(describeOperation)).toEqual([
      "alterColumn('parent', 'name')",
      "createUniqueConstraint('uq_title', 'parent')",
      "createForeignKey('fk_child_parent', 'child')",
      "createCheckConstraint('ck_title', 'parent')",
      "createPrimaryKey('pk_pair', 'pair')",
      "dropConstraint('ck_old', 'parent')",
      "createIndex('ux_title', 'parent')",
      "createTableComment('parent')",
    ])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    expect(up[2]).toEqual(
      op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
        onDelete: 'CASCADE',
        deferrable: true,
        initially: 'DEFERRED',
      }),
    )
    expect(up[5]).toMatchObject({
      tableDefinition: { indexes: [{ name: 'ix_x', columns: ['x', { expression: 'abs(x)' }] }] },
    })
    expect(run(body, 'downgrade').map(describeOperation)).toEqual([
      "dropTableComment('parent')",
      "dropIndex('ux_title')",
      "createCheckConstraint('ck_old', 'parent')",
      "dropConstraint('pk_pair', 'pair')",
      "dropConstraint('ck_title', 'parent')",
      "dropConstraint('fk_child_parent', 'child')",
      "dropConstraint('uq_title', 'parent')",
      "alterColumn('parent', 'title')",
    ])
  })

  // Ten malformed revision bodies: each a one-line error naming the file and the line.
  it.each([
    [
      'a misspelt alterColumn key',
      'upgrade:\n  - alterColumn:\n      table: t\n      name: a\n      nullabel: false\n',
      "versions/a1.yaml:5: upgrade[0]: alterColumn('t', 'a'): unknown option 'nullabel' (did you mean 'nullable'?); expected one of type, length",
    ],
    [
      'an alterColumn that changes nothing',
      'upgrade:\n  - createTable: { name: t, columns: [{ name: a, type: text }] }\n  - alterColumn: { table: t, name: a, existingNullable: true }\n',
      "versions/a1.yaml:3: upgrade[1]: alterColumn('t', 'a'): changes nothing; give type, nullable, default, defaultSql, newName or comment",
    ],
    [
      'a length without a type',
      'upgrade:\n  - alterColumn:\n      table: t\n      name: a\n      length: 20\n',
      "versions/a1.yaml:5: upgrade[0]: alterColumn('t', 'a'): length needs type as well (give the whole new type)",
    ],
    [
      'an alterColumn without the hint its reverse needs',
      'upgrade:\n  - alterColumn: { table: t, name: a, nullable: false }\n',
      "versions/a1.yaml:2: upgrade[0]: alterColumn('t', 'a') cannot be reversed without the column as it was; pass existingNullable or write downgrade yourself; add a 'downgrade:' list to this file",
    ],
    [
      'foreign key column lists of different lengths',
      'upgrade:\n  - createForeignKey:\n      name: fk\n      table: c\n      referencedTable: p\n      columns: [a, b]\n      referencedColumns: [id]\n',
      "versions/a1.yaml:7: upgrade[0]: createForeignKey('fk', 'c'): referencedColumns has 1 columns but columns has 2",
    ],
    [
      'an unknown referential action',
      'upgrade:\n  - createForeignKey:\n      name: fk\n      table: c\n      referencedTable: p\n      columns: [a]\n      referencedColumns: [id]\n      onDelete: destroy\n',
      "versions/a1.yaml:8: upgrade[0]: createForeignKey('fk', 'c'): onDelete must be one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION (got 'destroy')",
    ],
    [
      'INITIALLY DEFERRED without deferrable',
      'upgrade:\n  - createForeignKey:\n      name: fk\n      table: c\n      referencedTable: p\n      columns: [a]\n      referencedColumns: [id]\n      initially: deferred\n',
      "versions/a1.yaml:8: upgrade[0]: createForeignKey('fk', 'c'): initially DEFERRED needs deferrable: true as well",
    ],
    [
      'an unknown constraint type',
      'upgrade:\n  - dropConstraint:\n      name: x\n      table: t\n      type: pk\n',
      "versions/a1.yaml:5: upgrade[0]: dropConstraint('x', 't'): type must be one of primaryKey, unique, foreignKey, check (got 'pk')",
    ],
    [
      'a misspelt index expression key',
      'upgrade:\n  - createIndex:\n      name: ix\n      table: t\n      columns:\n        - a\n        - { expr: lower(b) }\n',
      "versions/a1.yaml:7: upgrade[0]: createIndex('ix'): unknown option 'expr'; expected one of expression",
    ],
    [
      'a wrong type deep in a tableDefinition',
      'upgrade:\n  - createCheckConstraint:\n      name: ck\n      table: t\n      expression: a > 0\n      tableDefinition:\n        columns:\n          - { name: id, type: integer }\n          - { name: a, type: number }\n',
      "versions/a1.yaml:9: upgrade[0]: createCheckConstraint('ck', 't'): column 'a': type has unknown type 'number'",
    ],
  ])('reports %s with file and line, on one line', (_, body, message) => {
    const error = errorOf(() => load(body))
    expect(error.message).toContain(message)
    expect(error.message).toMatch(/^versions\/a1\.yaml:\d+: /)
  })
})
