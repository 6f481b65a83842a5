// The sessions of docs/team-workflow.md: two developers branch, CI catches the two heads, a
// merge joins them, a third revision is rebased, and the branch-relative downgrades. Every
// block is the output of the commands run for real on a temporary project.
import { mkdirSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createDocsProject, fillRevision, Transcript } from './transcript.mjs'

/** The generated blocks of docs/team-workflow.md, by name. */
export function teamWorkflowBlocks() {
  const project = createDocsProject('retort-team-workflow-')
  const { dir } = project
  const t = new Transcript(dir)
  const path = (id, slug) => join(dir, 'migrations/versions', `${id}_${slug}.ts`)
  const graph = () => t.run(['graph', '--format', 'ascii'])
  const blocks = {}
  try {
    // The trunk.
    t.run(['init', 'migrations'])
    t.run(['revision', '-m', 'create account', '--rev-id', '0a0a0a0a0a0a'])
    fillRevision(path('0a0a0a0a0a0a', 'create_account'), 'account')
    t.run(['upgrade', 'heads'])
    graph()
    blocks['trunk'] = t.take()

    // Alice works on her git branch; Bob on his, where Alice's file does not exist yet.
    t.run(['revision', '-m', 'create invoice', '--rev-id', 'a11ce0000001'])
    fillRevision(path('a11ce0000001', 'create_invoice'), 'invoice')
    graph()
    blocks['alice'] = t.take()
    const aside = join(dir, 'elsewhere')
    mkdirSync(aside)
    const alice = path('a11ce0000001', 'create_invoice')
    renameSync(alice, join(aside, basename(alice)))
    t.run([
      'revision',
      '-m',
      'create payment',
      '--rev-id',
      'b0b000000001',
      '--branch-label',
      'payments',
    ])
    fillRevision(path('b0b000000001', 'create_payment'), 'payment')
    graph()
    blocks['bob'] = t.take()

    // Both branches land on main: two heads.
    renameSync(join(aside, basename(alice)), alice)
    t.run(['heads'])
    t.run(['heads', '--check'], { expectCode: 1 })
    graph()
    blocks['two-heads'] = t.take()

    // A database can still be at both.
    t.run(['upgrade', 'head'], { expectCode: 1 })
    t.run(['upgrade', 'heads'])
    t.run(['current'])
    graph()
    blocks['both-applied'] = t.take()

    // Steps down one branch.
    t.run(['downgrade', '-1'], { expectCode: 1 })
    t.run(['downgrade', 'payments@-1'])
    t.run(['current'])
    graph()
    t.run(['upgrade', 'payments@head'])
    t.run(['downgrade', '0a0a+1'], { expectCode: 1 })
    blocks['relative'] = t.take()

    // The merge.
    t.run(['merge', '-m', 'merge invoice and payment', 'heads', '--rev-id', 'e0e0e0e0e0e0'])
    t.run(['heads', '--check'])
    t.run(['upgrade', 'heads'])
    graph()
    blocks['merged'] = t.take()

    // Carol started before the merge landed: her revision sits on Alice's.
    t.run([
      'revision',
      '-m',
      'create receipt',
      '--rev-id',
      'ca401e000001',
      '--head',
      'a11ce0000001',
      '--splice',
    ])
    fillRevision(path('ca401e000001', 'create_receipt'), 'receipt')
    t.run(['heads', '--check'], { expectCode: 1 })
    graph()
    t.run(['rebase', 'ca401e000001', '--onto', 'head'], { expectCode: 1 })
    t.run(['rebase', 'ca401e000001', '--onto', 'e0e0e0e0e0e0'])
    t.run(['heads', '--check'])
    t.run(['upgrade', 'heads'])
    graph()
    blocks['rebase'] = t.take()

    // Down from the merge.
    t.run(['downgrade', '-1'])
    t.run(['downgrade', '-1'])
    t.run(['current'])
    graph()
    t.run(['downgrade', 'payments@base'])
    t.run(['current'])
    graph()
    blocks['down-from-merge'] = t.take()
    return blocks
  } finally {
    project.cleanup()
  }
}
