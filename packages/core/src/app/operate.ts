import type { CompiledStatement, Connection, Dialect, QualifiedName } from '../dialect.js'
import { RetortError } from '../errors.js'
import type { MigrationEvent } from '../env/logger.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import { DEFAULT_LOCK_TIMEOUT, DEFAULT_VERSION_TABLE } from '../run-settings.js'
import { observedConnection } from '../runtime/observed-connection.js'
import { OfflineScript } from '../runtime/offline-script.js'

/** What {@link operate} runs: a function that builds operations on `op`, as a revision does. */
export type OperationsBody = (op: Operations) => unknown

/** Options of {@link operate}. */
export interface OperateOptions {
  /** Compile only and return the SQL script; nothing connects. */
  readonly sql?: boolean | undefined
  /**
   * The version table whose migration lock is taken (the lock is scoped by database, schema
   * and version table, so migrations of the same database wait for these operations). Never
   * read or written. Default `retort_version`.
   */
  readonly versionTable?: QualifiedName | undefined
  /** How long to wait for the migration lock, in ms. */
  readonly lockTimeoutMs?: number | undefined
  /** `statement` and `transaction` events, as for a migration. */
  readonly onEvent?: ((event: MigrationEvent) => void) | undefined
}

/** What {@link operate} returns. */
export interface OperateResult {
  /** The operations built, in order. */
  readonly operations: readonly Operation[]
  /** Statements executed (compiled, with `sql: true`). */
  readonly statements: number
  /** Whether they ran in one transaction (all or nothing). */
  readonly transactional: boolean
  /** With `sql: true`: the script. */
  readonly sql?: string | undefined
}

/**
 * Runs operations on a connection without a revision: the same builders, compilers and
 * SQLite table rebuild (foreign keys suspended, the children of a rebuilt table kept) as a
 * migration, in one transaction where the database can roll DDL back (SQLite, PostgreSQL;
 * MySQL commits each DDL statement), under the migration lock. The version table is never
 * read or written. The dialect may wrap the application's own handle or pool
 * (`sqliteDialect({ database })`, `postgresDialect({ pool })` ...), which stays open.
 *
 * @example
 * ```ts
 * await operate(sqliteDialect({ database: appDb }), (op) => {
 *   op.alterColumn('account', 'email', { nullable: true })
 * })
 * ```
 */
export async function operate(
  dialect: Dialect,
  body: OperationsBody,
  options: OperateOptions = {},
): Promise<OperateResult> {
  if (typeof body !== 'function') {
    throw new RetortError(
      'operate-body',
      'operate needs a function that builds operations: operate(dialect, (op) => { op.addColumn(...) })',
    )
  }
  const versionTable = options.versionTable ?? { name: DEFAULT_VERSION_TABLE }
  const transactional = dialect.createAdapter().supportsTransactionalDdl
  if (options.sql) return compileOnly(dialect, body, versionTable, transactional)

  const driver = dialect.createDriver()
  try {
    const connection = observedConnection(await driver.connect(), options.onEvent)
    try {
      const adapter = dialect.createAdapter()
      const lock = { versionTable, timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT }
      await adapter.acquireMigrationLock(connection, lock)
      try {
        return await runInside(dialect, connection, body, transactional)
      } finally {
        await adapter.releaseMigrationLock(connection, lock)
      }
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}

async function runInside(
  dialect: Dialect,
  connection: Connection,
  body: OperationsBody,
  transactional: boolean,
): Promise<OperateResult> {
  const compiler = dialect.createCompiler()
  const built: Operation[] = []
  let count = 0
  let failing: CompiledStatement | undefined
  const run = async (operations: readonly Operation[]) => {
    built.push(...operations)
    // Compiled before any runs: a compile error applies nothing.
    const statements = operations.flatMap((operation) => [...compiler.compile(operation)])
    for (const statement of statements) {
      failing = statement
      await connection.execute(statement)
      failing = undefined
      count += 1
    }
  }
  const op = new Operations({
    dialect: dialect.name,
    offline: false,
    query: async (pending, sql, parameters) => {
      await run(pending)
      return (await connection.execute({ sql, parameters })).rows
    },
  })
  if (transactional) await connection.begin()
  try {
    await body(op)
    await run(op.takePending())
    if (transactional) await connection.commit()
  } catch (error) {
    if (transactional) {
      try {
        await connection.rollback()
      } catch {
        // The original error says more; SQLite may have rolled back already.
      }
    }
    throw operateError(error, failing, transactional, count)
  }
  return Object.freeze({
    operations: Object.freeze(built),
    statements: count,
    transactional,
  })
}

async function compileOnly(
  dialect: Dialect,
  body: OperationsBody,
  versionTable: QualifiedName,
  transactional: boolean,
): Promise<OperateResult> {
  const compiler = dialect.createCompiler()
  const op = new Operations({ dialect: dialect.name, offline: true })
  await body(op)
  const operations = op.takePending()
  const script = new OfflineScript(`Retort operations (${dialect.name})`, compiler, {
    transactions: transactional,
    versionTable,
  })
  script.blank()
  if (transactional) script.begin()
  let count = 0
  for (const operation of operations) {
    for (const statement of compiler.compile(operation)) {
      script.statement(statement, compiler.inline(statement))
      count += 1
    }
  }
  if (transactional) script.commit()
  return Object.freeze({
    operations: Object.freeze(operations),
    statements: count,
    transactional,
    sql: script.text(),
  })
}

function operateError(
  error: unknown,
  statement: CompiledStatement | undefined,
  transactional: boolean,
  done: number,
): unknown {
  if (error instanceof RetortError && statement === undefined) return error
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')
  const at =
    statement === undefined
      ? ''
      : ` at statement \`${statement.sql.replace(/\s+/g, ' ').slice(0, 200)}\``
  const outcome = transactional
    ? 'nothing was applied (rolled back)'
    : done === 0
      ? 'nothing was applied'
      : `the ${done} statement${done === 1 ? '' : 's'} before it stayed applied (this database commits each DDL statement)`
  return new RetortError('operate-failed', `operations failed${at}: ${reason}; ${outcome}`, {
    cause: error,
  })
}
