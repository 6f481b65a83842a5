import { describe, expect, it } from 'vitest'
import { ConfigError, RevisionError, RevisionFileError } from '../src/errors.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { Operations } from '../src/operations/operations.js'
import { createRevision, type Revision, type RevisionBody } from '../src/revision.js'
import { moduleSource, type MigrationsInput } from '../src/script/module-source.js'
import * as a1 from './fixtures/script/versions/a1_create_account.js'
import * as b1 from './fixtures/script/versions/b1_add_email.js'

declare global {
  interface ImportMeta {
    glob(pattern: string, options?: { readonly eager?: boolean }): Record<string, unknown>
  }
}

function run(body: RevisionBody, direction: 'upgrade' | 'downgrade' = 'upgrade'): string[] {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  body[direction]?.(op)
  return op.takePending().map(describeOperation)
}

async function errorOf(promise: Promise<unknown>): Promise<RevisionFileError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a RevisionFileError')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RevisionFileError)
  expect((error as Error).message).not.toContain('\n')
  return error as RevisionFileError
}

describe('moduleSource', () => {
  it('reads module namespaces', async () => {
    const source = await moduleSource([a1, b1])
    expect(source.revisions).toEqual([
      createRevision({ revision: 'a1', downRevision: null, message: 'create account' }),
      createRevision({
        revision: 'b1',
        downRevision: 'a1',
        branchLabels: ['accounts'],
        message: 'add email',
        transaction: false,
      }),
    ])
    expect(source.revisions[0]?.path).toBeUndefined()
    const [first, second] = source.revisions as [Revision, Revision]
    expect(run(await source.load(first))).toEqual(["createTable('account')"])
    expect(run(await source.load(first), 'downgrade')).toEqual(["dropTable('account')"])
    expect(run(await source.load(second))).toEqual(["addColumn('account', 'email')"])
    expect((await source.load(second)).downgrade).toBeUndefined()
    expect(await source.load(first)).toBe(await source.load(first))
  })

  it('reads plain objects shaped like modules, and lazy functions in a list', async () => {
    const source = await moduleSource([
      { revision: 'x1', downRevision: ['a', 'b'], dependsOn: 'c', upgrade() {} },
      () => Promise.resolve(a1),
    ])
    expect(source.revisions.map((r) => [r.id, r.downRevisions, r.dependsOn])).toEqual([
      ['x1', ['a', 'b'], ['c']],
      ['a1', [], []],
    ])
  })

  it('reads an eager import.meta.glob record, with paths, in key order', async () => {
    const source = await moduleSource(
      import.meta.glob('./fixtures/script/versions/*.ts', { eager: true }),
    )
    expect(source.revisions.map((r) => [r.id, r.path])).toEqual([
      ['a1', './fixtures/script/versions/a1_create_account.ts'],
      ['b1', './fixtures/script/versions/b1_add_email.ts'],
    ])
    expect(run(await source.load(source.revisions[1] as Revision))).toEqual([
      "addColumn('account', 'email')",
    ])
  })

  it('imports every entry of a lazy import.meta.glob record', async () => {
    const glob = import.meta.glob('./fixtures/script/versions/*.ts')
    expect(Object.values(glob).every((entry) => typeof entry === 'function')).toBe(true)
    const source = await moduleSource(glob)
    expect(source.revisions.map((r) => r.id)).toEqual(['a1', 'b1'])
    expect(run(await source.load(source.revisions[0] as Revision))).toEqual([
      "createTable('account')",
    ])
  })

  it('sorts a hand-made record by key and takes CommonJS default exports', async () => {
    const source = await moduleSource({
      'versions/b.cjs': { default: { revision: 'b', downRevision: 'a', upgrade() {} } },
      'versions/a.js': async () => ({ revision: 'a', downRevision: null, upgrade() {} }),
    })
    expect(source.revisions.map((r) => [r.id, r.path])).toEqual([
      ['a', 'versions/a.js'],
      ['b', 'versions/b.cjs'],
    ])
    await expect(source.load(source.revisions[1] as Revision)).resolves.toHaveProperty('upgrade')
  })

  describe('errors name the entry', () => {
    it('a missing revision', async () => {
      const error = await errorOf(moduleSource([a1, { downRevision: 'a1', upgrade() {} } as never]))
      expect(error.path).toBe('migrations[1]')
      expect(error.message).toBe(
        "migrations[1]: exports no 'revision'; a revision module exports const revision = '<id>' (with downRevision, upgrade and downgrade)",
      )
    })

    it.each([
      [{ revision: 12 }, "header 'revision' must be a string (the revision id), not a number (12)"],
      [
        { revision: 'a', downRevision: 5 },
        "header 'downRevision' must be a string, null or a list of strings, not a number (5)",
      ],
      [
        { revision: 'a', dependsOn: ['b', null] },
        "header 'dependsOn' must be a string, null or a list of strings, not a list containing null",
      ],
      [
        { revision: 'a', message: ['x'] },
        "header 'message' must be a string or null, not a list of strings",
      ],
      [
        { revision: 'a', transaction: 'no' },
        "header 'transaction' must be true or false, not a string ('no')",
      ],
    ])('a wrong type: %j', async (module, detail) => {
      const error = await errorOf(moduleSource({ 'versions/x.ts': module }))
      expect(error.message).toContain(`versions/x.ts: ${detail}`)
    })

    it('a missing downRevision: a module states its parents too (null for a root)', async () => {
      const error = await errorOf(moduleSource([{ revision: 'a', upgrade() {} } as never]))
      expect(error.message).toBe(
        "migrations[0]: revision 'a' exports no 'downRevision'; export const downRevision = null for a root revision, the parent's id, or a list of ids for a merge",
      )
    })

    it.each([
      [{ revision: 'a', downRevison: 'b', upgrade() {} }, 'downRevison', 'downRevision'],
      [
        { revision: 'a', downRevision: null, depends_on: ['b'], upgrade() {} },
        'depends_on',
        'dependsOn',
      ],
      [{ revision: 'a', downRevision: null, upgarde() {} }, 'upgarde', 'upgrade'],
    ])('a near-miss export name: %j', async (module, name, nearest) => {
      const error = await errorOf(moduleSource({ 'versions/x.ts': module as never }))
      expect(error.message).toContain(
        `versions/x.ts: exports '${name}', which is not a revision key; did you mean '${nearest}'?`,
      )
    })

    it('repeated parents, dependencies or labels', async () => {
      const error = await errorOf(
        moduleSource([{ revision: 'a', downRevision: ['b', 'b'], upgrade() {} } as never]),
      )
      expect(error.message).toBe(
        "migrations[0]: header 'downRevision' lists 'b' twice; list each revision once",
      )
    })

    it('something that is not a module', async () => {
      const error = await errorOf(moduleSource([a1, 42 as never]))
      expect(error.message).toContain('migrations[1]: is not a revision module (got a number (42))')
    })

    it('a lazy entry that fails to import', async () => {
      const error = await errorOf(
        moduleSource({ 'versions/bad.ts': () => Promise.reject(new Error('no such\nfile')) }),
      )
      expect(error.message).toBe(
        'versions/bad.ts: failed to import: no such file; fix the error in this module',
      )
    })

    it('a missing upgrade, when the revision is loaded', async () => {
      const source = await moduleSource([{ revision: 'a', downRevision: null } as never])
      const error = await errorOf(source.load(source.revisions[0] as Revision))
      expect(error.message).toContain("migrations[0]: revision 'a' exports no upgrade function")
    })

    it('a revision from elsewhere', async () => {
      const source = await moduleSource([a1])
      await expect(source.load(createRevision({ revision: 'a1' }))).rejects.toThrow(RevisionError)
    })

    it('an input that is neither a list nor a record', async () => {
      await expect(moduleSource(null as unknown as MigrationsInput)).rejects.toThrow(ConfigError)
    })
  })
})
