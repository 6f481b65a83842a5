import type {
  CheckInfo,
  ColumnInfo,
  Connection,
  ForeignKeyInfo,
  IndexInfo,
  Introspector,
  QualifiedName,
  TableInfo,
} from '@retort/core'

/**
 * A column as PostgreSQL reports it: {@link ColumnInfo} plus identity and comment. A
 * `serial`/`bigserial` column (a `nextval()` default of a sequence the column owns) is
 * reported like an identity column: `autoincrement`, without that default.
 *
 * @example
 * ```ts
 * const column: PostgresColumnInfo = { name: 'id', type: 'integer', nullable: false, defaultSql: null, primaryKey: true, autoincrement: true, comment: null }
 * ```
 */
export interface PostgresColumnInfo extends ColumnInfo {
  /** An identity column (`GENERATED ... AS IDENTITY`) or a serial one. */
  readonly autoincrement: boolean
  readonly comment: string | null
}

/**
 * An index as PostgreSQL reports it: {@link IndexInfo} plus the predicate of a partial
 * index. Expression entries are `(expression)`.
 *
 * @example
 * ```ts
 * const index: PostgresIndexInfo = { name: 'ix_live', columns: ['(lower(email))'], unique: true, where: 'deleted_at IS NULL' }
 * ```
 */
export interface PostgresIndexInfo extends IndexInfo {
  readonly where?: string | undefined
}

/**
 * A constraint as PostgreSQL reports it; `definition` is `pg_get_constraintdef`'s SQL.
 *
 * @example
 * ```ts
 * const fk: PostgresConstraintInfo = { name: 'child_parent_id_fkey', kind: 'foreignKey', columns: ['parent_id'], definition: 'FOREIGN KEY (parent_id) REFERENCES parent(id)', references: { schema: 'public', table: 'parent', columns: ['id'] }, deferrable: false, initiallyDeferred: false }
 * ```
 */
export interface PostgresConstraintInfo {
  readonly name: string
  readonly kind: 'primaryKey' | 'unique' | 'foreignKey' | 'check' | 'exclusion'
  readonly columns: readonly string[]
  readonly definition: string
  readonly references?:
    | { readonly schema: string; readonly table: string; readonly columns: readonly string[] }
    | undefined
  readonly deferrable: boolean
  readonly initiallyDeferred: boolean
  /** Foreign keys: the referential actions other than the default `NO ACTION`. */
  readonly onDelete?: ForeignKeyInfo['onDelete']
  readonly onUpdate?: ForeignKeyInfo['onUpdate']
}

/**
 * A table as PostgreSQL reports it: {@link TableInfo} (its `schema` always set) plus
 * constraints and the table comment.
 *
 * @example
 * ```ts
 * const info = (await introspector.getTable(connection, { name: 'account' })) as PostgresTableInfo
 * info.constraints.map((c) => c.name)
 * ```
 */
export interface PostgresTableInfo extends TableInfo {
  readonly schema: string
  readonly columns: readonly PostgresColumnInfo[]
  readonly indexes: readonly PostgresIndexInfo[]
  readonly constraints: readonly PostgresConstraintInfo[]
  readonly foreignKeys: readonly ForeignKeyInfo[]
  /** The CHECK constraints, `expression` as `pg_get_constraintdef` prints it after `CHECK`. */
  readonly checks: readonly CheckInfo[]
  readonly comment: string | null
}

const CONSTRAINT_KINDS: Readonly<Record<string, PostgresConstraintInfo['kind']>> = {
  p: 'primaryKey',
  u: 'unique',
  f: 'foreignKey',
  c: 'check',
  x: 'exclusion',
}

/**
 * Reads the live schema from the catalogs (`pg_class`, `pg_attribute`, `pg_index`,
 * `pg_constraint`) with bound names; the schema defaults to the session's
 * `current_schema()` (the first existing schema of `search_path`). Column types are
 * `format_type` (`character varying(255)`, `timestamp with time zone`); `defaultSql` is the
 * default expression as the server prints it. The index behind the primary key is not
 * listed (the columns say `primaryKey`); those behind unique constraints are.
 *
 * @example
 * ```ts
 * const introspector = postgresDialect({ connectionString }).createIntrospector()
 * const table = await introspector.getTable(connection, { name: 'account' })
 * ```
 */
export class PostgresIntrospector implements Introspector {
  /**
   * The tables (ordinary and partitioned) of a schema (default: `current_schema()`),
   * sorted by name.
   *
   * @example
   * ```ts
   * await introspector.listTables(connection, 'tenant_a') // ['account', 'retort_version']
   * ```
   */
  async listTables(connection: Connection, schema?: string): Promise<readonly string[]> {
    const { rows } = await connection.execute({
      sql: "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition",
      parameters: [schema === undefined || schema === '' ? null : schema],
    })
    return rows.map((row) => String(row['name'])).sort(byCodePoint)
  }

  /**
   * One table's columns, indexes and constraints, or `undefined` when there is no such table.
   *
   * @example
   * ```ts
   * const info = await introspector.getTable(connection, { name: 'account', schema: 'public' })
   * info?.columns.map((c) => c.name)
   * ```
   */
  async getTable(
    connection: Connection,
    table: QualifiedName,
  ): Promise<PostgresTableInfo | undefined> {
    const found = (
      await connection.execute({
        sql: "SELECT c.oid::text AS oid, n.nspname AS schema, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema()) AND c.relkind IN ('r', 'p')",
        parameters: [
          table.name,
          table.schema === undefined || table.schema === '' ? null : table.schema,
        ],
      })
    ).rows[0]
    if (found === undefined) return undefined
    const oid = String(found['oid'])

    const columnRows = (
      await connection.execute({
        sql: "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default_sql, a.attidentity <> '' AS identity, (pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%' AND EXISTS (SELECT 1 FROM pg_depend own JOIN pg_depend used ON used.refclassid = 'pg_class'::regclass AND used.refobjid = own.objid AND used.classid = 'pg_attrdef'::regclass AND used.objid = d.oid WHERE own.classid = 'pg_class'::regclass AND own.refclassid = 'pg_class'::regclass AND own.refobjid = a.attrelid AND own.refobjsubid = a.attnum AND own.deptype = 'a')) AS serial, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary_key, col_description(a.attrelid, a.attnum) AS comment FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        parameters: [oid],
      })
    ).rows
    // A serial column's default is nextval() of a sequence the column owns: it is an
    // autoincrement column like an identity, not a default that names a sequence (which
    // a replay on another database would not have).
    const columns: PostgresColumnInfo[] = columnRows.map((row) =>
      Object.freeze({
        name: String(row['name']),
        type: String(row['type']),
        nullable: row['nullable'] === true,
        defaultSql:
          row['default_sql'] === null || row['serial'] === true ? null : String(row['default_sql']),
        primaryKey: row['primary_key'] === true,
        autoincrement: row['identity'] === true || row['serial'] === true,
        comment: row['comment'] === null ? null : String(row['comment']),
      }),
    )

    const indexRows = (
      await connection.execute({
        sql: "SELECT ic.relname AS name, i.indisunique AS is_unique, pg_get_expr(i.indpred, i.indrelid, true) AS predicate, ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN '(' || pg_get_indexdef(i.indexrelid, k, true) || ')' ELSE (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS columns FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = $1::oid AND NOT i.indisprimary",
        parameters: [oid],
      })
    ).rows
    const indexes: PostgresIndexInfo[] = indexRows
      .map((row) =>
        Object.freeze({
          name: String(row['name']),
          columns: Object.freeze((row['columns'] as unknown[]).map(String)),
          unique: row['is_unique'] === true,
          ...(row['predicate'] === null ? {} : { where: String(row['predicate']) }),
        }),
      )
      .sort((a, b) => byCodePoint(a.name, b.name))

    const constraintRows = (
      await connection.execute({
        sql: 'SELECT con.conname AS name, con.contype::text AS type, pg_get_constraintdef(con.oid, true) AS definition, con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred, ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns, fn.nspname AS ref_schema, fc.relname AS ref_table, ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS ref_columns FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace WHERE con.conrelid = $1::oid',
        parameters: [oid],
      })
    ).rows
    const constraints: PostgresConstraintInfo[] = []
    for (const row of constraintRows) {
      const kind = CONSTRAINT_KINDS[String(row['type'])]
      if (kind === undefined) continue
      constraints.push(
        Object.freeze({
          name: String(row['name']),
          kind,
          columns: Object.freeze((row['columns'] as unknown[]).map(String)),
          definition: String(row['definition']),
          ...(kind === 'foreignKey'
            ? {
                references: Object.freeze({
                  schema: String(row['ref_schema']),
                  table: String(row['ref_table']),
                  columns: Object.freeze((row['ref_columns'] as unknown[]).map(String)),
                }),
              }
            : {}),
          deferrable: row['deferrable'] === true,
          initiallyDeferred: row['deferred'] === true,
          ...(kind === 'foreignKey' ? actions(row['on_delete'], row['on_update']) : {}),
        }),
      )
    }
    constraints.sort((a, b) => byCodePoint(a.name, b.name))

    const schema = String(found['schema'])
    const uniqueNames = new Set(constraints.filter((c) => c.kind === 'unique').map((c) => c.name))
    return Object.freeze({
      name: table.name,
      schema,
      columns: Object.freeze(columns),
      // The index behind a UNIQUE constraint has the constraint's name.
      indexes: Object.freeze(
        indexes.map((index) =>
          uniqueNames.has(index.name) ? Object.freeze({ ...index, constraint: true }) : index,
        ),
      ),
      constraints: Object.freeze(constraints),
      foreignKeys: Object.freeze(
        constraints
          .filter((c) => c.kind === 'foreignKey' && c.references !== undefined)
          .map((c) =>
            Object.freeze({
              name: c.name,
              columns: c.columns,
              references: Object.freeze({
                table: c.references!.table,
                ...(c.references!.schema === schema ? {} : { schema: c.references!.schema }),
                columns: c.references!.columns,
              }),
              ...(c.onDelete === undefined ? {} : { onDelete: c.onDelete }),
              ...(c.onUpdate === undefined ? {} : { onUpdate: c.onUpdate }),
            }),
          ),
      ),
      checks: Object.freeze(
        constraints
          .filter((c) => c.kind === 'check')
          .map((c) =>
            Object.freeze({ name: c.name, expression: c.definition.replace(/^CHECK\s*/i, '') }),
          ),
      ),
      comment: found['comment'] === null ? null : String(found['comment']),
    })
  }
}

const ACTIONS: Readonly<Record<string, ForeignKeyInfo['onDelete']>> = {
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
  r: 'RESTRICT',
}

/** `pg_constraint.confdeltype`/`confupdtype` codes; `a` (NO ACTION) is the default, left out. */
function actions(onDelete: unknown, onUpdate: unknown): Partial<PostgresConstraintInfo> {
  const del = ACTIONS[String(onDelete)]
  const upd = ACTIONS[String(onUpdate)]
  return {
    ...(del === undefined ? {} : { onDelete: del }),
    ...(upd === undefined ? {} : { onUpdate: upd }),
  }
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
