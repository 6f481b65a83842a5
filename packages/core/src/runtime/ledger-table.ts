import { readFileSync } from 'node:fs'
import type {
  Adapter,
  CompiledStatement,
  Compiler,
  Connection,
  Dialect,
  QualifiedName,
} from '../dialect.js'
import { RetortError } from '../errors.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import { LEDGER_COLUMNS, type LedgerOutcome, type LedgerRecord } from './ledger-record.js'
import { truncateProgressText } from '../progress-record.js'
import { VERSION_ID_LENGTH } from '../run-settings.js'
import { displayName } from './version-table.js'

const C = LEDGER_COLUMNS

/** A ledger row before it is written: the database numbers it. */
export type LedgerEntry = Omit<LedgerRecord, 'id'>

/**
 * The version of `@retort/core` that writes a ledger row.
 *
 * @example
 * ```ts
 * RETORT_VERSION // '0.1.0'
 * ```
 */
export const RETORT_VERSION: string = readVersion()

function readVersion(): string {
  try {
    const json = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown }
    return typeof json.version === 'string' ? json.version : 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The ledger of one database (`<versionTable>_ledger`, or the config's `ledgerTable`): an
 * append-only table with one row per step run (see {@link LedgerRecord}). Reading never
 * creates it; the first row written creates it, so a database migrated before the ledger
 * existed keeps working and gets one from its next run. Every statement is compiled by the
 * dialect's own compiler from operations: identifiers quoted, values bound.
 *
 * @example
 * ```ts
 * const ledger = new LedgerTable(connection, dialect.createCompiler(), dialect.createAdapter(), ledgerTableFor(versionTable))
 * const rows = await ledger.read() // [] when there is no ledger yet
 * ```
 */
export class LedgerTable {
  readonly #connection: Connection
  readonly #compiler: Compiler
  readonly #adapter: Adapter
  readonly #table: QualifiedName
  #exists: boolean | undefined

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

  /** Whether the table exists (asked once, then remembered). */
  async exists(): Promise<boolean> {
    return (this.#exists ??= await this.#adapter.hasTable(this.#connection, this.#table))
  }

  /** Asks again whether the table exists (after a rollback that may have undone its creation). */
  forgetExists(): void {
    this.#exists = undefined
  }

  /** Every row, oldest first; none when the table does not exist. */
  async read(): Promise<LedgerRecord[]> {
    if (!(await this.exists())) return []
    const columns = Object.values(C).map((c) => this.#q(c))
    let rows: readonly Record<string, unknown>[]
    try {
      rows = (
        await this.#connection.execute(
          this.#execute(
            `SELECT ${columns.join(', ')} FROM ${this.#name()} ORDER BY ${this.#q(C.id)}`,
            [],
          ),
        )
      ).rows
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new RetortError(
        'unreadable-ledger',
        `cannot read the ledger table '${this.displayName}' (${reason.replace(/\s+/g, ' ').trim()}); Retort keeps the columns ${Object.values(C).join(', ')} there: if this table is something else of the same name, rename it or set 'ledgerTable' in the config to another name`,
        { cause: error },
      )
    }
    return rows.map(toRecord)
  }

  /** The statements that create the table if it is missing. */
  createStatements(): CompiledStatement[] {
    const op = operations()
    op.createTable(
      this.#table.name,
      [
        op.column(C.id, 'integer', { primaryKey: true, autoincrement: true }),
        op.column(C.revision, 'string', { length: VERSION_ID_LENGTH, nullable: false }),
        op.column(C.direction, 'string', { length: 4, nullable: false }),
        op.column(C.checksum, 'string', { length: 80 }),
        op.column(C.outcome, 'string', { length: 16, nullable: false }),
        op.column(C.ranAt, 'string', { length: 32, nullable: false }),
        op.column(C.durationMs, 'integer', { nullable: false }),
        op.column(C.retortVersion, 'string', { length: 40, nullable: false }),
        op.column(C.appliedBy, 'string', { length: 255 }),
        op.column(C.note, 'text'),
      ],
      { ifNotExists: true, ...(this.#table.schema ? { schema: this.#table.schema } : {}) },
    )
    return this.#compile(op.takePending())
  }

  /** Creates the table if it is missing. */
  async ensure(): Promise<void> {
    if (await this.exists()) return
    for (const statement of this.createStatements()) await this.#connection.execute(statement)
    this.#exists = true
  }

  /** The statement that appends one row (values bound). */
  insertStatement(entry: LedgerEntry): CompiledStatement {
    const row = {
      [C.revision]: entry.revision,
      [C.direction]: entry.direction,
      [C.checksum]: entry.checksum,
      [C.outcome]: entry.outcome,
      [C.ranAt]: entry.ranAt,
      [C.durationMs]: Math.max(0, Math.round(entry.durationMs)),
      [C.retortVersion]: entry.retortVersion,
      [C.appliedBy]: entry.appliedBy === null ? null : entry.appliedBy.slice(0, 255),
      [C.note]: entry.note === null ? null : truncateProgressText(entry.note),
    }
    // The dialect's own statement for a row of a table Retort keeps, when it has one (it
    // may then skip what it checks after other inserts); else a one-row bulkInsert.
    if (this.#compiler.insertOwnRow !== undefined) {
      return this.#compiler.insertOwnRow(this.#table, row)
    }
    const op = operations()
    op.bulkInsert(this.#table.name, [row], this.#table.schema ? { schema: this.#table.schema } : {})
    const [statement, ...rest] = this.#compile(op.takePending())
    if (statement === undefined || rest.length > 0) {
      throw new RetortError(
        'ledger-compiler',
        "the dialect compiled the ledger table's insert into several statements instead of 1; its compiler must compile a one-row bulkInsert into one statement",
      )
    }
    return statement
  }

  /** Appends one row, creating the table first if needed. */
  async append(entry: LedgerEntry): Promise<void> {
    await this.ensure()
    await this.#connection.execute(this.insertStatement(entry))
  }

  #execute(sql: string, parameters: readonly unknown[]): CompiledStatement {
    const op = operations()
    op.execute(sql, [...parameters])
    return this.#compile(op.takePending())[0]!
  }

  #compile(pending: readonly Operation[]): CompiledStatement[] {
    return pending.flatMap((operation) => [...this.#compiler.compile(operation)])
  }

  #name(): string {
    return this.#table.schema
      ? `${this.#q(this.#table.schema)}.${this.#q(this.#table.name)}`
      : this.#q(this.#table.name)
  }

  #q(name: string): string {
    return this.#compiler.quoteIdentifier(name)
  }
}

function operations(): Operations {
  return new Operations({ dialect: 'ledger', offline: true })
}

const OUTCOMES: readonly LedgerOutcome[] = ['applied', 'failed', 'adopted', 'accepted']

function toRecord(row: Record<string, unknown>): LedgerRecord {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
  const outcome = String(row[C.outcome])
  return Object.freeze({
    id: Number(row[C.id]),
    revision: String(row[C.revision]),
    direction: row[C.direction] === 'down' ? 'down' : 'up',
    checksum: text(row[C.checksum]),
    outcome: (OUTCOMES as readonly string[]).includes(outcome)
      ? (outcome as LedgerOutcome)
      : 'failed',
    ranAt: String(row[C.ranAt]),
    durationMs: Number(row[C.durationMs]),
    retortVersion: String(row[C.retortVersion]),
    appliedBy: text(row[C.appliedBy]),
    note: text(row[C.note]),
  })
}

/**
 * Reads a database's ledger with a connection of its own; `[]` when it has none.
 *
 * @example
 * ```ts
 * const rows = await readLedger(dialect, ledgerTableFor(versionTable))
 * ```
 */
export async function readLedger(dialect: Dialect, table: QualifiedName): Promise<LedgerRecord[]> {
  return withLedger(dialect, table, (ledger) => ledger.read())
}

/**
 * Appends rows to a database's ledger in one transaction (created if missing), with a
 * connection of its own.
 *
 * @example
 * ```ts
 * await appendLedger(dialect, ledgerTableFor(versionTable), [entry])
 * ```
 */
export async function appendLedger(
  dialect: Dialect,
  table: QualifiedName,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return
  await withLedger(dialect, table, async (ledger, connection, adapter) => {
    if (!adapter.supportsTransactionalDdl) await ledger.ensure()
    await connection.begin()
    try {
      for (const entry of entries) await ledger.append(entry)
      await connection.commit()
    } catch (error) {
      await connection.rollback()
      throw error
    }
  })
}

async function withLedger<T>(
  dialect: Dialect,
  table: QualifiedName,
  work: (ledger: LedgerTable, connection: Connection, adapter: Adapter) => Promise<T>,
): Promise<T> {
  const driver = dialect.createDriver()
  try {
    const connection = await driver.connect()
    try {
      const adapter = dialect.createAdapter()
      const ledger = new LedgerTable(connection, dialect.createCompiler(), adapter, table)
      return await work(ledger, connection, adapter)
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}
