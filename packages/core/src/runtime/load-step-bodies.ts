import { MigrationError } from '../errors.js'
import type { MigrationStep } from '../graph/planner.js'
import type { RevisionBody, RevisionSource } from '../revision.js'

/** How many revision bodies are imported at once. */
const CONCURRENT_LOADS = 8

/**
 * Loads (imports and checks) the body of every step of a plan before the first one runs,
 * online and offline alike: a YAML typo, a module that fails to import or whose exports
 * differ from its header, or a missing `upgrade`/`downgrade` in the fifth revision must
 * stop the run before the first four are applied. Bodies load a few at a time, in plan
 * order; when several fail, the error is that of the earliest step, so the same plan
 * always reports the same problem. The sources keep what they loaded (`ScriptDirectory`
 * and module sources cache each body), so the steps that then run import nothing again.
 *
 * @example
 * ```ts
 * await loadStepBodies(source, plan.steps)
 * ```
 */
export async function loadStepBodies(
  source: RevisionSource,
  steps: readonly MigrationStep[],
): Promise<void> {
  const failures = new Map<number, unknown>()
  let next = 0
  const worker = async (): Promise<void> => {
    // Stop starting loads after a failure; those already started finish, so every step
    // before the failed one has been tried when the error is chosen.
    while (next < steps.length && failures.size === 0) {
      const index = next++
      const step = steps[index]!
      try {
        checkStepFunction(step, await source.load(step.revision))
      } catch (error) {
        failures.set(index, error)
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_LOADS, steps.length) }, () => worker()),
  )
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()))
}

/** The function a step calls must be there: `upgrade` up, `downgrade` down. */
function checkStepFunction(step: MigrationStep, body: RevisionBody): void {
  const fn = step.direction === 'up' ? body.upgrade : body.downgrade
  if (typeof fn === 'function') return
  throw new MigrationError(
    step.revision.id,
    step.direction,
    step.revision.path,
    undefined,
    new Error(
      `the revision has no ${step.direction === 'up' ? 'upgrade' : 'downgrade'} function; add one`,
    ),
  )
}
