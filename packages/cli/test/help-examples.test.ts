import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_EXAMPLES, type CommandExample } from '../src/command-examples.js'
import { createProject, fillRevision } from './helpers/project.js'
import { ok, retort } from './helpers/in-process.js'

/** The command names `retort --help` lists. */
async function listedCommands(dir: string): Promise<string[]> {
  const help = await ok(dir, ['--help'])
  const section = help.slice(help.indexOf('Commands:'))
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)]
    .map((m) => m[1]!)
    .filter((n) => n !== 'help')
}

describe('the examples of every command', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(async () => {
    project = createProject('retort-help-examples-')
    dir = project.dir
  })
  afterAll(() => project.cleanup())

  it('every command has one or two, shown by its --help', async () => {
    const commands = await listedCommands(dir)
    expect(commands.length).toBeGreaterThan(15)
    expect(Object.keys(COMMAND_EXAMPLES).sort()).toEqual([...commands].sort())
    for (const name of commands) {
      const examples = COMMAND_EXAMPLES[name]!
      expect(examples.length, name).toBeGreaterThanOrEqual(1)
      expect(examples.length, name).toBeLessThanOrEqual(2)
      const help = await ok(dir, [name, '--help'])
      expect(help, name).toContain('\nExamples:\n')
      for (const example of examples) {
        expect(example.args[0], name).toBe(name)
        expect(help, name).toContain(`      ${example.note}\n`)
      }
    }
    expect(await ok(dir, ['revision', '--help'])).toContain(
      "  $ retort revision -m 'create note'\n      a new revision on the head\n",
    )
    expect(await ok(dir, ['graph', '--help'])).toContain(
      '  $ retort graph --format svg > graph.svg\n',
    )
  })

  it('every example runs, in a project where its revisions and labels exist', async () => {
    const ran = new Set<CommandExample>()
    const example = async (
      name: string,
      index: number,
      options: { code?: number; cwd?: string; env?: Record<string, string> } = {},
    ) => {
      const chosen = COMMAND_EXAMPLES[name]![index]!
      const run = await retort(options.cwd ?? dir, chosen.args, options.env)
      expect(
        { args: chosen.args, code: run.code },
        `${chosen.args.join(' ')}: ${run.stderr}`,
      ).toEqual({ args: chosen.args, code: options.code ?? 0 })
      ran.add(chosen)
      return run
    }
    const versions = () => join(dir, 'migrations/versions')
    const file = (slug: string) => {
      const name = readdirSync(versions()).find((f) => f.endsWith(`_${slug}.ts`))
      if (name === undefined) throw new Error(`no revision file *_${slug}.ts`)
      return join(versions(), name)
    }

    await example('init', 0)
    mkdirSync(join(dir, 'other'))
    await example('init', 1, { cwd: join(dir, 'other') })
    await example('list-templates', 0)
    await ok(dir, ['revision', '-m', 'create account', '--rev-id', '3f1c2a9b7d10'])
    fillRevision(file('create_account'), 'account')
    await example('revision', 0)
    fillRevision(file('create_note'), 'note')
    await example('upgrade', 0)
    await example('revision', 1)
    fillRevision(file('create_payment'), 'payment')
    // A revision someone wrote on an old parent, applied nowhere.
    await ok(dir, [
      'revision',
      '-m',
      'create tag',
      '--rev-id',
      '8b2e4d6f0a1c',
      '--head',
      '3f1c',
      '--splice',
    ])
    fillRevision(file('create_tag'), 'tag')

    await example('heads', 0)
    await example('heads', 1, { code: 1 })
    await example('branches', 0)
    await example('show', 1)
    await example('graph', 0)
    expect((await example('graph', 1)).stdout).toMatch(/^<svg /)
    await example('history', 0)
    await example('rebase', 0)
    await example('merge', 0)
    await example('upgrade', 0)
    await example('stamp', 0)
    await example('current', 0)
    await example('current', 1)
    await example('show', 0)
    await example('history', 1)
    await example('downgrade', 0)
    await example('downgrade', 1)
    // Down to where the purge will stamp, so that the tables match the rows again.
    await ok(dir, ['downgrade', '3f1c'])
    await example('stamp', 1)
    await example('ensure-version', 0)
    await example('upgrade', 0)
    await example('check', 0)
    await example('check', 1)
    await example('ledger', 0)
    await example('ledger', 1)
    expect((await example('test', 0)).stdout).toContain(
      "✓ schema: wrote the snapshot 'retort-schema.sqlite.json'",
    )
    expect((await example('test', 1)).stdout).toContain('✓ stairway: ')
    await example('edit', 0, { env: { EDITOR: 'true' } })
    await example('bundle', 0)
    await example('bundle', 1)
    expect((await example('upgrade', 1)).stdout).toContain('CREATE TABLE "payment"')
    mkdirSync(join(dir, 'users'))
    expect((await example('create', 0)).stdout).toMatch(/^created '.*u42\.db' at /)

    // Squash in a project of its own, whose two revisions have the example's ids.
    const squashing = join(dir, 'squashing')
    mkdirSync(squashing)
    await ok(squashing, ['init', 'migrations'])
    await ok(squashing, ['revision', '-m', 'create account', '--rev-id', '1f0c2a9b7d10'])
    await ok(squashing, ['revision', '-m', 'create note', '--rev-id', '6e4b7d9f0c13'])
    await example('squash', 0, { cwd: squashing })
    await example('squash', 1, { cwd: squashing })

    const all = Object.values(COMMAND_EXAMPLES).flat()
    expect(all.filter((e) => !ran.has(e)).map((e) => e.args.join(' '))).toEqual([])
  })
})
