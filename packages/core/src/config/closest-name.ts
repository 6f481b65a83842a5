/**
 * The candidate a mistyped name most likely meant: the one at the smallest edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, ignoring case and
 * `_`/`-`), provided the distance is small for the name's length (at most a third of it,
 * and at least 1). `undefined` when nothing is that close.
 *
 * @example
 * ```ts
 * closestName('versionTabel', ['versionTable', 'versionTableSchema']) // 'versionTable'
 * closestName('tenant', ['url', 'versionTable'])                      // undefined
 * ```
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = fold(name)
  const limit = Math.max(1, Math.floor(wanted.length / 3))
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(wanted, fold(candidate))
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '')
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const columns = b.length + 1
  const d: number[] = new Array<number>(rows * columns).fill(0)
  for (let i = 0; i < rows; i++) d[i * columns] = i
  for (let j = 0; j < columns; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        d[(i - 1) * columns + j]! + 1,
        d[i * columns + j - 1]! + 1,
        d[(i - 1) * columns + j - 1]! + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[(i - 2) * columns + j - 2]! + 1)
      }
      d[i * columns + j] = value
    }
  }
  return d[rows * columns - 1]!
}
