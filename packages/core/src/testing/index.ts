/**
 * `@retort/core/testing`: helpers for dialect packages' tests. Not part of the main entry,
 * so applications never load them.
 *
 * @packageDocumentation
 */
export * from './conformance.js'
export * from './bodies-load.js'
export * from './compare-snapshots.js'
export * from './harness-error.js'
export * from './harness-options.js'
export * from './run-migration-tests.js'
export * from './schema-matches.js'
export * from './schema-snapshot-file.js'
export * from './single-head.js'
export * from './stairway.js'
