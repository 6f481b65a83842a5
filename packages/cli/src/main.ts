import { Command, CommanderError } from 'commander'
import type { CliIo } from './cli-context.js'
import { type CommandKit } from './command-kit.js'
import { createColorsFor, useColor } from './colors.js'
import { registerBranches } from './commands/branches.js'
import { registerBundle } from './commands/bundle.js'
import { registerCheck } from './commands/check.js'
import { registerCurrent } from './commands/current.js'
import { registerDowngrade } from './commands/downgrade.js'
import { registerEdit } from './commands/edit.js'
import { registerEnsureVersion } from './commands/ensure-version.js'
import { registerGraph } from './commands/graph.js'
import { registerHeads } from './commands/heads.js'
import { registerHistory } from './commands/history.js'
import { registerInit } from './commands/init.js'
import { registerListTemplates } from './commands/list-templates.js'
import { registerMerge } from './commands/merge.js'
import { registerRebase } from './commands/rebase.js'
import { registerRevision } from './commands/revision.js'
import { registerShow } from './commands/show.js'
import { registerStamp } from './commands/stamp.js'
import { registerUpgrade } from './commands/upgrade.js'
import { collect } from './options.js'
import { EXIT_OK, EXIT_USAGE } from './usage-error.js'

/**
 * Runs the `retort` command line and returns the exit code: 0 success, 1 a user-facing
 * error, 2 a usage error. Prints only to the given streams and never calls
 * `process.exit`, so tests and wrappers can call it in-process.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, '0.1.0')
 * ```
 */
export async function main(args: readonly string[], io: CliIo, version: string): Promise<number> {
  const kit: CommandKit = { io, exitCode: EXIT_OK }
  const errColors = createColorsFor(useColor(io.stderr, io.env, false))
  const program = new Command()
    .name('retort')
    .description('Database schema migrations: a revision graph applied to SQLite, PostgreSQL and MySQL/MariaDB')
    .version(version, '-V, --version')
    .option('-c, --config <file>', 'the config file (default: $RETORT_CONFIG, else retort.yaml here)')
    .option('-n, --name <name>', 'select a database of the config\'s databases: section')
    .option('-x <key=value>', 'an argument for the env module (repeatable)', collect, [])
    .option('--json', 'print one JSON document on stdout')
    .option('--debug', 'debug logging, and stacks with errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) =>
        write(`${text.replace(/^error:\s*/i, `${errColors.red(errColors.bold('error:'))} `).trimEnd()}; see 'retort --help'\n`),
    })
  program.commands.forEach((command) => command.exitOverride())

  registerInit(program, kit)
  registerListTemplates(program, kit)
  registerRevision(program, kit)
  registerMerge(program, kit)
  registerUpgrade(program, kit)
  registerDowngrade(program, kit)
  registerStamp(program, kit)
  registerCurrent(program, kit)
  registerHistory(program, kit)
  registerHeads(program, kit)
  registerBranches(program, kit)
  registerShow(program, kit)
  registerEdit(program, kit)
  registerCheck(program, kit)
  registerEnsureVersion(program, kit)
  registerGraph(program, kit)
  registerRebase(program, kit)
  registerBundle(program, kit)

  if (args.length === 0) {
    io.stderr.write(program.helpInformation())
    return EXIT_USAGE
  }
  try {
    await program.parseAsync([...args], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT_OK
        : EXIT_USAGE
    }
    throw error
  }
  return kit.exitCode
}
