// A command loads the parts of core it needs and no more: the CLI reaches core through
// `@retort/core/cli`, whose commands import their implementation on call. Checked on the
// built binary, with a module loader hook that records every module Node loads.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, createProject } from './helpers/project.js'
import { retortInProcess } from './helpers/in-process.js'

/** Registers a `load` hook that writes the URL of every module loaded to $LOADED_OUT at exit. */
const HOOK = `import { register } from 'node:module'
import { writeFileSync } from 'node:fs'
const { port1, port2 } = new MessageChannel()
const urls = []
port1.on('message', (url) => urls.push(url))
port1.unref()
const hooks = 'let port; export function initialize(data) { port = data.port } export async function load(url, context, next) { port.postMessage(url); return next(url, context) }'
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] })
process.on('exit', () => writeFileSync(process.env.LOADED_OUT, urls.join('\\n')))
`

/** What `retort heads` and `retort current` must not load: authoring and the loaders. */
const NOT_FOR_READS = [
  /\/node_modules\/yaml\//,
  /\/node_modules\/sucrase\//,
  /\/node_modules\/es-module-lexer\//,
  /\/node_modules\/import-meta-resolve\//,
  /\/node_modules\/@dagrejs\//,
  /\/core\/dist\/index\.js$/,
  /\/core\/dist\/(authoring|autogenerate)\//,
  /\/core\/dist\/commands\/(squash|check|graph)\.js$/,
  /\/core\/dist\/script\/(typescript-loader|generate-migrations-index)\.js$/,
  /\/core\/dist\/schema\/(define-schema|load-declared-schema|compare-declared-schema)\.js$/,
  /\/core\/dist\/graph-render\//,
]

describe('modules a command loads', () => {
  let project: ReturnType<typeof createProject>
  let hook: string

  beforeAll(async () => {
    project = createProject('retort-modules-')
    hook = join(project.dir, 'record-loads.mjs')
    writeFileSync(hook, HOOK)
    for (const args of [
      ['init', 'migrations'],
      ['revision', '-m', 'one'],
      ['revision', '-m', 'two'],
    ]) {
      const result = await retortInProcess(project.dir, args)
      expect(result.stderr).toBe('')
    }
  })
  afterAll(() => project.cleanup())

  /** The modules `retort ARGS` loaded (URLs), after checking that it succeeded. */
  function loaded(args: readonly string[], cwd = project.dir): string[] {
    const out = join(project.dir, `loaded-${args.join('-')}.txt`)
    const run = spawnSync(process.execPath, ['--import', hook, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', LOADED_OUT: out },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    return readFileSync(out, 'utf8').split('\n').filter(Boolean)
  }

  it('retort heads loads no YAML parser, TypeScript loader or authoring code', () => {
    const urls = loaded(['heads'])
    expect(urls.some((url) => url.endsWith('/core/dist/commands/heads.js'))).toBe(true)
    expect(urls.filter((url) => NOT_FOR_READS.some((pattern) => pattern.test(url)))).toEqual([])
  })

  it('retort upgrade --sql loads neither the database driver nor the online runtime', () => {
    // No env module (whose `import '@retort/core'` loads all of core): the default env.
    const dir = join(project.dir, 'yaml-only')
    mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true })
    writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///app.db\n')
    writeFileSync(
      join(dir, 'migrations', 'versions', 'a1.yaml'),
      'revision: a1\ndownRevision: null\nupgrade:\n  - createTable: { name: t, columns: [{ name: id, type: integer }] }\n',
    )
    const urls = loaded(['upgrade', 'base:head', '--sql'], dir)
    expect(urls.some((url) => url.endsWith('/dialect-sqlite/dist/sqlite-compiler.js'))).toBe(true)
    expect(
      urls.filter((url) =>
        [
          /\/node_modules\/(better-sqlite3|commander|get-east-asian-width)\//,
          /\/core\/dist\/runtime\/(run-online|run-with-backup)\.js$/,
          /\/cli\/dist\/(program|commander)\.js$/,
          /\/cli\/dist\/render\/(progress|visible-width)\.js$/,
        ].some((pattern) => pattern.test(url)),
      ),
    ).toEqual([])
    // Run online, the same command loads them.
    const online = loaded(['upgrade', 'head'], dir)
    expect(online.some((url) => /\/node_modules\/better-sqlite3\//.test(url))).toBe(true)
    expect(online.some((url) => url.endsWith('/core/dist/runtime/run-online.js'))).toBe(true)
  })

  it('retort revision loads its own command, which heads does not', () => {
    const urls = loaded(['revision', '-m', 'three'])
    expect(urls.some((url) => url.endsWith('/core/dist/authoring/revision.js'))).toBe(true)
  })
})
