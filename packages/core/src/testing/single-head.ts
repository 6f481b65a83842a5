import { HarnessError, type HarnessCheckResult } from './harness-error.js'
import { prepareHarness, type HarnessOptions, type PreparedHarness } from './harness-options.js'

/**
 * Checks that the revision graph has one head (see {@link singleHead}); returns the result
 * instead of throwing.
 *
 * @example
 * ```ts
 * const { ok, heads } = await runSingleHead({ scriptLocation: '/app/migrations' })
 * ```
 */
export async function runSingleHead(options: HarnessOptions): Promise<HarnessCheckResult> {
  return singleHeadOf(await prepareHarness(options))
}

/**
 * Fails when the revision graph has several heads (two branches that nobody merged), naming
 * each head and its message; a head that another head depends on (`dependsOn`) does not
 * count. An empty graph passes. Reads only the revisions' headers; no database.
 *
 * @example
 * ```ts
 * import { test } from 'node:test'
 * import { singleHead } from '@retort/core/testing'
 *
 * test('one head', () => singleHead({ config: new URL('../retort.yaml', import.meta.url) }))
 * ```
 */
export async function singleHead(options: HarnessOptions): Promise<void> {
  const result = await runSingleHead(options)
  if (!result.ok) throw new HarnessError(result)
}

/**
 * {@link runSingleHead} on an already prepared harness.
 *
 * @example
 * ```ts
 * const result = singleHeadOf(await prepareHarness({ scriptLocation }))
 * ```
 */
export function singleHeadOf(prepared: PreparedHarness): HarnessCheckResult {
  const { map } = prepared.loaded
  const heads = map.effectiveHeads
  const described = heads.map((id) => {
    const message = map.get(id)?.message ?? ''
    return `'${id}'${message === '' ? '' : ` (${message})`}`
  })
  const ok = heads.length <= 1
  prepared.onProgress({ check: 'single-head', index: 1, total: 1, findings: [] })
  return Object.freeze({
    check: 'single-head',
    ok,
    summary:
      heads.length === 0 ? 'no revisions' : ok ? `one head (${heads[0]})` : `${heads.length} heads`,
    findings: ok
      ? Object.freeze([])
      : Object.freeze([
          Object.freeze({
            check: 'single-head' as const,
            message: `the revision graph has ${heads.length} heads: ${described.join(', ')}; merge them with 'retort merge -m "merge" heads'`,
          }),
        ]),
    heads: Object.freeze([...heads]),
  })
}
