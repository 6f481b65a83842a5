// For the offline-script tests of every dialect: YAML revision files written into a new
// temporary script directory, and a script read line by line (which lines run inside
// BEGIN ... COMMIT, which lines are code rather than comments).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** What a revision message tries to add to a script after a newline. */
export const INJECTED = 'DROP TABLE accounts; --'

/** `aaaa01`, a root: the tables `account (id, email)` and `accounts (id)`, with one row. */
export const ACCOUNT_TABLES_YAML = `revision: aaaa01
downRevision: null
message: the tables
upgrade:
  - createTable:
      name: account
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: email, type: string, length: 100 }
  - createTable: { name: accounts, columns: [{ name: id, type: integer, primaryKey: true }] }
  - bulkInsert: { table: accounts, rows: [{ id: 7 }] }
downgrade:
  - dropTable: { name: accounts }
  - dropTable: { name: account }
`

/** `cccc03` on `bbbb02`: the table `later`. */
export const LATER_TABLE_YAML = `revision: cccc03
downRevision: bbbb02
message: one more table
upgrade:
  - createTable: { name: later, columns: [{ name: id, type: integer, primaryKey: true }] }
`

/**
 * A new temporary directory holding `<name>/versions/<file>` for each of `files` (file name
 * -> text); returns the script location. The name is user text that reaches the scripts.
 */
export function writeScriptDirectory(files: Readonly<Record<string, string>>, name = 'migrations') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-offline-'))
  const scriptLocation = path.join(root, name)
  fs.mkdirSync(path.join(scriptLocation, 'versions'), { recursive: true })
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(scriptLocation, 'versions', file), text)
  }
  return { root, scriptLocation, remove: () => fs.rmSync(root, { recursive: true, force: true }) }
}

/** One line of a script and whether it sits between a `BEGIN;` and its `COMMIT;`. */
export interface ScriptLine {
  readonly text: string
  readonly inTransaction: boolean
}

/** The lines of a script, each with whether a transaction is open there. */
export function scriptLines(sql: string): ScriptLine[] {
  let open = false
  return sql.split('\n').map((text) => {
    if (text === 'BEGIN;') {
      if (open) throw new Error(`BEGIN inside a transaction in:\n${sql}`)
      open = true
      return { text, inTransaction: false }
    }
    if (text === 'COMMIT;') {
      if (!open) throw new Error(`COMMIT without BEGIN in:\n${sql}`)
      open = false
      return { text, inTransaction: false }
    }
    return { text, inTransaction: open }
  })
}

/** The lines containing `text`, failing when there is none. */
export function linesWith(sql: string, text: string): ScriptLine[] {
  const found = scriptLines(sql).filter((line) => line.text.includes(text))
  if (found.length === 0) throw new Error(`no line with ${JSON.stringify(text)} in:\n${sql}`)
  return found
}

/** The lines that are not comment lines (`--`) and contain `text`. */
export function codeLinesWith(sql: string, text: string): string[] {
  return sql.split('\n').filter((line) => !line.startsWith('--') && line.includes(text))
}
