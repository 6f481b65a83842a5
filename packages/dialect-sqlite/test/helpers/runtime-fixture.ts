// Helpers of the SQLite runtime tests: script directories written into temp dirs, and an
// independent reading of what a database holds (tables, version rows), so that the tests
// check the runtime against the schema instead of against the runtime's own bookkeeping.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

/** A revision of a test graph; by default it creates the table `t_<id>`. */
export interface RevisionSpec {
  readonly id: string
  readonly down?: string | readonly string[] | null
  readonly dependsOn?: readonly string[]
  readonly labels?: readonly string[]
  readonly transaction?: boolean
  /** YAML lines of the `upgrade:` list (default: create `t_<id>`). */
  readonly upgrade?: readonly string[]
  /** YAML lines of the `downgrade:` list (default: derived by Retort). */
  readonly downgrade?: readonly string[]
}

/** A new temp directory; `cleanup()` removes every directory made so far. */
export function tempDirs(): { make(prefix?: string): string; cleanup(): void } {
  const made: string[] = []
  return {
    make(prefix = 'retort-rt-') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
      made.push(dir)
      return dir
    },
    cleanup() {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The YAML lines creating the table `t_<id>`. */
export function createTableLines(id: string): string[] {
  return [
    `  - createTable: { name: t_${id}, columns: [{ name: id, type: integer, primaryKey: true }] }`,
  ]
}

/** The text of a YAML revision file for `spec`. */
export function yamlRevision(spec: RevisionSpec): string {
  const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`
  const down =
    spec.down === undefined || spec.down === null
      ? 'null'
      : typeof spec.down === 'string'
        ? JSON.stringify(spec.down)
        : list(spec.down)
  const lines = [
    `revision: ${JSON.stringify(spec.id)}`,
    `downRevision: ${down}`,
    `message: revision ${spec.id}`,
  ]
  if (spec.dependsOn) lines.push(`dependsOn: ${list(spec.dependsOn)}`)
  if (spec.labels) lines.push(`branchLabels: ${list(spec.labels)}`)
  if (spec.transaction !== undefined) lines.push(`transaction: ${spec.transaction}`)
  lines.push('upgrade:', ...(spec.upgrade ?? createTableLines(spec.id)))
  if (spec.downgrade)
    lines.push('downgrade:', ...(spec.downgrade.length ? spec.downgrade : ['  []']))
  return `${lines.join('\n')}\n`
}

/** Writes `scriptLocation/versions/<nn>_<id>.yaml` for each spec; returns the script location. */
export function writeScript(scriptLocation: string, specs: readonly RevisionSpec[]): string {
  const versions = path.join(scriptLocation, 'versions')
  fs.mkdirSync(versions, { recursive: true })
  specs.forEach((spec, index) => {
    fs.writeFileSync(path.join(versions, fileName(index, spec.id)), yamlRevision(spec))
  })
  return scriptLocation
}

/** The file name of the revision `id` written by {@link writeScript}. */
export function revisionFile(
  scriptLocation: string,
  specs: readonly RevisionSpec[],
  id: string,
): string {
  const index = specs.findIndex((spec) => spec.id === id)
  return path.join(scriptLocation, 'versions', fileName(index, id))
}

// Ids may be longer than a file name may be.
function fileName(index: number, id: string): string {
  return `${String(index).padStart(2, '0')}_${id.slice(0, 40)}.yaml`
}

function withDatabase<T>(filename: string, read: (db: Database.Database) => T): T {
  const db = new Database(filename, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

/** The user tables of a database file, sorted (SQLite's own tables left out). */
export function tables(filename: string): string[] {
  if (!fs.existsSync(filename)) return []
  return withDatabase(filename, (db) =>
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name),
  )
}

/** The rows of the version table, sorted; `undefined` when the table does not exist. */
export function versionRows(filename: string, table = 'retort_version'): string[] | undefined {
  if (!tables(filename).includes(table)) return undefined
  return withDatabase(filename, (db) =>
    (db.prepare(`SELECT version_num FROM "${table}"`).all() as { version_num: string }[])
      .map((row) => row.version_num)
      .sort(),
  )
}

/** The revisions whose `t_<id>` table exists. */
export function appliedBySchema(filename: string, specs: readonly RevisionSpec[]): string[] {
  const present = new Set(tables(filename))
  return specs
    .filter((spec) => present.has(`t_${spec.id}`))
    .map((spec) => spec.id)
    .sort()
}

/**
 * The version rows SEMANTICS.md asks for, computed here without Retort: the applied
 * revisions that no other applied revision descends from or depends on (both
 * `downRevision` and `dependsOn` count as ancestry).
 */
export function expectedRows(specs: readonly RevisionSpec[], applied: readonly string[]): string[] {
  const byId = new Map(specs.map((spec) => [spec.id, spec]))
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    const spec = byId.get(id)!
    const parents = [
      ...(spec.down === undefined || spec.down === null
        ? []
        : typeof spec.down === 'string'
          ? [spec.down]
          : spec.down),
      ...(spec.dependsOn ?? []),
    ]
    for (const parent of parents) {
      if (!seen.has(parent)) {
        seen.add(parent)
        ancestors(parent, seen)
      }
    }
    return seen
  }
  const below = new Set<string>()
  for (const id of applied) for (const ancestor of ancestors(id)) below.add(ancestor)
  return applied.filter((id) => !below.has(id)).sort()
}

/** Records every write to stdout/stderr and every console call while `fn` runs. */
export async function captureOutput<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; output: string[] }> {
  const output: string[] = []
  const stdout = process.stdout.write
  const stderr = process.stderr.write
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
  const saved = methods.map((name) => console[name])
  process.stdout.write = ((chunk: unknown) => (
    output.push(`stdout: ${String(chunk)}`),
    true
  )) as typeof process.stdout.write
  process.stderr.write = ((chunk: unknown) => (
    output.push(`stderr: ${String(chunk)}`),
    true
  )) as typeof process.stderr.write
  for (const name of methods)
    console[name] = (...args: unknown[]) => output.push(`console.${name}: ${args.join(' ')}`)
  try {
    return { result: await fn(), output }
  } finally {
    process.stdout.write = stdout
    process.stderr.write = stderr
    methods.forEach((name, index) => (console[name] = saved[index]!))
  }
}
