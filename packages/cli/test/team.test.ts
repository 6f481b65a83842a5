import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, fillRevision } from './helpers/project.js'
import { newRevision, ok, retort, retortJson } from './helpers/in-process.js'

// Two developers branch off the same head on separate git branches; after both are merged,
// the graph has two heads, CI fails, a merge revision fixes it, and databases that were on
// either branch upgrade to the merge.
describe('a two-branch team story', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  let base: string
  let alice: { revision: string; path: string }
  let bob: { revision: string; path: string }
  const db = (name: string) => ['-x', `url=sqlite:///${name}.db`]

  beforeAll(async () => {
    project = createProject()
    dir = project.dir
    await ok(dir, ['init', 'migrations'])
    const first = await newRevision(dir, ['-m', 'create account'])
    fillRevision(first.path, 'account')
    base = first.revision
    // Alice's branch: her revision on the shared head; her database follows her branch.
    alice = await newRevision(dir, ['-m', 'create invoice'])
    fillRevision(alice.path, 'invoice')
    await ok(dir, ['upgrade', 'head', ...db('alice')])
    // Bob's checkout does not have Alice's file yet.
    mkdirSync(join(dir, 'elsewhere'))
    const aside = join(dir, 'elsewhere', basename(alice.path))
    renameSync(alice.path, aside)
    bob = await newRevision(dir, ['-m', 'create payment'])
    fillRevision(bob.path, 'payment')
    await ok(dir, ['upgrade', 'head', ...db('bob')])
    // Both branches land on main.
    renameSync(aside, alice.path)
  })
  afterAll(() => project.cleanup())

  it('both revisions have the same parent, so there are two heads', async () => {
    const heads = await retortJson<{ revision: string; downRevisions: string[] }[]>(dir, ['heads'])
    expect(heads.map((h) => h.revision).sort()).toEqual([alice.revision, bob.revision].sort())
    for (const head of heads) expect(head.downRevisions).toEqual([base])
    const branches = await retortJson<{ revision: string; isBranchPoint: boolean }[]>(dir, [
      'branches',
    ])
    expect(branches.map((b) => b.revision)).toEqual([base])
  })

  it('heads --check fails (a CI gate) naming both heads and the merge command', async () => {
    const run = await retort(dir, ['heads', '--check'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain(alice.revision)
    expect(run.stderr).toContain(bob.revision)
    expect(run.stderr).toContain('retort merge')
  })

  it('refuses ambiguous commands: upgrade head, revision without --head', async () => {
    const up = await retort(dir, ['upgrade', 'head', ...db('alice')])
    expect(up.code).toBe(1)
    expect(up.stderr).toMatch(/'head' is ambiguous: the revision graph has 2 heads/)
    const rev = await retort(dir, ['revision', '-m', 'more'])
    expect(rev.code).toBe(1)
    expect(rev.stderr).toContain('pass --head')
  })

  it('current --check-heads fails for a database on one branch', async () => {
    const run = await retort(dir, ['current', '--check-heads', ...db('alice')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`is at '${alice.revision}'`)
  })

  it('merge heads writes a merge revision and the gate passes', async () => {
    const merged = await retortJson<{
      revision: string
      downRevisions: string[]
      isMergePoint: boolean
      path: string
    }>(dir, ['merge', '-m', 'merge invoice and payment', 'heads'])
    expect([...merged.downRevisions].sort()).toEqual([alice.revision, bob.revision].sort())
    expect(merged.isMergePoint).toBe(true)
    expect(readFileSync(merged.path, 'utf8')).toContain('export const downRevision = [')
    expect((await retort(dir, ['heads', '--check'])).code).toBe(0)

    // Each database gets the other branch's revision, then the merge.
    for (const [who, missing] of [
      ['alice', bob.revision],
      ['bob', alice.revision],
    ] as const) {
      const result = await retortJson<{
        applied: { revision: string; direction: string }[]
        heads: string[]
      }>(dir, ['upgrade', 'heads', ...db(who)])
      expect(result.applied.map((a) => a.revision)).toEqual([missing, merged.revision])
      expect(result.heads).toEqual([merged.revision])
      expect((await retort(dir, ['current', '--check-heads', ...db(who)])).code).toBe(0)
    }
  })

  it('rebase moves an unapplied revision onto the new head instead of merging', async () => {
    const mergeHead = (await retortJson<{ revision: string }[]>(dir, ['heads']))[0]!.revision
    // Carol's revision was written on Bob's revision before the merge landed.
    const carol = await newRevision(dir, [
      '-m',
      'create refund',
      '--head',
      bob.revision,
      '--splice',
    ])
    fillRevision(carol.path, 'refund')
    expect(await retortJson<unknown[]>(dir, ['heads'])).toHaveLength(2)
    const rebased = await retortJson<{
      downRevisions: string[]
      previousDownRevisions: string[]
      databaseChecked: boolean
    }>(dir, ['rebase', carol.revision, '--onto', mergeHead, ...db('alice')])
    expect(rebased.previousDownRevisions).toEqual([bob.revision])
    expect(rebased.downRevisions).toEqual([mergeHead])
    expect(rebased.databaseChecked).toBe(true)
    expect(readFileSync(carol.path, 'utf8')).toContain(`export const downRevision = '${mergeHead}'`)
    expect(
      (await retortJson<{ revision: string }[]>(dir, ['heads'])).map((h) => h.revision),
    ).toEqual([carol.revision])
    // Once applied, it is refused.
    await ok(dir, ['upgrade', 'heads', ...db('alice')])
    const refused = await retort(dir, [
      'rebase',
      carol.revision,
      '--onto',
      bob.revision,
      ...db('alice'),
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`revision '${carol.revision}' is applied in the database`)
  })
})
