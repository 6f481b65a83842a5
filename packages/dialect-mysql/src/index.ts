export {
  mysqlDialect,
  MysqlDialect,
  type MysqlDialectConfig,
  type MysqlDialectOptions,
} from './mysql-dialect.js'
export {
  MysqlDriver,
  MysqlConnection,
  type MysqlConnectionSource,
  type MysqlServerNote,
} from './mysql-driver.js'
export {
  MysqlCompiler,
  MysqlCompileError,
  foreignKeyName,
  fitIdentifier,
  DEFAULT_MYSQL_ENGINE,
  DEFAULT_MYSQL_CHARSET,
  DEFAULT_INDEX_PREFIX_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  type MysqlCompilerOptions,
} from './mysql-compiler.js'
export { MysqlAdapter } from './mysql-adapter.js'
export {
  MysqlMigrationLock,
  mysqlLockName,
  MYSQL_LOCK_PREFIX,
  MAX_LOCK_NAME_LENGTH,
} from './mysql-migration-lock.js'
export { MysqlIntrospector } from './mysql-introspector.js'
export { findMysqlTable, type MysqlTableName } from './mysql-introspector.js'
export {
  mysqlColumnType,
  isBlobType,
  needsKeyPrefix,
  DEFAULT_STRING_LENGTH,
  DEFAULT_DECIMAL,
  MAX_INDEXED_CHARACTERS,
  MAX_INDEXED_BYTES,
} from './mysql-column-type.js'
export {
  renderLiteral,
  renderCommentLiteral,
  isLiteralExpression,
  toMysqlValue,
  formatUtcDateTime,
  inlineStatement,
  MysqlValueError,
} from './mysql-literal.js'

export { parseMysqlUri, type MysqlUri } from './mysql-dialect.js'
export {
  isRestateStatement,
  type MysqlColumnRestatement,
  type MysqlRestateStatement,
} from './restate/mysql-restate-statement.js'
export { restateColumn, type MysqlRunText } from './restate/mysql-column-restater.js'
export {
  parseMysqlColumnDefinition,
  restateMysqlColumn,
  findMysqlColumnDefinition,
  type MysqlColumnDefinition,
  type MysqlColumnClause,
  type MysqlColumnClauseKind,
  type MysqlColumnChange,
  type MysqlSqlModeOptions,
} from './restate/mysql-column-definition.js'
export { parseMysqlServerVersion, type MysqlServerVersion } from './mysql-compiler.js'
