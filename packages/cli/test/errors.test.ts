import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, fillRevision, retort as retortBinary } from './helpers/project.js'
import { newRevision, ok, retort } from './helpers/in-process.js'

/**
 * Every error: its exit code, and one `error:` line on stderr that names the object (the
 * last line; log lines of what ran before the failure may precede it).
 */
function expectError(run: { code: number; stderr: string }, code: 1 | 2, pattern: RegExp): void {
  expect(run.code).toBe(code)
  const lines = run.stderr.trim().split('\n')
  expect(
    lines.filter((line) => line.startsWith('error:')),
    run.stderr,
  ).toHaveLength(1)
  expect(lines.at(-1)).toMatch(/^error: /)
  expect(lines.at(-1)).toMatch(pattern)
}

describe('error paths', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let first: string
  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    const r1 = await newRevision(dir, ['-m', 'create account'])
    fillRevision(r1.path, 'account')
    first = r1.revision
  })
  afterAll(() => project.cleanup())

  it('usage errors exit 2', async () => {
    // The process's own exit status, through the binary; the rest in-process.
    expectError(retortBinary(dir, ['frobnicate']), 2, /unknown command 'frobnicate'/)
    expectError(await retort(dir, ['show']), 2, /missing required argument 'rev'/)
    expectError(await retort(dir, ['heads', '--bogus']), 2, /unknown option '--bogus'/)
    expectError(
      await retort(dir, ['-x', 'tenant', 'heads']),
      2,
      /-x expects KEY=VALUE, not 'tenant'/,
    )
    expectError(await retort(dir, ['graph', '--format', 'png']), 2, /'png' is invalid/)
    expectError(await retort(dir, ['revision', '--format', 'xml']), 2, /'xml' is invalid/)
    expectError(await retort(dir, ['rebase', first]), 2, /rebase needs --onto/)
    const none = retortBinary(dir, [])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: retort')
  })

  it('help and version exit 0', async () => {
    expect((await retort(dir, ['--help'])).code).toBe(0)
    expect((await retort(dir, ['upgrade', '--help'])).stdout).toContain('--sql')
    expect((await retort(dir, ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('config errors name the file or the lookup', async () => {
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    expectError(await retort(empty, ['heads']), 1, /retort\.yaml/)
    expectError(await retort(dir, ['-c', 'nope.yaml', 'heads']), 1, /nope\.yaml/)
    expectError(await retort(dir, ['-n', 'analytics', 'heads']), 1, /no database 'analytics'/)
  })

  it('resolution errors name the identifier', async () => {
    expectError(await retort(dir, ['show', 'ffffffffffff']), 1, /'ffffffffffff'/)
    expectError(await retort(dir, ['downgrade', '-5']), 1, /-5/)
    expectError(await retort(dir, ['upgrade', 'nosuch@head']), 1, /nosuch/)
  })

  it('authoring errors', async () => {
    expectError(
      await retort(dir, ['init', 'migrations']),
      1,
      /directory '.*migrations' is not empty/,
    )
    expectError(
      await retort(dir, ['init', '--template', 'nope', 'other']),
      1,
      /no template 'nope'; choose one of app, default, multidb/,
    )
    expectError(
      await retort(dir, ['revision', '-m', 'x', '--autogenerate']),
      1,
      /the database is at .* but the heads? (is|are) .*; run 'retort upgrade heads' first/,
    )
    expectError(
      await retort(dir, ['revision', '-m', 'x', '--rev-id', 'bad-id']),
      1,
      /revision id 'bad-id' is not valid/,
    )
    expectError(
      await retort(dir, ['revision', '-m', 'x', '--rev-id', first]),
      1,
      new RegExp(`revision '${first}' already exists`),
    )
    expectError(await retort(dir, ['revision', '-m', 'x', '--head', 'ffff0000']), 1, /ffff0000/)
    expectError(await retort(dir, ['merge', 'heads']), 1, /a merge needs two or more revisions/)
    expectError(await retort(dir, ['edit', 'head']), 1, /set \$EDITOR/)
  })

  it('a failing post-write hook fails the command and names the hook', async () => {
    const config = join(dir, 'hooks.yaml')
    writeFileSync(
      config,
      // Quoted as in a shell: an unquoted `(` would need one, and is refused.
      `scriptLocation: migrations\nurl: sqlite:///migrations.db\npostWriteHooks:\n  - node -e "process.exit(3)"\n`,
    )
    const run = await retort(dir, ['-c', config, 'revision', '-m', 'hooked', '--head', first])
    expectError(
      run,
      1,
      /post-write hook 'node -e process\.exit\\\(3\\\) .*' failed \(exit code 3\)/,
    )
  })

  it('database errors', async () => {
    expectError(
      await retort(dir, ['downgrade', '--sql', 'base']),
      1,
      /an offline downgrade needs a range FROM:TO/,
    )
    expectError(await retort(dir, ['current', '--check-heads']), 1, /run 'retort upgrade heads'/)
    // A revision whose upgrade fails: the migration error names it and the statement.
    const broken = await newRevision(dir, ['-m', 'broken'])
    const { path } = broken
    writeFileSync(
      path,
      `export const revision = '${broken.revision}'\nexport const downRevision = '${first}'\nexport const message = 'broken'\nexport async function upgrade(op) { op.execute('CREATE TABLE') }\n`,
    )
    expectError(
      await retort(dir, ['upgrade', broken.revision]),
      1,
      new RegExp(`upgrade of revision '${broken.revision}'.*failed at statement \`CREATE TABLE\``),
    )
  })

  it('an env module that throws: exit 1, one line, and --debug adds the stack', async () => {
    const other = join(dir, 'broken-env')
    mkdirSync(join(other, 'versions'), { recursive: true })
    writeFileSync(
      join(other, 'env.mjs'),
      `export default { kind: 'env', run() { throw new Error('vault is sealed') } }\n`,
    )
    writeFileSync(join(dir, 'broken.yaml'), 'scriptLocation: broken-env\n')
    const run = await retort(dir, ['-c', 'broken.yaml', 'current'])
    expectError(run, 1, /vault is sealed \(run with --debug for the stack\)/)
    const debug = await retort(dir, ['--debug', '-c', 'broken.yaml', 'current'])
    expect(debug.code).toBe(1)
    expect(debug.stderr).toContain('error: vault is sealed')
    expect(debug.stderr).toMatch(/\n\s+at /)
  })
})
