import { printableText } from '../env/printable-text.js'
import { RetortError } from '../errors.js'
import type { SchemaObjectKind } from './compare-snapshots.js'

/** The checks of the migration test harness, by the names `retort test --only` takes. */
export const HARNESS_CHECKS = Object.freeze([
  'bodies',
  'single-head',
  'stairway',
  'schema',
] as const)

/** One of {@link HARNESS_CHECKS}. */
export type HarnessCheckName = (typeof HARNESS_CHECKS)[number]

/**
 * One problem a check found: a sentence naming the revision, the operation and the object
 * (`downgrade of 3f1c2a9b7d10 ('add note index') leaves index 'ix_note_title' on 'note'`),
 * and the same as data.
 *
 * @example
 * ```ts
 * const finding: HarnessFinding = {
 *   check: 'stairway', revision: '3f1c2a9b7d10', operation: 'downgrade',
 *   object: { kind: 'index', name: 'ix_note_title', table: 'note' },
 *   message: "downgrade of 3f1c2a9b7d10 ('add note index') leaves index 'ix_note_title' on 'note'",
 * }
 * ```
 */
export interface HarnessFinding {
  readonly check: HarnessCheckName
  readonly message: string
  /** The revision concerned. */
  readonly revision?: string | undefined
  /** Its file. */
  readonly path?: string | undefined
  /** What ran when the problem showed (stairway): the upgrade, the downgrade, or the upgrade after it. */
  readonly operation?: 'upgrade' | 'downgrade' | 'upgrade again' | undefined
  /** The schema object concerned (stairway, schema). */
  readonly object?:
    | {
        readonly kind: SchemaObjectKind
        readonly name: string
        readonly table?: string | undefined
      }
    | undefined
}

/**
 * What one check of the harness did: whether it passed, its findings, and a one-line
 * summary (`5 revisions up, down and up again on sqlite (in memory)`). A check that could
 * not run says why in `skipped` and counts as passed only when it was not asked for by
 * name (see `runMigrationTests`).
 *
 * @example
 * ```ts
 * const result = await runStairway({ config })
 * if (!result.ok) console.log(result.findings.map((f) => f.message).join('\n'))
 * ```
 */
export interface HarnessCheckResult {
  readonly check: HarnessCheckName
  readonly ok: boolean
  readonly summary: string
  readonly findings: readonly HarnessFinding[]
  /** Why the check did not run. */
  readonly skipped?: string | undefined
  /** The dialect it ran on (stairway, schema). */
  readonly dialect?: string | undefined
  /** How many revisions it covered (stairway: stepped; bodies: loaded). */
  readonly revisions?: number | undefined
  /** The heads of the graph (single-head). */
  readonly heads?: readonly string[] | undefined
  /** The snapshot file compared or written (schema). */
  readonly snapshotFile?: string | undefined
  /** `true` when the snapshot file was (re)written by this run. */
  readonly updated?: boolean | undefined
  /** The declared schema file compared with (schema). */
  readonly declaredSchema?: string | undefined
}

/**
 * Thrown by `stairway`, `singleHead`, `bodiesLoad` and `schemaMatches` when their check
 * fails: `findings` has every problem, and the message is a readable report (a line of
 * summary, then one line per finding), so that vitest, Jest and `node:test` show it as the
 * test's failure.
 *
 * @example
 * ```ts
 * try {
 *   await stairway({ config: new URL('../retort.yaml', import.meta.url) })
 * } catch (error) {
 *   if (error instanceof HarnessError) error.findings.map((f) => f.revision)
 * }
 * ```
 */
export class HarnessError extends RetortError {
  readonly check: HarnessCheckName
  readonly findings: readonly HarnessFinding[]
  /** The result of the check, as `runStairway` (...) returns it. */
  readonly result: HarnessCheckResult

  constructor(result: HarnessCheckResult) {
    super('migration-test-failed', harnessReport(result))
    this.check = result.check
    this.findings = result.findings
    this.result = result
  }
}

/**
 * The report of a check: its summary, then each finding on its own line (control
 * characters escaped).
 *
 * @example
 * ```ts
 * harnessReport(result)
 * // "stairway: 1 problem in 3 revisions up, down and up again on sqlite (in memory)\n  - downgrade of ..."
 * ```
 */
export function harnessReport(result: HarnessCheckResult): string {
  const head = `${result.check}: ${result.ok ? 'passed' : `${result.findings.length} problem${result.findings.length === 1 ? '' : 's'}`}; ${printableText(result.summary)}`
  return [head, ...result.findings.map((f) => `  - ${printableText(f.message)}`)].join('\n')
}
