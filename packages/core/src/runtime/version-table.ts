import type { Compiler, CompiledStatement, Connection, QualifiedName, Adapter } from '../dialect.js'
import { VersionTableConflictError } from '../errors.js'
import type { RowChange } from '../graph/planner.js'

/** Default name of the version table. */
export const DEFAULT_VERSION_TABLE = 'retort_version'

/** Width of `version_num`: room for long custom ids. */
export const VERSION_ID_LENGTH = 255

/**
 * The version table of one database: one row per head the database is at. Reads never
 * create it; writes check that each UPDATE/DELETE matched exactly one row, so a concurrent
 * change shows up as an error instead of a silent success.
 *
 * @example
 * ```ts
 * const table = new VersionTable(connection, dialect.createCompiler(), dialect.createAdapter(), { name: 'retort_version' })
 * const rows = await table.read() // [] when the table does not exist
 * ```
 */
export class VersionTable {
  readonly #connection: Connection
  readonly #compiler: Compiler
  readonly #adapter: Adapter
  readonly #table: QualifiedName

  constructor(connection: Connection, compiler: Compiler, adapter: Adapter, table: QualifiedName) {
    this.#connection = connection
    this.#compiler = compiler
    this.#adapter = adapter
    this.#table = table
  }

  /** The table's name as written in messages. */
  get displayName(): string {
    return displayName(this.#table)
  }

  exists(): Promise<boolean> {
    return this.#adapter.hasTable(this.#connection, this.#table)
  }

  /** The current rows; `[]` when the table does not exist (and it is not created). */
  async read(): Promise<string[]> {
    if (!(await this.exists())) return []
    const result = await this.#connection.execute(this.#compiler.selectVersions(this.#table))
    return result.rows.map((row) => String(row['version_num']))
  }

  /** Creates the table if it is missing. */
  async ensure(): Promise<void> {
    for (const statement of this.#compiler.createVersionTable(this.#table, VERSION_ID_LENGTH)) {
      await this.#connection.execute(statement)
    }
  }

  /** Deletes every row (`stamp --purge`). */
  async purge(current: readonly string[]): Promise<void> {
    for (const id of current) {
      await this.#run(this.#compiler.deleteVersion(this.#table, id), `delete '${id}'`, false)
    }
  }

  /** Applies row changes, checking each UPDATE/DELETE touched exactly one row. */
  async apply(changes: readonly RowChange[]): Promise<void> {
    const statements = versionStatements(this.#compiler, this.#table, changes)
    for (const [index, change] of changes.entries()) {
      await this.#run(statements[index]!, describeChange(change), change.op !== 'insert')
    }
  }

  async #run(statement: CompiledStatement, what: string, exactlyOne: boolean): Promise<void> {
    const result = await this.#connection.execute(statement)
    if (exactlyOne && result.rowCount !== 1) {
      throw new VersionTableConflictError(
        this.displayName,
        `${what} matched ${result.rowCount} rows instead of 1`,
      )
    }
  }
}

/** `schema.table` or `table`. */
export function displayName(table: QualifiedName): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name
}

/** Version-table statements without a connection, for offline SQL. */
export function versionStatements(
  compiler: Compiler,
  table: QualifiedName,
  changes: readonly RowChange[],
): CompiledStatement[] {
  return changes.map((change) => {
    switch (change.op) {
      case 'insert':
        return compiler.insertVersion(table, change.revision)
      case 'update':
        return compiler.updateVersion(table, change.from, change.to)
      case 'delete':
        return compiler.deleteVersion(table, change.revision)
    }
  })
}

function describeChange(change: RowChange): string {
  switch (change.op) {
    case 'insert':
      return `insert '${change.revision}'`
    case 'update':
      return `update '${change.from}' to '${change.to}'`
    case 'delete':
      return `delete '${change.revision}'`
  }
}
