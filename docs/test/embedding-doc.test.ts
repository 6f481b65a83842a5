// Runs every `ts runnable` block of docs/embedding.md as written, with Node and the built
// packages, in a project whose path has spaces, started from another directory; `file=PATH`
// blocks are written to that path first. Needs the build (`pnpm test` builds first).
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { transformSync } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fencedBlocks, sections } from '../tools/markdown-sections.mjs'
import { BIN, ROOT } from '../tools/run-retort.mjs'

// The driver the SQLite dialect uses (a dependency of that package, not of the workspace).
const Database = createRequire(join(ROOT, 'packages/dialect-sqlite/package.json'))(
  'better-sqlite3',
) as typeof import('better-sqlite3')

const HEAD = '4d5e6f7a8b9c'
const text = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8')

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

function node(file: string, args: readonly string[] = []): Run {
  // From another directory: nothing may depend on the working directory.
  const result = spawnSync(process.execPath, [file, ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

function versionRows(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return (
      db.prepare('SELECT version_num FROM retort_version').all() as { version_num: string }[]
    ).map((row) => row.version_num)
  } finally {
    db.close()
  }
}

describe('docs/embedding.md', () => {
  let root: string
  let app: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'retort-embedding-'))
    app = join(root, 'My App')
    mkdirSync(join(app, 'node_modules/@retort'), { recursive: true })
    for (const name of ['core', 'dialect-sqlite']) {
      symlinkSync(join(ROOT, 'packages', name), join(app, 'node_modules/@retort', name), 'dir')
    }
    const link = (name: string, from: string) =>
      symlinkSync(
        realpathSync(join(from, 'node_modules', name)),
        join(app, 'node_modules', name),
        'dir',
      )
    link('better-sqlite3', join(ROOT, 'packages/dialect-sqlite'))
    link('esbuild', ROOT)
    cpSync(join(ROOT, 'examples/app/migrations/versions'), join(app, 'migrations/versions'), {
      recursive: true,
    })
    cpSync(join(ROOT, 'examples/app/src/schema.sql'), join(app, 'schema.sql'))
    writeFileSync(join(app, 'retort.yaml'), 'scriptLocation: migrations\n')
    for (const { body } of sections(text)) {
      for (const info of body.matchAll(/^```\w+ file=(\S+)$/gm)) {
        const [block] = fencedBlocks(body.slice(info.index), info[0].slice(3))
        mkdirSync(dirname(join(app, info[1]!)), { recursive: true })
        writeFileSync(join(app, info[1]!), block!)
      }
    }
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  /** Writes a recipe's snippet next to the migrations, compiled from TypeScript, and runs it. */
  function runSnippet(heading: string, code: string): Run {
    const file = join(app, `${heading.replace(/\W+/g, '-').toLowerCase()}.mjs`)
    writeFileSync(file, transformSync(code, { loader: 'ts', format: 'esm' }).code)
    return node(file)
  }

  /** What each recipe must have done, beyond exiting 0. */
  const checks: Record<string, (run: Run, again: () => Run) => void> = {
    '1. Upgrade at start-up': (run, again) => {
      expect(run.stdout).toBe(`applied 4 revisions; the database is at ${HEAD}\n`)
      expect(again().stdout).toBe(`applied 0 revisions; the database is at ${HEAD}\n`)
      expect(versionRows(join(app, 'data/notes.db'))).toEqual([HEAD])
    },
    '2. Paths with spaces and other characters': (run) => {
      const dataDir = join(app, 'User Data', "Zoë's notes (2026)")
      expect(run.stdout).toBe(`User Data/Zoë's notes (2026)/my notes.db is at ${HEAD}\n`)
      expect(versionRows(join(dataDir, 'my notes.db'))).toEqual([HEAD])
      // The command line, as the recipe shows it (through the env module of recipe 3).
      const cli = spawnSync(
        process.execPath,
        [
          BIN,
          '-c',
          join(app, 'retort.yaml'),
          '-x',
          `dataDir=${dataDir}`,
          '-x',
          'fileName=my notes.db',
          'current',
        ],
        { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      )
      expect(cli.stderr).toBe('migrating my notes.db\n')
      expect(cli.stdout).toBe(`${HEAD} (head) add note.pinned\n`)
    },
    '3. Arguments for the env module': (run) => {
      expect(run.stdout).toBe(`acme: ${HEAD}\nglobex: ${HEAD}\n`)
      for (const tenant of ['acme', 'globex']) {
        expect(versionRows(join(app, 'tenants', `tenant-${tenant}.db`))).toEqual([HEAD])
      }
    },
    '4. New databases already at the head': (run) => {
      expect(run.stdout).toBe(
        [1, 2, 3].map((n) => `scratch-${n}.db at ${HEAD} with 0 notes\n`).join(''),
      )
      expect(versionRows(join(app, 'scratch/scratch-2.db'))).toEqual([HEAD])
    },
    '5. Bundled applications': (run) => {
      expect(run.stdout).toBe('bundled 4 revisions into dist/app.mjs\n')
      // The bundle carries every revision: it runs with no migrations/ directory around.
      renameSync(join(app, 'migrations'), join(app, 'migrations-away'))
      try {
        const database = join(root, 'bundled.db')
        const bundled = node(join(app, 'dist/app.mjs'), [database])
        expect(bundled.stderr).toBe('')
        expect(bundled.stdout).toBe(`bundled app: bundled.db is at ${HEAD}\n`)
        expect(versionRows(database)).toEqual([HEAD])
      } finally {
        renameSync(join(app, 'migrations-away'), join(app, 'migrations'))
      }
    },
    '6. Logging': (run) => {
      expect(run.stdout.split('\n')).toEqual([
        '[notes] Running upgrade base -> 1a2b3c4d5e6f: create note',
        '[notes] step 1/4 done',
        '[notes] Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f7a: create tag and note_tag',
        '[notes] step 2/4 done',
        '[notes] Running upgrade 2b3c4d5e6f7a -> 3c4d5e6f7a8b: seed the welcome note',
        '[notes] step 3/4 done',
        `[notes] Running upgrade 3c4d5e6f7a8b -> ${HEAD}: add note.pinned`,
        '[notes] step 4/4 done',
        '',
      ])
    },
  }

  const recipes = sections(text)
    .map(({ heading, body }) => ({ heading, snippets: fencedBlocks(body, 'ts runnable') }))
    .filter((recipe) => recipe.snippets.length > 0)

  it('has a check for every recipe with a runnable snippet', () => {
    expect(recipes.map((r) => r.heading)).toEqual(Object.keys(checks))
    expect(existsSync(join(app, 'migrations/env.mjs'))).toBe(true)
    expect(existsSync(join(app, 'src/main.ts'))).toBe(true)
  })

  for (const { heading, snippets } of recipes) {
    it(`runs: ${heading}`, () => {
      expect(snippets).toHaveLength(1)
      const code = snippets[0]!
      const run = runSnippet(heading, code)
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
      checks[heading]!(run, () => runSnippet(heading, code))
    })
  }
})
