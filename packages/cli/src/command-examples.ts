/**
 * One example of a command, as `retort CMD --help` shows it under "Examples:".
 *
 * @example
 * ```ts
 * const example: CommandExample = { args: ['upgrade', 'heads'], note: 'apply every revision' }
 * ```
 */
export interface CommandExample {
  /** The arguments after `retort`, exactly as the shell passes them. */
  readonly args: readonly string[]
  /** A file the example's standard output is redirected to (`> FILE`). */
  readonly redirect?: string
  readonly note: string
}

/**
 * The examples of every command. The ids and the label are those of a project where
 * `3f1c2a9b7d10` has children, `payments` labels a branch and `8b2e4d6f0a1c` is a revision
 * nobody has applied: the test that runs every example builds that project.
 */
export const COMMAND_EXAMPLES: Readonly<Record<string, readonly CommandExample[]>> = {
  init: [
    { args: ['init', 'migrations'], note: 'a script directory and retort.yaml (SQLite url)' },
    {
      args: ['init', '--template', 'multidb', 'db'],
      note: 'one script directory for several databases (see list-templates)',
    },
  ],
  'list-templates': [{ args: ['list-templates'], note: 'the templates init can copy' }],
  revision: [
    { args: ['revision', '-m', 'create note'], note: 'a new revision on the head' },
    {
      args: [
        'revision',
        '-m',
        'create payment',
        '--head',
        '3f1c',
        '--splice',
        '--branch-label',
        'payments',
      ],
      note: 'start a labelled branch at an older revision',
    },
  ],
  merge: [
    {
      args: ['merge', '-m', 'merge payments', 'heads'],
      note: 'one revision joining every head (after two branches landed)',
    },
  ],
  upgrade: [
    { args: ['upgrade', 'heads'], note: 'apply every revision not applied yet, on every branch' },
    {
      args: ['upgrade', '--sql', 'base:heads'],
      redirect: 'upgrade.sql',
      note: 'write the SQL for a DBA instead of running it',
    },
  ],
  downgrade: [
    { args: ['downgrade', '-1'], note: 'take back the last revision (one row in the database)' },
    {
      args: ['downgrade', 'payments@-1'],
      note: 'take back the last revision of one branch; other branches keep theirs',
    },
  ],
  stamp: [
    {
      args: ['stamp', 'heads'],
      note: 'mark a database built some other way as up to date, running nothing',
    },
    {
      args: ['stamp', '--purge', '3f1c'],
      note: 'replace rows naming revisions these files do not have',
    },
  ],
  current: [
    { args: ['current'], note: 'the revisions the database is at' },
    {
      args: ['current', '--check-heads'],
      note: 'a deploy gate: exit 1 unless the database is at every head',
    },
  ],
  history: [
    { args: ['history', '-i'], note: 'every revision, newest first, the current ones marked' },
    { args: ['history', '-r', 'current:heads'], note: 'what an upgrade to the heads would add' },
  ],
  heads: [
    { args: ['heads'], note: 'the revisions without children' },
    { args: ['heads', '--check'], note: 'in CI: exit 1 when two heads need a merge' },
  ],
  branches: [{ args: ['branches'], note: 'the revisions where the graph branches' }],
  show: [
    { args: ['show', 'head'], note: 'the newest revision and its file' },
    { args: ['show', 'payments@head'], note: 'the head of a labelled branch' },
  ],
  edit: [{ args: ['edit', 'head'], note: 'open the newest revision in $VISUAL or $EDITOR' }],
  check: [
    {
      args: ['check'],
      note: 'in CI: one head, every file loads, the database has every revision',
    },
  ],
  test: [
    {
      args: ['test', '--update'],
      note: 'write retort-schema.sqlite.json (review and commit it); later runs compare with it',
    },
    {
      args: ['test'],
      note: 'in CI: bodies load, one head, each revision up, down and up again, schema as reviewed',
    },
  ],
  'ensure-version': [
    { args: ['ensure-version'], note: 'create the version table now (a new database)' },
  ],
  graph: [
    { args: ['graph'], note: 'the graph drawn in the terminal (Mermaid when piped)' },
    {
      args: ['graph', '--format', 'svg'],
      redirect: 'graph.svg',
      note: 'an image to open in a browser (html: a page with details)',
    },
  ],
  rebase: [
    {
      args: ['rebase', '8b2e', '--onto', 'payments@head'],
      note: 'move a revision nobody has applied onto another parent, instead of a merge',
    },
  ],
  bundle: [
    {
      args: ['bundle'],
      note: 'write the index module that imports every revision, for bundlers',
    },
    { args: ['bundle', '--check'], note: 'in CI: exit 1 when the index is out of date' },
  ],
}

/** An argument as a POSIX shell user types it. */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/**
 * The "Examples:" section of `retort NAME --help` (empty for an unknown name).
 *
 * @example
 * ```ts
 * command.addHelpText('after', examplesHelp(command.name()))
 * ```
 */
export function examplesHelp(name: string): string {
  const examples = COMMAND_EXAMPLES[name] ?? []
  if (examples.length === 0) return ''
  const lines = ['', 'Examples:']
  for (const example of examples) {
    const redirect = example.redirect === undefined ? '' : ` > ${example.redirect}`
    lines.push(
      `  $ retort ${example.args.map(shellWord).join(' ')}${redirect}`,
      `      ${example.note}`,
    )
  }
  return lines.join('\n')
}
