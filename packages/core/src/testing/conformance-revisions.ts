import { Operations } from '../operations/operations.js'
import { reverseOperations } from '../operations/reverse-operation.js'
import type { RevisionModule } from '../revision.js'

/** A revision module whose downgrade is the reverse of its upgrade's operations. */
export function reversible(
  header: Omit<RevisionModule, 'upgrade' | 'downgrade'>,
  build: (op: Operations) => void,
): RevisionModule {
  return {
    ...header,
    upgrade: (op: Operations) => {
      build(op)
    },
    downgrade: (op: Operations) => {
      const scratch = new Operations({ dialect: op.dialect, offline: true })
      build(scratch)
      for (const operation of reverseOperations(scratch.takePending())) op.enqueue(operation)
    },
  }
}

/** One table per revision, so the applied set shows in the schema. */
function tableRevision(
  id: string,
  downRevision: string | readonly string[] | null,
  dependsOn: readonly string[] = [],
): RevisionModule {
  return reversible({ revision: id, downRevision, dependsOn, message: `table ${id}` }, (op) => {
    op.createTable(`t_${id}`, [op.column('id', 'integer', { primaryKey: true })])
  })
}

/**
 * The branchy graph: `ga` is a branch point (`gb`, `gc`), `gm` merges them, `gd` is a
 * second root, and `ge` (after `gm`) depends on `gd`. Heads: `gd` (still a head though `ge`
 * depends on it) and `ge`.
 */
export const BRANCHY_GRAPH: Readonly<Record<string, RevisionModule>> = Object.freeze({
  'versions/ga.ts': tableRevision('ga', null),
  'versions/gb.ts': tableRevision('gb', 'ga'),
  'versions/gc.ts': tableRevision('gc', 'ga'),
  'versions/gd.ts': tableRevision('gd', null),
  'versions/ge.ts': tableRevision('ge', 'gm', ['gd']),
  'versions/gm.ts': tableRevision('gm', ['gb', 'gc']),
})

/** The rows every operation revision must leave intact: `[id, name]`. */
export const ITEM_ROWS: readonly (readonly [number, string])[] = [
  [1, 'first'],
  [2, "it's"],
  [3, 'third "one"'],
]

/**
 * A line of revisions, each one kind of operation on a table with rows, each reversible.
 * Column `name` becomes `title` at `op03` and table `item` becomes `thing` at `op08`.
 */
export const OPERATION_GRAPH: Readonly<Record<string, RevisionModule>> = Object.freeze({
  'versions/op01.ts': reversible({ revision: 'op01', downRevision: null }, (op) => {
    op.createTable('item', [
      op.column('id', 'integer', { primaryKey: true }),
      op.column('name', 'string', { length: 40 }),
    ])
    op.bulkInsert(
      'item',
      ITEM_ROWS.map(([id, name]) => ({ id, name })),
    )
  }),
  'versions/op02.ts': reversible({ revision: 'op02', downRevision: 'op01' }, (op) => {
    op.addColumn('item', op.column('note', 'string', { length: 40, default: 'none' }))
    op.addColumn('item', op.column('scratch', 'string', { length: 10 }))
  }),
  'versions/op03.ts': reversible({ revision: 'op03', downRevision: 'op02' }, (op) => {
    op.alterColumn('item', 'name', {
      newName: 'title',
      existingType: { type: 'string', length: 40 },
      existingNullable: true,
    })
  }),
  'versions/op04.ts': reversible({ revision: 'op04', downRevision: 'op03' }, (op) => {
    op.alterColumn('item', 'title', {
      type: 'string',
      length: 80,
      existingType: { type: 'string', length: 40 },
      existingNullable: true,
    })
  }),
  'versions/op05.ts': reversible({ revision: 'op05', downRevision: 'op04' }, (op) => {
    op.createIndex('ix_item_title', 'item', ['title'])
  }),
  'versions/op06.ts': reversible({ revision: 'op06', downRevision: 'op05' }, (op) => {
    op.createUniqueConstraint('uq_item_title_note', 'item', ['title', 'note'])
  }),
  'versions/op07.ts': reversible({ revision: 'op07', downRevision: 'op06' }, (op) => {
    op.createTable('owner', [op.column('id', 'integer', { primaryKey: true })])
    op.bulkInsert('owner', [{ id: 7 }])
    op.addColumn('item', op.column('owner_id', 'integer'))
    op.createForeignKey('fk_item_owner', 'item', 'owner', ['owner_id'], ['id'])
  }),
  'versions/op08.ts': reversible({ revision: 'op08', downRevision: 'op07' }, (op) => {
    op.renameTable('item', 'thing')
  }),
  'versions/op09.ts': reversible({ revision: 'op09', downRevision: 'op08' }, (op) => {
    op.createCheckConstraint('ck_thing_id', 'thing', 'id > 0')
  }),
  'versions/op10.ts': reversible({ revision: 'op10', downRevision: 'op09' }, (op) => {
    op.execute('UPDATE thing SET note = ? WHERE id = ?', ['changed', 1], {
      reverse: { sql: 'UPDATE thing SET note = ? WHERE id = ?', parameters: ['none', 1] },
    })
  }),
  'versions/op11.ts': reversible({ revision: 'op11', downRevision: 'op10' }, (op) => {
    op.dropColumn('thing', 'scratch', { definition: { type: 'string', length: 10 } })
  }),
})
