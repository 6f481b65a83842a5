import { describe, expect, it } from 'vitest'
// Operations come from core's sources (the same modules the '@retort/core' alias loads).
import type { Operation } from '../../core/src/operations/operation.js'
import { Operations } from '../../core/src/operations/operations.js'
import {
  MysqlCompileError,
  MysqlCompiler,
  fitIdentifier,
  foreignKeyName,
} from '../src/mysql-compiler.js'

const compiler = new MysqlCompiler()
const op = new Operations({ dialect: 'mysql', offline: true })
const sql = (operation: Operation, using = compiler) => using.compile(operation).map((s) => s.sql)

describe('MysqlCompiler.compile', () => {
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
            op.column('path', 'string', { default: 'C:\\temp' }),
            op.column('price', 'decimal', { precision: 10, scale: 2, default: -1.5 }),
            op.column('active', 'boolean', { default: true }),
            op.column('created_at', 'datetime', {
              defaultSql: 'CURRENT_TIMESTAMP',
              withTimezone: true,
            }),
            op.column('token', 'uuid', { defaultSql: 'UUID()' }),
            op.column('blob', 'binary', { default: Buffer.from([0, 255]) }),
            op.column('body', 'text', { default: 'none' }),
            op.column('doc', 'json', { comment: "owner's \\ notes" }),
            op.column('geo', { raw: 'POINT' }),
            op.column('nothing', 'text', { default: null }),
            op.column('born', 'date', { default: new Date('2024-05-06T00:00:00Z') }),
          ],
          { ifNotExists: true, comment: 'children' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE IF NOT EXISTS \`child\` (\`id\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, \`parent_id\` INT NOT NULL, \`email\` VARCHAR(120) NOT NULL UNIQUE, \`name\` VARCHAR(255) NULL DEFAULT 'O''Brien', \`path\` VARCHAR(255) NULL DEFAULT (CONVERT(X'433A5C74656D70' USING utf8mb4)), \`price\` DECIMAL(10, 2) NULL DEFAULT -1.5, \`active\` BOOLEAN NULL DEFAULT TRUE, \`created_at\` DATETIME NULL DEFAULT CURRENT_TIMESTAMP, \`token\` CHAR(36) NULL DEFAULT (UUID()), \`blob\` BLOB NULL DEFAULT (X'00FF'), \`body\` TEXT NULL DEFAULT ('none'), \`doc\` JSON NULL COMMENT 'owner''s \\\\ notes', \`geo\` POINT NULL, \`nothing\` TEXT NULL DEFAULT NULL, \`born\` DATE NULL DEFAULT '2024-05-06', CONSTRAINT \`child_parent_id_fkey\` FOREIGN KEY (\`parent_id\`) REFERENCES \`parent\` (\`id\`) ON DELETE CASCADE ON UPDATE SET NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='children'",
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
          "CREATE TABLE \`all_types\` (\`c_integer\` INT NULL, \`c_bigint\` BIGINT NULL, \`c_smallint\` SMALLINT NULL, \`c_string\` VARCHAR(255) NULL, \`c_text\` TEXT NULL, \`c_boolean\` BOOLEAN NULL, \`c_float\` FLOAT NULL, \`c_double\` DOUBLE NULL, \`c_decimal\` DECIMAL(65, 30) NULL, \`c_date\` DATE NULL, \`c_time\` TIME NULL, \`c_datetime\` DATETIME NULL, \`c_timestamp\` TIMESTAMP NULL, \`c_json\` JSON NULL, \`c_uuid\` CHAR(36) NULL, \`c_binary\` BLOB NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
        ]
      `)
    expect(
      sql(
        op.createTable('sized', [
          op.column('s', 'string', { length: 40 }),
          op.column('b', 'binary', { length: 16 }),
          op.column('f', 'float', { precision: 30 }),
          op.column('t', 'time', { precision: 3 }),
          op.column('dt', 'datetime', { precision: 6 }),
          op.column('ts', 'timestamp', {
            precision: 6,
            nullable: false,
            defaultSql: 'CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)',
          }),
          op.column('big', 'bigint', { primaryKey: true, autoincrement: true }),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`sized\` (\`s\` VARCHAR(40) NULL, \`b\` VARBINARY(16) NULL, \`f\` FLOAT(30) NULL, \`t\` TIME(3) NULL, \`dt\` DATETIME(6) NULL, \`ts\` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`big\` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
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
                references: {
                  table: 'order',
                  schema: 'sales',
                  columns: ['tenant', 'id'],
                  onDelete: 'RESTRICT',
                },
              },
            ],
            checks: [{ name: 'ck_id', expression: 'id > 0' }, 'tenant <> 0'],
          },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`aux\`.\`line\` (\`tenant\` INT NOT NULL, \`id\` BIGINT NOT NULL, \`slug\` VARCHAR(255) NULL, \`order_id\` INT NULL, PRIMARY KEY (\`tenant\`, \`id\`), CONSTRAINT \`uq_slug\` UNIQUE (\`tenant\`, \`slug\`), FOREIGN KEY (\`tenant\`, \`order_id\`) REFERENCES \`sales\`.\`order\` (\`tenant\`, \`id\`) ON DELETE RESTRICT, CONSTRAINT \`ck_id\` CHECK (id > 0), CHECK (tenant <> 0)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
      ]
    `)
  })

  it('keys over TEXT/BLOB and long strings get a prefix length', () => {
    const create = op.createTable(
      'doc',
      [
        op.column('url', 'text', { primaryKey: true }),
        op.column('title', 'string', { length: 1000, unique: true }),
        op.column('hash', 'binary', { unique: true }),
        op.column('short', 'string', { length: 768, unique: true }),
      ],
      { unique: [['title', 'short']] },
    )
    expect(sql(create)).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`doc\` (\`url\` TEXT NOT NULL, \`title\` VARCHAR(1000) NULL, \`hash\` BLOB NULL, \`short\` VARCHAR(768) NULL UNIQUE, PRIMARY KEY (\`url\`(191)), UNIQUE (\`title\`(191)), UNIQUE (\`hash\`(191)), UNIQUE (\`title\`(191), \`short\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
      ]
    `)
    expect(sql(create, new MysqlCompiler({ indexPrefixLength: 100 }))).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`doc\` (\`url\` TEXT NOT NULL, \`title\` VARCHAR(1000) NULL, \`hash\` BLOB NULL, \`short\` VARCHAR(768) NULL UNIQUE, PRIMARY KEY (\`url\`(100)), UNIQUE (\`title\`(100)), UNIQUE (\`hash\`(100)), UNIQUE (\`title\`(100), \`short\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
      ]
    `)
    expect(sql(create, new MysqlCompiler({ indexPrefixLength: null }))).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`doc\` (\`url\` TEXT NOT NULL PRIMARY KEY, \`title\` VARCHAR(1000) NULL UNIQUE, \`hash\` BLOB NULL UNIQUE, \`short\` VARCHAR(768) NULL UNIQUE, UNIQUE (\`title\`, \`short\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
      ]
    `)
    expect(sql(op.addColumn('doc', op.column('summary', 'text', { unique: true }))))
      .toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`doc\` ADD COLUMN \`summary\` TEXT NULL, ADD UNIQUE (\`summary\`(191))",
      ]
    `)
  })

  it('the other operations of the first vocabulary', () => {
    const operations = [
      op.dropTable('account'),
      op.dropTable('account', { ifExists: true, schema: 'aux' }),
      op.renameTable('account', 'user_account'),
      op.renameTable('account', 'user_account', { schema: 'aux' }),
      op.addColumn('account', op.column('note', 'text')),
      op.addColumn(
        'account',
        op.column('code', 'string', { length: 8, nullable: false, default: 'x', unique: true }),
      ),
      op.addColumn(
        'child',
        op.column('parent_id', 'integer', { references: { table: 'parent', column: 'id' } }),
        { schema: 'aux' },
      ),
      op.addColumn(
        'account',
        op.column('id2', 'integer', { primaryKey: true, autoincrement: true }),
      ),
      op.dropColumn('account', 'note'),
      op.dropColumn('child', 'parent_id', {
        definition: { type: 'integer', references: { table: 'parent', column: 'id' } },
      }),
      op.createIndex('ix_child_parent', 'child', ['parent_id']),
      op.createIndex('ux_child', 'child', ['a', 'b'], {
        unique: true,
        ifNotExists: true,
        schema: 'aux',
      }),
      op.createIndex('ix_lower', 'account', [{ expression: 'lower(`email`)' }, 'id']),
      op.dropIndex('ix_child_parent', { table: 'child' }),
      op.dropIndex('ix_child_parent', { table: 'child', schema: 'aux', ifExists: true }),
      op.execute('UPDATE parent SET name = ? WHERE id = ?', ['b', 1]),
      op.execute('UPDATE parent SET doc = ?, at = ?, flag = ?, n = ?', [
        { a: [1] },
        new Date(0),
        true,
        10n,
      ]),
      op.bulkInsert('parent', [{ id: 1, name: 'a' }, { id: 2 }]),
    ]
    // An expression part needs a server known to be MySQL 8.0.13+.
    const mysql8 = new MysqlCompiler({ flavor: 'mysql', serverVersion: '8.0.36' })
    const functional = (operation: Operation) =>
      operation.kind === 'createIndex' && operation.columns.some((c) => typeof c !== 'string')
    expect(
      operations.map((operation) => (functional(operation) ? mysql8 : compiler).compile(operation)),
    ).toMatchInlineSnapshot(`
      [
        [
          {
            "parameters": [],
            "sql": "DROP TABLE \`account\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "DROP TABLE IF EXISTS \`aux\`.\`account\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "RENAME TABLE \`account\` TO \`user_account\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "RENAME TABLE \`aux\`.\`account\` TO \`aux\`.\`user_account\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`account\` ADD COLUMN \`note\` TEXT NULL",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`account\` ADD COLUMN \`code\` VARCHAR(8) NOT NULL DEFAULT 'x' UNIQUE",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`aux\`.\`child\` ADD COLUMN \`parent_id\` INT NULL, ADD CONSTRAINT \`child_parent_id_fkey\` FOREIGN KEY (\`parent_id\`) REFERENCES \`aux\`.\`parent\` (\`id\`)",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`account\` ADD COLUMN \`id2\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`account\` DROP COLUMN \`note\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "ALTER TABLE \`child\` DROP FOREIGN KEY \`child_parent_id_fkey\`, DROP COLUMN \`parent_id\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "CREATE INDEX \`ix_child_parent\` ON \`child\` (\`parent_id\`)",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "CREATE UNIQUE INDEX IF NOT EXISTS \`ux_child\` ON \`aux\`.\`child\` (\`a\`, \`b\`)",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "CREATE INDEX \`ix_lower\` ON \`account\` ((lower(\`email\`)), \`id\`)",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "DROP INDEX \`ix_child_parent\` ON \`child\`",
          },
        ],
        [
          {
            "parameters": [],
            "sql": "DROP INDEX IF EXISTS \`ix_child_parent\` ON \`aux\`.\`child\`",
          },
        ],
        [
          {
            "parameters": [
              "b",
              1,
            ],
            "sql": "UPDATE parent SET name = ? WHERE id = ?",
          },
        ],
        [
          {
            "parameters": [
              "{"a":[1]}",
              "1970-01-01 00:00:00.000",
              true,
              10n,
            ],
            "sql": "UPDATE parent SET doc = ?, at = ?, flag = ?, n = ?",
          },
        ],
        [
          {
            "parameters": [
              1,
              "a",
              2,
              null,
            ],
            "sql": "INSERT INTO \`parent\` (\`id\`, \`name\`) VALUES (?, ?), (?, ?)",
          },
        ],
      ]
    `)
  })

  it('the constraint and comment operations', () => {
    const operations = [
      op.createUniqueConstraint('uq_slug', 'article', ['tenant', 'slug']),
      op.createUniqueConstraint('uq_body', 'article', ['body'], {
        tableDefinition: { columns: [{ name: 'body', type: 'text' }] },
      }),
      op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id'], {
        onDelete: 'CASCADE',
        referencedSchema: 'other',
        schema: 'aux',
      }),
      op.createCheckConstraint('ck_price', 'item', 'price >= 0'),
      op.createPrimaryKey('pk_line', 'line', ['order_id', 'n']),
      op.dropConstraint('uq_slug', 'article', { type: 'unique' }),
      op.dropConstraint('fk_child_parent', 'child', { type: 'foreignKey' }),
      op.dropConstraint('ck_price', 'item', { type: 'check' }),
      op.dropConstraint('pk_line', 'line', { type: 'primaryKey' }),
      op.dropConstraint('ck_x', 'item', { type: 'check', definition: { expression: 'x > 0' } }),
      op.createTableComment('account', "people's accounts"),
      op.dropTableComment('account'),
    ]
    expect(operations.map((operation) => sql(operation))).toMatchInlineSnapshot(`
      [
        [
          "ALTER TABLE \`article\` ADD CONSTRAINT \`uq_slug\` UNIQUE (\`tenant\`, \`slug\`)",
        ],
        [
          "ALTER TABLE \`article\` ADD CONSTRAINT \`uq_body\` UNIQUE (\`body\`(191))",
        ],
        [
          "ALTER TABLE \`aux\`.\`child\` ADD CONSTRAINT \`fk_child_parent\` FOREIGN KEY (\`parent_id\`) REFERENCES \`other\`.\`parent\` (\`id\`) ON DELETE CASCADE",
        ],
        [
          "ALTER TABLE \`item\` ADD CONSTRAINT \`ck_price\` CHECK (price >= 0)",
        ],
        [
          "ALTER TABLE \`line\` ADD CONSTRAINT \`pk_line\` PRIMARY KEY (\`order_id\`, \`n\`)",
        ],
        [
          "ALTER TABLE \`article\` DROP INDEX \`uq_slug\`",
        ],
        [
          "ALTER TABLE \`child\` DROP FOREIGN KEY \`fk_child_parent\`",
        ],
        [
          "ALTER TABLE \`item\` DROP CONSTRAINT \`ck_price\`",
        ],
        [
          "ALTER TABLE \`line\` DROP PRIMARY KEY",
        ],
        [
          "ALTER TABLE \`item\` DROP CONSTRAINT \`ck_x\`",
        ],
        [
          "ALTER TABLE \`account\` COMMENT = 'people''s accounts'",
        ],
        [
          "ALTER TABLE \`account\` COMMENT = ''",
        ],
      ]
    `)
  })

  it('alterColumn restates the whole column from the existing hints', () => {
    const operations = [
      // Only the default: ALTER COLUMN keeps the rest.
      op.alterColumn('account', 'score', { default: 0 }),
      op.alterColumn('account', 'score', { default: null }),
      op.alterColumn('account', 'body', { default: 'x', existingType: 'text' }),
      op.alterColumn('account', 'at', { defaultSql: 'CURRENT_TIMESTAMP' }),
      // Only the name.
      op.alterColumn('account', 'name', { newName: 'title' }),
      op.alterColumn('account', 'name', { newName: 'title', default: 'n' }),
      // Type, nullability, comment: MODIFY / CHANGE with the full definition.
      op.alterColumn('account', 'name', {
        nullable: false,
        existingType: { type: 'string', length: 40 },
        existingNullable: true,
        existingDefault: 'x',
        existingComment: 'the name',
      }),
      op.alterColumn('account', 'name', {
        type: 'string',
        length: 80,
        newName: 'title',
        existingNullable: false,
        existingDefaultSql: "('n')",
        existingComment: null,
      }),
      op.alterColumn('account', 'name', {
        comment: null,
        existingType: 'string',
        existingNullable: true,
        existingDefault: null,
        existingComment: 'old',
      }),
      op.alterColumn('account', 'name', {
        comment: "it's new",
        existingType: 'string',
        existingNullable: true,
        existingDefault: null,
      }),
      op.alterColumn('account', 'id', {
        type: 'bigint',
        tableDefinition: {
          columns: [
            { name: 'id', type: 'integer', primaryKey: true, autoincrement: true, comment: 'key' },
          ],
        },
      }),
    ]
    // A restated column is read live online; the offline script writes it from the hints.
    const script = (operation: Operation) =>
      compiler.compile(operation).map((statement) => compiler.inline(statement))
    expect(operations.map((operation) => script(operation))).toMatchInlineSnapshot(`
      [
        [
          "ALTER TABLE \`account\` ALTER COLUMN \`score\` SET DEFAULT 0",
        ],
        [
          "ALTER TABLE \`account\` ALTER COLUMN \`score\` DROP DEFAULT",
        ],
        [
          "ALTER TABLE \`account\` ALTER COLUMN \`body\` SET DEFAULT ('x')",
        ],
        [
          "ALTER TABLE \`account\` ALTER COLUMN \`at\` SET DEFAULT (CURRENT_TIMESTAMP)",
        ],
        [
          "ALTER TABLE \`account\` RENAME COLUMN \`name\` TO \`title\`",
        ],
        [
          "ALTER TABLE \`account\` ALTER COLUMN \`name\` SET DEFAULT 'n', RENAME COLUMN \`name\` TO \`title\`",
        ],
        [
          "ALTER TABLE \`account\` MODIFY COLUMN \`name\` VARCHAR(40) NOT NULL DEFAULT 'x' COMMENT 'the name'",
        ],
        [
          "ALTER TABLE \`account\` CHANGE COLUMN \`name\` \`title\` VARCHAR(80) NOT NULL DEFAULT (('n'))",
        ],
        [
          "ALTER TABLE \`account\` MODIFY COLUMN \`name\` VARCHAR(255) NULL",
        ],
        [
          "ALTER TABLE \`account\` MODIFY COLUMN \`name\` VARCHAR(255) NULL COMMENT 'it''s new'",
        ],
        [
          "ALTER TABLE \`account\` MODIFY COLUMN \`id\` BIGINT NOT NULL AUTO_INCREMENT COMMENT 'key'",
        ],
      ]
    `)
  })

  it('version table statements', () => {
    const table = { name: 'retort_version', schema: 'app' }
    expect([
      ...compiler.createVersionTable(table, 255),
      compiler.selectVersions(table),
      compiler.insertVersion(table, 'a1'),
      compiler.updateVersion(table, 'a1', 'b2'),
      compiler.deleteVersion({ name: 'retort_version' }, 'a1'),
    ]).toMatchInlineSnapshot(`
      [
        {
          "parameters": [],
          "sql": "CREATE TABLE IF NOT EXISTS \`app\`.\`retort_version\` (\`version_num\` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (\`version_num\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
        },
        {
          "parameters": [],
          "sql": "SELECT \`version_num\` FROM \`app\`.\`retort_version\` ORDER BY \`version_num\`",
        },
        {
          "parameters": [
            "a1",
          ],
          "sql": "INSERT INTO \`app\`.\`retort_version\` (\`version_num\`) VALUES (?)",
        },
        {
          "parameters": [
            "b2",
            "a1",
          ],
          "sql": "UPDATE \`app\`.\`retort_version\` SET \`version_num\` = ? WHERE \`version_num\` = ?",
        },
        {
          "parameters": [
            "a1",
          ],
          "sql": "DELETE FROM \`retort_version\` WHERE \`version_num\` = ?",
        },
      ]
    `)
    expect(() => compiler.createVersionTable(table, 1000)).toThrow(/1 to 768/)
  })

  it('table options', () => {
    const custom = new MysqlCompiler({
      engine: 'Aria',
      charset: 'utf8mb4',
      collation: 'utf8mb4_unicode_ci',
    })
    expect(sql(op.createTable('t', [op.column('a', 'integer')]), custom)).toEqual([
      'CREATE TABLE `t` (`a` INT NULL) ENGINE=Aria DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    ])
    expect(() => new MysqlCompiler({ engine: 'InnoDB; DROP TABLE x' })).toThrow(/plain name/)
    expect(() => new MysqlCompiler({ collation: "utf8mb4_bin'" })).toThrow(MysqlCompileError)
    expect(() => new MysqlCompiler({ indexPrefixLength: 0 })).toThrow(/positive integer or null/)
  })
})

describe('identifiers', () => {
  it('quotes with backticks, doubling backticks', () => {
    expect(compiler.quoteIdentifier('order')).toBe('`order`')
    expect(compiler.quoteIdentifier('my `table`')).toBe('`my ``table```')
    expect(compiler.quoteIdentifier('a"b\'c')).toBe('`a"b\'c`')
    expect(() => compiler.quoteIdentifier('')).toThrow(MysqlCompileError)
    expect(() => compiler.quoteIdentifier('a\0b')).toThrow(/NUL/)
  })

  it('keyword and backtick names in DDL and data statements', () => {
    expect(
      sql(
        op.createTable('select', [
          op.column('from', 'integer', { primaryKey: true }),
          op.column('a`b', 'string'),
        ]),
      ),
    ).toEqual([
      'CREATE TABLE `select` (`from` INT NOT NULL PRIMARY KEY, `a``b` VARCHAR(255) NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    ])
    expect(compiler.compile(op.bulkInsert('select', [{ from: 1, 'a`b': 'x' }]))).toEqual([
      { sql: 'INSERT INTO `select` (`from`, `a``b`) VALUES (?, ?)', parameters: [1, 'x'] },
    ])
  })

  it('generated names fit in 64 characters', () => {
    expect(foreignKeyName('child', 'parent_id')).toBe('child_parent_id_fkey')
    const long = foreignKeyName('t'.repeat(40), 'c'.repeat(40))
    expect(Array.from(long)).toHaveLength(64)
    expect(long).not.toBe(foreignKeyName('t'.repeat(40), `${'c'.repeat(39)}d`))
    expect(fitIdentifier('é'.repeat(64))).toBe('é'.repeat(64))
  })
})

describe('what MySQL cannot do is a clear compile error', () => {
  it('partial indexes', () => {
    expect(() =>
      compiler.compile(op.createIndex('ix', 'child', ['parent_id'], { where: 'parent_id > 0' })),
    ).toThrow(/MySQL has no partial indexes: index 'ix' on 'child'/)
  })

  it('dropIndex without its table', () => {
    expect(() => compiler.compile(op.dropIndex('ix'))).toThrow(
      /dropIndex\('ix'\) needs the table, e\.g\. op\.dropIndex\('ix', \{ table: 'TABLE' \}\)/,
    )
  })

  it('dropConstraint without its type', () => {
    expect(() => compiler.compile(op.dropConstraint('fk', 'child'))).toThrow(/needs its type/)
  })

  it('deferrable foreign keys and SET DEFAULT', () => {
    expect(() =>
      compiler.compile(op.createForeignKey('fk', 'c', 'p', ['p_id'], ['id'], { deferrable: true })),
    ).toThrow(/no DEFERRABLE constraints/)
    expect(() =>
      compiler.compile(
        op.createTable('c', [
          op.column('p_id', 'integer', {
            references: { table: 'p', column: 'id', onDelete: 'SET DEFAULT' },
          }),
        ]),
      ),
    ).toThrow(/InnoDB rejects foreign keys with SET DEFAULT/)
  })

  it('alterColumn without the existing definition, in an offline script', () => {
    // Online the live column is read; only the offline script needs the hints.
    const script = (operation: Operation) =>
      compiler.compile(operation).map((statement) => compiler.inline(statement))
    expect(() => script(op.alterColumn('t', 'c', { nullable: false }))).toThrow(
      /alterColumn\('t', 'c'\) needs existingType \(or type\)/,
    )
    expect(() => script(op.alterColumn('t', 'c', { type: 'text' }))).toThrow(
      /needs existingNullable \(or nullable\)/,
    )
  })

  it('flavor-specific syntax when the flavor is known', () => {
    const mysqlOnly = new MysqlCompiler({ flavor: 'mysql' })
    const mariadbOnly = new MysqlCompiler({ flavor: 'mariadb' })
    expect(() =>
      mysqlOnly.compile(op.createIndex('ix', 't', ['a'], { ifNotExists: true })),
    ).toThrow(/MySQL has no CREATE INDEX IF NOT EXISTS/)
    expect(() => mysqlOnly.compile(op.dropIndex('ix', { table: 't', ifExists: true }))).toThrow(
      /MySQL has no DROP INDEX IF EXISTS/,
    )
    expect(() =>
      mariadbOnly.compile(op.createIndex('ix', 't', [{ expression: 'lower(a)' }])),
    ).toThrow(/MariaDB has no functional index parts/)
    expect(sql(op.createIndex('ix', 't', ['a'], { ifNotExists: true }), mariadbOnly)).toEqual([
      'CREATE INDEX IF NOT EXISTS `ix` ON `t` (`a`)',
    ])
  })
})

describe('MysqlCompiler.inline', () => {
  it('writes parameters as literals outside strings, identifiers and comments', () => {
    expect(
      compiler.inline({
        sql: 'UPDATE `t?` SET a = ?, b = \'?\', c = "?" -- ?\n, d = ? # ?\n/* ? */ WHERE e = ?',
        parameters: ["it's", 'C:\\x', null],
      }),
    ).toBe(
      "UPDATE `t?` SET a = 'it''s', b = '?', c = \"?\" -- ?\n, d = CONVERT(X'433A5C78' USING utf8mb4) # ?\n/* ? */ WHERE e = NULL",
    )
    expect(compiler.inline({ sql: "SELECT 'a\\'?' , ?", parameters: [1] })).toBe(
      "SELECT 'a\\'?' , 1",
    )
    expect(compiler.inline({ sql: 'SELECT 1--?', parameters: [2] })).toBe('SELECT 1--2')
    expect(compiler.inline({ sql: 'SELECT 1 -?', parameters: [-2] })).toBe('SELECT 1 - -2')
    expect(compiler.inline({ sql: 'SELECT ? -- end', parameters: [true] })).toBe(
      'SELECT TRUE -- end\n',
    )
    expect(compiler.inline(compiler.insertVersion({ name: 'v' }, 'a1'))).toBe(
      "INSERT INTO `v` (`version_num`) VALUES ('a1')",
    )
  })

  it('counts placeholders', () => {
    expect(() => compiler.inline({ sql: 'SELECT ?, ?', parameters: [1] })).toThrow(
      /more '\?' placeholders/,
    )
    expect(() => compiler.inline({ sql: 'SELECT ?', parameters: [1, 2] })).toThrow(/uses 1 of 2/)
  })
})
