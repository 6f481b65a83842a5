import { describe, expect, it } from 'vitest'
import { statementObject } from '../src/runtime/in-flight-statement.js'

describe('statementObject', () => {
  it('CREATE/DROP TABLE in each dialect quoting', () => {
    expect(statementObject('CREATE TABLE `app`.`t` (`id` INT)')).toEqual({
      action: 'create',
      kind: 'table',
      name: 't',
      schema: 'app',
    })
    expect(statementObject('create table if not exists "we""ird" ("id" integer)')).toEqual({
      action: 'create',
      kind: 'table',
      name: 'we"ird',
      schema: undefined,
    })
    expect(statementObject('DROP TABLE IF EXISTS [t]')).toEqual({
      action: 'drop',
      kind: 'table',
      name: 't',
      schema: undefined,
    })
    expect(statementObject('/* note */ CREATE TEMPORARY TABLE t (id int)')).toMatchObject({
      kind: 'table',
      name: 't',
    })
  })

  it('CREATE/DROP INDEX with its table where the statement names it', () => {
    expect(statementObject('CREATE UNIQUE INDEX IF NOT EXISTS `ix` ON `db`.`t` (`a`)')).toEqual({
      action: 'create',
      kind: 'index',
      name: 'ix',
      schema: 'db',
      table: { name: 't', schema: 'db' },
    })
    // SQLite qualifies the index, not its table.
    expect(statementObject('CREATE INDEX "aux"."ix" ON "t" ("a")')).toEqual({
      action: 'create',
      kind: 'index',
      name: 'ix',
      schema: 'aux',
      table: { name: 't', schema: 'aux' },
    })
    expect(statementObject('DROP INDEX `ix` ON `t`')).toMatchObject({
      action: 'drop',
      table: { name: 't' },
    })
    expect(statementObject('DROP INDEX CONCURRENTLY IF EXISTS "ix"')).toEqual({
      action: 'drop',
      kind: 'index',
      name: 'ix',
      schema: undefined,
      table: undefined,
    })
  })

  it('anything else has no object to look for', () => {
    for (const sql of [
      'ALTER TABLE t ADD COLUMN c int',
      'INSERT INTO t VALUES (1)',
      'CREATE VIEW v AS SELECT 1',
      '/* ALTER TABLE `t` MODIFY COLUMN `c`: restated from the live column when it runs */',
      '',
    ]) {
      expect(statementObject(sql)).toBeUndefined()
    }
  })
})
