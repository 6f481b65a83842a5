import { existsSync } from 'node:fs'
import { ConfigError } from '../errors.js'
import { nearestName } from '../operations/nearest-name.js'
import { declaredSchemaPath } from '../schema/declared-schema-config.js'
import { scratchDialect } from '../schema/scratch-database.js'
import { bodiesLoadOf } from './bodies-load.js'
import { HARNESS_CHECKS, type HarnessCheckName, type HarnessCheckResult } from './harness-error.js'
import { prepareHarness, type HarnessOptions } from './harness-options.js'
import { defaultSnapshotFile, schemaMatchesOf, type ExpectedSchema } from './schema-matches.js'
import { snapshotFileName } from './schema-snapshot-file.js'
import { singleHeadOf } from './single-head.js'
import { stairwayOf } from './stairway.js'

/**
 * Options of {@link runMigrationTests}: where the revisions are and the database kind (see
 * {@link HarnessOptions}), which checks, and what the schema check compares with.
 *
 * @example
 * ```ts
 * const options: MigrationTestOptions = { config, only: ['stairway', 'single-head'] }
 * ```
 */
export interface MigrationTestOptions extends HarnessOptions {
  /** The checks to run, by the names of {@link HARNESS_CHECKS}; default: all. */
  readonly only?: readonly string[] | undefined
  /**
   * What the schema check compares with. Default: `snapshotFile` when given (or when
   * `update`), else the default snapshot file `retort-schema.<dialect>.json` next to the
   * config when it exists, else the config's declared schema when it names one; with none
   * of those the check is skipped, unless `only` names it.
   */
  readonly expected?: ExpectedSchema | undefined
  /** The snapshot file to compare with or write; relative to the config's directory. */
  readonly snapshotFile?: string | URL | undefined
  /** Rewrite the snapshot file from the revisions instead of comparing. */
  readonly update?: boolean | undefined
  /** Called with each check's result as soon as it is known. */
  readonly onResult?: ((result: HarnessCheckResult) => void) | undefined
}

/**
 * What {@link runMigrationTests} found: one result per check, in the order they ran.
 *
 * @example
 * ```ts
 * const report: MigrationTestReport = { ok: true, where: 'sqlite (in memory)', checks: [] }
 * ```
 */
export interface MigrationTestReport {
  /** `true` when every check that ran passed. */
  readonly ok: boolean
  /** The kind of database the checks ran on (`sqlite (in memory)`, a URL without password). */
  readonly where: string
  readonly checks: readonly HarnessCheckResult[]
}

/**
 * Runs the harness's checks one after the other and returns every result (what `retort
 * test` prints): `bodies` (every revision body loads), `single-head`, `stairway` (every
 * revision up, down and up again leaves the same schema) and `schema` (the revisions make
 * the expected schema). When a body does not load, `stairway` and `schema` are skipped
 * (they would fail on it). Nothing is thrown for a failed check; bad options throw
 * `ConfigError` before anything runs.
 *
 * @example
 * ```ts
 * const report = await runMigrationTests({ config: '/app/retort.yaml', url: 'postgresql://ci@db/ci' })
 * for (const check of report.checks) console.log(check.check, check.ok, check.summary)
 * ```
 */
export async function runMigrationTests(
  options: MigrationTestOptions,
): Promise<MigrationTestReport> {
  const { only, expected, snapshotFile, update, onResult, ...harness } = options
  const selected = selectedChecks(only)
  if (expected !== undefined && (snapshotFile !== undefined || update === true)) {
    throw new ConfigError(
      `the test harness was given both expected and snapshotFile/update; pass one of them`,
    )
  }
  const prepared = await prepareHarness(harness, [
    'only',
    'expected',
    'snapshotFile',
    'update',
    'onResult',
  ])
  const results: HarnessCheckResult[] = []
  const checks = {
    push(result: HarnessCheckResult): void {
      results.push(result)
      onResult?.(result)
    },
  }
  const skip = (check: HarnessCheckName, why: string) =>
    checks.push(
      Object.freeze({ check, ok: true, skipped: why, summary: `skipped: ${why}`, findings: [] }),
    )
  let bodiesFailed = false
  for (const check of HARNESS_CHECKS) {
    if (!selected.includes(check)) continue
    switch (check) {
      case 'bodies': {
        const result = await bodiesLoadOf(prepared)
        bodiesFailed = !result.ok
        checks.push(result)
        break
      }
      case 'single-head':
        checks.push(singleHeadOf(prepared))
        break
      case 'stairway':
        if (bodiesFailed) skip(check, 'a revision body does not load (see bodies)')
        else checks.push(await stairwayOf(prepared))
        break
      case 'schema': {
        if (bodiesFailed) {
          skip(check, 'a revision body does not load (see bodies)')
          break
        }
        const chosen =
          expected === undefined
            ? await defaultExpected(prepared, snapshotFile, update === true, only !== undefined)
            : { expected }
        if ('skip' in chosen) skip(check, chosen.skip)
        else checks.push(await schemaMatchesOf(chosen.expected, prepared))
        break
      }
      default:
        check satisfies never
    }
  }
  return Object.freeze({
    ok: results.every((c) => c.ok),
    where: prepared.where,
    checks: Object.freeze(results),
  })
}

function selectedChecks(only: readonly string[] | undefined): readonly HarnessCheckName[] {
  if (only === undefined) return HARNESS_CHECKS
  if (only.length === 0) {
    throw new ConfigError(
      `the list of checks to run is empty; name some of ${HARNESS_CHECKS.join(', ')}`,
    )
  }
  for (const name of only) {
    if ((HARNESS_CHECKS as readonly string[]).includes(name)) continue
    const near = nearestName(name, HARNESS_CHECKS)
    throw new ConfigError(
      `unknown check '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}; the checks are ${HARNESS_CHECKS.join(', ')}`,
    )
  }
  return HARNESS_CHECKS.filter((check) => only.includes(check))
}

/** The expected schema when none was given, or why the check is skipped (a sentence). */
async function defaultExpected(
  prepared: Awaited<ReturnType<typeof prepareHarness>>,
  snapshotFile: string | URL | undefined,
  update: boolean,
  named: boolean,
): Promise<{ readonly expected: ExpectedSchema } | { readonly skip: string }> {
  if (snapshotFile !== undefined) return { expected: { snapshotFile, update } }
  const dialect = await scratchDialect(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect,
  })
  const file = defaultSnapshotFile(prepared, dialect.name)
  if (update || existsSync(file)) return { expected: { snapshotFile: file, update } }
  if (declaredSchemaPath(prepared.config) !== undefined) return { expected: 'declared' }
  if (named) return { expected: { snapshotFile: file, update: false } }
  return {
    skip: `no declared schema ('schema:' in the config) and no snapshot file ${snapshotFileName(dialect.name)} next to it; write one with 'retort test --update'`,
  }
}
