import type { Command } from 'commander'
import { CliContext, type CliIo, type GlobalFlags } from './cli-context.js'
import { renderError } from './render/render-error.js'

/** What each command's registration receives: the process's streams and the exit code. */
export interface CommandKit {
  readonly io: CliIo
  exitCode: number
}

/** A command's body: parsed operands and flags in, an exit code (default 0) out. */
export type CommandHandler<O> = (
  ctx: CliContext,
  args: readonly unknown[],
  options: O,
) => Promise<number | void>

/**
 * Wraps a command body as a commander action: builds the {@link CliContext} from the global
 * flags, runs the body, and turns a thrown error into its message (and, with `--json`, its
 * JSON document) and exit code.
 *
 * @example
 * ```ts
 * program.command('heads').action(action(kit, async (ctx) => { ... }))
 * ```
 */
export function action<O>(
  kit: CommandKit,
  handler: CommandHandler<O>,
): (...params: unknown[]) => Promise<void> {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command
    const options = params[params.length - 2] as O
    await runHandler(
      kit,
      handler,
      command.optsWithGlobals<GlobalFlags>(),
      params.slice(0, -2),
      options,
    )
  }
}

/**
 * Runs a command body as {@link action} does, on flags parsed by whatever read the command
 * line: `flags` holds the global flags (and may hold the command's own), `options` the
 * command's own flags.
 */
export async function runHandler<O>(
  kit: CommandKit,
  handler: CommandHandler<O>,
  flags: GlobalFlags,
  args: readonly unknown[],
  options: O,
): Promise<void> {
  const ctx = new CliContext(flags, kit.io)
  try {
    kit.exitCode = (await handler(ctx, args, options)) ?? 0
  } catch (error) {
    kit.exitCode = renderError(
      {
        colors: ctx.errColors,
        stderr: kit.io.stderr,
        json: ctx.json ? kit.io.stdout : undefined,
        debug: ctx.debug,
        secrets: ctx.secrets(),
      },
      error,
    )
  }
}
