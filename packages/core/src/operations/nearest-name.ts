/**
 * The name of `candidates` that `name` most likely misspells, or `undefined` when none is
 * close: the same letters up to case, `_` and `-` (`down_revision`, `DownRevision`), or at
 * most one edit away (two for names of nine letters or more), counting an insertion, a
 * deletion, a substitution or a swap of two neighbours as one edit. Used for the "did you
 * mean" part of errors about unknown keys and near-miss names; `name` itself is never
 * returned (a known name is not a typo).
 *
 * @example
 * ```ts
 * nearestName('downRevison', ['revision', 'downRevision']) // 'downRevision'
 * nearestName('helper', ['revision', 'downRevision']) // undefined
 * ```
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(name)) return undefined
  const wanted = normalise(name)
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const target = normalise(candidate)
    const limit = target.length >= 9 ? 2 : 1
    if (Math.abs(target.length - wanted.length) > limit) continue
    const distance = editDistance(wanted, target, limit)
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/**
 * ` (did you mean 'downRevision'?)` when `name` is near one of `candidates`, else `''`: the
 * suffix errors append to their "unknown ..." part.
 *
 * @example
 * ```ts
 * `unknown key 'upgrades'${didYouMean('upgrades', ['upgrade', 'downgrade'])}`
 * // "unknown key 'upgrades' (did you mean 'upgrade'?)"
 * ```
 */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const nearest = nearestName(name, candidates)
  return nearest === undefined ? '' : ` (did you mean '${nearest}'?)`
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '')
}

/**
 * The optimal string alignment distance of `a` and `b`, or `limit + 1` as soon as it is
 * known to exceed `limit` (names are short; this keeps a miss cheap).
 */
function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0
  const n = b.length
  let before: number[] = []
  let previous: number[] = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = [i]
    let rowMinimum = i
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, before[j - 2]! + 1)
      }
      current.push(value)
      if (value < rowMinimum) rowMinimum = value
    }
    if (rowMinimum > limit) return limit + 1
    before = previous
    previous = current
  }
  return previous[n]!
}
