/**
 * `@retort/core/testing`: the migration test harness for applications' test suites
 * (`stairway`, `singleHead`, `bodiesLoad`, `schemaMatches`, and `runMigrationTests`, which
 * `retort test` prints), and the conformance suite for dialect packages' tests. Not part of
 * the main entry, so applications never load them at run time.
 *
 * @packageDocumentation
 */
export * from './conformance.js'
export * from './conformance-api.js'
export * from './bodies-load.js'
export * from './compare-snapshots.js'
export * from './harness-error.js'
export * from './harness-options.js'
export * from './run-migration-tests.js'
export * from './schema-matches.js'
export * from './schema-snapshot-file.js'
export * from './single-head.js'
export * from './stairway.js'
