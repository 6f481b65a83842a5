import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Migrator } from '@retort/core'
import { sqliteDialect } from '../src/sqlite-dialect.js'

let dir: string
let filename: string

const revisions: Record<string, string> = {
  'a1_create_parent_child.yaml': `revision: a1a1a1a1a1a1
downRevision: null
message: create parent and child
upgrade:
  - createTable:
      name: parent
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: name, type: string, length: 40 }
  - createTable:
      name: child
      columns:
        - { name: id, type: integer, primaryKey: true }
        - name: parent_id
          type: integer
          nullable: false
          references: { table: parent, column: id, onDelete: CASCADE }
        - { name: note, type: text }
  - createIndex: { name: ix_child_note, table: child, columns: [{ expression: lower(note) }] }
  - bulkInsert: { table: parent, rows: [{ id: 1, name: one }, { id: 2, name: two }] }
  - bulkInsert:
      table: child
      rows: [{ id: 10, parent_id: 1, note: a }, { id: 11, parent_id: 2, note: b }, { id: 12, parent_id: 2, note: c }]
`,
  'b2_tighten_parent.ts': `import type { Operations } from '@retort/core'

export const revision = 'b2b2b2b2b2b2'
export const downRevision = 'a1a1a1a1a1a1'
export const message = 'tighten parent'

export async function upgrade(op: Operations) {
  op.alterColumn('parent', 'name', {
    type: 'string', length: 80, existingType: { type: 'string', length: 40 },
    nullable: false, existingNullable: true,
  })
  op.createUniqueConstraint('uq_parent_name', 'parent', ['name'])
  op.addColumn('parent', op.column('code', 'string', { length: 8, unique: true }))
}

export async function downgrade(op: Operations) {
  op.dropColumn('parent', 'code')
  op.dropConstraint('uq_parent_name', 'parent', { type: 'unique' })
  op.alterColumn('parent', 'name', { type: 'string', length: 40, nullable: true })
}
`,
  'c3_child_constraints.yaml': `revision: c3c3c3c3c3c3
downRevision: b2b2b2b2b2b2
message: child constraints (downgrade derived)
upgrade:
  - createCheckConstraint: { name: ck_child_note, table: child, expression: "note <> ''" }
  - alterColumn: { table: child, name: note, newName: body }
  - createTableComment: { table: child, comment: the children, existingComment: null }
`,
  'd4_tags.ts': `import type { Operations } from '@retort/core'

export const revision = 'd4d4d4d4d4d4'
export const downRevision = 'c3c3c3c3c3c3'
export const message = 'tags'

export async function upgrade(op: Operations) {
  op.createTable('tag', [op.column('id', 'integer', { primaryKey: true }), op.column('label', 'text')])
  op.bulkInsert('tag', [{ id: 1, label: 'x' }])
  op.addColumn('child', op.column('tag_id', 'integer'))
  op.execute('UPDATE child SET tag_id = ?', [1])
  op.createForeignKey('fk_child_tag', 'child', 'tag', ['tag_id'], ['id'], { onDelete: 'SET NULL' })
}

export async function downgrade(op: Operations) {
  op.dropConstraint('fk_child_tag', 'child', { type: 'foreignKey' })
  op.dropColumn('child', 'tag_id')
  op.dropTable('tag')
}
`,
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-mixed-'))
  fs.mkdirSync(path.join(dir, 'versions'))
  for (const [name, text] of Object.entries(revisions)) {
    fs.writeFileSync(path.join(dir, 'versions', name), text)
  }
  filename = path.join(dir, 'app.db')
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function inspect<T>(read: (db: Database.Database) => T): T {
  const db = new Database(filename, { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

describe('Migrator with YAML and TypeScript revisions on SQLite', () => {
  it('upgrades to head and downgrades to base, rebuilding tables on the way', async () => {
    const migrator = new Migrator({ scriptLocation: dir, dialect: sqliteDialect({ filename }) })
    const up = await migrator.upgrade('head')
    expect(up.applied.map((a) => a.revision)).toEqual([
      'a1a1a1a1a1a1',
      'b2b2b2b2b2b2',
      'c3c3c3c3c3c3',
      'd4d4d4d4d4d4',
    ])
    expect(up.heads).toEqual(['d4d4d4d4d4d4'])
    inspect((db) => {
      const sql = (name: string) =>
        (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string })
          .sql
      expect(sql('parent')).toBe(
        'CREATE TABLE "parent" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(80) NOT NULL, "code" VARCHAR(8) UNIQUE, CONSTRAINT "uq_parent_name" UNIQUE ("name"))',
      )
      expect(sql('child')).toBe(
        `CREATE TABLE "child" ("id" INTEGER PRIMARY KEY NOT NULL, "parent_id" INTEGER NOT NULL REFERENCES "parent" ("id") ON DELETE CASCADE, "body" TEXT, "tag_id" INTEGER, CONSTRAINT "ck_child_note" CHECK ("body" <> ''), CONSTRAINT "fk_child_tag" FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE SET NULL)`,
      )
      // The rebuilds of 'parent' (a table with ON DELETE CASCADE children) kept every child.
      expect(db.prepare('SELECT id, parent_id, body, tag_id FROM child ORDER BY id').all()).toEqual(
        [
          { id: 10, parent_id: 1, body: 'a', tag_id: 1 },
          { id: 11, parent_id: 2, body: 'b', tag_id: 1 },
          { id: 12, parent_id: 2, body: 'c', tag_id: 1 },
        ],
      )
      expect(
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ix_child_note'").get(),
      ).toEqual({
        sql: 'CREATE INDEX "ix_child_note" ON "child" ((lower("body")))',
      })
      expect(db.pragma('foreign_key_check')).toEqual([])
    })

    const down = await migrator.downgrade('base')
    expect(down.applied.map((a) => `${a.direction} ${a.revision}`)).toEqual([
      'down d4d4d4d4d4d4',
      'down c3c3c3c3c3c3',
      'down b2b2b2b2b2b2',
      'down a1a1a1a1a1a1',
    ])
    expect(down.heads).toEqual([])
    inspect((db) => {
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
      ).toEqual([
        { name: 'retort_version' },
        // The ledger stays (it records the run); its ids make SQLite keep sqlite_sequence.
        { name: 'retort_version_ledger' },
        { name: 'sqlite_sequence' },
      ])
    })
    expect((await migrator.current()).heads).toEqual([])
  })

  it('stops at the revision whose rebuild breaks a foreign key, with the tables as before it', async () => {
    fs.writeFileSync(
      path.join(dir, 'versions', 'e5_bad.yaml'),
      `revision: e5e5e5e5e5e5
downRevision: d4d4d4d4d4d4
message: points child at a table it does not match
upgrade:
  - createTable: { name: other, columns: [{ name: id, type: integer, primaryKey: true }] }
  - createForeignKey: { name: fk_child_other, table: child, referencedTable: other, columns: [parent_id], referencedColumns: [id] }
`,
    )
    const migrator = new Migrator({ scriptLocation: dir, dialect: sqliteDialect({ filename }) })
    await migrator.upgrade('d4d4d4d4d4d4')
    await expect(migrator.upgrade('head')).rejects.toThrow(
      /foreign key check failed after rebuilding table 'child' for createForeignKey\('fk_child_other', 'child'\): row 10 of table 'child' references table 'other', which has no matching row \(and 2 more\)/,
    )
    expect((await migrator.current()).heads).toEqual(['d4d4d4d4d4d4'])
    inspect((db) => {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'other'").all()).toEqual([])
      expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 3 })
    })
  })
})
