import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, RevisionError, RevisionFileError } from '../src/errors.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { Operations } from '../src/operations/operations.js'
import { createRevision, type Revision } from '../src/revision.js'
import { ScriptDirectory } from '../src/script/script-directory.js'
import { revisionChecksum } from '../src/schema/revision-checksum.js'

const roots: string[] = []

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A temporary script directory with `files` (paths relative to it). */
function scriptDirectory(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'retort-script-'))
  roots.push(root)
  mkdirSync(join(root, 'versions'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const header = (id: string, down: string | null = null) =>
  `export const revision = '${id}'\nexport const downRevision = ${down === null ? 'null' : `'${id === down ? '' : down}'`}\n`

const tsRevision = (
  id: string,
  down: string | null,
) => `import type { Operations } from '@retort/core'

${header(id, down)}export const message = 'create ${id}'

interface Options {
  readonly table: string
}

const options: Options = { table: 't_${id}' }

export async function upgrade(op: Operations): Promise<void> {
  op.createTable(options.table, [op.column('id', 'integer', { primaryKey: true })])
}

export async function downgrade(op: Operations): Promise<void> {
  op.dropTable(options.table)
}
`

const mjsRevision = (id: string, down: string | null) => `${header(id, down)}
export function upgrade(op) {
  op.execute('UPDATE t SET n = 1')
}
`

function ids(directory: ScriptDirectory): string[] {
  return directory.revisions.map((revision) => revision.id)
}

function pending(body: { upgrade?: ((op: Operations) => unknown) | undefined }): string[] {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  body.upgrade?.(op)
  return op.takePending().map(describeOperation)
}

describe('ScriptDirectory.open', () => {
  it('finds the revision files of every format, sorted by path, and skips the rest', () => {
    const root = scriptDirectory({
      'versions/b_two.mts': header('b2', 'a1'),
      'versions/a_one.ts': header('a1'),
      'versions/c.js': header('c3', 'b2'),
      'versions/d.mjs': header('d4', 'c3'),
      'versions/e.cjs': "exports.revision = 'e5'\nexports.downRevision = 'd4'\n",
      'versions/f.yaml': 'revision: f6\ndownRevision: e5\nupgrade: []\n',
      'versions/g.yml': 'revision: g7\ndownRevision: f6\nupgrade: []\n',
      'versions/types.d.ts': 'export declare const revision: string\n',
      'versions/types.d.mts': 'export declare const revision: string\n',
      'versions/_helpers.ts': 'export const table = 1\n',
      'versions/__init__.ts': '',
      'versions/.hidden.ts': 'oops',
      'versions/README.md': '# notes',
      'versions/notes.txt': 'x',
      'versions/nested/h.ts': header('h8'),
      'versions/dir.ts/x.ts': header('i9'),
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    expect(ids(directory)).toEqual(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'])
    expect(directory.revisions.map((r) => r.path)).toEqual([
      join(root, 'versions', 'a_one.ts'),
      join(root, 'versions', 'b_two.mts'),
      join(root, 'versions', 'c.js'),
      join(root, 'versions', 'd.mjs'),
      join(root, 'versions', 'e.cjs'),
      join(root, 'versions', 'f.yaml'),
      join(root, 'versions', 'g.yml'),
    ])
    expect(directory.revisions[1]).toEqual(
      createRevision({ revision: 'b2', downRevision: 'a1' }, join(root, 'versions', 'b_two.mts')),
    )
    expect(Object.isFrozen(directory.revisions)).toBe(true)
    expect(directory.scriptLocation).toBe(root)
    expect(directory.versionLocations).toEqual([join(root, 'versions')])
    expect(directory.envPath).toBeUndefined()
  })

  it('openAsync reads the same as open (YAML support loaded with import())', async () => {
    const root = scriptDirectory({
      'versions/a_one.ts': header('a1'),
      'versions/b.yaml': 'revision: b2\ndownRevision: a1\nmessage: from yaml\nupgrade: []\n',
      'versions/c.js': header('c3', 'b2'),
    })
    const opened = await ScriptDirectory.openAsync({ scriptLocation: root })
    expect(ids(opened)).toEqual(['a1', 'b2', 'c3'])
    expect(opened.revisions).toEqual(ScriptDirectory.open({ scriptLocation: root }).revisions)
    expect(opened.revisions[1]?.message).toBe('from yaml')
  })

  it('finds the env module', () => {
    const withTs = scriptDirectory({ 'env.js': '', 'env.ts': '' })
    expect(ScriptDirectory.open({ scriptLocation: withTs }).envPath).toBe(join(withTs, 'env.ts'))
    const withMjs = scriptDirectory({ 'env.mjs': '' })
    expect(ScriptDirectory.open({ scriptLocation: withMjs }).envPath).toBe(join(withMjs, 'env.mjs'))
  })

  it('accepts file URLs, as URL objects and as strings', () => {
    const root = scriptDirectory({ 'versions/a.ts': header('a1') })
    const url = pathToFileURL(root)
    expect(ids(ScriptDirectory.open({ scriptLocation: url }))).toEqual(['a1'])
    expect(ScriptDirectory.open({ scriptLocation: url.href }).scriptLocation).toBe(root)
  })

  it('rejects relative paths and other URLs, without looking at the current directory', () => {
    expect(() => ScriptDirectory.open({ scriptLocation: 'migrations' })).toThrow(
      new ConfigError(
        "scriptLocation 'migrations' is a relative path; pass an absolute path or a file URL (new URL('./migrations', import.meta.url)), or set it in retort.yaml, where it is relative to the file",
      ),
    )
    const root = scriptDirectory({})
    expect(() =>
      ScriptDirectory.open({ scriptLocation: root, versionLocations: ['./versions'] }),
    ).toThrow("versionLocations[0] './versions' is a relative path")
    expect(() =>
      ScriptDirectory.open({ scriptLocation: new URL('https://example.com/m') }),
    ).toThrow(ConfigError)
  })

  it('names a missing directory and suggests retort init', () => {
    const root = scriptDirectory({})
    rmSync(join(root, 'versions'), { recursive: true })
    const missingVersions = join(root, 'versions')
    expect(() => ScriptDirectory.open({ scriptLocation: root })).toThrow(
      new ConfigError(
        `versions directory '${missingVersions}' does not exist; run 'retort init' to create a script directory, or correct scriptLocation`,
      ),
    )
    const missingRoot = join(root, 'nowhere')
    expect(() => ScriptDirectory.open({ scriptLocation: missingRoot })).toThrow(
      `script directory '${missingRoot}' does not exist; run 'retort init'`,
    )
    expect(() =>
      ScriptDirectory.open({ scriptLocation: root, versionLocations: [join(root, 'gone')] }),
    ).toThrow(`versions directory '${join(root, 'gone')}' does not exist`)
  })

  it('reads versionLocations instead of versions', () => {
    const root = scriptDirectory({
      'versions/ignored.ts': header('x0'),
      'core/a.ts': header('a1'),
      'plugins/b.ts': header('b1', 'a1'),
    })
    const directory = ScriptDirectory.open({
      scriptLocation: root,
      versionLocations: [
        join(root, 'plugins'),
        pathToFileURL(join(root, 'core')),
        join(root, 'plugins/'),
      ],
    })
    expect(ids(directory)).toEqual(['a1', 'b1'])
    expect(directory.versionLocations).toEqual([join(root, 'plugins'), join(root, 'core')])
  })

  it('reports an unreadable header with the file and line', () => {
    const root = scriptDirectory({
      'versions/a.ts': "export const revision = 'a1'\nexport const downRevision = PARENT\n",
    })
    const path = join(root, 'versions', 'a.ts')
    expect(() => ScriptDirectory.open({ scriptLocation: root })).toThrow(
      new RevisionFileError(
        path,
        2,
        "header 'downRevision' must be a literal (a string, null or a list of strings), not an expression; write the value itself",
      ),
    )
  })

  it('never imports a body to read the headers', () => {
    const root = scriptDirectory({
      'versions/a.mjs': `${header('a1')}throw new Error('imported a.mjs')\n`,
      'versions/b.ts': `${header('b1', 'a1')}throw new Error('imported b.ts')\n`,
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    expect(ids(directory)).toEqual(['a1', 'b1'])
    expect(directory.revisions[1]?.downRevisions).toEqual(['a1'])
  })
})

describe('ScriptDirectory.load', () => {
  it('imports a TypeScript revision through the TypeScript loader, with types and type-only imports', async () => {
    const root = scriptDirectory({ 'versions/a.ts': tsRevision('a1', null) })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const body = await directory.load(directory.revisions[0] as Revision)
    expect(pending(body)).toEqual(["createTable('t_a1')"])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    await body.downgrade?.(op)
    expect(op.takePending().map(describeOperation)).toEqual(["dropTable('t_a1')"])
  })

  it('imports .mts, .mjs, .js and .cjs revisions', async () => {
    const root = scriptDirectory({
      'versions/a.mts': tsRevision('a1', null),
      'versions/b.mjs': mjsRevision('b1', 'a1'),
      'versions/c.cjs':
        "exports.revision = 'c1'\nexports.downRevision = 'b1'\nexports.upgrade = (op) => { op.dropTable('c') }\n",
      'package.json': '{ "type": "module" }',
      'versions/d.js': mjsRevision('d1', 'c1'),
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const bodies = await Promise.all(directory.revisions.map((r) => directory.load(r)))
    expect(bodies.map(pending)).toEqual([
      ["createTable('t_a1')"],
      ["execute('UPDATE t SET n = 1')"],
      ["dropTable('c')"],
      ["execute('UPDATE t SET n = 1')"],
    ])
    expect(bodies[1]?.downgrade).toBeUndefined()
  })

  it('imports a body once', async () => {
    const root = scriptDirectory({ 'versions/b.mjs': mjsRevision('b1', null) })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const revision = directory.revisions[0] as Revision
    const [first, second] = await Promise.all([directory.load(revision), directory.load(revision)])
    expect(second).toBe(first)
    expect(await directory.load(revision)).toBe(first)
  })

  it('names the file when the module throws while importing', async () => {
    const root = scriptDirectory({
      'versions/a.mjs': `${header('a1')}throw new Error('no database\\nhere')\n`,
      'versions/b.ts': `${header('b1', 'a1')}const broken: number = (null as any).x\n`,
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const [a, b] = directory.revisions as [Revision, Revision]
    const error = await directory.load(a).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RevisionFileError)
    expect((error as RevisionFileError).message).toBe(
      `${a.path}: failed to import: no database here; fix the error in this file`,
    )
    expect((error as Error).cause).toBeInstanceOf(Error)
    await expect(directory.load(b)).rejects.toThrow(`${b.path}: failed to import: `)
  })

  it('checks the exports against the header', async () => {
    const root = scriptDirectory({
      'versions/a.mjs': header('a1'),
      'versions/b.mjs': `${header('b1', 'a1')}export function upgrade() {}\nexport const downgrade = 'no'\n`,
      'versions/c.mjs': mjsRevision('c1', 'b1'),
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const [a, b, c] = directory.revisions as [Revision, Revision, Revision]
    await expect(directory.load(a)).rejects.toThrow(
      new RevisionFileError(
        a.path as string,
        undefined,
        "revision 'a1' exports no upgrade function; add export async function upgrade(op) { ... }",
      ),
    )
    await expect(directory.load(b)).rejects.toThrow('exports a downgrade that is not a function')
    // The file changes after the directory was opened.
    writeFileSync(c.path as string, mjsRevision('c2', 'b1'))
    await expect(directory.load(c)).rejects.toThrow(
      "exports revision 'c2', but its header was read as 'c1'",
    )
  })

  it('checks every header export against the header, and export names, when a body loads', async () => {
    const body = "export function upgrade(op) { op.execute('UPDATE t SET n = 1') }\n"
    const root = scriptDirectory({
      'versions/a.mjs': mjsRevision('a1', null),
      'versions/b.mjs': mjsRevision('b1', 'a1'),
      'versions/c.mjs': `${header('c1', 'b1')}export const dependsOn = ['a1']\n${body}`,
      'versions/d.mjs': `${header('d1', 'c1')}export const branchLabels = 'x'\n${body}`,
      'versions/e.mjs': `${header('e1', 'd1')}export const transaction = false\n${body}`,
      'versions/f.mjs': `${header('f1', 'e1')}${body}`,
      'versions/g.yaml': 'revision: g1\ndownRevision: f1\nupgrade: []\n',
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const [a, b, c, d, e, f, g] = directory.revisions as Revision[] as [
      Revision,
      Revision,
      Revision,
      Revision,
      Revision,
      Revision,
      Revision,
    ]
    // Every file changes after the directory was opened.
    const change = (revision: Revision, text: string) =>
      writeFileSync(revision.path as string, text)
    change(a, `${header('a1', 'zz')}${body}`)
    change(b, `export const revision = 'b1'\n${body}`)
    change(c, `${header('c1', 'b1')}export const dependsOn = ['a1', 'b1']\n${body}`)
    change(d, `${header('d1', 'c1')}export const branchLabels = ['y']\n${body}`)
    change(e, `${header('e1', 'd1')}${body}`)
    change(f, `${header('f1', 'e1')}${body}export function downgarde() {}\n`)
    change(g, 'revision: g1\ndownRevision: [f1, e1]\nupgrade: []\n')
    const messageOf = (revision: Revision) =>
      directory.load(revision).then(
        () => 'loaded',
        (error: unknown) => (error as Error).message,
      )
    const stale =
      'the file changed after the revisions were read, or the header is reassigned after its literal'
    expect(await messageOf(a)).toBe(
      `${a.path}: exports downRevision 'zz', but its header was read as null; ${stale}: run the command again, and keep header values plain literals`,
    )
    expect(await messageOf(b)).toContain(
      `${b.path}: exports no 'downRevision', but its header was read as 'a1'`,
    )
    expect(await messageOf(c)).toContain(
      `${c.path}: exports dependsOn ['a1', 'b1'], but its header was read as ['a1']`,
    )
    expect(await messageOf(d)).toContain(
      `${d.path}: exports branchLabels ['y'], but its header was read as ['x']`,
    )
    expect(await messageOf(e)).toContain(
      `${e.path}: exports no 'transaction', but its header was read as false`,
    )
    expect(await messageOf(f)).toBe(
      `${f.path}: exports 'downgarde', which is not a revision key; did you mean 'downgrade'? Rename it (export async function downgrade(op) { ... })`,
    )
    expect(await messageOf(g)).toContain(
      `${g.path}: exports downRevision ['f1', 'e1'], but its header was read as 'f1'`,
    )
  })

  it('loads YAML bodies', async () => {
    const root = scriptDirectory({
      'versions/a.yaml': [
        'revision: a1',
        'downRevision: null',
        'upgrade:',
        '  - createTable: { name: account, columns: [{ name: id, type: integer, primaryKey: true }] }',
        '',
      ].join('\n'),
    })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const body = await directory.load(directory.revisions[0] as Revision)
    expect(pending(body)).toEqual(["createTable('account')"])
    const op = new Operations({ dialect: 'sqlite', offline: true })
    body.downgrade?.(op)
    expect(op.takePending().map(describeOperation)).toEqual(["dropTable('account')"])
  })

  it('refuses a revision that is not from the directory', async () => {
    const root = scriptDirectory({ 'versions/a.mjs': mjsRevision('a1', null) })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    await expect(directory.load(createRevision({ revision: 'zz' }))).rejects.toThrow(RevisionError)
    await expect(
      directory.load(createRevision({ revision: 'zz' }, '/elsewhere/zz.ts')),
    ).rejects.toThrow("revision 'zz' ('/elsewhere/zz.ts') is not from the script directory")
  })
})

describe('ScriptDirectory file texts and checksums', () => {
  const original = (id: string) =>
    `${header(id)}export const message = 'first'\n\nexport async function upgrade(op: { execute(sql: string): void }) {\n  op.execute('SELECT 1')\n}\n`
  const edited = (id: string) => original(id).replace("'first'", "'edited'")

  it('keeps the checksum of the text read with the header after a TypeScript body is imported', async () => {
    const root = scriptDirectory({ 'versions/a1_first.ts': original('a1') })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const revision = directory.revisions[0]!
    const before = directory.checksum(revision)
    expect(before).toBe(revisionChecksum(original('a1')))
    await directory.load(revision)
    // The file changes after the run read it: the checksum is still that of what ran.
    writeFileSync(revision.path!, edited('a1'))
    expect(directory.checksum(revision)).toBe(before)
  })

  it('a checksum taken after the import is of the text read with the header', async () => {
    const root = scriptDirectory({ 'versions/a1_first.ts': original('a1') })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const revision = directory.revisions[0]!
    await directory.load(revision)
    writeFileSync(revision.path!, edited('a1'))
    expect(directory.checksum(revision)).toBe(revisionChecksum(original('a1')))
    expect(directory.checksum(revision)).toBe(revisionChecksum(original('a1')))
  })

  it('a JavaScript file keeps the checksum of its header read once it is taken', () => {
    const text = `${header('b1')}export async function upgrade() {}\n`
    const root = scriptDirectory({ 'versions/b1_first.mjs': text })
    const directory = ScriptDirectory.open({ scriptLocation: root })
    const revision = directory.revisions[0]!
    expect(directory.checksum(revision)).toBe(revisionChecksum(text))
    writeFileSync(revision.path!, `${text}// edited\n`)
    expect(directory.checksum(revision)).toBe(revisionChecksum(text))
  })

  it('keepTexts false: the checksum and the body come from the file as it is now', async () => {
    const root = scriptDirectory({ 'versions/a1_first.ts': original('a1') })
    const directory = ScriptDirectory.open({ scriptLocation: root, keepTexts: false })
    const revision = directory.revisions[0]!
    writeFileSync(revision.path!, edited('a1'))
    expect(directory.checksum(revision)).toBe(revisionChecksum(edited('a1')))
    const body = await directory.load(revision)
    expect(typeof body.upgrade).toBe('function')
  })
})
