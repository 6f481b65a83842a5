import { main } from '../../src/main.js'
import type { RunResult } from './project.js'

/**
 * Runs `retort ARGS` in this process: the `main` the binary calls, with buffers for its
 * streams and no colours. Much faster than spawning the binary, for corpora of many runs.
 * The environment is `env` alone (with NO_COLOR).
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

// The helpers below are the in-process twins of those of project.ts (same names, same
// results, but async): a test that is not about the process itself (exit status, signals,
// pipes) calls `main` instead of starting the binary. The environment is the one the binary
// would get: this process's, without colour and config overrides, plus `env`.

/** The environment `retort()` of project.ts gives the binary. */
function binaryEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  for (const name of ['FORCE_COLOR', 'RETORT_CONFIG', 'EDITOR', 'VISUAL', 'CI']) delete base[name]
  return { ...base, ...env }
}

/** Runs `retort ARGS` in `cwd`, in this process, without colours (not a terminal). */
export function retort(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return retortInProcess(cwd, args, binaryEnv(env))
}

/** Runs `retort ARGS --json` in this process, expects success, and parses stdout. */
export async function retortJson<T = unknown>(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<T> {
  const result = await retort(cwd, ['--json', ...args], env)
  if (result.code !== 0)
    throw new Error(`retort ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

/** Runs `retort ARGS` in this process, expects exit 0, returns stdout. */
export async function ok(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const result = await retort(cwd, args, env)
  if (result.code !== 0)
    throw new Error(`retort ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}

/** The id of a revision created by `retort --json revision ...`, in this process. */
export function newRevision(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ revision: string; path: string; hooks: string[] }> {
  return retortJson<{ revision: string; path: string; hooks: string[] }>(
    cwd,
    ['revision', ...args],
    env,
  )
}
