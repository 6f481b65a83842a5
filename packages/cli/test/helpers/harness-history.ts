import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A downgrade that forgets to take back one thing its upgrade made. */
export type PlantedDefect = 'index' | 'default' | 'foreignKey' | 'table'

/** The revisions of {@link writeHistory}, by what each adds. */
export const HISTORY_IDS = Object.freeze({
  tables: 'a1a1a1a1a1a1',
  index: 'b2b2b2b2b2b2',
  default: 'c3c3c3c3c3c3',
  foreignKey: 'd4d4d4d4d4d4',
  table: 'e5e5e5e5e5e5',
})

interface Step {
  readonly id: string
  readonly message: string
  readonly up: string
  readonly down: string
}

/**
 * Writes a linear history of five TypeScript revisions into `<dir>/migrations/versions`:
 * tables `account` and `note`; index `ix_note_title`; a default on `note.title`; foreign
 * key `fk_note_author`; table `tag`. With `defect`, the downgrade of the revision that adds
 * that thing forgets to take it back (for the foreign key, the key and its index). Returns
 * the script directory.
 */
export function writeHistory(dir: string, defect?: PlantedDefect): string {
  const scriptLocation = join(dir, 'migrations')
  const versions = join(scriptLocation, 'versions')
  mkdirSync(versions, { recursive: true })
  const steps: Step[] = [
    {
      id: HISTORY_IDS.tables,
      message: 'account and note',
      up: `op.createTable('account', [
    op.column('id', 'integer', { primaryKey: true }),
    op.column('email', 'string', { length: 120, nullable: false }),
  ])
  op.createTable('note', [
    op.column('id', 'integer', { primaryKey: true }),
    op.column('title', 'string', { length: 80, nullable: false }),
    op.column('author_id', 'integer'),
  ])`,
      down: `op.dropTable('note')
  op.dropTable('account')`,
    },
    {
      id: HISTORY_IDS.index,
      message: 'note title index',
      up: `op.createIndex('ix_note_title', 'note', ['title'])`,
      down: defect === 'index' ? '' : `op.dropIndex('ix_note_title', { table: 'note' })`,
    },
    {
      id: HISTORY_IDS.default,
      message: 'untitled notes',
      up: `op.alterColumn('note', 'title', { default: 'untitled', existingType: { type: 'string', length: 80 }, existingNullable: false })`,
      down:
        defect === 'default'
          ? ''
          : `op.alterColumn('note', 'title', { default: null, existingType: { type: 'string', length: 80 }, existingNullable: false })`,
    },
    {
      id: HISTORY_IDS.foreignKey,
      message: 'note author key',
      // The key's index made first: MySQL would otherwise make one itself, which dropping
      // the key leaves behind.
      up: `op.createIndex('ix_note_author', 'note', ['author_id'])
  op.createForeignKey('fk_note_author', 'note', 'account', ['author_id'], ['id'])`,
      down:
        defect === 'foreignKey'
          ? ''
          : `op.dropConstraint('fk_note_author', 'note', { type: 'foreignKey' })
  op.dropIndex('ix_note_author', { table: 'note' })`,
    },
    {
      id: HISTORY_IDS.table,
      message: 'tags',
      up: `op.createTable('tag', [
    op.column('id', 'integer', { primaryKey: true }),
    op.column('label', 'string', { length: 40, nullable: false }),
  ])`,
      down: defect === 'table' ? '' : `op.dropTable('tag')`,
    },
  ]
  steps.forEach((step, i) => {
    const parent = i === 0 ? 'null' : `'${steps[i - 1]!.id}'`
    writeFileSync(
      join(versions, `${step.id}_${step.message.replace(/\W+/g, '_')}.ts`),
      `import type { Operations } from '@retort/core'

export const revision = '${step.id}'
export const downRevision = ${parent}
export const message = '${step.message}'

export async function upgrade(op: Operations) {
  ${step.up}
}

export async function downgrade(op: Operations) {
  ${step.down}
}
`,
    )
  })
  return scriptLocation
}

/** What a planted defect's finding names: the revision and the object. */
export function expectedFinding(defect: PlantedDefect): {
  revision: string
  operation: 'downgrade'
  kind: string
  name: string
} {
  switch (defect) {
    case 'index':
      return {
        revision: HISTORY_IDS.index,
        operation: 'downgrade',
        kind: 'index',
        name: 'ix_note_title',
      }
    case 'default':
      return {
        revision: HISTORY_IDS.default,
        operation: 'downgrade',
        kind: 'column',
        name: 'note.title',
      }
    case 'foreignKey':
      return {
        revision: HISTORY_IDS.foreignKey,
        operation: 'downgrade',
        kind: 'foreign key',
        name: '',
      }
    case 'table':
      return { revision: HISTORY_IDS.table, operation: 'downgrade', kind: 'table', name: 'tag' }
  }
}
