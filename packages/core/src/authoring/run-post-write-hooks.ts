import { spawn } from 'node:child_process'
import { quote } from 'shell-quote'
import type { PostWriteHook } from '../config/config-keys.js'
import { RetortError } from '../errors.js'

/** One hook that ran. */
export interface PostWriteHookRun {
  /** The command line, for display. */
  readonly command: string
  readonly exitCode: number
}

/**
 * Runs the post-write hooks of the config on a new file, in order, each as a process
 * (no shell) in `cwd`. `{path}` in a hook's arguments stands for the file, as one argument
 * whatever it contains (spaces, quotes); without it, the path is appended. A hook that
 * cannot start, exits non-zero or is killed is a {@link RetortError} (`post-write-hook`)
 * naming the hook (quoted as a shell would read it), its exit code or signal and its first
 * line of stderr; later hooks do not run.
 *
 * @example
 * ```ts
 * await runPostWriteHooks([{ command: 'prettier', args: ['--write'] }], '/app/migrations/versions/a1_init.ts', '/app')
 * ```
 */
export async function runPostWriteHooks(
  hooks: readonly PostWriteHook[],
  path: string,
  cwd: string,
): Promise<PostWriteHookRun[]> {
  const runs: PostWriteHookRun[] = []
  for (const hook of hooks) {
    const args = hook.args.some((arg) => arg.includes('{path}'))
      ? hook.args.map((arg) => arg.replaceAll('{path}', path))
      : [...hook.args, path]
    const display = quote([hook.command, ...args])
    const { code, signal, stderr, error } = await run(hook.command, args, cwd)
    if (error !== undefined || code !== 0) {
      const said = firstLine(stderr) ? `: ${firstLine(stderr)}` : ''
      const reason =
        error !== undefined
          ? (error as { code?: unknown }).code === 'ENOENT'
            ? `command '${hook.command}' not found`
            : error.message
          : code === null
            ? `killed by ${signal ?? 'a signal'}${said}`
            : `exit code ${code}${said}`
      throw new RetortError(
        'post-write-hook',
        `post-write hook '${display}' failed (${reason}); the file '${path}' was written: fix it or the hook in postWriteHooks`,
      )
    }
    runs.push({ command: display, exitCode: 0 })
  }
  return runs
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  error: Error | undefined
}> {
  return new Promise((resolve) => {
    let stderr = ''
    let settled = false
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk
    })
    child.on('error', (error) => {
      if (settled) return
      settled = true
      resolve({ code: null, signal: null, stderr, error })
    })
    child.on('close', (code, signal) => {
      if (settled) return
      settled = true
      resolve({ code, signal, stderr, error: undefined })
    })
  })
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  )
}
