import type { CliIo } from './cli-context.js'
import { runHandler, type CommandKit } from './command-kit.js'
import { quickCommandLine } from './quick-command-line.js'
import { EXIT_OK } from './usage-error.js'

/**
 * Runs the `retort` command line and returns the exit code: 0 success, 1 a user-facing
 * error, 2 a usage error. Prints only to the given streams and never calls
 * `process.exit`, so tests and wrappers can call it in-process.
 *
 * A plain command line of a frequent read-only command (`heads`, `history`, `branches`,
 * `current`, and `upgrade`; see `quickCommandLine`) runs without loading commander; every other one, and
 * every help, version or usage error, goes through commander (`runProgram`).
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, '0.1.0')
 * ```
 */
export async function main(args: readonly string[], io: CliIo, version: string): Promise<number> {
  const quick = quickCommandLine(args)
  if (quick === undefined) {
    const { runProgram } = await import('./program.js')
    return runProgram(args, io, version)
  }
  const kit: CommandKit = { io, exitCode: EXIT_OK }
  await runHandler(kit, await quick.command.load(), quick.flags, quick.operands, quick.options)
  return kit.exitCode
}
