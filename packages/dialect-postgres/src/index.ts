export {
  postgresDialect,
  PostgresDialect,
  DEFAULT_APPLICATION_NAME,
  type PostgresDialectConfig,
  type PostgresDialectOptions,
} from './postgres-dialect.js'
export {
  PostgresDriver,
  PostgresConnection,
  type PostgresConnectionSource,
  type PostgresSessionSettings,
} from './postgres-driver.js'
export {
  PostgresCompiler,
  PostgresCompileError,
  type PostgresCompilerOptions,
  MAX_PARAMETERS,
  MAX_ROWS_PER_INSERT,
} from './postgres-compiler.js'
export { PostgresAdapter } from './postgres-adapter.js'
export { PostgresMigrationLock, postgresLockKey } from './postgres-migration-lock.js'
export {
  PostgresIntrospector,
  type PostgresTableInfo,
  type PostgresColumnInfo,
  type PostgresIndexInfo,
  type PostgresConstraintInfo,
} from './postgres-introspector.js'
export {
  postgresColumnType,
  needsUsingCast,
  DEFAULT_STRING_LENGTH,
} from './postgres-column-type.js'
export {
  quoteIdentifier,
  fitIdentifier,
  foreignKeyName,
  MAX_IDENTIFIER_BYTES,
} from './postgres-literal.js'
export {
  renderLiteral,
  quoteString,
  toPostgresValue,
  numberPlaceholders,
  inlineStatement,
  PostgresValueError,
} from './postgres-literal.js'
export {
  parsePostgresConnectionString,
  scrubPassword,
  type PostgresConnectionString,
} from './postgres-dialect.js'
