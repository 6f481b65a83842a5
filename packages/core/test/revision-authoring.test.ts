import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  Config,
  merge,
  readHeader,
  renderRevisionFile,
  RetortError,
  revision,
  revisionFileName,
  slugify,
  yamlId,
} from '@retort/core'

const header = (revision: string, downRevisions: string[] = []) => ({
  revision,
  downRevisions,
  branchLabels: [],
  dependsOn: [],
  message: 'it\'s a "test"',
})

describe('renderRevisionFile', () => {
  it.each(['ts', 'js', 'yaml'] as const)('writes a %s header that reads back', (format) => {
    const path = `/x/versions/a1.${format === 'yaml' ? 'yaml' : format}`
    const text = renderRevisionFile(
      { ...header('a1b2c3d4e5f6', ['p1', 'p2']), branchLabels: ['feature'], dependsOn: ['d1'] },
      format,
    )
    expect(readHeader(text, path)).toMatchObject({
      revision: 'a1b2c3d4e5f6',
      downRevision: ['p1', 'p2'],
      branchLabels: ['feature'],
      dependsOn: ['d1'],
      message: 'it\'s a "test"',
    })
  })

  it('quotes ids that YAML would read as numbers or booleans', () => {
    expect(yamlId('1234e5678901')).toBe("'1234e5678901'")
    expect(yamlId('123456')).toBe("'123456'")
    expect(yamlId('no')).toBe("'no'")
    expect(yamlId('ae10f3c2b1d4')).toBe('ae10f3c2b1d4')
    const text = renderRevisionFile(header('1234e5678901', ['0x1f00000000']), 'yaml')
    expect(text).toContain("revision: '1234e5678901'")
    expect(readHeader(text, '/x/a.yaml')).toMatchObject({
      revision: '1234e5678901',
      downRevision: '0x1f00000000',
    })
  })
})

describe('revisionFileName', () => {
  const date = new Date(Date.UTC(2025, 0, 2, 3, 4, 5))
  it('replaces every token', () => {
    expect(
      revisionFileName('{year}{month}{day}_{hour}{minute}{second}_{rev}_{slug}', {
        rev: 'ae10',
        message: 'Add users!',
        date,
        timezone: 'UTC',
      }),
    ).toBe('20250102_030405_ae10_add_users')
    expect(
      revisionFileName('{epoch}_{rev}', { rev: 'r', message: '', date, timezone: 'UTC' }),
    ).toBe(`${date.getTime() / 1000}_r`)
    expect(revisionFileName('{rev}_{slug}', { rev: 'r', message: '', date })).toBe('r')
  })
  it('rejects unknown tokens and names that are not plain file names', () => {
    expect(() => revisionFileName('{rev}_{nope}', { rev: 'r', message: '', date })).toThrow(
      /unknown token '\{nope\}'/,
    )
    expect(() => revisionFileName('a/{rev}', { rev: 'r', message: '', date })).toThrow(
      /not a plain file name/,
    )
  })
  it('slugs keep at most 40 characters at a word boundary', () => {
    expect(slugify('Créer la table des comptes et des factures pour la compta')).toBe(
      'creer_la_table_des_comptes_et_des',
    )
  })
})

describe('revision and merge', () => {
  let dir: string
  let config: Config
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retort-authoring-'))
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
    config = new Config(
      { scriptLocation: 'migrations', timezone: 'UTC' },
      { path: join(dir, 'retort.yaml') },
    )
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('chains new revisions on the head, with generated 12-hex ids', async () => {
    const first = await revision(config, { message: 'create account' })
    expect(first.revision.revision).toMatch(/^[0-9a-f]{12}$/)
    expect(first.revision.isBase).toBe(true)
    const second = await revision(config, { message: 'add email' })
    expect(second.revision.downRevisions).toEqual([first.revision.revision])
    expect(second.path).toBe(
      join(dir, 'migrations/versions', `${second.revision.revision}_add_email.ts`),
    )
  })

  it('refuses several heads without --head, a non-head without splice, and a taken id', async () => {
    await revision(config, { message: 'a', revId: 'aaaa1' })
    await revision(config, { message: 'b', revId: 'bbbb1', head: 'aaaa1' })
    await revision(config, { message: 'c', revId: 'cccc1', head: 'aaaa1', splice: true })
    await expect(revision(config, { message: 'd' })).rejects.toThrow(/2 heads .*pass --head/)
    await expect(revision(config, { message: 'd', head: 'aaaa1' })).rejects.toThrow(
      /'aaaa1' is not a head .*--splice/,
    )
    await expect(revision(config, { message: 'd', revId: 'bbbb1', head: 'bbbb1' })).rejects.toThrow(
      /already exists/,
    )
    const merged = await merge(config, ['heads'], { revId: 'mmmm1' })
    expect([...merged.revision.downRevisions].sort()).toEqual(['bbbb1', 'cccc1'])
    await expect(merge(config, ['aaaa1', 'mmmm1'])).rejects.toThrow(/ancestor/)
  })

  it('labels, dependencies, formats and the file template', async () => {
    config.set('fileTemplate', '{year}_{rev}_{slug}')
    const root = await revision(config, {
      message: 'root',
      revId: 'root1',
      branchLabels: ['core'],
      now: new Date(Date.UTC(2024, 5, 1)),
    })
    expect(root.path).toMatch(/versions\/2024_root1_root\.ts$/)
    const other = await revision(config, {
      message: 'other',
      revId: 'oth1',
      head: 'base',
      dependsOn: ['core'],
      format: 'yaml',
    })
    expect(other.revision.dependsOn).toEqual(['root1'])
    expect(readFileSync(other.path, 'utf8')).toContain('dependsOn: [core]')
    const js = await revision(config, { message: 'js', revId: 'js1', head: 'oth1', format: 'js' })
    expect(js.path.endsWith('.mjs')).toBe(true)
    await expect(
      revision(config, { message: 'x', head: 'root1', branchLabels: ['core'] }),
    ).rejects.toThrow(/branch label 'core'/)
  })

  it('runs post-write hooks with the path, and fails when one fails', async () => {
    config.set('postWriteHooks', [
      {
        command: process.execPath,
        args: ['-e', "require('fs').appendFileSync(process.argv[1], '// formatted\\n')", '{path}'],
      },
    ])
    const result = await revision(config, { message: 'hooked' })
    expect(readFileSync(result.path, 'utf8')).toMatch(/\/\/ formatted\n$/)
    expect(result.hooks).toHaveLength(1)
    config.set('postWriteHooks', 'definitely-not-a-command-xyz')
    await expect(revision(config, { message: 'again' })).rejects.toThrow(
      /post-write hook 'definitely-not-a-command-xyz .*' failed \(command 'definitely-not-a-command-xyz' not found\)/,
    )
  })

  it.each([
    [
      { message: 'add index\nDROP TABLE accounts; --' },
      "message 'add index\\nDROP TABLE accounts; --' contains the control character \\n",
    ],
    [{ message: 'bell\u0007' }, "message 'bell\\x07' contains the control character \\x07"],
    [{ message: 'csi\u009b2J' }, "message 'csi\\x9b2J' contains the control character \\x9b"],
    [{ message: 'del\u007f' }, "message 'del\\x7f' contains the control character \\x7f"],
    [{ message: 'tab\there' }, "message 'tab\\there' contains the control character \\t"],
    [
      { branchLabels: ['ok', 'lab\u001b[31mel'] },
      "branch label 'lab\\x1b[31mel' contains the control character \\x1b",
    ],
    [{ revId: 'ab\rcd' }, "--rev-id 'ab\\rcd' contains the control character \\r"],
    [{ dependsOn: ['x\ny'] }, "--depends-on 'x\\ny' contains the control character \\n"],
  ])('refuses a control character before writing anything: %j', async (options, message) => {
    const error = await revision(config, options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetortError)
    expect((error as RetortError).code).toBe('control-character')
    expect((error as Error).message).toBe(
      `${message}; write it on one line without control characters`,
    )
    expect(readdirSync(join(dir, 'migrations/versions'))).toEqual([])
  })

  it('refuses a control character in a merge message or label', async () => {
    await revision(config, { message: 'a', revId: 'aaaa1' })
    await revision(config, { message: 'b', revId: 'bbbb1', head: 'base' })
    await expect(
      merge(config, ['heads'], { message: 'merge\u001b]0;title\u0007' }),
    ).rejects.toThrow("message 'merge\\x1b]0;title\\x07' contains the control character \\x1b")
    await expect(merge(config, ['heads'], { branchLabels: ['a\nb'] })).rejects.toThrow(
      "branch label 'a\\nb' contains the control character \\n",
    )
    expect(readdirSync(join(dir, 'migrations/versions'))).toHaveLength(2)
  })

  it('writes a root with an explicit downRevision = null in every format', async () => {
    const ts = await revision(config, { message: 'ts root', revId: 'ts1' })
    const js = await revision(config, {
      message: 'js root',
      revId: 'js1',
      head: 'base',
      format: 'js',
    })
    const yaml = await revision(config, {
      message: 'yaml root',
      revId: 'ya1',
      head: 'base',
      format: 'yaml',
    })
    expect(readFileSync(ts.path, 'utf8')).toContain('export const downRevision = null\n')
    expect(readFileSync(js.path, 'utf8')).toContain('export const downRevision = null\n')
    expect(readFileSync(yaml.path, 'utf8')).toContain(
      'downRevision: null\nmessage: "yaml root"\nupgrade: []\n',
    )
  })

  it('writes nothing for an invalid id', async () => {
    await expect(revision(config, { message: 'x', revId: 'no-dash' })).rejects.toThrow(
      /'no-dash' .* not valid/,
    )
    expect(readdirSync(join(dir, 'migrations/versions'))).toEqual([])
  })
})
