// An in-memory dialect for runtime tests without a database. Statements are symbolic
// (`createTable t`, `insert-version` ...) and a FakeDatabase interprets them: version rows,
// progress records, which tables exist, and transactions that roll back row changes but,
// like MySQL, never DDL when `transactionalDdl` is false.
import {
  AdapterBase,
  type CompiledStatement,
  type Compiler,
  type Connection,
  type Dialect,
  type ExecuteResult,
  type Operation,
  type ProgressRecord,
  type QualifiedName,
} from '@retort/core'

export interface FakeState {
  tables: Set<string>
  versions: string[]
  progress: Map<string, ProgressRecord>
}

export class FakeDatabase {
  state: FakeState = { tables: new Set(), versions: [], progress: new Map() }
  /** Every statement executed, in order. */
  readonly log: string[] = []
  /** A statement for which this returns true fails. */
  failOn: (sql: string) => boolean = () => false
  /** After a statement for which this returns true, the connection dies (a kill -9). */
  dieAfter: (sql: string) => boolean = () => false
  dead = false
  #snapshot: FakeState | undefined

  constructor(readonly transactionalDdl: boolean) {}

  dialect(options: { withProgressSql?: boolean } = {}): Dialect {
    const db = this
    return {
      name: 'fake',
      description: 'fake in-memory database',
      createDriver: () => ({
        connect: async () => {
          db.dead = false
          return db.#connection()
        },
        destroy: async () => {},
      }),
      createCompiler: () =>
        options.withProgressSql === false ? new FakeCompiler() : new FakeProgressCompiler(),
      createAdapter: () => new FakeAdapter(db),
      createIntrospector: () => ({
        listTables: async () => [...db.state.tables],
        getTable: async () => undefined,
      }),
    }
  }

  #connection(): Connection {
    return {
      execute: async (statement) => this.#execute(statement),
      begin: async () => {
        this.#check()
        this.#snapshot = clone(this.state)
      },
      commit: async () => {
        this.#check()
        this.#snapshot = undefined
      },
      rollback: async () => {
        this.#check()
        if (this.#snapshot === undefined) return
        const tables = this.state.tables
        this.state = this.#snapshot
        // DDL stays when the database cannot roll it back.
        if (!this.transactionalDdl) this.state.tables = tables
        this.#snapshot = undefined
      },
      close: async () => {},
    }
  }

  #check(): void {
    if (this.dead) throw new Error('connection lost')
  }

  async #execute(statement: CompiledStatement): Promise<ExecuteResult> {
    this.#check()
    const { sql, parameters } = statement
    if (this.failOn(sql)) throw new Error(`cannot run ${sql}`)
    this.log.push(sql)
    const none = { rows: [], rowCount: 0 }
    const [verb, name] = sql.split(' ')
    const result = ((): ExecuteResult => {
      switch (verb) {
        case 'create-version':
          this.state.tables.add('version')
          return none
        case 'select-versions':
          return { rows: this.state.versions.map((v) => ({ version_num: v })), rowCount: 0 }
        case 'insert-version':
          this.state.versions.push(String(parameters[0]))
          return { rows: [], rowCount: 1 }
        case 'update-version': {
          const index = this.state.versions.indexOf(String(parameters[1]))
          if (index >= 0) this.state.versions[index] = String(parameters[0])
          return { rows: [], rowCount: index >= 0 ? 1 : 0 }
        }
        case 'delete-version': {
          const before = this.state.versions.length
          this.state.versions = this.state.versions.filter((v) => v !== parameters[0])
          return { rows: [], rowCount: before - this.state.versions.length }
        }
        case 'create-progress':
          this.state.tables.add('progress')
          return none
        case 'select-progress':
          return {
            rows: [...this.state.progress.values()].map((r) => ({
              revision: r.revision,
              direction: r.direction,
              statements_done: r.statementsDone,
              statement_count: r.statementCount,
              statement_sql: r.statement,
              state: r.state,
              error_message: r.error,
              recorded_at: r.recordedAt,
            })),
            rowCount: 0,
          }
        case 'insert-progress':
        case 'update-progress': {
          const record = parameters[0] as ProgressRecord
          this.state.progress.set(record.revision, record)
          return { rows: [], rowCount: 1 }
        }
        case 'delete-progress':
          this.state.progress.delete(String(parameters[0]))
          return { rows: [], rowCount: 1 }
        case 'createTable':
          this.state.tables.add(name!)
          return none
        case 'dropTable':
          this.state.tables.delete(name!)
          return none
        default:
          return none
      }
    })()
    if (this.dieAfter(sql)) this.dead = true
    return result
  }
}

class FakeAdapter extends AdapterBase {
  constructor(readonly db: FakeDatabase) {
    super()
  }
  override get supportsTransactionalDdl(): boolean {
    return this.db.transactionalDdl
  }
  async hasTable(_connection: Connection, table: QualifiedName): Promise<boolean> {
    this.db.log.push(`has-table ${table.name}`)
    return this.db.state.tables.has(table.name.endsWith('_progress') ? 'progress' : 'version')
  }
}

class FakeCompiler implements Compiler {
  compile(operation: Operation): readonly CompiledStatement[] {
    if (operation.kind === 'execute')
      return [{ sql: operation.sql, parameters: operation.parameters }]
    const name = 'name' in operation ? operation.name : 'table' in operation ? operation.table : ''
    return [{ sql: `${operation.kind} ${String(name)}`, parameters: [] }]
  }
  quoteIdentifier(name: string): string {
    return `"${name}"`
  }
  inline(statement: CompiledStatement): string {
    return statement.sql
  }
  createVersionTable(): readonly CompiledStatement[] {
    return [{ sql: 'create-version', parameters: [] }]
  }
  selectVersions(): CompiledStatement {
    return { sql: 'select-versions', parameters: [] }
  }
  insertVersion(_table: QualifiedName, revision: string): CompiledStatement {
    return { sql: 'insert-version', parameters: [revision] }
  }
  updateVersion(_table: QualifiedName, from: string, to: string): CompiledStatement {
    return { sql: 'update-version', parameters: [to, from] }
  }
  deleteVersion(_table: QualifiedName, revision: string): CompiledStatement {
    return { sql: 'delete-version', parameters: [revision] }
  }
}

class FakeProgressCompiler extends FakeCompiler {
  createProgressTable(): readonly CompiledStatement[] {
    return [{ sql: 'create-progress', parameters: [] }]
  }
  selectProgress(): CompiledStatement {
    return { sql: 'select-progress', parameters: [] }
  }
  insertProgress(_table: QualifiedName, record: ProgressRecord): CompiledStatement {
    return { sql: 'insert-progress', parameters: [record] }
  }
  updateProgress(_table: QualifiedName, record: ProgressRecord): CompiledStatement {
    return { sql: 'update-progress', parameters: [record] }
  }
  deleteProgress(_table: QualifiedName, revision: string): CompiledStatement {
    return { sql: 'delete-progress', parameters: [revision] }
  }
}

function clone(state: FakeState): FakeState {
  return {
    tables: new Set(state.tables),
    versions: [...state.versions],
    progress: new Map(state.progress),
  }
}
