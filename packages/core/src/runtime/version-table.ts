import type {
  Adapter,
  ColumnInfo,
  Compiler,
  CompiledStatement,
  Connection,
  ExecuteResult,
  Introspector,
  QualifiedName,
} from '../dialect.js'
import { VersionTableConflictError, VersionTableShapeError } from '../errors.js'
import type { RowChange } from '../graph/version-rows.js'
import { VERSION_ID_LENGTH } from '../run-settings.js'

/** The column holding the ids. */
const VERSION_COLUMN = 'version_num'

/**
 * The version table of one database: one row per head the database is at. Reads never
 * create it; writes check that each UPDATE/DELETE matched exactly one row, so a concurrent
 * change shows up as an error instead of a silent success. A table of that name that is not
 * shaped as Retort's (another tool's table, a hand-made one) is refused when it is read,
 * before anything is written, with {@link VersionTableShapeError}.
 *
 * @example
 * ```ts
 * const table = new VersionTable(connection, dialect.createCompiler(), dialect.createAdapter(), { name: 'retort_version' }, dialect.createIntrospector())
 * const rows = await table.read() // [] when the table does not exist
 * ```
 */
export class VersionTable {
  readonly #connection: Connection
  readonly #compiler: Compiler
  readonly #adapter: Adapter
  readonly #table: QualifiedName
  readonly #introspector: Introspector

  constructor(
    connection: Connection,
    compiler: Compiler,
    adapter: Adapter,
    table: QualifiedName,
    introspector: Introspector,
  ) {
    this.#connection = connection
    this.#compiler = compiler
    this.#adapter = adapter
    this.#table = table
    this.#introspector = introspector
  }

  /** The table's name as written in messages. */
  get displayName(): string {
    return displayName(this.#table)
  }

  exists(): Promise<boolean> {
    return this.#adapter.hasTable(this.#connection, this.#table)
  }

  /**
   * The current rows; `[]` when the table does not exist (and it is not created). The read is
   * also the check of the table's shape: a SELECT of `version_num` that fails, or gives
   * something other than text, makes the table's columns be looked up, and a table without a
   * text `version_num` is a {@link VersionTableShapeError}. A table that reads well costs
   * nothing more.
   */
  async read(): Promise<string[]> {
    if (!(await this.exists())) return []
    let result: ExecuteResult
    try {
      result = await this.#connection.execute(this.#compiler.selectVersions(this.#table))
    } catch (error) {
      throw (await this.#shapeError(error)) ?? error
    }
    const ids: string[] = []
    for (const row of result.rows) {
      const value = row[VERSION_COLUMN]
      if (typeof value !== 'string') {
        const shape = await this.#shapeError(undefined)
        if (shape !== undefined) throw shape
      }
      ids.push(String(value))
    }
    return ids
  }

  /**
   * What is wrong with the table's columns, as an error; `undefined` when they look right (the
   * failure that led here was something else: a permission, a lost connection).
   */
  async #shapeError(cause: unknown): Promise<VersionTableShapeError | undefined> {
    let columns: readonly ColumnInfo[]
    try {
      const info = await this.#introspector.getTable(this.#connection, this.#table)
      if (info === undefined) return undefined
      columns = info.columns
    } catch {
      return undefined
    }
    const column =
      columns.find((c) => c.name === VERSION_COLUMN) ??
      columns.find((c) => c.name.toLowerCase() === VERSION_COLUMN)
    let problem: string
    if (column === undefined) {
      problem = `no column '${VERSION_COLUMN}'`
    } else if (column.type !== '' && !/char|text|clob|string/i.test(column.type)) {
      problem = `column '${column.name}' is ${column.type}, not text`
    } else {
      return undefined
    }
    return new VersionTableShapeError(
      this.displayName,
      problem,
      columns.map((c) => `${c.name} ${c.type || '(no type)'}`.trim()),
      VERSION_ID_LENGTH,
      cause === undefined ? undefined : { cause },
    )
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
