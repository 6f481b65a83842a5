// Runs the built `retort` binary for the generated parts of the docs, the way a user runs
// it: its own process, no colours, no CI or config variables of the calling shell.
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The built binary (`pnpm build` first). */
export const BIN = join(ROOT, 'packages/cli/dist/bin.js')

/**
 * Runs `retort ARGS` in `cwd` and returns `{ code, stdout, stderr }`. With `combined`,
 * stdout and stderr go to one file, so `stdout` holds both in the order a terminal shows
 * them and `stderr` is empty. Throws when the exit code is not `expectCode` (0 by default),
 * with what it printed.
 *
 * @param {string} cwd
 * @param {readonly string[]} args
 * @param {{ expectCode?: number, combined?: boolean, env?: Record<string, string> }} [options]
 */
export function runRetort(cwd, args, options = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...options.env }
  for (const name of ['FORCE_COLOR', 'RETORT_CONFIG', 'CI', 'EDITOR', 'VISUAL']) {
    if (!(options.env && name in options.env)) delete env[name]
  }
  let run
  if (options.combined) {
    const scratch = mkdtempSync(join(tmpdir(), 'retort-docs-out-'))
    const file = join(scratch, 'output')
    const fd = openSync(file, 'w')
    try {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd,
        env,
        stdio: ['ignore', fd, fd],
      })
      run = { code: result.status ?? -1, stdout: readFileSync(file, 'utf8'), stderr: '' }
    } finally {
      closeSync(fd)
      rmSync(scratch, { recursive: true, force: true })
    }
  } else {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env })
    run = { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
  }
  const expected = options.expectCode ?? 0
  if (run.code !== expected) {
    throw new Error(
      `retort ${args.join(' ')} exited ${run.code} (expected ${expected}): ${run.stderr}${run.stdout}`,
    )
  }
  return run
}
