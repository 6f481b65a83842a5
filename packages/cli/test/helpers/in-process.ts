import { main } from '../../src/main.js'
import type { RunResult } from './project.js'

/**
 * Runs `retort ARGS` in this process: the `main` the binary calls, with buffers for its
 * streams and no colours. Much faster than spawning the binary, for corpora of many runs.
 */
export async function retortInProcess(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(
    args,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { NO_COLOR: '1', ...env },
      cwd,
    },
    '0.0.0',
  )
  return { code, stdout, stderr }
}
