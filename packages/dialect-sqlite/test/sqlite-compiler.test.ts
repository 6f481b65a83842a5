import { describe, expect, it } from 'vitest'

// Operations come from core's sources (the same modules the '@retort/core' alias loads).
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import { makeOperation } from '../../core/src/operations/reverse-operation.js'
import { describeOperation } from '../../core/src/operations/describe-operation.js'
import { SqliteCompileError, SqliteCompiler } from '../src/sqlite-compiler.js'
import { isRebuildStatement } from '../src/rebuild/sqlite-rebuild-step.js'

const compiler = new SqliteCompiler()
const op = new Operations({ dialect: 'sqlite', offline: true })
const sql = (operation: Operation) => compiler.compile(operation).map((s) => s.sql)

describe('SqliteCompiler.compile', () => {
  it('createTable with every column option', () => {
    expect(
      sql(
        op.createTable(
          'child',
          [
            op.column('id', 'integer', { primaryKey: true, autoincrement: true }),
            op.column('parent_id', 'integer', {
              nullable: false,
              references: {
                table: 'parent',
                column: 'id',
                onDelete: 'CASCADE',
                onUpdate: 'SET NULL',
              },
            }),
            op.column('email', 'string', { length: 120, nullable: false, unique: true }),
            op.column('name', 'string', { default: "O'Brien" }),
            op.column('price', 'decimal', { precision: 10, scale: 2, default: -1.5 }),
            op.column('active', 'boolean', { default: true }),
            op.column('created_at', 'datetime', {
              defaultSql: 'CURRENT_TIMESTAMP',
              withTimezone: true,
            }),
            op.column('blob', 'binary', { default: Buffer.from([0, 255]) }),
            op.column('doc', 'json', { comment: 'not stored by SQLite' }),
            op.column('geo', { raw: 'POINT' }),
            op.column('nothing', 'text', { default: null }),
          ],
          { ifNotExists: true },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE IF NOT EXISTS "child" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" INTEGER NOT NULL REFERENCES "parent" ("id") ON DELETE CASCADE ON UPDATE SET NULL, "email" VARCHAR(120) NOT NULL UNIQUE, "name" VARCHAR(255) DEFAULT 'O''Brien', "price" NUMERIC(10, 2) DEFAULT -1.5, "active" BOOLEAN DEFAULT 1, "created_at" DATETIME DEFAULT (CURRENT_TIMESTAMP), "blob" BLOB DEFAULT X'00ff', "doc" TEXT, "geo" POINT, "nothing" TEXT DEFAULT NULL)",
      ]
    `)
  })

  it('maps every portable type', () => {
    const types = [
      'integer',
      'bigint',
      'smallint',
      'string',
      'text',
      'boolean',
      'float',
      'double',
      'decimal',
      'date',
      'time',
      'datetime',
      'timestamp',
      'json',
      'uuid',
      'binary',
    ] as const
    expect(
      sql(
        op.createTable(
          'all_types',
          types.map((type) => op.column(`c_${type}`, type)),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE "all_types" ("c_integer" INTEGER, "c_bigint" BIGINT, "c_smallint" SMALLINT, "c_string" VARCHAR(255), "c_text" TEXT, "c_boolean" BOOLEAN, "c_float" REAL, "c_double" DOUBLE, "c_decimal" NUMERIC, "c_date" DATE, "c_time" TIME, "c_datetime" DATETIME, "c_timestamp" TIMESTAMP, "c_json" TEXT, "c_uuid" VARCHAR(36), "c_binary" BLOB)",
      ]
    `)
  })

  it('createTable with a composite key, table constraints and a schema', () => {
    expect(
      sql(
        op.createTable(
          'line',
          [
            op.column('tenant', 'integer', { primaryKey: true }),
            op.column('id', 'bigint', { primaryKey: true }),
            op.column('slug', 'string'),
            op.column('order_id', 'integer'),
          ],
          {
            schema: 'aux',
            unique: [{ name: 'uq_slug', columns: ['tenant', 'slug'] }],
            foreignKeys: [
              {
                columns: ['tenant', 'order_id'],
                references: { table: 'order', columns: ['tenant', 'id'], onDelete: 'RESTRICT' },
              },
            ],
            checks: [{ name: 'ck_id', expression: 'id > 0' }, 'tenant <> 0'],
          },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE "aux"."line" ("tenant" INTEGER NOT NULL, "id" BIGINT NOT NULL, "slug" VARCHAR(255), "order_id" INTEGER, PRIMARY KEY ("tenant", "id"), CONSTRAINT "uq_slug" UNIQUE ("tenant", "slug"), FOREIGN KEY ("tenant", "order_id") REFERENCES "order" ("tenant", "id") ON DELETE RESTRICT, CONSTRAINT "ck_id" CHECK (id > 0), CHECK (tenant <> 0))",
      ]
    `)
  })

  it('the other operations', () => {
    const operations = [
      op.dropTable('account'),
      op.dropTable('account', { ifExists: true, schema: 'aux' }),
      op.renameTable('account', 'user_account', { schema: 'aux' }),
      op.addColumn('account', op.column('note', 'text', { nullable: false, default: '' })),
      op.dropColumn('account', 'note'),
      op.createIndex('ix_child_parent', 'child', ['parent_id', 'id'], {
        unique: true,
        where: 'parent_id > 0',
        ifNotExists: true,
      }),
      op.createIndex('ix', 'child', ['id'], { schema: 'aux' }),
      op.dropIndex('ix_child_parent', { ifExists: true }),
    ]
    expect(operations.map(sql)).toMatchInlineSnapshot(`
      [
        [
          "DROP TABLE "account"",
        ],
        [
          "DROP TABLE IF EXISTS "aux"."account"",
        ],
        [
          "ALTER TABLE "aux"."account" RENAME TO "user_account"",
        ],
        [
          "ALTER TABLE "account" ADD COLUMN "note" TEXT NOT NULL DEFAULT ''",
        ],
        [
          "ALTER TABLE "account" DROP COLUMN "note"",
        ],
        [
          "CREATE UNIQUE INDEX IF NOT EXISTS "ix_child_parent" ON "child" ("parent_id", "id") WHERE parent_id > 0",
        ],
        [
          "CREATE INDEX "aux"."ix" ON "child" ("id")",
        ],
        [
          "DROP INDEX IF EXISTS "ix_child_parent"",
        ],
      ]
    `)
  })

  it('execute keeps its SQL and binds its parameters (converted for better-sqlite3)', () => {
    const when = new Date('2024-01-02T03:04:05.000Z')
    expect(
      compiler.compile(
        op.execute('UPDATE t SET a = ?, b = ?, c = ?, d = ? WHERE e = ?', [
          true,
          when,
          { x: 1 },
          undefined,
          5n,
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "parameters": [
            1,
            "2024-01-02T03:04:05.000Z",
            "{"x":1}",
            null,
            5n,
          ],
          "sql": "UPDATE t SET a = ?, b = ?, c = ?, d = ? WHERE e = ?",
        },
      ]
    `)
  })

  it('bulkInsert binds values and splits large inserts', () => {
    expect(
      compiler.compile(
        op.bulkInsert('parent', [
          { id: 1, name: 'a' },
          { id: 2, flag: false },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "parameters": [
            1,
            "a",
            null,
            2,
            null,
            0,
          ],
          "sql": "INSERT INTO "parent" ("id", "name", "flag") VALUES (?, ?, ?), (?, ?, ?)",
        },
      ]
    `)
    const rows = Array.from({ length: 1201 }, (_, i) => ({ id: i }))
    const statements = compiler.compile(op.bulkInsert('many', rows))
    expect(statements.map((s) => s.parameters.length)).toEqual([500, 500, 201])
    expect(compiler.compile(op.bulkInsert('none', []))).toEqual([])
  })

  it('quotes keywords and names containing quotes', () => {
    expect(
      sql(
        op.createTable('select', [
          op.column('from', 'integer', { references: { table: 'my "t"', column: 'or"der' } }),
          op.column('a"b', 'text'),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE "select" ("from" INTEGER REFERENCES "my ""t""" ("or""der"), "a""b" TEXT)",
      ]
    `)
    expect(compiler.quoteIdentifier('a"b""c')).toBe('"a""b""""c"')
    expect(() => compiler.quoteIdentifier('')).toThrow(SqliteCompileError)
    expect(() => compiler.quoteIdentifier('a\0b')).toThrow('is not a valid SQLite identifier')
  })

  it('refuses what SQLite cannot do, saying what to do instead', () => {
    expect(() =>
      sql(op.createTable('t', [op.column('id', 'integer', { autoincrement: true })])),
    ).toThrow('autoincrement only on a single INTEGER PRIMARY KEY column')
    expect(() =>
      sql(
        op.createTable('t', [
          op.column('a', 'integer', { primaryKey: true, autoincrement: true }),
          op.column('b', 'integer', { primaryKey: true }),
        ]),
      ),
    ).toThrow('autoincrement only on a single INTEGER PRIMARY KEY')
  })

  it('never splices an unknown referential action from hand-made data', () => {
    const forged = makeOperation<Extract<Operation, { kind: 'addColumn' }>>({
      kind: 'addColumn',
      table: 't',
      column: Object.freeze({
        name: 'p',
        type: 'integer',
        nullable: true,
        primaryKey: false,
        autoincrement: false,
        unique: false,
        references: { table: 'p', column: 'id', onDelete: 'CASCADE; DROP TABLE t' as never },
      }),
    })
    expect(() => compiler.compile(forged)).toThrow(
      "'CASCADE; DROP TABLE t' is not a referential action",
    )
  })
})

/** A statement as the snapshots show it: its SQL, and the table a rebuild marker is for. */
const shown = (operation: Operation) =>
  compiler
    .compile(operation)
    .map((s) =>
      isRebuildStatement(s)
        ? `[rebuild ${s.rebuild.table}${s.rebuild.native === undefined ? '' : ', native first'}] ${s.sql}`
        : s.sql,
    )

describe('SqliteCompiler.compile: the operations SQLite cannot ALTER natively', () => {
  it('compiles each one to a rebuild marker (online), or to native SQL where SQLite has it', () => {
    const operations = [
      op.alterColumn('parent', 'name', { newName: 'title' }),
      op.alterColumn('parent', 'name', { comment: 'not stored by SQLite' }),
      op.alterColumn('parent', 'name', { nullable: false }),
      op.alterColumn('parent', 'name', { type: 'string', length: 80, newName: 'title' }),
      op.alterColumn('parent', 'n', { default: null, schema: 'aux' }),
      op.addColumn('t', op.column('u', 'text', { unique: true })),
      op.addColumn('t', op.column('id', 'integer', { primaryKey: true })),
      op.addColumn('t', op.column('n', 'integer', { nullable: false })),
      op.addColumn('t', op.column('at', 'datetime', { defaultSql: 'CURRENT_TIMESTAMP' })),
      op.dropColumn('t', 'n'),
      op.createUniqueConstraint('uq_slug', 'article', ['tenant', 'slug']),
      op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
        onDelete: 'CASCADE',
      }),
      op.createCheckConstraint('ck_price', 'item', 'price >= 0'),
      op.createPrimaryKey('pk_line', 'line', ['order_id', 'n']),
      op.dropConstraint('uq_slug', 'article', { type: 'unique' }),
      op.createTableComment('account', 'people', { existingComment: null }),
      op.dropTableComment('account'),
    ]
    expect(
      Object.fromEntries(
        operations.map((o, i) => [
          `${String(i).padStart(2, '0')} ${describeOperation(o)}`,
          shown(o),
        ]),
      ),
    ).toMatchInlineSnapshot(`
        {
          "00 alterColumn('parent', 'name')": [
            "ALTER TABLE "parent" RENAME COLUMN "name" TO "title"",
          ],
          "01 alterColumn('parent', 'name')": [],
          "02 alterColumn('parent', 'name')": [
            "[rebuild parent] -- table rebuild of "parent": alterColumn('parent', 'name')",
          ],
          "03 alterColumn('parent', 'name')": [
            "ALTER TABLE "parent" RENAME COLUMN "name" TO "title"",
            "[rebuild parent] -- table rebuild of "parent": alterColumn('parent', 'name')",
          ],
          "04 alterColumn('aux.parent', 'n')": [
            "[rebuild parent] -- table rebuild of "aux"."parent": alterColumn('aux.parent', 'n')",
          ],
          "05 addColumn('t', 'u')": [
            "[rebuild t] -- table rebuild of "t": addColumn('t', 'u')",
          ],
          "06 addColumn('t', 'id')": [
            "[rebuild t] -- table rebuild of "t": addColumn('t', 'id')",
          ],
          "07 addColumn('t', 'n')": [
            "[rebuild t, native first] ALTER TABLE "t" ADD COLUMN "n" INTEGER NOT NULL",
          ],
          "08 addColumn('t', 'at')": [
            "[rebuild t, native first] ALTER TABLE "t" ADD COLUMN "at" DATETIME DEFAULT (CURRENT_TIMESTAMP)",
          ],
          "09 dropColumn('t', 'n')": [
            "[rebuild t, native first] ALTER TABLE "t" DROP COLUMN "n"",
          ],
          "10 createUniqueConstraint('uq_slug', 'article')": [
            "[rebuild article] -- table rebuild of "article": createUniqueConstraint('uq_slug', 'article')",
          ],
          "11 createForeignKey('fk_child_parent', 'child')": [
            "[rebuild child] -- table rebuild of "child": createForeignKey('fk_child_parent', 'child')",
          ],
          "12 createCheckConstraint('ck_price', 'item')": [
            "[rebuild item] -- table rebuild of "item": createCheckConstraint('ck_price', 'item')",
          ],
          "13 createPrimaryKey('pk_line', 'line')": [
            "[rebuild line] -- table rebuild of "line": createPrimaryKey('pk_line', 'line')",
          ],
          "14 dropConstraint('uq_slug', 'article')": [
            "[rebuild article] -- table rebuild of "article": dropConstraint('uq_slug', 'article')",
          ],
          "15 createTableComment('account')": [],
          "16 dropTableComment('account')": [],
        }
      `)
  })

  it('createIndex with expressions, and foreign keys that are deferrable', () => {
    expect([
      ...sql(
        op.createIndex('ux_email', 'account', ['tenant', { expression: 'lower(email)' }], {
          unique: true,
          where: 'deleted_at IS NULL',
        }),
      ),
      ...sql(
        op.createTable(
          'child',
          [op.column('id', 'integer', { primaryKey: true }), op.column('parent_id', 'integer')],
          {
            foreignKeys: [
              {
                name: 'fk_parent',
                columns: ['parent_id'],
                references: { table: 'parent', columns: ['id'], onDelete: 'SET NULL' },
                deferrable: true,
                initially: 'DEFERRED',
              },
            ],
          },
        ),
      ),
    ]).toMatchInlineSnapshot(`
      [
        "CREATE UNIQUE INDEX "ux_email" ON "account" ("tenant", (lower(email))) WHERE deleted_at IS NULL",
        "CREATE TABLE "child" ("id" INTEGER PRIMARY KEY NOT NULL, "parent_id" INTEGER, CONSTRAINT "fk_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED)",
      ]
    `)
  })
})

describe('SqliteCompiler.inline: table rebuilds offline', () => {
  const tableDefinition = {
    columns: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'name', type: 'string', length: 40 },
      { name: 'parent_id', type: 'integer' },
    ],
    checks: [{ name: 'ck_name', expression: "name <> ''" }],
    indexes: [
      { name: 'ix_name', columns: ['name'] },
      { name: 'ix_lower', columns: [{ expression: 'lower(name)' }], unique: true },
    ],
  } as const
  const script = (operation: Operation) =>
    compiler
      .compile(operation)
      .map((s) => compiler.inline(s))
      .join(';\n')

  it('writes the rebuild of each operation from its tableDefinition', () => {
    const operations = [
      op.alterColumn('t', 'name', {
        type: 'text',
        nullable: false,
        default: 'x',
        newName: 'title',
        tableDefinition,
      }),
      op.dropColumn('t', 'name', { tableDefinition }),
      op.addColumn('t', op.column('code', 'string', { length: 8, unique: true }), {
        tableDefinition,
      }),
      op.createUniqueConstraint('uq_name', 't', ['name'], { tableDefinition }),
      op.createForeignKey('fk_parent', 't', 'parent', ['parent_id'], ['id'], {
        onDelete: 'CASCADE',
        tableDefinition,
      }),
      op.createCheckConstraint('ck_id', 't', 'id > 0', { tableDefinition, schema: 'aux' }),
      op.dropConstraint('ck_name', 't', { type: 'check', tableDefinition }),
      op.dropConstraint('pk', 't', { type: 'primaryKey', tableDefinition }),
    ]
    expect(
      Object.fromEntries(
        operations.map((o, i) => [
          `${String(i).padStart(2, '0')} ${describeOperation(o)}`,
          script(o),
        ]),
      ),
    ).toMatchInlineSnapshot(`
        {
          "00 alterColumn('t', 'name')": "ALTER TABLE "t" RENAME COLUMN "name" TO "title";
        -- table rebuild of "t" for alterColumn('t', 'name'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "title" TEXT NOT NULL DEFAULT 'x', "parent_id" INTEGER, CONSTRAINT "ck_name" CHECK ("title" <> ''));
        INSERT INTO "t__retort_new" ("id", "title", "parent_id") SELECT "id", "title", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("title");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower("title")))",
          "01 dropColumn('t', 'name')": "-- table rebuild of "t" for dropColumn('t', 'name'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "parent_id" INTEGER);
        INSERT INTO "t__retort_new" ("id", "parent_id") SELECT "id", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF",
          "02 addColumn('t', 'code')": "-- table rebuild of "t" for addColumn('t', 'code'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER, "code" VARCHAR(8) UNIQUE, CONSTRAINT "ck_name" CHECK (name <> ''));
        INSERT INTO "t__retort_new" ("id", "name", "parent_id") SELECT "id", "name", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower(name)))",
          "03 createUniqueConstraint('uq_name', 't')": "-- table rebuild of "t" for createUniqueConstraint('uq_name', 't'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER, CONSTRAINT "ck_name" CHECK (name <> ''), CONSTRAINT "uq_name" UNIQUE ("name"));
        INSERT INTO "t__retort_new" ("id", "name", "parent_id") SELECT "id", "name", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower(name)))",
          "04 createForeignKey('fk_parent', 't')": "-- table rebuild of "t" for createForeignKey('fk_parent', 't'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER, CONSTRAINT "ck_name" CHECK (name <> ''), CONSTRAINT "fk_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE);
        INSERT INTO "t__retort_new" ("id", "name", "parent_id") SELECT "id", "name", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower(name)))",
          "05 createCheckConstraint('ck_id', 'aux.t')": "-- table rebuild of "aux"."t" for createCheckConstraint('ck_id', 'aux.t'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "aux"."t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER, CONSTRAINT "ck_name" CHECK (name <> ''), CONSTRAINT "ck_id" CHECK (id > 0));
        INSERT INTO "aux"."t__retort_new" ("id", "name", "parent_id") SELECT "id", "name", "parent_id" FROM "aux"."t";
        DROP TABLE "aux"."t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "aux"."t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "aux"."ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "aux"."ix_lower" ON "t" ((lower(name)))",
          "06 dropConstraint('ck_name', 't')": "-- table rebuild of "t" for dropConstraint('ck_name', 't'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER PRIMARY KEY NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER);
        INSERT INTO "t__retort_new" ("id", "name", "parent_id") SELECT "id", "name", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower(name)))",
          "07 dropConstraint('pk', 't')": "-- table rebuild of "t" for dropConstraint('pk', 't'): with foreign keys off (see the top of the script), so dropping the old table does not run the ON DELETE actions of the tables that reference it; triggers on it are not known offline and must be recreated
        CREATE TABLE "t__retort_new" ("id" INTEGER NOT NULL, "name" VARCHAR(40), "parent_id" INTEGER, CONSTRAINT "ck_name" CHECK (name <> ''));
        INSERT INTO "t__retort_new" (rowid, "id", "name", "parent_id") SELECT rowid, "id", "name", "parent_id" FROM "t";
        DROP TABLE "t";
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "t__retort_new" RENAME TO "t";
        PRAGMA legacy_alter_table = OFF;
        CREATE INDEX "ix_name" ON "t" ("name");
        CREATE UNIQUE INDEX "ix_lower" ON "t" ((lower(name)))",
        }
      `)
  })

  it('uses native SQL where it works, and says what to pass where a rebuild needs the table', () => {
    expect(script(op.dropColumn('t', 'parent_id', { tableDefinition }))).toBe(
      'ALTER TABLE "t" DROP COLUMN "parent_id"',
    )
    expect(script(op.dropColumn('t', 'name'))).toBe('ALTER TABLE "t" DROP COLUMN "name"')
    expect(script(op.alterColumn('t', 'name', { newName: 'title' }))).toBe(
      'ALTER TABLE "t" RENAME COLUMN "name" TO "title"',
    )
    expect(compiler.compile(op.dropTableComment('t'))).toEqual([])
    expect(() => script(op.alterColumn('t', 'name', { nullable: false }))).toThrow(
      SqliteCompileError,
    )
    expect(() => script(op.createCheckConstraint('ck', 't', 'id > 0'))).toThrow(
      "createCheckConstraint('ck', 't') needs a table rebuild on SQLite, and offline (--sql, or sql: true in the API) the table cannot be read; pass the table as it is before the change in the operation's tableDefinition option ({ columns: [...], indexes: [...] }), or run it online",
    )
    expect(
      script(
        op.alterColumn('t', 'name', {
          nullable: true,
          tableDefinition: [{ name: 'name', type: 'text' }],
        }),
      ),
    ).toBe("-- alterColumn('t', 'name'): table \"t\" is unchanged\n")
  })
})

describe('version table statements', () => {
  it('create, select, insert, update, delete', () => {
    const table = { name: 'retort_version' }
    expect([
      ...compiler.createVersionTable(table, 255),
      compiler.selectVersions(table),
      compiler.insertVersion(table, 'a1'),
      compiler.updateVersion(table, 'a1', 'b2'),
      compiler.deleteVersion(table, 'b2'),
      ...compiler.createVersionTable({ name: 'v"t', schema: 'aux' }, 32),
    ]).toMatchInlineSnapshot(`
      [
        {
          "keepsForeignKeys": true,
          "parameters": [],
          "sql": "CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" VARCHAR(255) NOT NULL, CONSTRAINT "retort_version_pkc" PRIMARY KEY ("version_num"))",
        },
        {
          "keepsForeignKeys": true,
          "parameters": [],
          "sql": "SELECT "version_num" FROM "retort_version" ORDER BY "version_num"",
        },
        {
          "keepsForeignKeys": true,
          "parameters": [
            "a1",
          ],
          "sql": "INSERT INTO "retort_version" ("version_num") VALUES (?)",
        },
        {
          "keepsForeignKeys": true,
          "parameters": [
            "b2",
            "a1",
          ],
          "sql": "UPDATE "retort_version" SET "version_num" = ? WHERE "version_num" = ?",
        },
        {
          "keepsForeignKeys": true,
          "parameters": [
            "b2",
          ],
          "sql": "DELETE FROM "retort_version" WHERE "version_num" = ?",
        },
        {
          "keepsForeignKeys": true,
          "parameters": [],
          "sql": "CREATE TABLE IF NOT EXISTS "aux"."v""t" ("version_num" VARCHAR(32) NOT NULL, CONSTRAINT "v""t_pkc" PRIMARY KEY ("version_num"))",
        },
      ]
    `)
  })
})
