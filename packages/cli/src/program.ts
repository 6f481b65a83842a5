import { Command, CommanderError } from './commander.js'
import type { CliIo } from './cli-context.js'
import type { CommandKit } from './command-kit.js'
import { examplesHelp } from './command-examples.js'
import { createColorsFor, useColor } from './colors.js'
import { commanderMessage } from './commander-message.js'
import { collect } from './options.js'
import { errorJson } from './render/render-error.js'
import { EXIT_OK, EXIT_USAGE, UsageError } from './usage-error.js'

/** What a command module exports: the function that adds the command to the program. */
type Register = (program: Command, kit: CommandKit) => void

/**
 * Every command, in the order `retort --help` lists them, with the module that registers
 * it. A run imports only the module of the command it runs (and, through it, only the
 * parts of core that command needs); help, a mistyped command and no command import all.
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<Register>])[] = [
  ['init', async () => (await import('./commands/init.js')).registerInit],
  [
    'list-templates',
    async () => (await import('./commands/list-templates.js')).registerListTemplates,
  ],
  ['revision', async () => (await import('./commands/revision.js')).registerRevision],
  ['merge', async () => (await import('./commands/merge.js')).registerMerge],
  ['upgrade', async () => (await import('./commands/upgrade.js')).registerUpgrade],
  ['downgrade', async () => (await import('./commands/downgrade.js')).registerDowngrade],
  ['stamp', async () => (await import('./commands/stamp.js')).registerStamp],
  ['current', async () => (await import('./commands/current.js')).registerCurrent],
  ['history', async () => (await import('./commands/history.js')).registerHistory],
  ['heads', async () => (await import('./commands/heads.js')).registerHeads],
  ['branches', async () => (await import('./commands/branches.js')).registerBranches],
  ['show', async () => (await import('./commands/show.js')).registerShow],
  ['edit', async () => (await import('./commands/edit.js')).registerEdit],
  ['check', async () => (await import('./commands/check.js')).registerCheck],
  ['ledger', async () => (await import('./commands/ledger.js')).registerLedger],
  ['test', async () => (await import('./commands/test.js')).registerTest],
  [
    'ensure-version',
    async () => (await import('./commands/ensure-version.js')).registerEnsureVersion,
  ],
  ['graph', async () => (await import('./commands/graph.js')).registerGraph],
  ['rebase', async () => (await import('./commands/rebase.js')).registerRebase],
  ['bundle', async () => (await import('./commands/bundle.js')).registerBundle],
  ['create', async () => (await import('./commands/create.js')).registerCreate],
  ['squash', async () => (await import('./commands/squash.js')).registerSquash],
]

/** The global options that take a value (as a separate argument). */
const GLOBAL_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-c', '--config', '-n', '--name', '-x'])

/**
 * The commands a run needs registered: the one named by the first operand (after the
 * global options) when it is a known command, else all of them.
 */
function commandsFor(
  args: readonly string[],
): readonly (readonly [string, () => Promise<Register>])[] {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') break
    if (arg.startsWith('-')) {
      if (GLOBAL_VALUE_OPTIONS.has(arg)) i++
      continue
    }
    const command = COMMANDS.find(([name]) => name === arg)
    return command === undefined ? COMMANDS : [command]
  }
  return COMMANDS
}

/**
 * The commander program with the global options and the commands `args` needs (see
 * `commandsFor`), each command's action running on `kit`; its output goes to `kit.io`.
 */
export async function createProgram(
  args: readonly string[],
  kit: CommandKit,
  version: string,
): Promise<Command> {
  const { io } = kit
  const errColors = createColorsFor(useColor(io.stderr, io.env, false))
  const usageLine =
    (help: string) =>
    (text: string, write: (text: string) => void): void =>
      write(`${errColors.red(errColors.bold('error:'))} ${commanderMessage(text, help)}\n`)
  const program = new Command()
    .name('retort')
    .description(
      'Database schema migrations: a revision graph applied to SQLite, PostgreSQL and MySQL/MariaDB',
    )
    .version(version, '-V, --version')
    .option(
      '-c, --config <file>',
      'the config file (default: $RETORT_CONFIG, else retort.yaml here)',
    )
    .option('-n, --name <name>', "select a database of the config's databases: section")
    .option('-x <key=value>', 'an argument for the env module (repeatable)', collect, [])
    .option('--json', 'print one JSON document on stdout')
    .option('--debug', 'debug logging, and stacks with errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: usageLine('retort --help'),
    })

  // Imported together, registered in the table's order.
  const registers = await Promise.all(commandsFor(args).map(([, load]) => load()))
  for (const register of registers) register(program, kit)
  // A mistake in a command's flags or operands points to that command's help.
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageLine(`retort ${command.name()} --help`) })
    const examples = examplesHelp(command.name())
    if (examples !== '') command.addHelpText('after', examples)
  }
  return program
}

/**
 * Runs the `retort` command line through commander: every command line that
 * `quickCommandLine` does not take (help, the version, a mistake, a command outside its
 * table, an unusual spelling of a flag). Returns the exit code, as `main` does.
 */
export async function runProgram(
  args: readonly string[],
  io: CliIo,
  version: string,
): Promise<number> {
  const kit: CommandKit = { io, exitCode: EXIT_OK }
  const program = await createProgram(args, kit, version)
  if (args.length === 0) {
    io.stderr.write(program.helpInformation())
    return EXIT_USAGE
  }
  try {
    await program.parseAsync([...args], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        (error.code === 'commander.help' && error.exitCode === 0)
      ) {
        return EXIT_OK
      }
      // A script that asked for JSON gets it for a usage error too (stderr has the line).
      if (wantsJson(args)) {
        const message =
          error.code === 'commander.help'
            ? "no command given; see 'retort --help'"
            : error.message
                .replace(/^error:\s*/i, '')
                .replace(/\s*\n\s*/g, ' ')
                .trim()
        io.stdout.write(`${errorJson(new UsageError(message), message, EXIT_USAGE)}\n`)
      }
      return EXIT_USAGE
    }
    throw error
  }
  return kit.exitCode
}

/** Whether `--json` is among the options (before a `--`). */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end < 0 ? args : args.slice(0, end)).includes('--json')
}
