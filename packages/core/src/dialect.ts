import type { ReferentialAction } from './operations/column.js'
import type { Operation } from './operations/operation.js'
import type { ProgressRecord } from './progress-record.js'

export { sqlComment } from './sql-comment.js'
// What a dialect package needs of core besides the interfaces below: operations described in
// words for its messages, and server URLs parsed and masked as core does.
export { describeOperation } from './operations/describe-operation.js'
export { parseServerUrl, type ServerUrl } from './config/database-url.js'
export { maskSecrets, maskUrl, urlSecrets } from './config/mask-url.js'

/**
 * A SQL statement with its values kept apart: `sql` uses the dialect's placeholders and
 * every value is in `parameters`, never spliced into the text.
 */
export interface CompiledStatement {
  readonly sql: string
  readonly parameters: readonly unknown[]
}

/** A table name with an optional schema (PostgreSQL schema, MySQL database). */
export interface QualifiedName {
  readonly name: string
  readonly schema?: string | undefined
}

/** The rows a statement returned (empty for DDL) and how many rows it changed. */
export interface ExecuteResult {
  readonly rows: readonly Record<string, unknown>[]
  readonly rowCount: number
}

/** One open connection. Not shared between concurrent runs. */
export interface Connection {
  execute(statement: CompiledStatement): Promise<ExecuteResult>
  begin(): Promise<void>
  commit(): Promise<void>
  rollback(): Promise<void>
  /** Closes the connection unless it was handed in by the application. */
  close(): Promise<void>
}

/** Opens connections. */
export interface Driver {
  connect(): Promise<Connection>
  /** Releases what the driver itself opened (pools it created); never the application's own. */
  destroy(): Promise<void>
}

/**
 * Pure translation of operations to SQL. `compile` never touches a database; offline mode
 * is compile-and-print.
 */
export interface Compiler {
  compile(operation: Operation): readonly CompiledStatement[]
  quoteIdentifier(name: string): string
  /** Renders a statement with its parameters as safely quoted literals, for SQL scripts. */
  inline(statement: CompiledStatement): string
  createVersionTable(table: QualifiedName, idLength: number): readonly CompiledStatement[]
  selectVersions(table: QualifiedName): CompiledStatement
  insertVersion(table: QualifiedName, revision: string): CompiledStatement
  updateVersion(table: QualifiedName, from: string, to: string): CompiledStatement
  deleteVersion(table: QualifiedName, revision: string): CompiledStatement
  /**
   * Optional: `CREATE TABLE IF NOT EXISTS` of the progress table (see
   * {@link ProgressCompiler}). Without it core compiles a portable default through
   * `compile()`.
   */
  createProgressTable?(table: QualifiedName, idLength: number): readonly CompiledStatement[]
  /** Optional: reads the progress rows, columns named as in `PROGRESS_COLUMNS`. */
  selectProgress?(table: QualifiedName): CompiledStatement
  /** Optional: inserts a progress record. */
  insertProgress?(table: QualifiedName, record: ProgressRecord): CompiledStatement
  /** Optional: overwrites the progress record of `record.revision`. */
  updateProgress?(table: QualifiedName, record: ProgressRecord): CompiledStatement
  /** Optional: deletes the progress record of a revision. */
  deleteProgress?(table: QualifiedName, revision: string): CompiledStatement
  /**
   * Optional: what an offline SQL script needs around its statements on this database
   * (see {@link ScriptFrame}); without it the script has none of that.
   */
  scriptFrame?(versionTable: QualifiedName): ScriptFrame
}

/**
 * What an offline SQL script writes around the compiled statements on one database, for
 * what an online run does through its connection: the session settings it makes before the
 * first statement and restores after the last, and the checks it runs before committing.
 * Core writes `start` at the top (before any BEGIN), `check(...)` before every COMMIT (and
 * once at the end for what ran outside a transaction), and `end` at the bottom.
 *
 * @example
 * ```ts
 * const frame: ScriptFrame = {
 *   notes: ['run it with psql -v ON_ERROR_STOP=1'],
 *   start: [{ sql: 'SET search_path TO "tenant_a"', parameters: [] }],
 *   check: () => [],
 *   end: [],
 * }
 * ```
 */
export interface ScriptFrame {
  /** Comment lines for the top of the script (how to run it, what it switches); plain text. */
  readonly notes: readonly string[]
  /** Statements before anything else: PostgreSQL's schema and `search_path`, SQLite's foreign keys off. */
  readonly start: readonly CompiledStatement[]
  /**
   * Statements that make the script fail when `statements` (those written since the last
   * check) left something the database did not check while they ran: SQLite's foreign keys.
   * Empty when there is nothing to check.
   */
  check(statements: readonly CompiledStatement[]): readonly CompiledStatement[]
  /** Statements after everything else: SQLite's foreign keys back on. */
  readonly end: readonly CompiledStatement[]
}

/**
 * The SQL of the progress table, where a revision that runs outside a transaction records
 * how far it got (see {@link ProgressRecord}). Every {@link Compiler} may implement these
 * methods; core fills in those it lacks with `DefaultProgressCompiler`, which builds them
 * from `createTable`, `bulkInsert` and `execute` operations through the dialect's own
 * `compile()` (values bound, identifiers quoted with `quoteIdentifier`).
 *
 * @example
 * ```ts
 * const progress: ProgressCompiler = progressCompilerOf(dialect.createCompiler())
 * progress.deleteProgress({ name: 'retort_version_progress' }, 'a1')
 * ```
 */
export interface ProgressCompiler {
  createProgressTable(table: QualifiedName, idLength: number): readonly CompiledStatement[]
  selectProgress(table: QualifiedName): CompiledStatement
  insertProgress(table: QualifiedName, record: ProgressRecord): CompiledStatement
  updateProgress(table: QualifiedName, record: ProgressRecord): CompiledStatement
  deleteProgress(table: QualifiedName, revision: string): CompiledStatement
}

/** Options for taking the cross-process migration lock. */
export interface MigrationLockOptions {
  readonly versionTable: QualifiedName
  /** How long to wait for another process's lock before failing, in ms. */
  readonly timeoutMs: number
}

/**
 * Capabilities and behaviour that differ between databases. Extend {@link AdapterBase} so
 * a capability added later gets a default.
 */
export interface Adapter {
  /** DDL can be rolled back with the transaction (SQLite, PostgreSQL; not MySQL). */
  readonly supportsTransactionalDdl: boolean
  /** Whether the version table exists (a read: never creates it). */
  hasTable(connection: Connection, table: QualifiedName): Promise<boolean>
  /**
   * Takes a lock that other processes migrating the same database and version table wait
   * on. Throws {@link LockTimeoutError} when `timeoutMs` passes first.
   */
  acquireMigrationLock(connection: Connection, options: MigrationLockOptions): Promise<void>
  releaseMigrationLock(connection: Connection, options: MigrationLockOptions): Promise<void>
}

/** Defaults for {@link Adapter}; dialects extend it. */
export abstract class AdapterBase implements Adapter {
  get supportsTransactionalDdl(): boolean {
    return false
  }
  abstract hasTable(connection: Connection, table: QualifiedName): Promise<boolean>
  async acquireMigrationLock(
    _connection: Connection,
    _options: MigrationLockOptions,
  ): Promise<void> {}
  async releaseMigrationLock(
    _connection: Connection,
    _options: MigrationLockOptions,
  ): Promise<void> {}
}

/** A column as the live database reports it. */
export interface ColumnInfo {
  readonly name: string
  readonly type: string
  readonly nullable: boolean
  readonly defaultSql: string | null
  readonly primaryKey: boolean
  /** Optional: values generated by the database (an identity column); autogenerate keeps it. */
  readonly autoincrement?: boolean | undefined
  /**
   * Optional: the column's comment, `null` when it has none. Autogenerate passes it on as
   * `existingComment`, which an offline MySQL script needs to restate the column.
   */
  readonly comment?: string | null | undefined
}

/** An index as the live database reports it. */
export interface IndexInfo {
  readonly name: string
  readonly columns: readonly string[]
  readonly unique: boolean
  /**
   * Optional: `true` when the index is the one behind a UNIQUE constraint (not a
   * `CREATE INDEX`). Autogenerate writes such an index as a unique constraint.
   */
  readonly constraint?: boolean | undefined
  /** Optional: the predicate of a partial index, as the database prints it. */
  readonly where?: string | undefined
}

/**
 * A foreign key as the live database reports it (what autogenerate compares). `name` is
 * absent where the database does not keep constraint names (SQLite).
 *
 * @example
 * ```ts
 * const fk: ForeignKeyInfo = { columns: ['parent_id'], references: { table: 'parent', columns: ['id'] }, onDelete: 'CASCADE' }
 * ```
 */
export interface ForeignKeyInfo {
  readonly name?: string | undefined
  readonly columns: readonly string[]
  readonly references: {
    readonly table: string
    readonly schema?: string | undefined
    readonly columns: readonly string[]
  }
  /** Canonical spelling (`CASCADE`, `SET NULL` ...); absent for the default `NO ACTION`. */
  readonly onDelete?: ReferentialAction | undefined
  readonly onUpdate?: ReferentialAction | undefined
}

/**
 * A CHECK constraint as the live database reports it (what autogenerate compares). `name`
 * is absent where the database keeps none (an unnamed CHECK on SQLite).
 *
 * @example
 * ```ts
 * const check: CheckInfo = { name: 'item_price_check', expression: '(price >= 0)' }
 * ```
 */
export interface CheckInfo {
  readonly name?: string | undefined
  /** The expression as the database prints it, without the `CHECK` keyword. */
  readonly expression: string
}

/** A table as the live database reports it. */
export interface TableInfo {
  readonly name: string
  readonly schema?: string | undefined
  readonly columns: readonly ColumnInfo[]
  readonly indexes: readonly IndexInfo[]
  /** Optional: the table's foreign keys; autogenerate needs them. */
  readonly foreignKeys?: readonly ForeignKeyInfo[] | undefined
  /** Optional: the table's CHECK constraints; autogenerate compares them when reported. */
  readonly checks?: readonly CheckInfo[] | undefined
  /** Optional: the table's comment, `null` when it has none; compared when reported. */
  readonly comment?: string | null | undefined
}

/** Reads the live schema (for `check`, autogenerate and the dialects' own rebuilds). */
export interface Introspector {
  listTables(connection: Connection, schema?: string): Promise<readonly string[]>
  getTable(connection: Connection, table: QualifiedName): Promise<TableInfo | undefined>
}

/**
 * A database dialect: the factory of everything database-specific. Core knows dialects
 * only through this interface.
 *
 * @example
 * ```ts
 * import { sqliteDialect } from '@retort/dialect-sqlite'
 * const dialect: Dialect = sqliteDialect({ filename: '/data/app.db' })
 * ```
 */
export interface Dialect {
  /** `sqlite`, `postgresql`, `mysql` ... */
  readonly name: string
  /** Where it connects, with any password removed: safe to print. */
  readonly description: string
  createDriver(): Driver
  createCompiler(): Compiler
  createAdapter(): Adapter
  createIntrospector(): Introspector
  /**
   * Optional: an empty database of the same kind that autogenerate upgrades to the heads and
   * compares with this one (SQLite: a temporary file; PostgreSQL: a temporary schema; MySQL:
   * a temporary database). Without it, `revision --autogenerate` is refused for this dialect.
   */
  createScratch?(): Promise<ScratchDatabase>
}

/**
 * An empty, throw-away database made by {@link Dialect.createScratch}: `dialect` connects to
 * it, `schema` (when set) is where its tables are, and `dispose()` removes it.
 *
 * @example
 * ```ts
 * const scratch = await dialect.createScratch!()
 * try {
 *   // upgrade scratch.dialect, introspect it
 * } finally {
 *   await scratch.dispose()
 * }
 * ```
 */
export interface ScratchDatabase {
  readonly dialect: Dialect
  /** The schema to introspect (PostgreSQL); default: the connection's own. */
  readonly schema?: string | undefined
  dispose(): Promise<void>
}
