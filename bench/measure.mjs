// Measurements shared by the upgrade cases of every dialect.
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * What importing the revision files of a script directory costs by itself, in a process of
 * its own (an import is cached per process): part of a files case, not of its floor.
 */
export function importFloorMs(scriptDirectory) {
  const out = execFileSync(
    process.execPath,
    [join(here, 'import-floor-case.mjs'), scriptDirectory],
    { encoding: 'utf8' },
  )
  return JSON.parse(out.trim().split('\n').pop()).importMs
}

/**
 * `current` on a database at its head: the first call of a new Migrator (which reads the
 * revisions), then the median of five more calls on it.
 */
export async function measureCurrent(migrator) {
  const times = []
  for (let i = 0; i < 6; i++) {
    const start = performance.now()
    const { heads } = await migrator.current()
    times.push(performance.now() - start)
    if (heads.length !== 1) throw new Error('current did not report the head')
  }
  const currentFirstMs = times.shift()
  times.sort((a, b) => a - b)
  return { currentFirstMs, currentMs: times[2] }
}
