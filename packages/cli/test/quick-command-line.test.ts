// The quick command line (heads, history, branches, current, upgrade without commander) must read
// exactly what commander reads, and leave to commander everything else.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Command, Option } from '../src/commander.js'
import type { CommandKit } from '../src/command-kit.js'
import { createProgram } from '../src/program.js'
import {
  QUICK_COMMANDS,
  QUICK_GLOBAL_FLAGS,
  quickCommandLine,
  type QuickFlag,
} from '../src/quick-command-line.js'
import { retort } from './helpers/in-process.js'
import { createProject } from './helpers/project.js'

const silentKit = (): CommandKit => ({
  io: { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '/' },
  exitCode: 0,
})

/** What commander parses from `args`: the command run with its flags, or the error code. */
async function commanderParse(args: readonly string[]): Promise<unknown> {
  const program = await createProgram(args, silentKit(), '0.0.0')
  let parsed: unknown = 'no action'
  for (const command of program.commands) {
    command.action((...params: unknown[]) => {
      const run = params[params.length - 1] as Command
      parsed = {
        name: run.name(),
        flags: run.optsWithGlobals(),
        options: run.opts(),
        operands: params.slice(0, -2),
      }
    })
  }
  try {
    await program.parseAsync([...args], { from: 'user' })
  } catch (error) {
    return { error: (error as { code?: string }).code }
  }
  return parsed
}

/** The flags of commander's options as the quick command line's tables write them. */
function tableOf(options: readonly Option[]): Map<string, QuickFlag> {
  const table = new Map<string, QuickFlag>()
  for (const option of options) {
    if (option.long === '--version') continue
    // Only what the quick command line can read: a plain flag, or one required value.
    expect(option.optional || option.variadic || option.negate, option.flags).toBe(false)
    expect(option.envVar ?? option.argChoices ?? option.implied, option.flags).toBeUndefined()
    expect(option.conflictsWith, option.flags).toEqual([])
    const flag = { key: option.attributeName(), takesValue: option.required }
    if (option.short !== undefined) table.set(option.short, flag)
    if (option.long !== undefined) table.set(option.long, flag)
  }
  return table
}

describe('the quick command line', () => {
  it('has the flags commander defines, for the program and each of its commands', async () => {
    const program = await createProgram([], silentKit(), '0.0.0')
    expect(tableOf(program.options)).toEqual(QUICK_GLOBAL_FLAGS)
    // Only -x has a default ([]) and a parser (collecting its values), as the reader assumes.
    for (const option of program.options) {
      if (option.long === '--version') continue
      const collects = option.short === '-x'
      expect(option.defaultValue, option.flags).toEqual(collects ? [] : undefined)
      expect(option.parseArg !== undefined, option.flags).toBe(collects)
    }
    for (const [name, quick] of QUICK_COMMANDS) {
      const command = program.commands.find((candidate) => candidate.name() === name)
      expect(command, name).toBeDefined()
      // At most one operand, optional, with a default: what the reader assumes.
      const operands = command!.registeredArguments.map((argument) => ({
        required: argument.required,
        variadic: argument.variadic,
        defaultValue: argument.defaultValue as unknown,
        parser: argument.parseArg !== undefined,
        choices: argument.argChoices,
      }))
      expect(operands, name).toEqual(
        quick.operand === undefined
          ? []
          : [
              {
                required: false,
                variadic: false,
                defaultValue: quick.operand.defaultValue,
                parser: false,
                choices: undefined,
              },
            ],
      )
      expect(tableOf(command!.options), name).toEqual(quick.flags)
      for (const option of command!.options) {
        expect(option.defaultValue, option.flags).toBeUndefined()
        expect(option.parseArg, option.flags).toBeUndefined()
      }
    }
  })

  it.each([
    [['heads']],
    [['--json', 'heads', '--check']],
    [['heads', '--resolve-dependencies', '-v', '--json', '--debug']],
    [['-c', 'other.yaml', 'heads', '-x', 'a=b', '-x', 'c=d', '-n', 'main']],
    [['history', '-r', 'base:head', '-i', '--config', 'x.yaml']],
    [['history', '--rev', 'base:head', '--ledger', '--verbose']],
    [['heads', '-c', '--json']],
    [['heads', '-c', '']],
    [['heads', '-c', 'a.yaml', '-c', 'b.yaml', '--config', 'c.yaml']],
    [['branches', '-v']],
    [['current', '--check-heads', '--name', 'main']],
    [['upgrade']],
    [['upgrade', 'base:head', '--sql']],
    [['--json', 'upgrade', '--sql', 'head', '--tag', 'v1', '-x', 'a=b']],
    [['upgrade', '--all', '--concurrency', '2', '--fail-fast', 'heads']],
  ])('reads %j as commander does', async (args) => {
    const quick = quickCommandLine(args)
    expect(quick).toBeDefined()
    expect(await commanderParse(args)).toStrictEqual({
      name: quick!.name,
      flags: quick!.flags,
      options: quick!.options,
      operands: quick!.operands,
    })
  })

  it.each([
    [[]],
    [['heads', '--help']],
    [['heads', '-h']],
    [['--version']],
    [['heads', '--config=x.yaml']],
    [['heads', '-vx', 'a=b']],
    [['--check', 'heads']],
    [['heads', 'extra']],
    [['heads', '--']],
    [['heads', '-c']],
    [['heads', '-']],
    [['history', '-r', '-c']],
    [['history', '-r', '-3:current']],
    [['hist']],
    [['show', 'head']],
    [['upgrade', 'head', 'extra']],
    [['upgrade', '']],
    [['upgrade', '-1']],
    [['upgrade', '--sql=true']],
    [['downgrade', 'base']],
    [['constructor']],
    [['__proto__']],
    [['heads', '--chek']],
  ])('leaves %j to commander', (args) => {
    expect(quickCommandLine(args)).toBeUndefined()
  })

  it('agrees with commander on every command line it takes', async () => {
    // Mostly the flags and values of these commands, some words that take the line elsewhere.
    const word = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          '-c',
          '--config',
          '-n',
          '--name',
          '-x',
          '--json',
          '--debug',
          '--check',
          '--resolve-dependencies',
          '-v',
          '--verbose',
          '-r',
          '--rev',
          '-i',
          '--indicate-current',
          '--ledger',
          '--check-heads',
          '--sql',
          '--tag',
          '--all',
          '--concurrency',
          '--fail-fast',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'heads',
          'show',
          'a=b',
          'x.yaml',
          '-3:current',
          '',
          '-h',
          '--help',
          '-V',
          '--',
          '--config=x.yaml',
          '--name=main',
          '-cx.yaml',
          '-xa=b',
          '-vi',
          '-',
          'history',
          'current',
          'upgrade',
          'base:head',
        ),
      },
    )
    const command = fc.constantFrom(
      'heads',
      'history',
      'branches',
      'current',
      'upgrade',
      'show',
      'hist',
    )
    const line = fc
      .tuple(fc.array(word, { maxLength: 3 }), command, fc.array(word, { maxLength: 5 }))
      .map(([before, name, after]) => [...before, name, ...after])
    let taken = 0
    await fc.assert(
      fc.asyncProperty(line, async (args) => {
        const quick = quickCommandLine(args)
        if (quick === undefined) return
        taken++
        expect(await commanderParse(args)).toStrictEqual({
          name: quick.name,
          flags: quick.flags,
          options: quick.options,
          operands: quick.operands,
        })
      }),
      { numRuns: 1000 },
    )
    // The property says something only if the generator reaches the quick path.
    expect(taken).toBeGreaterThan(40)
  })
})

describe('a quick command line prints what commander would', () => {
  let project: ReturnType<typeof createProject>

  beforeAll(async () => {
    project = createProject('retort-quick-')
    const dir = project.dir
    const run = async (args: readonly string[]) => {
      const result = await retort(dir, args)
      if (result.code !== 0) throw new Error(`retort ${args.join(' ')}: ${result.stderr}`)
    }
    await run(['init', 'migrations'])
    // Two heads: `heads --check` fails.
    await run(['revision', '-m', 'one'])
    await run(['revision', '-m', 'two', '--head', 'base'])
  })
  afterAll(() => project.cleanup())

  // `--config=retort.yaml` is the same config, spelled so that the quick command line leaves
  // it to commander.
  it.each([
    [['heads', '-v']],
    [['heads', '--check']],
    [['--json', 'heads', '--check']],
    [['history', '-r', 'nowhere:head']],
    [['branches']],
    [['--json', 'current']],
    [['upgrade', 'base:head', '--sql']],
    [['upgrade', '--sql', '--all']],
    [['--json', 'upgrade', 'nowhere', '--sql']],
  ])('%j', async (args) => {
    expect(quickCommandLine(['-c', 'retort.yaml', ...args])).toBeDefined()
    expect(quickCommandLine(['--config=retort.yaml', ...args])).toBeUndefined()
    const quick = await retort(project.dir, ['-c', 'retort.yaml', ...args])
    const commander = await retort(project.dir, ['--config=retort.yaml', ...args])
    expect(quick).toEqual(commander)
  })
})
