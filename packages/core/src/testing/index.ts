/**
 * `@retort/core/testing`: helpers for dialect packages' tests. Not part of the main entry,
 * so applications never load them.
 *
 * @packageDocumentation
 */
export * from './conformance.js'
