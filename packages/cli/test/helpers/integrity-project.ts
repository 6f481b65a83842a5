// A project for the integrity tests: retort.yaml with a database URL, and YAML revisions
// written by the test.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { retortInProcess } from './in-process.js'
import { createProject } from './project.js'
import type { IntegrityDatabase, IntegrityTarget } from './integrity-targets.js'

/** Revision a1: creates `account`. */
export const CREATE_ACCOUNT = `revision: a1a1a1a1a1a1
downRevision: null
message: create account
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: email, type: string, length: 120, nullable: false }
`
/** Revision b2: adds `account.nickname`. */
export const ADD_NICKNAME = `revision: b2b2b2b2b2b2
downRevision: a1a1a1a1a1a1
message: add nickname
upgrade:
  - addColumn: { table: account, column: { name: nickname, type: string, length: 40 } }
`
/** Revision c3: an index, outside a transaction (`transaction: false`). */
export const INDEX_EMAIL = `revision: c3c3c3c3c3c3
downRevision: b2b2b2b2b2b2
message: index email
transaction: false
upgrade:
  - createIndex: { name: ix_account_email, table: account, columns: [email] }
`
/** Revision d4: creates `note`, then fails. */
export const FAILING = `revision: d4d4d4d4d4d4
downRevision: c3c3c3c3c3c3
message: fails
upgrade:
  - createTable:
      name: note
      columns:
        - { name: id, type: integer, primaryKey: true }
  - execute: { sql: "INSERT INTO no_such_table VALUES (1)", reverse: "SELECT 1" }
downgrade:
  - dropTable: { name: note }
`

export const FILES: Readonly<Record<string, string>> = {
  a1a1a1a1a1a1: 'a1a1a1a1a1a1_create_account.yaml',
  b2b2b2b2b2b2: 'b2b2b2b2b2b2_add_nickname.yaml',
  c3c3c3c3c3c3: 'c3c3c3c3c3c3_index_email.yaml',
  d4d4d4d4d4d4: 'd4d4d4d4d4d4_fails.yaml',
}

/** A project on a fresh database of `target`, with the given revisions. */
export interface IntegrityProject {
  readonly dir: string
  readonly db: IntegrityDatabase
  /** The path of a revision file. */
  path(id: string): string
  write(id: string, text: string): void
  retort(...args: string[]): ReturnType<typeof retortInProcess>
  /** `retort --json ARGS`, parsed (whatever the exit code). */
  json<T>(...args: string[]): Promise<{ code: number; body: T; stderr: string }>
  cleanup(): Promise<void>
}

export async function integrityProject(
  target: IntegrityTarget,
  revisions: Readonly<Record<string, string>>,
  config = '',
  env: NodeJS.ProcessEnv = {},
): Promise<IntegrityProject> {
  const project = createProject(`retort-integrity-${target.name}-`)
  const db = await target.create(project.dir)
  const versions = join(project.dir, 'migrations/versions')
  mkdirSync(versions, { recursive: true })
  writeFileSync(
    join(project.dir, 'retort.yaml'),
    `scriptLocation: migrations\nurl: ${db.url}\n${config}`,
  )
  const path = (id: string) => join(versions, FILES[id] ?? `${id}.yaml`)
  const write = (id: string, text: string) => writeFileSync(path(id), text)
  for (const [id, text] of Object.entries(revisions)) write(id, text)
  const run = (...args: string[]) => retortInProcess(project.dir, args, env)
  return {
    dir: project.dir,
    db,
    path,
    write,
    retort: run,
    async json<T>(...args: string[]) {
      const result = await run('--json', ...args)
      return { code: result.code, body: JSON.parse(result.stdout) as T, stderr: result.stderr }
    },
    async cleanup() {
      await db.drop()
      project.cleanup()
    },
  }
}
