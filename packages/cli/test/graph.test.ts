import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/main.js'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort } from './helpers/in-process.js'

/** Runs `retort ARGS` in this process with stdout a terminal of `columns` columns. */
async function inTerminal(cwd: string, args: readonly string[], columns = 100) {
  let stdout = ''
  let stderr = ''
  const code = await main(
    args,
    {
      stdout: { write: (text: string) => (stdout += text), isTTY: true, columns },
      stderr: { write: (text: string) => (stderr += text) },
      env: { NO_COLOR: '1' },
      cwd,
    },
    '0.0.0',
  )
  return { code, stdout, stderr }
}

describe('retort graph pictures', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  const ids = {
    account: 'a1a1a1a1a1a1',
    note: 'b2b2b2b2b2b2',
    tag: 'c3c3c3c3c3c3',
    title: 'd4d4d4d4d4d4',
    merge: 'e5e5e5e5e5e5',
  }
  beforeAll(async () => {
    project = createProject('retort-graph-')
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    fillRevision(
      (await newRevision(dir, ['-m', 'create account', '--rev-id', ids.account])).path,
      'account',
    )
    fillRevision((await newRevision(dir, ['-m', 'create note', '--rev-id', ids.note])).path, 'note')
    const tag = await newRevision(dir, [
      '-m',
      'create tag',
      '--rev-id',
      ids.tag,
      '--head',
      ids.account,
      '--splice',
      '--branch-label',
      'tags',
    ])
    fillRevision(tag.path, 'tag')
    // `retort revision` refuses control characters in a message; a file edited by hand
    // can still carry them, and every picture must show them escaped.
    const title = await newRevision(dir, [
      '-m',
      'note TITLE <b>',
      '--rev-id',
      ids.title,
      '--head',
      ids.note,
    ])
    writeFileSync(
      title.path,
      readFileSync(title.path, 'utf8').replaceAll('TITLE', '\x1b[31mtitle\x1b[0m'),
    )
    await ok(dir, ['upgrade', `${ids.title}`])
  })
  afterAll(() => project.cleanup())

  it('--format ascii draws the branches and marks where the database is', async () => {
    expect(await ok(dir, ['graph', '--format', 'ascii'])).toBe(
      [
        `* ${ids.title} (head) (current) note \\x1b[31mtitle\\x1b[0m <b>`,
        `* ${ids.note} create note`,
        `| * ${ids.tag} [tags] (head) create tag`,
        '|/',
        `* ${ids.account} create account`,
        '',
      ].join('\n'),
    )
  })

  it('is ASCII by default in a terminal, Mermaid when piped (as before)', async () => {
    const terminal = await inTerminal(dir, ['graph'])
    expect(terminal.code).toBe(0)
    expect(terminal.stdout).toBe(await ok(dir, ['graph', '--format', 'ascii']))
    expect(terminal.stderr).toBe('')
    const piped = await ok(dir, ['graph'])
    expect(piped.startsWith('flowchart BT\n')).toBe(true)
    // The message's escape sequences do not reach the terminal in any text format.
    expect(piped).not.toContain('\x1b')
    expect(await ok(dir, ['graph', '--format', 'dot'])).not.toContain('\x1b')
  })

  it('--format svg is an XML document with every revision, the current one marked', async () => {
    const svg = await ok(dir, ['graph', '--format', 'svg'])
    expect(XMLValidator.validate(svg)).toBe(true)
    for (const id of Object.values(ids).slice(0, 4)) expect(svg).toContain(`data-revision="${id}"`)
    expect(svg).toContain(`<g class="revision head current" data-revision="${ids.title}">`)
    expect(svg).toContain(`<g class="revision branchpoint base" data-revision="${ids.account}">`)
    expect(svg).toContain('>[tags] head</text>')
    expect(svg).toContain('note \\x1b[31mtitle\\x1b[0m &lt;b&gt;')
    // Without a database read: no marks, no legend entry for them.
    const plain = await ok(dir, ['graph', '--format', 'svg', '--no-current'])
    expect(plain).not.toContain(' current"')
    expect(plain).not.toContain('the database is here')
  })

  it('--format html is one page that parses without an error', async () => {
    const html = await ok(dir, ['graph', '--format', 'html'])
    const errors: string[] = []
    parse(html, { onParseError: (error) => errors.push(error.code) })
    expect(errors).toEqual([])
    expect(html).toContain(`database at: ${ids.title}`)
    expect(html.match(/data-revision="/g)).toHaveLength(4)
  })

  it('an unreachable database leaves the picture unmarked with a warning, never a password', async () => {
    const url = 'postgresql://retort:s3cr3t-pw@127.0.0.1:1/nowhere'
    const run = await retort(dir, ['-x', `url=${url}`, 'graph', '--format', 'ascii'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`| * ${ids.tag} [tags] (head) create tag`)
    expect(run.stdout).not.toContain('(current)')
    expect(run.stderr).toMatch(
      /^warning: the database could not be read, so no revision is marked current \(.+\); pass --no-current not to read it\n$/,
    )
    expect(run.stderr).not.toContain('s3cr3t-pw')
    const json = await retort(dir, ['--json', '-x', `url=${url}`, 'graph', '--format', 'svg'])
    expect(json.code).toBe(0)
    const document = JSON.parse(json.stdout) as { currentError: string; current?: unknown }
    expect(document.currentError).toBeTypeOf('string')
    expect(document.current).toBeUndefined()
    expect(json.stdout).not.toContain('s3cr3t-pw')
    // --no-current does not try.
    expect((await retort(dir, ['-x', `url=${url}`, 'graph', '--no-current'])).stderr).toBe('')
  })
})

describe('retort graph in a terminal, on a large history', () => {
  let project: ReturnType<typeof createProject>
  beforeAll(async () => {
    project = createProject('retort-graph-large-')
    await ok(project.dir, ['init', 'migrations'])
    const id = (n: number) => `f${String(n).padStart(11, '0')}`
    for (let n = 1; n <= 101; n++) {
      writeFileSync(
        join(project.dir, 'migrations/versions', `${id(n)}.yaml`),
        `revision: ${id(n)}\ndownRevision: ${n === 1 ? 'null' : id(n - 1)}\nmessage: step ${n}\nupgrade: []\n`,
      )
    }
  })
  afterAll(() => project.cleanup())

  it('draws it anyway and says how to get a picture one can zoom', async () => {
    const run = await inTerminal(project.dir, ['graph', '--no-current'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toHaveLength(102)
    expect(run.stderr).toBe(
      "note: 101 revisions; for a picture you can zoom and search, write 'retort graph --format svg > graph.svg' or '--format html > graph.html'\n",
    )
    // Piped, the output is for a program: no note.
    expect((await retort(project.dir, ['graph', '--format', 'ascii', '--no-current'])).stderr).toBe(
      '',
    )
  })
})
