import type { MigrationStep } from '../graph/planner.js'
import { MigrationError } from '../errors.js'
import type { Revision } from '../revision.js'
import { loadStepBodies } from '../runtime/load-step-bodies.js'
import { HarnessError, type HarnessCheckResult, type HarnessFinding } from './harness-error.js'
import { prepareHarness, type HarnessOptions, type PreparedHarness } from './harness-options.js'

/**
 * Loads every revision body (see {@link bodiesLoad}); returns the result instead of
 * throwing.
 *
 * @example
 * ```ts
 * const { findings } = await runBodiesLoad({ scriptLocation: '/app/migrations' })
 * ```
 */
export async function runBodiesLoad(options: HarnessOptions): Promise<HarnessCheckResult> {
  return bodiesLoadOf(await prepareHarness(options))
}

/**
 * Fails unless every revision body loads as a run would load it, without a database: each
 * TypeScript or JavaScript file imports (its imports resolve, it compiles, its exports
 * match its header and misspell no key), each YAML file's operations and options are valid
 * and its derived downgrade exists, and each revision has an `upgrade` and a `downgrade`.
 * Every failing file is a finding naming it, not only the first.
 *
 * @example
 * ```ts
 * import { it } from 'vitest'
 * import { bodiesLoad } from '@retort/core/testing'
 *
 * it('every revision loads', () => bodiesLoad({ config: new URL('../retort.yaml', import.meta.url) }))
 * ```
 */
export async function bodiesLoad(options: HarnessOptions): Promise<void> {
  const result = await runBodiesLoad(options)
  if (!result.ok) throw new HarnessError(result)
}

/**
 * {@link runBodiesLoad} on an already prepared harness.
 *
 * @example
 * ```ts
 * const result = await bodiesLoadOf(await prepareHarness({ scriptLocation }))
 * ```
 */
export async function bodiesLoadOf(prepared: PreparedHarness): Promise<HarnessCheckResult> {
  const { map, source } = prepared.loaded
  const order = map.topologicalOrder
  const findings: HarnessFinding[] = []
  let index = 0
  for (const id of order) {
    const revision = map.get(id)!
    const found: HarnessFinding[] = []
    try {
      // The loader of a run: the body of both steps, each checked for its function.
      await loadStepBodies(source, [step(revision, 'up'), step(revision, 'down')])
    } catch (error) {
      found.push(bodyFinding(revision, error))
    }
    findings.push(...found)
    index += 1
    prepared.onProgress({ check: 'bodies', revision, index, total: order.length, findings: found })
  }
  return Object.freeze({
    check: 'bodies',
    ok: findings.length === 0,
    summary:
      findings.length === 0
        ? `${order.length} revision${order.length === 1 ? '' : 's'} load`
        : `${findings.length} of ${order.length} revisions do not load`,
    findings: Object.freeze(findings),
    revisions: order.length,
  })
}

function step(revision: Revision, direction: 'up' | 'down'): MigrationStep {
  return { kind: 'migration', revision, direction, rows: [] }
}

/** The finding of a body that does not load: its file, then why. */
function bodyFinding(revision: Revision, error: unknown): HarnessFinding {
  const where = revision.path ?? `revision '${revision.id}'`
  let why: string
  if (error instanceof MigrationError) {
    why = error.cause instanceof Error ? error.cause.message : String(error.cause)
  } else {
    why = error instanceof Error ? error.message : String(error)
  }
  why = why.replace(/\s+/g, ' ').trim()
  return Object.freeze({
    check: 'bodies',
    message: why.includes(where) ? why : `${where}: ${why}`,
    revision: revision.id,
    ...(revision.path === undefined ? {} : { path: revision.path }),
  })
}
