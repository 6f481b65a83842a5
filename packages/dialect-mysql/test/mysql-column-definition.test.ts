// The column definitions of SHOW CREATE TABLE, as MariaDB and MySQL 8 write them, split
// into clauses and restated with a change (pure: no server).
import { describe, expect, it } from 'vitest'
import {
  findMysqlColumnDefinition,
  parseMysqlColumnDefinition,
  restateMysqlColumn,
} from '../src/restate/mysql-column-definition.js'

const kinds = (sql: string) => parseMysqlColumnDefinition(sql).clauses.map((c) => [c.kind, c.sql])

describe('parseMysqlColumnDefinition', () => {
  it('MariaDB spellings', () => {
    expect(kinds("`name` varchar(40) NOT NULL DEFAULT 'anon' COMMENT 'the name'")).toEqual([
      ['type', 'varchar(40)'],
      ['nullability', 'NOT NULL'],
      ['default', "DEFAULT 'anon'"],
      ['comment', "COMMENT 'the name'"],
    ])
    expect(kinds("`d` int(11) NOT NULL INVISIBLE DEFAULT -3 COMMENT 'x' CHECK (`d` > 0)")).toEqual([
      ['type', 'int(11)'],
      ['nullability', 'NOT NULL'],
      ['visibility', 'INVISIBLE'],
      ['default', 'DEFAULT -3'],
      ['comment', "COMMENT 'x'"],
      ['check', 'CHECK (`d` > 0)'],
    ])
    expect(
      kinds("`full` varchar(20) GENERATED ALWAYS AS (concat(`name`,'x\\'y')) VIRTUAL"),
    ).toEqual([
      ['type', 'varchar(20)'],
      ['generated', "GENERATED ALWAYS AS (concat(`name`,'x\\'y')) VIRTUAL"],
    ])
    expect(
      kinds(
        '`at` timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3)',
      ),
    ).toEqual([
      ['type', 'timestamp(3)'],
      ['nullability', 'NOT NULL'],
      ['default', 'DEFAULT current_timestamp(3)'],
      ['onUpdate', 'ON UPDATE current_timestamp(3)'],
    ])
    expect(kinds("`bits` bit(3) DEFAULT b'101'")).toEqual([
      ['type', 'bit(3)'],
      ['default', "DEFAULT b'101'"],
    ])
    expect(kinds('`n` int(10) unsigned zerofill DEFAULT 1.5')).toEqual([
      ['type', 'int(10) unsigned zerofill'],
      ['default', 'DEFAULT 1.5'],
    ])
  })

  it('MySQL 8 spellings: version comments, expression defaults, SRID', () => {
    expect(kinds("`c` int NOT NULL DEFAULT '0' COMMENT 'it''s' /*!80023 INVISIBLE */")).toEqual([
      ['type', 'int'],
      ['nullability', 'NOT NULL'],
      ['default', "DEFAULT '0'"],
      ['comment', "COMMENT 'it''s'"],
      ['other', '/*!80023 INVISIBLE */'],
    ])
    expect(kinds('`d` datetime DEFAULT (now() + interval 1 day) COLLATE utf8mb4_bin')).toEqual([
      ['type', 'datetime'],
      ['default', 'DEFAULT (now() + interval 1 day)'],
      ['collate', 'COLLATE utf8mb4_bin'],
    ])
    expect(kinds('`g` point NOT NULL /*!80003 SRID 4326 */')).toEqual([
      ['type', 'point'],
      ['nullability', 'NOT NULL'],
      ['other', '/*!80003 SRID 4326 */'],
    ])
    expect(kinds('`at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP SRID 0')).toEqual([
      ['type', 'datetime'],
      ['nullability', 'NOT NULL'],
      ['default', 'DEFAULT CURRENT_TIMESTAMP'],
      ['other', 'SRID 0'],
    ])
  })
})

describe('restateMysqlColumn', () => {
  const live = (sql: string) => parseMysqlColumnDefinition(sql)

  it('changes only what is asked, inserting a clause where the server puts it', () => {
    expect(
      restateMysqlColumn(live("`name` varchar(40) NOT NULL DEFAULT 'anon' COMMENT 'the name'"), {
        type: 'VARCHAR(80)',
      }),
    ).toBe("`name` VARCHAR(80) NOT NULL DEFAULT 'anon' COMMENT 'the name'")
    expect(
      restateMysqlColumn(live('`c` int(11) DEFAULT NULL CHECK (`c` > 0)'), {
        comment: "COMMENT 'x'",
        default: 'DEFAULT 5',
      }),
    ).toBe("`c` int(11) DEFAULT 5 COMMENT 'x' CHECK (`c` > 0)")
    expect(
      restateMysqlColumn(live('`c` int(11) INVISIBLE DEFAULT NULL'), { nullable: false }),
    ).toBe('`c` int(11) NOT NULL INVISIBLE')
    expect(
      restateMysqlColumn(live("`c` int(11) NOT NULL DEFAULT 1 COMMENT 'x'"), {
        default: null,
        comment: null,
        quotedName: '`d`',
      }),
    ).toBe('`d` int(11) NOT NULL')
  })

  it('a new type keeps the character set only if it has one', () => {
    const latin = live('`s` varchar(10) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL')
    expect(restateMysqlColumn(latin, { type: 'TEXT' })).toBe(
      '`s` TEXT CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL',
    )
    expect(restateMysqlColumn(latin, { type: 'INT' })).toBe('`s` INT DEFAULT NULL')
    expect(restateMysqlColumn(latin, { type: 'VARCHAR(5) CHARACTER SET ascii' })).toBe(
      '`s` VARCHAR(5) CHARACTER SET ascii DEFAULT NULL',
    )
  })
})

describe('findMysqlColumnDefinition', () => {
  const create = [
    'CREATE TABLE `t` (',
    '  `id` int(11) NOT NULL AUTO_INCREMENT,',
    "  `Name` varchar(40) NOT NULL DEFAULT 'a, b' COMMENT 'x,(y)',",
    "  `n``q` enum('a','b') DEFAULT NULL,",
    '  PRIMARY KEY (`id`),',
    '  KEY `Name` (`Name`)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
  ].join('\n')

  it('finds a column by name, ignoring letter case, never a key of the same name', () => {
    expect(findMysqlColumnDefinition(create, 'name')).toBe(
      "`Name` varchar(40) NOT NULL DEFAULT 'a, b' COMMENT 'x,(y)'",
    )
    expect(findMysqlColumnDefinition(create, 'n`q')).toBe("`n``q` enum('a','b') DEFAULT NULL")
    expect(findMysqlColumnDefinition(create, 'missing')).toBeUndefined()
  })

  it('reads strings as NO_BACKSLASH_ESCAPES does when the session has it', () => {
    const text = "CREATE TABLE `t` (\n  `p` varchar(9) DEFAULT 'C:\\' COMMENT 'x'\n)"
    expect(findMysqlColumnDefinition(text, 'p', { noBackslashEscapes: true })).toBe(
      "`p` varchar(9) DEFAULT 'C:\\' COMMENT 'x'",
    )
  })
})
