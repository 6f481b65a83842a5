// Ten malformed YAML revision files on disk, each read the way a command reads it (the
// header when the directory opens, the body when the revision runs): every one gives a
// single-line error naming the file and the line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RetortError } from '../src/errors.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import { Operations } from '../src/operations/operations.js'
import { ScriptDirectory } from '../src/script/script-directory.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const head = 'revision: a1a1a1a1a1a1\ndownRevision: null\nmessage: broken\n'

/** [what is wrong, file text, the line the error must name]. */
const MALFORMED: readonly [string, string, number][] = [
  ['a YAML syntax error', `${head}upgrade:\n  - createTable: { name: t, columns: [ }\n`, 5],
  [
    'a revision id with illegal characters',
    'revision: a1-a1 a1\ndownRevision: null\nupgrade: []\n',
    1,
  ],
  [
    'downRevision of the wrong type',
    'revision: a1a1a1a1a1a1\ndownRevision: { a: 1 }\nupgrade: []\n',
    2,
  ],
  ['an unknown operation', `${head}upgrade:\n  - createTabel: { name: t }\n`, 5],
  ['a misspelt option', `${head}upgrade:\n  - dropTable:\n      name: t\n      ifExist: true\n`, 7],
  [
    'a column length that is not a number',
    `${head}upgrade:\n  - addColumn:\n      table: t\n      column: { name: c, type: string, length: long }\n`,
    7,
  ],
  [
    'an unknown column type',
    `${head}upgrade:\n  - addColumn:\n      table: t\n      column: { name: c, type: varchar2 }\n`,
    7,
  ],
  ['upgrade that is not a list', `${head}upgrade:\n  createTable: { name: t }\n`, 5],
  ['a missing required key', `${head}upgrade:\n  - createIndex: { name: ix, table: t }\n`, 5],
  [
    'an irreversible operation without a downgrade',
    `${head}upgrade:\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }\n  - execute: DELETE FROM t\n`,
    6,
  ],
]

function errorOf(run: () => unknown): unknown {
  try {
    const result = run()
    if (result instanceof Promise)
      return result.then(
        () => undefined,
        (error: unknown) => error,
      )
  } catch (error) {
    return error
  }
  return undefined
}

describe('malformed YAML revision files', () => {
  it.each(MALFORMED)('%s: one line naming the file and line', async (_what, text, line) => {
    const root = mkdtempSync(join(tmpdir(), 'retort-yaml-'))
    roots.push(root)
    mkdirSync(join(root, 'versions'))
    const file = join(root, 'versions', 'a1a1a1a1a1a1_broken.yaml')
    writeFileSync(file, text)

    // Header errors come when the directory opens; body errors when the revision loads.
    let error = errorOf(
      () => new RevisionMap(ScriptDirectory.open({ scriptLocation: root }).revisions),
    )
    if (error === undefined) {
      const directory = ScriptDirectory.open({ scriptLocation: root })
      error = await errorOf(async () => {
        const body = await directory.load(directory.revisions[0]!)
        body.upgrade?.(new Operations({ dialect: 'sqlite', offline: true }))
      })
    }
    expect(error).toBeInstanceOf(RetortError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain(`${file}:${line}`)
  })
})
