/**
 * What the dialects share about SQL text: one scanner for statements, placeholders and
 * tokens, parameterised by each database's lexicon, and the portable column type table
 * with each dialect's overrides.
 */
export {
  scanSql,
  splitStatements,
  findPlaceholders,
  replacePlaceholders,
  SQLITE_SQL,
  POSTGRES_SQL,
  MYSQL_SQL,
  type SqlLexicon,
  type SqlPiece,
  type SqlPieceKind,
  type SqlPlaceholder,
} from './sql/sql-scanner.js'
export {
  sqlTokens,
  isKeyword,
  closingParen,
  splitTopLevel,
  type SqlToken,
  type SqlTokenKind,
} from './sql/sql-tokens.js'
export {
  PORTABLE_TYPES,
  DEFAULT_STRING_LENGTH,
  portableTypeTable,
  columnTypeSql,
  type PortableTypeRule,
  type PortableTypeTable,
} from './sql/portable-types.js'
