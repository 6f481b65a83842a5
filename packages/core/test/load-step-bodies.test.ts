import { describe, expect, it } from 'vitest'
import { MigrationError, RevisionFileError } from '../src/errors.js'
import type { MigrationStep } from '../src/graph/planner.js'
import { loadStepBodies } from '../src/runtime/load-step-bodies.js'
import { createRevision, type Revision, type RevisionBody } from '../src/revision.js'

const revisions = Array.from({ length: 30 }, (_, i) =>
  createRevision({ revision: `r${i}`, downRevision: i === 0 ? null : `r${i - 1}` }, `v/r${i}.ts`),
)
const steps = (direction: 'up' | 'down', list: readonly Revision[] = revisions): MigrationStep[] =>
  list.map((revision) => ({ kind: 'migration', revision, direction, rows: [] }))

/** A source whose bodies resolve after `delay(index)` ms; `broken` ids fail to load. */
function source(broken: ReadonlySet<string>, delay: (index: number) => number = () => 0) {
  const loaded: string[] = []
  return {
    loaded,
    revisions,
    load(revision: Revision): Promise<RevisionBody> {
      loaded.push(revision.id)
      const index = revisions.indexOf(revision)
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          if (broken.has(revision.id))
            reject(new RevisionFileError(revision.path as string, 3, 'unknown key'))
          else resolve({ upgrade() {}, ...(revision.id === 'r7' ? {} : { downgrade() {} }) })
        }, delay(index)),
      )
    },
  }
}

describe('loadStepBodies', () => {
  it('loads every body of the plan', async () => {
    const s = source(new Set())
    await loadStepBodies(s, steps('up'))
    expect([...s.loaded].sort()).toEqual(revisions.map((r) => r.id).sort())
  })

  it('reports the earliest failing step, whichever fails first, and starts no more loads', async () => {
    // r4 fails last (slow), r6 first: the error is r4's, as in plan order.
    const s = source(new Set(['r4', 'r6']), (index) => (index === 4 ? 30 : 0))
    const error = await loadStepBodies(s, steps('up')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RevisionFileError)
    expect((error as Error).message).toBe('v/r4.ts:3: unknown key')
    expect(s.loaded.length).toBeLessThan(revisions.length)
  })

  it('needs the function the step calls: a downgrade going down', async () => {
    await expect(loadStepBodies(source(new Set()), steps('up'))).resolves.toBeUndefined()
    const error = await loadStepBodies(source(new Set()), steps('down')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as Error).message).toContain(
      "downgrade of revision 'r7' in 'v/r7.ts' failed: the revision has no downgrade function; add one",
    )
  })

  it('does nothing for an empty plan', async () => {
    const s = source(new Set())
    await loadStepBodies(s, [])
    expect(s.loaded).toEqual([])
  })
})
