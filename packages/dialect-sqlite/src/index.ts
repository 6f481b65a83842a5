export {
  sqliteDialect,
  SqliteDialect,
  DEFAULT_SQLITE_TIMEOUT_MS,
  type SqliteDialectConfig,
} from './sqlite-dialect.js'
export {
  SqliteDriver,
  SqliteConnection,
  type SqliteHandle,
  type SqlitePendingFile,
} from './sqlite-driver.js'
export { openSqliteFile, type SqliteFileOptions } from './sqlite-driver.js'
export { explainSqliteFileError } from './sqlite-driver.js'
export { SqliteCompiler, SqliteCompileError } from './sqlite-compiler.js'
export { SqliteAdapter, databaseOf } from './sqlite-adapter.js'
export { SqliteMigrationLock, sqliteLockPath, SQLITE_LOCK_SUFFIX } from './sqlite-migration-lock.js'
export { SqliteIntrospector, type SqliteTableSource } from './sqlite-introspector.js'
export { sqliteColumnType, DEFAULT_STRING_LENGTH } from './sqlite-column-type.js'
export {
  renderLiteral,
  toSqliteValue,
  inlineStatement,
  SqliteValueError,
} from './sqlite-literal.js'
export {
  isRebuildStatement,
  type SqliteNativeCondition,
  type SqliteRebuildStep,
  type SqliteRebuildStatement,
} from './rebuild/sqlite-rebuild-step.js'
export { keepsForeignKeys, type SqliteStatement } from './sqlite-compiler.js'
export { runRebuildStep } from './rebuild/sqlite-table-rebuilder.js'
export {
  planRebuild,
  planTableChange,
  nativeDropColumnWorks,
  REBUILD_SUFFIX,
  type SqliteTableChange,
  type RebuildPlan,
  type RebuildSource,
  type SchemaObjectSql,
} from './rebuild/sqlite-rebuild-plan.js'
export { rebuildScript } from './rebuild/sqlite-rebuild-script.js'
export { SqliteRebuildError } from './rebuild/sqlite-rebuild-error.js'
export { SqliteForeignKeyError, type ForeignKeyViolation } from './rebuild/sqlite-rebuild-error.js'
