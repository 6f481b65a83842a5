import { diffSchemas } from '../autogenerate/diff-schemas.js'
import type { LoadedRevisions } from '../session/load-revisions.js'
import { readSchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { Dialect, QualifiedName } from '../dialect.js'
import { revisionsTarget } from '../graph/target.js'
import { describeOperation } from '../operations/describe-operation.js'
import type { Operation } from '../operations/operation.js'
import { ledgerTableFor } from '../runtime/ledger-record.js'
import { progressTableFor } from '../runtime/progress-table.js'
import { withoutIgnored } from './ignore-patterns.js'
import { replaySchema } from './replay-schema.js'
import type { SchemaCacheOptions } from './schema-cache.js'

/**
 * The kind of database object a drift finding concerns.
 *
 * @example
 * ```ts
 * const type: DriftObjectType = 'index'
 * ```
 */
export type DriftObjectType =
  | 'table'
  | 'column'
  | 'index'
  | 'unique'
  | 'foreignKey'
  | 'check'
  | 'primaryKey'
  | 'constraint'
  | 'comment'
  | 'schema'

/**
 * The object a drift finding concerns: its type, its table (for what lives in a table) and
 * its name (absent for a constraint the database keeps no name for, a comment, a note).
 *
 * @example
 * ```ts
 * const object: DriftObject = { type: 'column', table: 'account', name: 'nickname' }
 * ```
 */
export interface DriftObject {
  readonly type: DriftObjectType
  readonly table?: string | undefined
  readonly name?: string | undefined
}

/**
 * One way the live database differs from the schema its applied revisions produce:
 * `extra` (in the database, made by no revision), `missing` (made by the revisions, absent
 * from the database) or `differs` (both have it, differently).
 *
 * @example
 * ```ts
 * const finding: DriftFinding = {
 *   change: 'extra',
 *   object: { type: 'column', table: 'account', name: 'nickname' },
 *   message: "column 'account.nickname' is in the database but no revision adds it",
 * }
 * ```
 */
export interface DriftFinding {
  readonly change: 'extra' | 'missing' | 'differs'
  readonly object: DriftObject
  readonly message: string
  /** The operation that would make the revisions' schema into the database's, described. */
  readonly operation?: string | undefined
}

/**
 * Options of {@link compareLiveSchema}.
 *
 * @example
 * ```ts
 * const options: CompareLiveSchemaOptions = { heads: ['3f1c2a9b7d10'], versionTable: { name: 'retort_version' } }
 * ```
 */
export interface CompareLiveSchemaOptions {
  /** The database's version rows: the revisions are replayed up to them. */
  readonly heads: readonly string[]
  readonly versionTable: QualifiedName
  /** The ledger table (left out); default: the one derived from the version table. */
  readonly ledgerTable?: QualifiedName | undefined
  /** The schema of the database to read (PostgreSQL); default: the connection's own. */
  readonly schema?: string | undefined
  /** Table patterns left out on both sides (the config's `ignore`). */
  readonly ignore?: readonly string[] | undefined
  /** Where replayed schemas are cached; `false`: no cache. */
  readonly cache?: SchemaCacheOptions | false | undefined
}

/**
 * Compares the live schema of a database with the schema its applied revisions produce:
 * the revisions up to the database's version rows are replayed on a scratch database of the
 * same dialect (SQLite in memory, a temporary schema on PostgreSQL, a temporary database on
 * MySQL; see `replaySchema`, cached by revision checksums), both are introspected (the
 * version, progress and ledger tables and the `ignore` patterns left out), and compared with
 * `diffSchemas`. Returns one finding per difference; empty when nobody changed the schema
 * by hand.
 *
 * @example
 * ```ts
 * const drift = await compareLiveSchema(dialect, loaded, { heads: state.heads, versionTable })
 * drift.map((d) => d.message) // ["index 'ix_account_email' on 'account' is made by the revisions but missing from the database"]
 * ```
 */
export async function compareLiveSchema(
  dialect: Dialect,
  loaded: LoadedRevisions,
  options: CompareLiveSchemaOptions,
): Promise<DriftFinding[]> {
  const name = options.versionTable.name
  const exclude = [
    name,
    progressTableFor({ name }).name,
    (options.ledgerTable ?? ledgerTableFor({ name })).name,
  ]
  const live = await readSchemaSnapshot(dialect, { schema: options.schema, exclude })
  const replayed =
    options.heads.length === 0
      ? { snapshot: { tables: [] } }
      : await replaySchema(dialect, loaded, {
          target: revisionsTarget(options.heads),
          versionTable: name,
          cache: options.cache,
        })
  const ignore = options.ignore ?? []
  const diff = diffSchemas(withoutIgnored(replayed.snapshot, ignore), withoutIgnored(live, ignore))
  return [
    ...diff.operations.map(describeDrift),
    ...diff.notes.map((message) =>
      Object.freeze({
        change: 'differs' as const,
        object: Object.freeze({ type: 'schema' as const }),
        message,
      }),
    ),
  ]
}

/**
 * The finding for an operation that turns the revisions' schema into the live one.
 *
 * @example
 * ```ts
 * describeDrift(op.dropIndex('ix_account_email', { table: 'account' })).change // 'missing'
 * ```
 */
export function describeDrift(operation: Operation): DriftFinding {
  const [change, object, message] = findingOf(operation)
  return Object.freeze({
    change,
    object: Object.freeze(object),
    message,
    operation: describeOperation(operation),
  })
}

const EXTRA = 'is in the database but no revision'
const MISSING = 'is made by the revisions but missing from the database'

function findingOf(operation: Operation): [DriftFinding['change'], DriftObject, string] {
  switch (operation.kind) {
    case 'createTable':
      return [
        'extra',
        { type: 'table', name: operation.name },
        `table '${operation.name}' ${EXTRA} creates it`,
      ]
    case 'dropTable':
      return [
        'missing',
        { type: 'table', name: operation.name },
        `table '${operation.name}' ${MISSING}`,
      ]
    case 'renameTable':
      return [
        'differs',
        { type: 'table', name: operation.from },
        `table '${operation.from}' is '${operation.to}' in the database`,
      ]
    case 'addColumn':
      return [
        'extra',
        { type: 'column', table: operation.table, name: operation.column.name },
        `column '${operation.table}.${operation.column.name}' ${EXTRA} adds it`,
      ]
    case 'dropColumn':
      return [
        'missing',
        { type: 'column', table: operation.table, name: operation.name },
        `column '${operation.table}.${operation.name}' ${MISSING}`,
      ]
    case 'alterColumn': {
      const changes: string[] = []
      if (operation.newName !== undefined) changes.push(`renamed to '${operation.newName}'`)
      if (operation.type !== undefined) changes.push('its type differs')
      if (operation.nullable !== undefined) {
        changes.push(operation.nullable ? 'nullable in the database' : 'NOT NULL in the database')
      }
      if ('default' in operation || 'defaultSql' in operation) changes.push('its default differs')
      if ('comment' in operation) changes.push('its comment differs')
      return [
        'differs',
        { type: 'column', table: operation.table, name: operation.name },
        `column '${operation.table}.${operation.name}' differs from the revisions: ${changes.join('; ')}`,
      ]
    }
    case 'createIndex':
      return [
        'extra',
        { type: 'index', table: operation.table, name: operation.name },
        `index '${operation.name}' on '${operation.table}' ${EXTRA} creates it`,
      ]
    case 'dropIndex':
      return [
        'missing',
        { type: 'index', table: operation.table, name: operation.name },
        `index '${operation.name}'${operation.table === undefined ? '' : ` on '${operation.table}'`} ${MISSING}`,
      ]
    case 'createUniqueConstraint':
      return [
        'extra',
        { type: 'unique', table: operation.table, name: operation.name || undefined },
        `unique constraint on '${operation.table}' (${operation.columns.join(', ')}) ${EXTRA} creates it`,
      ]
    case 'createForeignKey':
      return [
        'extra',
        { type: 'foreignKey', table: operation.table, name: operation.name || undefined },
        `foreign key '${operation.table}' (${operation.columns.join(', ')}) -> '${operation.references.table}' ${EXTRA} creates it`,
      ]
    case 'createCheckConstraint':
      return [
        'extra',
        { type: 'check', table: operation.table, name: operation.name || undefined },
        `check constraint on '${operation.table}' (${operation.expression}) ${EXTRA} creates it`,
      ]
    case 'createPrimaryKey':
      return [
        'extra',
        { type: 'primaryKey', table: operation.table, name: operation.name || undefined },
        `primary key of '${operation.table}' (${operation.columns.join(', ')}) ${EXTRA} creates it`,
      ]
    case 'dropConstraint': {
      const type: DriftObjectType =
        operation.type === 'foreignKey' ||
        operation.type === 'unique' ||
        operation.type === 'check' ||
        operation.type === 'primaryKey'
          ? operation.type
          : 'constraint'
      const what = {
        foreignKey: 'foreign key',
        unique: 'unique constraint',
        check: 'check constraint',
        primaryKey: 'primary key',
      }[type as string]
      return [
        'missing',
        { type, table: operation.table, name: operation.name },
        `${what ?? 'constraint'} '${operation.name}' on '${operation.table}' ${MISSING}`,
      ]
    }
    case 'createTableComment':
    case 'dropTableComment':
      return [
        'differs',
        { type: 'comment', table: operation.table },
        `the comment of table '${operation.table}' differs from the revisions`,
      ]
    case 'execute':
    case 'bulkInsert':
      return ['differs', { type: 'schema' }, describeOperation(operation)]
    default: {
      const _never: never = operation
      return ['differs', { type: 'schema' }, describeOperation(_never)]
    }
  }
}
