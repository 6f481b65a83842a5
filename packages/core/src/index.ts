export * from './errors.js'
export * from './revision.js'
export * from './dialect.js'
export * from './graph/target.js'
export * from './graph/identifier.js'
export * from './graph/revision-map.js'
export * from './graph/planner.js'
export * from './graph/version-rows.js'
export * from './operations/operation.js'
export {
  COLUMN_TYPES,
  REFERENTIAL_ACTIONS,
  createColumn,
  normalizeColumn,
  type ColumnDefault,
  type ColumnDefinition,
  type ColumnReference,
  type PortableColumnType,
  type RawColumnType,
  type ReferentialAction,
  type ColumnOptions,
  type ColumnSpec,
  type ColumnType,
} from './operations/column.js'
export * from './operations/table-constraint.js'
export * from './operations/operations.js'
export * from './operations/operation-options.js'
export { OPERATION_OPTION_KEYS } from './operations/operation-option-keys.js'
export * from './operations/reverse-operation.js'
export * from './operations/describe-operation.js'
export * from './operations/operation-error.js'
export * from './operations/irreversible-operation-error.js'
export * from './operations/yaml-body.js'
export * from './runtime/migration-action.js'
export * from './runtime/version-table.js'
export * from './runtime/run-online.js'
export * from './runtime/run-offline.js'
export { describeStep } from './runtime/step-runner.js'
export * from './session/command-options.js'
export * from './session/revision-info.js'
export * from './session/load-revisions.js'
export * from './session/migrate-result.js'
export * from './commands/upgrade.js'
export * from './commands/downgrade.js'
export * from './commands/stamp.js'
export * from './commands/current.js'
export * from './commands/ensure-version.js'
export * from './commands/heads.js'
export * from './commands/history.js'
export * from './commands/show.js'
export * from './commands/branches.js'
export * from './migrator.js'
export * from './app/database-status.js'
export * from './app/upgrade-unless-newer.js'
export * from './app/operate.js'
export * from './app/operate-command.js'
export * from './database-files.js'
export * from './app/database-template.js'
export * from './app/create-database.js'
export * from './config/backup-settings.js'
export * from './runtime/run-with-backup.js'
export * from './app/migrate-many.js'
export {
  CONFIG_DEFAULTS,
  CONFIG_KEYS,
  DEFAULT_FILE_TEMPLATE,
  DEFAULT_REVISION_FORMAT,
  REVISION_FORMATS,
  TRANSACTION_MODES,
  type ConfigLocation,
  type ConfigValues,
  type DatabaseValues,
  type KnownConfigValues,
  type PostWriteHook,
  type RevisionFormat,
} from './config/config-keys.js'
export * from './config/config.js'
export * from './config/database-url.js'
export * from './config/mask-url.js'
export { interpolateEnv, type EnvVariables } from './config/interpolate-env.js'
export * from './config/load-config.js'
export * from './config/parse-config.js'
export * from './env/logger.js'
export * from './env/define-env.js'
export * from './env/env-context.js'
export * from './env/load-env-module.js'
export * from './env/dialect-for-url.js'
export * from './env/dialect-for-connection.js'
export * from './env/default-env.js'
export { readHeader } from './script/header-reader.js'
export * from './script/module-source.js'
export * from './script/script-directory.js'
export * from './authoring/render-revision-file.js'
export * from './authoring/revision-file-name.js'
export * from './authoring/generate-revision-id.js'
export * from './authoring/run-post-write-hooks.js'
export { type WriteRevisionOptions, type RevisionResult } from './authoring/write-revision.js'
export * from './authoring/revision.js'
export * from './autogenerate/autogenerate.js'
export * from './autogenerate/diff-schemas.js'
export * from './autogenerate/schema-snapshot.js'
export * from './authoring/operation-builder-call.js'
export * from './authoring/render-operations.js'
export * from './authoring/merge.js'
export * from './commands/list-templates.js'
export * from './commands/init.js'
export * from './session/database-configured.js'
export * from './authoring/rebase.js'
export * from './commands/graph.js'
export * from './commands/check.js'
export * from './schema/define-schema.js'
export * from './schema/schema-builders.js'
export * from './schema/load-declared-schema.js'
export * from './schema/schema-file-error.js'
export * from './schema/compare-declared-schema.js'
export * from './schema/describe-schema-difference.js'
export * from './schema/rename-hints.js'
export * from './schema/revision-checksum.js'
export * from './schema/schema-cache.js'
export * from './schema/scratch-database.js'
export * from './schema/replay-schema.js'
export * from './schema/materialize-declared-schema.js'
export * from './script/generate-migrations-index.js'
export * from './script/bundled-yaml-revision.js'
export * from './progress-record.js'
export * from './run-settings.js'
export * from './runtime/progress-table.js'
export * from './runtime/default-progress-compiler.js'
export * from './runtime/incomplete-migration.js'
