import type { Connection, Dialect, TableInfo } from '../dialect.js'

/**
 * The tables of one database as its dialect's introspector reports them: what
 * autogenerate compares. Tables are sorted by name.
 *
 * @example
 * ```ts
 * const snapshot: SchemaSnapshot = { tables: [{ name: 'account', columns: [], indexes: [] }] }
 * ```
 */
export interface SchemaSnapshot {
  readonly tables: readonly TableInfo[]
}

/** Options of {@link readSchemaSnapshot}. */
export interface ReadSchemaSnapshotOptions {
  /** The schema to read (PostgreSQL); default: the connection's own. */
  readonly schema?: string | undefined
  /** Table names left out (the version table and its progress table). */
  readonly exclude?: readonly string[] | undefined
}

/**
 * Reads every table of a database through `dialect.createIntrospector()`. A foreign key
 * whose referenced columns the database leaves implicit (SQLite's `REFERENCES parent`) gets
 * the primary key of the referenced table, so that both sides of a comparison spell it alike.
 *
 * @example
 * ```ts
 * const snapshot = await readSchemaSnapshot(dialect, { exclude: ['retort_version'] })
 * snapshot.tables.map((t) => t.name)
 * ```
 */
export async function readSchemaSnapshot(
  dialect: Dialect,
  options: ReadSchemaSnapshotOptions = {},
): Promise<SchemaSnapshot> {
  const driver = dialect.createDriver()
  try {
    const connection = await driver.connect()
    try {
      return await readTables(dialect, connection, options)
    } finally {
      await connection.close()
    }
  } finally {
    await driver.destroy()
  }
}

async function readTables(
  dialect: Dialect,
  connection: Connection,
  options: ReadSchemaSnapshotOptions,
): Promise<SchemaSnapshot> {
  const introspector = dialect.createIntrospector()
  const excluded = new Set((options.exclude ?? []).map((name) => name.toLowerCase()))
  const names = (await introspector.listTables(connection, options.schema)).filter(
    (name) => !excluded.has(name.toLowerCase()),
  )
  const tables: TableInfo[] = []
  for (const name of [...names].sort()) {
    const table = await introspector.getTable(connection, { name, schema: options.schema })
    if (table !== undefined) tables.push(table)
  }
  const primaryKeys = new Map(
    tables.map((t) => [t.name, t.columns.filter((c) => c.primaryKey).map((c) => c.name)]),
  )
  return Object.freeze({
    tables: Object.freeze(
      tables.map((table) => {
        if (!(table.foreignKeys ?? []).some((fk) => fk.references.columns.includes('')))
          return table
        return Object.freeze({
          ...table,
          foreignKeys: Object.freeze(
            (table.foreignKeys ?? []).map((fk) =>
              fk.references.columns.includes('')
                ? {
                    ...fk,
                    references: {
                      ...fk.references,
                      columns: primaryKeys.get(fk.references.table) ?? [],
                    },
                  }
                : fk,
            ),
          ),
        })
      }),
    ),
  })
}
