import { describe, expect, it } from 'vitest'
import { readSqliteChecks } from '../src/sqlite-introspector.js'

describe('readSqliteChecks', () => {
  it('reads table and column CHECKs with their names, as written', () => {
    expect(
      readSqliteChecks(
        'CREATE TABLE "item" ("price" INTEGER CHECK (price >= 0), "check" TEXT, CONSTRAINT "ck_item_1" CHECK ((length("check") > 0) AND price < 100), CHECK (1))',
      ),
    ).toEqual([
      { expression: 'price >= 0' },
      { name: 'ck_item_1', expression: '(length("check") > 0) AND price < 100' },
      { expression: '1' },
    ])
  })

  it('reports none for a table without checks, and nothing for SQL it cannot read', () => {
    expect(readSqliteChecks('CREATE TABLE t (a INTEGER DEFAULT (1))')).toEqual([])
    expect(readSqliteChecks("CREATE TABLE t (a TEXT DEFAULT 'open)")).toBeUndefined()
  })
})
