import type { DialectPackages } from '@retort/core/cli'

/**
 * The dialect packages this CLI depends on, each imported by a literal specifier: resolved
 * from the CLI's own location (so a global install finds them, whatever the package
 * manager's layout) and followed by a bundler. Core uses them only when the project has no
 * dialect package of its own next to its config (the rule is `importDialectPackage` in
 * core); a command that needs no database imports none of them.
 *
 * @example
 * ```ts
 * await current(config, { ...options, dialectPackages: CLI_DIALECT_PACKAGES })
 * ```
 */
export const CLI_DIALECT_PACKAGES: DialectPackages = Object.freeze({
  '@retort/dialect-sqlite': () => import('@retort/dialect-sqlite'),
  '@retort/dialect-postgres': () => import('@retort/dialect-postgres'),
  '@retort/dialect-mysql': () => import('@retort/dialect-mysql'),
})
