import { describe, expect, it } from 'vitest'
import { COLUMN_TYPES } from '../src/operations/column.js'
import { columnTypeSql, PORTABLE_TYPES, portableTypeTable } from '../src/sql.js'

describe('portable type table', () => {
  it('has a rule for every portable column type', () => {
    expect(Object.keys(PORTABLE_TYPES).sort()).toEqual([...COLUMN_TYPES].sort())
  })

  it('writes lengths, precision and scale; raw types as written', () => {
    expect(columnTypeSql({ type: 'string' }, PORTABLE_TYPES)).toBe('VARCHAR(255)')
    expect(columnTypeSql({ type: 'string', length: 40 }, PORTABLE_TYPES)).toBe('VARCHAR(40)')
    expect(columnTypeSql({ type: 'decimal', precision: 10 }, PORTABLE_TYPES)).toBe('NUMERIC(10, 0)')
    expect(columnTypeSql({ type: 'timestamp', precision: 3 }, PORTABLE_TYPES)).toBe('TIMESTAMP(3)')
    expect(columnTypeSql({ type: { raw: 'CITEXT' } }, PORTABLE_TYPES)).toBe('CITEXT')
  })

  it('a dialect overrides some rules and keeps the others', () => {
    const table = portableTypeTable({ json: 'JSONB', time: 'TIME' })
    expect(columnTypeSql({ type: 'json' }, table)).toBe('JSONB')
    expect(columnTypeSql({ type: 'time', precision: 6 }, table)).toBe('TIME')
    expect(columnTypeSql({ type: 'bigint' }, table)).toBe('BIGINT')
    expect(Object.isFrozen(table)).toBe(true)
  })
})
