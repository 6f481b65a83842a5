// A session of `retort` commands written down as a user would see it in a terminal.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, runRetort } from './run-retort.mjs'

/**
 * A temporary project with `@retort/core` and `@retort/dialect-sqlite` installed as
 * symlinks to the workspace packages (as `npm install` would place them), so the env module
 * of `retort init` resolves its imports.
 */
export function createDocsProject(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  mkdirSync(join(dir, 'node_modules/@retort'), { recursive: true })
  for (const name of ['core', 'dialect-sqlite']) {
    symlinkSync(join(ROOT, 'packages', name), join(dir, 'node_modules/@retort', name), 'dir')
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Gives a new TypeScript revision a body: create `table` up, drop it down. */
export function fillRevision(path, table) {
  const text = readFileSync(path, 'utf8')
  const filled = text
    .replace(
      /(export async function upgrade\([^)]*\) \{)\n\}/,
      `$1\n  op.createTable('${table}', [op.column('id', 'integer', { primaryKey: true })])\n}`,
    )
    .replace(
      /(export async function downgrade\([^)]*\) \{)\n\}/,
      `$1\n  op.dropTable('${table}')\n}`,
    )
  if (filled === text) throw new Error(`no empty upgrade() in ${path}`)
  writeFileSync(path, filled)
}

/** An argument as a POSIX shell user types it. */
function shellWord(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/** Records commands and their output (stdout and stderr as a terminal interleaves them). */
export class Transcript {
  #dir
  #lines = []

  constructor(dir) {
    this.#dir = dir
  }

  /** Runs `retort ARGS`, records it, returns its output. */
  run(args, options = {}) {
    const { stdout } = runRetort(this.#dir, args, { ...options, combined: true })
    const output = stdout
      .split(`${this.#dir}/`)
      .join('')
      // Durations differ from run to run.
      .replace(/ in \d+(?:\.\d+)? m?s\b/g, ' in …')
    this.#lines.push(`$ retort ${args.map(shellWord).join(' ')}`)
    if (output !== '') this.#lines.push(output.replace(/\n$/, ''))
    return output
  }

  /** The recorded session as a fenced `text` block, and a fresh start. */
  take() {
    const text = ['```text', ...this.#lines, '```'].join('\n')
    this.#lines = []
    return text
  }
}
