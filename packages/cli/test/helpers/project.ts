import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
/** The built binary: `pnpm test` builds first; alone, run `npx tsc -b packages/cli`. */
export const BIN = join(root, 'packages/cli/dist/bin.js')

/** What a run of the binary gave. */
export interface RunResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * A temporary project directory with `@retort/core` and `@retort/dialect-sqlite` installed
 * (symlinks to the workspace packages, as `npm install` would place them), so that the env
 * modules of the templates resolve their imports.
 */
export function createProject(prefix = 'retort-cli-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  mkdirSync(join(dir, 'node_modules/@retort'), { recursive: true })
  for (const name of ['core', 'dialect-sqlite']) {
    symlinkSync(join(root, 'packages', name), join(dir, 'node_modules/@retort', name), 'dir')
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Installs a `retort` launcher in the project's `node_modules/.bin` and returns the
 * environment that puts it on `PATH`, as `npx retort` and package.json scripts do, so that
 * post-write hooks can run `retort ...`.
 */
export function retortOnPath(dir: string): Record<string, string> {
  const bin = join(dir, 'node_modules/.bin')
  mkdirSync(bin, { recursive: true })
  const launcher = join(bin, 'retort')
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
  )
  chmodSync(launcher, 0o755)
  return { PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}` }
}

/** Runs `retort ARGS` in `cwd` without colours (not a terminal). */
export function retort(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): RunResult {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
  for (const name of ['FORCE_COLOR', 'RETORT_CONFIG', 'EDITOR', 'VISUAL', 'CI']) delete base[name]
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, ...env },
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** Runs `retort ARGS --json`, expects success, and parses stdout. */
export function retortJson<T = unknown>(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): T {
  const result = retort(cwd, ['--json', ...args], env)
  if (result.code !== 0)
    throw new Error(`retort ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

/** Runs `retort ARGS`, expects exit 0, returns stdout. */
export function ok(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  const result = retort(cwd, args, env)
  if (result.code !== 0)
    throw new Error(`retort ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}

/** The id of a revision created by `retort --json revision ...`. */
export function newRevision(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { revision: string; path: string; hooks: string[] } {
  return retortJson<{ revision: string; path: string; hooks: string[] }>(
    cwd,
    ['revision', ...args],
    env,
  )
}

/** Writes a body into a new TypeScript or JavaScript revision: create `table` up, drop it down. */
export function fillRevision(path: string, table: string): void {
  const text = readFileSync(path, 'utf8')
  const up = `op.createTable('${table}', [op.column('id', 'integer', { primaryKey: true })])`
  const filled = text
    .replace(/(export async function upgrade\([^)]*\) \{)\n\}/, `$1\n  ${up}\n}`)
    .replace(
      /(export async function downgrade\([^)]*\) \{)\n\}/,
      `$1\n  op.dropTable('${table}')\n}`,
    )
  if (filled === text) throw new Error(`no empty upgrade() in ${path}`)
  writeFileSync(path, filled)
}
