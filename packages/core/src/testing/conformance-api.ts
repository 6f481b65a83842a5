// The shapes the conformance suite is driven by: the test runner's functions and what the
// dialect under test states about itself.

/** What the suite asserts with: the subset of vitest's and Jest's `expect` it uses. */
export interface ConformanceAssertion {
  toEqual(expected: unknown): void
  toBe(expected: unknown): void
  toContain(expected: unknown): void
  toMatch(expected: string | RegExp): void
  toBeInstanceOf(expected: unknown): void
  toBeUndefined(): void
  toBeDefined(): void
  readonly not: ConformanceAssertion
}

/**
 * The test functions of the runner the dialect's tests use (vitest, Jest ...), handed in
 * so that core does not depend on one.
 *
 * @example
 * ```ts
 * import { afterEach, beforeEach, describe, expect, it } from 'vitest'
 * const api: ConformanceTestApi = { describe, it, expect, beforeEach, afterEach }
 * ```
 */
export interface ConformanceTestApi {
  describe(name: string, body: () => void): void
  it(name: string, body: () => Promise<void>): void
  expect(actual: unknown): ConformanceAssertion
  beforeEach(body: () => Promise<void>): void
  afterEach(body: () => Promise<void>): void
}

/**
 * What a dialect stores differently from the others, stated by its conformance target.
 * Every scenario of the suite runs on every dialect; a `false` here changes what one step
 * asserts (it is named in the step), never whether the scenario runs.
 *
 * @example
 * ```ts
 * const capabilities: ConformanceCapabilities = { comments: false, qualifiedNames: true }
 * ```
 */
export interface ConformanceCapabilities {
  /**
   * Table and column comments are stored and read back by the introspector. `false`
   * (SQLite): the comment operations are checked to run and to change nothing else; the
   * comments themselves are not read back.
   */
  readonly comments: boolean
  /**
   * A table can be named with the schema it is in: a PostgreSQL schema, a MySQL database,
   * an attached SQLite database. `true`: the test database says which one its tables are in
   * (`ConformanceDatabase.schema`), and renames are also run qualified by it.
   * `false`: only the unqualified renames run.
   */
  readonly qualifiedNames: boolean
}
