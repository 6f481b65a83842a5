import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { TableInfo } from '../dialect.js'
import { ConfigError } from '../errors.js'

/**
 * Validates the config's `ignore` value: one pattern or a list of them, each `TABLE` (a
 * table and everything in it) or `TABLE.NAME` (a column, index or constraint of the
 * table), where `*` matches any run of characters and `?` one character, letter case
 * ignored. `what` names the setting for errors.
 *
 * @example
 * ```ts
 * checkIgnorePatterns(['audit_*', 'account.legacy_*'], "'ignore'") // ['audit_*', 'account.legacy_*']
 * ```
 */
export function checkIgnorePatterns(value: unknown, what: string): readonly string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value]
  return Object.freeze(
    list.map((item, index) => {
      const where = Array.isArray(value) ? `${what}[${index}]` : what
      if (typeof item !== 'string' || item.trim() === '') {
        throw new ConfigError(
          `${where} must be a table pattern ('audit_*') or TABLE.NAME ('account.legacy_*'), not ${item === null ? 'null' : typeof item}`,
        )
      }
      const pattern = item.trim()
      if (pattern.split('.').length > 2 || pattern.startsWith('.') || pattern.endsWith('.')) {
        throw new ConfigError(
          `${where} is '${pattern}'; a pattern is TABLE or TABLE.NAME (a column, index or constraint), with * and ? as wildcards`,
        )
      }
      return pattern
    }),
  )
}

/**
 * A snapshot without what the `ignore` patterns name (see {@link checkIgnorePatterns}):
 * matching tables are left out whole; a matching column is left out with the indexes,
 * unique constraints and foreign keys that use it; a matching index or foreign key is left
 * out by its name. Pure.
 *
 * @example
 * ```ts
 * withoutIgnored(snapshot, ['audit_*']).tables.map((t) => t.name) // no 'audit_log'
 * ```
 */
export function withoutIgnored(
  snapshot: SchemaSnapshot,
  patterns: readonly string[],
): SchemaSnapshot {
  if (patterns.length === 0) return snapshot
  const tablePatterns = patterns.filter((p) => !p.includes('.')).map(globRegExp)
  const memberPatterns = patterns
    .filter((p) => p.includes('.'))
    .map((p) => {
      const [table, member] = p.split('.') as [string, string]
      return { table: globRegExp(table), member: globRegExp(member) }
    })
  const tables = snapshot.tables
    .filter((table) => !tablePatterns.some((re) => re.test(table.name)))
    .map((table) => {
      const members = memberPatterns.filter((p) => p.table.test(table.name)).map((p) => p.member)
      return members.length === 0 ? table : withoutMembers(table, members)
    })
  return Object.freeze({ tables: Object.freeze(tables) })
}

function withoutMembers(table: TableInfo, members: readonly RegExp[]): TableInfo {
  const hit = (name: string | undefined) =>
    name !== undefined && members.some((re) => re.test(name))
  const dropped = new Set(table.columns.filter((c) => hit(c.name)).map((c) => c.name))
  const uses = (columns: readonly string[]) => columns.some((c) => dropped.has(c))
  return Object.freeze({
    ...table,
    columns: Object.freeze(table.columns.filter((c) => !dropped.has(c.name))),
    indexes: Object.freeze(table.indexes.filter((i) => !hit(i.name) && !uses(i.columns))),
    ...(table.foreignKeys === undefined
      ? {}
      : {
          foreignKeys: Object.freeze(
            table.foreignKeys.filter((k) => !hit(k.name) && !uses(k.columns)),
          ),
        }),
    ...(table.checks === undefined
      ? {}
      : { checks: Object.freeze(table.checks.filter((c) => !hit(c.name))) }),
  })
}

function globRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 'i')
}
