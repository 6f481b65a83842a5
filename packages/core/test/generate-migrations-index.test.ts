import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError, MissingRevisionError } from '../src/errors.js'
import { Config } from '../src/config/config.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import { describeOperation } from '../src/operations/describe-operation.js'
import { Operations } from '../src/operations/operations.js'
import type { RevisionBody } from '../src/revision.js'
import {
  generateMigrationsIndex,
  yamlRevisionModule,
} from '../src/script/generate-migrations-index.js'
import { moduleSource } from '../src/script/module-source.js'
import { ScriptDirectory } from '../src/script/script-directory.js'

let dir: string
let scriptLocation: string

const files: Record<string, string> = {
  'a1_create_account.ts': `import type { Operations } from '@retort/core'
export const revision = 'a1a1'
export const downRevision = null
export const message = 'create account'
export function upgrade(op: Operations) {
  op.createTable('account', [op.column('id', 'integer', { primaryKey: true })])
}
export function downgrade(op: Operations) {
  op.dropTable('account')
}
`,
  'b2_tag.yaml': `revision: "1234e5678901"
downRevision: a1a1
message: tag
upgrade:
  - createTable:
      name: tag
      columns:
        - { name: id, type: integer, primaryKey: true }
`,
  'c3_note.mjs': `export const revision = 'c3c3'
export const downRevision = '1234e5678901'
export const message = 'note'
export function upgrade(op) {
  op.addColumn('account', op.column('note', 'text'))
}
`,
  '_helper.ts': 'export const notARevision = true\n',
}

function writeScript(location: string, entries: Record<string, string>): void {
  fs.mkdirSync(path.join(location, 'versions'), { recursive: true })
  for (const [name, text] of Object.entries(entries)) {
    fs.writeFileSync(path.join(location, 'versions', name), text)
  }
}

function run(body: RevisionBody | undefined, direction: 'upgrade' | 'downgrade'): string[] {
  const op = new Operations({ dialect: 'sqlite', offline: true })
  void body?.[direction]?.(op)
  return op.takePending().map(describeOperation)
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retort-index-'))
  scriptLocation = path.join(dir, 'migrations')
  writeScript(scriptLocation, files)
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('generateMigrationsIndex', () => {
  it('imports every script revision, inlines YAML and keys them by path', async () => {
    const outFile = path.join(dir, 'src', 'gen', 'migrations.generated.js')
    const result = await generateMigrationsIndex({ scriptLocation, outFile })

    expect(result.outFile).toBe(outFile)
    expect(result.written).toBe(true)
    expect(fs.readFileSync(outFile, 'utf8')).toBe(result.source)
    expect(result.revisions).toEqual([
      {
        revision: 'a1a1',
        key: 'versions/a1_create_account.ts',
        specifier: '../../migrations/versions/a1_create_account.ts',
      },
      { revision: '1234e5678901', key: 'versions/b2_tag.yaml', specifier: undefined },
      {
        revision: 'c3c3',
        key: 'versions/c3_note.mjs',
        specifier: '../../migrations/versions/c3_note.mjs',
      },
    ])
    expect(result.source).toContain(
      `import * as r0 from "../../migrations/versions/a1_create_account.ts"`,
    )
    expect(result.source).toContain(`import * as r2 from "../../migrations/versions/c3_note.mjs"`)
    // The YAML revision is inlined as data, built without the YAML parser.
    expect(result.source).toContain(`import { bundledYamlRevision } from "@retort/core/migrator"`)
    expect(result.source).toContain(`const r1 = bundledYamlRevision({"revision":"1234e5678901"`)
    expect(result.source).toContain(`"versions/b2_tag.yaml": r1,`)
    expect(result.source).not.toContain('_helper')
    // No absolute path: the file is the same on every machine.
    expect(result.source).not.toContain(dir)
  })

  it('writes a module whose migrations behave like the script directory', async () => {
    const outFile = path.join(dir, 'src', 'migrations.generated.mjs')
    await generateMigrationsIndex({ scriptLocation: pathToFileURL(scriptLocation), outFile })

    const { migrations } = (await import(pathToFileURL(outFile).href)) as {
      migrations: Record<string, unknown>
    }
    const bundled = await moduleSource(migrations)
    const directory = ScriptDirectory.open({ scriptLocation })
    expect(bundled.revisions.map((r) => [r.id, r.downRevisions, r.message])).toEqual(
      directory.revisions.map((r) => [r.id, r.downRevisions, r.message]),
    )
    expect(bundled.revisions.map((r) => r.path)).toEqual([
      'versions/a1_create_account.ts',
      'versions/b2_tag.yaml',
      'versions/c3_note.mjs',
    ])
    expect(new RevisionMap(bundled.revisions).heads).toEqual(['c3c3'])

    for (const revision of bundled.revisions) {
      const fromBundle = await bundled.load(revision)
      const fromDirectory = await directory.load(
        directory.revisions.find((r) => r.id === revision.id)!,
      )
      expect(run(fromBundle, 'upgrade')).toEqual(run(fromDirectory, 'upgrade'))
      expect(run(fromBundle, 'downgrade')).toEqual(run(fromDirectory, 'downgrade'))
    }
  })

  it('leaves an unchanged file alone and rewrites it when a revision is added', async () => {
    const outFile = path.join(dir, 'migrations.generated.js')
    const first = await generateMigrationsIndex({ scriptLocation, outFile })
    const again = await generateMigrationsIndex({ scriptLocation, outFile })
    expect(again.written).toBe(false)
    expect(again.source).toBe(first.source)

    fs.writeFileSync(
      path.join(scriptLocation, 'versions', 'd4_more.yaml'),
      'revision: d4d4\ndownRevision: c3c3\nupgrade:\n  - dropColumn: { table: account, name: note }\ndowngrade: []\n',
    )
    const third = await generateMigrationsIndex({ scriptLocation, outFile })
    expect(third.written).toBe(true)
    expect(third.revisions.map((r) => r.revision)).toEqual(['a1a1', '1234e5678901', 'c3c3', 'd4d4'])
  })

  it('reads versionLocations, and the locations of a config', async () => {
    const other = path.join(dir, 'plugins')
    writeScript(other, {
      'p1_plugin.yaml':
        'revision: p1p1\ndownRevision: null\nupgrade:\n  - createTable: { name: plugin, columns: [{ name: id, type: integer }] }\n',
    })
    const outFile = path.join(dir, 'out', 'index.js')
    const byLocations = await generateMigrationsIndex({
      versionLocations: [path.join(scriptLocation, 'versions'), path.join(other, 'versions')],
      outFile,
    })
    expect(byLocations.revisions.map((r) => [r.revision, r.key])).toEqual([
      ['a1a1', 'migrations/versions/a1_create_account.ts'],
      ['1234e5678901', 'migrations/versions/b2_tag.yaml'],
      ['c3c3', 'migrations/versions/c3_note.mjs'],
      ['p1p1', 'plugins/versions/p1_plugin.yaml'],
    ])
    // The bundle sees the revisions in the order the directories give.
    const { migrations } = (await import(pathToFileURL(outFile).href)) as {
      migrations: Record<string, unknown>
    }
    const bundled = await moduleSource(migrations)
    const directory = ScriptDirectory.open({
      scriptLocation,
      versionLocations: [path.join(other, 'versions'), path.join(scriptLocation, 'versions')],
    })
    expect(bundled.revisions.map((r) => r.id)).toEqual(directory.revisions.map((r) => r.id))

    const config = new Config({ scriptLocation, versionLocations: [path.join(other, 'versions')] })
    const byConfig = await generateMigrationsIndex({
      config,
      outFile: path.join(dir, 'out', 'b.js'),
    })
    expect(byConfig.revisions).toEqual([
      { revision: 'p1p1', key: 'plugins/versions/p1_plugin.yaml', specifier: undefined },
    ])
  })

  it('fails on a YAML revision whose operations are wrong, naming its line', async () => {
    fs.writeFileSync(
      path.join(scriptLocation, 'versions', 'd4_more.yaml'),
      'revision: d4d4\ndownRevision: c3c3\nupgrade:\n  - dropColumn: { table: account, name: note, existing: true }\n',
    )
    const outFile = path.join(dir, 'broken.generated.js')
    await expect(generateMigrationsIndex({ scriptLocation, outFile })).rejects.toThrow(
      /^versions\/d4_more\.yaml:4: upgrade\[0\]: dropColumn\('account', 'note'\): unknown option 'existing'/,
    )
    expect(fs.existsSync(outFile)).toBe(false)
  })

  it('keeps a YAML revision holding a value JSON cannot carry as text, parsed at start-up', async () => {
    fs.writeFileSync(
      path.join(scriptLocation, 'versions', 'd4_more.yaml'),
      'revision: d4d4\ndownRevision: c3c3\nupgrade:\n  - bulkInsert: { table: account, rows: [{ id: 9, score: .nan }] }\ndowngrade: []\n',
    )
    const outFile = path.join(dir, 'nan.generated.mjs')
    const result = await generateMigrationsIndex({ scriptLocation, outFile })
    expect(result.source).toContain(`import { bundledYamlRevision } from "@retort/core/migrator"`)
    expect(result.source).toContain(`import { yamlRevisionModule } from "@retort/core"`)
    expect(result.source).toMatch(/const r3 = yamlRevisionModule\("revision: d4d4/)
  })

  it('imports bundledYamlRevision from the module it is told to', async () => {
    const result = await generateMigrationsIndex({
      scriptLocation,
      outFile: path.join(dir, 'index.js'),
      coreModule: '#retort-core',
    })
    expect(result.source).toContain(`import { bundledYamlRevision } from "#retort-core"`)
  })

  it('fails before writing on a broken graph or a relative outFile', async () => {
    const outFile = path.join(dir, 'index.js')
    await expect(generateMigrationsIndex({ scriptLocation, outFile: 'index.js' })).rejects.toThrow(
      ConfigError,
    )
    await expect(generateMigrationsIndex({ outFile })).rejects.toThrow(ConfigError)

    fs.writeFileSync(
      path.join(scriptLocation, 'versions', 'e5_orphan.yaml'),
      'revision: e5e5\ndownRevision: nowhere\nupgrade: []\n',
    )
    await expect(generateMigrationsIndex({ scriptLocation, outFile })).rejects.toThrow(
      MissingRevisionError,
    )
    expect(fs.existsSync(outFile)).toBe(false)
  })
})

describe('yamlRevisionModule', () => {
  it('gives the header and the body of a YAML revision, downgrade derived', () => {
    const module = yamlRevisionModule(files['b2_tag.yaml']!, 'versions/b2_tag.yaml')
    expect(module.revision).toBe('1234e5678901')
    expect(module.downRevision).toBe('a1a1')
    expect(module.message).toBe('tag')
    expect(run(module, 'upgrade')).toHaveLength(1)
    expect(run(module, 'downgrade')).toHaveLength(1)
    expect(run(module, 'downgrade')[0]).toMatch(/drop/i)
  })

  it('names the file in errors', () => {
    expect(() =>
      yamlRevisionModule(
        'revision: x1\nupgrade:\n  - execute: DELETE FROM t\n',
        'versions/x1.yaml',
      ),
    ).toThrow(/versions\/x1\.yaml/)
  })
})
