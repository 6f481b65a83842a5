import type { GlobalFlags } from './cli-context.js'
import type { CommandHandler } from './command-kit.js'

/**
 * A flag of the quick command line: the key commander stores it under, and whether it takes
 * the next argument as its value.
 */
export interface QuickFlag {
  readonly key: string
  readonly takesValue: boolean
}

/** A command the CLI can run without commander: its flags as written, and its body. */
export interface QuickCommand {
  readonly flags: ReadonlyMap<string, QuickFlag>
  readonly load: () => Promise<CommandHandler<Record<string, unknown>>>
  /** The command's one optional operand, by the value it has when left out; none if absent. */
  readonly operand?: { readonly defaultValue: string } | undefined
}

const flag = (key: string, takesValue = false): QuickFlag => ({ key, takesValue })
const VERBOSE = flag('verbose')

/**
 * The global flags as commander defines them on the program (`-V, --version` aside, which
 * the quick command line leaves to commander). A test checks this against the program.
 */
export const QUICK_GLOBAL_FLAGS: ReadonlyMap<string, QuickFlag> = new Map([
  ['-c', flag('config', true)],
  ['--config', flag('config', true)],
  ['-n', flag('name', true)],
  ['--name', flag('name', true)],
  ['-x', flag('x', true)],
  ['--json', flag('json')],
  ['--debug', flag('debug')],
])

/**
 * The commands run most often (the read-only ones in CI gates and scripts, `upgrade` in
 * deployments), with their flags and operand as commander defines them on each command: a
 * test checks every entry against the program, so a flag added to one of these commands
 * must be added here too.
 */
export const QUICK_COMMANDS: ReadonlyMap<string, QuickCommand> = new Map<string, QuickCommand>([
  [
    'heads',
    {
      flags: new Map([
        ['--resolve-dependencies', flag('resolveDependencies')],
        ['--check', flag('check')],
        ['-v', VERBOSE],
        ['--verbose', VERBOSE],
      ]),
      load: async () => (await import('./commands/heads.js')).headsAction,
    },
  ],
  [
    'history',
    {
      flags: new Map([
        ['-r', flag('rev', true)],
        ['--rev', flag('rev', true)],
        ['-i', flag('indicateCurrent')],
        ['--indicate-current', flag('indicateCurrent')],
        ['-v', VERBOSE],
        ['--verbose', VERBOSE],
        ['--ledger', flag('ledger')],
      ]),
      load: async () => (await import('./commands/history.js')).historyAction,
    },
  ],
  [
    'branches',
    {
      flags: new Map([
        ['-v', VERBOSE],
        ['--verbose', VERBOSE],
      ]),
      load: async () => (await import('./commands/branches.js')).branchesAction,
    },
  ],
  [
    'upgrade',
    {
      flags: new Map([
        ['--sql', flag('sql')],
        ['--tag', flag('tag', true)],
        ['--all', flag('all')],
        ['--concurrency', flag('concurrency', true)],
        ['--fail-fast', flag('failFast')],
      ]),
      operand: { defaultValue: 'heads' },
      load: async () =>
        (await import('./commands/upgrade.js')).upgradeAction as CommandHandler<
          Record<string, unknown>
        >,
    },
  ],
  [
    'current',
    {
      flags: new Map([
        ['--check-heads', flag('checkHeads')],
        ['-v', VERBOSE],
        ['--verbose', VERBOSE],
      ]),
      load: async () => (await import('./commands/current.js')).currentAction,
    },
  ],
])

/** A command line read by {@link quickCommandLine}: what commander would have parsed from it. */
export interface QuickCommandLine {
  readonly name: string
  readonly command: QuickCommand
  /** The global flags merged with the command's, as commander's `optsWithGlobals()`. */
  readonly flags: GlobalFlags
  /** The command's own flags, as commander's `opts()` of the command. */
  readonly options: Readonly<Record<string, unknown>>
  /** The operands commander hands the action: the command's operand (or its default). */
  readonly operands: readonly unknown[]
}

/**
 * Reads a plain command line of a command in {@link QUICK_COMMANDS} without loading
 * commander (a sixth of the start-up of `retort heads`), exactly as commander reads it:
 * each flag spelled out on its own, each value as the next argument (a global flag's
 * whatever it is, the last one given winning and `-x` collecting; a command flag's not
 * starting with `-`), global flags anywhere, the command's flags after it. Anything else
 * gives `undefined` and is left to commander, which alone prints help, the version and
 * usage errors: `--help`, `--config=FILE`, `-vi`, `--`, an operand, an unknown flag, a flag
 * missing its value, no command.
 *
 * @example
 * ```ts
 * quickCommandLine(['--json', 'heads', '--check'])?.options // { check: true }
 * quickCommandLine(['heads', '--help']) // undefined
 * ```
 */
export function quickCommandLine(args: readonly string[]): QuickCommandLine | undefined {
  const globals: Record<string, unknown> = { x: [] }
  const options: Record<string, unknown> = {}
  let name: string | undefined
  let command: QuickCommand | undefined
  let operand: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('-')) {
      if (command !== undefined) {
        // The command's one operand, given once and not empty; anything else is commander's.
        if (command.operand === undefined || operand !== undefined || arg === '') return undefined
        operand = arg
        continue
      }
      command = QUICK_COMMANDS.get(arg)
      if (command === undefined) return undefined
      name = arg
      continue
    }
    const global = QUICK_GLOBAL_FLAGS.get(arg)
    const own = global === undefined ? command?.flags.get(arg) : undefined
    const found = global ?? own
    if (found === undefined) return undefined
    const target = global !== undefined ? globals : options
    if (!found.takesValue) {
      target[found.key] = true
      continue
    }
    // As commander: the next argument is the value, whatever it looks like; but commander
    // reads the program's flags first, on the whole line, so a command flag's value that
    // could be one of them (`history -r -c`) is left to it.
    const value = args[++i]
    if (value === undefined || (global === undefined && value.startsWith('-'))) return undefined
    if (found.key === 'x') globals['x'] = [...(globals['x'] as string[]), value]
    else target[found.key] = value
  }
  if (command === undefined || name === undefined) return undefined
  const operands = command.operand === undefined ? [] : [operand ?? command.operand.defaultValue]
  return { name, command, flags: { ...globals, ...options }, options, operands }
}
